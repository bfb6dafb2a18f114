#!/usr/bin/env node
// Burst benchmark of the write probe: the probe's burst alone (no client matrix) against the project's own
// 4.1.1 and 3.9.1 test clusters, several runs each, each run in a fresh child process measured by
// /usr/bin/time -v (wall, user + sys CPU), with `node -e 0` measured in the same run as the floor. Prints the
// burst numbers of every run and their medians.
//
//   npm run build && node bench/probe.mjs [--versions 4,3.9] [--runs 3] [--records 20000] [--record-bytes 1024]
//                                         [--consumers 3] [--load 0]
//
// It starts (and stops) its clusters in .cache/bench/probe-<version> on KR_IT_PORT_BASE / KR_IT39_PORT_BASE
// (SASL, no TLS); run it through the machine's integration-test semaphore where there is one. --command-config F
// uses a running cluster instead (one version). --load N runs N busy-looping node processes during the bursts
// (to see how the burst behaves on a loaded machine; they are stopped by pid at the end).

import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values: args } = parseArgs({
  options: {
    versions: { type: 'string', default: '4,3.9' },
    runs: { type: 'string', default: '3' },
    records: { type: 'string', default: '20000' },
    'record-bytes': { type: 'string', default: '1024' },
    consumers: { type: 'string', default: '3' },
    load: { type: 'string', default: '0' },
    'command-config': { type: 'string' },
    child: { type: 'string' },
  },
});

// Child mode: one burst against the cluster of --child <properties file>; prints the probe's burst as JSON.
if (args.child) {
  const { buildConnectionOptions } = await import(pathToFileURL(path.join(root, 'dist/src/commands/connection.js')).href);
  const { runProbe } = await import(pathToFileURL(path.join(root, 'dist/src/gather/probe/run.js')).href);
  const notGathered = { ok: false, error: { reason: 'error', message: 'not gathered by the bench' } };
  const probe = await runProbe(
    {
      conn: buildConnectionOptions({ commandConfig: args.child }),
      prefix: 'kafka-readiness.probe.bench.',
      clients: [],
      burst: { records: Number(args.records), recordBytes: Number(args['record-bytes']), consumers: Number(args.consumers) },
      log: (l) => process.stderr.write(`${l}\n`),
    },
    { topicConfigs: notGathered, brokerConfigs: notGathered, kip848: false },
  );
  process.stdout.write(`${JSON.stringify({ burst: probe.burst, cleanup: probe.cleanup })}\n`);
  process.exit(0);
}

