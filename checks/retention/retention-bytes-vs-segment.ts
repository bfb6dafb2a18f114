import { defineCheck, formatBytes, isInternalTopic, numberConfig, pass, readConfig, topic, warn } from '../../src/sdk.js';

export default defineCheck({
  meta: {
    id: 'retention/retention-bytes-vs-segment',
    area: 'retention',
    title: 'retention.bytes is larger than segment.bytes',
    failureTitle: 'retention.bytes is not larger than segment.bytes',
    description:
      '`retention.bytes` applies per partition, and Kafka only deletes closed segments. If it is smaller than `segment.bytes` ' +
      'the active segment alone exceeds the limit, so the partition holds far more (or different) data than the limit suggests.',
    remediation: 'Raise `retention.bytes` to several segments, or lower `segment.bytes` on that topic.',
    references: [{ title: 'Kafka docs: retention.bytes', url: 'https://kafka.apache.org/documentation/#topicconfigs_retention.bytes' }],
    severity: 'low',
    requires: ['topics', 'topicConfigs'],
    judges: [
      { config: 'retention.bytes', scope: 'topic', threshold: '< segment.bytes → warn', source: 'Kafka docs retention.bytes (per partition; only closed segments are deleted)' },
      { config: 'segment.bytes', scope: 'topic', threshold: '> retention.bytes → warn', source: 'Kafka docs segment.bytes' },
    ],
  },
  evaluate({ topics, topicConfigs }) {
    const results = [];
    for (const t of topics) {
      const configs = topicConfigs[t.name];
      if (isInternalTopic(t) || !configs) continue;
      const bytes = numberConfig(configs, 'retention.bytes');
      const segment = numberConfig(configs, 'segment.bytes');
      if (bytes === null || segment === null || bytes < 0) continue;
      const evidence = {
        observed: { 'retention.bytes': bytes, 'segment.bytes': segment },
        expected: 'retention.bytes >= segment.bytes',
        config: 'retention.bytes',
        source: readConfig(configs, 'retention.bytes').source,
      };
      if (bytes < segment) {
        results.push(warn(topic(t.name), `retention.bytes ${formatBytes(bytes)} is smaller than one segment (${formatBytes(segment)})`, evidence));
      } else {
        results.push(pass(topic(t.name), `retention.bytes ${formatBytes(bytes)} holds at least one full segment`, evidence));
      }
    }
    return results;
  },
});
