// The cut-over checklist of a `compare` report: the migration check results, read as the three moments of a
// migration (producers switch, consumers switch, rollback). Pure: results in, checklist out.
// A condition is met only when every check deciding it passed on fully read data; one that could not be
// evaluated makes it unknown (never met because a side could not be read).

import type { CheckResult, CheckStatus, CutoverChecklist, CutoverItem, CutoverPhaseId, CutoverStatus } from '../report/model.js';

interface ItemSpec {
  id: string;
  title: string;
  checks: string[];
}

export const CUTOVER_PHASES: readonly { id: CutoverPhaseId; title: string; items: readonly ItemSpec[] }[] = [
  {
    id: 'before-producers',
    title: 'Before producers switch',
    items: [
      { id: 'topics-present', title: 'Every migrated topic exists on the target with the same partitions', checks: ['migration/topics-mirrored'] },
      { id: 'configs-match', title: 'Retention, cleanup, durability and size settings match on the target', checks: ['migration/config-drift'] },
      { id: 'acls-carried', title: 'Every principal (producers and consumers) may do on the target what it does on the source', checks: ['migration/acl-drift'] },
      { id: 'producer-settings', title: 'Idempotence and transaction settings match and no transaction is open on the source', checks: ['migration/producer-switch'] },
    ],
  },
  {
    id: 'before-consumers',
    title: 'Before consumers switch',
    items: [
      { id: 'replicated-to-end', title: 'The target has replicated the source topics up to their end', checks: ['migration/replication-lag'] },
      { id: 'offsets-translated', title: 'Every consumer group has a translated committed offset on the target, close to its source position', checks: ['migration/group-offsets'] },
    ],
  },
  {
    id: 'rollback',
    title: 'Rollback proven',
    items: [
      { id: 'reverse-replication', title: 'The target replicates back to the source (reverse flow seen on the source)', checks: ['migration/rollback-path'] },
    ],
  },
];

const NOT_MET: ReadonlySet<CheckStatus> = new Set(['warn', 'fail', 'waived']);

/**
 * All of several conditions (three-valued AND): one seen to fail makes the whole not-met, whatever else could not
 * be read; otherwise one not decided makes it unknown; met only when every one was seen to hold.
 */
export function combineCutover(statuses: readonly CutoverStatus[]): CutoverStatus {
  if (statuses.includes('not-met')) return 'not-met';
  if (statuses.includes('unknown')) return 'unknown';
  return 'met';
}

function item(spec: ItemSpec, byId: ReadonlyMap<string, CheckResult>): CutoverItem {
  const statuses: CutoverStatus[] = [];
  const checks: CutoverItem['checks'] = [];
  const resources: CutoverItem['resources'] = [];
  const reasons: string[] = [];
  for (const id of spec.checks) {
    const r = byId.get(id);
    if (!r) {
      checks.push({ id, status: 'absent' });
      reasons.push(`${id} did not run`);
      statuses.push('unknown');
      continue;
    }
    checks.push({ id, status: r.status });
    for (const f of r.findings) resources.push({ check: id, kind: f.resource.kind, name: f.resource.name, status: f.waiver ? 'waived' : f.status, message: f.message });
    if (r.status === 'pass' && !r.partial?.length) statuses.push('met');
    else if (NOT_MET.has(r.status)) statuses.push('not-met');
    else {
      // pass on partly read data, unknown, error, not-applicable, skipped: the condition was not seen to hold.
      // not-applicable too: a check can find nothing to compare because per-resource data was missing, so it is not proof.
      reasons.push(r.status === 'pass' ? `${id} read ${r.partial!.join(', ')} only partly` : r.status === 'not-applicable' ? `${id} had nothing to evaluate${r.reason && r.reason !== 'nothing to evaluate' ? ` (${r.reason})` : ''}: confirm by hand` : `${id} is ${r.status}${r.reason ? `: ${r.reason}` : ''}`);
      statuses.push('unknown');
    }
  }
  return { id: spec.id, title: spec.title, status: combineCutover(statuses), checks, resources, reasons };
}

export function cutoverChecklist(results: readonly CheckResult[]): CutoverChecklist {
  const byId = new Map(results.map((r) => [r.id, r]));
  const phases = CUTOVER_PHASES.map((p) => {
    const items = p.items.map((spec) => item(spec, byId));
    return { id: p.id, title: p.title, status: combineCutover(items.map((i) => i.status)), items };
  });
  return { status: combineCutover(phases.map((p) => p.status)), phases };
}
