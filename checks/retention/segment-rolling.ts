import {
  configOrigin,
  defineCheck,
  formatBytes,
  formatDuration,
  isInternalTopic,
  numberConfig,
  pass,
  readConfig,
  topic,
  warn,
  type ResourceResult,
} from '../../src/sdk.js';

// Kafka writes one offset-index entry (8 bytes) and one time-index entry (12 bytes) per index.interval.bytes
// of log; a segment rolls early when its index is full (LogSegment.shouldRoll / AbstractIndex.isFull).
const TIME_INDEX_ENTRY_BYTES = 12;

export default defineCheck({
  meta: {
    id: 'retention/segment-rolling',
    area: 'retention',
    title: 'Segments roll in step with retention',
    failureTitle: 'Segments roll out of step with retention',
    description:
      'Kafka deletes (and compacts) whole closed segments only. A segment closes when it reaches `segment.bytes`, when it ' +
      'is `segment.ms` old, or when its index (`segment.index.bytes`) is full. With `segment.ms` longer than `retention.ms` ' +
      'a quiet partition keeps records for up to `segment.ms` + `retention.ms`, far beyond the retention the topic promises ' +
      '(a problem for deletion deadlines and disk planning). An index too small for its segment rolls segments early: many ' +
      'small files, more open file handles and memory maps per partition. A very short `segment.ms` does the same on purpose.',
    remediation:
      'Set `segment.ms` at or below `retention.ms` on short-retention topics (e.g. `kafka-configs.sh --alter --entity-type topics ' +
      '--entity-name <topic> --add-config segment.ms=<retention.ms>`); keep `segment.index.bytes` at its default (10 MiB) or ' +
      'large enough for `segment.bytes / index.interval.bytes × 12` bytes; avoid `segment.ms` below 10 minutes (option `minSegmentMs`) unless the topic is compacted on purpose.',
    references: [
      { title: 'Kafka docs: segment.ms', url: 'https://kafka.apache.org/documentation/#topicconfigs_segment.ms' },
      { title: 'Kafka docs: segment.index.bytes', url: 'https://kafka.apache.org/documentation/#topicconfigs_segment.index.bytes' },
    ],
    severity: 'low',
    requires: ['topics', 'topicConfigs'],
    defaultOptions: { minSegmentMs: 600_000 },
    optionsSchema: { type: 'object', additionalProperties: false, properties: { minSegmentMs: { type: 'number', minimum: 0 } } },
    judges: [
      { config: 'segment.ms', scope: 'topic', threshold: '> retention.ms (finite, delete policy) → warn; < minSegmentMs (10 min) → warn', source: 'Kafka docs segment.ms / log deletion works on closed segments; minimum is a heuristic (option minSegmentMs)' },
      { config: 'segment.index.bytes', scope: 'topic', threshold: '< segment.bytes / index.interval.bytes × 12 → warn (segments roll before segment.bytes)', source: 'Kafka source: AbstractIndex.isFull, TimeIndex entry size 12 bytes, LogSegment.shouldRoll' },
      { config: 'index.interval.bytes', scope: 'topic', threshold: 'used in the index-size bound above', source: 'Kafka docs index.interval.bytes' },
      { config: 'segment.bytes', scope: 'topic', threshold: 'used in the index-size bound above (retention.bytes vs segment.bytes: retention/retention-bytes-vs-segment)', source: 'Kafka docs segment.bytes' },
      { config: 'log.roll.ms', scope: 'broker', threshold: 'judged as the source of segment.ms', source: 'DescribeConfigs synonyms' },
      { config: 'log.roll.hours', scope: 'broker', threshold: 'judged as the source of segment.ms', source: 'DescribeConfigs synonyms' },
      { config: 'log.index.size.max.bytes', scope: 'broker', threshold: 'judged as the source of segment.index.bytes', source: 'DescribeConfigs synonyms' },
      { config: 'log.segment.bytes', scope: 'broker', threshold: 'judged as the source of segment.bytes', source: 'DescribeConfigs synonyms' },
    ],
  },
  evaluate({ topics, topicConfigs }, { options }) {
    const results: ResourceResult[] = [];
    for (const t of topics) {
      const configs = topicConfigs[t.name];
      if (isInternalTopic(t) || !configs) continue;
      const segmentMs = numberConfig(configs, 'segment.ms');
      const retentionMs = numberConfig(configs, 'retention.ms');
      const segmentBytes = numberConfig(configs, 'segment.bytes');
      const indexBytes = numberConfig(configs, 'segment.index.bytes');
      const interval = numberConfig(configs, 'index.interval.bytes');
      const deletes = (readConfig(configs, 'cleanup.policy').value ?? 'delete').includes('delete');
      if (segmentMs === null) continue;
      const problems: { config: string; message: string }[] = [];
      if (deletes && retentionMs !== null && retentionMs >= 0 && segmentMs > retentionMs) {
        problems.push({ config: 'segment.ms', message: `segment.ms ${formatDuration(segmentMs)} > retention.ms ${formatDuration(retentionMs)}: a quiet partition keeps records up to ${formatDuration(segmentMs + retentionMs)}` });
      }
      if (segmentMs < options.minSegmentMs) {
        problems.push({ config: 'segment.ms', message: `segment.ms ${formatDuration(segmentMs)} rolls a new segment file per partition that often` });
      }
      const indexNeeded = segmentBytes !== null && interval !== null && interval > 0 ? Math.ceil(segmentBytes / interval) * TIME_INDEX_ENTRY_BYTES : null;
      if (indexBytes !== null && indexNeeded !== null && indexBytes < indexNeeded) {
        problems.push({ config: 'segment.index.bytes', message: `segment.index.bytes ${formatBytes(indexBytes)} fills before a ${formatBytes(segmentBytes!)} segment does (needs ~${formatBytes(indexNeeded)}): segments roll early` });
      }
      const first = problems[0];
      const key = first?.config ?? 'segment.ms';
      const evidence = {
        observed: { 'segment.ms': segmentMs, 'retention.ms': retentionMs, 'segment.bytes': segmentBytes, 'segment.index.bytes': indexBytes, 'index.interval.bytes': interval },
        expected: `segment.ms <= retention.ms and >= ${formatDuration(options.minSegmentMs)}; segment.index.bytes >= segment.bytes / index.interval.bytes × 12`,
        config: key,
        source: readConfig(configs, key).source,
        details: {
          'segment.ms from': configOrigin(configs, 'segment.ms'),
          'retention.ms from': configOrigin(configs, 'retention.ms'),
          'segment.index.bytes from': configOrigin(configs, 'segment.index.bytes'),
        },
      };
      results.push(first ? warn(topic(t.name), problems.map((p) => p.message).join('; '), evidence) : pass(topic(t.name), 'segments roll within the retention window', evidence));
    }
    return results;
  },
});
