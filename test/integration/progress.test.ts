// Progress on stderr: a status line on a terminal (a real pseudo-terminal from util-linux `script`), nothing
// when stdout/stderr are pipes or with --quiet. Against the real test cluster, with a short --observe window
// so the countdown shows too.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cluster, runCli } from './cluster-context.js';

const c = cluster();
const bin = path.join(c.root, 'bin', 'kafka-readiness.js');
const quote = (s: string) => `'${s.replaceAll("'", "'\\''")}'`;

/** Runs the CLI on a pseudo-terminal: `script` gives the child a tty for stdin, stdout and stderr. */
function onTerminal(args: string[]): Promise<{ code: number | null; transcript: string }> {
  const command = [process.execPath, bin, ...args].map(quote).join(' ');
  return new Promise((resolve, reject) => {
    const child = spawn('script', ['-qfec', command, '/dev/null'], { cwd: c.root, env: { ...process.env, NO_COLOR: '1', COLUMNS: '160' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let transcript = '';
    child.stdout.on('data', (d) => (transcript += d));
    child.stderr.on('data', (d) => (transcript += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), 120_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, transcript });
    });
  });
}

const STATUS = '\r\x1b[2K';

describe('progress on stderr', () => {
  const dir = mkdtempSync(path.join(c.workDir, 'progress-'));

  it('on a terminal: the artifacts being read, counts, elapsed, the --observe countdown, then a summary', async () => {
    const out = path.join(dir, 'tty.json');
    const run = await onTerminal(['scan', '--command-config', c.adminProps, '--observe', '4s', '--samples', '3', '--format', 'json', '-o', out]);
    expect([0, 1], run.transcript).toContain(run.code);
    expect(run.transcript).toContain(`${STATUS}connecting to ${c.saslBootstrap}`);
    expect(run.transcript).toMatch(/reading [a-zA-Z, +0-9]+ · \d+\/\d+ artifacts · 3 brokers, \d+ topics/);
    expect(run.transcript).toMatch(/observing: sample 2\/3 in \d+s, \d+s of the window left/);
    expect(run.transcript).toMatch(/gathered \d+ artifacts with \d+ requests in \d+s\r?\n/);
    expect(JSON.parse(readFileSync(out, 'utf8')).snapshot.stats.totalRequests).toBeGreaterThan(0);
  });

  it('with --quiet on a terminal: no status line', async () => {
    const run = await onTerminal(['scan', '--command-config', c.adminProps, '--quiet', '--format', 'json', '-o', path.join(dir, 'quiet.json')]);
    expect([0, 1], run.transcript).toContain(run.code);
    expect(run.transcript).not.toContain(STATUS);
    expect(run.transcript).not.toMatch(/connecting to|reading |gathered /);
  });

  it('with stdout and stderr as pipes: no progress at all', async () => {
    const run = await runCli(['scan', '--command-config', c.adminProps, '--observe', '2s', '--samples', '2', '--format', 'json']);
    expect([0, 1], run.stderr).toContain(run.code);
    expect(run.stderr).toBe('');
    expect(run.stdout).not.toContain('\r');
    expect(JSON.parse(run.stdout).snapshot.stats.totalRequests).toBeGreaterThan(0);
  });
});
