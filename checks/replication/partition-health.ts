import { defineCheck, fail, numberConfig, pass, topic, warn } from '../../src/sdk.js';

type State = 'offline' | 'under-min-isr' | 'under-replicated';

export default defineCheck({
  meta: {
    id: 'replication/partition-health',
    area: 'replication',
    title: 'Partitions are online and fully in sync',
    failureTitle: 'Partitions are offline or out of sync',
    description:
      'An offline partition (no leader) accepts no reads or writes. A partition whose in-sync replica set is smaller than ' +
      'min.insync.replicas rejects acks=all writes; one that is merely under-replicated is one failure away from that. ' +
      'Judged per topic: one finding names every affected partition of the topic.',
    remediation:
      'Find the brokers missing from the ISR (the evidence lists them), check they are running and not disk- or network-bound, ' +
      'and let them catch up before going live. For offline partitions restart the brokers that hold their replicas.',
    references: [{ title: 'Kafka docs: Monitoring — UnderReplicatedPartitions', url: 'https://kafka.apache.org/documentation/#monitoring' }],
    severity: 'critical',
    requires: ['topics', 'topicConfigs'],
  },
  evaluate({ topics, topicConfigs }) {
    // One result per topic, not per partition: a broker down puts thousands of partitions out of sync, and one
    // finding per topic (its partitions listed in the evidence, capped in reports) says the same at a report
    // size that grows with topics. The full per-partition state stays in the snapshot.
    const results = [];
    for (const t of topics) {
      const minIsr = numberConfig(topicConfigs[t.name], 'min.insync.replicas') ?? 1;
      const bad: Bad[] = [];
      const count = { offline: 0, 'under-min-isr': 0, 'under-replicated': 0 };
      for (const p of t.partitions) {
        let state: State | undefined;
        if (p.leader < 0) state = 'offline';
        else if (p.isr.length < minIsr) state = 'under-min-isr';
        else if (p.isr.length < p.replicas.length || p.replicas.some((r) => !p.isr.includes(r))) state = 'under-replicated';
        if (!state) continue;
        const missing = p.replicas.filter((r) => !p.isr.includes(r));
        count[state]++;
        bad.push({ partition: p.partition, state, leader: p.leader, isr: p.isr, replicas: p.replicas, missingFromIsr: missing });
      }
      if (bad.length === 0) {
        results.push(pass(topic(t.name), `${t.partitions.length} partition(s) online and fully in sync`));
        continue;
      }
      const parts: string[] = [];
      if (count.offline) parts.push(`${count.offline} offline (no leader: no reads or writes)`);
      if (count['under-min-isr']) parts.push(`${count['under-min-isr']} with ISR below min.insync.replicas ${minIsr} (acks=all writes are rejected)`);
      if (count['under-replicated']) {
        const first = bad.find((b) => b.state === 'under-replicated')!;
        const atMin = first.isr.length === minIsr ? `; ISR at min.insync.replicas ${minIsr}, one more failure blocks acks=all writes` : '';
        parts.push(`${count['under-replicated']} under-replicated (e.g. partition ${first.partition}: broker(s) ${first.missingFromIsr.join(', ')} not in sync${atMin})`);
      }
      const message = `${bad.length} of ${t.partitions.length} partition(s) unhealthy: ${parts.join(', ')}`;
      const evidence = {
        observed: { offline: count.offline, underMinIsr: count['under-min-isr'], underReplicated: count['under-replicated'] },
        expected: `every partition has a leader and ISR = replicas (min.insync.replicas ${minIsr})`,
        details: { partitions: groupAlike(bad) },
      };
      results.push(count.offline || count['under-min-isr'] ? fail(topic(t.name), message, evidence) : warn(topic(t.name), message, evidence));
    }
    return results;
  },
});

type Bad = { partition: number; state: State; leader: number; isr: number[]; replicas: number[]; missingFromIsr: number[] };

/**
 * Partitions in the same state with the same leader, ISR and replicas share one evidence entry listing their
 * numbers (a topic on a lost broker repeats one row per partition otherwise); first-seen order is kept.
 */
function groupAlike(bad: Bad[]): { partitions: number[]; state: State; leader: number; isr: number[]; replicas: number[]; missingFromIsr: number[] }[] {
  const byKey = new Map<string, { partitions: number[]; state: State; leader: number; isr: number[]; replicas: number[]; missingFromIsr: number[] }>();
  for (const b of bad) {
    const key = `${b.state}|${b.leader}|${b.isr.join(',')}|${b.replicas.join(',')}`;
    const entry = byKey.get(key);
    if (entry) entry.partitions.push(b.partition);
    else byKey.set(key, { partitions: [b.partition], state: b.state, leader: b.leader, isr: b.isr, replicas: b.replicas, missingFromIsr: b.missingFromIsr });
  }
  return [...byKey.values()];
}
