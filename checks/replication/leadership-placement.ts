import { cluster, defineCheck, isInternalTopic, notApplicable, pass, topic, warn, type ResourceResult } from '../../src/sdk.js';

export default defineCheck({
  meta: {
    id: 'replication/leadership-placement',
    area: 'replication',
    title: 'Partition leadership is spread over the brokers',
    failureTitle: 'Partition leadership is concentrated on one broker',
    description:
      'The leader of a partition takes all of its produce traffic and most of its fetch traffic. When every preferred ' +
      'leader of a topic sits on one broker, that broker carries the whole topic and leader balancing keeps putting it ' +
      'back there (`replication/preferred-leader-balance` passes, because leadership *is* on the preferred replicas). ' +
      'When most of the cluster\'s leaders sit on one broker, that broker is the bottleneck and its loss moves most ' +
      'leadership at once. Usually the result of hand-made replica assignments or of brokers added without a reassignment.',
    remediation:
      'Reassign the replicas so the first replica of each partition rotates over the brokers (`kafka-reassign-partitions.sh ' +
      '--generate`, or Cruise Control), then run a preferred leader election.',
    references: [
      { title: 'Kafka docs: Balancing leadership', url: 'https://kafka.apache.org/documentation/#basic_ops_leader_balancing' },
      { title: 'Kafka docs: Expanding your cluster (reassignment)', url: 'https://kafka.apache.org/documentation/#basic_ops_cluster_expansion' },
    ],
    severity: 'medium',
    requires: ['topics', 'cluster'],
    defaultOptions: { maxClusterLeaderSharePercent: 50, minPartitionsPerTopic: 2 },
    optionsSchema: { type: 'object', additionalProperties: false, properties: { maxClusterLeaderSharePercent: { type: 'number', minimum: 0, maximum: 100 }, minPartitionsPerTopic: { type: 'integer', minimum: 0 } } },
    notApplicableOn: { warpstream: 'agents are stateless; there are no partition leaders to place' },
  },
  evaluate({ topics, cluster: info }, { options }) {
    const brokers = info.brokers.map((b) => b.id);
    if (brokers.length < 2) return notApplicable('a single broker leads everything by definition');
    const results: ResourceResult[] = [];
    for (const t of topics) {
      if (isInternalTopic(t) || t.partitions.length < options.minPartitionsPerTopic) continue;
      // Plain loops, no intermediate arrays: this runs for every partition.
      const preferred = new Set<number>();
      const brokersUsed = new Set<number>();
      for (const p of t.partitions) {
        const first = p.replicas[0];
        if (first !== undefined) preferred.add(first);
        for (const r of p.replicas) brokersUsed.add(r);
      }
      // Only a topic whose replicas span several brokers could have spread its leaders.
      const spread = brokersUsed.size;
      if (spread < 2) continue;
      const evidence = { observed: { preferredLeaders: [...preferred].sort((a, b) => a - b), partitions: t.partitions.length, replicaBrokers: spread }, expected: 'preferred leaders on more than one broker' };
      results.push(
        preferred.size === 1
          ? warn(topic(t.name), `all ${t.partitions.length} preferred leaders are on broker ${[...preferred][0]}: it takes the whole topic's produce traffic`, evidence)
          : pass(topic(t.name), `preferred leaders on ${preferred.size} brokers`, evidence),
      );
    }
    // Cluster-wide: current leaders (today's load) and preferred leaders (where balancing takes it), user topics.
    const user = topics.filter((t) => !isInternalTopic(t));
    const total = user.reduce((n, t) => n + t.partitions.length, 0);
    // "Most" means more than the option, and never less than 1.5× an even share (2 brokers: 75 %).
    const limit = Math.max(options.maxClusterLeaderSharePercent, 150 / brokers.length);
    if (total >= brokers.length * 2) {
      for (const [label, pick] of [
        ['current leaders', (p: { leader: number }) => p.leader],
        ['preferred leaders', (p: { replicas: number[] }) => p.replicas[0] ?? -1],
      ] as const) {
        const count = new Map<number, number>();
        for (const t of user) for (const p of t.partitions) count.set(pick(p), (count.get(pick(p)) ?? 0) + 1);
        const [top, n] = [...count.entries()].filter(([b]) => b >= 0).sort((a, b) => b[1] - a[1])[0] ?? [-1, 0];
        const share = Math.round((1000 * n) / total) / 10;
        const evidence = { observed: `${share} % (${n} of ${total} partitions) on broker ${top}`, expected: `<= ${Math.round(limit * 10) / 10} % on any broker`, details: { perBroker: Object.fromEntries([...count].sort((a, b) => a[0] - b[0])) } };
        results.push(
          share > limit
            ? warn(cluster(label), `broker ${top} holds ${share} % of the ${label} of ${total} partitions`, evidence)
            : pass(cluster(label), `no broker holds more than ${share} % of the ${label}`, evidence),
        );
      }
    }
    return results;
  },
});
