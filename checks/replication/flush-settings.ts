import { broker, configOrigin, defineCheck, isInternalTopic, numberConfig, pass, readConfig, topic, warn, type ResourceResult } from '../../src/sdk.js';

// Kafka's "never force a flush" value for flush.messages / flush.ms (Long.MAX_VALUE).
const NEVER = 9.2e18;

export default defineCheck({
  meta: {
    id: 'replication/flush-settings',
    area: 'replication',
    title: 'Durability comes from replication, not forced fsync',
    failureTitle: 'Topics force fsync instead of relying on replication',
    description:
      'Kafka acknowledges writes once they are replicated (`acks=all`, `min.insync.replicas`) and leaves flushing to the ' +
      'operating system. The Kafka documentation recommends not setting `flush.messages` / `flush.ms` (or the broker ' +
      '`log.flush.interval.*`): a forced fsync per few messages costs throughput and latency for every partition, while ' +
      'replication already survives the loss of a machine. An override usually means someone tried to buy durability the ' +
      'expensive way — or kept a setting from a single-broker setup.',
    remediation:
      'Remove the override (`kafka-configs.sh --alter --entity-type topics --entity-name <topic> --delete-config flush.messages,flush.ms`; ' +
      'on brokers drop `log.flush.interval.messages` / `log.flush.interval.ms`) and rely on RF ≥ 3 with `min.insync.replicas=2` and `acks=all`.',
    references: [
      { title: 'Kafka docs: flush.messages', url: 'https://kafka.apache.org/documentation/#topicconfigs_flush.messages' },
      { title: 'Kafka docs: Application vs. OS flush management', url: 'https://kafka.apache.org/documentation/#appvsosflush' },
    ],
    severity: 'low',
    requires: ['topics', 'topicConfigs', 'brokerConfigs'],
    judges: [
      { config: 'flush.messages', scope: 'topic', threshold: 'set (not Long.MAX_VALUE) → warn', source: 'Kafka docs flush.messages: "we recommend you not set this and use replication for durability"' },
      { config: 'flush.ms', scope: 'topic', threshold: 'set (not Long.MAX_VALUE) → warn', source: 'Kafka docs flush.ms (same recommendation)' },
      { config: 'log.flush.interval.messages', scope: 'broker', threshold: 'set (not Long.MAX_VALUE) → warn', source: 'Kafka docs Application vs. OS flush management' },
      { config: 'log.flush.interval.ms', scope: 'broker', threshold: 'set → warn', source: 'Kafka docs Application vs. OS flush management' },
    ],
  },
  evaluate({ topics, topicConfigs, brokerConfigs }) {
    const results: ResourceResult[] = [];
    for (const [id, configs] of Object.entries(brokerConfigs)) {
      const messages = numberConfig(configs, 'log.flush.interval.messages');
      const ms = numberConfig(configs, 'log.flush.interval.ms');
      if (messages === null && !readConfig(configs, 'log.flush.interval.messages').present) continue;
      const set = [
        ...(messages !== null && messages < NEVER ? [`log.flush.interval.messages=${messages}`] : []),
        ...(ms !== null && ms < NEVER ? [`log.flush.interval.ms=${ms}`] : []),
      ];
      const key = set[0]?.split('=')[0] ?? 'log.flush.interval.messages';
      const evidence = { observed: set.length ? set.join(', ') : 'not set', expected: 'not set (the OS flushes; replication gives durability)', config: key, source: readConfig(configs, key).source, details: { from: configOrigin(configs, key) } };
      results.push(set.length ? warn(broker(id), `forces fsync on every partition: ${set.join(', ')}`, evidence) : pass(broker(id), 'no forced flush', evidence));
    }
    for (const t of topics) {
      const configs = topicConfigs[t.name];
      if (isInternalTopic(t) || !configs) continue;
      const messages = numberConfig(configs, 'flush.messages');
      const ms = numberConfig(configs, 'flush.ms');
      if (messages === null && ms === null) continue;
      const set = [
        ...(messages !== null && messages < NEVER ? [{ key: 'flush.messages', text: `flush.messages=${messages}` }] : []),
        ...(ms !== null && ms < NEVER ? [{ key: 'flush.ms', text: `flush.ms=${ms}` }] : []),
      ];
      const key = set[0]?.key ?? 'flush.messages';
      const evidence = {
        observed: set.length ? set.map((s) => s.text).join(', ') : 'not set',
        expected: 'not set (Long.MAX_VALUE)',
        config: key,
        source: readConfig(configs, key).source,
        details: { from: configOrigin(configs, key) },
      };
      results.push(set.length ? warn(topic(t.name), `forces fsync: ${set.map((s) => `${s.text} (${configOrigin(configs, s.key)})`).join(', ')}`, evidence) : pass(topic(t.name), 'no forced flush', evidence));
    }
    return results;
  },
});
