import { describe, expect, it } from 'vitest';
import check from '../../../../checks/compatibility/client-matrix.js';
import type { ProbeArtifact, ProbeCell } from '../../../../src/gather/snapshot.js';
import { runCheck } from '../../../helpers/run-check.js';
import { makeSnapshot } from '../../../helpers/snapshot.js';

function probe(cells: ProbeCell[]): ProbeArtifact {
  return {
    prefix: 'kafka-readiness.probe.',
    startedAt: '2026-11-22T12:00:00.000Z',
    durationMs: 1000,
    topic: { name: 'kafka-readiness.probe.abc', created: true, partitions: 3, maxMessageBytes: 1048588 },
    planned: [{ kind: 'topic', name: 'kafka-readiness.probe.abc' }],
    cleanup: { deletedTopics: ['kafka-readiness.probe.abc'], deletedGroups: [], leftToExpire: [], failures: [], interrupted: false },
    clients: [{ name: 'platformatic', library: 'platformatic-kafka', version: '1.35.0', available: true }],
    cells,
    burst: null,
  };
}
const c = (capability: ProbeCell['capability'], status: ProbeCell['status'], message: string = status): ProbeCell => ({ client: 'platformatic', capability, status, message });

describe('compatibility/client-matrix', () => {
  it('is not applicable when the probe was not requested', () => {
    expect(runCheck(check, makeSnapshot()).status).toBe('not-applicable');
  });
  const cases: { name: string; cells: ProbeCell[]; status: string; findings: { name: string; status: string; severity: string }[] }[] = [
    { name: 'all measured cells pass; not-run cells are left out', cells: [c('produce-consume', 'pass'), c('authorization-failure', 'not-run')], status: 'pass', findings: [] },
    {
      name: 'a failed cell fails, an unsupported one warns low',
      cells: [c('produce-consume', 'pass'), c('compression-zstd', 'fail', 'read back differs'), c('group-consumer', 'unsupported')],
      status: 'fail',
      findings: [
        { name: 'platformatic 1.35.0: compression-zstd', status: 'fail', severity: 'high' },
        { name: 'platformatic 1.35.0: group-consumer', status: 'warn', severity: 'low' },
      ],
    },
    { name: 'a refused cell makes the check unknown, never a pass', cells: [c('produce-consume', 'denied', 'refused by the cluster: TOPIC_AUTHORIZATION_FAILED')], status: 'unknown', findings: [] },
    { name: 'nothing measured is unknown', cells: [c('authorization-failure', 'not-run')], status: 'unknown', findings: [] },
  ];
  for (const t of cases) {
    it(t.name, () => {
      const r = runCheck(check, makeSnapshot({ probe: { ok: true, value: probe(t.cells) } }));
      expect(r.status).toBe(t.status);
      expect(r.findings.map((f) => ({ name: f.resource.name, status: f.status, severity: f.severity }))).toEqual(t.findings);
      if (t.status === 'unknown') expect(r.reason).toMatch(/probe/);
    });
  }
});
