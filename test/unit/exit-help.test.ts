// --help and README.md name the same exit-1 causes (both come from GATE_FAILURE_CAUSES).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';
import { EXIT_CODE_MEANINGS, GATE_FAILURE_CAUSES } from '../../src/commands/exit-help.js';
import { SEVERITIES } from '../../src/sdk.js';

const root = path.resolve(import.meta.dirname, '..', '..');

async function help(command: string): Promise<string> {
  const out = new PassThrough();
  const err = new PassThrough();
  let text = '';
  out.on('data', (d) => (text += String(d)));
  err.on('data', (d) => (text += String(d)));
  const before = process.exitCode;
  await main(['node', 'kafka-readiness', command, '--help'], { stdout: out as unknown as typeof process.stdout, stderr: err as unknown as typeof process.stderr });
  process.exitCode = before; // main sets it for the real process
  return text;
}

describe('exit codes', () => {
  it('README.md lists exactly the exit-1 causes the code names, and every exit code', () => {
    const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
    const table = readme.slice(readme.indexOf('### Exit codes'), readme.indexOf('\n\n', readme.indexOf('| code |')));
    const rows = Object.fromEntries([...table.matchAll(/^\| (\d) \| (.+) \|$/gm)].map((m) => [m[1], m[2]]));
    expect(Object.keys(rows)).toEqual(Object.keys(EXIT_CODE_MEANINGS));
    // "gate failed: a (x), b, …, or e (y)": without markup and parentheticals, one cause per comma.
    const causes = rows['1']!.replace(/`/g, '').replace(/\s*\([^)]*\)/g, '').replace(/^gate failed: /, '').split(/, (?:or )?/);
    expect(causes).toEqual([...GATE_FAILURE_CAUSES]);
  });

  it('--help of scan and evaluate names every exit-1 cause and the --fail-on severities', async () => {
    for (const command of ['scan', 'evaluate']) {
      const text = (await help(command)).replace(/\s+/g, ' ');
      for (const cause of GATE_FAILURE_CAUSES) expect(text, `${command}: ${cause}`).toContain(cause);
      for (const code of Object.keys(EXIT_CODE_MEANINGS)) expect(text).toMatch(new RegExp(` ${code} `));
      expect(text).toContain(`choices: ${SEVERITIES.map((s) => `"${s}"`).join(', ')}`);
    }
  });
});
