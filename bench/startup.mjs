#!/usr/bin/env node
// Start-up cost of the CLI: wall time and CPU time (user + sys of the child, as bash's `time` reports them)
// of `--version`, `checks`, `evaluate <small snapshot>` and, when a cluster is given, `scan`, next to
// `node -e 0` measured in the same run. Prints medians; it is a measurement, not a test (nothing fails).
//
//   node bench/startup.mjs [--runs 7] [--snapshot file.json] [--bootstrap host:port] [--command-config file]
//
// The scan target may also come from KR_BENCH_BOOTSTRAP / KR_BENCH_COMMAND_CONFIG. Commands run one after
// another, round-robin (so load changes on a shared machine hit every command alike), after one warm-up each.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '7' },
    snapshot: { type: 'string', default: path.join(root, 'test', 'fixtures', 'snapshots', 'demo-cluster.json') },
    bootstrap: { type: 'string', default: process.env.KR_BENCH_BOOTSTRAP },
    'command-config': { type: 'string', default: process.env.KR_BENCH_COMMAND_CONFIG },
    bin: { type: 'string', default: path.join(root, 'bin', 'kafka-readiness.js') },
  },
});
// The commands run in an empty temporary directory: make the paths given absolute first.
for (const k of ['snapshot', 'command-config', 'bin']) if (values[k]) values[k] = path.resolve(values[k]);
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 1) {
  console.error('bench: --runs must be a whole number ≥ 1');
  process.exit(2);
}
if (!existsSync(values.bin)) {
  console.error(`bench: ${values.bin} not found (run npm run build first)`);
  process.exit(2);
}
if (!existsSync(values.snapshot)) {
  console.error(`bench: snapshot ${values.snapshot} not found (--snapshot <file>)`);
  process.exit(2);
}

const node = process.execPath;
const cli = (...args) => [node, values.bin, ...args];
const cases = [
  { name: 'node -e 0', argv: [node, '-e', '0'] },
  { name: '--version', argv: cli('--version') },
  { name: 'checks', argv: cli('checks') },
  { name: `evaluate ${path.basename(values.snapshot)}`, argv: cli('evaluate', values.snapshot) },
];
if (values.bootstrap || values['command-config']) {
  const conn = [...(values['command-config'] ? ['--command-config', values['command-config']] : []), ...(values.bootstrap ? ['-b', values.bootstrap] : [])];
  cases.push({ name: `scan ${values.bootstrap ?? path.basename(values['command-config'])}`, argv: cli('scan', ...conn) });
}

// An empty working directory: no ./readiness.yaml is picked up by accident.
const cwd = mkdtempSync(path.join(tmpdir(), 'kr-bench-'));
const quote = (s) => `'${s.replaceAll("'", "'\\''")}'`;

/** One run under bash's `time`: real, user and sys seconds of the child. */
function measure(argv) {
  const errFile = path.join(cwd, 'stderr.txt');
  const script = `TIMEFORMAT='%R %U %S'; time ${argv.map(quote).join(' ')} >/dev/null 2>${quote(errFile)}`;
  const r = spawnSync('bash', ['-c', script], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  const m = /(\d+\.\d+) (\d+\.\d+) (\d+\.\d+)\s*$/.exec(r.stderr);
  if (!m) throw new Error(`could not time ${argv.join(' ')}: ${r.stderr}`);
  // 0 and 1 (gate failed) are normal answers; anything else means the command did not do its work.
  if (r.status !== 0 && r.status !== 1) throw new Error(`${argv.slice(1).join(' ')} exited ${r.status}: ${readFileSync(errFile, 'utf8').slice(0, 400).trim()}`);
  return { wall: Number(m[1]), cpu: Number(m[2]) + Number(m[3]) };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

try {
  for (const c of cases) measure(c.argv); // warm-up: file cache, JIT-less first read of node_modules
  const samples = new Map(cases.map((c) => [c.name, []]));
  for (let i = 0; i < runs; i++) for (const c of cases) samples.get(c.name).push(measure(c.argv));
  const width = Math.max(...cases.map((c) => c.name.length));
  console.log(`kafka-readiness start-up, median of ${runs} runs (node ${process.version}, ${new Date().toISOString()})`);
  console.log(`${'command'.padEnd(width)}  wall s  cpu s (user+sys)`);
  for (const c of cases) {
    const xs = samples.get(c.name);
    console.log(`${c.name.padEnd(width)}  ${median(xs.map((x) => x.wall)).toFixed(3).padStart(6)}  ${median(xs.map((x) => x.cpu)).toFixed(3).padStart(6)}`);
  }
} catch (err) {
  console.error(`bench: ${err.message}`);
  process.exitCode = 2;
} finally {
  rmSync(cwd, { recursive: true, force: true });
}
