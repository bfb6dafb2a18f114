import { broker, defineCheck, fail, formatBytes, numberConfig, pass, unknown, warn, type ResourceResult } from '../../src/sdk.js';

export default defineCheck({
  meta: {
    id: 'retention/projected-disk',
    area: 'retention',
    title: 'Size-bounded retention fits on the brokers\' disks',
    failureTitle: 'Size-bounded retention does not fit on the brokers\' disks',
    description:
      '`retention.bytes` bounds each partition replica. Summing it over the replicas a broker hosts gives the disk that ' +
      'broker needs once the topics fill up. If that exceeds the log directory capacity, the disk fills before retention ' +
      'deletes anything. Partitions bounded only by time cannot be projected without an ingress rate (see `--observe`) and are counted.',
    remediation: 'Lower `retention.bytes` on the largest topics, add disk or brokers, or move partitions to brokers with room.',
    references: [{ title: 'Kafka docs: retention.bytes', url: 'https://kafka.apache.org/documentation/#topicconfigs_retention.bytes' }],
    severity: 'high',
    requires: ['topics', 'topicConfigs', 'logDirs'],
    judges: [
      { config: 'retention.bytes', scope: 'topic', threshold: 'sum of finite retention.bytes × replicas per broker > warnRatio (85 %) of the log dir → warn, > 100 % → fail', source: 'check catalog (h)' },
    ],
    defaultOptions: { warnRatio: 0.85 },
    optionsSchema: { type: 'object', additionalProperties: false, properties: { warnRatio: { type: 'number', minimum: 0, maximum: 1 } } },
    notApplicableOn: { automq: 'data lives on shared object storage', warpstream: 'data lives in object storage' },
  },
  evaluate({ topics, topicConfigs, logDirs }, { options }) {
    const projected = new Map<number, number>();
    const unbounded = new Map<number, number>();
    for (const t of topics) {
      const bytes = numberConfig(topicConfigs[t.name], 'retention.bytes');
      for (const p of t.partitions) {
        for (const r of p.replicas) {
          if (bytes !== null && bytes >= 0) projected.set(r, (projected.get(r) ?? 0) + bytes);
          else unbounded.set(r, (unbounded.get(r) ?? 0) + 1);
        }
      }
    }
    const results: ResourceResult[] = [];
    for (const [id, dirs] of Object.entries(logDirs)) {
      const capacity = dirs.reduce((s, d) => s + (d.totalBytes > 0 ? d.totalBytes : 0), 0);
      if (capacity <= 0) continue;
      const need = projected.get(Number(id)) ?? 0;
      const ratio = need / capacity;
      const evidence = {
        observed: `${formatBytes(need)} projected of ${formatBytes(capacity)} (${(ratio * 100).toFixed(1)} %)`,
        expected: `<= ${options.warnRatio * 100} % of log dir capacity`,
        details: { projectedBytes: need, capacityBytes: capacity, replicasWithoutSizeLimit: unbounded.get(Number(id)) ?? 0 },
      };
      if (ratio > 1) results.push(fail(broker(id), `finite retention.bytes alone needs ${formatBytes(need)}, more than the ${formatBytes(capacity)} disk`, evidence));
      else if (ratio > options.warnRatio) results.push(warn(broker(id), `finite retention.bytes needs ${(ratio * 100).toFixed(0)} % of the disk`, evidence));
      else results.push(pass(broker(id), `finite retention.bytes needs ${(ratio * 100).toFixed(1)} % of the disk`, evidence));
    }
    return results.length ? results : unknown('the brokers do not report log dir capacity (DescribeLogDirs v4, Kafka 3.3+)');
  },
});
