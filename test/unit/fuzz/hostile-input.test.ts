// Fuzz suite: generated hostile inputs (readiness.yaml, snapshots, reports, flags, output paths) must each end
// with a documented exit code — 2 for bad input, never 4 (internal error) — exactly one line on stderr, no
// stack trace, no raw control character, and no hang. A seeded generator makes every run the same cases.
// Most cases run in-process through main(argv, io); a sample runs as real child processes with a timeout.

import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../../src/cli.js';
import { renderStarterConfig } from '../../../src/commands/init.js';
import { defaultConfig } from '../../../src/config/readiness.js';
import { buildRegistry } from '../../../src/engine/registry.js';
import { evaluateSnapshot } from '../../../src/pipeline.js';
import { renderJson } from '../../../src/report/renderers/json.js';
import { makeSnapshot } from '../../helpers/snapshot.js';

const SEED = Number(process.env.KR_FUZZ_SEED ?? 20261202);
const ROOT = path.resolve(import.meta.dirname, '..', '..', '..');
/** Nothing listens here: a case that got as far as connecting would fail fast with exit 3, never hang. */
const NO_BROKER = '127.0.0.1:1';

/** mulberry32: small, seedable, good enough to pick mutations. */
function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (n: number) => Math.floor(next() * n),
    pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!,
    word: (n = 6) => Array.from({ length: 1 + Math.floor(next() * n) }, () => 'abcdefghijklmnopqrstuvwxyz'[Math.floor(next() * 26)]).join(''),
  };
}

interface Case {
  cls: string;
  name: string;
  argv: string[];
  /** Files to write first: name → content (relative to the case folder). */
  files?: Record<string, string>;
  /** 2: must be rejected as bad input; 'not-4': may pass or fail the gate, but never crash. */
  expect: 2 | 'not-4';
}

