import { defineCheck, fail, group, notApplicable, pass } from '../../src/sdk.js';

export default defineCheck({
  meta: {
    id: 'consumer-lag/committed-below-log-start',
    area: 'consumer-lag',
    title: 'No group has lost records to retention',
    failureTitle: 'A group has lost records to retention',
    description:
      'When a group\'s committed offset is below the partition\'s log start offset, retention (or DeleteRecords) removed records ' +
      'the group had not consumed yet: those events were never processed. For benefit or permit events this is data loss to report.',
    remediation:
      'Find out which records were lost (offsets between the committed offset and the log start offset), replay them from the source system, ' +
      'then give the topic a retention longer than the longest consumer outage you must survive.',
    references: [{ title: 'Kafka docs: auto.offset.reset', url: 'https://kafka.apache.org/documentation/#consumerconfigs_auto.offset.reset' }],
    severity: 'critical',
    requires: ['groups', 'samples'],
  },
  evaluate({ groups, samples }) {
    // The newest sample: with --observe, retention may delete under a group during the window.
    const last = samples[samples.length - 1];
    if (!last) return notApplicable('no offset sample');
    const { groupOffsets, offsets } = last;
    const results = [];
    for (const g of groups) {
      const committed = groupOffsets[g.groupId];
      if (!committed || Object.keys(committed).length === 0) continue;
      const lost: { partition: string; committed: string; logStart: string; missed: string }[] = [];
      let compared = 0;
      for (const [topicName, parts] of Object.entries(committed)) {
        for (const [p, off] of Object.entries(parts)) {
          const start = offsets[topicName]?.[p]?.earliest;
          if (start === null || start === undefined) continue;
          compared++;
          if (BigInt(off) < BigInt(start)) lost.push({ partition: `${topicName}-${p}`, committed: off, logStart: start, missed: String(BigInt(start) - BigInt(off)) });
        }
      }
      if (compared === 0) continue;
      const evidence = { observed: lost.length ? lost.slice(0, 10) : 'every committed offset >= log start offset', expected: 'committed offset >= log start offset', details: { partitionsBehind: lost.length } };
      if (lost.length) {
        const missed = lost.reduce((s, l) => s + BigInt(l.missed), 0n);
        results.push(fail(group(g.groupId), `${missed} record(s) on ${lost.length} partition(s) were deleted before the group consumed them`, evidence));
      } else {
        results.push(pass(group(g.groupId), 'no committed offset is behind the log start', evidence));
      }
    }
    return results.length ? results : notApplicable('no consumer group has committed offsets');
  },
});
