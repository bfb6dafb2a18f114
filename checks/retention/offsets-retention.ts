import { cluster, defineCheck, formatDuration, numberConfig, pass, readConfig, unknown, warn } from '../../src/sdk.js';

export default defineCheck({
  meta: {
    id: 'retention/offsets-retention',
    area: 'retention',
    title: 'Committed offsets outlive the data they point into',
    failureTitle: 'Committed offsets expire before the data they point into',
    description:
      'Kafka forgets a group\'s committed offsets `offsets.retention.minutes` after the group became empty. If a consumed ' +
      'topic keeps data longer than that, a consumer that was down for a while restarts from `auto.offset.reset` — ' +
      'reprocessing everything or skipping to the end — although the data it had not read is still there. ' +
      'The setting is cluster-wide, so the finding is on the cluster and lists the consumed topics that outlive it.',
    remediation:
      'Raise `offsets.retention.minutes` on the brokers to at least the longest retention of a consumed topic (or the replay window you promise).',
    references: [{ title: 'Kafka docs: offsets.retention.minutes', url: 'https://kafka.apache.org/documentation/#brokerconfigs_offsets.retention.minutes' }],
    severity: 'medium',
    requires: ['brokerConfigs', 'topicConfigs', 'groupOffsets'],
    judges: [
      { config: 'offsets.retention.minutes', scope: 'broker', threshold: 'shorter than a consumed topic\'s retention.ms → warn', source: 'Kafka docs offsets.retention.minutes' },
    ],
  },
  evaluate({ brokerConfigs, topicConfigs, groupOffsets }) {
    const readings = Object.values(brokerConfigs)
      .map((c) => ({ minutes: numberConfig(c, 'offsets.retention.minutes'), source: readConfig(c, 'offsets.retention.minutes').source }))
      .filter((r): r is { minutes: number; source: ReturnType<typeof readConfig>['source'] } => r.minutes !== null);
    if (readings.length === 0) return unknown('offsets.retention.minutes is not reported by any broker');
    const shortest = readings.reduce((a, b) => (b.minutes < a.minutes ? b : a));
    const offsetsMs = shortest.minutes * 60_000;

    const consumed = new Set<string>();
    for (const topics of Object.values(groupOffsets)) for (const t of Object.keys(topics)) consumed.add(t);
    const outliving: { topic: string; retention: string }[] = [];
    let compared = 0;
    for (const name of [...consumed].sort()) {
      const configs = topicConfigs[name];
      if (!configs || name.startsWith('__')) continue;
      const retention = numberConfig(configs, 'retention.ms');
      const policy = readConfig(configs, 'cleanup.policy').value ?? 'delete';
      if (retention === null) continue;
      compared++;
      const forever = retention < 0 || policy.includes('compact');
      if (forever || retention > offsetsMs) outliving.push({ topic: name, retention: forever ? 'indefinite' : formatDuration(retention) });
    }
    if (compared === 0) return [];
    const evidence = {
      observed: { 'offsets.retention.minutes': shortest.minutes, topicsOutliving: outliving.slice(0, 20) },
      expected: 'offsets retention >= retention of every consumed topic',
      config: 'offsets.retention.minutes',
      source: shortest.source,
      details: { consumedTopicsCompared: compared, topicsOutlivingCount: outliving.length },
    };
    return outliving.length
      ? [warn(cluster(), `committed offsets expire after ${formatDuration(offsetsMs)} but ${outliving.length} consumed topic(s) keep data longer (e.g. ${outliving[0]!.topic}: ${outliving[0]!.retention})`, evidence)]
      : [pass(cluster(), `offsets retention ${formatDuration(offsetsMs)} covers all ${compared} consumed topic(s)`, evidence)];
  },
});
