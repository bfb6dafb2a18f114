// A write-probe artifact for report tests: two clients that ran and one that could not (with its reason), a
// hostile topic name and client error, and burst numbers with a recovered stream error.
import type { ProbeArtifact, ProbeBurst } from '../../src/model/snapshot.js';

export const HOSTILE = 'kafka-readiness.probe.<img src=x onerror=alert(1)>|*_\u001b[2J';
export const BURST: ProbeBurst = { client: 'platformatic', records: 20000, recordBytes: 1024, produceMs: 4000, produceRecordsPerSec: 5000, produceMBPerSec: 4.9, latencyMs: { p50: 80.5, p99: 600.1, max: 700.2 }, consumers: 3, drainMs: 5000, readRecordsPerSec: 4000, readMBPerSec: 3.9, recovered: ['consumer 2: fetch failed 6 times. (Connection closed)'] };

export function probeArtifact(burst: ProbeArtifact['burst'] = { ok: true, value: BURST }): ProbeArtifact {
  return {
    prefix: 'kafka-readiness.probe.',
    startedAt: '2026-01-01T00:00:00.000Z',
    durationMs: 61234,
    topic: { name: HOSTILE, created: true, partitions: 3, maxMessageBytes: 1048588 },
    planned: [{ kind: 'topic', name: HOSTILE }],
    cleanup: { deletedTopics: [HOSTILE], deletedGroups: ['kafka-readiness.probe.abc.kafkajs.read'], leftToExpire: ['kafka-readiness.probe.abc.kafkajs.tx'], failures: [], interrupted: false },
    clients: [
      { name: 'platformatic', library: 'platformatic-kafka', version: '1.35.0', available: true },
      { name: 'kafkajs', library: 'kafkajs', version: '2.2.4', available: true },
      { name: 'java', library: 'java', version: null, available: false, reason: 'no java on the PATH' },
    ],
    cells: [
      { client: 'kafkajs', capability: 'produce-consume', status: 'pass', message: 'written with acks=all and read back', ms: 12 },
      { client: 'platformatic', capability: 'produce-consume', status: 'pass', message: 'written with acks=all and read back', ms: 10 },
      { client: 'kafkajs', capability: 'compression-zstd', status: 'unsupported', message: 'kafkajs ships only gzip' },
      { client: 'platformatic', capability: 'compression-zstd', status: 'fail', message: 'failed: <script>x</script>\u001b]0;t\u0007', error: 'boom' },
    ],
    burst,
  };
}

