import check from '../../../../checks/replication/auto-create-topics.js';
import { checkCases } from '../../../helpers/check-tester.js';
import { denied, withBrokerConfig } from '../../../helpers/builders.js';
import { makeSnapshot } from '../../../helpers/snapshot.js';

checkCases(check, [
  { name: 'auto-create on warns', snapshot: () => withBrokerConfig({ 'auto.create.topics.enable': 'true' }), expect: [{ kind: 'broker', name: '1', status: 'warn', severity: 'medium', message: 'clients can create topics by naming them', evidence: { observed: 'true', source: 'static-broker' } }] },
  { name: 'auto-create off passes', snapshot: () => withBrokerConfig({ 'auto.create.topics.enable': 'false' }), expect: [] },
  { name: 'not reported: nothing to evaluate', snapshot: makeSnapshot(), expect: { status: 'not-applicable', reason: 'nothing to evaluate' } },
  { name: 'unknown when broker configs are denied', snapshot: () => makeSnapshot({ brokerConfigs: denied('DescribeConfigs') }), expect: { status: 'unknown', missing: ['brokerConfigs'] } },
]);
