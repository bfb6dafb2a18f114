import { boolConfig, broker, defineCheck, describeSource, fail, numberConfig, pass, readConfig, warn } from '../../src/sdk.js';

export default defineCheck({
  meta: {
    id: 'replication/default-replication-factor',
    area: 'replication',
    title: 'Topics created without an explicit RF still get 3 replicas',
    failureTitle: 'Topics created without an explicit RF get fewer than 3 replicas',
    description:
      'Topics created by tools or by auto-creation without a replication factor get `default.replication.factor` ' +
      '(Kafka default: 1). With auto-creation on, a mistyped topic name silently creates an unreplicated topic that then holds real data.',
    remediation: 'Set `default.replication.factor=3` (and `min.insync.replicas=2`) on every broker.',
    references: [{ title: 'Kafka docs: default.replication.factor', url: 'https://kafka.apache.org/documentation/#brokerconfigs_default.replication.factor' }],
    severity: 'medium',
    requires: ['brokerConfigs'],
    judges: [
      { config: 'default.replication.factor', scope: 'broker', threshold: '< 3 → warn (fail when auto.create.topics.enable=true)', source: 'Kafka docs default.replication.factor; check catalog' },
    ],
    defaultOptions: { minReplicationFactor: 3 },
    optionsSchema: { type: 'object', additionalProperties: false, properties: { minReplicationFactor: { type: 'integer', minimum: 0 } } },
    notApplicableOn: { automq: 'storage is shared (S3/EBS WAL); Kafka replication factor does not set durability', warpstream: 'storage is object storage; replication factor is not used' },
  },
  evaluate({ brokerConfigs }, { options }) {
    return Object.entries(brokerConfigs).flatMap(([id, configs]) => {
      const rf = numberConfig(configs, 'default.replication.factor');
      if (rf === null) return [];
      const autoCreate = boolConfig(configs, 'auto.create.topics.enable') === true;
      const { source } = readConfig(configs, 'default.replication.factor');
      const evidence = {
        observed: rf,
        expected: `>= ${options.minReplicationFactor}`,
        config: 'default.replication.factor',
        source,
        details: { from: describeSource(source), autoCreateTopics: autoCreate },
      };
      if (rf >= options.minReplicationFactor) return [pass(broker(id), `default.replication.factor ${rf}`, evidence)];
      return autoCreate
        ? [fail(broker(id), `default.replication.factor ${rf} with auto.create.topics.enable=true: any typo creates an under-replicated topic`, evidence)]
        : [warn(broker(id), `default.replication.factor ${rf}: topics created without an explicit RF get ${rf} replica(s)`, evidence)];
    });
  },
});
