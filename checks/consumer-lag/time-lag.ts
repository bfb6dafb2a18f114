import { defineCheck, estimateTimeLagMs, fail, formatDuration, group, notApplicable, pass, warn } from '../../src/sdk.js';

export default defineCheck({
  meta: {
    id: 'consumer-lag/time-lag',
    area: 'consumer-lag',
    title: 'Consumers are minutes, not hours, behind',
    failureTitle: 'Consumers are hours behind',
    description:
      'Time lag is how old the next record a group will read is: what a caseworker waiting for an event experiences. It is ' +
      'estimated from the observation window (when the log end passed the committed offset, interpolated between samples ' +
      'or extrapolated with the measured ingress rate), so it needs `--observe`.',
    remediation: 'Add consumers (up to the partition count), speed up processing, or fix the stopped consumer the burrow-status check names.',
    references: [{ title: 'Burrow: consumer lag evaluation rules', url: 'https://github.com/linkedin/Burrow/wiki/Consumer-Lag-Evaluation-Rules' }],
    severity: 'high',
    requires: ['samples', 'groups'],
    defaultOptions: { warnMs: 300_000, failMs: 1_800_000 },
    optionsSchema: { type: 'object', additionalProperties: false, properties: { warnMs: { type: 'number', minimum: 0 }, failMs: { type: 'number', minimum: 0 } } },
  },
  evaluate({ samples, groups }, { options }) {
    if (samples.length < 2) return notApplicable('needs an observation window: run with --observe <duration>');
    const last = samples[samples.length - 1]!;
    const results = [];
    for (const g of groups) {
      const committed = last.groupOffsets[g.groupId];
      if (!committed) continue;
      let worst: { partition: string; ms: number } | null = null;
      let unknownParts = 0;
      for (const [topicName, parts] of Object.entries(committed)) {
        for (const [p, off] of Object.entries(parts)) {
          const ms = estimateTimeLagMs(samples, topicName, p, BigInt(off));
          if (ms === null) unknownParts++;
          else if (!worst || ms > worst.ms) worst = { partition: `${topicName}-${p}`, ms };
        }
      }
      if (!worst) continue;
      const evidence = { observed: formatDuration(worst.ms), expected: `< ${formatDuration(options.warnMs)}`, details: { partition: worst.partition, timeLagMs: worst.ms, partitionsWithoutEstimate: unknownParts } };
      if (worst.ms >= options.failMs) results.push(fail(group(g.groupId), `${formatDuration(worst.ms)} behind on ${worst.partition}`, evidence));
      else if (worst.ms >= options.warnMs) results.push(warn(group(g.groupId), `${formatDuration(worst.ms)} behind on ${worst.partition}`, evidence));
      else results.push(pass(group(g.groupId), `at most ${formatDuration(worst.ms)} behind`, evidence));
    }
    return results.length ? results : notApplicable('no group lag could be estimated (no committed offsets or no ingress observed)');
  },
});
