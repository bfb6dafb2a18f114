import { broker, defineCheck, pass, warn } from '../../src/sdk.js';

export default defineCheck({
  meta: {
    id: 'replication/preferred-leader-balance',
    area: 'replication',
    title: 'Partition leadership sits on the preferred replicas',
    failureTitle: 'Partition leadership is off the preferred replicas',
    description:
      'Each partition has a preferred leader (the first replica). After restarts, leadership drifts to other brokers and ' +
      'piles up there: those brokers serve more produce and fetch traffic than planned while others idle. Kafka measures ' +
      'this per broker as the share of partitions it should lead but does not (`leader.imbalance.per.broker.percentage`, default 10 %).',
    remediation:
      'Run a preferred leader election (`kafka-leader-election.sh --election-type PREFERRED --all-topic-partitions`) and keep `auto.leader.rebalance.enable=true`.',
    references: [{ title: 'Kafka docs: Balancing leadership', url: 'https://kafka.apache.org/documentation/#basic_ops_leader_balancing' }],
    severity: 'low',
    requires: ['topics', 'cluster'],
    judges: [
      { config: 'leader.imbalance.per.broker.percentage', scope: 'broker', threshold: 'imbalance > 10 % per broker → warn (option maxImbalancePercent mirrors the Kafka default)', source: 'Kafka docs leader.imbalance.per.broker.percentage' },
    ],
    defaultOptions: { maxImbalancePercent: 10 },
    optionsSchema: { type: 'object', additionalProperties: false, properties: { maxImbalancePercent: { type: 'number', minimum: 0, maximum: 100 } } },
    notApplicableOn: { warpstream: 'agents are stateless; there are no partition leaders to balance' },
  },
  evaluate({ topics, cluster }, { options }) {
    const preferred = new Map<number, number>();
    const notLeading = new Map<number, number>();
    for (const t of topics) {
      for (const p of t.partitions) {
        const first = p.replicas[0];
        if (first === undefined) continue;
        preferred.set(first, (preferred.get(first) ?? 0) + 1);
        if (p.leader !== first) notLeading.set(first, (notLeading.get(first) ?? 0) + 1);
      }
    }
    return cluster.brokers
      .filter((b) => (preferred.get(b.id) ?? 0) > 0)
      .map((b) => {
        const total = preferred.get(b.id)!;
        const off = notLeading.get(b.id) ?? 0;
        const pct = Math.round((1000 * off) / total) / 10;
        const evidence = { observed: `${pct} % (${off} of ${total} preferred partitions led elsewhere)`, expected: `<= ${options.maxImbalancePercent} %` };
        return pct > options.maxImbalancePercent
          ? warn(broker(b.id), `leads ${total - off} of the ${total} partitions it is preferred for (${pct} % imbalance)`, evidence)
          : pass(broker(b.id), `${pct} % leader imbalance`, evidence);
      });
  },
});
