import { broker, defineCheck, fail, pass, warn } from '../../src/sdk.js';

// Amazon MSK partitions per broker (replicas included): recommended / maximum for updates (MSK best practices).
const MSK_LIMITS: Record<string, { recommended: number; maximum: number }> = {
  'kafka.t3.small': { recommended: 300, maximum: 300 },
  'kafka.m5.large': { recommended: 1000, maximum: 1500 },
  'kafka.m7g.large': { recommended: 1000, maximum: 1500 },
  'kafka.m5.xlarge': { recommended: 1000, maximum: 1500 },
  'kafka.m7g.xlarge': { recommended: 1000, maximum: 1500 },
  'kafka.m5.2xlarge': { recommended: 2000, maximum: 3000 },
  'kafka.m7g.2xlarge': { recommended: 2000, maximum: 3000 },
};

function mskLimits(instanceType: string): { recommended: number; maximum: number } | null {
  const t = instanceType.startsWith('kafka.') ? instanceType : `kafka.${instanceType}`;
  if (MSK_LIMITS[t]) return MSK_LIMITS[t]!;
  // 4xlarge and larger share the top limits.
  if (/^kafka\.(m5|m7g)\.(4|8|12|16|24)xlarge$/.test(t)) return { recommended: 4000, maximum: 6000 };
  return null;
}

export default defineCheck({
  meta: {
    id: 'cost/partitions-per-broker',
    area: 'cost',
    title: 'Partition replicas per broker stay within platform limits',
    failureTitle: 'Partition replicas per broker exceed platform limits',
    description:
      'Every partition replica costs broker memory, file handles and controller work. Managed platforms publish limits per ' +
      'instance size (Amazon MSK: 1000 recommended / 1500 maximum for m5.large and m7g.large, 2000/3000 for 2xlarge, 4000/6000 for 4xlarge and up); ' +
      'above them, you pay for a bigger instance class or cannot update the cluster.',
    remediation: 'Delete unused topics, reduce over-partitioned ones, or size the brokers (options `recommended`/`maximum`) for the partition count.',
    references: [{ title: 'Amazon MSK: right-size your cluster — partitions per broker', url: 'https://docs.aws.amazon.com/msk/latest/developerguide/bestpractices.html' }],
    severity: 'medium',
    requires: ['topics', 'cluster'],
    defaultOptions: { recommended: 1000, maximum: 1500, instanceType: '' },
    optionsSchema: { type: 'object', additionalProperties: false, properties: { recommended: { type: 'integer', minimum: 0 }, maximum: { type: 'integer', minimum: 0 }, instanceType: { type: 'string' } } },
  },
  evaluate({ topics, cluster }, { options }) {
    const limits = options.instanceType ? mskLimits(options.instanceType) : { recommended: options.recommended, maximum: options.maximum };
    if (!limits) return [fail({ kind: 'config', name: 'instanceType' }, `unknown MSK instance type "${options.instanceType}" (known: ${Object.keys(MSK_LIMITS).join(', ')}, and *.4xlarge and larger)`, { observed: options.instanceType, expected: 'an MSK broker instance type' })];
    const count = new Map<number, number>(cluster.brokers.map((b) => [b.id, 0]));
    for (const t of topics) for (const p of t.partitions) for (const r of p.replicas) count.set(r, (count.get(r) ?? 0) + 1);
    return [...count.entries()].map(([id, n]) => {
      const evidence = { observed: n, expected: `<= ${limits.recommended} (maximum ${limits.maximum})`, details: options.instanceType ? { instanceType: options.instanceType } : {} };
      if (n > limits.maximum) return fail(broker(id), `${n} partition replicas exceed the maximum ${limits.maximum}`, evidence);
      if (n > limits.recommended) return warn(broker(id), `${n} partition replicas exceed the recommended ${limits.recommended}`, evidence);
      return pass(broker(id), `${n} partition replicas`, evidence);
    });
  },
});
