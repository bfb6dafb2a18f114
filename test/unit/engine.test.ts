import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/config/readiness.js';
import { evaluateChecks } from '../../src/engine/evaluate.js';
import type { RegisteredCheck } from '../../src/engine/registry.js';
import { buildReport, FORMULA } from '../../src/engine/score.js';
import { defineCheck, fail, pass, topic, warn } from '../../src/sdk.js';
import { makeSnapshot } from '../helpers/snapshot.js';

const make = (id: string, severity: 'critical' | 'high' | 'medium' | 'low', statuses: ('pass' | 'warn' | 'fail')[], requires: ('topics' | 'brokerConfigs')[] = ['topics']): RegisteredCheck => ({
  origin: 'test',
  check: defineCheck({
    meta: { id, area: id.split('/')[0]!, title: id, description: 'd', remediation: 'r', severity, requires },
    evaluate: () => statuses.map((s, i) => ({ pass, warn, fail })[s](topic(`t${i}`), s)),
  }),
});

describe('scoring', () => {
  it('scores pass 1, warn 0.5, fail 0 and weights checks by severity', () => {
    const registry = [make('replication/a', 'high', ['pass', 'fail']), make('replication/b', 'low', ['warn', 'pass'])];
    const snapshot = makeSnapshot();
    const checks = evaluateChecks(snapshot, registry, defaultConfig());
    expect(checks.map((c) => c.score)).toEqual([50, 75]);
    const report = buildReport(snapshot, checks, defaultConfig(), { toolVersion: 't', generatedAt: 'now' });
    // (6 × 50 + 1 × 75) / 7
    expect(report.areas.find((a) => a.area === 'replication')!.score).toBe(53.6);
    expect(report.summary.score).toBe(53.6);
    expect(report.summary.formula).toBe(FORMULA);
    expect(report.summary.verdict).toBe('not-ready');
  });

  it('unknown lowers coverage but neither raises nor lowers the score', () => {
    const base = [make('replication/a', 'high', ['pass', 'warn'])];
    const denied = makeSnapshot({ brokerConfigs: { ok: false, error: { reason: 'denied', message: 'CLUSTER_AUTHORIZATION_FAILED', api: 'DescribeConfigs' } } });
    const withUnknown = [...base, make('replication/needs-broker-configs', 'critical', ['fail'], ['brokerConfigs'])];
    const r1 = buildReport(denied, evaluateChecks(denied, base, defaultConfig()), defaultConfig(), { toolVersion: 't', generatedAt: 'now' });
    const r2 = buildReport(denied, evaluateChecks(denied, withUnknown, defaultConfig()), defaultConfig(), { toolVersion: 't', generatedAt: 'now' });
    expect(r2.summary.score).toBe(r1.summary.score);
    expect(r1.summary.coverage).toBe(100);
    expect(r2.summary.coverage).toBe(37.5); // 6 evaluated of 16 applicable
    const unknown = r2.checks.find((c) => c.id === 'replication/needs-broker-configs')!;
    expect(unknown).toMatchObject({ status: 'unknown', score: null, findings: [] });
    expect(r2.gaps.find((g) => g.artifact === 'brokerConfigs')).toMatchObject({ error: { reason: 'denied' }, checks: ['replication/needs-broker-configs'] });
    // 37.5 % is below the built-in minimum of 50 %: not assessable, and the gate fails on coverage.
    expect(r2.summary.verdict).toBe('not-assessable');
    expect(r2.summary.verdictReasons[0]).toMatch(/coverage 37.5 % is below the minimum 50 % \(default minimum coverage\)/);
    expect(r2.gate).toMatchObject({ passed: false, decidedBy: 'min-coverage' });
    expect(r1.gate).toMatchObject({ passed: true, decidedBy: null });
  });

  it('records a throwing check as error, never pass', () => {
    const boom: RegisteredCheck = {
      origin: 'test',
      check: defineCheck({
        meta: { id: 'cost/boom', area: 'cost', title: 't', description: 'd', remediation: 'r', severity: 'medium', requires: ['topics'] },
        evaluate: () => {
          throw new Error('kaput');
        },
      }),
    };
    const s = makeSnapshot();
    const [r] = evaluateChecks(s, [boom], defaultConfig());
    expect(r).toMatchObject({ status: 'error', score: null, reason: 'check threw: kaput (plugin "test")' });
    const report = buildReport(s, [r!], defaultConfig(), { toolVersion: 't', generatedAt: 'now' });
    expect(report.summary.score).toBeNull();
    expect(report.summary.coverage).toBe(0);
  });

  it('applies disabled checks, severity and weight overrides', () => {
    const config = defaultConfig();
    config.checks['replication/a'] = { enabled: false };
    config.checks['replication/b'] = { severity: 'critical', weight: 2 };
    const s = makeSnapshot();
    const checks = evaluateChecks(s, [make('replication/a', 'high', ['fail']), make('replication/b', 'low', ['fail'])], config);
    expect(checks[0]).toMatchObject({ status: 'skipped' });
    expect(checks[1]).toMatchObject({ severity: 'critical', weight: 2 });
    expect(checks[1]!.findings[0]!.severity).toBe('critical');
  });

  it('gives verdict ready only with a high score, full coverage and no high finding', () => {
    const s = makeSnapshot();
    const good = buildReport(s, evaluateChecks(s, [make('replication/a', 'high', ['pass'])], defaultConfig()), defaultConfig(), { toolVersion: 't', generatedAt: 'n' });
    expect(good.summary.verdict).toBe('ready');
    const risky = buildReport(s, evaluateChecks(s, [make('replication/a', 'high', Array(19).fill('pass').concat(['fail']))], defaultConfig()), defaultConfig(), { toolVersion: 't', generatedAt: 'n' });
    expect(risky.summary).toMatchObject({ score: 95, verdict: 'ready-with-risks' });
  });

  it('gates on --fail-under', () => {
    const s = makeSnapshot();
    const checks = evaluateChecks(s, [make('replication/a', 'high', ['pass', 'fail'])], defaultConfig());
    expect(buildReport(s, checks, defaultConfig(), { toolVersion: 't', generatedAt: 'n', failUnder: 60 }).gate).toMatchObject({ passed: false, failUnder: 60 });
    expect(buildReport(s, checks, defaultConfig(), { toolVersion: 't', generatedAt: 'n', failUnder: 50 }).gate.passed).toBe(true);
  });
});
