import { defineCheck, formatDuration, group, notApplicable, numberConfig, pass, unknown, warn, windowMs } from '../../src/sdk.js';

export default defineCheck({
  meta: {
    id: 'governance/deprecated-groups',
    area: 'governance',
    title: 'Consumer groups without members are reviewed for deprecation',
    failureTitle: 'Consumer groups have no members and their offsets will expire: review for deprecation',
    description:
      'A group with committed offsets but no member is either a stopped application or a leftover. Kafka deletes its ' +
      'offsets `offsets.retention.minutes` after it became empty (KIP-211); when its consumer comes back later it starts ' +
      'from `auto.offset.reset`, skipping or replaying data. Kafka does not report when a group became empty, so the ' +
      'retention is the longest the offsets can still live. Judged over `--observe`: a group is named only when it had ' +
      'no member in every sample and its committed offsets did not move, since one empty moment is also a batch ' +
      'consumer between runs. Named for review (info severity: shown, weighs nothing in the score), not failed.',
    remediation: 'Confirm with the owner (`governance/group-ownership`) whether the application is retired; delete retired groups (`kafka-consumer-groups.sh --delete --group …`), restart the ones still needed before their offsets expire.',
    references: [
      { title: 'KIP-211: Revise expiration semantics of consumer group offsets', url: 'https://cwiki.apache.org/confluence/display/KAFKA/KIP-211%3A+Revise+Expiration+Semantics+of+Consumer+Group+Offsets' },
      { title: 'Kafka docs: offsets.retention.minutes', url: 'https://kafka.apache.org/documentation/#brokerconfigs_offsets.retention.minutes' },
    ],
    severity: 'info',
    requires: ['groups', 'groupOffsets', 'brokerConfigs', 'samples'],
    judges: [{ config: 'offsets.retention.minutes', scope: 'broker', threshold: 'a group without members keeps its offsets at most this long → named for review', source: 'KIP-211' }],
  },
  evaluate({ groups, groupOffsets, brokerConfigs, samples }) {
    if (samples.length < 2) return notApplicable('needs an observation window: run with --observe <duration>');
    const minutes = Object.values(brokerConfigs)
      .map((c) => numberConfig(c, 'offsets.retention.minutes'))
      .filter((m): m is number => m !== null);
    if (minutes.length === 0) return unknown('offsets.retention.minutes is not reported by any broker');
    const retention = formatDuration(Math.min(...minutes) * 60_000);
    const window = formatDuration(windowMs(samples));
    const first = samples[0]!;
    const last = samples[samples.length - 1]!;
    const results = [];
    for (const g of groups) {
      // Share and streams groups keep no consumer offsets of this kind; groups in error were not described.
      if (g.error || (g.type !== 'classic' && g.type !== 'consumer')) continue;
      const topicsWithOffsets = Object.keys(groupOffsets[g.groupId] ?? {}).sort();
      if (topicsWithOffsets.length === 0) continue;
      // A group a sample did not list cannot be said to have stayed empty: it is left out, not named.
      const membersPerSample = samples.map((s) => s.groupMembers[g.groupId]);
      const offsetsMoved = JSON.stringify(first.groupOffsets[g.groupId] ?? {}) !== JSON.stringify(last.groupOffsets[g.groupId] ?? {});
      const evidence = {
        observed: { state: g.state, members: g.members.length, membersPerSample, offsetsMoved, topicsWithOffsets },
        expected: 'members consuming, or the group deleted',
        config: 'offsets.retention.minutes',
        details: { offsetsRetention: retention, window },
      };
      if (g.members.length > 0 || membersPerSample.some((m) => m !== undefined && m > 0) || offsetsMoved) {
        results.push(pass(group(g.groupId), 'members or commits during the window', evidence));
      } else if (membersPerSample.every((m) => m === 0)) {
        results.push(warn(group(g.groupId), `no members and no commits over ${window}; its offsets on ${topicsWithOffsets.length} topic(s) expire at most ${retention} after it became empty`, evidence));
      }
    }
    return results;
  },
});
