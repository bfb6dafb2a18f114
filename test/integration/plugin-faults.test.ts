// Misbehaving plugins through the real, compiled CLI: whatever a plugin does (loop forever, exit, throw from a
// timer, answer garbage, print to stdout), the report lands and the exit code is the gate's. No cluster needed:
// `evaluate` runs on a saved snapshot.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeSnapshot, topicInfo } from '../helpers/snapshot.js';
import { runCli } from './cluster-context.js';

const FIXTURES = path.resolve(import.meta.dirname, '..', 'fixtures', 'plugins');
const dir = mkdtempSync(path.join(tmpdir(), 'kr-plugin-faults-'));
const snapshotFile = path.join(dir, 'snapshot.json');

function configWith(plugin: string): string {
  const file = path.join(dir, `${plugin}.yaml`);
  writeFileSync(file, `plugins:\n  - ${JSON.stringify(path.join(FIXTURES, plugin))}\n`);
  return file;
}

async function evaluate(plugin: string | null, gate: 'pass' | 'fail', extra: string[] = []) {
  const out = path.join(dir, `${plugin ?? 'none'}-${gate}.json`);
  const args = ['evaluate', snapshotFile, '--format', 'json', '--output', out, '--fail-under', gate === 'pass' ? '0' : '100', ...extra];
  if (plugin) args.push('--config', configWith(plugin));
  const run = await runCli(args, { timeoutMs: 60_000 });
  let report: { checks: { id: string; status: string; reason?: string }[] } | null = null;
  try {
    report = JSON.parse(readFileSync(out, 'utf8'));
  } catch {
    report = null;
  }
  return { ...run, report };
}

describe('misbehaving plugins cannot end, hang or decide the run', () => {
  const baseline: Record<'pass' | 'fail', number | null> = { pass: null, fail: null };
  beforeAll(async () => {
    // A healthy cluster plus one topic with a single replica: the score is below 100, so --fail-under 100 fails.
    const snapshot = makeSnapshot();
    if (snapshot.artifacts.topics.ok) snapshot.artifacts.topics.value.push(topicInfo('scratch', [{ replicas: [1] }]));
    writeFileSync(snapshotFile, JSON.stringify(snapshot));
    // The same snapshot without plugins: the gate's own verdicts, which the plugins below must not change.
    baseline.pass = (await evaluate(null, 'pass')).code;
    baseline.fail = (await evaluate(null, 'fail')).code;
    expect(baseline).toEqual({ pass: 0, fail: 1 });
  });

  it('stops a plugin check that never returns after --plugin-timeout and still writes the report', async () => {
    const r = await evaluate('hang.mjs', 'pass', ['--plugin-timeout', '500ms']);
    expect(r.code).toBe(baseline.pass);
    expect(r.ms).toBeLessThan(20_000);
    expect(r.report!.checks.find((c) => c.id === 'misbehave/hang')).toMatchObject({ status: 'error', reason: expect.stringMatching(/hang\.mjs" did not return within its time budget of 500 ms/) });
    expect(r.report!.checks.find((c) => c.id === 'misbehave/after-hang')).toMatchObject({ status: 'pass' });
  });

  it.each([
    ['exit-0.mjs', 'fail'],
    ['exit-1.mjs', 'pass'],
  ] as const)('%s: process.exit in a plugin neither ends the run nor sets the exit code', async (plugin, gate) => {
    const r = await evaluate(plugin, gate);
    expect(r.code).toBe(baseline[gate]);
    const id = `misbehave/${plugin.replace('.mjs', '')}`;
    expect(r.report!.checks.find((c) => c.id === id)).toMatchObject({ status: 'error', reason: expect.stringMatching(/called process\.exit\(\d\) during evaluate/) });
    expect(r.report!.checks.find((c) => c.id === `misbehave/after-${plugin.replace('.mjs', '')}`)).toMatchObject({ status: 'pass' });
  });

  it('a throw from a timer and an unhandled rejection do not exit 1', async () => {
    const r = await evaluate('timer-throw.mjs', 'pass');
    expect(r.code).toBe(baseline.pass);
    expect(r.stderr).not.toMatch(/internal error|thrown from a timer/);
    expect(r.report!.checks.find((c) => c.id === 'misbehave/timer-throw')).toMatchObject({ status: 'pass' });
  });

  it('a plugin exiting from a timer after it answered changes nothing', async () => {
    const r = await evaluate('exit-later.mjs', 'pass');
    expect(r.code).toBe(baseline.pass);
    expect(r.report!.checks.filter((c) => c.id.startsWith('misbehave/')).map((c) => c.status)).toEqual(['pass', 'pass']);
  });

  it("status 'bogus' is an error in the JSON report, not a pass, and does not exit 4", async () => {
    const r = await evaluate('bogus-status.mjs', 'pass');
    expect(r.code).toBe(baseline.pass);
    expect(r.report!.checks.find((c) => c.id === 'misbehave/bogus-status')).toMatchObject({ status: 'error', reason: expect.stringMatching(/status is "bogus"/) });
  });

  it('malformed answers become errors naming the plugin, never exit 4', async () => {
    const r = await evaluate('malformed.mjs', 'pass');
    expect(r.code).toBe(baseline.pass);
    const malformed = r.report!.checks.filter((c) => c.id.startsWith('malformed/'));
    expect(malformed).toHaveLength(14);
    for (const c of malformed) expect(c, c.id).toMatchObject({ status: 'error', reason: expect.stringMatching(/^plugin ".*malformed\.mjs" /) });
  });

  it('plugin console output goes to stderr, never into a report on stdout', async () => {
    const run = await runCli(['evaluate', snapshotFile, '--format', 'json', '--fail-under', '0', '--config', configWith('console-noise.mjs')], { timeoutMs: 60_000 });
    expect(run.code).toBe(baseline.pass);
    const report = JSON.parse(run.stdout);
    expect(report.checks.find((c: { id: string }) => c.id === 'misbehave/console-noise')).toMatchObject({ status: 'pass' });
    expect(run.stderr).toContain('NOISE FROM PLUGIN');
  });

  it.each(['0', '2h', 'soon'])('--plugin-timeout %s is a usage error: exit 2, one line', async (value) => {
    const r = await evaluate('hang.mjs', 'pass', ['--plugin-timeout', value]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/--plugin-timeout/);
  });

  it('process.exit while loading is a configuration error: exit 2, one line', async () => {
    const r = await evaluate('exit-on-load.mjs', 'pass');
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/exit-on-load\.mjs" failed to load: called process\.exit\(0\) while loading/);
  });
});
