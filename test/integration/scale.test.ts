// The request count of a scan depends on brokers and group coordinators, and on topics only through
// ceil(topics / 200) topic-config chunks: measured on the real cluster before and after growing it to 500 topics.
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
      // ListOffsets goes to each partition leader three times (earliest, latest, last stable): bounded by 3 × brokers, whatever the topic count.
      const leaders = (snap: typeof before) => new Set(snap.artifacts.topics.ok ? snap.artifacts.topics.value.flatMap((t) => t.partitions.map((p) => p.leader)).filter((l) => l >= 0) : []).size;
      expect(before.stats.requests.ListOffsets).toBe(3 * leaders(before));
      expect(after.stats.requests.ListOffsets).toBe(3 * leaders(after));
      expect(after.stats.requests.ListOffsets).toBeLessThanOrEqual(9);
      // DescribeConfigs: one per broker (broker configs) + ceil(topics / 200) topic chunks spread over the brokers.
      const brokers = (snap: typeof before) => (snap.artifacts.cluster.ok ? snap.artifacts.cluster.value.brokers.length : 0);
      expect(before.stats.requests.DescribeConfigs).toBe(brokers(before) + Math.ceil(topicsBefore / TOPIC_CONFIG_CHUNK));
      expect(after.stats.requests.DescribeConfigs).toBe(brokers(after) + Math.ceil(500 / TOPIC_CONFIG_CHUNK));
      const { ListOffsets: _b, DescribeConfigs: _cb, ...restBefore } = before.stats.requests;
      const { ListOffsets: _a, DescribeConfigs: _ca, ...restAfter } = after.stats.requests;
      expect(restAfter).toEqual(restBefore);
    } finally {
      await admin.deleteTopics({ topics: extra });
      // Leave the cluster as other test files expect it: wait until the deletions are visible.
      for (let i = 0; i < 60 && (await admin.listTopics()).some((t) => t.startsWith('scale.')); i++) await new Promise((r) => setTimeout(r, 500));
      await admin.close();
    }
  });
});
