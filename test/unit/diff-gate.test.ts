import { describe, expect, it } from 'vitest';
import { defaultConfig, parseReadinessConfig } from '../../src/config/readiness.js';
import { diffReports } from '../../src/engine/diff.js';
import { renderDiffText } from '../../src/report/diff-render.js';
import { buildRegistry } from '../../src/engine/registry.js';
import { evaluateSnapshot } from '../../src/pipeline.js';
import { cfg, makeSnapshot, TOPIC_DEFAULTS, topicInfo } from '../helpers/snapshot.js';

async function report(topics: { name: string; rf: number }[], yaml = '{}', opts: Parameters<typeof evaluateSnapshot>[2] = {}) {
  const config = yaml === '{}' ? defaultConfig() : parseReadinessConfig(yaml, 'r.yaml');
  const s = makeSnapshot({
    topics: { ok: true, value: topics.map((t) => topicInfo(t.name, [{ replicas: [1, 2, 3].slice(0, t.rf) }])) },
    topicConfigs: { ok: true, value: Object.fromEntries(topics.map((t) => [t.name, cfg(TOPIC_DEFAULTS)])) },
    offsets: { ok: true, value: Object.fromEntries(topics.map((t) => [t.name, { '0': { earliest: '0', latest: '5' } }])) },
  });
  return evaluateSnapshot(s, { config, registry: await buildRegistry(config) }, opts);
}

describe('diff', () => {
  it('lists exactly the new, fixed and changed findings and the score change', async () => {
    const base = await report([{ name: 'a', rf: 3 }, { name: 'old-debt', rf: 2 }, { name: 'fixed-later', rf: 1 }]);
    const head = await report([{ name: 'a', rf: 3 }, { name: 'old-debt', rf: 1 }, { name: 'fixed-later', rf: 3 }, { name: 'new-fault', rf: 1 }]);
    const d = diffReports(base, head);
    expect(d.newFindings.map((f) => `${f.check} ${f.resource}`)).toEqual(expect.arrayContaining(['replication/replication-factor topic new-fault']));
    // old-debt got worse (RF 2 → 1): its new partition-level findings are new; nothing about topic a is.
    expect(d.newFindings.filter((f) => !f.resource.includes('new-fault') && !f.resource.includes('old-debt'))).toEqual([]);
    expect(d.fixedFindings).toContainEqual(expect.objectContaining({ check: 'replication/replication-factor', resource: 'topic fixed-later' }));
    expect(d.fixedFindings.filter((f) => f.resource.includes(' a'))).toEqual([]);
    expect(d.changedFindings.map((c) => [c.after.check, c.after.resource, c.before.status, c.after.status])).toContainEqual(['replication/replication-factor', 'topic old-debt', 'warn', 'fail']);
    expect(renderDiffText(d).split('\n')[0]).toMatch(/^Score [\d.]+ → [\d.]+ \([+-][\d.]+\); coverage/);
  });
});

describe('gate rules', () => {
  it('--fail-on fails on a finding at or above the severity and names the rule that decided', async () => {
    const r = await report([{ name: 'single', rf: 1 }], '{}', { failOn: 'high' });
    expect(r.gate).toMatchObject({ passed: false, decidedBy: 'fail-on' });
    expect(r.gate.rules.find((x) => x.rule === 'fail-on')!.message).toMatch(/failing finding\(s\) of severity high or worse \(--fail-on\), e\.g\. /);
    expect((await report([{ name: 'ok', rf: 3 }], '{}', { failOn: 'high' })).gate.passed).toBe(true);
  });
  it('min-coverage and the readiness.yaml gate section, flags winning', async () => {
    const yaml = 'gate:\n  minCoverage: 100.1\n';
    expect(() => parseReadinessConfig(yaml, 'r.yaml')).toThrow(/r\.yaml:2:3: gate\.minCoverage must be <= 100/);
    const r = await report([{ name: 'two', rf: 2 }], 'gate:\n  failUnder: 99.9\n  minCoverage: 10\n');
    // Coverage is judged first (the gate fails closed), then the other rules in order.
    expect(r.gate.rules.map((x) => [x.rule, x.passed, x.origin])).toEqual([
      ['min-coverage', true, 'gate.minCoverage (r.yaml:3:3)'],
      ['fail-under', false, 'gate.failUnder (r.yaml:2:3)'],
    ]);
    expect(r.gate.decidedBy).toBe('fail-under');
    const flagged = await report([{ name: 'ok', rf: 3 }], 'gate:\n  failUnder: 99.9\n', { failUnder: 10 });
    expect(flagged.gate).toMatchObject({ passed: true, decidedBy: null, failUnder: 10 });
  });
  it('with a baseline, only new findings decide', async () => {
    const r = await report([{ name: 'single', rf: 1 }], 'gate:\n  failUnder: 99.9\n', { newFindings: { count: 0, examples: [], origin: '--baseline base.json' } });
    // Coverage still decides with a baseline: a blind scan has no new findings either.
    expect(r.gate).toMatchObject({ passed: true, rules: [{ rule: 'min-coverage', passed: true, origin: 'default minimum coverage' }, { rule: 'new-findings', passed: true }] });
  });
});

describe('profiles', () => {
  it('dev and production give different verdicts on the same snapshot, and the report says why', async () => {
    const { applyProfile } = await import('../../src/config/profiles.js');
    const s = makeSnapshot({
      topics: { ok: true, value: [topicInfo('orders', [{ replicas: [1, 2, 3] }]), topicInfo('scratch', [{ replicas: [2] }])] },
      topicConfigs: { ok: true, value: { orders: cfg(TOPIC_DEFAULTS), scratch: cfg({ ...TOPIC_DEFAULTS, 'min.insync.replicas': '1' }) } },
    });
    const run = async (profile: string) => {
      const config = applyProfile(defaultConfig(), profile);
      return evaluateSnapshot(s, { config, registry: await buildRegistry(config) });
    };
    const dev = await run('dev');
    const prod = await run('production');
    expect(dev.summary.profile?.name).toBe('dev');
    expect(dev.summary.verdict).not.toBe(prod.summary.verdict);
    expect(prod.summary.verdict).toBe('not-ready');
    expect(prod.summary.verdictReasons.join(' ')).toMatch(/attestation\/readiness-scorecard|profile production/);
    expect(dev.checks.find((c) => c.id === 'replication/replication-factor')).toMatchObject({ severity: 'low', status: 'pass' });
    expect(prod.checks.find((c) => c.id === 'attestation/readiness-scorecard')?.status).toBe('fail');
    expect(() => applyProfile(defaultConfig(), 'lenient')).toThrow(/unknown profile "lenient"/);
  });

  it('readiness.yaml extends the profile: its own entries win', async () => {
    const { applyProfile } = await import('../../src/config/profiles.js');
    const config = applyProfile(parseReadinessConfig('profile: regulated\nscoring:\n  readyScore: 80\nchecks:\n  acl/wildcard-principal:\n    severity: medium\n', 'r.yaml'), 'regulated');
    expect(config.scoring.readyScore).toBe(80);
    expect(config.checks['acl/wildcard-principal']?.severity).toBe('medium');
    expect(config.checks['acl/anonymous-grants']?.severity).toBe('critical');
    expect(config.gate).toEqual({ failOn: 'high', minCoverage: 90 });
  });
});
