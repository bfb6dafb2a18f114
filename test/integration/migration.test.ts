// `compare` on two real clusters with a real MirrorMaker 2 between them (DefaultReplicationPolicy, alias "src"),
// after seeding traffic, groups and four divergences: a topic excluded from mirroring, a config changed on the
// target, a group left out of offset sync and an ACL only on the source. Then the same comparison offline from
// the two snapshots the live run saved. The pair is this file's own (one node each, own ports), stopped in afterAll.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { javaCli, runJavaCli } from '../cluster/cluster.mjs';
import { ensureMirrorMaker, startMirrorMaker, startSingleNode, stopPid } from '../cluster/mirror.mjs';
import type { Finding, Report } from '../../src/report/model.js';
import { runCli } from './cluster-context.js';

// Ports 25500-26900 are this file's range (KR_MIGRATION_PORT_BASE moves it).
const BASE = Number(process.env.KR_MIGRATION_PORT_BASE ?? 25600);
const dir = mkdtempSync(path.join(os.tmpdir(), 'kr-migration-'));
const pids: number[] = [];
let src: { bootstrap: string; props: string };
let tgt: { bootstrap: string; props: string };
let live: Report;
let offline: Report;
let mirrorPid = 0;
const timings: Record<string, number> = {};

const tool = (name: string, args: string[]) => javaCli(name, args, { quiet: true });
const topicCmd = (c: { bootstrap: string }, args: string[]) => tool('TopicCommand', ['--bootstrap-server', c.bootstrap, ...args]);
const produce = (c: { bootstrap: string }, topicName: string, n: number) =>
  javaCli('ConsoleProducer', ['--bootstrap-server', c.bootstrap, '--topic', topicName, '--property', 'parse.key=true', '--property', 'key.separator=:'], {
    quiet: true,
    input: Array.from({ length: n }, (_, i) => `k${i}:v${i}`).join('\n') + '\n',
  });
const commit = (c: { bootstrap: string }, group: string, topicName: string, offset: number) =>
  tool('ConsumerGroupCommand', ['--bootstrap-server', c.bootstrap, '--reset-offsets', '--group', group, '--topic', topicName, '--to-offset', String(offset), '--execute']);
const commitLatest = (c: { bootstrap: string }, group: string, topicName: string) =>
  tool('ConsumerGroupCommand', ['--bootstrap-server', c.bootstrap, '--reset-offsets', '--group', group, '--topic', topicName, '--to-latest', '--execute']);
const acl = (c: { bootstrap: string }, principal: string, topicName: string) =>
  tool('AclCommand', ['--bootstrap-server', c.bootstrap, '--add', '--allow-principal', principal, '--operation', 'Read', '--topic', topicName]);

const MM2 = (s: string, t: string) => `clusters = src, tgt
src.bootstrap.servers = ${s}
tgt.bootstrap.servers = ${t}
src->tgt.enabled = true
tgt->src.enabled = false
src->tgt.topics = .*
# The defaults plus the seeded divergence: excluded.* stays on the source.
src->tgt.topics.exclude = .*[\\-\\.]internal, .*\\.replica, __.*, excluded\\..*
src->tgt.groups = .*
src->tgt.groups.exclude = console-consumer-.*, connect-.*, __.*, unsynced-.*
replication.factor = 1
checkpoints.topic.replication.factor = 1
heartbeats.topic.replication.factor = 1
offset-syncs.topic.replication.factor = 1
offset.storage.replication.factor = 1
config.storage.replication.factor = 1
status.storage.replication.factor = 1
tasks.max = 1
emit.checkpoints.interval.seconds = 1
sync.group.offsets.enabled = true
sync.group.offsets.interval.seconds = 1
emit.heartbeats.interval.seconds = 1
refresh.topics.interval.seconds = 2
refresh.groups.interval.seconds = 2
offset.lag.max = 0
# Config sync off: the retention change on the target must stay (MM2 would otherwise copy the source value back).
sync.topic.configs.enabled = false
sync.topic.acls.enabled = false
dedicated.mode.enable.internal.rest = false
`;

