// The probe's command-line surface: every refusal is one line on stderr with exit 2, before anything connects
// (the bootstrap below is a closed port: reaching it would exit 3, not 2).
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';

async function cli(...args: string[]): Promise<{ code: number; err: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let err = '';
  stderr.on('data', (d) => (err += d));
  const before = process.exitCode;
  const code = await main(['node', 'kafka-readiness', ...args], { stdout: stdout as unknown as typeof process.stdout, stderr: stderr as unknown as typeof process.stderr });
  process.exitCode = before;
  return { code, err };
}

const B = ['-b', '127.0.0.1:1'];

describe('probe command line', () => {
  it.each([
    { args: ['probe', ...B], err: /the probe writes to the cluster: add --allow-writes/ },
    { args: ['scan', ...B, '--probe'], err: /the probe writes to the cluster: add --allow-writes/ },
    { args: ['scan', ...B, '--allow-writes'], err: /need --probe/ },
    { args: ['scan', ...B, '--probe-records', '5'], err: /need --probe/ },
    { args: ['probe', ...B, '--allow-writes', '--probe-records', 'x'], err: /--probe-records must be a whole number from 0 to 10000000/ },
    { args: ['probe', ...B, '--allow-writes', '--probe-records', '-1'], err: /--probe-records must be/ },
    { args: ['probe', ...B, '--allow-writes', '--probe-records', '10000001'], err: /--probe-records must be/ },
    { args: ['probe', ...B, '--allow-writes', '--probe-consumers', '0'], err: /--probe-consumers must be a whole number from 1 to 64/ },
    { args: ['probe', ...B, '--allow-writes', '--probe-consumers', '65'], err: /--probe-consumers must be/ },
    { args: ['probe', ...B, '--allow-writes', '--probe-consumers', '2.5'], err: /--probe-consumers must be/ },
    { args: ['probe', ...B, '--allow-writes', '--probe-prefix', 'bad prefix'], err: /--probe-prefix may contain only/ },
  ])('$args → exit 2', async ({ args, err }) => {
    const r = await cli(...args);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(err);
    expect(r.err.trim().split('\n')).toHaveLength(1);
  });

  it('--help of probe and scan documents the burst options', async () => {
    for (const cmd of ['probe', 'scan']) {
      const stdout = new PassThrough();
      let out = '';
      stdout.on('data', (d) => (out += d));
      const before = process.exitCode;
      await main(['node', 'kafka-readiness', cmd, '--help'], { stdout: stdout as unknown as typeof process.stdout, stderr: new PassThrough() as unknown as typeof process.stderr });
      process.exitCode = before;
      expect(out, cmd).toMatch(/--probe-records <n>/);
      expect(out, cmd).toMatch(/--probe-consumers <n>/);
      expect(out, cmd).toMatch(/--allow-writes/);
    }
  });
});
