import { describe, expect, it, vi } from 'vitest';
import { KafkaRequestError, type ClusterClient, type MetadataResult } from '../../src/connect/port.js';
import { gatherSnapshot } from '../../src/gather/gather.js';
import { silentPort } from '../helpers/fake-port.js';

/** A port double that answers from memory and counts calls per method, like request counts per API. */
function fakeClient(topicCount: number, overrides: Partial<ClusterClient> = {}): ClusterClient & { calls: Record<string, number> } {
  const calls: Record<string, number> = {};
  const count = (name: string) => (calls[name] = (calls[name] ?? 0) + 1);
  const brokers = [1, 2, 3].map((id) => ({ id, host: '127.0.0.1', port: 9000 + id, rack: `r${id}` }));
  const topics = Array.from({ length: topicCount }, (_, i) => ({
    name: `t${i}`,
    id: `id${i}`,
    internal: false,
    partitions: [0, 1, 2].map((p) => ({ partition: p, leader: ((i + p) % 3) + 1, leaderEpoch: 0, replicas: [1, 2, 3], isr: [1, 2, 3], offline: [] })),
  }));
  const metadata: MetadataResult = { clusterId: 'c', controllerId: 1, brokers, topics };
  const client: ClusterClient & { calls: Record<string, number> } = {
    ...silentPort(),
    calls,
    connect: async () => (count('Metadata'), metadata),
    brokers: () => brokers,
    apiVersions: async () => (count('ApiVersions'), { requestVersion: 4, apis: [], supportedFeatures: [], finalizedFeatures: [], finalizedFeaturesEpoch: null }),
    metadata: async () => (count('Metadata'), metadata),
    describeCluster: async () => (count('DescribeCluster'), { clusterId: 'c', controllerId: 1, brokers, authorizedOperations: ['DESCRIBE'] }),
    describeQuorum: async () => (count('DescribeQuorum'), { leaderId: 1, leaderEpoch: 1, highWatermark: '1', voters: [], observers: [] }),
    describeConfigs: async (_b, resources) => (count('DescribeConfigs'), resources.map((r) => ({ type: r.type, name: r.name, configs: {} }))),
    describeAcls: async () => (count('DescribeAcls'), []),
    describeLogDirs: async () => (count('DescribeLogDirs'), [{ path: '/d', error: null, totalBytes: 10, usableBytes: 5, topics: {} }]),
    listOffsets: async (_b, ts, parts) => (count('ListOffsets'), parts.flatMap((t) => t.partitions.map((p) => ({ topic: t.topic, partition: p, offset: ts === -2 ? '0' : '5' })))),
    listGroups: async (b) => (count('ListGroups'), Array.from({ length: topicCount }, (_, i) => ({ groupId: `g${i}-b${b}`, protocolType: 'consumer', state: 'Stable', type: 'classic' }))),
    describeGroups: async (_b, ids) => (count('DescribeGroups'), ids.map((groupId) => ({ groupId, protocolType: 'consumer', state: 'Stable', members: [] }))),
    consumerGroupDescribe: async (_b, ids) => (ids.length ? count('ConsumerGroupDescribe') : 0, []),
    offsetFetch: async (_b, ids) => (count('OffsetFetch'), ids.map((groupId) => ({ groupId, offsets: { t0: { '0': '3' } } }))),
    describeClientQuotas: async () => (count('DescribeClientQuotas'), []),
    describeScramUsers: async () => (count('DescribeUserScramCredentials'), []),
    requestCounts: () => ({ ...calls }),
    close: async () => {},
    ...overrides,
  };
  return client;
}

const ctx = { toolVersion: 't', target: { bootstrap: ['x:1'], securityProtocol: 'PLAINTEXT', saslMechanism: null, principal: null } };

