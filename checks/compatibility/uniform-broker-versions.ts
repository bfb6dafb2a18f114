import { broker, defineCheck, pass, warn } from '../../src/sdk.js';

export default defineCheck({
  meta: {
    id: 'compatibility/uniform-broker-versions',
    area: 'compatibility',
    title: 'All brokers run the same release',
    failureTitle: 'Brokers run different releases',
    description:
      'Brokers that advertise different API ranges run different releases: a rolling upgrade is in progress or stalled. ' +
      'Clients negotiate per broker, so behaviour can differ by partition leader, and a half-upgraded cluster should not go live.',
    remediation: 'Finish (or roll back) the rolling upgrade so every broker runs the same version before launch.',
    references: [{ title: 'Kafka docs: Upgrading', url: 'https://kafka.apache.org/documentation/#upgrade' }],
    severity: 'medium',
    requires: ['apiVersions'],
  },
  evaluate({ apiVersions }) {
    const fingerprint = (apis: { key: number; min: number; max: number }[]) => apis.map((a) => `${a.key}:${a.min}-${a.max}`).join(',');
    const entries = Object.entries(apiVersions.brokers);
    const counts = new Map<string, number>();
    for (const [, b] of entries) counts.set(fingerprint(b.apis), (counts.get(fingerprint(b.apis)) ?? 0) + 1);
    const majority = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
    const reference = entries.find(([, b]) => fingerprint(b.apis) === majority)?.[1];
    return entries.map(([id, b]) => {
      const diff = b.apis
        .filter((a) => {
          const r = reference?.apis.find((x) => x.key === a.key);
          return !r || r.min !== a.min || r.max !== a.max;
        })
        .map((a) => `${a.name} v${a.min}-${a.max}`);
      const evidence = { observed: diff.length ? diff.slice(0, 10) : 'same API ranges as the majority', expected: 'same API ranges on every broker', details: { differences: diff.length } };
      return fingerprint(b.apis) === majority
        ? pass(broker(id), 'advertises the same API ranges as the other brokers', evidence)
        : warn(broker(id), `advertises ${diff.length} API range(s) that differ from the majority of brokers`, evidence);
    });
  },
});
