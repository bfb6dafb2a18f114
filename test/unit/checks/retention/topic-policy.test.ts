import check from '../../../../checks/retention/topic-policy.js';
import { parseDuration, type ReadinessConfig } from '../../../../src/config/readiness.js';
import { checkCases } from '../../../helpers/check-tester.js';
import { denied } from '../../../helpers/builders.js';
import { cfg, makeSnapshot, TOPIC_DEFAULTS, topicInfo } from '../../../helpers/snapshot.js';

const withPolicy = (config: ReadinessConfig) => {
  config.policy.topicPolicies = [{ topics: ['payments.*'], origin: 'r.yaml:2:5', retentionMs: { min: parseDuration('7d')!, max: parseDuration('30d')! }, cleanupPolicy: 'delete' }];
};
const snap = (configs: Record<string, Record<string, string>>) =>
  makeSnapshot({
    topics: { ok: true, value: Object.keys(configs).map((n) => topicInfo(n, [{ replicas: [1, 2, 3] }])) },
    topicConfigs: { ok: true, value: Object.fromEntries(Object.entries(configs).map(([n, v]) => [n, cfg({ ...TOPIC_DEFAULTS, ...v })])) },
  });

checkCases(check, [
  {
    name: 'fails unlimited retention and a wrong cleanup policy; passes a topic inside the window',
    snapshot: () =>
      snap({
        'payments.a': { 'retention.ms': String(14 * 86_400_000) },
        'payments.b': { 'retention.ms': '-1' },
        'payments.c': { 'retention.ms': String(86_400_000), 'cleanup.policy': 'compact' },
        other: { 'retention.ms': '-1' },
      }),
    configure: withPolicy,
    expect: [
      { kind: 'topic', name: 'payments.b', status: 'fail', severity: 'high', message: /retention unlimited \(policy 7 d – 30 d\)/ },
      { kind: 'topic', name: 'payments.c', status: 'fail', message: /retention 24 h .*cleanup.policy compact \(policy delete\)/ },
    ],
    counts: { pass: 1, resources: 3 },
  },
  { name: 'passes matching topics that meet the policy', snapshot: () => snap({ 'payments.a': { 'retention.ms': String(14 * 86_400_000) } }), configure: withPolicy, expect: [], counts: { pass: 1 } },
  { name: 'is not applicable without topicPolicies', snapshot: () => snap({ 'payments.b': { 'retention.ms': '-1' } }), expect: { status: 'not-applicable', reason: /topicPolicies/ } },
  { name: 'is unknown when topic configs were denied', snapshot: () => makeSnapshot({ topicConfigs: denied('DescribeConfigs') }), configure: withPolicy, expect: { status: 'unknown', missing: ['topicConfigs'] } },
]);
