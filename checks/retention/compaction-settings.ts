import { defineCheck, fail, formatDuration, isInternalTopic, numberConfig, pass, readConfig, topic } from '../../src/sdk.js';

export default defineCheck({
  meta: {
    id: 'retention/compaction-settings',
    area: 'retention',
    title: 'Compaction settings are consistent',
    failureTitle: 'Compaction settings are inconsistent',
    description:
      'On a compacted topic, `min.compaction.lag.ms` keeps recent records uncompacted and `max.compaction.lag.ms` bounds how ' +
      'long an overwritten record may survive (which matters for erasure requests). A minimum above the maximum cannot be ' +
      'honoured: the erasure deadline you think you have does not hold.',
    remediation: 'Set `min.compaction.lag.ms` below `max.compaction.lag.ms` on the topic.',
    references: [{ title: 'Kafka docs: Log compaction', url: 'https://kafka.apache.org/documentation/#compaction' }],
    severity: 'high',
    requires: ['topics', 'topicConfigs'],
    judges: [
      { config: 'min.compaction.lag.ms', scope: 'topic', threshold: '> max.compaction.lag.ms on a compacted topic → fail', source: 'Kafka docs log compaction' },
      { config: 'max.compaction.lag.ms', scope: 'topic', threshold: '< min.compaction.lag.ms → fail', source: 'Kafka docs max.compaction.lag.ms (KIP-354)' },
      { config: 'log.cleaner.min.compaction.lag.ms', scope: 'broker', threshold: 'judged as the source of min.compaction.lag.ms', source: 'DescribeConfigs synonyms' },
      { config: 'log.cleaner.max.compaction.lag.ms', scope: 'broker', threshold: 'judged as the source of max.compaction.lag.ms', source: 'DescribeConfigs synonyms' },
    ],
  },
  evaluate({ topics, topicConfigs }) {
    const results = [];
    for (const t of topics) {
      const configs = topicConfigs[t.name];
      if (isInternalTopic(t) || !configs) continue;
      const policy = readConfig(configs, 'cleanup.policy').value ?? 'delete';
      if (!policy.includes('compact')) continue;
      const min = numberConfig(configs, 'min.compaction.lag.ms') ?? 0;
      const max = numberConfig(configs, 'max.compaction.lag.ms');
      if (max === null) continue;
      const evidence = {
        observed: { 'min.compaction.lag.ms': min, 'max.compaction.lag.ms': max },
        expected: 'min.compaction.lag.ms <= max.compaction.lag.ms',
        config: 'min.compaction.lag.ms',
        source: readConfig(configs, 'min.compaction.lag.ms').source,
      };
      results.push(
        min > max
          ? fail(topic(t.name), `min.compaction.lag.ms (${formatDuration(min)}) exceeds max.compaction.lag.ms (${formatDuration(max)})`, evidence)
          : pass(topic(t.name), 'compaction lags are consistent', evidence),
      );
    }
    return results;
  },
});
