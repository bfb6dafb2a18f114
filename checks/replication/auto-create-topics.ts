import { boolConfig, broker, defineCheck, describeSource, pass, readConfig, warn } from '../../src/sdk.js';

export default defineCheck({
  meta: {
    id: 'replication/auto-create-topics',
    area: 'replication',
    title: 'Topics are created on purpose, not by a client\'s first request',
    failureTitle: 'Clients create topics by their first request',
    description:
      'With `auto.create.topics.enable=true` a producer or consumer that names a topic that does not exist creates it ' +
      'with broker defaults (partitions, replication, retention) — no review, no ACL planning, no policy.',
    remediation: 'Set `auto.create.topics.enable=false` and create topics through your provisioning pipeline.',
    references: [{ title: 'Kafka docs: auto.create.topics.enable', url: 'https://kafka.apache.org/documentation/#brokerconfigs_auto.create.topics.enable' }],
    severity: 'medium',
    requires: ['brokerConfigs'],
    judges: [
      { config: 'auto.create.topics.enable', scope: 'broker', threshold: 'true → warn', source: 'Kafka docs auto.create.topics.enable' },
    ],
  },
  evaluate({ brokerConfigs }) {
    return Object.entries(brokerConfigs).flatMap(([id, configs]) => {
      const on = boolConfig(configs, 'auto.create.topics.enable');
      if (on === null) return [];
      const { value, source } = readConfig(configs, 'auto.create.topics.enable');
      const evidence = { observed: value, expected: 'false', config: 'auto.create.topics.enable', source, details: { from: describeSource(source) } };
      return on ? [warn(broker(id), 'clients can create topics by naming them', evidence)] : [pass(broker(id), 'topic auto-creation is off', evidence)];
    });
  },
});
