// Real faults on the test cluster: a broker stopped with SIGSTOP while the scan sets up its connections, a
// broker that dies in the middle of an --observe window, and a principal without DESCRIBE on the Cluster (Kafka
// 4.1 never answers its DescribeUserScramCredentials). Each leaves the cluster as it found it.
import { Admin } from '@platformatic/kafka';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { javaCli, startBroker, stopBroker } from '../cluster/cluster.mjs';
import { buildConnectionOptions } from '../../src/commands/connection.js';
import { Secret } from '../../src/connect/options.js';
import { loadReadinessConfig } from '../../src/config/readiness.js';
import { buildRegistry } from '../../src/engine/registry.js';
import { partialPartitions } from '../../src/sdk.js';
import type { Snapshot } from '../../src/gather/snapshot.js';
import { evaluateSnapshot, gatherFromCluster } from '../../src/pipeline.js';
import { cluster, runCli } from './cluster-context.js';

const c = cluster();
const adminConn = buildConnectionOptions({ commandConfig: c.adminProps });
const dir = mkdtempSync(path.join(tmpdir(), 'kr-faults-'));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const pidOf = (id: number) => Number(readFileSync(path.join(c.harness.dir, `node-${id}.pid`), 'utf8').trim());

/** Partitions not fully in sync, as "topic-partition". */
function underReplicated(s: Snapshot): Set<string> {
  if (!s.artifacts.topics.ok) return new Set(['?']);
  return new Set(s.artifacts.topics.value.flatMap((t) => t.partitions.filter((p) => p.isr.length < p.replicas.length || p.leader < 0).map((p) => `${t.name}-${p.partition}`)));
}

/** Waits until the cluster is as healthy as `before` again, with preferred leaders back, for the files after this one. */
async function restore(before: Snapshot): Promise<void> {
  const baseline = underReplicated(before);
  const t0 = Date.now();
  for (;;) {
    const now = await gatherFromCluster(adminConn);
    if ([...underReplicated(now)].every((p) => baseline.has(p)) && now.artifacts.cluster.ok && now.artifacts.cluster.value.brokers.length === 3) break;
    if (Date.now() - t0 > 120_000) throw new Error('cluster did not recover');
    await sleep(1000);
  }
  await javaCli('LeaderElectionCommand', ['--bootstrap-server', c.saslBootstrap, '--admin.config', c.adminProps, '--election-type', 'PREFERRED', '--all-topic-partitions'], c.harness).catch(() => '');
}

async function quorumLeader(): Promise<number> {
  const s = await gatherFromCluster(adminConn);
  if (!s.artifacts.quorum.ok) throw new Error('quorum not readable');
  return s.artifacts.quorum.value.leaderId;
}

describe('a broker stopped with SIGSTOP during connection set-up', () => {
  let stopped: number | null = null;
  afterAll(() => {
    if (stopped) process.kill(stopped, 'SIGCONT');
  });

  it('still ends the process, bounded by the timeouts, after writing the report', async () => {
    const before = await gatherFromCluster(adminConn);
    // Not the quorum leader (that is a different fault), and preferably the first bootstrap server, so that the
    // very first connection hangs in its SASL handshake.
    const leader = await quorumLeader();
    const victim = [1, 2, 3].find((id) => id !== leader)!;
    const pid = pidOf(victim);
    const out = path.join(dir, 'sigstop.json');
    process.kill(pid, 'SIGSTOP');
    stopped = pid;
    let run;
    try {
      // Request timeout shorter than the connect timeout: the case that used to keep the process alive.
      run = await runCli(['scan', '--command-config', c.adminProps, '--connect-timeout', '5s', '--request-timeout', '1500ms', '--format', 'json', '--output', out], { timeoutMs: 90_000 });
    } finally {
      process.kill(pid, 'SIGCONT');
      stopped = null;
    }
    const exitedAt = Date.now();
    // The report file's time against the exit: the process ended by itself, not by the bounded exit guard in
    // bin/ (which fires 2 s after the report at the earliest).
    const afterReport = exitedAt - statSync(out).mtimeMs;
    process.stderr.write(`[faults] SIGSTOP'd broker ${victim}: scan exited ${run.code} after ${run.ms} ms, ${Math.round(afterReport)} ms after writing the report\n`);
    expect(afterReport).toBeLessThan(1800);
    expect(run.code, run.stderr).not.toBeNull(); // not killed by the test's own timeout
    expect([0, 1]).toContain(run.code);
    expect(run.ms).toBeLessThan(30_000);
    const report = JSON.parse(readFileSync(out, 'utf8'));
    // The stopped broker is named where its answers are missing.
    expect(JSON.stringify(report)).toContain(`broker ${victim}`);
    await restore(before);
  });
});

