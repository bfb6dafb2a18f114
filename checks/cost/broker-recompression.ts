import { defineCheck, describeSource, isInternalTopic, pass, readConfig, topic, warn } from '../../src/sdk.js';

export default defineCheck({
  meta: {
    id: 'cost/broker-recompression',
    area: 'cost',
    title: 'Brokers keep the producer\'s compression',
    failureTitle: 'Brokers recompress the producer\'s data',
    description:
      'With `compression.type` other than `producer`, the broker decompresses and recompresses every batch whose codec differs, ' +
      'spending CPU (a bigger instance class) and defeating zero-copy. Compress in the producer and let the broker store batches as they come.',
    remediation: 'Set `compression.type=producer` on the topic (or broker) and configure compression (e.g. `zstd` or `lz4`) in the producers.',
    references: [{ title: 'Kafka docs: compression.type', url: 'https://kafka.apache.org/documentation/#topicconfigs_compression.type' }],
    severity: 'low',
    requires: ['topics', 'topicConfigs'],
    judges: [
      { config: 'compression.type', scope: 'topic', threshold: 'not producer (or the producer\'s codec) → warn', source: 'Kafka docs compression.type (the broker recompresses)' },
      { config: 'compression.type', scope: 'broker', threshold: 'judged as the source of the topic value', source: 'DescribeConfigs synonyms' },
    ],
  },
  evaluate({ topics, topicConfigs }) {
    const results = [];
    for (const t of topics) {
      const configs = topicConfigs[t.name];
      if (isInternalTopic(t) || !configs) continue;
      const { value, source, present } = readConfig(configs, 'compression.type');
      if (!present) continue;
      const evidence = { observed: value, expected: 'producer', config: 'compression.type', source, details: { from: describeSource(source) } };
      results.push(
        value === 'producer'
          ? pass(topic(t.name), 'batches are stored as the producer compressed them', evidence)
          : warn(topic(t.name), `compression.type=${value} makes the broker recompress batches`, evidence),
      );
    }
    return results;
  },
});
