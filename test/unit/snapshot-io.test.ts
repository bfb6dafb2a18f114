import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/errors.js';
import { encodeSnapshot, writeSnapshotFile } from '../../src/gather/snapshot-io.js';
import type { ConfigEntry, Snapshot } from '../../src/gather/snapshot.js';
import { readSnapshotFile } from '../../src/pipeline.js';
import { makeSnapshot, topicInfo } from '../helpers/snapshot.js';

const dir = mkdtempSync(path.join(tmpdir(), 'snapshot-io-'));

const entry = (value: string, source: ConfigEntry['source'], synonyms: ConfigEntry['synonyms'] = []): ConfigEntry => ({ value, source, sensitive: false, readOnly: false, synonyms });

/** A snapshot with the awkward cases: failed and partial artifacts, odd partitions, a sample of its own. */
function awkwardSnapshot(): Snapshot {
  const s = makeSnapshot();
  const retention = entry('604800000', 'default', [{ name: 'log.retention.ms', value: '604800000', source: 'default' }]);
  const override = entry('-1', 'topic', [{ name: 'retention.ms', value: '-1', source: 'topic' }, { name: 'log.retention.ms', value: '604800000', source: 'default' }]);
  const a = s.artifacts;
  const odd = topicInfo('odd', [{ replicas: [1, 2, 3], isr: [1] }, { replicas: [2, 3, 1] }]);
  odd.partitions[1] = { ...odd.partitions[1]!, leader: -1, offline: [2], error: 'LEADER_NOT_AVAILABLE' };
  a.topics = { ok: true, value: [...(a.topics.ok ? a.topics.value : []), odd, { name: 'broken', id: 'x', internal: false, partitions: [], error: 'UNKNOWN_TOPIC_ID' }] };
  a.topicConfigs = {
    ok: true,
    value: {
      orders: { 'retention.ms': retention, 'cleanup.policy': entry('delete', 'default') },
      odd: { 'retention.ms': override, 'cleanup.policy': entry('delete', 'default') },
      third: { 'retention.ms': retention },
    },
    issues: [{ reason: 'denied', message: 'topic secret: not authorized', api: 'DescribeConfigs' }],
  };
  a.offsets = {
    ok: true,
    value: {
      orders: { '0': { earliest: '0', latest: '10', stable: '9' }, '1': { earliest: '0', latest: '10' }, '2': { earliest: null, latest: null, error: 'NOT_LEADER' } },
      odd: { '1': { earliest: '5', latest: '7', stable: null } },
    },
  };
  a.groupOffsets = { ok: true, value: { g1: { orders: { '0': '3', '2': '4' }, odd: { '0': '1', '1': '2' } } } };
  a.logDirs = { ok: true, value: { '1': [{ path: '/d', error: null, totalBytes: 10, usableBytes: 5, topics: { orders: { '0': 100, '2': 7 } } }], '2': [] } };
  // Permission-filtered lists carry whether they are whole; a snapshot read back must keep that.
  a.topics.visibility = { status: 'possibly-filtered', reason: 'the probe topic was denied', missingGrant: "DESCRIBE on Topic '*'", selector: "--topic '*'", operation: 'DESCRIBE' };
  if (a.groups.ok) a.groups.visibility = { status: 'complete', reason: 'DESCRIBE on the Cluster lists every group' };
  a.quorum = { ok: false, error: { reason: 'unsupported', message: 'DescribeQuorum not supported', api: 'DescribeQuorum' } };
  a.samples = {
    ok: true,
    value: [
      { at: '2026-11-22T12:00:00.000Z', offsets: a.offsets.value, groupOffsets: a.groupOffsets.value, groupStates: { g1: 'Stable' }, groupMembers: { g1: 1 } },
      { at: '2026-11-22T12:00:05.000Z', offsets: { orders: { '0': { earliest: '0', latest: '12' } } }, groupOffsets: { g1: { orders: { '0': '12' } } }, groupStates: { g1: 'Empty' }, groupMembers: { g1: 0 }, partial: { partitions: { odd: [1] }, reason: 'broker 2 did not answer: ECONNREFUSED' } },
    ],
  };
  s.snapshotVersion = 2;
  return s;
}

