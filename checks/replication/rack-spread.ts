import { broker, cluster, defineCheck, fail, isInternalTopic, pass, topic, unknown, warn } from '../../src/sdk.js';

export default defineCheck({
  meta: {
    id: 'replication/rack-spread',
    area: 'replication',
    title: 'Replicas are spread across racks (zones)',
    failureTitle: 'Replicas are not spread across racks (zones)',
    description:
      'Kafka only places replicas across failure domains when brokers declare `broker.rack`. If every replica of a partition ' +
      'sits in one zone, losing that zone loses the partition even with replication factor 3.',
    remediation:
      'Set `broker.rack` to the availability zone on every broker, then reassign partitions so each one has replicas in min(RF, zones) zones.',
    references: [{ title: 'Kafka docs: Balancing replicas across racks', url: 'https://kafka.apache.org/documentation/#basic_ops_racks' }],
    severity: 'high',
    requires: ['topics', 'cluster'],
  },
  evaluate({ topics, cluster: c }) {
    const rackOf = new Map(c.brokers.map((b) => [b.id, b.rack]));
    const racks = new Set(c.brokers.map((b) => b.rack).filter((r): r is string => !!r));
    const results = [];
    const unracked = c.brokers.filter((b) => !b.rack);
    if (racks.size === 0) {
      return c.brokers.length <= 1
        ? unknown('a single broker has no racks to spread over')
        : [fail(cluster(), 'no broker declares broker.rack: replica placement ignores zones', { observed: 'no racks', expected: 'broker.rack on every broker' })];
    }
    for (const b of unracked) {
      results.push(warn(broker(b.id), `broker ${b.id} has no broker.rack while others do`, { observed: null, expected: 'broker.rack set' }));
    }
    for (const t of topics) {
      if (t.partitions.length === 0) continue;
      const bad: string[] = [];
      let worst = Infinity;
      let wanted = 0;
      for (const p of t.partitions) {
        const spanned = new Set(p.replicas.map((r) => rackOf.get(r)).filter((r): r is string => !!r)).size;
        const want = Math.min(p.replicas.length, racks.size);
        wanted = Math.max(wanted, want);
        worst = Math.min(worst, spanned);
        if (spanned < want) bad.push(`${p.partition}`);
      }
      const evidence = { observed: `${worst} rack(s) for the worst partition`, expected: `${wanted} rack(s) (min(RF, ${racks.size} racks))`, details: { partitionsBelow: bad.slice(0, 20), count: bad.length } };
      if (bad.length > 0) {
        results.push((isInternalTopic(t) ? warn : fail)(topic(t.name), `${bad.length} partition(s) have replicas in fewer racks than they could`, evidence));
      } else {
        results.push(pass(topic(t.name), 'replicas spread over the available racks', evidence));
      }
    }
    return results;
  },
});
