// Faults in the gather layer: a request the broker will never answer is not sent when permissions already say
// it is denied; a sample that lost a broker says which partitions it lacks and the trends of those partitions
// are unknown; and the adapter leaves no socket behind when a broker stops answering during connection set-up.
import { createServer, type Socket } from 'node:net';
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/config/readiness.js';
import { Secret } from '../../src/connect/options.js';
import { PlatformaticClusterClient } from '../../src/connect/platformatic.js';
import { KafkaRequestError, type ClusterClient, type MetadataResult } from '../../src/connect/port.js';
import { evaluateChecks } from '../../src/engine/evaluate.js';
import type { RegisteredCheck } from '../../src/engine/registry.js';
import { gatherSnapshot } from '../../src/gather/gather.js';
import { ingressRate, lagSeries, partialPartitions } from '../../src/sdk.js';
import { builtInChecks } from '../../checks/index.js';
import { silentPort } from '../helpers/fake-port.js';

const ctx = { toolVersion: 't', target: { bootstrap: ['x:1'], securityProtocol: 'PLAINTEXT', saslMechanism: null, principal: null } };
const never = <T>() => new Promise<T>(() => {});

/** An in-memory port: 3 brokers, topics t0..t2 with partitions led by brokers 1..3; `down` brokers fail ListOffsets. */
function fakeClient(opts: { ops?: string[] | null; down?: () => number[]; offset?: () => number } = {}): ClusterClient & { calls: Record<string, number> } {
  const calls: Record<string, number> = {};
  const count = (name: string) => (calls[name] = (calls[name] ?? 0) + 1);
  const brokers = [1, 2, 3].map((id) => ({ id, host: '127.0.0.1', port: 9000 + id, rack: `r${id}` }));
  const topics = [0, 1, 2].map((i) => ({
    name: `t${i}`,
    id: `id${i}`,
    internal: false,
    partitions: [0, 1, 2].map((p) => ({ partition: p, leader: ((i + p) % 3) + 1, leaderEpoch: 0, replicas: [1, 2, 3], isr: [1, 2, 3], offline: [] })),
  }));
  const metadata: MetadataResult = { clusterId: 'c', controllerId: 1, brokers, topics };
  return {
    ...silentPort(),
    calls,
    connect: async () => (count('Metadata'), metadata),
    brokers: () => brokers,
    apiVersions: async () => ({ requestVersion: 4, apis: [], supportedFeatures: [], finalizedFeatures: [], finalizedFeaturesEpoch: null }),
    metadata: async () => metadata,
    describeCluster: async () => ({ clusterId: 'c', controllerId: 1, brokers, authorizedOperations: opts.ops === undefined ? ['DESCRIBE'] : opts.ops }),
    describeQuorum: async () => ({ leaderId: 1, leaderEpoch: 1, highWatermark: '1', voters: [], observers: [] }),
    describeConfigs: async (_b, resources) => resources.map((r) => ({ type: r.type, name: r.name, configs: {} })),
    describeAcls: async () => [],
    describeLogDirs: async () => [{ path: '/d', error: null, totalBytes: 10, usableBytes: 5, topics: {} }],
    listOffsets: async (b, ts, parts) => {
      count('ListOffsets');
      if (opts.down?.().includes(b)) throw new KafkaRequestError('ListOffsets', 'unreachable', `broker ${b} (127.0.0.1:${9000 + b}) unreachable: ECONNREFUSED`);
      const latest = String(opts.offset?.() ?? 5);
      return parts.flatMap((t) => t.partitions.map((p) => ({ topic: t.topic, partition: p, offset: ts === -2 ? '0' : latest })));
    },
    listGroups: async (b) => (b === 1 ? [{ groupId: 'g', protocolType: 'consumer', state: 'Empty', type: 'classic' }] : []),
    describeGroups: async (_b, ids) => ids.map((groupId) => ({ groupId, protocolType: 'consumer', state: 'Empty', members: [] })),
    consumerGroupDescribe: async () => [],
    offsetFetch: async (_b, ids) => ids.map((groupId) => ({ groupId, offsets: { t0: { '0': '1', '1': '1', '2': '1' } } })),
    describeClientQuotas: async () => [],
    // Kafka 4.1 never answers this for a principal without DESCRIBE on the Cluster.
    describeScramUsers: async () => (count('DescribeUserScramCredentials'), opts.ops && !opts.ops.includes('DESCRIBE') && !opts.ops.includes('ALL') ? never() : []),
    requestCounts: () => ({ ...calls }),
    close: async () => {},
  };
}

describe('request isolation in gather', () => {
  it('does not send DescribeUserScramCredentials when the principal lacks DESCRIBE on the Cluster, and reports it denied', async () => {
    const client = fakeClient({ ops: [] });
    const t0 = Date.now();
    const s = await gatherSnapshot(client, ctx);
    expect(Date.now() - t0).toBeLessThan(2000);
    expect(client.calls.DescribeUserScramCredentials).toBeUndefined();
    expect(s.artifacts.scramUsers).toEqual({
      ok: false,
      error: {
        reason: 'denied',
        api: 'DescribeUserScramCredentials',
        message: 'not sent: DescribeUserScramCredentials needs DESCRIBE on the Cluster, which this principal lacks (DescribeCluster: authorized operations none)',
      },
    });
    expect(s.artifacts.topics.ok && s.artifacts.offsets.ok && s.artifacts.groups.ok).toBe(true);
  });

  it('sends it when the principal may DESCRIBE the Cluster or the operations are unknown', async () => {
    for (const ops of [['DESCRIBE', 'ALTER'], ['ALL'], null]) {
      const client = fakeClient({ ops });
      const s = await gatherSnapshot(client, ctx);
      expect(client.calls.DescribeUserScramCredentials, String(ops)).toBe(1);
      expect(s.artifacts.scramUsers).toEqual({ ok: true, value: [] });
    }
  });
});