describe('gather', () => {
  it('sends the same number of requests for 10 and 500 topics (and as many groups)', async () => {
    const small = fakeClient(10);
    const large = fakeClient(500);
    const s1 = await gatherSnapshot(small, ctx);
    const s2 = await gatherSnapshot(large, ctx);
    // Only topic DescribeConfigs grows, with ceil(topics / 200): 3 broker + 1 for 10 topics, 3 + 3 for 500.
    expect({ ...large.calls, DescribeConfigs: 0 }).toEqual({ ...small.calls, DescribeConfigs: 0 });
    expect(large.calls.DescribeConfigs).toBe(3 + Math.ceil(500 / 200));
    expect(s2.stats.totalRequests).toBe(s1.stats.totalRequests + 2);
    // per broker: ApiVersions, broker DescribeConfigs, DescribeLogDirs, 3 ListOffsets (earliest, latest, last stable), ListGroups, DescribeGroups, OffsetFetch
    expect(small.calls).toMatchObject({ ApiVersions: 3, DescribeConfigs: 4, DescribeLogDirs: 3, ListOffsets: 9, ListGroups: 3, DescribeGroups: 3, OffsetFetch: 3, Metadata: 1 });
    expect(s2.artifacts.topicConfigs.ok && Object.keys(s2.artifacts.topicConfigs.value).length).toBe(500);
    expect(s2.artifacts.groups.ok && s2.artifacts.groups.value.length).toBe(1500);
    expect(s2.artifacts.offsets.ok && s2.artifacts.offsets.value['t499']!['2']).toEqual({ earliest: '0', latest: '5', stable: '5' });
  });

  it('turns a denied API into an artifact error with its reason and keeps the rest', async () => {
    const denied = new KafkaRequestError('DescribeConfigs', 'denied', 'DescribeConfigs failed with CLUSTER_AUTHORIZATION_FAILED', 'CLUSTER_AUTHORIZATION_FAILED');
    const client = fakeClient(2, {
      describeConfigs: async (b, resources) => {
        // Broker configs are denied; topic configs (sent to brokers in chunks since they are spread) are not.
        if (resources[0]?.type === 'broker') throw denied;
        return resources.map((r) => ({ type: r.type, name: r.name, configs: {} }));
      },
    });
    const s = await gatherSnapshot(client, ctx);
    expect(s.artifacts.brokerConfigs).toEqual({ ok: false, error: { reason: 'denied', message: denied.message, api: 'DescribeConfigs' } });
    expect(s.artifacts.topicConfigs.ok).toBe(true);
    expect(s.artifacts.topics.ok).toBe(true);
  });

  it('keeps answers of healthy brokers when one broker times out, naming it', async () => {
    const client = fakeClient(2, {
      describeLogDirs: async (b) => {
        if (b === 2) throw new KafkaRequestError('DescribeLogDirs', 'timeout', 'DescribeLogDirs timed out');
        return [{ path: '/d', error: null, totalBytes: 10, usableBytes: 5, topics: {} }];
      },
    });
    const s = await gatherSnapshot(client, ctx);
    expect(s.artifacts.logDirs.ok).toBe(true);
    if (s.artifacts.logDirs.ok) {
      expect(Object.keys(s.artifacts.logDirs.value)).toEqual(['1', '3']);
      expect(s.artifacts.logDirs.issues).toEqual([{ reason: 'timeout', api: 'DescribeLogDirs', message: 'broker 2: DescribeLogDirs timed out' }]);
    }
  });

  it('treats an empty DescribeLogDirs answer on a cluster with topics as denied', async () => {
    const s = await gatherSnapshot(fakeClient(2, { describeLogDirs: async () => [] }), ctx);
    expect(s.artifacts.logDirs).toMatchObject({ ok: false, error: { reason: 'denied' } });
  });

  it('spreads topic config chunks over the brokers, one request per broker in flight, and retries an unreachable broker\'s chunk elsewhere', async () => {
    const sentTo: (number | null)[] = [];
    let inFlight = 0;
    let maxInFlight = 0;
    const base = fakeClient(1000);
    const client = fakeClient(1000, {
      describeConfigs: async (b, resources) => {
        if (resources[0]?.type !== 'topic') return base.describeConfigs(b, resources);
        sentTo.push(b);
        inFlight++;
        maxInFlight = Math.max(maxInFlight, inFlight);
        await new Promise((r) => setTimeout(r, 5));
        inFlight--;
        if (b === 2) throw new KafkaRequestError('DescribeConfigs', 'unreachable', 'broker 2 unreachable');
        expect(resources.length).toBeLessThanOrEqual(200);
        return base.describeConfigs(b, resources);
      },
    });
    const s = await gatherSnapshot(client, ctx);
    // 5 chunks to brokers 1, 2, 3, 1, 2; the two of broker 2 retried on any broker (null).
    expect(sentTo.filter((b) => b !== null).sort()).toEqual([1, 1, 2, 2, 3]);
    expect(sentTo.filter((b) => b === null)).toHaveLength(2);
    expect(maxInFlight).toBeLessThanOrEqual(3);
    expect(s.artifacts.topicConfigs.ok && Object.keys(s.artifacts.topicConfigs.value).length).toBe(1000);
  });

  it('keeps observation samples an interval apart when the first pass overruns the first sample point', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(Date.parse('2026-11-22T12:00:00.000Z'));
      let slow = true;
      const base = fakeClient(3);
      const client = fakeClient(3, {
        listOffsets: async (b, ts, parts, iso) => {
          // The scan's own pass takes 6 s: past the first sample point of a 10 s window with 3 samples.
          if (slow) vi.setSystemTime(Date.now() + 6000);
          slow = false;
          return base.listOffsets(b, ts, parts, iso);
        },
      });
      const s = await gatherSnapshot(client, { ...ctx, observe: { windowMs: 10_000, samples: 3 }, sleep: async (ms) => void vi.setSystemTime(Date.now() + ms) });
      const at = s.artifacts.samples.ok ? s.artifacts.samples.value.map((x) => Date.parse(x.at)) : [];
      expect(at).toHaveLength(3);
      expect(at[2]! - at[1]!).toBeGreaterThanOrEqual(5000);
      expect(at[1]! - at[0]!).toBeGreaterThanOrEqual(5000);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('gather: CloudWatch through the metrics port', () => {
  const metrics = { clusterName: 'c', region: 'eu-west-1', windowStart: '2026-11-22T11:00:00.000Z', windowEnd: '2026-11-22T12:00:00.000Z', available: [], series: [], calls: { ListMetrics: 1 } };

  it('asks the port once when CloudWatch is requested and stores what it answers', async () => {
    let asked = 0;
    const s = await gatherSnapshot(fakeClient(1), { ...ctx, cloudwatch: { mskMetrics: async () => (asked++, metrics) } });
    expect(asked).toBe(1);
    expect(s.artifacts.cloudwatch).toEqual({ ok: true, value: metrics });
  });

  it('a port failure becomes the artifact error with its reason, the rest of the snapshot still lands', async () => {
    const denied = { mskMetrics: async () => Promise.reject(new KafkaRequestError('CloudWatch', 'denied', 'CloudWatch: not authorized to call ListMetrics')) };
    const s = await gatherSnapshot(fakeClient(1), { ...ctx, cloudwatch: denied });
    expect(s.artifacts.cloudwatch).toMatchObject({ ok: false, error: { reason: 'denied' } });
    expect(s.artifacts.topics.ok).toBe(true);
  });

  it('without a port the artifact is not-requested', async () => {
    const s = await gatherSnapshot(fakeClient(1), ctx);
    expect(s.artifacts.cloudwatch).toMatchObject({ ok: false, error: { reason: 'not-requested' } });
  });
});