async function waitFor(what: string, ms: number, probe: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + ms;
  for (;;) {
    if (await probe().catch(() => false)) return;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what} (MirrorMaker log: ${path.join(dir, 'mm2', 'mirror-maker.log')})`);
    await new Promise((r) => setTimeout(r, 1500));
  }
}

beforeAll(async () => {
  let t = Date.now();
  const libs = ensureMirrorMaker();
  const [a, b] = await Promise.all([startSingleNode({ dir: path.join(dir, 'source'), port: BASE }), startSingleNode({ dir: path.join(dir, 'target'), port: BASE + 10 })]);
  pids.push(a.pid, b.pid);
  [src, tgt] = [a, b];
  timings.clustersMs = Date.now() - t;
  t = Date.now();
  await Promise.all([
    topicCmd(src, ['--create', '--topic', 'orders', '--partitions', '3', '--replication-factor', '1']),
    topicCmd(src, ['--create', '--topic', 'payments', '--partitions', '2', '--replication-factor', '1']),
    topicCmd(src, ['--create', '--topic', 'excluded.audit', '--partitions', '1', '--replication-factor', '1']),
  ]);
  await Promise.all([produce(src, 'orders', 60), produce(src, 'payments', 20), produce(src, 'excluded.audit', 5)]);
  // unsynced-legacy is left out by groups.exclude; the synced-* groups commit once MirrorMaker runs (below).
  await commit(src, 'unsynced-legacy', 'orders', 8);
  // alice may read orders on both sides (the target name under the prefix policy); billing only on the source.
  await Promise.all([acl(src, 'User:alice', 'orders'), acl(tgt, 'User:alice', 'src.orders'), acl(src, 'User:billing', 'orders')]);
  timings.seedMs = Date.now() - t;
  t = Date.now();
  mirrorPid = startMirrorMaker({ dir: path.join(dir, 'mm2'), properties: MM2(src.bootstrap, tgt.bootstrap), libs });
  pids.push(mirrorPid);
  const describeGroup = async (g: string) => (await runJavaCli('ConsumerGroupCommand', ['--bootstrap-server', tgt.bootstrap, '--describe', '--group', g], { quiet: true })).stdout;
  await waitFor('mirrored topics', 120_000, async () => {
    const topics = await topicCmd(tgt, ['--list']);
    return topics.includes('src.orders') && topics.includes('src.payments');
  });
  // MM2 translates a group's offset only from an offset sync at or before it, and its checkpoint task keeps only
  // syncs it reads while running: records produced before it started may leave a partition without a usable sync.
  // So: more records on every partition now, then the groups commit at the end (a consumer that read everything),
  // which every partition's latest sync precedes.
  await Promise.all([produce(src, 'orders', 60), produce(src, 'payments', 20)]);
  await waitFor('replicated records', 60_000, async () => {
    const end = async (c: { bootstrap: string }, t: string) => (await tool('GetOffsetShell', ['--bootstrap-server', c.bootstrap, '--topic', t])).trim().split('\n').map((l) => Number(l.split(':')[2])).reduce((a, b) => a + b, 0);
    return (await end(tgt, 'src.orders')) === 120 && (await end(tgt, 'src.payments')) === 40;
  });
  await Promise.all([commitLatest(src, 'synced-orders', 'orders'), commitLatest(src, 'synced-payments', 'payments')]);
  const synced = (out: string, g: string, t: string) => out.split('\n').filter((l) => new RegExp(`^${g}\\s+${t.replace('.', '\\.')}\\s+\\d+\\s+\\d+`).test(l.trim())).length;
  // Every partition of both synced groups, within a few sync intervals; the checks' own findings say whether they arrived.
  await waitFor('synced group offsets', 60_000, async () => synced(await describeGroup('synced-orders'), 'synced-orders', 'src.orders') === 3 && synced(await describeGroup('synced-payments'), 'synced-payments', 'src.payments') === 2).catch(() => {});
  timings.mirrorMs = Date.now() - t;
  // The divergence on the target, after MirrorMaker created the topic with the source's configs.
  await tool('ConfigCommand', ['--bootstrap-server', tgt.bootstrap, '--alter', '--entity-type', 'topics', '--entity-name', 'src.payments', '--add-config', 'retention.ms=3600000']);
  t = Date.now();
  const out = path.join(dir, 'live');
  const run = await runCli(
    ['compare', '--source-config', src.props, '--target-config', tgt.props, '--source-alias', 'src', '--target-alias', 'tgt', '--source-snapshot-out', path.join(dir, 'source.jsonl'), '--target-snapshot-out', path.join(dir, 'target.jsonl'), '--format', 'json,text,markdown,html,junit,sarif', '--out-dir', out, '--min-coverage', '0', '-q'],
    { timeoutMs: 120_000 },
  );
  timings.compareLiveMs = Date.now() - t;
  expect([0, 1], run.stderr).toContain(run.code);
  live = JSON.parse(readFileSync(path.join(out, 'report.json'), 'utf8')) as Report;
  t = Date.now();
  const off = path.join(dir, 'offline');
  const run2 = await runCli(['compare', path.join(dir, 'source.jsonl'), path.join(dir, 'target.jsonl'), '--source-alias', 'src', '--target-alias', 'tgt', '--format', 'json', '--out-dir', off, '--min-coverage', '0', '-q']);
  timings.compareOfflineMs = Date.now() - t;
  expect([0, 1], run2.stderr).toContain(run2.code);
  expect(run2.code).toBe(run.code);
  offline = JSON.parse(readFileSync(path.join(off, 'report.json'), 'utf8')) as Report;
}, 330_000);

afterAll(async () => {
  // MirrorMaker first (it would log connection errors against stopped brokers), then both brokers; also on failure.
  for (const pid of [...pids].reverse()) await stopPid(pid);
  console.log(`migration harness timings (ms): ${JSON.stringify(timings)}`);
  if (process.env.KR_KEEP_MIGRATION_DIR !== '1') rmSync(dir, { recursive: true, force: true });
}, 120_000);

const check = (r: Report, id: string) => {
  const c = r.checks.find((ch) => ch.id === id);
  if (!c) throw new Error(`no check ${id} in the report`);
  return c;
};
const findings = (r: Report, id: string) => Object.fromEntries(check(r, id).findings.map((f) => [`${f.resource.kind}:${f.resource.name}`, f.status]));

describe('compare: two real clusters and MirrorMaker 2', () => {
  it('the topic excluded from mirroring is missing on the target; the mirrored topics are not', () => {
    expect(check(live, 'migration/topics-mirrored').status).toBe('fail');
    expect(findings(live, 'migration/topics-mirrored')).toEqual({ 'topic:excluded.audit': 'fail' });
  });

  it('the config changed on the target is drift, with both values and their sources; untouched topics are not', () => {
    expect(findings(live, 'migration/config-drift')).toEqual({ 'topic:payments': 'warn' });
    const f = check(live, 'migration/config-drift').findings[0]!;
    expect(f.message).toContain('retention.ms 604800000 → 3600000');
    expect((f.evidence?.details as { drift: { sourceFrom: string; targetFrom: string }[] }).drift[0]).toMatchObject({ sourceFrom: expect.stringMatching(/default/), targetFrom: expect.stringMatching(/topic/) });
  });

  it('the group left out of offset sync has no translated offsets; the synced groups are close to the source', () => {
    expect(findings(live, 'migration/group-offsets')).toEqual({ 'group:unsynced-legacy': 'fail' });
    expect(check(live, 'migration/group-offsets').counts.pass).toBe(2);
  });

  it('the ACL only on the source is drift for that principal; the one carried to the target is not', () => {
    expect(findings(live, 'migration/acl-drift')).toEqual({ 'principal:User:billing': 'fail' });
    expect(check(live, 'migration/acl-drift').findings[0]!.message).toContain('READ on TOPIC:LITERAL:src.orders');
  });

  it('replication has caught up on the mirrored topics', () => {
    expect(findings(live, 'migration/replication-lag')).toEqual({});
    expect(check(live, 'migration/replication-lag').counts.pass).toBe(2);
  });

  it('no reverse flow is running: the way back is not open (the disabled flow\'s own heartbeats do not count)', () => {
    expect(findings(live, 'migration/rollback-path')).toEqual({ 'cluster:reverse replication (target → source)': 'fail' });
  });

  it('the cut-over checklist is in the JUnit and SARIF files of the live run too', () => {
    const out = path.join(dir, 'live');
    const xml = readFileSync(path.join(out, 'report.junit.xml'), 'utf8');
    expect(xml).toContain('<testsuite name="cutover" package="cutover"');
    expect(xml).toMatch(/<testcase classname="cutover\/before-producers" name="cutover\/before-producers\/topics-present: [^"]*" time="0">\s*<failure type="not-met"/);
    const sarif = JSON.parse(readFileSync(path.join(out, 'report.sarif'), 'utf8')) as { runs: { properties: { cutover: unknown }; results: { ruleId: string }[] }[] };
    expect(sarif.runs[0]!.properties.cutover).toEqual(live.cutover);
    expect(sarif.runs[0]!.results.map((r) => r.ruleId)).toContain('cutover/reverse-replication');
  });

  it('offline compare of the two saved snapshots gives the same findings', () => {
    const key = (id: string, fs: Finding[]) => fs.map((f) => ({ check: id, resource: f.resource, status: f.status, severity: f.severity, message: f.message }));
    const all = (r: Report) => r.checks.filter((c) => c.area === 'migration').flatMap((c) => key(c.id, c.findings));
    expect(all(offline)).toEqual(all(live));
    expect(all(live).length).toBeGreaterThanOrEqual(5);
    expect(offline.checks.filter((c) => c.area === 'migration').map((c) => [c.id, c.status])).toEqual(live.checks.filter((c) => c.area === 'migration').map((c) => [c.id, c.status]));
  });
});

describe('compare --observe: group offsets bound in time', () => {
  it('a group whose source position moved on after MirrorMaker stopped is behind in produce time, measured over the window', async () => {
    const t0 = Date.now();
    // Offset sync stops; the source moves on: synced-payments commits 30 records past what the target has.
    await stopPid(mirrorPid);
    await produce(src, 'payments', 30);
    await commitLatest(src, 'synced-payments', 'payments');
    const end = async () => (await tool('GetOffsetShell', ['--bootstrap-server', src.bootstrap, '--topic', 'payments'])).trim().split('\n').map((l) => Number(l.split(':')[2])).reduce((a, b) => a + b, 0);
    const before = await end();
    // Traffic during the window gives the produce rate (small batches: both partitions get records).
    const traffic = tool('ProducerPerformance', ['--topic', 'payments', '--num-records', '450', '--throughput', '30', '--record-size', '100', '--producer-props', `bootstrap.servers=${src.bootstrap}`, 'batch.size=200', 'linger.ms=0']);
    await waitFor('traffic on payments', 60_000, async () => (await end()) > before);
    const config = path.join(dir, 'observe.yaml');
    writeFileSync(config, 'checks:\n  migration/group-offsets:\n    options: { maxTimeBehindMs: 1 }\n');
    const out = path.join(dir, 'observed');
    const run = await runCli(['compare', '--source-config', src.props, '--target-config', tgt.props, '--source-alias', 'src', '--target-alias', 'tgt', '-c', config, '--observe', '6s', '--samples', '3', '--format', 'json', '--out-dir', out, '--min-coverage', '0', '-q'], { timeoutMs: 120_000 });
    expect([0, 1], run.stderr).toContain(run.code);
    await traffic;
    timings.observedMs = Date.now() - t0;
    const observed = JSON.parse(readFileSync(path.join(out, 'report.json'), 'utf8')) as Report;
    expect(findings(observed, 'migration/group-offsets')).toEqual({ 'group:synced-payments': 'warn', 'group:unsynced-legacy': 'fail' });
    const f = check(observed, 'migration/group-offsets').findings.find((x) => x.resource.name === 'synced-payments')!;
    expect(f.message).toMatch(/^group synced-payments's offset on the target is \d+ s of the source's produce time \(\d+ records\) behind the source on src\.payments-[01], beyond 0 s \((extrapolated at the source's observed produce rate of [\d.]+ records\/s|interpolated between the source samples)\): switching re-reads those records$/);
    expect(f.evidence?.details).toMatchObject({ timeBehind: { boundMs: 1, samples: 3, partition: expect.stringMatching(/^src\.payments-[01]$/) } });
    // The group MirrorMaker did sync, with nothing new committed, is not behind at all.
    expect(check(observed, 'migration/group-offsets').counts.pass).toBe(1);
  }, 240_000);
});
