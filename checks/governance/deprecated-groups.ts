import { defineCheck, formatDuration, group, numberConfig, pass, unknown, warn } from '../../src/sdk.js';

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
      'retention is the longest the offsets can still live. Named for review (info severity: shown, weighs nothing in the score), not failed.',
    remediation: 'Confirm with the owner (`governance/group-ownership`) whether the application is retired; delete retired groups (`kafka-consumer-groups.sh --delete --group …`), restart the ones still needed before their offsets expire.',
    references: [
      { title: 'KIP-211: Revise expiration semantics of consumer group offsets', url: 'https://cwiki.apache.org/confluence/display/KAFKA/KIP-211%3A+Revise+Expiration+Semantics+of+Consumer+Group+Offsets' },
      { title: 'Kafka docs: offsets.retention.minutes', url: 'https://kafka.apache.org/documentation/#brokerconfigs_offsets.retention.minutes' },
    ],
    severity: 'info',
    requires: ['groups', 'groupOffsets', 'brokerConfigs'],
    judges: [{ config: 'offsets.retention.minutes', scope: 'broker', threshold: 'a group without members keeps its offsets at most this long → named for review', source: 'KIP-211' }],
  },
  evaluate({ groups, groupOffsets, brokerConfigs }) {
    const minutes = Object.values(brokerConfigs)
      .map((c) => numberConfig(c, 'offsets.retention.minutes'))
      .filter((m): m is number => m !== null);
    if (minutes.length === 0) return unknown('offsets.retention.minutes is not reported by any broker');
    const retention = formatDuration(Math.min(...minutes) * 60_000);
    const results = [];
    for (const g of groups) {
      // Share and streams groups keep no consumer offsets of this kind; groups in error were not described.
      if (g.error || (g.type !== 'classic' && g.type !== 'consumer')) continue;
      const topicsWithOffsets = Object.keys(groupOffsets[g.groupId] ?? {}).sort();
      if (topicsWithOffsets.length === 0) continue;
      const evidence = { observed: { state: g.state, members: g.members.length, topicsWithOffsets }, expected: 'members consuming, or the group deleted', config: 'offsets.retention.minutes', details: { offsetsRetention: retention } };
      if (g.members.length > 0) results.push(pass(group(g.groupId), `${g.members.length} member(s)`, evidence));
      else results.push(warn(group(g.groupId), `no members; its offsets on ${topicsWithOffsets.length} topic(s) expire at most ${retention} after it became empty`, evidence));
    }
    return results;
  },
});
