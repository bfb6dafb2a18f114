// The write probe against the real 4.x cluster: a default scan sends no write request at all; with --probe
// --allow-writes the matrix is measured and the cluster's topics and groups are what they were before.
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
      expect(probe!.burst?.ok).toBe(true);
      expect(probe!.cleanup.failures).toEqual([]);
      const after = await state(k.bootstrap());
      // The only difference allowed: Kafka's own __transaction_state, created by the first transaction (announced).
      expect(r.stderr).toMatch(/__transaction_state/);
      expect({ ...after, topics: after.topics.filter((t) => t !== '__transaction_state' || before.topics.includes(t)) }).toEqual(before);
    }, 320_000);
  }
});
