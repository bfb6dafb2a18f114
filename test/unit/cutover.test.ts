// The cut-over checklist (src/engine/cutover.ts): table cases on check results, and its presence only in compare reports.
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/config/readiness.js';
import { CUTOVER_PHASES, cutoverChecklist } from '../../src/engine/cutover.js';
import { buildRegistry } from '../../src/engine/registry.js';
import { evaluateSnapshot } from '../../src/pipeline.js';
import type { CheckResult, CheckStatus, CutoverStatus } from '../../src/report/model.js';
import { deniedArtifact, paired, PREFIX } from '../helpers/migration.js';
import { makeSnapshot, topicInfo } from '../helpers/snapshot.js';

const MIGRATION_CHECKS = ['migration/topics-mirrored', 'migration/config-drift', 'migration/acl-drift', 'migration/producer-switch', 'migration/replication-lag', 'migration/group-offsets', 'migration/rollback-path'];

function result(id: string, status: CheckStatus, extra: Partial<CheckResult> = {}): CheckResult {
  const findings = status === 'warn' || status === 'fail' ? [{ resource: { kind: 'topic' as const, name: `t-${id.split('/')[1]}` }, status, severity: 'high' as const, message: `${id} finding` }] : [];
  return { id, area: 'migration', title: id, description: '', remediation: '', references: [], severity: 'high', weight: 1, origin: 'built-in', status, score: null, counts: { resources: 1, pass: 0, warn: 0, fail: 0, waived: 0 }, findings, ...extra };
}
const all = (status: CheckStatus, over: Record<string, CheckResult> = {}) => MIGRATION_CHECKS.map((id) => over[id] ?? result(id, status));
const itemStatus = (results: CheckResult[]) => Object.fromEntries(cutoverChecklist(results).phases.flatMap((p) => p.items.map((i) => [i.id, i.status])));