describe('snapshot file format versions 2 and 3', () => {
  it('round-trips a snapshot exactly, plain and gzipped', async () => {
    const s = awkwardSnapshot();
    for (const name of ['a.jsonl', 'a.jsonl.gz']) {
      const file = path.join(dir, name);
      await writeSnapshotFile(file, s);
      expect(await readSnapshotFile(file)).toEqual(s);
    }
    expect(gunzipSync(readFileSync(path.join(dir, 'a.jsonl.gz'))).toString('utf8')).toBe(readFileSync(path.join(dir, 'a.jsonl'), 'utf8'));
  });

  it('creates the folder of a snapshot written to a path that does not exist yet', async () => {
    const file = path.join(dir, 'new', 'folder', 's.jsonl.gz');
    await writeSnapshotFile(file, awkwardSnapshot());
    expect(await readSnapshotFile(file)).toEqual(awkwardSnapshot());
  });

  it('keeps the first sample the same object as the offsets it was read with', async () => {
    const file = path.join(dir, 'shared.jsonl');
    await writeSnapshotFile(file, awkwardSnapshot());
    const back = await readSnapshotFile(file);
    expect(back.artifacts.samples.ok && back.artifacts.offsets.ok && back.artifacts.samples.value[0]!.offsets === back.artifacts.offsets.value).toBe(true);
  });

  it('stores topic configs as the shared entries plus what differs, with source and synonyms', () => {
    const lines = [...encodeSnapshot(awkwardSnapshot())];
    const common = lines.find((l) => l.artifact === 'topicConfigs' && 'common' in l) as { common: Record<string, ConfigEntry> };
    expect(Object.keys(common.common).sort()).toEqual(['cleanup.policy', 'retention.ms']);
    const entries = lines.find((l) => l.artifact === 'topicConfigs' && 'entries' in l) as { entries: unknown[] };
    expect(entries.entries).toEqual([
      ['orders', {}],
      ['odd', { 'retention.ms': { value: '-1', source: 'topic', sensitive: false, readOnly: false, synonyms: [{ name: 'retention.ms', value: '-1', source: 'topic' }, { name: 'log.retention.ms', value: '604800000', source: 'default' }] } }],
      ['third', {}, ['cleanup.policy']],
    ]);
    expect(lines.at(-1)).toEqual({ end: true, records: lines.length - 2 });
  });

  it('writes no line longer than a chunk of records, whatever the size', () => {
    const s = makeSnapshot();
    const many = Array.from({ length: 5000 }, (_, i) => topicInfo(`t${i}`, [{ replicas: [1, 2, 3] }]));
    s.artifacts.topics = { ok: true, value: many };
    const lengths = [...encodeSnapshot(s)].filter((l) => l.artifact === 'topics' && 'items' in l).map((l) => (l.items as unknown[]).length);
    expect(lengths).toEqual([1000, 1000, 1000, 1000, 1000]);
  });

  it('writes sample offsets as exact deltas from the scan where it can, plain strings where it cannot', async () => {
    const s = awkwardSnapshot();
    const huge = '9007199254740993'; // above 2^53: Number arithmetic would round it
    const a = s.artifacts;
    if (!a.samples.ok || !a.offsets.ok || !a.groupOffsets.ok) throw new Error('fixture');
    a.offsets.value.big = { '0': { earliest: '0', latest: huge } };
    a.samples.value[1]!.offsets = {
      orders: { '0': { earliest: '2', latest: '1000012', stable: '11' }, '1': { earliest: '0', latest: '10' } }, // deltas
      odd: { '1': { earliest: '5', latest: '8', stable: null } }, // stable null: plain
      big: { '0': { earliest: '0', latest: '9007199254740999' } }, // huge: plain
      fresh: { '0': { earliest: '0', latest: '1' } }, // not in the scan: plain
    };
    a.samples.value[1]!.groupOffsets = { g1: { orders: { '0': '1', '2': '40' } }, g2: { orders: { '0': '5' } } };
    const lines = [...encodeSnapshot(s)];
    const deltas = lines.find((l) => 'offsetDeltas' in l) as { offsetDeltas: unknown[] };
    expect(deltas.offsetDeltas).toEqual([['orders', [[2, 1000002, 2], [0, 0]]]]);
    const plain = lines.find((l) => l.artifact === 'samples' && Array.isArray(l.offsets)) as { offsets: [string][] };
    expect(plain.offsets.map((e) => e[0])).toEqual(['odd', 'big', 'fresh']);
    expect((lines.find((l) => 'groupOffsetDeltas' in l) as { groupOffsetDeltas: unknown[] }).groupOffsetDeltas).toEqual([['g1', { orders: { '0': -2, '2': 36 } }]]);
    const file = path.join(dir, 'deltas.jsonl');
    await writeSnapshotFile(file, s);
    expect(readFileSync(file, 'utf8').split('\n', 1)[0]).toContain('"snapshotVersion":3');
    expect(await readSnapshotFile(file)).toEqual(s);
  });

  it('reads version 2 (no deltas) and refuses delta records in a version 2 file', async () => {
    const file = path.join(dir, 'v2.jsonl');
    const s = awkwardSnapshot();
    if (s.artifacts.samples.ok) s.artifacts.samples.value[1]!.offsets = { orders: { '0': { earliest: '0', latest: '12', stable: '10' } } };
    await writeSnapshotFile(file, s);
    const v3 = readFileSync(file, 'utf8');
    expect(v3).toContain('"offsetDeltas"');
    // The same data as a version 2 writer wrote it: the sample's offsets as strings.
    const v2 = v3
      .replace('"snapshotVersion":3', '"snapshotVersion":2')
      .replace('"offsetDeltas":[["orders",[[0,2,1]]]]', '"offsets":[["orders",[["0","12","10"]]]]')
      .replace('"groupOffsetDeltas":[["g1",{"orders":[9]}]]', '"groupOffsets":[["g1",{"orders":["12"]}]]');
    expect(v2).not.toMatch(/Deltas/);
    writeFileSync(file, v2);
    expect(await readSnapshotFile(file)).toEqual(s);
    writeFileSync(file, v3.replace('"snapshotVersion":3', '"snapshotVersion":2'));
    await expect(readSnapshotFile(file)).rejects.toThrow(/offset deltas need snapshot file version 3/);
    writeFileSync(file, v3.replace('"offsetDeltas":[["orders"', '"offsetDeltas":[["nosuch"'));
    await expect(readSnapshotFile(file)).rejects.toThrow(/:\d+: invalid snapshot record: offsets of nosuch-0: a delta needs the partition in the offsets artifact/);
  });

  it('still reads version 1 (one JSON document)', async () => {
    const s = makeSnapshot();
    const file = path.join(dir, 'v1.json');
    writeFileSync(file, JSON.stringify(s, null, 2));
    expect(await readSnapshotFile(file)).toEqual(s);
  });

  it('rejects a truncated file, a record that breaks the schema and a non-snapshot, naming file and line', async () => {
    const file = path.join(dir, 'b.jsonl');
    await writeSnapshotFile(file, awkwardSnapshot());
    const lines = readFileSync(file, 'utf8').trimEnd().split('\n');
    const truncated = path.join(dir, 'truncated.jsonl');
    writeFileSync(truncated, `${lines.slice(0, -1).join('\n')}\n`);
    await expect(readSnapshotFile(truncated)).rejects.toThrow(/truncated: no end record/);

    const bad = path.join(dir, 'bad.jsonl');
    const topicsLine = lines.findIndex((l) => l.startsWith('{"artifact":"topics","items"'));
    const broken = [...lines];
    broken[topicsLine] = broken[topicsLine]!.replace('[1,2,3]', '["1",2,3]');
    writeFileSync(bad, `${broken.join('\n')}\n`);
    const err = await readSnapshotFile(bad).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConfigError);
    expect((err as Error).message).toMatch(new RegExp(`^${bad.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}:${topicsLine + 1}: invalid snapshot record`));

    const header = path.join(dir, 'header.jsonl');
    writeFileSync(header, `${lines[0]!.replace('"snapshotVersion":3', '"snapshotVersion":4')}\n`);
    await expect(readSnapshotFile(header)).rejects.toThrow(/:1: not a kafka-readiness snapshot header/);

    const notJson = path.join(dir, 'not.json');
    writeFileSync(notJson, 'hello\n');
    await expect(readSnapshotFile(notJson)).rejects.toThrow(/not valid JSON/);
    await expect(readSnapshotFile(path.join(dir, 'missing.jsonl'))).rejects.toThrow(/cannot read snapshot \(ENOENT\)/);
  });
});
