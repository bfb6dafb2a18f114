// `--baseline … --fail-on-new` is a pure step after ONE evaluation: the checks run once per command, the
// new-findings gate is computed from that report (it used to evaluate twice).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it, vi } from 'vitest';
import { demoSnapshot } from '../browser/report-fixture.js';

const runs = vi.hoisted(() => ({ count: 0 }));
vi.mock('../../src/engine/evaluate.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/engine/evaluate.js')>();
  return { ...real, evaluateChecks: (...args: Parameters<typeof real.evaluateChecks>) => (runs.count++, real.evaluateChecks(...args)) };
});

const { main } = await import('../../src/cli.js');

async function cli(...args: string[]): Promise<number> {
  const sink = new PassThrough();
  sink.resume();
  const before = process.exitCode;
  const code = await main(['node', 'kafka-readiness', ...args], { stdout: sink as unknown as typeof process.stdout, stderr: sink as unknown as typeof process.stderr });
  process.exitCode = before;
  return code;
}

describe('--fail-on-new evaluates once', () => {
  it('evaluate --baseline --fail-on-new runs the checks exactly once', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'kr-once-'));
    const snap = path.join(dir, 'snapshot.json');
    const base = path.join(dir, 'base.json');
    writeFileSync(snap, JSON.stringify(demoSnapshot()));
    expect(await cli('evaluate', snap, '--format', 'json', '--output', base)).toBe(0);
    expect(runs.count).toBe(1);
    runs.count = 0;
    expect(await cli('evaluate', snap, '--baseline', base, '--fail-on-new', '--format', 'json')).toBe(0);
    expect(runs.count).toBe(1);
  });
});
