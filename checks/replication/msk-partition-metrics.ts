import { cwMissing, cwSeries, defineCheck, fail, formatDuration, longestRunMs, pass, seriesLabel, unknown, warn, type ResourceResult } from '../../src/sdk.js';

export default defineCheck({
  meta: {
    id: 'replication/msk-partition-metrics',
    area: 'replication',
    title: 'MSK reports no offline, under-min-ISR or lasting under-replicated partitions',
    failureTitle: 'MSK reports offline, under-min-ISR or lasting under-replicated partitions',
    description:
      'Amazon MSK publishes partition health per broker in CloudWatch. Over the metrics window (`--cloudwatch`): any offline ' +
      'partition or any partition under min.insync.replicas is critical (AWS alarm guidance), and under-replicated partitions ' +
      'for 15 minutes or more mean a broker cannot keep up — a history a single metadata snapshot cannot show.',
    remediation: 'Investigate the broker named in the evidence (CPU, disk, network throughput); scale the cluster or move partitions before launch.',
    references: [{ title: 'Amazon MSK: monitoring with CloudWatch', url: 'https://docs.aws.amazon.com/msk/latest/developerguide/metrics-details.html' }],
    severity: 'critical',
    requires: ['cloudwatch'],
    defaultOptions: { urpMinutes: 15 },
    optionsSchema: { type: 'object', additionalProperties: false, properties: { urpMinutes: { type: 'number', minimum: 0 } } },
  },
  evaluate({ cloudwatch: cw }, { options }) {
    const missing = cwMissing(cw, ['UnderReplicatedPartitions', 'UnderMinIsrPartitionCount', 'OfflinePartitionsCount']);
    if (missing) return unknown(missing);
    const results: ResourceResult[] = [];
    for (const s of cwSeries(cw, 'OfflinePartitionsCount')) {
      const max = Math.max(0, ...s.values);
      const evidence = { observed: max, expected: '0', details: { metric: 'OfflinePartitionsCount', window: `${cw.windowStart} – ${cw.windowEnd}` } };
      results.push(max > 0 ? fail({ kind: 'metric', name: `OfflinePartitionsCount (${seriesLabel(s)})` }, `up to ${max} offline partition(s) in the window`, evidence) : pass({ kind: 'metric', name: `OfflinePartitionsCount (${seriesLabel(s)})` }, 'no offline partition', evidence));
    }
    for (const s of cwSeries(cw, 'UnderMinIsrPartitionCount')) {
      const max = Math.max(0, ...s.values);
      const res = { kind: 'metric', name: `UnderMinIsrPartitionCount (${seriesLabel(s)})` };
      const evidence = { observed: max, expected: '0' };
      results.push(max >= 1 ? fail(res, `up to ${max} partition(s) under min.insync.replicas: acks=all writes were rejected`, evidence) : pass(res, 'never under min.insync.replicas', evidence));
    }
    for (const s of cwSeries(cw, 'UnderReplicatedPartitions')) {
      const run = longestRunMs(s, (v) => v > 0);
      const res = { kind: 'metric', name: `UnderReplicatedPartitions (${seriesLabel(s)})` };
      const evidence = { observed: `${Math.max(0, ...s.values)} at most, for ${formatDuration(run)} in a row`, expected: `0, or for less than ${options.urpMinutes} min` };
      if (run >= options.urpMinutes * 60_000) results.push(fail(res, `under-replicated for ${formatDuration(run)} in a row`, evidence, 'high'));
      else if (run > 0) results.push(warn(res, `briefly under-replicated (${formatDuration(run)})`, evidence, 'low'));
      else results.push(pass(res, 'never under-replicated', evidence));
    }
    return results;
  },
});
