import {
  boolConfig,
  broker,
  configOrigin,
  defineCheck,
  fail,
  formatDuration,
  isInternalTopic,
  notApplicable,
  numberConfig,
  pass,
  readConfig,
  topic,
  warn,
  type ResourceResult,
} from '../../src/sdk.js';

export default defineCheck({
  meta: {
    id: 'retention/compaction-tombstones',
    area: 'retention',
    title: 'Compacted topics keep tombstones long enough and compact at a sane pace',
    failureTitle: 'Compacted topics drop tombstones too early or compact at a bad pace',
    description:
      'A compacted topic deletes a key by writing a tombstone (a null value). The cleaner drops tombstones ' +
      '`delete.retention.ms` after compacting them: a consumer that rebuilds its state from the beginning (a Kafka Streams ' +
      'store, a cache) and takes longer than that misses the tombstone and keeps a deleted key forever. ' +
      '`min.cleanable.dirty.ratio` decides how much of the log may be uncompacted before the cleaner runs: near 1 the topic ' +
      'grows to many times its compacted size, near 0 the cleaner rewrites the log continuously. With the broker cleaner ' +
      'disabled (`log.cleaner.enable=false`), nothing is ever compacted — `__consumer_offsets` included.',
    remediation:
      'Keep `delete.retention.ms` at or above the longest time a consumer needs to read the topic from the start (Kafka ' +
      'default 1 day); keep `min.cleanable.dirty.ratio` between 0.1 and 0.8 (default 0.5); keep `log.cleaner.enable=true`.',
    references: [
      { title: 'Kafka docs: Log compaction', url: 'https://kafka.apache.org/documentation/#compaction' },
      { title: 'Kafka docs: delete.retention.ms', url: 'https://kafka.apache.org/documentation/#topicconfigs_delete.retention.ms' },
      { title: 'Kafka docs: min.cleanable.dirty.ratio', url: 'https://kafka.apache.org/documentation/#topicconfigs_min.cleanable.dirty.ratio' },
    ],
    severity: 'medium',
    requires: ['topics', 'topicConfigs', 'brokerConfigs'],
    defaultOptions: { minDeleteRetentionMs: 86_400_000, minDirtyRatio: 0.1, maxDirtyRatio: 0.8 },
    optionsSchema: { type: 'object', additionalProperties: false, properties: { minDeleteRetentionMs: { type: 'number', minimum: 0 }, minDirtyRatio: { type: 'number', minimum: 0, maximum: 1 }, maxDirtyRatio: { type: 'number', minimum: 0, maximum: 1 } } },
    judges: [
      { config: 'delete.retention.ms', scope: 'topic', threshold: '< minDeleteRetentionMs (1 day, the Kafka default) on a compacted topic → warn', source: 'Kafka docs delete.retention.ms (bound on a full re-read); default from LogConfig' },
      { config: 'min.cleanable.dirty.ratio', scope: 'topic', threshold: '> 0.8 or < 0.1 on a compacted topic → warn', source: 'heuristic around the Kafka default 0.5 (options minDirtyRatio, maxDirtyRatio)' },
      { config: 'log.cleaner.enable', scope: 'broker', threshold: 'false while compacted topics exist → fail', source: 'Kafka docs log.cleaner.enable' },
      { config: 'log.cleaner.delete.retention.ms', scope: 'broker', threshold: 'judged as the source of delete.retention.ms', source: 'DescribeConfigs synonyms' },
      { config: 'log.cleaner.min.cleanable.ratio', scope: 'broker', threshold: 'judged as the source of min.cleanable.dirty.ratio', source: 'DescribeConfigs synonyms' },
    ],
  },
  evaluate({ topics, topicConfigs, brokerConfigs }, { options }) {
    const compacted = topics.filter((t) => !isInternalTopic(t) && (readConfig(topicConfigs[t.name], 'cleanup.policy').value ?? '').includes('compact'));
    const results: ResourceResult[] = [];
    // __consumer_offsets is compacted on every cluster, so the cleaner always matters.
    for (const [id, configs] of Object.entries(brokerConfigs)) {
      const enabled = boolConfig(configs, 'log.cleaner.enable');
      if (enabled === null) continue;
      const evidence = { observed: String(enabled), expected: 'true', config: 'log.cleaner.enable', source: readConfig(configs, 'log.cleaner.enable').source, details: { from: configOrigin(configs, 'log.cleaner.enable'), compactedTopics: compacted.length } };
      results.push(enabled ? pass(broker(id), 'the log cleaner runs', evidence) : fail(broker(id), `the log cleaner is disabled: ${compacted.length} compacted topic(s) and __consumer_offsets are never compacted`, evidence));
    }
    for (const t of compacted) {
      const configs = topicConfigs[t.name]!;
      const del = numberConfig(configs, 'delete.retention.ms');
      const ratio = numberConfig(configs, 'min.cleanable.dirty.ratio');
      const problems: { config: string; message: string }[] = [];
      if (del !== null && del < options.minDeleteRetentionMs) {
        problems.push({ config: 'delete.retention.ms', message: `tombstones are dropped ${formatDuration(del)} after compaction: a consumer re-reading the topic for longer misses deletes` });
      }
      if (ratio !== null && ratio > options.maxDirtyRatio) problems.push({ config: 'min.cleanable.dirty.ratio', message: `min.cleanable.dirty.ratio ${ratio}: the log grows to ~${Math.round(1 / (1 - Math.min(ratio, 0.99)))}× its compacted size before cleaning` });
      if (ratio !== null && ratio < options.minDirtyRatio) problems.push({ config: 'min.cleanable.dirty.ratio', message: `min.cleanable.dirty.ratio ${ratio}: the cleaner rewrites the log almost continuously` });
      const key = problems[0]?.config ?? 'delete.retention.ms';
      const evidence = {
        observed: { 'delete.retention.ms': del, 'min.cleanable.dirty.ratio': ratio },
        expected: `delete.retention.ms >= ${formatDuration(options.minDeleteRetentionMs)}; ${options.minDirtyRatio} <= min.cleanable.dirty.ratio <= ${options.maxDirtyRatio}`,
        config: key,
        source: readConfig(configs, key).source,
        details: { 'delete.retention.ms from': configOrigin(configs, 'delete.retention.ms'), 'min.cleanable.dirty.ratio from': configOrigin(configs, 'min.cleanable.dirty.ratio') },
      };
      results.push(problems.length ? warn(topic(t.name), problems.map((p) => p.message).join('; '), evidence) : pass(topic(t.name), 'tombstones and cleaning pace are sane', evidence));
    }
    return results.length ? results : notApplicable('no broker reports log.cleaner.enable and no compacted topics');
  },
});
