import check from '../../../../checks/compatibility/client-matrix.js';
import type { ProbeArtifact, ProbeCell } from '../../../../src/gather/snapshot.js';
import { checkCases } from '../../../helpers/check-tester.js';
import { makeSnapshot } from '../../../helpers/snapshot.js';

function probe(cells: ProbeCell[]): ProbeArtifact {
  return {
    prefix: 'kafka-readiness.probe.',
    startedAt: '2026-11-22T12:00:00.000Z',
    durationMs: 1000,
    topic: { name: 'kafka-readiness.probe.abc', created: true, partitions: 3, maxMessageBytes: 1048588 },
    planned: [{ kind: 'topic', name: 'kafka-readiness.probe.abc' }],
    cleanup: { deletedTopics: ['kafka-readiness.probe.abc'], deletedGroups: [], leftToExpire: [], failures: [], interrupted: false },
    clients: [
      { name: 'platformatic', library: 'platformatic-kafka', version: '1.35.0', available: true },
      { name: 'kafkajs', library: 'kafkajs', version: '2.2.4', available: true },
    ],
    cells,
    burst: null,
  };
}
const c = (capability: ProbeCell['capability'], status: ProbeCell['status'], message: string = status, client = 'platformatic'): ProbeCell => ({ client, capability, status, message });
const snap = (cells: ProbeCell[]) => () => makeSnapshot({ probe: { ok: true, value: probe(cells) } });

checkCases(check, [
  { name: 'all measured cells pass; not-run cells are left out', snapshot: snap([c('produce-consume', 'pass'), c('headers', 'pass', 'ok', 'kafkajs'), c('authorization-failure', 'not-run')]), expect: [], counts: { resources: 2, pass: 2 } },
  {
    name: 'a failed cell fails high with the client version; a capability the client lacks warns low',
    snapshot: snap([c('produce-consume', 'pass'), c('compression-zstd', 'fail', 'read back differs'), c('compression-lz4', 'unsupported', 'kafkajs ships gzip only', 'kafkajs')]),
    expect: [
      { kind: 'client', name: 'platformatic 1.35.0: compression-zstd', status: 'fail', severity: 'high', message: 'read back differs', evidence: { details: { client: 'platformatic', version: '1.35.0' } } },
      { kind: 'client', name: 'kafkajs 2.2.4: compression-lz4', status: 'warn', severity: 'low', message: /not supported by the client library: kafkajs ships gzip only/ },
    ],
    counts: { resources: 3, pass: 1 },
  },
  { name: 'a refused cell makes the check unknown, never a pass', snapshot: snap([c('produce-consume', 'pass'), c('produce-consume', 'denied', 'refused by the cluster: TOPIC_AUTHORIZATION_FAILED', 'kafkajs')]), expect: { status: 'unknown', reason: /1 probe cell\(s\) could not be measured: kafkajs produce-consume: refused by the cluster: TOPIC_AUTHORIZATION_FAILED/ } },
  { name: 'a cell that errored makes it unknown', snapshot: snap([c('transactions', 'error', 'timed out after 20000 ms')]), expect: { status: 'unknown', reason: /platformatic transactions: timed out/ } },
  { name: 'nothing measured is unknown', snapshot: snap([c('authorization-failure', 'not-run')]), expect: { status: 'unknown', reason: 'the probe measured no cell' } },
  { name: 'a requested probe that failed is unknown, not not-applicable', snapshot: () => makeSnapshot({ probe: { ok: false, error: { reason: 'error', message: 'the probe crashed' } } }), expect: { status: 'unknown', reason: /the probe crashed/, missing: ['probe'] } },
  { name: 'is not applicable when the probe was not requested', snapshot: makeSnapshot(), expect: { status: 'not-applicable', reason: /the write probe was not requested/ } },
]);
