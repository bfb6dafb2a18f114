// The write probe's section of the report: the probe artifact laid out as a matrix (capability × client) and the
// burst numbers, so every format shows what was measured, not only the check findings built from it. Pure.

import { type ProbeArtifact, PROBE_CAPABILITIES, type Artifact } from '../model/snapshot.js';
import type { ProbeReport } from '../report/model.js';

/** The section, or undefined when the probe was not asked for (a default, read-only scan). */
export function probeReport(artifact: Artifact<ProbeArtifact> | undefined): ProbeReport | undefined {
  if (!artifact) return undefined;
  if (!artifact.ok) {
    if (artifact.error.reason === 'not-requested') return undefined;
    return { error: artifact.error, startedAt: null, durationMs: null, topic: null, clients: [], matrix: [], burst: { status: 'unknown', reason: `the probe did not run: ${artifact.error.message}` }, cleanup: null };
  }
  const p = artifact.value;
  const ran = p.clients.filter((c) => c.available).map((c) => c.name);
  const matrix = PROBE_CAPABILITIES.map((capability) => ({
    capability,
    cells: p.cells
      .filter((c) => c.capability === capability)
      .sort((a, b) => ran.indexOf(a.client) - ran.indexOf(b.client))
      .map((c) => ({ client: c.client, status: c.status, message: c.message, ...(c.error !== undefined ? { error: c.error } : {}), ...(c.ms !== undefined ? { ms: c.ms } : {}) })),
  })).filter((row) => row.cells.length > 0);
  const burst: ProbeReport['burst'] =
    p.burst === null ? { status: 'not-run', reason: 'the probe ran without the burst (--probe-records 0)' } : p.burst.ok ? { status: 'measured', numbers: p.burst.value } : { status: 'unknown', reason: p.burst.error.message };
  return {
    startedAt: p.startedAt,
    durationMs: p.durationMs,
    topic: { name: p.topic.name, created: p.topic.created, partitions: p.topic.partitions },
    clients: p.clients.map((c) => ({ name: c.name, library: c.library, version: c.version, available: c.available, ...(c.reason !== undefined ? { reason: c.reason } : {}) })),
    matrix,
    burst,
    cleanup: p.cleanup,
  };
}
