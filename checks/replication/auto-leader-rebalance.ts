import { boolConfig, broker, defineCheck, describeSource, pass, readConfig, warn } from '../../src/sdk.js';

export default defineCheck({
  meta: {
    id: 'replication/auto-leader-rebalance',
    area: 'replication',
    title: 'Leadership returns to preferred replicas automatically',
    failureTitle: 'Leadership does not return to preferred replicas automatically',
    description:
      'With `auto.leader.rebalance.enable=false`, leadership stays wherever it moved after the last broker restart until ' +
      'someone runs a preferred leader election by hand; after a rolling upgrade one broker can end up leading most partitions.',
    remediation: 'Set `auto.leader.rebalance.enable=true` (the default) on every broker.',
    references: [{ title: 'Kafka docs: auto.leader.rebalance.enable', url: 'https://kafka.apache.org/documentation/#brokerconfigs_auto.leader.rebalance.enable' }],
    severity: 'low',
    requires: ['brokerConfigs'],
    judges: [
      { config: 'auto.leader.rebalance.enable', scope: 'broker', threshold: 'false → warn', source: 'Kafka docs auto.leader.rebalance.enable' },
    ],
    notApplicableOn: { warpstream: 'agents are stateless; there are no partition leaders to balance' },
  },
  evaluate({ brokerConfigs }) {
    return Object.entries(brokerConfigs).flatMap(([id, configs]) => {
      const enabled = boolConfig(configs, 'auto.leader.rebalance.enable');
      if (enabled === null) return [];
      const { value, source } = readConfig(configs, 'auto.leader.rebalance.enable');
      const evidence = { observed: value, expected: 'true', config: 'auto.leader.rebalance.enable', source, details: { from: describeSource(source) } };
      return enabled ? [pass(broker(id), 'automatic leader rebalancing is on', evidence)] : [warn(broker(id), 'automatic leader rebalancing is off', evidence)];
    });
  },
});
