// A table-driven tester for one check (ESLint's RuleTester is the model): each case is a snapshot, optional options,
// and the EXACT set of findings expected (resource kind + name, status, severity) or the non-evaluated status.
// Cases run through the real engine, so missing artifacts, thrown errors and invalid output behave as in a scan.
import { describe, expect, it } from 'vitest';
import { defaultConfig, type CheckOverride, type ReadinessConfig } from '../../src/config/readiness.js';
import { evaluateChecks } from '../../src/engine/evaluate.js';
import type { Snapshot } from '../../src/gather/snapshot.js';
import type { CheckResult, CheckStatus, Finding } from '../../src/report/model.js';
import type { Check, CheckOptions, Severity } from '../../src/sdk.js';

export interface ExpectedFinding {
  kind: string;
  name: string;
  status: 'warn' | 'fail';
  /** Omitted: any severity. */
  severity?: Severity;
  /** Pins meaningful text: a string is matched exactly, a RegExp by search. */
  message?: string | RegExp;
  /** Pins evidence fields (toMatchObject). */
  evidence?: Record<string, unknown>;
}

/** A result that evaluated nothing: unknown, not-applicable, error or skipped, with no findings. */
export interface ExpectedOutcome {
  status: Exclude<CheckStatus, 'pass' | 'warn' | 'fail' | 'waived'>;
  reason?: string | RegExp;
  /** Names of the artifacts reported missing, in order. */
  missing?: string[];
}

export interface CheckCase {
  name: string;
  snapshot: Snapshot | (() => Snapshot);
  options?: CheckOptions;
  /** Further override of the check's entry (severity, weight, enabled). */
  override?: Omit<CheckOverride, 'options'>;
  /** Changes to the default readiness config (policy, platform, ...) before evaluation. */
  configure?: (config: ReadinessConfig) => void;
  /** [] means: evaluated, every resource passed. */
  expect: ExpectedFinding[] | ExpectedOutcome;
  /** Pins resource counts (e.g. how many passed), when the number of evaluated resources matters. */
  counts?: Partial<CheckResult['counts']>;
  score?: number | null;
  /** The exact set of resources the check saw but could not judge (unknownResource); omitted: not compared. */
  notJudged?: { kind: string; name: string; reason?: RegExp }[];
  /** Extra assertions on the result, for what the table cannot say. */
  verify?: (result: CheckResult) => void;
}

export function evaluateCase(check: Check<any, any>, c: Omit<CheckCase, 'name' | 'expect'>): CheckResult {
  const config = defaultConfig();
  c.configure?.(config);
  config.checks[check.meta.id] = { ...c.override, ...(c.options ? { options: c.options } : {}) };
  const snapshot = typeof c.snapshot === 'function' ? c.snapshot() : c.snapshot;
  return evaluateChecks(snapshot, [{ check, origin: 'built-in' }], config)[0]!;
}

const key = (f: { kind: string; name: string; status: string }) => `${f.kind}\u0000${f.name}\u0000${f.status}`;

function project(actual: Finding[], expected: ExpectedFinding[]) {
  const want = [...expected].sort((a, b) => key(a).localeCompare(key(b)));
  const got = actual.map((f) => ({ kind: f.resource.kind, name: f.resource.name, status: f.status, severity: f.severity, finding: f })).sort((a, b) => key(a).localeCompare(key(b)));
  return { want, got };
}

export function assertCase(result: CheckResult, c: CheckCase): void {
  if (Array.isArray(c.expect)) {
    expect(result.status, `status (reason: ${result.reason ?? '-'})`).toMatch(/^(pass|warn|fail|waived)$/);
    const { want, got } = project(result.findings, c.expect);
    // The exact set: every finding expected, none more; severity compared where the case names one.
    expect(got.map((g, i) => ({ kind: g.kind, name: g.name, status: g.status, ...(want[i]?.severity !== undefined ? { severity: g.severity } : {}) }))).toEqual(
      want.map((w) => ({ kind: w.kind, name: w.name, status: w.status, ...(w.severity !== undefined ? { severity: w.severity } : {}) })),
    );
    want.forEach((w, i) => {
      const f = got[i]!.finding;
      if (typeof w.message === 'string') expect(f.message, w.name).toBe(w.message);
      else if (w.message) expect(f.message, w.name).toMatch(w.message);
      if (w.evidence) expect(f.evidence, w.name).toMatchObject(w.evidence);
    });
    const derived = result.findings.some((f) => f.status === 'fail') ? 'fail' : result.findings.some((f) => f.status === 'warn') ? 'warn' : 'pass';
    expect(result.status).toBe(derived);
  } else {
    expect({ status: result.status, findings: result.findings.length }, `reason: ${result.reason ?? '-'}`).toEqual({ status: c.expect.status, findings: 0 });
    if (typeof c.expect.reason === 'string') expect(result.reason).toBe(c.expect.reason);
    else if (c.expect.reason) expect(result.reason).toMatch(c.expect.reason);
    if (c.expect.missing) expect(result.missing?.map((m) => m.artifact)).toEqual(c.expect.missing);
  }
  if (c.counts) expect(result.counts).toMatchObject(c.counts);
  if (c.score !== undefined) expect(result.score).toBe(c.score);
  if (c.notJudged) {
    const got = (result.notJudged?.resources ?? []).map((r) => ({ kind: r.resource.kind, name: r.resource.name, reason: r.reason }));
    expect(got.map(({ kind, name }) => ({ kind, name })), 'not judged').toEqual(c.notJudged.map(({ kind, name }) => ({ kind, name })));
    for (const [i, w] of c.notJudged.entries()) if (w.reason) expect(got[i]!.reason).toMatch(w.reason);
    expect(result.notJudged?.count ?? 0).toBe(c.notJudged.length);
  }
  c.verify?.(result);
}

/** One describe block per check, one test per case. */
export function checkCases(check: Check<any, any>, cases: CheckCase[]): void {
  if (cases.length === 0) throw new Error(`${check.meta.id}: a check test needs at least one case`);
  describe(check.meta.id, () => {
    for (const c of cases) it(c.name, () => assertCase(evaluateCase(check, c), c));
  });
}