interface Outcome {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

function generate(base: { yaml: string; snapshot: string; report: string }): Case[] {
  const r = rng(SEED);
  const cases: Case[] = [];
  const evalWith = (yaml: string): Pick<Case, 'argv' | 'files'> => ({ argv: ['evaluate', 'snap.json', '-c', 'r.yaml', '--format', 'json', '-o', 'out/report.json'], files: { 'r.yaml': yaml, 'snap.json': base.snapshot } });
  const add = (cls: string, name: string, c: Pick<Case, 'argv' | 'files'>, expectCode: Case['expect'] = 2) => cases.push({ cls, name, ...c, expect: expectCode });

  // 1. YAML aliases: billion laughs of random width and depth, dangling aliases, alias loops by merge keys.
  for (let i = 0; i < 20; i++) {
    const width = 4 + r.int(8);
    const depth = 4 + r.int(5);
    const rows = [`l0: &l0 [${Array(width).fill('"lol"').join(',')}]`];
    for (let d = 1; d <= depth; d++) rows.push(`l${d}: &l${d} [${Array(width).fill(`*l${d - 1}`).join(',')}]`);
    add('yaml-alias', `billion laughs ${width}^${depth}`, evalWith(`${rows.join('\n')}\n`));
  }
  for (let i = 0; i < 8; i++) add('yaml-alias', 'dangling alias', evalWith(`version: 1\ngate:\n  failOn: *${r.word()}\n`));

  // 2. YAML syntax and structure: duplicate keys, unclosed flow collections and quotes, unknown keys, tabs.
  const topKeys = ['version', 'profile', 'gate', 'topicPolicies', 'requirements', 'clients', 'principals', 'checks', 'waivers', 'attestations', 'prices'];
  for (let i = 0; i < 30; i++) {
    const kind = r.int(5);
    const lines = base.yaml.split('\n');
    if (kind === 0) add('yaml-syntax', 'duplicate top-level key', evalWith(`${base.yaml}\n${r.pick(topKeys)}: {}\n`));
    else if (kind === 1) add('yaml-syntax', 'unknown top-level key', evalWith(`${base.yaml}\n${r.word()}x${r.int(99)}: 1\n`));
    else if (kind === 2) {
      const at = 1 + r.int(lines.length - 1);
      lines.splice(at, 0, `${r.pick(topKeys)}x: [${r.word()}, {`);
      add('yaml-syntax', `unclosed flow collection at line ${at + 1}`, evalWith(lines.join('\n')));
    } else if (kind === 3) add('yaml-syntax', 'unclosed quote', evalWith(`${base.yaml}\ngate:\n  failOn: "${r.word()}\n`));
    else add('yaml-syntax', 'top level not a mapping', evalWith(r.pick(['- a\n- b\n', '42\n', '"text"\n', '[1, 2]\n', 'true\n'])));
  }

  // 3. Regular expressions that do not compile, wherever readiness.yaml takes a /pattern/.
  const badRegex = ['/(/', '/[/', '/*/', '/a{2,1}/', '/(?<n>a)(?<n>b)/', '/\\/', '/+/', '/(?<=/', '/[z-a]/', '/\\k<x>(?<y>)/'];
  for (let i = 0; i < 30; i++) {
    const p = JSON.stringify(r.pick(badRegex));
    const where = r.int(4);
    const yaml =
      where === 0
        ? `topicPolicies:\n  - topics: ${p}\n    cleanupPolicy: delete\n`
        : where === 1
          ? `waivers:\n  - { check: replication/replication-factor, resource: ${p}, reason: "a reason long enough", owner: o, ticket: T-${i}, expires: 2030-01-01 }\n`
          : where === 2
            ? `principals:\n  "User:${r.word()}":\n    - { operations: [READ], ${r.pick(['topic', 'group', 'transactionalId'])}: ${p} }\n`
            : `checks:\n  ${r.pick(['consumer-lag/group-lag:\n    options: { ignoreGroups', 'retention/infinite-retention:\n    options: { allowTopics', 'cost/idle-topics:\n    options: { allowTopics'])}: [${p}] }\n`;
    add('regex', `invalid pattern ${p} (${['topicPolicies', 'waivers', 'principals', 'check options'][where]})`, evalWith(yaml));
  }

  // 4. Numbers: not finite, negative where counts are meant, out of range.
  const numberFields: { path: (v: string) => string; bad: string[] }[] = [
    { path: (v) => `checks:\n  acl/super-users:\n    weight: ${v}\n`, bad: ['.nan', '.inf', '-.inf', '-1', '1e308', '1001'] },
    { path: (v) => `areas:\n  ${r.pick(['acl', 'replication', 'retention', 'cost'])}:\n    weight: ${v}\n`, bad: ['.nan', '.inf', '-3', '1e308'] },
    { path: (v) => `scoring:\n  ${r.pick(['readyScore', 'notReadyBelow', 'minCoverage', 'failUnder'])}: ${v}\n`, bad: ['.nan', '-1', '100.5', '1e308', '.inf'] },
    { path: (v) => `gate:\n  ${r.pick(['failUnder', 'minCoverage'])}: ${v}\n`, bad: ['.nan', '-0.1', '101', '.inf'] },
    { path: (v) => `prices:\n  ${r.pick(['storagePerGbMonth', 'crossZonePerGb'])}: ${v}\n`, bad: ['.nan', '-1', '1e308', '.inf'] },
    { path: (v) => `checks:\n  replication/replication-factor:\n    options: { minReplicationFactor: ${v} }\n`, bad: ['.nan', '-5', '.inf', '-.inf', '-0.001'] },
    { path: (v) => `checks:\n  consumer-lag/group-lag:\n    options: { ${r.pick(['warnLag', 'failLag'])}: ${v} }\n`, bad: ['.nan', '-1', '.inf'] },
    { path: (v) => `checks:\n  consumer-lag/group-lag:\n    options: { groupThresholds: [{ groups: [a], warnLag: ${v} }] }\n`, bad: ['.nan', '-1', '-.inf'] },
  ];
  for (let i = 0; i < 40; i++) {
    const f = r.pick(numberFields);
    const v = r.pick(f.bad);
    add('numbers', `number ${v}`, evalWith(`version: 1\n${f.path(v)}`));
  }

  // 5. Dates that are not calendar days.
  const badDates = ['2027-02-29', '2027-02-30', '2026-02-31', '2026-04-31', '2026-06-31', '2026-09-31', '2026-11-31', '2026-13-01', '2026-00-10', '2026-01-00', '2026-01-32', '2100-02-29'];
  for (let i = 0; i < 20; i++) {
    const d = r.pick(badDates);
    const yaml =
      r.int(2) === 0
        ? `waivers:\n  - { check: replication/replication-factor, resource: "x.*", reason: "a reason long enough", owner: o, ticket: T-1, expires: "${d}" }\n`
        : `attestations:\n  - { item: zone-loss-drill, owner: o, date: "${d}", evidence: e }\n`;
    add('dates', `date ${d}`, evalWith(yaml));
  }

  // 6. Unknown area names.
  for (let i = 0; i < 12; i++) add('areas', 'unknown area', evalWith(`areas:\n  ${r.pick(['replicaton', 'acls', 'Retention', 'consumer_lag', ''])}${r.word(3)}:\n    weight: ${r.int(5)}\n`));

  // 7. Snapshots of the wrong shape: targeted breakage (must be exit 2) and random mutation (never 4).
  const snap = JSON.parse(base.snapshot) as Record<string, unknown>;
  const targeted: ((s: any) => unknown)[] = [
    (s) => ({ ...s, artifacts: [] }),
    (s) => ({ ...s, target: null }),
    (s) => ({ ...s, target: { ...s.target, bootstrap: 'a:1' } }),
    (s) => ({ ...s, stats: { ...s.stats, totalRequests: 'many' } }),
    (s) => ({ ...s, takenAt: 'yesterday' }),
    (s) => ({ ...s, artifacts: { ...s.artifacts, cluster: { ok: true, value: { clusterId: 1, controllerId: 1, brokers: [] } } } }),
    (s) => ({ ...s, artifacts: { ...s.artifacts, cluster: { ok: true, value: { ...s.artifacts.cluster.value, brokers: {} } } } }),
    (s) => ({ ...s, artifacts: { ...s.artifacts, topics: { ok: true, value: [{ name: 'x', partitions: null }] } } }),
    (s) => ({ ...s, artifacts: { ...s.artifacts, topics: { ok: 'yes' } } }),
    (s) => ({ ...s, artifacts: { ...s.artifacts, offsets: { ok: true, value: { orders: { '0': { earliest: 'abc', latest: '5' } } } } } }),
    (s) => ({ ...s, artifacts: { ...s.artifacts, groups: { ok: false, error: { reason: 'bogus', message: 'x' } } } }),
    (s) => ({ ...s, artifacts: { ...s.artifacts, logDirs: { ok: true, value: { '1': [{ path: '/d', totalBytes: 'big', usableBytes: 1, topics: {} }] } } } }),
    (s) => ({ ...s, artifacts: { ...s.artifacts, samples: { ok: true, value: [{ at: 'never' }] } } }),
    (s) => ({ ...s, snapshotVersion: 99 }),
    () => [],
    () => 'snapshot',
    () => null,
  ];
  for (let i = 0; i < 25; i++) {
    const t = targeted[i % targeted.length]!;
    add('snapshot', `targeted breakage #${i % targeted.length}`, { argv: ['evaluate', 'snap.json', '--format', r.pick(['json', 'text', 'html', 'markdown', 'junit', 'sarif'])], files: { 'snap.json': JSON.stringify(t(structuredClone(snap))) } });
  }
  for (let i = 0; i < 5; i++) {
    const cut = 1 + r.int(base.snapshot.length - 2);
    add('snapshot', `truncated at ${cut}`, { argv: ['evaluate', 'snap.json'], files: { 'snap.json': base.snapshot.slice(0, cut) } });
  }
  const wrongValues: unknown[] = [null, 0, -1, 1e308, '', 'x\u001b[2J', [], {}, true, [null], { ok: true }];
  for (let i = 0; i < 40; i++) {
    const copy = structuredClone(snap);
    mutateRandomly(copy, r, wrongValues);
    add('snapshot', 'random mutation', { argv: ['evaluate', 'snap.json', '--format', r.pick(['json', 'text', 'html', 'markdown', 'junit', 'sarif']), '-o', 'out/r.out'], files: { 'snap.json': JSON.stringify(copy) } }, 'not-4');
  }

  // 8. Reports of the wrong shape for diff.
  const rep = JSON.parse(base.report) as Record<string, unknown>;
  const targetedReports: ((x: any) => unknown)[] = [
    (x) => ({ ...x, checks: {} }),
    (x) => ({ ...x, checks: [{ id: 1, findings: [] }] }),
    (x) => ({ ...x, checks: [{ id: 'a/b', findings: [{ resource: null, status: 'fail', severity: 'high', message: 'm' }] }] }),
    (x) => ({ ...x, checks: [{ id: 'a/b', findings: 'none' }] }),
    (x) => ({ ...x, summary: { ...x.summary, coverage: 'full' } }),
    (x) => ({ ...x, summary: null }),
    (x) => ({ ...x, reportVersion: 2 }),
    () => [1, 2],
  ];
  for (let i = 0; i < 16; i++) {
    const t = targetedReports[i % targetedReports.length]!;
    const bad = JSON.stringify(t(structuredClone(rep)));
    add('report', `targeted breakage #${i % targetedReports.length}`, { argv: ['diff', ...(i % 2 ? ['base.json', 'head.json'] : ['head.json', 'base.json']), '--format', r.pick(['text', 'json'])], files: { 'base.json': base.report, 'head.json': bad } });
  }
  for (let i = 0; i < 20; i++) {
    const copy = structuredClone(rep);
    mutateRandomly(copy, r, wrongValues);
    add('report', 'random mutation', { argv: ['diff', 'base.json', 'head.json', '--format', r.pick(['text', 'json'])], files: { 'base.json': base.report, 'head.json': JSON.stringify(copy) } }, 'not-4');
  }

  // 9. Flags: formats, gate numbers, profiles, timeouts (timer overflow), unknown options, control characters.
  const snapArgs = { files: { 'snap.json': base.snapshot } };
  const badFormats = ['', ' ', ',', ',,', 'pdf', 'TEXT,PDF', 'text,xml', 'json;text', '\u001b[2J', 'text\njson', 'junit,sarif'];
  for (let i = 0; i < 16; i++) add('flags', 'bad --format', { ...snapArgs, argv: ['evaluate', 'snap.json', '--format', r.pick(badFormats)] });
  const badPercents = ['', 'abc', '-1', '100.01', 'NaN', 'Infinity', '1e3', '0x10', ' '];
  for (let i = 0; i < 16; i++) add('flags', 'bad gate number', { ...snapArgs, argv: ['evaluate', 'snap.json', r.pick(['--fail-under', '--min-coverage']), r.pick(badPercents)] });
  for (let i = 0; i < 8; i++) add('flags', 'bad choice', { ...snapArgs, argv: ['evaluate', 'snap.json', r.pick(['--profile', '--fail-on']), r.pick(['lenient', '', 'CRITICAL', 'x\ny', '\u202eved'])] });
  const badTimeouts = ['2147483648', '2147483.648s', '35792m', '99999999999', '0', '0ms', '0.0001', '-1', '1h', 'soon', '1e9', ''];
  for (let i = 0; i < 20; i++) add('flags', 'bad timeout', { argv: ['scan', '-b', NO_BROKER, r.pick(['--timeout', '--connect-timeout', '--request-timeout']), r.pick(badTimeouts), '-o', 'out/r.json'] });
  for (let i = 0; i < 8; i++) add('flags', 'unknown option or command', { ...snapArgs, argv: r.int(2) ? ['evaluate', 'snap.json', `--${r.word()}`] : [r.word(), 'x'] });
  for (let i = 0; i < 6; i++) add('flags', 'bad --max-findings', { ...snapArgs, argv: ['evaluate', 'snap.json', '--max-findings', r.pick(['-1', 'ten', '1.5', ''])] });

  // 10. Output paths that cannot be written, for scan checked before any connection is tried.
  const badPaths = (): [string, string] =>
    r.pick([
      ['-o', 'afile/report.json'],
      ['-o', 'adir'],
      ['-o', ''],
      ['--out-dir', 'afile'],
      ['--out-dir', 'afile/sub'],
      ['--snapshot-out', 'afile/s.json'],
      ['--snapshot-out', 'adir'],
    ] as [string, string][]);
  for (let i = 0; i < 20; i++) {
    const [flag, value] = badPaths();
    const cmd = flag === '--snapshot-out' || r.int(2) === 0 ? ['scan', '-b', NO_BROKER] : ['evaluate', 'snap.json'];
    const extra = flag === '--out-dir' ? ['--format', 'json,text'] : [];
    add('output-path', `${cmd[0]} ${flag} ${value}`, { files: { afile: 'x', 'adir/.keep': '', 'snap.json': base.snapshot }, argv: [...cmd, flag, value, ...extra] });
  }
  return cases;
}

/** Replaces one random node of a JSON value with a random wrong value. */
function mutateRandomly(root: unknown, r: ReturnType<typeof rng>, values: unknown[]): void {
  let node = root as Record<string, unknown> | unknown[];
  for (let depth = 0; depth < 12; depth++) {
    const keys = Object.keys(node);
    if (keys.length === 0) break;
    const k = r.pick(keys);
    const child = (node as Record<string, unknown>)[k];
    const stop = child === null || typeof child !== 'object' || Object.keys(child).length === 0 || r.next() < 0.2;
    if (stop) {
      (node as Record<string, unknown>)[k] = structuredClone(r.pick(values));
      return;
    }
    node = child as Record<string, unknown>;
  }
}

function capture() {
  let text = '';
  const stream = {
    isTTY: false,
    write(s: string | Uint8Array) {
      text += typeof s === 'string' ? s : Buffer.from(s).toString('utf8');
      return true;
    },
    on() {
      return stream;
    },
  };
  return { stream: stream as unknown as typeof process.stdout & typeof process.stderr, text: () => text };
}

async function runInProcess(c: Case, dir: string): Promise<Outcome> {
  const out = capture();
  const err = capture();
  const cwd = process.cwd();
  const t0 = Date.now();
  process.chdir(dir);
  try {
    let timer: NodeJS.Timeout | undefined;
    const hang = new Promise<number | null>((resolve) => (timer = setTimeout(() => resolve(null), 15_000)));
    const code = await Promise.race([main(['node', 'kafka-readiness', ...c.argv], { stdout: out.stream, stderr: err.stream }), hang]);
    clearTimeout(timer);
    return { code, stdout: out.text(), stderr: err.text(), ms: Date.now() - t0 };
  } finally {
    process.chdir(cwd);
    process.exitCode = 0;
  }
}

function runChild(c: Case, dir: string, cli: string): Promise<Outcome> {
  const t0 = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, ...c.argv], { cwd: dir, env: { ...process.env, NO_COLOR: '1', KAFKA_READINESS_DEBUG: '' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code: signal ? null : code, stdout, stderr, ms: Date.now() - t0 });
    });
  });
}

