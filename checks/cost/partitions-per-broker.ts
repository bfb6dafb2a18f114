import { broker, defineCheck, fail, pass, warn } from '../../src/sdk.js';

export default defineCheck({
  meta: {
    id: 'cost/partitions-per-broker',
    area: 'cost',
    title: 'Partition replicas per broker stay within platform limits',
    description:
      'Every partition replica costs broker memory, file handles and controller work. Managed platforms publish limits per ' +
      'instance size (Amazon MSK: 1000 recommended / 1500 maximum for m5.large and m7g.large, 2000/3000 for 2xlarge, 4000/6000 for 4xlarge and up); ' +
      'above them, you pay for a bigger instance class or cannot update the cluster.',
    remediation: 'Delete unused topics, reduce over-partitioned ones, or size the brokers (options `recommended`/`maximum`) for the partition count.',
    references: [{ title: 'Amazon MSK: right-size your cluster — partitions per broker', url: 'https://docs.aws.amazon.com/msk/latest/developerguide/bestpractices.html' }],
    severity: 'medium',
    requires: ['topics', 'cluster'],
    defaultOptions: { recommended: 1000, maximum: 1500 },
  },
  evaluate({ topics, cluster }, { options }) {
    const count = new Map<number, number>(cluster.brokers.map((b) => [b.id, 0]));
    for (const t of topics) for (const p of t.partitions) for (const r of p.replicas) count.set(r, (count.get(r) ?? 0) + 1);
    return [...count.entries()].map(([id, n]) => {
      const evidence = { observed: n, expected: `<= ${options.recommended} (maximum ${options.maximum})` };
      if (n > options.maximum) return fail(broker(id), `${n} partition replicas exceed the maximum ${options.maximum}`, evidence);
      if (n > options.recommended) return warn(broker(id), `${n} partition replicas exceed the recommended ${options.recommended}`, evidence);
      return pass(broker(id), `${n} partition replicas`, evidence);
    });
  },
});
