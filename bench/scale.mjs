#!/usr/bin/env node
// Scale benchmark: time and peak RSS of `evaluate` on synthetic snapshots (bench/synthetic-snapshot.mjs) at
// 200k and 1M partitions, with one sample and with five, each in a fresh child process measured by
// /usr/bin/time -v; `node -e 0` is measured in the same run as the floor. Prints medians, the snapshot size
// against the budget (1.5 KB per topic + 0.15 KB per partition) and the JSON/HTML report sizes.
//
//   npm run build && node bench/scale.mjs [--cases 200k,200k-s5,1m,1m-s5] [--runs 5] [--runs-1m 3] [--dir .cache/bench/scale]
//   node bench/scale.mjs --format v1 ...    # the same on the old single-JSON snapshot format
//   node bench/scale.mjs --cli old/bin/kafka-readiness.js,bin/kafka-readiness.js --dir old-snapshots,new-snapshots
//                                           # two builds, runs interleaved, each on snapshots in its own format
//
// Live gather (a running cluster): --live --bootstrap-server B --command-config F [--topics 20,2000,5000]
// (--cli another/bin/kafka-readiness.js compares builds) creates bench.tNNNNN topics (1 partition, RF 1) up to each count, times `gather` (client CPU = user + sys of
// the child) and prints its request count; the topics are deleted afterwards (and any bench.t* left before it starts).
// --live-runs N (default 5) runs per build and topic count, the builds and a `node -e 0` baseline interleaved.
// --live --start-cluster instead starts the project's own 3-broker test cluster (test/cluster/cluster.mjs, SASL,
// no TLS) on KR_IT_PORT_BASE (default 29000) in .cache/bench/cluster, and stops it at the end; run it through the
// machine's integration-test semaphore where there is one.

import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, statSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values: args } = parseArgs({
  options: {
    cases: { type: 'string', default: '200k,200k-s5,1m,1m-s5' },
    runs: { type: 'string', default: '5' },
    'runs-1m': { type: 'string', default: '3' },
    dir: { type: 'string', default: path.join(root, '.cache', 'bench', 'scale') },
    format: { type: 'string', default: 'current' },
    ext: { type: 'string', default: '' },
    live: { type: 'boolean', default: false },
    'start-cluster': { type: 'boolean', default: false },
    'bootstrap-server': { type: 'string' },
    'command-config': { type: 'string' },
    topics: { type: 'string', default: '20,2000,5000' },
    cli: { type: 'string', default: path.join(root, 'bin', 'kafka-readiness.js') },
    'live-runs': { type: 'string', default: '5' },
  },
});

const CASES = {
  '200k': { partitions: 200_000, groups: 10_000, samples: 1 },
  '200k-s5': { partitions: 200_000, groups: 10_000, samples: 5 },
  '1m': { partitions: 1_000_000, groups: 50_000, samples: 1 },
  '1m-s5': { partitions: 1_000_000, groups: 50_000, samples: 5 },
};