function writeFiles(dir: string, files: Record<string, string> = {}) {
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), content);
  }
}

/** What every case must satisfy; returns a description of the violation or null. */
function judge(c: Case, o: Outcome): string | null {
  if (o.code === null) return 'hung (no exit within the time limit)';
  if (o.code === 4) return `exit 4 (internal error): ${o.stderr.trim()}`;
  if (c.expect === 2 && o.code !== 2) return `exit ${o.code}, expected 2`;
  if (![0, 1, 2, 3].includes(o.code)) return `undocumented exit ${o.code}`;
  if (/\n\s+at .+:\d+:\d+/.test(o.stderr) || /^\s+at /m.test(o.stderr)) return 'stack trace on stderr';
  if (RAW_CONTROL.test(o.stderr)) return `raw control character on stderr: ${JSON.stringify(o.stderr)}`;
  if (o.code === 2) {
    const lines = o.stderr.split('\n');
    if (lines.length !== 2 || lines[1] !== '' || lines[0]!.trim() === '') return `stderr is not exactly one line: ${JSON.stringify(o.stderr)}`;
  }
  return null;
}

let work: string;
let cases: Case[];
let started: number;
const results: { c: Case; o: Outcome; bad: string | null }[] = [];
const phases: string[] = [];

beforeAll(async () => {
  work = mkdtempSync(path.join(os.tmpdir(), 'kr-fuzz-'));
  const snapshot = makeSnapshot();
  const config = defaultConfig();
  const report = evaluateSnapshot(snapshot, { config, registry: await buildRegistry(config) });
  cases = generate({ yaml: renderStarterConfig(), snapshot: JSON.stringify(snapshot), report: renderJson(report) });
  started = Date.now();
});