/** Runs a command under /usr/bin/time -v: wall seconds, CPU seconds (user + sys), exit code, stdout. */
function measure(cmd, argv) {
  const r = spawnSync('/usr/bin/time', ['-v', cmd, ...argv], { encoding: 'utf8', maxBuffer: 1 << 26 });
  const field = (name) => new RegExp(`${name}: (.+)`).exec(r.stderr)?.[1].trim() ?? null;
  const wall = (field('Elapsed \\(wall clock\\) time \\(h:mm:ss or m:ss\\)') ?? '0').split(':').reduce((acc, part) => acc * 60 + Number(part), 0);
  const cpu = Number(field('User time \\(seconds\\)')) + Number(field('System time \\(seconds\\)'));
  return { wall, cpu, code: Number(field('Exit status')), stdout: r.stdout, stderr: r.stderr };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? NaN : s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const loadavg = () => spawnSync('cat', ['/proc/loadavg'], { encoding: 'utf8' }).stdout.split(' ').slice(0, 3).join(' ');

function benchOne(label, props) {
  const runs = [];
  for (let i = 0; i < Number(args.runs); i++) {
    const base = measure(process.execPath, ['-e', '0']);
    const m = measure(process.execPath, [fileURLToPath(import.meta.url), '--child', props, '--records', args.records, '--record-bytes', args['record-bytes'], '--consumers', args.consumers]);
    let out = null;
    try {
      out = JSON.parse(m.stdout.trim().split('\n').pop());
    } catch {}
    const b = out?.burst;
    const line = b?.ok
      ? `produce ${b.value.produceRecordsPerSec} rec/s (${b.value.produceMBPerSec} MB/s) p50 ${b.value.latencyMs.p50} p99 ${b.value.latencyMs.p99} max ${b.value.latencyMs.max} ms; drain ${b.value.drainMs} ms (${b.value.readRecordsPerSec} rec/s)`
      : `burst not measured: ${b ? b.error.message : `exit ${m.code}: ${m.stderr.split('\n').slice(-8).join(' | ')}`}`;
    process.stderr.write(`[${label} run ${i + 1}] wall ${m.wall.toFixed(1)} s, CPU ${m.cpu.toFixed(2)} s (node -e 0: ${base.wall.toFixed(2)} s wall, ${base.cpu.toFixed(2)} s CPU; load ${loadavg()}): ${line}${out?.cleanup?.failures?.length ? `; cleanup failures: ${out.cleanup.failures.join('; ')}` : ''}\n`);
    runs.push({ base, m, burst: b?.ok ? b.value : null });
  }
  const ok = runs.filter((r) => r.burst);
  const med = (f) => median(ok.map((r) => f(r.burst)));
  return {
    label,
    runs: runs.length,
    measured: ok.length,
    baselineWallS: median(runs.map((r) => r.base.wall)),
    baselineCpuS: median(runs.map((r) => r.base.cpu)),
    wallS: median(runs.map((r) => r.m.wall)),
    cpuS: median(runs.map((r) => r.m.cpu)),
    produceRecordsPerSec: med((b) => b.produceRecordsPerSec),
    produceMBPerSec: med((b) => b.produceMBPerSec),
    p50Ms: med((b) => b.latencyMs.p50),
    p99Ms: med((b) => b.latencyMs.p99),
    maxMs: med((b) => b.latencyMs.max),
    drainMs: med((b) => b.drainMs),
    readRecordsPerSec: med((b) => b.readRecordsPerSec),
  };
}

async function withCluster(version, portBase, fn) {
  const { startCluster, stopCluster } = await import('../test/cluster/cluster.mjs');
  const opts = { version, dir: path.join(root, '.cache', 'bench', `probe-${version}`), portBase, tls: false, log: (m) => process.stderr.write(`[cluster ${version}] ${m}\n`) };
  try {
    const info = await startCluster(opts);
    const admin = info.users.admin;
    mkdirSync(opts.dir, { recursive: true });
    const props = path.join(opts.dir, 'bench.properties');
    writeFileSync(
      props,
      `bootstrap.servers=${info.bootstrap.sasl}\nsecurity.protocol=SASL_PLAINTEXT\nsasl.mechanism=SCRAM-SHA-512\n` +
        `sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="${admin.username}" password="${admin.password}";\n`,
      { mode: 0o600 },
    );
    return await fn(`Kafka ${info.version}`, props);
  } finally {
    await stopCluster(opts);
  }
}

// Busy loops (optional), stopped by their pids whatever happens.
const loaders = Array.from({ length: Number(args.load) }, () => spawn(process.execPath, ['-e', 'for(;;){}'], { stdio: 'ignore' }));
const stopLoaders = () => {
  for (const l of loaders) if (l.pid) try { process.kill(l.pid); } catch {}
};
process.on('exit', stopLoaders);

const results = [];
try {
  if (args['command-config']) results.push(benchOne('given cluster', args['command-config']));
  else {
    for (const v of args.versions.split(',')) {
      const portBase = v.startsWith('3') ? Number(process.env.KR_IT39_PORT_BASE ?? 31000) : Number(process.env.KR_IT_PORT_BASE ?? 29000);
      results.push(await withCluster(v, portBase, async (label, props) => benchOne(label, props)));
    }
  }
} finally {
  stopLoaders();
}

process.stdout.write(`\nburst: ${args.records} × ${args['record-bytes']} B with acks=all, ${args.consumers} consumers, ${args.load} busy loop(s); medians\n\n`);
process.stdout.write('| cluster | runs (measured) | produce rec/s | produce MB/s | latency p50 / p99 / max ms | drain s | read rec/s | child wall s | child CPU s | node -e 0 wall / CPU s |\n');
process.stdout.write('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |\n');
for (const r of results) {
  process.stdout.write(`| ${r.label} | ${r.runs} (${r.measured}) | ${r.produceRecordsPerSec} | ${r.produceMBPerSec} | ${r.p50Ms} / ${r.p99Ms} / ${r.maxMs} | ${(r.drainMs / 1000).toFixed(2)} | ${r.readRecordsPerSec} | ${r.wallS.toFixed(1)} | ${r.cpuS.toFixed(2)} | ${r.baselineWallS.toFixed(2)} / ${r.baselineCpuS.toFixed(2)} |\n`);
}
