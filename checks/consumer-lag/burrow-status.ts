import { BURROW_ORDER, burrowPartitionStatus, defineCheck, fail, group, lagSeries, notApplicable, pass, warn, windowMs, formatDuration, type BurrowStatus } from '../../src/sdk.js';

export default defineCheck({
  meta: {
    id: 'consumer-lag/burrow-status',
    area: 'consumer-lag',
    title: 'Consumer groups are making progress over the observation window',
    failureTitle: 'Consumer groups are stalled or falling behind',
    description:
      'A lag number alone says little: a group that is behind but catching up is fine, one that stopped is not. Over the ' +
      '`--observe` window each partition is evaluated with Burrow\'s rules — OK (caught up or moving), WARN (lag grows ' +
      'although the group commits), STALL (members commit but the offset does not move), STOP (no member, no progress) and ' +
      'REWIND (the committed offset went back). The group takes its worst partition\'s status.',
    remediation: 'STOP: start (or delete) the consumer. STALL: look for a poison record or a stuck handler. WARN: add consumers or speed up processing. REWIND: check for an offset reset.',
    references: [{ title: 'Burrow: consumer lag evaluation rules', url: 'https://github.com/linkedin/Burrow/wiki/Consumer-Lag-Evaluation-Rules' }],
    severity: 'high',
    requires: ['samples', 'groups'],
  },
  evaluate({ samples, groups }) {
    if (samples.length < 2) return notApplicable('needs an observation window: run with --observe <duration>');
    const last = samples[samples.length - 1]!;
    const results = [];
    for (const g of groups) {
      const committed = last.groupOffsets[g.groupId];
      if (!committed || Object.keys(committed).length === 0) continue;
      const hasMembers = samples.some((s) => (s.groupMembers[g.groupId] ?? 0) > 0);
      // One pass: the worst status and the partitions not OK (in order), without a record of every partition.
      let judged = 0;
      let status: BurrowStatus = 'OK';
      const notOk: [string, BurrowStatus, readonly { lag: bigint }[]][] = [];
      for (const [topicName, parts] of Object.entries(committed)) {
        for (const p of Object.keys(parts)) {
          const points = lagSeries(samples, g.groupId, topicName, p);
          const s = burrowPartitionStatus(points, hasMembers);
          if (!s) continue;
          judged++;
          if (BURROW_ORDER.indexOf(s) > BURROW_ORDER.indexOf(status)) status = s;
          if (s !== 'OK') notOk.push([`${topicName}-${p}`, s, points]);
        }
      }
      if (judged === 0) continue;
      const lagText = (points: readonly { lag: bigint }[]) => points.map((x) => String(x.lag)).join(' → ');
      const evidence = {
        observed: status,
        expected: 'OK',
        details: { window: formatDuration(windowMs(samples)), samples: samples.length, partitions: Object.fromEntries(notOk.slice(0, 20).map(([p, s]) => [p, s])), lag: Object.fromEntries(notOk.slice(0, 5).map(([p, , points]) => [p, lagText(points)])) },
      };
      const msg = `${status}: ${notOk.length} of ${judged} partition(s) not OK over ${formatDuration(windowMs(samples))}${notOk[0] ? ` (e.g. ${notOk[0][0]} lag ${lagText(notOk[0][2])})` : ''}`;
      if (status === 'OK') results.push(pass(group(g.groupId), `OK over ${formatDuration(windowMs(samples))}`, evidence));
      else if (status === 'WARN') results.push(warn(group(g.groupId), msg, evidence));
      else results.push(fail(group(g.groupId), msg, evidence));
    }
    return results.length ? results : notApplicable('no consumer group has committed offsets');
  },
});
