// The request count of a scan depends on brokers, partition leaders, connections and group coordinators, and on
// topics only through ceil(topics / 200) topic-config chunks: measured on the real cluster before and after
// growing it to 500 topics, against the formula in docs/architecture.md.
import { Admin } from '@platformatic/kafka';
import { describe, expect, it } from 'vitest';
import { buildConnectionOptions } from '../../src/commands/connection.js';
import { TOPIC_CONFIG_CHUNK } from '../../src/gather/gather.js';
import { gatherFromCluster } from '../../src/pipeline.js';
import { cluster } from './cluster-context.js';

const c = cluster();

describe('request count stays flat as topics grow', () => {
  it('sends the same requests per API for ~10 and 500 topics, but for ceil(topics / 200) topic-config chunks', async () => {
    const conn = buildConnectionOptions({ commandConfig: c.adminProps });
    const before = await gatherFromCluster(conn);
    const topicsBefore = before.artifacts.topics.ok ? before.artifacts.topics.value.length : 0;

    const admin = new Admin({
      clientId: 'readiness-scale-test',
      bootstrapBrokers: c.saslBootstrap.split(','),
      sasl: { mechanism: 'SCRAM-SHA-512', username: c.admin.username, password: c.admin.password },
      timeout: 60_000,
    });
    const extra = Array.from({ length: 500 - topicsBefore }, (_, i) => `scale.t${String(i).padStart(3, '0')}`);
    try {
      for (let i = 0; i < extra.length; i += 100) {
        await admin.createTopics({ topics: extra.slice(i, i + 100), partitions: 1, replicas: 1 });
      }
      // Creation is committed to the metadata log first; wait until every broker serves all 500 topics.
      for (let i = 0; i < 60 && (await admin.listTopics({ includeInternals: true })).length < 500; i++) await new Promise((r) => setTimeout(r, 500));
      await new Promise((r) => setTimeout(r, 1000));
      const after = await gatherFromCluster(conn);
      const topicsAfter = after.artifacts.topics.ok ? after.artifacts.topics.value.length : 0;
      process.stderr.write(
        `[scale] ${topicsBefore} topics: ${before.stats.totalRequests} requests (${before.stats.durationMs} ms); ` +
          `${topicsAfter} topics: ${after.stats.totalRequests} requests (${after.stats.durationMs} ms)\n` +
          `[scale] per API before ${JSON.stringify(before.stats.requests)}\n[scale] per API after  ${JSON.stringify(after.stats.requests)}\n`,
      );
      expect(topicsAfter).toBe(500);
      expect(after.artifacts.topicConfigs.ok && Object.keys(after.artifacts.topicConfigs.value).length).toBe(500);
      expect(after.artifacts.offsets.ok && Object.keys(after.artifacts.offsets.value).length).toBe(500);
      // The documented formula (docs/architecture.md, "Requests per scan"), per API. B brokers; each API that goes
      // to every broker or partition leader is bounded by B whatever the topic count; only topic configs follow T.
      const brokers = (snap: typeof before) => (snap.artifacts.cluster.ok ? snap.artifacts.cluster.value.brokers.length : 0);
      const leaders = (snap: typeof before) => new Set(snap.artifacts.topics.ok ? snap.artifacts.topics.value.flatMap((t) => t.partitions.map((p) => p.leader)).filter((l) => l >= 0) : []).size;
      const formula = (snap: typeof before, topics: number) => {
        const b = brokers(snap);
        // One connection per broker (the bootstrap connection serves its broker) plus one each for the two
        // isolated request families (DescribeUserScramCredentials, DescribeQuorum); SCRAM authenticates in two
        // round trips per connection.
        const connections = b + 2;
        return {
          ApiVersions: b,
          Metadata: 2, // cluster metadata + the visibility probe for an unknown topic
          DescribeCluster: 1,
          DescribeQuorum: 1,
          DescribeAcls: 1,
          DescribeClientQuotas: 1,
          DescribeUserScramCredentials: 1,
          DescribeConfigs: b + Math.ceil(topics / TOPIC_CONFIG_CHUNK),
          DescribeLogDirs: b,
          ListOffsets: 3 * leaders(snap), // earliest, latest, last stable: at most 3B
          ListGroups: b,
          SaslHandshake: connections,
          SaslAuthenticate: 2 * connections,
        };
      };
      // Group APIs go to each group coordinator (C <= B): the same before and after.
      const GROUP_APIS = ['DescribeGroups', 'ConsumerGroupDescribe', 'OffsetFetch'];
      const split = (requests: Record<string, number>) => ({
        fixed: Object.fromEntries(Object.entries(requests).filter(([k]) => !GROUP_APIS.includes(k))),
        groups: Object.fromEntries(Object.entries(requests).filter(([k]) => GROUP_APIS.includes(k))),
      });
      expect(brokers(before)).toBe(3);
      expect(split(before.stats.requests).fixed).toEqual(formula(before, topicsBefore));
      expect(split(after.stats.requests).fixed).toEqual(formula(after, 500));
      expect(after.stats.requests.ListOffsets).toBeLessThanOrEqual(9);
      expect(split(after.stats.requests).groups).toEqual(split(before.stats.requests).groups);
      for (const n of Object.values(split(after.stats.requests).groups)) expect(n).toBeLessThanOrEqual(brokers(after));
    } finally {
      await admin.deleteTopics({ topics: extra });
      // Leave the cluster as other test files expect it: wait until the deletions are visible.
      for (let i = 0; i < 60 && (await admin.listTopics()).some((t) => t.startsWith('scale.')); i++) await new Promise((r) => setTimeout(r, 500));
      await admin.close();
    }
  });
});
