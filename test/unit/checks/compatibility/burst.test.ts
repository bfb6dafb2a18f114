import check from '../../../../checks/compatibility/burst.js';
import type { ProbeArtifact, ProbeBurst } from '../../../../src/gather/snapshot.js';
import { checkCases } from '../../../helpers/check-tester.js';
import { makeSnapshot } from '../../../helpers/snapshot.js';

// Numbers of a real run on the 4.1.1 test cluster (20000 × 1 KiB, 3 consumers).
const measured: ProbeBurst = { client: 'platformatic', records: 20000, recordBytes: 1024, produceMs: 3468, produceRecordsPerSec: 5767, produceMBPerSec: 5.6, latencyMs: { p50: 131.1, p99: 355.9, max: 394.3 }, consumers: 3, drainMs: 660, readRecordsPerSec: 30308, readMBPerSec: 29.6 };
const probe = (burst: ProbeArtifact['burst']): ProbeArtifact => ({
  prefix: 'kafka-readiness.probe.', startedAt: '2026-11-22T12:00:00.000Z', durationMs: 1000,
  topic: { name: 'kafka-readiness.probe.abc', created: true, partitions: 3, maxMessageBytes: 1048588 },
  planned: [], cleanup: { deletedTopics: [], deletedGroups: [], leftToExpire: [], failures: [], interrupted: false },
  clients: [], cells: [], burst,
});
const snap = (burst: ProbeArtifact['burst']) => () => makeSnapshot({ probe: { ok: true, value: probe(burst) } });

checkCases(check, [
  { name: 'without thresholds the numbers pass as evidence', snapshot: snap({ ok: true, value: measured }), expect: [], counts: { resources: 1, pass: 1 } },
  {
    name: 'fails each number outside its threshold',
    snapshot: snap({ ok: true, value: measured }),
    options: { minRecordsPerSecond: 10000, maxP99Ms: 500, maxDrainSeconds: 0.5 },
    expect: [
      { kind: 'cluster', name: 'burst: produce throughput', status: 'fail', severity: 'medium', evidence: { observed: '5767 records/s', expected: '>= 10000 records/s' } },
      { kind: 'cluster', name: 'burst: catch-up drain time', status: 'fail', severity: 'medium', evidence: { observed: '0.7 s', expected: '<= 0.5 s' } },
    ],
    counts: { resources: 3, pass: 1 },
  },
  { name: 'a burst that could not run is unknown', snapshot: snap({ ok: false, error: { reason: 'denied', message: 'burst: TOPIC_AUTHORIZATION_FAILED' } }), expect: { status: 'unknown', reason: /TOPIC_AUTHORIZATION_FAILED/ } },
  { name: 'a probe without the burst is unknown', snapshot: snap(null), expect: { status: 'unknown', reason: 'the probe ran without the burst (--probe-records 0)' } },
  { name: 'a requested probe that failed is unknown, not not-applicable', snapshot: () => makeSnapshot({ probe: { ok: false, error: { reason: 'denied', message: 'probe refused' } } }), expect: { status: 'unknown', reason: /probe refused/, missing: ['probe'] } },
  { name: 'is not applicable without the probe', snapshot: makeSnapshot(), expect: { status: 'not-applicable', reason: /the write probe was not requested/ } },
]);
