// Topic and group names are the cluster's: `__proto__`, `constructor`, `hasOwnProperty` and `toString` are legal
// Kafka names. Every map keyed by such a name (gather, snapshot write and read, version 1 too) must hold them as
// ordinary entries: no prototype replaced, no Object member found for an absent name.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ClusterClient, MetadataResult } from '../../src/connect/port.js';
import { gatherSnapshot } from '../../src/gather/gather.js';
import { writeSnapshotFile } from '../../src/gather/snapshot-io.js';
import type { ConfigEntry, Snapshot } from '../../src/gather/snapshot.js';
import { readSnapshotFile } from '../../src/pipeline.js';
import { silentPort } from '../helpers/fake-port.js';

const NAMES = ['__proto__', 'constructor', 'hasOwnProperty', 'toString'];
const dir = mkdtempSync(path.join(tmpdir(), 'hostile-names-'));
const entry = (value: string, source: ConfigEntry['source']): ConfigEntry => ({ value, source, sensitive: false, readOnly: false, synonyms: [] });

/** A port double whose topics, groups, committed offsets and log dirs all use the hostile names. */
function hostileClient(): ClusterClient {
  const brokers = [1, 2, 3].map((id) => ({ id, host: '127.0.0.1', port: 9000 + id, rack: `r${id}` }));
  const topics = NAMES.map((name, i) => ({
    name,
    id: `id${i}`,
    internal: false,
    partitions: [0, 1].map((p) => ({ partition: p, leader: ((i + p) % 3) + 1, leaderEpoch: 0, replicas: [1, 2, 3], isr: [1, 2, 3], offline: [] })),
  }));
  const metadata: MetadataResult = { clusterId: 'c', controllerId: 1, brokers, topics };
  const perTopic = <V>(v: (t: string) => V): Record<string, V> => {
    const out = Object.create(null) as Record<string, V>;
    for (const t of NAMES) out[t] = v(t);
    return out;
  };
  return {
    ...silentPort(),
    connect: async () => metadata,
    brokers: () => brokers,
    apiVersions: async () => ({ requestVersion: 4, apis: [], supportedFeatures: [], finalizedFeatures: [], finalizedFeaturesEpoch: null }),
    metadata: async () => metadata,
    describeCluster: async () => ({ clusterId: 'c', controllerId: 1, brokers, authorizedOperations: ['DESCRIBE'] }),
    describeQuorum: async () => ({ leaderId: 1, leaderEpoch: 1, highWatermark: '1', voters: [], observers: [] }),
    describeConfigs: async (_b, resources) =>
      resources.map((r) => ({ type: r.type, name: r.name, configs: { 'retention.ms': entry(r.name === 'constructor' ? '1000' : '604800000', r.name === 'constructor' ? 'topic' : 'default'), 'cleanup.policy': entry('delete', 'default') } })),
    describeAcls: async () => [],
    describeLogDirs: async () => [{ path: '/d', error: null, totalBytes: 10, usableBytes: 5, topics: perTopic(() => ({ '0': 1, '1': 2 })) }],
    listOffsets: async (_b, ts, parts) => parts.flatMap((t) => t.partitions.map((p) => ({ topic: t.topic, partition: p, offset: ts === -2 ? '0' : '5' }))),
    listGroups: async (b) => (b === 1 ? NAMES.map((groupId) => ({ groupId, protocolType: 'consumer', state: 'Stable', type: 'classic' })) : []),
    describeGroups: async (_b, ids) => ids.map((groupId) => ({ groupId, protocolType: 'consumer', state: 'Stable', members: [{ memberId: 'm', clientId: 'c', clientHost: '/h', assignment: perTopic(() => [0, 1]) }] })),
    consumerGroupDescribe: async () => [],
    offsetFetch: async (_b, ids) => ids.map((groupId) => ({ groupId, offsets: perTopic(() => ({ '0': '3', '1': '4' })) })),
    describeClientQuotas: async () => [],
    describeScramUsers: async () => [],
    requestCounts: () => ({}),
    close: async () => {},
  };
}

const ctx = { toolVersion: 't', target: { bootstrap: ['x:1'], securityProtocol: 'PLAINTEXT', saslMechanism: null, principal: null } };

