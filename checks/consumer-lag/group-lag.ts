import { defineCheck, fail, group, matchesAny, notApplicable, pass, warn } from '../../src/sdk.js';

export default defineCheck({
  meta: {
    id: 'consumer-lag/group-lag',
    area: 'consumer-lag',
    title: 'Consumer groups keep up with their topics',
    failureTitle: 'Consumer groups do not keep up with their topics',
    description:
      'Lag is the number of records between a group\'s committed offset and the end of the partition. A group far behind ' +
      'delays case processing and, on delete-policy topics, risks retention deleting records before they are read. ' +
      'This is a single sample; `--observe` (Burrow-style evaluation over a window) tells a group that is catching up from one that is stalled.',
    remediation: 'Scale the consumers (more instances, up to the partition count), fix a stuck consumer, or reset an abandoned group\'s offsets and delete it.',
    references: [{ title: 'Burrow: consumer lag evaluation rules', url: 'https://github.com/linkedin/Burrow/wiki/Consumer-Lag-Evaluation-Rules' }],
    severity: 'medium',
    requires: ['groups', 'groupOffsets', 'offsets'],
    // groupThresholds: per-group-pattern limits, first match wins, e.g. [{ groups: ["batch-*"], warnLag: 50000, failLag: 5000000 }].
    defaultOptions: { warnLag: 1000, failLag: 100000, ignoreGroups: [] as string[], groupThresholds: [] as { groups: string[]; warnLag?: number; failLag?: number }[] },
    optionsSchema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        warnLag: { type: 'number', minimum: 0 },
        failLag: { type: 'number', minimum: 0 },
        ignoreGroups: { type: 'array', items: { type: 'string' } },
        groupThresholds: {
          type: 'array',
          items: {
            type: 'object',
            additionalProperties: false,
            required: ['groups'],
            properties: {
              groups: { type: 'array', items: { type: 'string' } },
              warnLag: { type: 'number', minimum: 0 },
              failLag: { type: 'number', minimum: 0 },
            },
          },
        },
      },
    },
  },
  evaluate({ groups, groupOffsets, offsets }, { options }) {
    const results = [];
    for (const g of groups) {
      if (matchesAny(g.groupId, options.ignoreGroups)) continue;
      const rule = options.groupThresholds.find((t) => matchesAny(g.groupId, t.groups));
      const warnLag = rule?.warnLag ?? options.warnLag;
      const failLag = rule?.failLag ?? options.failLag;
      const committed = groupOffsets[g.groupId];
      if (!committed || Object.keys(committed).length === 0) continue;
      let total = 0;
      let max = 0;
      const perPartition: { partition: string; lag: number; committed: string; end: string }[] = [];
      for (const [topicName, parts] of Object.entries(committed)) {
        for (const [p, off] of Object.entries(parts)) {
          const end = offsets[topicName]?.[p]?.latest;
          if (end === null || end === undefined) continue;
          const lag = Math.max(0, Number(BigInt(end) - BigInt(off)));
          total += lag;
          max = Math.max(max, lag);
          perPartition.push({ partition: `${topicName}-${p}`, lag, committed: off, end });
        }
      }
      if (perPartition.length === 0) continue;
      perPartition.sort((a, b) => b.lag - a.lag);
      const evidence = {
        observed: { totalLag: total, maxPartitionLag: max },
        expected: `max partition lag < ${warnLag}${rule ? ` (groupThresholds ${rule.groups.join(', ')})` : ''}`,
        details: { state: g.state, members: g.members.length, worstPartitions: perPartition.slice(0, 5) },
      };
      if (max >= failLag) results.push(fail(group(g.groupId), `lag ${max} on ${perPartition[0]!.partition} (total ${total}); group is ${g.state}`, evidence));
      else if (max >= warnLag) results.push(warn(group(g.groupId), `lag ${max} on ${perPartition[0]!.partition} (total ${total}); group is ${g.state}`, evidence));
      else results.push(pass(group(g.groupId), `total lag ${total}`, evidence));
    }
    return results.length ? results : notApplicable('no consumer group has committed offsets');
  },
});