describe('cutoverChecklist', () => {
  it('has the three phases, each item decided by migration checks that exist', () => {
    expect(CUTOVER_PHASES.map((p) => p.id)).toEqual(['before-producers', 'before-consumers', 'rollback']);
    for (const p of CUTOVER_PHASES) for (const i of p.items) for (const c of i.checks) expect(MIGRATION_CHECKS).toContain(c);
    // Every migration check decides some item.
    expect(new Set(CUTOVER_PHASES.flatMap((p) => p.items.flatMap((i) => i.checks)))).toEqual(new Set(MIGRATION_CHECKS));
  });

  const cases: { name: string; results: CheckResult[]; overall: CutoverStatus; items?: Record<string, CutoverStatus>; phases?: CutoverStatus[] }[] = [
    { name: 'every check passes: all met', results: all('pass'), overall: 'met', phases: ['met', 'met', 'met'] },
    { name: 'a fail: that item not-met, the rest met', results: all('pass', { 'migration/rollback-path': result('migration/rollback-path', 'fail') }), overall: 'not-met', phases: ['met', 'met', 'not-met'], items: { 'reverse-replication': 'not-met', 'topics-present': 'met' } },
    { name: 'a warn is not met', results: all('pass', { 'migration/group-offsets': result('migration/group-offsets', 'warn') }), overall: 'not-met', items: { 'offsets-translated': 'not-met', 'replicated-to-end': 'met' }, phases: ['met', 'not-met', 'met'] },
    { name: 'findings all waived: still not met (the condition does not hold)', results: all('pass', { 'migration/config-drift': result('migration/config-drift', 'waived') }), overall: 'not-met', items: { 'configs-match': 'not-met' } },
    { name: 'unknown (a side unreadable): unknown, never met', results: all('pass', { 'migration/topics-mirrored': result('migration/topics-mirrored', 'unknown', { reason: 'source topics unavailable' }) }), overall: 'unknown', items: { 'topics-present': 'unknown', 'configs-match': 'met' }, phases: ['unknown', 'met', 'met'] },
    { name: 'error: unknown', results: all('pass', { 'migration/acl-drift': result('migration/acl-drift', 'error', { reason: 'boom' }) }), overall: 'unknown', items: { 'acls-carried': 'unknown' } },
    { name: 'pass on partly read data: unknown', results: all('pass', { 'migration/replication-lag': result('migration/replication-lag', 'pass', { partial: ['offsets'] }) }), overall: 'unknown', items: { 'replicated-to-end': 'unknown' } },
    { name: 'disabled (skipped) or not-applicable: unknown', results: all('pass', { 'migration/producer-switch': result('migration/producer-switch', 'skipped'), 'migration/rollback-path': result('migration/rollback-path', 'not-applicable') }), overall: 'unknown', items: { 'producer-settings': 'unknown', 'reverse-replication': 'unknown' } },
    { name: 'a check absent from the results: unknown', results: all('pass').filter((r) => r.id !== 'migration/group-offsets'), overall: 'unknown', items: { 'offsets-translated': 'unknown' } },
    { name: 'a condition seen to fail makes the phase not-met, even beside an unknown one', results: all('pass', { 'migration/topics-mirrored': result('migration/topics-mirrored', 'fail'), 'migration/config-drift': result('migration/config-drift', 'unknown') }), overall: 'not-met', phases: ['not-met', 'met', 'met'], items: { 'topics-present': 'not-met', 'configs-match': 'unknown' } },
  ];
  it.each(cases)('$name', ({ results, overall, items, phases }) => {
    const c = cutoverChecklist(results);
    expect(c.status).toBe(overall);
    if (phases) expect(c.phases.map((p) => p.status)).toEqual(phases);
    if (items) expect(itemStatus(results)).toMatchObject(items);
  });

  it('names the deciding checks, the resources and the reasons', () => {
    const c = cutoverChecklist(all('pass', { 'migration/topics-mirrored': result('migration/topics-mirrored', 'fail'), 'migration/config-drift': result('migration/config-drift', 'unknown', { reason: 'source topic configs unavailable' }) }));
    const [topics, configs] = c.phases[0]!.items;
    expect(topics).toMatchObject({ status: 'not-met', checks: [{ id: 'migration/topics-mirrored', status: 'fail' }], resources: [{ check: 'migration/topics-mirrored', kind: 'topic', name: 't-topics-mirrored', status: 'fail' }], reasons: [] });
    expect(configs).toMatchObject({ status: 'unknown', checks: [{ id: 'migration/config-drift', status: 'unknown' }], reasons: ['migration/config-drift is unknown: source topic configs unavailable'] });
  });
});

describe('cut-over checklist in reports', () => {
  it('is in compare reports, from the real checks; never in an ordinary scan', async () => {
    const config = defaultConfig();
    const setup = { config, registry: await buildRegistry(config) };
    expect(evaluateSnapshot(makeSnapshot(), setup).cutover).toBeUndefined();
    // A topic left out of mirroring, source ACLs unreadable.
    const three = [{ replicas: [1] }, { replicas: [2] }, { replicas: [3] }];
    const report = evaluateSnapshot(paired({ topics: { ok: true, value: [topicInfo('orders', three), topicInfo('audit', three)] }, acls: deniedArtifact('DescribeAcls') }, { topics: { ok: true, value: [topicInfo('src.orders', three)] } }, PREFIX), setup);
    const items = Object.fromEntries(report.cutover!.phases.flatMap((p) => p.items.map((i) => [i.id, i])));
    expect(items['topics-present']).toMatchObject({ status: 'not-met', resources: [{ check: 'migration/topics-mirrored', kind: 'topic', name: 'audit', status: 'fail' }] });
    expect(items['acls-carried']!.status).toBe('unknown');
    // A condition seen to fail decides the whole list, whatever else could not be read.
    expect(report.cutover!.status).toBe('not-met');
  });
});