/** Runs a command under /usr/bin/time -v: wall seconds, CPU seconds (user + sys), peak RSS in MB, exit code. */
function measure(cmd, argv, opts = {}) {
  const r = spawnSync('/usr/bin/time', ['-v', cmd, ...argv], { encoding: 'utf8', maxBuffer: 1 << 26, ...opts });
  const field = (name) => {
    const m = new RegExp(`${name}: (.+)`).exec(r.stderr);
    return m ? m[1].trim() : null;
  };
  const wall = field('Elapsed \\(wall clock\\) time \\(h:mm:ss or m:ss\\)')
    .split(':')
    .reduce((acc, part) => acc * 60 + Number(part), 0);
  const cpu = Number(field('User time \\(seconds\\)')) + Number(field('System time \\(seconds\\)'));
  const rssMb = Number(field('Maximum resident set size \\(kbytes\\)')) / 1024;
  const code = Number(field('Exit status'));
  const errLine = r.stderr.split('\n').find((l) => l.trim() && !l.startsWith('\t') && !l.startsWith('Command'));
  return { wall, cpu, rssMb, code, errLine: code > 1 ? errLine : undefined, stdout: r.stdout };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const fmt = (n, d = 2) => n.toFixed(d);
const mb = (bytes) => bytes / 1024 / 1024;

function load() {
  try {
    return execFileSync('cat', ['/proc/loadavg'], { encoding: 'utf8' }).split(' ').slice(0, 3).join(' ');
  } catch {
    return '?';
  }
}

function evaluateBench() {
  // --cli a,b [--dir da,db]: builds compared in one run, their runs interleaved (a, b, a, b, …) so load
  // changes hit both alike; each build reads the snapshots in its own folder (an old build may not read the
  // current format).
  const clis = args.cli.split(',');
  const dirs = args.dir.split(',');
  if (dirs.length !== 1 && dirs.length !== clis.length) throw new Error('--dir takes one folder or one per --cli');
  const dirOf = (j) => dirs[dirs.length === 1 ? 0 : j];
  for (const d of dirs) mkdirSync(d, { recursive: true });
  process.stdout.write(`# evaluate scale benchmark (${new Date().toISOString()}, node ${process.version}, load ${load()}, snapshot format ${args.format})\n`);
  const base = Array.from({ length: 5 }, () => measure(process.execPath, ['-e', '0']));
  process.stdout.write(`baseline node -e 0: ${fmt(median(base.map((b) => b.wall)))} s, ${fmt(median(base.map((b) => b.cpu)))} s cpu, ${fmt(median(base.map((b) => b.rssMb)), 0)} MB\n`);
  process.stdout.write('case        partitions groups samples snapshot MB  budget MB  runs  wall s  cpu s  peak RSS MB  exit  report json/html MB  cli\n');
  for (const name of args.cases.split(',')) {
    const c = CASES[name];
    if (!c) throw new Error(`unknown case ${name} (one of ${Object.keys(CASES).join(', ')})`);
    const ext = args.ext || (args.format === 'v1' ? '.json' : '.jsonl');
    const files = clis.map((_, j) => path.join(dirOf(j), `${name}.${args.format}${ext}`));
    for (const file of new Set(files)) {
      if (!existsSync(file)) {
        execFileSync(process.execPath, [path.join(root, 'bench', 'synthetic-snapshot.mjs'), '--partitions', String(c.partitions), '--groups', String(c.groups), '--samples', String(c.samples), '--format', args.format, '-o', file], { stdio: ['ignore', 'ignore', 'inherit'] });
      }
    }
    const topics = Math.ceil(c.partitions / 10);
    const budget = (1.5 * 1024 * topics + 0.15 * 1024 * c.partitions) / 1024 / 1024;
    const runs = name.startsWith('1m') ? Number(args['runs-1m']) : Number(args.runs);
    const outDirs = clis.map((_, j) => path.join(dirOf(j), `report-${name}${clis.length > 1 ? `-${j}` : ''}`));
    const results = clis.map(() => []);
    for (let i = 0; i < runs; i++) {
      for (let j = 0; j < clis.length; j++) {
        rmSync(outDirs[j], { recursive: true, force: true });
        results[j].push(measure(process.execPath, [clis[j], 'evaluate', files[j], '--format', 'json,html', '--out-dir', outDirs[j]]));
      }
    }
    for (let j = 0; j < clis.length; j++) {
      const outDir = outDirs[j];
      const sizes = existsSync(outDir) ? Object.fromEntries(readdirSync(outDir).map((f) => [path.extname(f), mb(statSync(path.join(outDir, f)).size)])) : {};
      const codes = [...new Set(results[j].map((r) => r.code))].join('/');
      const r = results[j];
      process.stdout.write(
        `${name.padEnd(11)} ${String(c.partitions).padStart(10)} ${String(c.groups).padStart(6)} ${String(c.samples).padStart(7)} ${fmt(mb(statSync(files[j]).size), 1).padStart(11)} ${fmt(budget, 1).padStart(10)} ${String(runs).padStart(5)} ${fmt(median(r.map((x) => x.wall))).padStart(7)} ${fmt(median(r.map((x) => x.cpu))).padStart(6)} ${fmt(median(r.map((x) => x.rssMb)), 0).padStart(12)} ${codes.padStart(5)}  ${(sizes['.json'] !== undefined ? `${fmt(sizes['.json'])}/${fmt(sizes['.html'] ?? NaN)}` : '-').padEnd(19)}  ${path.relative(root, clis[j])}\n`,
      );
      const failed = r.find((x) => x.errLine);
      if (failed) process.stdout.write(`  ${name} failed: ${failed.errLine}\n`);
    }
  }
}

async function liveBench() {
  const bootstrap = args['bootstrap-server'];
  const props = args['command-config'];
  if (!bootstrap || !props) throw new Error('--live needs --bootstrap-server and --command-config');
  const { Admin } = await import('@platformatic/kafka');
  const { readFileSync } = await import('node:fs');
  const conf = Object.fromEntries(
    readFileSync(props, 'utf8')
      .split('\n')
      .map((l) => /^\s*([^#=\s]+)\s*=\s*(.*)$/.exec(l))
      .filter(Boolean)
      .map((m) => [m[1], m[2].trim()]),
  );
  const jaas = /username="([^"]*)"\s+password="([^"]*)"/.exec(conf['sasl.jaas.config'] ?? '');
  const admin = new Admin({
    clientId: 'readiness-bench',
    bootstrapBrokers: bootstrap.split(','),
    ...(jaas ? { sasl: { mechanism: conf['sasl.mechanism'] ?? 'SCRAM-SHA-512', username: jaas[1], password: jaas[2] } } : {}),
    timeout: 120_000,
  });
  const out = path.join(args.dir, 'live.snapshot.jsonl');
  mkdirSync(args.dir, { recursive: true });
  const liveRuns = Number(args['live-runs']);
  process.stdout.write(`# live gather benchmark (${new Date().toISOString()}, load ${load()}); ${liveRuns} runs per build, builds and the node -e 0 baseline interleaved\n`);
  process.stdout.write('topics  runs  wall s  client cpu s  peak RSS MB  requests  DescribeConfigs  cpu s of each run  cli\n');
  const created = [];
  // Topic counts grow from the smallest: start from none of ours (an interrupted run may have left some).
  const stale = (await admin.listTopics()).filter((t) => t.startsWith('bench.t'));
  for (let i = 0; i < stale.length; i += 500) await admin.deleteTopics({ topics: stale.slice(i, i + 500) });
  for (let i = 0; i < 120 && (await admin.listTopics()).some((t) => t.startsWith('bench.t')); i++) await new Promise((r) => setTimeout(r, 500));
  try {
    for (const target of args.topics.split(',').map(Number)) {
      const existing = await admin.listTopics({ includeInternals: true });
      const taken = new Set(existing);
      const names = [];
      for (let i = 0; names.length < target - existing.length; i++) if (!taken.has(`bench.t${String(i).padStart(5, '0')}`)) names.push(`bench.t${String(i).padStart(5, '0')}`);
      for (let i = 0; i < names.length; i += 500) {
        await admin.createTopics({ topics: names.slice(i, i + 500), partitions: 1, replicas: 1 });
        created.push(...names.slice(i, i + 500));
      }
      for (let i = 0; i < 120 && (await admin.listTopics({ includeInternals: true })).length < target; i++) await new Promise((r) => setTimeout(r, 500));
      await new Promise((r) => setTimeout(r, 2000));
      const clis = args.cli.split(',');
      const runsOf = clis.map(() => []);
      const base = [];
      // Interleaved: run i of every build, then the baseline, so load changes hit all alike.
      for (let i = 0; i < liveRuns; i++) {
        clis.forEach((cli, j) => runsOf[j].push(measure(process.execPath, [path.resolve(cli), 'gather', '--bootstrap-server', bootstrap, '--command-config', props, '-o', `${out}.${j}`])));
        base.push(measure(process.execPath, ['-e', '0']));
      }
      process.stdout.write(`${'node -e 0'.padStart(6)} ${String(base.length).padStart(5)} ${fmt(median(base.map((r) => r.wall))).padStart(7)} ${fmt(median(base.map((r) => r.cpu))).padStart(13)} ${fmt(median(base.map((r) => r.rssMb)), 0).padStart(12)}\n`);
      for (const [j, cli] of clis.entries()) {
        const runs = runsOf[j];
        const failed = runs.find((r) => r.code !== 0);
        if (failed) process.stdout.write(`  gather failed (exit ${failed.code}): ${failed.errLine ?? ''}\n`);
        const snapshotFile = `${out}.${j}`;
        const requests = JSON.parse(execFileSync(process.execPath, ['-e', `import(${JSON.stringify(path.resolve(path.dirname(cli), '..', 'dist', 'src', 'pipeline.js'))}).then(async (m) => { const s = await m.readSnapshotFile(${JSON.stringify(snapshotFile)}); console.log(JSON.stringify(s.stats.requests)); })`], { encoding: 'utf8' }));
        const total = Object.values(requests).reduce((a, b) => a + b, 0);
        process.stdout.write(`${String(target).padStart(6)} ${String(runs.length).padStart(5)} ${fmt(median(runs.map((r) => r.wall))).padStart(7)} ${fmt(median(runs.map((r) => r.cpu))).padStart(13)} ${fmt(median(runs.map((r) => r.rssMb)), 0).padStart(12)} ${String(total).padStart(9)} ${String(requests.DescribeConfigs ?? 0).padStart(16)}  ${runs.map((r) => fmt(r.cpu)).join('/').padEnd(17)}  ${path.relative(root, cli)}\n`);
      }
    }
  } finally {
    // Every bench.t* topic, including any left by an interrupted run.
    const leftovers = (await admin.listTopics()).filter((t) => t.startsWith('bench.t'));
    for (let i = 0; i < leftovers.length; i += 500) await admin.deleteTopics({ topics: leftovers.slice(i, i + 500) });
    await admin.close();
  }
}

async function withOwnCluster(run) {
  const { startCluster, stopCluster } = await import('../test/cluster/cluster.mjs');
  const { writeFileSync } = await import('node:fs');
  const opts = { version: process.env.KAFKA_VERSION ?? '4', dir: path.join(root, '.cache', 'bench', 'cluster'), portBase: Number(process.env.KR_IT_PORT_BASE ?? 29000), tls: false, log: (m) => process.stderr.write(`[cluster] ${m}\n`) };
  try {
    const info = await startCluster(opts);
    const admin = info.users.admin;
    const props = path.join(opts.dir, 'bench.properties');
    writeFileSync(
      props,
      `bootstrap.servers=${info.bootstrap.sasl}\nsecurity.protocol=SASL_PLAINTEXT\nsasl.mechanism=SCRAM-SHA-512\n` +
        `sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="${admin.username}" password="${admin.password}";\n`,
      { mode: 0o600 },
    );
    args['bootstrap-server'] = info.bootstrap.sasl;
    args['command-config'] = props;
    await run();
  } finally {
    await stopCluster(opts);
  }
}

if (args.live && args['start-cluster']) await withOwnCluster(liveBench);
else if (args.live) await liveBench();
else evaluateBench();