describe('partial samples (--observe with a broker lost mid-window)', () => {
  async function observeLosingBroker2() {
    let sample = 0;
    const client = fakeClient({ down: () => (sample >= 2 ? [2] : []), offset: () => 5 + sample * 10 });
    const s = await gatherSnapshot(client, {
      ...ctx,
      observe: { windowMs: 2000, samples: 3 },
      now: () => new Date(Date.UTC(2026, 0, 1) + sample * 1000),
      sleep: async () => {
        sample++;
      },
    });
    return s;
  }

  it('marks the samples that lack partitions, naming them and the broker', async () => {
    const s = await observeLosingBroker2();
    expect(s.artifacts.samples.ok).toBe(true);
    if (!s.artifacts.samples.ok) return;
    const [first, second, third] = s.artifacts.samples.value;
    expect(first!.partial).toBeUndefined();
    expect(second!.partial).toBeUndefined();
    // Broker 2 leads t0-1, t1-0 and t2-2.
    expect(third!.partial).toEqual({ partitions: { t0: [1], t1: [0], t2: [2] }, reason: expect.stringMatching(/broker 2: broker 2 \(127\.0\.0\.1:9002\) unreachable: ECONNREFUSED/) });
    expect(s.artifacts.samples.issues).toHaveLength(1);
    expect(s.artifacts.samples.issues![0]).toMatchObject({ reason: 'unreachable', api: 'ListOffsets', message: expect.stringMatching(/^sample 3 at .* is partial: no offsets for 3 partition\(s\) \(t0-1, t1-0, t2-2\): /) });
    expect(partialPartitions(s.artifacts.samples.value)).toEqual(['t0-1', 't1-0', 't2-2']);
  });

  it('treats the missing partitions as unknown: no rate, no lag trend, never a pass', async () => {
    const s = await observeLosingBroker2();
    if (!s.artifacts.samples.ok) throw new Error('samples');
    const samples = s.artifacts.samples.value;
    // Topic t0 lost partition 1 in the last sample: its rate would otherwise drop by a third.
    expect(ingressRate(samples, 't0')).toBeNull();
    expect(ingressRate(samples, 't0', '0')).toBeGreaterThan(0);
    expect(lagSeries(samples, 'g', 't0', '1')).toEqual([]);
    expect(lagSeries(samples, 'g', 't0', '0')).toHaveLength(3);

    const registry: RegisteredCheck[] = builtInChecks.map((check) => ({ check, origin: 'built-in' }));
    const results = evaluateChecks(s, registry, defaultConfig());
    const idle = results.find((r) => r.id === 'cost/idle-topics')!;
    // Every topic lost a partition in the last sample: none is judged idle or active from half the data.
    expect(idle.status).toBe('unknown');
    expect(idle.partial?.[0]).toMatch(/samples: 1 part\(s\) unreadable, e\.g\. sample 3 at .* is partial/);
    for (const r of results.filter((x) => x.partial?.some((p) => p.startsWith('samples:')))) {
      for (const f of r.findings) expect(['t0-1', 't1-0', 't2-2', 't0', 't1', 't2']).not.toContain(f.resource.name);
    }
  });
});

describe('the adapter leaves nothing running', () => {
  it('ends the socket of a broker that stops answering during SASL set-up (request timeout < connect timeout)', async () => {
    // A SIGSTOP'd broker: the kernel accepts the connection, nobody ever answers or closes it.
    const held: Socket[] = [];
    const server = createServer({ allowHalfOpen: true }, (sock) => {
      held.push(sock);
      sock.on('error', () => {});
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    const port = (server.address() as { port: number }).port;
    const sockets = () => process.getActiveResourcesInfo().filter((r) => r === 'TCPSocketWrap').length;
    const before = sockets();
    const client = new PlatformaticClusterClient({
      bootstrap: [`127.0.0.1:${port}`],
      securityProtocol: 'SASL_PLAINTEXT',
      sasl: { mechanism: 'PLAIN', username: 'u', password: new Secret('p') },
      clientId: 'test',
      connectTimeoutMs: 5000,
      requestTimeoutMs: 300,
    });
    const t0 = Date.now();
    await expect(client.connect()).rejects.toThrow(/cannot connect to the cluster/);
    await client.close();
    const elapsed = Date.now() - t0;
    // Give the destroyed handles a turn of the event loop to go away.
    await new Promise((r) => setTimeout(r, 50));
    try {
      expect(elapsed).toBeLessThan(4000);
      // Only the server's own end of the connection is left.
      expect(held).toHaveLength(1);
      expect(sockets()).toBe(before + held.length);
    } finally {
      for (const s of held) s.destroy();
      server.close();
    }
  });
});
