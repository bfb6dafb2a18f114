import { defineCheck, fail, formatDuration, group, notApplicable, pass, warn, windowMs } from '../../src/sdk.js';

const REBALANCING = new Set(['PreparingRebalance', 'CompletingRebalance', 'Assigning', 'Reconciling']);

export default defineCheck({
  meta: {
    id: 'consumer-lag/rebalancing-groups',
    area: 'consumer-lag',
    title: 'No group is stuck rebalancing',
    failureTitle: 'A group is stuck rebalancing',
    description:
      'A group consumes nothing while it rebalances. One that is rebalancing in every sample of the observation window is ' +
      'stuck — typically a member that exceeds `max.poll.interval.ms`, or members that keep joining and leaving.',
    remediation: 'Check member logs for poll timeouts; raise `max.poll.interval.ms` or lower `max.poll.records`; use static membership (`group.instance.id`) for rolling restarts.',
    references: [{ title: 'Kafka docs: consumer max.poll.interval.ms', url: 'https://kafka.apache.org/documentation/#consumerconfigs_max.poll.interval.ms' }],
    severity: 'medium',
    requires: ['samples', 'groups'],
  },
  evaluate({ samples, groups }) {
    if (samples.length === 0 || groups.length === 0) return notApplicable('no consumer groups');
    return groups.map((g) => {
      const states = samples.map((s) => s.groupStates[g.groupId]).filter((x): x is string => !!x);
      const rebalancing = states.filter((s) => REBALANCING.has(s)).length;
      const evidence = { observed: states, expected: 'Stable or Empty in at least one sample' };
      if (states.length > 0 && rebalancing === states.length) {
        return samples.length >= 2
          ? fail(group(g.groupId), `rebalancing in all ${states.length} samples over ${formatDuration(windowMs(samples))}`, evidence)
          : warn(group(g.groupId), `rebalancing (${states[0]}) when sampled; observe to tell a stuck group from a passing rebalance`, evidence, 'low');
      }
      return pass(group(g.groupId), `state ${states[states.length - 1] ?? g.state}`, evidence);
    });
  },
});
