import { broker, configOrigin, defineCheck, isInternalTopic, numberConfig, pass, readConfig, topic, warn, type ResourceResult } from '../../src/sdk.js';

// Long.MAX_VALUE: "no throttle" for the broker rates.
const UNLIMITED = 9.2e18;

export default defineCheck({
  meta: {
    id: 'replication/replication-throttles',
    area: 'replication',
    title: 'No replication throttle is left over from a reassignment',
    failureTitle: 'A replication throttle is left over from a reassignment',
    description:
      '`kafka-reassign-partitions.sh --throttle` marks the moving replicas in the topic configs ' +
      '`leader.replication.throttled.replicas` / `follower.replication.throttled.replicas` and sets the broker rates ' +
      '`leader.replication.throttled.rate` / `follower.replication.throttled.rate`. They are removed only by a later ' +
      '`--verify`. Left in place, they cap how fast those replicas catch up — after the next broker failure too — so a ' +
      'partition stays under-replicated for much longer than the team expects.',
    remediation:
      'Run `kafka-reassign-partitions.sh --verify` with the reassignment file, or remove the configs ' +
      '(`kafka-configs.sh --alter --entity-type topics --entity-name <topic> --delete-config leader.replication.throttled.replicas,follower.replication.throttled.replicas`; ' +
      'brokers: `--entity-type brokers --delete-config leader.replication.throttled.rate,follower.replication.throttled.rate`).',
    references: [{ title: 'Kafka docs: Limiting bandwidth usage during data migration', url: 'https://kafka.apache.org/documentation/#rep-throttle' }],
    severity: 'medium',
    requires: ['topics', 'topicConfigs', 'brokerConfigs'],
    judges: [
      { config: 'leader.replication.throttled.replicas', scope: 'topic', threshold: 'non-empty → warn (left over from a throttled reassignment)', source: 'Kafka docs: Limiting bandwidth usage during data migration (--verify removes the throttle)' },
      { config: 'follower.replication.throttled.replicas', scope: 'topic', threshold: 'non-empty → warn', source: 'Kafka docs: Limiting bandwidth usage during data migration' },
      { config: 'leader.replication.throttled.rate', scope: 'broker', threshold: 'set (finite) → warn, when the broker reports it', source: 'Kafka docs: Limiting bandwidth usage during data migration' },
      { config: 'follower.replication.throttled.rate', scope: 'broker', threshold: 'set (finite) → warn, when the broker reports it', source: 'Kafka docs: Limiting bandwidth usage during data migration' },
    ],
  },
  evaluate({ topics, topicConfigs, brokerConfigs }) {
    const results: ResourceResult[] = [];
    for (const [id, configs] of Object.entries(brokerConfigs)) {
      // Dynamic broker rates are only in the answer when set.
      const rates = ['leader.replication.throttled.rate', 'follower.replication.throttled.rate'].flatMap((k) => {
        const v = numberConfig(configs, k);
        return v !== null && v < UNLIMITED ? [{ key: k, text: `${k}=${v}` }] : [];
      });
      if (!rates.length) continue;
      results.push(warn(broker(id), `replication is throttled: ${rates.map((r) => r.text).join(', ')}`, { observed: rates.map((r) => r.text).join(', '), expected: 'no throttle outside a reassignment', config: rates[0]!.key, source: readConfig(configs, rates[0]!.key).source, details: { from: configOrigin(configs, rates[0]!.key) } }));
    }
    for (const t of topics) {
      const configs = topicConfigs[t.name];
      if (isInternalTopic(t) || !configs) continue;
      const set = ['leader.replication.throttled.replicas', 'follower.replication.throttled.replicas'].flatMap((k) => {
        const v = readConfig(configs, k).value?.trim() ?? '';
        return v ? [{ key: k, text: `${k}=${v}` }] : [];
      });
      const key = set[0]?.key ?? 'leader.replication.throttled.replicas';
      const evidence = { observed: set.length ? set.map((s) => s.text).join(', ') : 'none', expected: 'empty (no throttled replicas)', config: key, source: readConfig(configs, key).source, details: { from: configOrigin(configs, key) } };
      results.push(set.length ? warn(topic(t.name), `replicas are still throttled: ${set.map((s) => s.text).join(', ')}`, evidence) : pass(topic(t.name), 'no throttled replicas', evidence));
    }
    return results;
  },
});
