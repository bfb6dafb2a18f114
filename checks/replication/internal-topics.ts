import { defineCheck, fail, numberConfig, pass, readConfig, replicationFactor, type ResourceResult, topic, warn } from '../../src/sdk.js';

// Internal topics and the broker settings that create them; a missing topic is judged by the setting.
const INTERNAL = [
  { name: '__consumer_offsets', rfConfig: 'offsets.topic.replication.factor', isrConfig: 'min.insync.replicas' },
  { name: '__transaction_state', rfConfig: 'transaction.state.log.replication.factor', isrConfig: 'transaction.state.log.min.isr' },
];

export default defineCheck({
  meta: {
    id: 'replication/internal-topics',
    area: 'replication',
    title: 'Internal topics are replicated like production data',
    failureTitle: 'Internal topics are under-replicated',
    description:
      '`__consumer_offsets` holds every group\'s position and `__transaction_state` every transaction; if either loses a partition, ' +
      'consumers restart from the wrong place or transactions hang. They are created on first use from broker settings, so a ' +
      'development default (RF 1) survives into production unnoticed.',
    remediation:
      'Set `offsets.topic.replication.factor=3`, `transaction.state.log.replication.factor=3` and `transaction.state.log.min.isr=2` before first use; ' +
      'for existing topics with RF < 3, reassign their partitions to three brokers.',
    references: [{ title: 'Kafka docs: offsets.topic.replication.factor', url: 'https://kafka.apache.org/documentation/#brokerconfigs_offsets.topic.replication.factor' }],
    severity: 'high',
    requires: ['topics', 'topicConfigs', 'brokerConfigs'],
    judges: [
      { config: 'offsets.topic.replication.factor', scope: 'broker', threshold: '< 3 → fail (when __consumer_offsets does not exist yet)', source: 'Kafka docs offsets.topic.replication.factor' },
      { config: 'transaction.state.log.replication.factor', scope: 'broker', threshold: '< 3 → fail (when __transaction_state does not exist yet)', source: 'Kafka docs transaction.state.log.replication.factor' },
      { config: 'transaction.state.log.min.isr', scope: 'broker', threshold: '< 2 → warn', source: 'Kafka docs transaction.state.log.min.isr' },
    ],
    defaultOptions: { minReplicationFactor: 3, minIsr: 2 },
    optionsSchema: { type: 'object', additionalProperties: false, properties: { minReplicationFactor: { type: 'integer', minimum: 0 }, minIsr: { type: 'integer', minimum: 0 } } },
    notApplicableOn: { automq: 'storage is shared; replication factor does not set durability', warpstream: 'internal state lives in object storage' },
  },
  evaluate({ topics, topicConfigs, brokerConfigs }, { options }) {
    const anyBroker = Object.values(brokerConfigs)[0];
    const results: ResourceResult[] = [];
    for (const it of INTERNAL) {
      const t = topics.find((x) => x.name === it.name);
      if (t && t.partitions.length > 0) {
        const rf = replicationFactor(t);
        const isrSource = it.name === '__consumer_offsets' ? topicConfigs[it.name] : anyBroker;
        const minIsr = numberConfig(isrSource, it.isrConfig);
        const evidence = {
          observed: { replicationFactor: rf, [it.isrConfig]: minIsr },
          expected: `RF >= ${options.minReplicationFactor}, ${it.isrConfig} >= ${options.minIsr}`,
          config: it.isrConfig,
          source: readConfig(isrSource, it.isrConfig).source,
        };
        if (rf < options.minReplicationFactor) results.push(fail(topic(it.name), `replication factor ${rf}`, evidence));
        else if (minIsr !== null && minIsr < options.minIsr) results.push(warn(topic(it.name), `${it.isrConfig} is ${minIsr}: an acknowledged write can live on one replica`, evidence));
        else results.push(pass(topic(it.name), `replication factor ${rf}${minIsr !== null ? `, ${it.isrConfig} ${minIsr}` : ''}`, evidence));
      } else if (anyBroker) {
        const rf = numberConfig(anyBroker, it.rfConfig);
        if (rf === null) continue;
        const res = { kind: 'config', name: it.rfConfig };
        const evidence = { observed: rf, expected: `>= ${options.minReplicationFactor}`, config: it.rfConfig, source: readConfig(anyBroker, it.rfConfig).source, details: { topicExists: false } };
        results.push(
          rf < options.minReplicationFactor
            ? fail(res, `${it.name} does not exist yet and will be created with replication factor ${rf}`, evidence)
            : pass(res, `${it.name} will be created with replication factor ${rf}`, evidence),
        );
      }
    }
    return results;
  },
});
