// The write probe against the real 4.x cluster: a default scan sends no write request at all; with --probe
// --allow-writes the matrix is measured and the cluster's topics and groups are what they were before.
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Admin } from '@platformatic/kafka';
import { describe, expect, it } from 'vitest';
import { readSnapshotFile } from '../../src/pipeline.js';
import { cluster, runCli } from './cluster-context.js';

const WRITE_APIS = ['Produce', 'CreateTopics', 'DeleteTopics', 'CreatePartitions', 'DeleteRecords', 'InitProducerId', 'AddPartitionsToTxn', 'AddOffsetsToTxn', 'EndTxn', 'TxnOffsetCommit', 'OffsetCommit', 'OffsetDelete', 'DeleteGroups', 'JoinGroup', 'SyncGroup', 'ConsumerGroupHeartbeat', 'CreateAcls', 'DeleteAcls', 'AlterConfigs', 'IncrementalAlterConfigs', 'AlterClientQuotas', 'AlterUserScramCredentials', 'AlterPartitionReassignments', 'ElectLeaders', 'UpdateFeatures'];

async function state(bootstrap: string = cluster().saslBootstrap) {
  const c = cluster();
  const admin = new Admin({ clientId: 'probe-test', bootstrapBrokers: bootstrap.split(','), sasl: { mechanism: 'SCRAM-SHA-512', username: c.admin.username, password: c.admin.password } });
  try {
    const topics = (await admin.listTopics({ includeInternals: true })).sort();
    const groups = [...(await admin.listGroups()).keys()].sort();
    // ANY resource type (1), ANY pattern (1), ANY operation (1), ANY permission (1): every binding on the cluster.
    const acls = (await admin.describeAcls({ filter: { resourceType: 1, resourceName: null, resourcePatternType: 1, principal: null, host: null, operation: 1, permissionType: 1 } }))
      .flatMap((r) => r.acls.map((a) => `${r.resourceType}:${r.resourcePatternType}:${r.resourceName} ${a.principal}@${a.host} ${a.operation}/${a.permissionType}`))
      .sort();
    return { topics, groups, acls };
  } finally {
    await admin.close();
  }
}

