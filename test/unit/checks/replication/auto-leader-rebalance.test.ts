import check from '../../../../checks/replication/auto-leader-rebalance.js';
import { checkCases } from '../../../helpers/check-tester.js';
import { denied, withBrokerConfig } from '../../../helpers/builders.js';
import { makeSnapshot } from '../../../helpers/snapshot.js';

checkCases(check, [
  { name: 'auto leader rebalance off warns', snapshot: () => withBrokerConfig({ 'auto.leader.rebalance.enable': 'false' }), expect: [{ kind: 'broker', name: '1', status: 'warn', severity: 'low', message: 'automatic leader rebalancing is off' }] },
  { name: 'on passes', snapshot: () => withBrokerConfig({ 'auto.leader.rebalance.enable': 'true' }), expect: [] },
  { name: 'not applicable on WarpStream', snapshot: () => withBrokerConfig({ 'auto.leader.rebalance.enable': 'false' }), configure: (c) => (c.platform = 'warpstream'), expect: { status: 'not-applicable', reason: /^warpstream: / } },
  { name: 'unknown when broker configs are denied', snapshot: () => makeSnapshot({ brokerConfigs: denied('DescribeConfigs') }), expect: { status: 'unknown', missing: ['brokerConfigs'] } },
]);