describe('a broker killed in the middle of an --observe window', () => {
  let down: number | null = null;
  afterAll(async () => {
    if (down) await startBroker(down, c.harness);
  });

  it('marks later samples partial with exactly the partitions that broker led, and never passes them', async () => {
    const before = await gatherFromCluster(adminConn);
    const leader = await quorumLeader();
    const victim = [3, 2, 1].find((id) => id !== leader)!;
    const led = before.artifacts.topics.ok
      ? before.artifacts.topics.value.flatMap((t) => t.partitions.filter((p) => p.leader === victim).map((p) => `${t.name}-${p.partition}`)).sort()
      : [];
    expect(led.length).toBeGreaterThan(0);

    let samplesTaken = 0;
    const gathering = gatherFromCluster(adminConn, {
      observe: { windowMs: 9000, samples: 4 },
      log: (line) => {
        if (/^sample \d+\/4/.test(line) || line.startsWith('gathered offsets')) samplesTaken++;
      },
    });
    // After the first two samples, kill the broker (SIGTERM, SIGKILL after the harness's grace period).
    while (samplesTaken < 2) await sleep(100);
    await stopBroker(victim, { ...c.harness, stopTimeoutMs: 2000 });
    down = victim;
    const snapshot = await gathering;

    expect(snapshot.artifacts.samples.ok).toBe(true);
    if (!snapshot.artifacts.samples.ok) return;
    const samples = snapshot.artifacts.samples.value;
    expect(samples).toHaveLength(4);
    expect(samples[0]!.partial).toBeUndefined();
    const last = samples[samples.length - 1]!;
    expect(last.partial, 'the last sample lacks the dead broker').toBeDefined();
    const lacking = Object.entries(last.partial!.partitions).flatMap(([t, ps]) => ps.map((p) => `${t}-${p}`)).sort();
    process.stderr.write(`[faults] --observe lost broker ${victim}: last sample lacks ${lacking.length} partition(s) (it led ${led.length}); ${last.partial!.reason}\n`);
    expect(lacking).toEqual(led);
    expect(last.partial!.reason).toContain(`broker ${victim}`);
    expect(partialPartitions(samples)).toEqual(expect.arrayContaining(led));
    expect(snapshot.artifacts.samples.issues?.map((i) => i.message).join('\n')).toMatch(/sample 4 at .* is partial: no offsets for \d+ partition\(s\)/);

    const config = loadReadinessConfig(c.readinessYaml);
    const report = evaluateSnapshot(snapshot, { config, registry: await buildRegistry(config) });
    const idle = report.checks.find((x) => x.id === 'cost/idle-topics')!;
    expect(idle.partial?.join(' ')).toMatch(/is partial/);
    // A topic with a partition the last sample lacks has no rate: it is neither idle nor active.
    const lostTopics = new Set(led.map((p) => p.replace(/-\d+$/, '')));
    for (const f of idle.findings) expect(lostTopics.has(f.resource.name), f.resource.name).toBe(false);

    await startBroker(victim, c.harness);
    down = null;
    await restore(before);
  });
});