describe('write probe', () => {
  it('a default scan sends no write request', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'kr-probe-'));
    const out = path.join(dir, 'snap.jsonl');
    const r = await runCli(['scan', '--command-config', cluster().adminProps, '--snapshot-out', out, '--min-coverage', '0', '-f', 'json']);
    expect(r.stderr).not.toMatch(/internal error/);
    const snap = await readSnapshotFile(out);
    const sent = Object.keys(snap.stats.requests);
    expect(sent.length).toBeGreaterThan(5);
    expect(sent.filter((api) => WRITE_APIS.includes(api))).toEqual([]);
    expect(snap.artifacts.probe.ok ? 'ok' : snap.artifacts.probe.error.reason).toBe('not-requested');
  }, 120_000);

  it('--probe without --allow-writes is refused before connecting', async () => {
    const r = await runCli(['scan', '--command-config', cluster().adminProps, '--probe']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--allow-writes/);
  });

  const clusters = [
    { name: '4.1.1', props: () => cluster().adminProps, bootstrap: () => cluster().saslBootstrap, kip848: true },
    // 3.9.1 with 3.8 metadata: no KIP-848 groups offered, so that cell is not-run (not offered), never failed.
    { name: '3.9.1 (legacy)', props: () => cluster().legacy.adminProps, bootstrap: () => cluster().legacy.saslBootstrap, kip848: false },
  ];
  for (const k of clusters) {
    it(`${k.name}: measures the matrix for each client and the burst, and leaves topics, groups and ACLs as they were`, async () => {
      const before = await state(k.bootstrap());
      const dir = mkdtempSync(path.join(tmpdir(), 'kr-probe-'));
      const out = path.join(dir, 'snap.jsonl');
      const r = await runCli(['scan', '--command-config', k.props(), '--probe', '--allow-writes', '--probe-records', '20000', '--snapshot-out', out, '--min-coverage', '0', '-f', 'json'], { timeoutMs: 300_000 });
      expect(r.stderr).toMatch(/probe will create/);
      // kafkajs logs start with "KafkaJS" or are JSON with a level: its logger is silenced. (Group names contain "kafkajs".)
      expect(r.stderr).not.toMatch(/internal error|KafkaJS|"level":/);
      const snap = await readSnapshotFile(out);
      expect(snap.artifacts.probe.ok).toBe(true);
      const probe = snap.artifacts.probe.ok ? snap.artifacts.probe.value : null;
      process.stderr.write(`[probe ${k.name}] cells:\n${probe?.cells.map((c) => `  ${c.client} ${c.capability} ${c.status}: ${c.message}`).join('\n')}\n[probe ${k.name}] burst: ${JSON.stringify(probe?.burst)}\n[probe ${k.name}] cleanup: ${JSON.stringify(probe?.cleanup)}\n`);
      const bad = probe!.cells.filter((c) => c.status === 'fail' || c.status === 'error' || c.status === 'denied');
      expect(bad).toEqual([]);
      const status = (client: string, cap: string) => probe!.cells.find((c) => c.client === client && c.capability === cap)?.status;
      for (const client of ['platformatic', 'kafkajs']) {
        for (const cap of ['produce-consume', 'idempotent-producer', 'transactions', 'compression-gzip', 'headers', 'group-classic', 'offset-commit-fetch', 'list-offsets-by-timestamp', 'large-record']) {
          expect(`${client} ${cap} ${status(client, cap)}`).toBe(`${client} ${cap} pass`);
        }
      }
      // kafkajs ships only gzip: the other codecs are the client's limit, not the cluster's.
      for (const codec of ['snappy', 'lz4', 'zstd']) expect(status('kafkajs', `compression-${codec}`)).toBe('unsupported');
      expect(status('kafkajs', 'group-consumer')).toBe(k.kip848 ? 'unsupported' : 'not-run');
      expect(status('platformatic', 'group-consumer')).toBe(k.kip848 ? 'pass' : 'not-run');
      expect(probe!.burst?.ok, JSON.stringify(probe!.burst)).toBe(true);
      expect(probe!.cleanup.failures).toEqual([]);
      // A deleted topic can stay listed for a moment after DeleteTopics answered (seen on 3.9.1): wait up to 15 s.
      const settled = (s: Awaited<ReturnType<typeof state>>) => ({ ...s, topics: s.topics.filter((t) => t !== '__transaction_state' || before.topics.includes(t)) });
      let after = await state(k.bootstrap());
      for (let i = 0; i < 15 && JSON.stringify(settled(after)) !== JSON.stringify(before); i++) {
        await new Promise((res) => setTimeout(res, 1000));
        after = await state(k.bootstrap());
      }
      // The only difference allowed: Kafka's own __transaction_state, created by the first transaction (announced).
      expect(r.stderr).toMatch(/__transaction_state/);
      expect({ ...after, topics: after.topics.filter((t) => t !== '__transaction_state' || before.topics.includes(t)) }).toEqual(before);
    }, 320_000);
  }

  it('Ctrl-C during the probe: it removes what it created, says which transactional ids are left to expire, and ends with 130', async () => {
    const before = await state();
    const root = path.resolve(import.meta.dirname, '..', '..');
    const child = spawn(process.execPath, [path.join(root, 'bin', 'kafka-readiness.js'), 'probe', '--command-config', cluster().adminProps, '--allow-writes', '--probe-records', '500000', '--min-coverage', '0', '-f', 'json'], { env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    const ended = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    const killer = setTimeout(() => child.kill('SIGKILL'), 180_000);
    await new Promise<void>((resolve) => {
      child.stderr.on('data', (d) => {
        stderr += d;
        if (stderr.includes('probe will create')) resolve();
      });
      void ended.then(() => resolve());
    });
    // Into the client matrix: the topic exists and groups are being formed.
    await new Promise((r) => setTimeout(r, 5000));
    child.kill('SIGINT');
    const code = await ended;
    clearTimeout(killer);
    expect(code, stderr).toBe(130);
    expect(stderr).toMatch(/probe interrupted \(SIGINT\): removing what it created/);
    expect(stderr).toMatch(/transactional ids cannot be deleted and are left to expire/);
    expect(stderr).not.toMatch(/internal error| {4}at /);
    const settled = (s: Awaited<ReturnType<typeof state>>) => ({ ...s, topics: s.topics.filter((t) => t !== '__transaction_state' || before.topics.includes(t)) });
    let after = settled(await state());
    for (let i = 0; i < 15 && JSON.stringify(after) !== JSON.stringify(before); i++) {
      await new Promise((res) => setTimeout(res, 1000));
      after = settled(await state());
    }
    expect(after).toEqual(before);
  }, 240_000);

  // One topic the operator names, created and removed by the test (not by the probe), shared by the two runs below.
  const existing = 'it-probe-existing';
  async function withExistingTopic(fn: () => Promise<void>) {
    const c = cluster();
    const admin = new Admin({ clientId: 'probe-test-topic', bootstrapBrokers: c.saslBootstrap.split(','), sasl: { mechanism: 'SCRAM-SHA-512', username: c.admin.username, password: c.admin.password } });
    try {
      await admin.createTopics({ topics: [existing], partitions: 1, replicas: -1 });
      // Broker-set timestamps (as audit topics often have): the list-offsets cell must not fail on them.
      await admin.alterConfigs({ resources: [{ resourceType: 2, resourceName: existing, configs: [{ name: 'message.timestamp.type', value: 'LogAppendTime' }] }] });
      await fn();
    } finally {
      await admin.deleteTopics({ topics: [existing] }).catch(() => {});
      await admin.close();
    }
  }

  it('the probe command with --probe-topic writes to the named topic, creates no topic and removes its groups', async () => {
    await withExistingTopic(async () => {
      const before = await state();
      const out = path.join(mkdtempSync(path.join(tmpdir(), 'kr-probe-')), 'snap.jsonl');
      const r = await runCli(['probe', '--command-config', cluster().adminProps, '--allow-writes', '--probe-topic', existing, '--probe-records', '500', '--probe-consumers', '2', '--snapshot-out', out, '-f', 'json', '--min-coverage', '0'], { timeoutMs: 240_000 });
      expect(r.stderr).not.toMatch(/internal error/);
      expect(r.stderr).toMatch(new RegExp(`writes records to the existing topic ${existing}`));
      expect(r.stderr).not.toMatch(/will create[^\n]*topic kafka-readiness/);
      const report = JSON.parse(r.stdout) as { checks: { id: string; status: string; findings: { status: string }[] }[] };
      const burst = report.checks.find((c) => c.id === 'compatibility/burst')!;
      expect(burst.status, JSON.stringify(burst)).toBe('pass');
      // The named topic is LogAppendTime: every client's ListOffsets(timestamp) passes, on the bound it can check.
      const snap = await readSnapshotFile(out);
      const cells = snap.artifacts.probe.ok ? snap.artifacts.probe.value.cells.filter((c) => c.capability === 'list-offsets-by-timestamp') : [];
      expect(cells.map((c) => c.client).sort(), JSON.stringify(cells)).toEqual(['java', 'kafkajs', 'platformatic']);
      for (const c of cells) {
        expect(c.status, JSON.stringify(c)).toBe('pass');
        expect(c.message).toMatch(/LogAppendTime topic/);
      }
      const after = await state();
      expect(after.topics).toContain(existing);
      expect({ ...after, topics: after.topics.filter((t) => t !== '__transaction_state' || before.topics.includes(t)) }).toEqual(before);
    });
  }, 260_000);

  it('a principal without WRITE gets denied cells (the checks are unknown, not a crash) and nothing is left behind', async () => {
    await withExistingTopic(async () => {
      const before = await state();
      // alice may describe but not create topics nor write: first the prefixed topic is refused, then the named one.
      for (const extra of [[], ['--probe-topic', existing]]) {
        const dir = mkdtempSync(path.join(tmpdir(), 'kr-probe-'));
        const out = path.join(dir, 'snap.jsonl');
        const r = await runCli(['probe', '--command-config', cluster().aliceProps, '--allow-writes', ...extra, '--probe-records', '200', '--snapshot-out', out, '-f', 'json', '--min-coverage', '0'], { timeoutMs: 240_000 });
        expect(r.stderr, extra.join(' ')).not.toMatch(/internal error| {4}at /);
        expect([0, 1]).toContain(r.code);
        const snap = await readSnapshotFile(out);
        expect(snap.artifacts.probe.ok).toBe(true);
        const probe = snap.artifacts.probe.ok ? snap.artifacts.probe.value : null;
        const denied = probe!.cells.filter((c) => c.status === 'denied');
        expect(denied.length, JSON.stringify(probe!.cells)).toBeGreaterThan(0);
        // The only cell that can pass: the authorization-failure capability (the refusal was reported as such).
        expect(probe!.cells.filter((c) => c.status === 'pass' && c.capability !== 'authorization-failure')).toEqual([]);
        expect(denied.every((c) => /AUTHORIZATION/i.test(`${c.error ?? ''} ${c.message}`))).toBe(true);
        const report = JSON.parse(r.stdout) as { checks: { id: string; status: string }[] };
        expect(report.checks.find((c) => c.id === 'compatibility/client-matrix')!.status).toBe('unknown');
        expect(report.checks.find((c) => c.id === 'compatibility/burst')!.status).not.toBe('pass');
      }
      expect(await state()).toEqual(before);
    });
  }, 520_000);
});
