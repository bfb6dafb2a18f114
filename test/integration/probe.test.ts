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

async function state() {
  const c = cluster();
  const admin = new Admin({ clientId: 'probe-test', bootstrapBrokers: c.saslBootstrap.split(','), sasl: { mechanism: 'SCRAM-SHA-512', username: c.admin.username, password: c.admin.password } });
  try {
    const topics = (await admin.listTopics({ includeInternals: true })).sort();
    const groups = [...(await admin.listGroups()).keys()].sort();
    return { topics, groups };
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

  it('measures the matrix and the burst and leaves topics and groups as they were', async () => {
    const before = await state();
    const dir = mkdtempSync(path.join(tmpdir(), 'kr-probe-'));
    const out = path.join(dir, 'snap.jsonl');
    const r = await runCli(['scan', '--command-config', cluster().adminProps, '--probe', '--allow-writes', '--burst-records', '20000', '--snapshot-out', out, '--min-coverage', '0', '-f', 'json'], { timeoutMs: 300_000 });
    expect(r.stderr).toMatch(/probe will create/);
    const snap = await readSnapshotFile(out);
    expect(snap.artifacts.probe.ok).toBe(true);
    const probe = snap.artifacts.probe.ok ? snap.artifacts.probe.value : null;
    process.stderr.write(`[probe] cells: ${JSON.stringify(probe?.cells.map((c) => `${c.client} ${c.capability} ${c.status}: ${c.message}`), null, 1)}\n[probe] burst: ${JSON.stringify(probe?.burst)}\n[probe] cleanup: ${JSON.stringify(probe?.cleanup)}\n`);
    const bad = probe!.cells.filter((c) => c.status === 'fail' || c.status === 'error' || c.status === 'denied');
    expect(bad).toEqual([]);
    expect(probe!.burst?.ok).toBe(true);
    expect(probe!.cleanup.failures).toEqual([]);
    const after = await state();
    expect(after).toEqual(before);
  }, 320_000);
});