describe('a principal without DESCRIBE on the Cluster', () => {
  const user = 'nodescribe';
  const password = 'nodescribe-secret';
  // Numeric protocol codes (see scripts/seed.mjs): TOPIC 2, GROUP 3, LITERAL 3, DESCRIBE 8, DESCRIBE_CONFIGS 10, ALLOW 3.
  const acls: Parameters<Admin['createAcls']>[0]['creations'] = [
    { resourceType: 2, resourceName: '*', resourcePatternType: 3, principal: `User:${user}`, host: '*', operation: 8, permissionType: 3 }, // TOPIC * DESCRIBE
    { resourceType: 2, resourceName: '*', resourcePatternType: 3, principal: `User:${user}`, host: '*', operation: 10, permissionType: 3 }, // TOPIC * DESCRIBE_CONFIGS
    { resourceType: 3, resourceName: '*', resourcePatternType: 3, principal: `User:${user}`, host: '*', operation: 8, permissionType: 3 }, // GROUP * DESCRIBE
  ] as never;
  const admin = new Admin({
    clientId: 'faults-test-admin',
    bootstrapBrokers: c.saslBootstrap.split(','),
    sasl: { mechanism: 'SCRAM-SHA-512', username: c.admin.username, password: c.admin.password },
    timeout: 30_000,
  });
  afterAll(async () => {
    for (const a of acls) await admin.deleteAcls({ filters: [a] }).catch(() => {});
    await javaCli('ConfigCommand', ['--bootstrap-server', c.saslBootstrap, '--command-config', c.adminProps, '--alter', '--delete-config', 'SCRAM-SHA-512', '--entity-type', 'users', '--entity-name', user], c.harness).catch(() => '');
    await admin.close();
  });

  it('scans in far less than the 30 s request timeout and reports the SCRAM describe as denied', async () => {
    await javaCli('ConfigCommand', ['--bootstrap-server', c.saslBootstrap, '--command-config', c.adminProps, '--alter', '--add-config', `SCRAM-SHA-512=[iterations=8192,password=${password}]`, '--entity-type', 'users', '--entity-name', user], c.harness);
    await admin.createAcls({ creations: acls });
    await sleep(1500); // ACLs and the credential reach every broker through the metadata log

    // Default timeouts (request 30 s): a request queued behind an unanswered one would stall the scan for 30 s.
    const t0 = Date.now();
    const snapshot = await gatherFromCluster({ ...adminConn, sasl: { ...adminConn.sasl!, username: user, password: new Secret(password) } });
    const ms = Date.now() - t0;
    process.stderr.write(`[faults] principal without Cluster DESCRIBE: scan took ${ms} ms\n`);
    const a = snapshot.artifacts;
    expect(ms).toBeLessThan(10_000);
    expect(a.scramUsers).toMatchObject({ ok: false, error: { reason: 'denied', message: expect.stringMatching(/^not sent: DescribeUserScramCredentials needs DESCRIBE on the Cluster/) } });
    // Everything its topic and group grants allow is there; what needs the Cluster is denied, not timed out.
    expect(a.topics.ok && a.topics.value.length).toBeGreaterThan(3);
    expect(a.topicConfigs.ok).toBe(true);
    expect(a.offsets.ok).toBe(true);
    expect(a.groups.ok).toBe(true);
    for (const name of ['quorum', 'acls', 'quotas'] as const) {
      const art = a[name];
      expect(art.ok ? 'ok' : art.error.reason, name).toBe('denied');
    }
    const timeouts = Object.entries(a).filter(([, v]) => (v.ok ? (v.issues ?? []).some((i: { reason: string }) => i.reason === 'timeout') : v.error.reason === 'timeout'));
    expect(timeouts.map(([k]) => k)).toEqual([]);
  });
});

describe('the quorum leader stopped with SIGSTOP', () => {
  let stopped: number | null = null;
  afterAll(() => {
    if (stopped) process.kill(stopped, 'SIGCONT');
  });

  it('loses only what that node and the forwarded DescribeQuorum answer: nothing queues behind them', async () => {
    const before = await gatherFromCluster(adminConn);
    const leader = await quorumLeader();
    const pid = pidOf(leader);
    process.kill(pid, 'SIGSTOP');
    stopped = pid;
    let snapshot: Snapshot;
    const t0 = Date.now();
    try {
      snapshot = await gatherFromCluster({ ...adminConn, connectTimeoutMs: 5000, requestTimeoutMs: 3000 });
    } finally {
      process.kill(pid, 'SIGCONT');
      stopped = null;
    }
    const ms = Date.now() - t0;
    const config = loadReadinessConfig(c.readinessYaml);
    const report = evaluateSnapshot(snapshot, { config, registry: await buildRegistry(config) });
    const a = snapshot.artifacts;
    const state = (name: keyof typeof a) => {
      const art = a[name];
      return art.ok ? (art.issues?.length ? `partial(${art.issues.map((i) => i.reason).join(',')})` : 'ok') : art.error.reason;
    };
    const states = Object.fromEntries((Object.keys(a) as (keyof typeof a)[]).map((k) => [k, state(k)]));
    process.stderr.write(`[faults] quorum leader ${leader} stopped: scan ${ms} ms, coverage ${report.summary.coverage} %, artifacts ${JSON.stringify(states)}\n`);
    // "Any broker" artifacts come from a live broker: none of them may time out behind the forwarded request.
    for (const name of ['cluster', 'topicConfigs', 'acls', 'quotas', 'scramUsers'] as const) {
      const art = a[name];
      const reasons = art.ok ? (art.issues ?? []).map((i) => i.reason) : [art.error.reason];
      expect(reasons, name).not.toContain('timeout');
    }
    expect(report.summary.coverage).toBeGreaterThanOrEqual(70);
    await restore(before);
  });
});
