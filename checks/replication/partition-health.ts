import { defineCheck, fail, numberConfig, partition, pass, warn } from '../../src/sdk.js';

export default defineCheck({
  meta: {
    id: 'replication/partition-health',
    area: 'replication',
    title: 'Partitions are online and fully in sync',
    failureTitle: 'Partitions are offline or out of sync',
    description:
      'An offline partition (no leader) accepts no reads or writes. A partition whose in-sync replica set is smaller than ' +
      'min.insync.replicas rejects acks=all writes; one that is merely under-replicated is one failure away from that.',
    remediation:
      'Find the brokers missing from the ISR (the evidence lists them), check they are running and not disk- or network-bound, ' +
      'and let them catch up before going live. For offline partitions restart the brokers that hold their replicas.',
    references: [{ title: 'Kafka docs: Monitoring — UnderReplicatedPartitions', url: 'https://kafka.apache.org/documentation/#monitoring' }],
    severity: 'critical',
    requires: ['topics', 'topicConfigs'],
  },
  evaluate({ topics, topicConfigs }) {
    const results = [];
    for (const t of topics) {
      const minIsr = numberConfig(topicConfigs[t.name], 'min.insync.replicas') ?? 1;
      for (const p of t.partitions) {
        const res = partition(t.name, p.partition);
        const missing = p.replicas.filter((r) => !p.isr.includes(r));
        const evidence = {
          observed: { leader: p.leader, isr: p.isr, replicas: p.replicas, offline: p.offline },
          expected: `leader present and ISR = replicas (min.insync.replicas ${minIsr})`,
          details: { missingFromIsr: missing },
        };
        if (p.leader < 0) {
          results.push(fail(res, 'offline: no leader, the partition accepts no reads or writes', evidence));
        } else if (p.isr.length < minIsr) {
          results.push(fail(res, `ISR ${p.isr.length} < min.insync.replicas ${minIsr}: acks=all writes are rejected`, evidence));
        } else if (missing.length > 0) {
          const atMin = p.isr.length === minIsr ? `; ISR is at min.insync.replicas ${minIsr}, one more failure blocks acks=all writes` : '';
          results.push(warn(res, `under-replicated: broker(s) ${missing.join(', ')} not in sync${atMin}`, evidence));
        } else {
          // No evidence on a pass: reports drop it, and at a million partitions building it is most of the cost.
          results.push(pass(res, 'online and fully in sync'));
        }
      }
    }
    return results;
  },
});
