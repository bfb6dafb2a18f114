import { cluster, defineCheck, mapTopicName, migratedTopics, pass, readConfig, topic, unknown, warn } from '../../src/sdk.js';

/** Broker settings idempotent and transactional producers depend on after the switch. */
const PRODUCER_SETTINGS = ['transactional.id.expiration.ms', 'producer.id.expiration.ms', 'transaction.max.timeout.ms', 'transaction.state.log.replication.factor', 'transaction.state.log.min.isr'];

export default defineCheck({
  meta: {
    id: 'migration/producer-switch',
    area: 'migration',
    title: 'Producers can switch without breaking idempotence or transactions',
    failureTitle: 'Producers\' idempotence or transactions need care at the switch',
    description:
      'Producer ids, sequence numbers and transaction state live in each cluster: an idempotent producer that switches ' +
      'starts a new producer id on the target, and a transaction still open on the source when producers move is ' +
      'never committed there (its records stay invisible to read_committed consumers until it times out). Per topic, ' +
      'an open transaction on the source (last stable offset below the end) is flagged; per cluster, the broker ' +
      'settings transactional producers rely on are compared.',
    remediation:
      'Switch transactional producers only after their transactions completed (stop them, wait for the last stable offset to reach the end offset), and keep their ' +
      '`transactional.id`s unique per cluster; align the target broker settings (`kafka-configs.sh --alter --entity-type brokers --entity-default --add-config <key>=<value>`, ' +
      'or server.properties for the static ones).',
    references: [
      { title: 'KIP-98: Exactly once delivery and transactional messaging', url: 'https://cwiki.apache.org/confluence/display/KAFKA/KIP-98+-+Exactly+Once+Delivery+and+Transactional+Messaging' },
      { title: 'Kafka docs: transactional.id.expiration.ms', url: 'https://kafka.apache.org/documentation/#brokerconfigs_transactional.id.expiration.ms' },
    ],
    severity: 'medium',
    requires: ['migration', 'brokerConfigs'],
  },
  evaluate({ migration, brokerConfigs }) {
    const src = migration.source;
    if (!src.brokerConfigs.ok) return unknown(`source broker configs unavailable (${src.brokerConfigs.error.message})`);
    const results = [];
    const a = Object.values(src.brokerConfigs.value)[0];
    const b = Object.values(brokerConfigs)[0];
    if (a && b) {
      const drift = PRODUCER_SETTINGS.map((key) => ({ key, source: readConfig(a, key), target: readConfig(b, key) }))
        .filter((d) => d.source.present && d.target.present && d.source.value !== d.target.value)
        .map((d) => ({ config: d.key, source: d.source.value, target: d.target.value, sourceFrom: d.source.source, targetFrom: d.target.source }));
      const resource = cluster('producer settings');
      if (drift.length) results.push(warn(resource, `the target differs in ${drift.map((d) => `${d.config} ${d.source} → ${d.target}`).join(', ')}`, { observed: Object.fromEntries(drift.map((d) => [d.config, d.target])), expected: 'the source brokers\' values', config: drift[0]!.config, source: drift[0]!.targetFrom, details: { drift } }));
      else results.push(pass(resource, `the target has the source's ${PRODUCER_SETTINGS.length} producer-id and transaction settings`));
    }
    if (src.topics.ok && src.offsets.ok) {
      for (const t of migratedTopics(migration.mapping, src.topics.value)) {
        const parts = src.offsets.value[t.name] ?? {};
        const open = Object.entries(parts).filter(([, o]) => o.stable != null && o.latest != null && BigInt(o.stable) < BigInt(o.latest)).map(([p]) => `${t.name}-${p}`);
        if (open.length) results.push(warn(topic(t.name), `${open.length} partition(s) of ${t.name} have a transaction open on the source: switching its producers now leaves it uncommitted on ${mapTopicName(migration.mapping, t.name)}`, { observed: { openTransactions: open }, expected: 'last stable offset = end offset on every partition' }));
      }
    }
    return results;
  },
});
