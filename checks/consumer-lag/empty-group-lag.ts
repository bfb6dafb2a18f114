import { defineCheck, formatDuration, group, lagSeries, notApplicable, pass, sampleHasPartition, warn, windowMs } from '../../src/sdk.js';

export default defineCheck({
  meta: {
    id: 'consumer-lag/empty-group-lag',
    area: 'consumer-lag',
    title: 'Groups without members are not silently falling behind',
    failureTitle: 'Groups without members are falling behind',
    description:
      'An Empty group has committed offsets but no running consumer. If its lag grows over the observation window, events ' +
      'meant for that service pile up unprocessed — a decommissioned service that should be deleted, or one that is down.',
    remediation: 'Restart the service, or delete the group (`kafka-consumer-groups.sh --delete --group …`) if the service is retired.',
    references: [{ title: 'Kafka docs: consumer groups', url: 'https://kafka.apache.org/documentation/#basic_ops_consumer_group' }],
    severity: 'medium',
    requires: ['samples', 'groups'],
  },
  evaluate({ samples, groups }) {
    if (samples.length < 2) return notApplicable('needs an observation window: run with --observe <duration>');
    const last = samples[samples.length - 1]!;
    const results = [];
    for (const g of groups) {
      const empty = samples.every((s) => (s.groupMembers[g.groupId] ?? 0) === 0);
      if (!empty) continue;
      const committed = last.groupOffsets[g.groupId] ?? {};
      let growth = 0n;
      let total = 0n;
      let known = 0;
      let unknown = 0;
      for (const [t, parts] of Object.entries(committed)) {
        for (const p of Object.keys(parts)) {
          const series = lagSeries(samples, g.groupId, t, p);
          if (series.length < 2) {
            if (samples.some((s) => !sampleHasPartition(s, t, p))) unknown++;
            continue;
          }
          known++;
          growth += series[series.length - 1]!.lag - series[0]!.lag;
          total += series[series.length - 1]!.lag;
        }
      }
      // Partitions a sample lacks (broker down mid-window) give no verdict: with none left, neither does the group.
      if (known === 0 && unknown > 0) continue;
      const evidence = { observed: { lag: String(total), growthOverWindow: String(growth) }, expected: 'no growth while the group has no member', details: { window: formatDuration(windowMs(samples)) } };
      results.push(growth > 0n ? warn(group(g.groupId), `no member, lag grew by ${growth} to ${total} over ${formatDuration(windowMs(samples))}`, evidence) : pass(group(g.groupId), 'no member, and its lag did not grow', evidence));
    }
    return results.length ? results : notApplicable('no group was empty for the whole window');
  },
});
