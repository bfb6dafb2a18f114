// Plugins run in a worker with a time budget and their answers are validated: one test per misbehaviour
// (fixtures in test/fixtures/plugins/). The exit-code side is proven through the real CLI in
// test/integration/plugin-faults.test.ts.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseReadinessConfig } from '../../src/config/readiness.js';
import { evaluateChecks } from '../../src/engine/evaluate.js';
import { buildRegistry } from '../../src/engine/registry.js';
import { outputProblem } from '../../src/engine/result-schema.js';
import type { CheckResult } from '../../src/report/model.js';
import { makeSnapshot } from '../helpers/snapshot.js';

const FIXTURES = path.resolve(import.meta.dirname, '..', 'fixtures', 'plugins');

async function run(plugin: string, budgetMs = 400): Promise<CheckResult[]> {
  const file = path.join(FIXTURES, 'readiness.yaml');
  const config = parseReadinessConfig(`plugins:\n  - ./${plugin}\n`, 'readiness.yaml', file);
  const registry = await buildRegistry(config, { budgetMs });
  const plugins = registry.filter((r) => r.origin !== 'built-in');
  return evaluateChecks(makeSnapshot(), plugins, config);
}

const byId = (results: CheckResult[], id: string) => results.find((r) => r.id === id)!;

describe('plugin isolation', () => {
  it('ends a check that never returns after its budget, names plugin and budget, and goes on', async () => {
    const t0 = Date.now();
    const results = await run('hang.mjs', 300);
    const elapsed = Date.now() - t0;
    expect(byId(results, 'misbehave/hang')).toMatchObject({
      status: 'error',
      score: null,
      reason: 'plugin "./hang.mjs" did not return within its time budget of 300 ms and was stopped',
    });
    // The next check of the same plugin runs in a fresh worker.
    expect(byId(results, 'misbehave/after-hang')).toMatchObject({ status: 'pass', findings: [] });
    expect(elapsed).toBeLessThan(10_000);
  });

  const malformed: [string, RegExp][] = [
    ['null', /returned null: neither a list of results/],
    ['undefined', /returned undefined: neither a list of results/],
    ['number', /returned 42: neither/],
    ['string', /returned "all good": neither/],
    ['empty-object', /returned an object: neither/],
    ['null-item', /results\[0\] is null, not a result object/],
    ['resource-string', /results\[0\]\.resource is "cluster", not \{ kind, name \}/],
    ['no-message', /results\[0\]\.message is undefined, not a string/],
    ['bad-severity', /results\[0\]\.severity is "urgent"/],
    ['function', /returned a value that is not plain data/],
    ['bigint-evidence', /results\[0\]\.evidence\.observed is a bigint/],
    ['circular-evidence', /results\[0\]\.evidence\.details\.self refers back to itself/],
    ['promise', /returned a Promise \(evaluate must be synchronous\)/],
    ['not-applicable-number', /notApplicable is 7, not a string/],
  ];
  it.each(malformed)('turns a malformed answer (%s) into an error naming the plugin', async (shape, why) => {
    const r = byId(await resultsOfMalformed(), `malformed/${shape}`);
    expect(r.status).toBe('error');
    expect(r.score).toBeNull();
    expect(r.reason).toMatch(/^plugin "\.\/malformed\.mjs" /);
    expect(r.reason).toMatch(why);
  });

  it("never counts status 'bogus' as a pass", async () => {
    const [r] = await run('bogus-status.mjs');
    expect(r).toMatchObject({ id: 'misbehave/bogus-status', status: 'error', score: null, findings: [] });
    expect(r!.reason).toMatch(/^plugin "\.\/bogus-status\.mjs" returned an invalid result: results\[0\]\.status is "bogus" \(must be pass, warn, fail or unknown\)$/);
  });

  it('keeps a throw from a timer and an unhandled rejection inside the worker', async () => {
    const [r] = await run('timer-throw.mjs');
    expect(r).toMatchObject({ status: 'pass', score: 100 });
    // Give the timer time to fire: this test process must not see it (vitest fails on uncaught errors).
    await new Promise((res) => setTimeout(res, 200));
  });

  it.each([0, 1])('turns process.exit(%i) in evaluate into an error; the next check still runs', async (code) => {
    const t0 = Date.now();
    const results = await run(`exit-${code}.mjs`, 5000);
    expect(byId(results, `misbehave/exit-${code}`)).toMatchObject({
      status: 'error',
      reason: `plugin "./exit-${code}.mjs" called process.exit(${code}) during evaluate; only the plugin's worker ended`,
    });
    expect(byId(results, `misbehave/after-exit-${code}`)).toMatchObject({ status: 'pass' });
    // Reported at once, not after the budget.
    expect(Date.now() - t0).toBeLessThan(4000);
  });

  it('survives a plugin that exits from a timer after answering', async () => {
    const results = await run('exit-later.mjs', 2000);
    expect(byId(results, 'misbehave/exit-later')).toMatchObject({ status: 'pass' });
    expect(byId(results, 'misbehave/after-exit-later')).toMatchObject({ status: 'pass' });
  });

  it('does not blame the next check when the worker exits after answering but before taking the next request', async () => {
    // The fixture holds its worker's thread until the next request is queued, then exits: the request was never
    // started, so it is asked again of a fresh worker (before, this race made the second check an error).
    const results = await run('exit-while-idle.mjs', 2000);
    expect(byId(results, 'misbehave/exit-while-idle')).toMatchObject({ status: 'pass' });
    expect(byId(results, 'misbehave/after-exit-while-idle')).toMatchObject({ status: 'pass' });
  });

  it('reports process.exit while loading as a configuration error', async () => {
    const config = parseReadinessConfig('plugins:\n  - ./exit-on-load.mjs\n', 'readiness.yaml', path.join(FIXTURES, 'readiness.yaml'));
    await expect(buildRegistry(config, { budgetMs: 500 })).rejects.toThrow(/readiness\.yaml:2:5: plugin "\.\/exit-on-load\.mjs" failed to load: called process\.exit\(0\) while loading/);
  });

  it('accepts every answer the built-in result helpers produce and rejects the rest', () => {
    expect(outputProblem([])).toBeNull();
    expect(outputProblem({ unknown: 'why' })).toBeNull();
    expect(outputProblem([{ resource: { kind: 'topic', name: 't' }, status: 'fail', message: 'm', severity: 'high', evidence: { observed: [1, 'a', null], expected: '>= 3', config: 'min.insync.replicas', source: 'topic', details: { n: 1 } } }])).toBeNull();
    expect(outputProblem([{ resource: { kind: 'topic', name: 't' }, status: 'pass', message: 'm', evidence: { observed: Number.NaN, expected: 'x' } }])).toMatch(/observed is NaN/);
    expect(outputProblem([{ resource: { kind: 'topic', name: 't' }, status: 'pass', message: 'm', evidence: { expected: 'x' } }])).toMatch(/observed is missing/);
    expect(outputProblem([{ resource: { kind: 'topic', name: 't' }, status: 'pass', message: 'm', evidence: { observed: 1, expected: 'x', source: 'moon' } }])).toMatch(/source is "moon"/);
  });

  it('built-in checks (trusted) skip only the evidence of passes, which the engine drops; everything else is checked', () => {
    const badEvidence = { observed: Number.NaN, expected: 'x' };
    expect(outputProblem([{ resource: { kind: 'topic', name: 't' }, status: 'pass', message: 'm', evidence: badEvidence }], true)).toBeNull();
    expect(outputProblem([{ resource: { kind: 'topic', name: 't' }, status: 'fail', message: 'm', evidence: badEvidence }], true)).toMatch(/observed is NaN/);
    expect(outputProblem([{ resource: { kind: 'topic', name: 't' }, status: 'pass', message: 7 }], true)).toMatch(/message is 7/);
    expect(outputProblem([{ resource: 'cluster', status: 'pass', message: 'm' }], true)).toMatch(/resource is "cluster"/);
    expect(outputProblem([{ resource: { kind: 'topic', name: 't' }, status: 'bogus', message: 'm' }], true)).toMatch(/status is "bogus"/);
  });
});

let malformedResults: Promise<CheckResult[]> | undefined;
function resultsOfMalformed(): Promise<CheckResult[]> {
  malformedResults ??= run('malformed.mjs', 2000);
  return malformedResults;
}
