import check from '../../../../checks/replication/default-replication-factor.js';
import { checkCases } from '../../../helpers/check-tester.js';
import { withBrokerConfig } from '../../../helpers/builders.js';
import { makeSnapshot } from '../../../helpers/snapshot.js';
import { timedOut } from './helpers.js';

checkCases(check, [
  { name: 'default RF below 3 warns', snapshot: () => withBrokerConfig({ 'default.replication.factor': '1' }), expect: [{ kind: 'broker', name: '1', status: 'warn', severity: 'medium', message: 'default.replication.factor 1: topics created without an explicit RF get 1 replica(s)' }] },
  {
    name: 'default RF below 3 fails with auto-create on',
    snapshot: () => withBrokerConfig({ 'default.replication.factor': '1', 'auto.create.topics.enable': 'true' }),
    expect: [{ kind: 'broker', name: '1', status: 'fail', message: 'default.replication.factor 1 with auto.create.topics.enable=true: any typo creates an under-replicated topic', evidence: { details: { autoCreateTopics: true } } }],
  },
  { name: 'default RF 3 passes', snapshot: () => withBrokerConfig({ 'default.replication.factor': '3' }), expect: [] },
  { name: 'honours the minReplicationFactor option', snapshot: () => withBrokerConfig({ 'default.replication.factor': '2' }), options: { minReplicationFactor: 2 }, expect: [] },
  { name: 'not applicable on AutoMQ', snapshot: () => withBrokerConfig({ 'default.replication.factor': '1' }), configure: (c) => (c.platform = 'automq'), expect: { status: 'not-applicable', reason: /^automq: storage is shared/ } },
  { name: 'unknown when broker configs timed out', snapshot: () => makeSnapshot({ brokerConfigs: timedOut('DescribeConfigs') }), expect: { status: 'unknown', reason: /unavailable/, missing: ['brokerConfigs'] } },
]);