/** Every name-keyed map of the snapshot holds exactly the hostile names as own entries, and no more. */
function expectOrdinary(s: Snapshot): void {
  const a = s.artifacts;
  if (!a.topicConfigs.ok || !a.offsets.ok || !a.groupOffsets.ok || !a.logDirs.ok || !a.groups.ok || !a.samples.ok) throw new Error('an artifact failed');
  const sorted = [...NAMES].sort();
  const keys = (o: object) => Object.keys(o).sort();
  expect(keys(a.topicConfigs.value)).toEqual(sorted);
  expect(keys(a.offsets.value)).toEqual(sorted);
  expect(keys(a.groupOffsets.value)).toEqual(sorted);
  for (const name of NAMES) {
    expect(Object.hasOwn(a.topicConfigs.value, name)).toBe(true);
    expect(a.topicConfigs.value[name]!['cleanup.policy']!.value).toBe('delete');
    expect(a.offsets.value[name]!['1']).toMatchObject({ earliest: '0', latest: '5' });
    expect(keys(a.groupOffsets.value[name]!)).toEqual(sorted);
    expect(a.groupOffsets.value[name]![name]).toEqual({ '0': '3', '1': '4' });
    expect(keys(a.logDirs.value['1']![0]!.topics)).toEqual(sorted);
  }
  expect(a.topicConfigs.value['constructor']!['retention.ms']).toMatchObject({ value: '1000', source: 'topic' });
  // An absent name is absent: nothing inherited from Object.prototype.
  expect(a.topicConfigs.value['valueOf']).toBeUndefined();
  expect(a.offsets.value['valueOf']).toBeUndefined();
  expect(a.groupOffsets.value['__proto__']!['valueOf']).toBeUndefined();
  expect(a.groups.value.map((g) => g.groupId).sort()).toEqual(sorted);
  expect(keys(a.groups.value[0]!.members[0]!.assignment!)).toEqual(sorted);
  const first = a.samples.value[0]!;
  expect(keys(first.groupStates)).toEqual(sorted);
  expect(first.groupStates['__proto__']).toBe('Stable');
  expect(first.groupMembers['constructor']).toBe(1);
  expect(first.groupStates['valueOf']).toBeUndefined();
  // Nothing leaked into the shared prototype.
  expect(({} as Record<string, unknown>)['0']).toBeUndefined();
}

describe('topics and groups named __proto__, constructor, hasOwnProperty, toString', () => {
  it('gather keeps them as ordinary entries of every map', async () => {
    expectOrdinary(await gatherSnapshot(hostileClient(), ctx));
  });

  it('survive a snapshot file round trip (current version, with a later sample as deltas)', async () => {
    const s = await gatherSnapshot(hostileClient(), ctx);
    if (!s.artifacts.samples.ok || !s.artifacts.offsets.ok || !s.artifacts.groupOffsets.ok) throw new Error('samples');
    const later = Object.create(null) as Record<string, Record<string, { earliest: string; latest: string }>>;
    const laterGroups = Object.create(null) as Record<string, Record<string, Record<string, string>>>;
    for (const t of NAMES) {
      later[t] = { '0': { earliest: '0', latest: '9' }, '1': { earliest: '0', latest: '9' } };
      laterGroups[t] = Object.create(null) as Record<string, Record<string, string>>;
      for (const u of NAMES) laterGroups[t]![u] = { '0': '7', '1': '8' };
    }
    const first = s.artifacts.samples.value[0]!;
    s.artifacts.samples.value.push({ at: '2026-12-01T00:00:05.000Z', offsets: later, groupOffsets: laterGroups, groupStates: first.groupStates, groupMembers: first.groupMembers, partial: { partitions: Object.fromEntries([['__proto__', [1]]]), reason: 'r' } });
    const file = path.join(dir, 'hostile.jsonl');
    await writeSnapshotFile(file, s);
    const back = await readSnapshotFile(file);
    expectOrdinary(back);
    expect(back).toEqual(s);
    const second = back.artifacts.samples.ok ? back.artifacts.samples.value[1]! : null;
    expect(Object.keys(second!.offsets).sort()).toEqual([...NAMES].sort());
    expect(second!.offsets['__proto__']!['0']!.latest).toBe('9');
    expect(second!.groupOffsets['__proto__']!['constructor']).toEqual({ '0': '7', '1': '8' });
    expect(Object.keys(second!.partial!.partitions)).toEqual(['__proto__']);
  });

  it('a config named __proto__ stays a config entry through write and read', async () => {
    const s = await gatherSnapshot(hostileClient(), ctx);
    if (!s.artifacts.topicConfigs.ok) throw new Error('configs');
    const withProto = s.artifacts.topicConfigs.value['toString']!;
    Object.defineProperty(withProto, '__proto__', { value: entry('odd', 'topic'), enumerable: true, writable: true, configurable: true });
    const file = path.join(dir, 'proto-config.jsonl');
    await writeSnapshotFile(file, s);
    const back = await readSnapshotFile(file);
    const map = back.artifacts.topicConfigs.ok ? back.artifacts.topicConfigs.value['toString']! : {};
    expect(Object.hasOwn(map, '__proto__')).toBe(true);
    expect(map['__proto__']!.value).toBe('odd');
    expect(Object.getPrototypeOf(map)).toBe(Object.prototype);
    expect(map['cleanup.policy']!.value).toBe('delete');
  });

  it('a version 1 file (one JSON document) reads them as ordinary entries too', async () => {
    const s = await gatherSnapshot(hostileClient(), ctx);
    s.snapshotVersion = 1;
    const file = path.join(dir, 'hostile-v1.json');
    writeFileSync(file, JSON.stringify(s));
    const back = await readSnapshotFile(file);
    expectOrdinary(back);
  });
});
