import check from '../../../../checks/replication/topic-policy.js';
import type { ReadinessConfig } from '../../../../src/config/readiness.js';
import { checkCases } from '../../../helpers/check-tester.js';
import { denied } from '../../../helpers/builders.js';
import { cfg, makeSnapshot, TOPIC_DEFAULTS, topicInfo } from '../../../helpers/snapshot.js';
import { withTopics } from './helpers.js';

const payments = (config: ReadinessConfig) => {
  config.policy.topicPolicies = [{ topics: ['payments.*'], origin: 'r.yaml:3:5', replicationFactor: { min: 3 }, minInsyncReplicas: { min: 2 } }];
};
const topics = () =>
  withTopics([topicInfo('payments.in', [{ replicas: [1, 2] }]), topicInfo('payments.ok', [{ replicas: [1, 2, 3] }]), topicInfo('payments.lax', [{ replicas: [1, 2, 3] }]), topicInfo('other', [{ replicas: [1] }])], {
    'payments.lax': cfg({ ...TOPIC_DEFAULTS, 'min.insync.replicas': '1' }),
  });

checkCases(check, [
  {
    name: 'checks RF and min ISR of matching topics against the declared policy',
    snapshot: topics,
    configure: payments,
    expect: [
      { kind: 'topic', name: 'payments.in', status: 'fail', severity: 'high', message: 'breaks the policy for payments.*: replication factor 2 (policy >= 3)', evidence: { details: { policy: ['payments.*'], policyAt: 'r.yaml:3:5' } } },
      { kind: 'topic', name: 'payments.lax', status: 'fail', message: 'breaks the policy for payments.*: min.insync.replicas 1 (policy >= 2)' },
    ],
    // `other` matches no policy and is not judged.
    counts: { resources: 3, pass: 1, warn: 0, fail: 2, waived: 0 },
  },
  { name: 'is not applicable without a replication policy', snapshot: topics, expect: { status: 'not-applicable', reason: 'no topicPolicies with replicationFactor or minInsyncReplicas in readiness.yaml' } },
  { name: 'unknown when topic configs are denied', snapshot: () => makeSnapshot({ topicConfigs: denied('DescribeConfigs') }), configure: payments, expect: { status: 'unknown', missing: ['topicConfigs'] } },
]);
