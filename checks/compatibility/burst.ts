import { cluster, defineCheck, fail, pass, unknown, type ResourceResult } from '../../src/sdk.js';

// Measured, not attested: the write probe's burst (acks=all at full speed) and catch-up read, against thresholds
// the team sets. 0 means "no threshold": the numbers are still shown as evidence of the load test.
export default defineCheck({
  meta: {
    id: 'compatibility/burst',
    area: 'compatibility',
    title: 'The cluster absorbs a burst and a catch-up read within the thresholds (measured by the write probe)',
    failureTitle: 'A measured burst or catch-up number is outside its threshold',
    description:
      'The readiness scorecard asks whether the platform absorbs burst traffic and catch-up reads. `scan --probe --allow-writes` ' +
      'produces a volume at full speed with acks=all (throughput, p50/p99/max produce latency) and reads it back from the earliest ' +
      'offset with N consumers of one group (catch-up read rate, time to drain). Each number is compared with its threshold in ' +
      'readiness.yaml (`checks: { compatibility/burst: { options: { minRecordsPerSecond, maxP99Ms, maxDrainSeconds } } }`; 0 = no threshold). ' +
      'A burst that could not run is unknown, never a pass. The probe runs from one client machine: the numbers bound what that machine saw.',
    remediation: 'Find the bottleneck the failing number names (broker CPU or disk, replication with acks=all, partitions of the topic, client network) or raise the threshold if it was set above what the workload needs; re-run with --probe-records / --probe-consumers matching the real burst.',
    references: [{ title: 'kafka-readiness: the write probe', url: 'README.md#the-write-probe' }],
    severity: 'medium',
    requires: ['probe'],
    defaultOptions: { minRecordsPerSecond: 0, maxP99Ms: 0, maxDrainSeconds: 0 },
    optionsSchema: { type: 'object', additionalProperties: false, properties: { minRecordsPerSecond: { type: 'number', minimum: 0 }, maxP99Ms: { type: 'number', minimum: 0 }, maxDrainSeconds: { type: 'number', minimum: 0 } } },
  },
  evaluate({ probe }, { options }) {
    if (probe.burst === null) return unknown('the probe ran without the burst (--probe-records 0)');
    if (!probe.burst.ok) return unknown(`the burst could not be measured: ${probe.burst.error.message}`);
    const b = probe.burst.value;
    const details = {
      client: b.client, records: b.records, recordBytes: b.recordBytes, consumers: b.consumers,
      produceRecordsPerSec: b.produceRecordsPerSec, produceMBPerSec: b.produceMBPerSec,
      produceLatencyP50Ms: b.latencyMs.p50, produceLatencyP99Ms: b.latencyMs.p99, produceLatencyMaxMs: b.latencyMs.max,
      readRecordsPerSec: b.readRecordsPerSec, readMBPerSec: b.readMBPerSec, drainSeconds: Math.round(b.drainMs / 100) / 10,
    };
    const summary = `${b.records} × ${b.recordBytes} B with acks=all: ${b.produceRecordsPerSec} rec/s (${b.produceMBPerSec} MB/s), produce latency p50 ${b.latencyMs.p50} ms / p99 ${b.latencyMs.p99} ms / max ${b.latencyMs.max} ms; ${b.consumers} consumer(s) drained it in ${details.drainSeconds} s (${b.readRecordsPerSec} rec/s)`;
    const rules: { name: string; observed: number; limit: number; ok: boolean; expected: string; unit: string }[] = [
      { name: 'produce throughput', observed: b.produceRecordsPerSec, limit: options.minRecordsPerSecond, ok: b.produceRecordsPerSec >= options.minRecordsPerSecond, expected: `>= ${options.minRecordsPerSecond} records/s`, unit: 'records/s' },
      { name: 'produce latency p99', observed: b.latencyMs.p99, limit: options.maxP99Ms, ok: b.latencyMs.p99 <= options.maxP99Ms, expected: `<= ${options.maxP99Ms} ms`, unit: 'ms' },
      { name: 'catch-up drain time', observed: details.drainSeconds, limit: options.maxDrainSeconds, ok: b.drainMs / 1000 <= options.maxDrainSeconds, expected: `<= ${options.maxDrainSeconds} s`, unit: 's' },
    ];
    const set = rules.filter((r) => r.limit > 0);
    if (set.length === 0) return [pass(cluster(`burst: ${b.records} records, ${b.consumers} consumer(s)`), `${summary} (no threshold set)`, { observed: summary, expected: 'no threshold set (compatibility/burst options)', details })];
    return set.map((r): ResourceResult => {
      const res = cluster(`burst: ${r.name}`);
      const evidence = { observed: `${r.observed} ${r.unit}`, expected: r.expected, details };
      return r.ok ? pass(res, `${r.name} ${r.observed} ${r.unit}: ${summary}`, evidence) : fail(res, `${r.name} ${r.observed} ${r.unit}, threshold ${r.expected}: ${summary}`, evidence);
    });
  },
});
