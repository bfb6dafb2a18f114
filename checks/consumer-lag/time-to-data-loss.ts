import { defineCheck, estimateTimeLagMs, fail, formatDuration, group, notApplicable, numberConfig, pass, readConfig, warn, type Severity } from '../../src/sdk.js';

export default defineCheck({
  meta: {
    id: 'consumer-lag/time-to-data-loss',
    area: 'consumer-lag',
    title: 'No group is about to lose records to retention',
    failureTitle: 'A group is about to lose records to retention',
    description:
      'On a delete-policy topic, the next record a group will read is deleted once it is `retention.ms` old. Time to data ' +
      'loss = retention.ms − age of that record (estimated over the `--observe` window). Under a day is high risk, under an ' +
      'hour critical: a consumer outage of that length deletes unprocessed events.',
    remediation: 'Catch the group up now (scale consumers), and give the topic a retention longer than the longest consumer outage you must survive.',
    references: [{ title: 'Kafka docs: retention.ms', url: 'https://kafka.apache.org/documentation/#topicconfigs_retention.ms' }],
    severity: 'critical',
    requires: ['samples', 'groups', 'topicConfigs'],
    defaultOptions: { highMs: 86_400_000, criticalMs: 3_600_000 },
    optionsSchema: { type: 'object', additionalProperties: false, properties: { highMs: { type: 'number', minimum: 0 }, criticalMs: { type: 'number', minimum: 0 } } },
  },
  evaluate({ samples, groups, topicConfigs }, { options }) {
    if (samples.length < 2) return notApplicable('needs an observation window: run with --observe <duration>');
    const last = samples[samples.length - 1]!;
    const results = [];
    for (const g of groups) {
      const committed = last.groupOffsets[g.groupId];
      if (!committed) continue;
      let worst: { partition: string; ttlMs: number; retentionMs: number; ageMs: number } | null = null;
      for (const [topicName, parts] of Object.entries(committed)) {
        const configs = topicConfigs[topicName];
        const retention = numberConfig(configs, 'retention.ms');
        const policy = readConfig(configs, 'cleanup.policy').value ?? 'delete';
        if (retention === null || retention < 0 || !policy.includes('delete')) continue;
        for (const [p, off] of Object.entries(parts)) {
          const age = estimateTimeLagMs(samples, topicName, p, BigInt(off));
          if (age === null || age === 0) continue;
          const ttl = retention - age;
          if (!worst || ttl < worst.ttlMs) worst = { partition: `${topicName}-${p}`, ttlMs: ttl, retentionMs: retention, ageMs: age };
        }
      }
      if (!worst) continue;
      const evidence = { observed: formatDuration(Math.max(0, worst.ttlMs)), expected: `> ${formatDuration(options.highMs)}`, details: worst };
      const severity: Severity = worst.ttlMs < options.criticalMs ? 'critical' : 'high';
      if (worst.ttlMs < options.highMs) results.push(fail(group(g.groupId), `unread records on ${worst.partition} are deleted in ${formatDuration(Math.max(0, worst.ttlMs))}`, evidence, severity));
      else if (worst.ttlMs < 2 * options.highMs) results.push(warn(group(g.groupId), `unread records on ${worst.partition} are deleted in ${formatDuration(worst.ttlMs)}`, evidence, 'medium'));
      else results.push(pass(group(g.groupId), `${formatDuration(worst.ttlMs)} before unread records are deleted`, evidence));
    }
    return results.length ? results : notApplicable('no lagging group on a delete-policy topic with finite retention');
  },
});
