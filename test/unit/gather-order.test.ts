// The gather's fan-out sends its requests in a fixed order with fixed concurrency, and reports progress and
// timings per artifact. This pins both, so a change to how the fan-out is declared cannot change what goes on
// the wire (the request-count formula itself is pinned by gather.test.ts and test/integration/scale.test.ts).
import { describe, expect, it } from 'vitest';
import type { ClusterClient, MetadataResult } from '../../src/connect/port.js';
import { type GatherEvent, gatherSnapshot } from '../../src/gather/gather.js';
import type { CloudWatchArtifact, ProbeArtifact } from '../../src/model/snapshot.js';
import { silentPort } from '../helpers/fake-port.js';

/** A port double that logs each request as it is sent (method and broker) and as it completes. */
function recordingClient(log: string[], ops: string[] = ['DESCRIBE']): ClusterClient {
  const brokers = [1, 2].map((id) => ({ id, host: '127.0.0.1', port: 9000 + id, rack: null }));
  const topics = Array.from({ length: 3 }, (_, i) => ({
    name: `t${i}`,
    id: `id${i}`,
    internal: false,
    partitions: [0, 1].map((p) => ({ partition: p, leader: ((i + p) % 2) + 1, leaderEpoch: 0, replicas: [1, 2], isr: [1, 2], offline: [] })),
  }));
  const metadata: MetadataResult = { clusterId: 'c', controllerId: 1, brokers, topics };
  // Each answer waits a macrotask, so requests sent in one pass are all sent before any answer arrives.
  const send = async <T>(what: string, value: T): Promise<T> => {
    log.push(`> ${what}`);
    await new Promise((r) => setTimeout(r, 1));
    log.push(`< ${what}`);
    return value;
  };
  return {
    ...silentPort(),
    connect: () => send('Metadata', metadata),
    brokers: () => brokers,
    apiVersions: (b) => send(`ApiVersions ${b}`, { requestVersion: 4, apis: [], supportedFeatures: [], finalizedFeatures: [], finalizedFeaturesEpoch: null }),
    metadata: () => send('Metadata', metadata),
    describeCluster: () => send('DescribeCluster', { clusterId: 'c', controllerId: 1, brokers, authorizedOperations: ops }),
    describeQuorum: () => send('DescribeQuorum', { leaderId: 1, leaderEpoch: 1, highWatermark: '1', voters: [], observers: [] }),
    describeConfigs: (b, resources) => send(`DescribeConfigs ${b} ${resources.map((r) => `${r.type}:${r.name}`).join(',')}`, resources.map((r) => ({ type: r.type, name: r.name, configs: {} }))),
    describeAcls: () => send('DescribeAcls', []),
    describeLogDirs: (b) => send(`DescribeLogDirs ${b}`, [{ path: '/d', error: null, totalBytes: 10, usableBytes: 5, topics: {} }]),
    listOffsets: (b, ts, parts, iso) =>
      send(
        `ListOffsets ${b} ${ts} ${iso ?? ''}`,
        parts.flatMap((t) => t.partitions.map((p) => ({ topic: t.topic, partition: p, offset: ts === -2 ? '0' : '5' }))),
      ),
    listGroups: (b) => send(`ListGroups ${b}`, [{ groupId: `g-b${b}`, protocolType: 'consumer', state: 'Stable', type: 'classic' }]),
    describeGroups: (b, ids) => send(`DescribeGroups ${b} ${ids.join(',').replace(/probe-[0-9a-f]{8}$/, 'probe-X')}`, ids.map((groupId) => ({ groupId, protocolType: 'consumer', state: 'Stable', members: [] }))),
    consumerGroupDescribe: (b, ids) => send(`ConsumerGroupDescribe ${b} ${ids.join(',')}`, []),
    offsetFetch: (b, ids) => send(`OffsetFetch ${b} ${ids.join(',')}`, ids.map((groupId) => ({ groupId, offsets: {} }))),
    probeTopicDescribe: (name) => send(`probeTopic ${name.replace(/[0-9a-f]{8}$/, 'X')}`, { authorized: false, code: 'TOPIC_AUTHORIZATION_FAILED' }),
    describeClientQuotas: () => send('DescribeClientQuotas', []),
    describeScramUsers: () => send('DescribeUserScramCredentials', []),
    requestCounts: () => ({}),
    close: async () => {},
  };
}

const target = { bootstrap: ['x:1'], securityProtocol: 'PLAINTEXT', saslMechanism: null, principal: null };

async function run(ops: string[], extra: { cloudwatch?: boolean; probe?: boolean; observe?: boolean } = {}) {
  const log: string[] = [];
  const events: string[] = [];
  const lines: string[] = [];
  const snapshot = await gatherSnapshot(recordingClient(log, ops), {
    target,
    toolVersion: 't',
    now: () => new Date('2026-01-01T00:00:00.000Z'),
    log: (l) => lines.push(l.replace(/\d+ ms$/, 'N ms')),
    progress: (e: GatherEvent) => events.push(e.type === 'wait' ? `wait ${e.sample}/${e.of}` : `${e.type} ${e.name}`),
    sleep: async () => {},
    ...(extra.observe ? { observe: { windowMs: 10, samples: 2 } } : {}),
    ...(extra.cloudwatch ? { cloudwatch: { mskMetrics: async () => (log.push('> CloudWatch'), { calls: { ListMetrics: 1 } } as unknown as CloudWatchArtifact) } } : {}),
    ...(extra.probe
      ? {
          probe: async (seen: { topicConfigs: unknown; brokerConfigs: unknown; apiVersions: unknown }) => {
            log.push(`> probe ${Object.keys(seen).join(',')}`);
            return {} as ProbeArtifact;
          },
        }
      : {}),
  });
  return { log, events, lines, snapshot };
}

describe('gather fan-out order', () => {
  it('sends requests in the same order, and reports progress and timings per artifact', async () => {
    const { log, events, lines, snapshot } = await run(['DESCRIBE'], { cloudwatch: true, probe: true, observe: true });
    expect(log).toMatchSnapshot();
    expect(events).toMatchSnapshot();
    expect(lines).toMatchSnapshot();
    expect(Object.keys(snapshot.stats.artifactMs)).toMatchSnapshot();
    expect(Object.keys(snapshot.artifacts)).toMatchSnapshot();
  });

  it('without Cluster DESCRIBE: SCRAM users are not asked for, a group probe is sent', async () => {
    const { log, events } = await run(['DESCRIBE_CONFIGS']);
    expect(log).toMatchSnapshot();
    expect(events).toMatchSnapshot();
  });
});