afterAll(() => {
  const byClass = new Map<string, number>();
  for (const { c } of results) byClass.set(c.cls, (byClass.get(c.cls) ?? 0) + 1);
  process.stdout.write(`[fuzz] seed ${SEED}: ${results.length} cases in ${((Date.now() - started) / 1000).toFixed(1)} s (${phases.join(', ')}; ${[...byClass].map(([k, n]) => `${k} ${n}`).join(', ')})\n`);
  rmSync(work, { recursive: true, force: true });
});

describe(`fuzz: hostile input ends with exit 2 and one line, never exit 4 or a hang (seed ${SEED})`, () => {
  it('in-process: every generated case', async () => {
    expect(cases.length).toBeGreaterThanOrEqual(300);
    const failures: string[] = [];
    for (const [i, c] of cases.entries()) {
      const dir = path.join(work, `c${i}`);
      mkdirSync(dir);
      writeFiles(dir, c.files);
      const o = await runInProcess(c, dir);
      const bad = judge(c, o);
      results.push({ c, o, bad });
      if (bad) failures.push(`#${i} [${c.cls}] ${c.name} (${c.argv.map((a) => JSON.stringify(a)).join(' ')}): ${bad}`);
    }
    expect(failures).toEqual([]);
    // Every class produced cases, and output paths for scan failed before any connection was tried.
    for (const cls of ['yaml-alias', 'yaml-syntax', 'regex', 'numbers', 'dates', 'areas', 'snapshot', 'report', 'flags', 'output-path']) {
      expect(results.filter((x) => x.c.cls === cls).length, cls).toBeGreaterThanOrEqual(10);
    }
    const scans = results.filter((x) => x.c.argv[0] === 'scan');
    expect(scans.length).toBeGreaterThan(10);
    // Nothing listens on NO_BROKER, so a scan that had tried to connect would have ended with exit 3 instead.
    for (const s of scans) expect(s.o.code, s.c.name).toBe(2);
    phases.push(`in-process ${results.length} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }, 110_000);

  it('child processes: a sample of the cases as real runs of the CLI, each ending by itself', async () => {
    // Bundle the CLI from source so the sample runs the code under test, not a stale build.
    const t0 = Date.now();
    const { build } = await import('esbuild');
    const outDir = path.join(ROOT, '.cache', 'fuzz-cli');
    mkdirSync(outDir, { recursive: true });
    const cli = path.join(outDir, 'cli.mjs');
    await build({ stdin: { contents: "import { main } from './src/cli.ts';\nawait main(process.argv);\n", resolveDir: ROOT, loader: 'ts' }, bundle: true, platform: 'node', format: 'esm', target: 'node20', packages: 'external', outfile: cli, logLevel: 'error' });
    const r = rng(SEED + 1);
    const sample: Case[] = [];
    const byClass = new Map<string, Case[]>();
    for (const c of cases) byClass.set(c.cls, [...(byClass.get(c.cls) ?? []), c]);
    for (const list of byClass.values()) sample.push(r.pick(list), r.pick(list));
    const failures: string[] = [];
    // Four at a time: the machine has two slow cores, and each child loads the whole CLI.
    const outcomes: { c: Case; o: Outcome }[] = [];
    for (let i = 0; i < sample.length; i += 4) {
      const batch = sample.slice(i, i + 4).map(async (c, j) => {
        const dir = path.join(work, `p${i + j}`);
        mkdirSync(dir);
        writeFiles(dir, c.files);
        return { c, o: await runChild(c, dir, cli) };
      });
      outcomes.push(...(await Promise.all(batch)));
    }
    for (const { c, o } of outcomes) {
      const bad = judge(c, o);
      results.push({ c, o, bad });
      if (bad) failures.push(`[${c.cls}] ${c.name}: ${bad}`);
    }
    expect(sample.length).toBe(20);
    phases.push(`child processes ${sample.length} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    expect(failures).toEqual([]);
    // Generous limit: each child loads the whole CLI, and on a loaded two-core machine that alone takes seconds.
  }, 170_000);
});
