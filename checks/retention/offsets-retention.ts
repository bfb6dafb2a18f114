import { defineCheck, formatDuration, numberConfig, pass, readConfig, topic, unknown, warn } from '../../src/sdk.js';

export default defineCheck({
  meta: {
    id: 'retention/offsets-retention',
    area: 'retention',
    title: 'Committed offsets outlive the data they point into',
    description:
      'Kafka forgets a group\'s committed offsets `offsets.retention.minutes` after the group became empty. If a consumed ' +
      'topic keeps data longer than that, a consumer that was down for a while restarts from `auto.offset.reset` — ' +
      'reprocessing everything or skipping to the end — although the data it had not read is still there.',
    remediation:
      'Raise `offsets.retention.minutes` on the brokers to at least the longest retention of a consumed topic (or the replay window you promise).',
    references: [{ title: 'Kafka docs: offsets.retention.minutes', url: 'https://kafka.apache.org/documentation/#brokerconfigs_offsets.retention.minutes' }],
    severity: 'medium',
    requires: ['brokerConfigs', 'topicConfigs', 'groupOffsets'],
  },
  evaluate({ brokerConfigs, topicConfigs, groupOffsets }) {
    const minutes = Object.values(brokerConfigs)
      .map((c) => numberConfig(c, 'offsets.retention.minutes'))
      .filter((n): n is number => n !== null);
    if (minutes.length === 0) return unknown('offsets.retention.minutes not reported by any broker');
    const offsetsMs = Math.min(...minutes) * 60_000;
    const firstBroker = Object.entries(brokerConfigs)[0];
    const source = firstBroker ? readConfig(firstBroker[1], 'offsets.retention.minutes').source : 'unknown';
    const consumed = new Set<string>();
    for (const topics of Object.values(groupOffsets)) for (const t of Object.keys(topics)) consumed.add(t);
    const results = [];
    for (const name of [...consumed].sort()) {
      const configs = topicConfigs[name];
      if (!configs || name.startsWith('__')) continue;
      const retention = numberConfig(configs, 'retention.ms');
      const policy = readConfig(configs, 'cleanup.policy').value ?? 'delete';
      if (retention === null) continue;
      const longer = retention < 0 || policy.includes('compact') || retention > offsetsMs;
      const evidence = {
        observed: { 'offsets.retention.minutes': offsetsMs / 60_000, 'retention.ms': retention, 'cleanup.policy': policy },
        expected: 'offsets retention >= topic retention',
        config: 'offsets.retention.minutes',
        source,
      };
      if (longer) {
        results.push(warn(topic(name), `committed offsets expire after ${formatDuration(offsetsMs)} but data is kept ${retention < 0 || policy.includes('compact') ? 'indefinitely' : formatDuration(retention)}`, evidence));
      } else {
        results.push(pass(topic(name), `offsets retention ${formatDuration(offsetsMs)} covers the topic retention ${formatDuration(retention)}`, evidence));
      }
    }
    return results;
  },
});
