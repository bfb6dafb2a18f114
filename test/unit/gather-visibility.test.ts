// The gather layer's visibility probes through a port double: what each answer turns into in the snapshot,
// and what the probes cost in requests.
import { describe, expect, it } from 'vitest';
import { KafkaRequestError, type ClusterClient, type MetadataResult } from '../../src/connect/port.js';
import { gatherSnapshot } from '../../src/gather/gather.js';
import { silentPort } from '../helpers/fake-port.js';

function client(opts: { clusterOps: string[]; topicProbe?: 'authorized' | 'denied' | 'throws'; groupProbe: 'authorized' | 'denied'; hiddenOnDisk?: string[] }): ClusterClient & { calls: Record<string, number>; probed: string[] } {
  const calls: Record<string, number> = {};
  const probed: string[] = [];
  const count = (n: string) => (calls[n] = (calls[n] ?? 0) + 1);
  const brokers = [1, 2].map((id) => ({ id, host: '127.0.0.1', port: 9000 + id, rack: null }));
  const metadata: MetadataResult = { clusterId: 'c', controllerId: 1, brokers, topics: [{ name: 'seen', id: 'i', internal: false, partitions: [{ partition: 0, leader: 1, leaderEpoch: 0, replicas: [1, 2], isr: [1, 2], offline: [] }] }] };
  return {
    ...silentPort(),
    calls,
    probed,
    connect: async () => (count('Metadata'), metadata),
    brokers: () => brokers,
    apiVersions: async () => ({ requestVersion: 4, apis: [], supportedFeatures: [], finalizedFeatures: [], finalizedFeaturesEpoch: null }),
    metadata: async () => metadata,
    describeCluster: async () => ({ clusterId: 'c', controllerId: 1, brokers, authorizedOperations: opts.clusterOps }),
    describeQuorum: async () => ({ leaderId: 1, leaderEpoch: 1, highWatermark: '1', voters: [], observers: [] }),
    describeConfigs: async (_b, resources) => resources.map((r) => ({ type: r.type, name: r.name, configs: {} })),
    describeAcls: async () => [],
    describeLogDirs: async () => [{ path: '/d', error: null, totalBytes: 10, usableBytes: 5, topics: Object.fromEntries(['seen', ...(opts.hiddenOnDisk ?? [])].map((t) => [t, { '0': 1 }])) }],
    listOffsets: async (_b, ts, parts) => parts.flatMap((t) => t.partitions.map((p) => ({ topic: t.topic, partition: p, offset: ts === -2 ? '0' : '5' }))),
    listGroups: async () => [],
    describeGroups: async (_b, ids) => {
      if (ids.length === 0) return []; // like the real port: no request for no groups
      count('DescribeGroups');
      probed.push(...ids);
      return ids.map((groupId) => ({ groupId, protocolType: '', state: 'Dead', members: [], ...(opts.groupProbe === 'denied' ? { error: 'GROUP_AUTHORIZATION_FAILED' } : {}) }));
    },
    consumerGroupDescribe: async () => [],
    offsetFetch: async () => [],
    describeClientQuotas: async () => [],
    describeScramUsers: async () => [],
    ...(opts.topicProbe
      ? {
          probeTopicDescribe: async (name: string) => {
            count('Metadata');
            probed.push(name);
            if (opts.topicProbe === 'throws') throw new KafkaRequestError('Metadata', 'timeout', 'Metadata timed out');
            return opts.topicProbe === 'denied' ? { authorized: false, code: 'TOPIC_AUTHORIZATION_FAILED' } : { authorized: true, code: 'UNKNOWN_TOPIC_OR_PARTITION' };
          },
        }
      : {}),
    requestCounts: () => ({ ...calls }),
    close: async () => {},
  };
}

const ctx = { toolVersion: 't', target: { bootstrap: ['x:1'], securityProtocol: 'SASL_PLAINTEXT', saslMechanism: 'SCRAM-SHA-512', principal: 'scanner' } };

describe('visibility probes in gather', () => {
  it('a super user or wildcard grant: every list complete, one extra Metadata request, no group probe', async () => {
    const c = client({ clusterOps: ['DESCRIBE', 'DESCRIBE_CONFIGS'], topicProbe: 'authorized', groupProbe: 'authorized' });
    const s = await gatherSnapshot(c, ctx);
    for (const a of ['topics', 'topicConfigs', 'offsets', 'groups', 'groupOffsets', 'samples'] as const) expect(s.artifacts[a].ok && s.artifacts[a].visibility?.status, a).toBe('complete');
    expect(c.calls).toMatchObject({ Metadata: 2 });
    expect(c.calls.DescribeGroups).toBeUndefined();
    expect(c.probed[0]).toMatch(/^kafka-readiness-visibility-probe-[0-9a-f]{8}$/);
  });

  it('no DESCRIBE on the Cluster and a denied group probe: groups and everything read from them possibly filtered', async () => {
    const c = client({ clusterOps: ['DESCRIBE_CONFIGS'], topicProbe: 'authorized', groupProbe: 'denied' });
    const s = await gatherSnapshot(c, ctx);
    expect(c.calls.DescribeGroups).toBe(1);
    expect(s.artifacts.groups.ok && s.artifacts.groups.visibility).toMatchObject({ status: 'possibly-filtered', reason: expect.stringMatching(/GROUP_AUTHORIZATION_FAILED/) });
    expect(s.artifacts.groupOffsets.ok && s.artifacts.groupOffsets.visibility?.status).toBe('possibly-filtered');
    expect(s.artifacts.topics.ok && s.artifacts.topics.visibility?.status).toBe('complete');
  });

  it('a denied topic probe, or (unverified by the probe) topics on disk that Metadata did not list: topics possibly filtered', async () => {
    const denied = await gatherSnapshot(client({ clusterOps: ['DESCRIBE'], topicProbe: 'denied', groupProbe: 'authorized' }), ctx);
    expect(denied.artifacts.topics.ok && denied.artifacts.topics.visibility).toMatchObject({ status: 'possibly-filtered', missingGrant: "DESCRIBE on Topic '*'" });
    const hidden = await gatherSnapshot(client({ clusterOps: ['DESCRIBE'], topicProbe: 'throws', groupProbe: 'authorized', hiddenOnDisk: ['payroll'] }), ctx);
    expect(hidden.artifacts.topics.ok && hidden.artifacts.topics.visibility?.reason).toMatch(/^1 topic\(s\) hold data/);
  });

  it('a probe that fails falls back on the log dirs; a port without the probe too', async () => {
    const failed = await gatherSnapshot(client({ clusterOps: ['DESCRIBE'], topicProbe: 'throws', groupProbe: 'authorized' }), ctx);
    expect(failed.artifacts.topics.ok && failed.artifacts.topics.visibility).toMatchObject({ status: 'complete', reason: expect.stringMatching(/log dirs/) });
    const noProbe = await gatherSnapshot(client({ clusterOps: ['DESCRIBE'], groupProbe: 'authorized', hiddenOnDisk: ['x'] }), ctx);
    expect(noProbe.artifacts.topics.ok && noProbe.artifacts.topics.visibility?.status).toBe('possibly-filtered');
  });
});
