import { defineCheck, fail, numberConfig, pass, warn, type ResourceResult } from '../../src/sdk.js';

export default defineCheck({
  meta: {
    id: 'replication/zone-loss',
    area: 'replication',
    title: 'Losing any one zone keeps every partition writable',
    failureTitle: 'Losing one zone leaves partitions offline or unwritable',
    description:
      'A zone (rack) outage takes every broker in it down at once. This simulation removes each rack\'s brokers from the ' +
      'current in-sync replica sets and lists the partitions that would go offline (no in-sync replica left), stop accepting ' +
      'acks=all writes (fewer in-sync replicas than min.insync.replicas) or become under-replicated. Without racks, each ' +
      'broker is simulated as its own zone.',
    remediation:
      'Spread every partition\'s replicas over at least min.insync.replicas + 1 zones (RF 3 over 3 zones with min.insync.replicas 2), ' +
      'set `broker.rack` on every broker, and reassign the partitions the simulation names.',
    references: [
      { title: 'Kafka docs: Balancing replicas across racks', url: 'https://kafka.apache.org/documentation/#basic_ops_racks' },
      { title: 'AWS: Zone impairment in Amazon MSK', url: 'https://docs.aws.amazon.com/msk/latest/developerguide/bestpractices.html' },
    ],
    severity: 'critical',
    requires: ['topics', 'topicConfigs', 'cluster'],
    defaultOptions: { maxListed: 1000 },
    optionsSchema: { type: 'object', additionalProperties: false, properties: { maxListed: { type: 'integer', minimum: 0 } } },
    notApplicableOn: { automq: 'data lives on shared storage; a zone loss moves partitions instead of losing replicas', warpstream: 'data lives in object storage; agents are stateless' },
  },
  evaluate({ topics, topicConfigs, cluster }, { options }) {
    const racked = cluster.brokers.some((b) => b.rack);
    const zones = new Map<string, number[]>();
    for (const b of cluster.brokers) {
      const zone = racked ? b.rack ?? `(no rack: broker ${b.id})` : `broker ${b.id}`;
      zones.set(zone, [...(zones.get(zone) ?? []), b.id]);
    }
    const results: ResourceResult[] = [];
    // min.insync.replicas read once per topic, not once per topic and zone.
    const minIsrs = topics.map((t) => numberConfig(topicConfigs[t.name], 'min.insync.replicas') ?? 1);
    for (const [zone, brokerIds] of [...zones.entries()].sort(([a], [b]) => a.localeCompare(b))) {
      const lost = new Set(brokerIds);
      // Counted in full, named only up to maxListed: the evidence shows no more (a zone holds a third of all partitions).
      // At least one each: the message names the first.
      const max = Math.max(options.maxListed, 1);
      const offline: string[] = [];
      const writesBlocked: string[] = [];
      const underReplicated: string[] = [];
      let offlineCount = 0;
      let writesBlockedCount = 0;
      let underReplicatedCount = 0;
      for (let ti = 0; ti < topics.length; ti++) {
        const t = topics[ti]!;
        const minIsr = minIsrs[ti]!;
        for (const p of t.partitions) {
          if (!p.replicas.some((r) => lost.has(r))) continue;
          let isrLeft = 0;
          for (const r of p.isr) if (!lost.has(r)) isrLeft++;
          if (underReplicatedCount++ < max) underReplicated.push(`${t.name}-${p.partition}`);
          if (isrLeft === 0) {
            if (offlineCount++ < max) offline.push(`${t.name}-${p.partition}`);
          } else if (isrLeft < minIsr) {
            if (writesBlockedCount++ < max) writesBlocked.push(`${t.name}-${p.partition}`);
          }
        }
      }
      const cap = (xs: string[]) => xs.slice(0, options.maxListed);
      const evidence = {
        observed: { offline: offlineCount, writesBlocked: writesBlockedCount, underReplicated: underReplicatedCount },
        expected: 'no partition offline or below min.insync.replicas',
        details: { brokers: brokerIds, offline: cap(offline), writesBlocked: cap(writesBlocked), underReplicated: cap(underReplicated) },
      };
      const res = { kind: 'zone', name: zone };
      if (offlineCount || writesBlockedCount) {
        const parts = [offlineCount ? `${offlineCount} partition(s) offline (e.g. ${offline[0]})` : '', writesBlockedCount ? `${writesBlockedCount} refusing acks=all writes (e.g. ${writesBlocked[0]})` : '']
          .filter(Boolean)
          .join(', ');
        results.push(fail(res, `losing ${zone} (brokers ${brokerIds.join(', ')}) leaves ${parts}`, evidence));
      } else if (zones.size === 1) {
        results.push(warn(res, `all brokers are in ${zone}: losing it takes the whole cluster down`, evidence));
      } else {
        results.push(pass(res, `losing ${zone} leaves every partition writable (${underReplicatedCount} under-replicated)`, evidence));
      }
    }
    return results;
  },
});
