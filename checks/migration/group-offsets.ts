import { defineCheck, fail, formatDuration, group, isReplicationInfraTopic, isReverseReplicatedTopic, mapTopicName, matchesAny, type OffsetSample, offsetTimeSpan, pass, unknown, unknownResource, warn } from '../../src/sdk.js';

export default defineCheck({
  meta: {
    id: 'migration/group-offsets',
    area: 'migration',
    title: 'Every consumer group has a translated committed offset on the target, close to its source position',
    failureTitle: 'A consumer group has no translated offset on the target, or one far from its source position',
    description:
      'Consumers that switch clusters resume from their committed offsets on the target. Offsets are per cluster: ' +
      'without MirrorMaker 2\'s checkpoints and `sync.group.offsets.enabled` (or a group left out by `groups.exclude`) ' +
      'the target has no commit for the group, and the consumer falls back to `auto.offset.reset` — re-reading ' +
      'the whole topic or skipping to the end. A translated offset far behind the source position means many ' +
      'duplicates; one ahead of it means records skipped. Per group and partition the source committed offset is ' +
      'compared with the target\'s (in records; the offsets line up when the target topic was replicated from the ' +
      'source\'s first offset), and in time: how long the source took to produce the records between the two offsets, ' +
      'read from the source partition\'s log end offsets over `compare --observe` (interpolated between samples, or ' +
      'extrapolated at the observed produce rate for offsets written before the window). Equal offsets are 0 s apart; ' +
      'otherwise, without an observation window, the time cannot be measured and the check is unknown unless another ' +
      'group already fails (`maxTimeBehindMs: null` judges records only).',
    remediation:
      'Enable offset translation for the group in MirrorMaker 2 (`emit.checkpoints.enabled=true`, `sync.group.offsets.enabled=true`, the group in `groups` and not in `groups.exclude`) ' +
      'and stop the group\'s consumers on the source before switching, so the last checkpoint is final; or set the target offsets with ' +
      '`kafka-consumer-groups.sh --reset-offsets --group <group> --to-offset <n> --execute` from the checkpoints (`RemoteClusterUtils.translateOffsets`).',
    references: [
      { title: 'KIP-545: MirrorMaker 2 automated consumer offset sync', url: 'https://cwiki.apache.org/confluence/display/KAFKA/KIP-545%3A+support+automated+consumer+offset+sync+across+clusters+in+MM+2.0' },
      { title: 'Kafka docs: Geo-replication, migrating consumers', url: 'https://kafka.apache.org/documentation/#georeplication' },
    ],
    severity: 'high',
    requires: ['migration', 'groupOffsets'],
    defaultOptions: { maxRecordsBehind: 1000, maxTimeBehindMs: 300_000 as number | null, allowGroups: [] as string[] },
    optionsSchema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        maxRecordsBehind: { type: 'integer', minimum: 0 },
        maxTimeBehindMs: { type: ['number', 'null'], minimum: 0 },
        allowGroups: { type: 'array', items: { type: 'string' } },
      },
    },
  },
  evaluate({ migration, groupOffsets }, { options }) {
    const src = migration.source.groupOffsets;
    if (!src.ok) return unknown(`source group offsets unavailable (${src.error.message})`);
    const bound = Number(options.maxRecordsBehind ?? 1000);
    const timeBound = options.maxTimeBehindMs === null ? null : Number(options.maxTimeBehindMs ?? 300_000);
    const allow = (options.allowGroups ?? []) as string[];
    const srcSamples: readonly OffsetSample[] = migration.source.samples.ok ? migration.source.samples.value : [];
    const noSamples = migration.source.samples.ok ? null : `source samples unavailable (${migration.source.samples.error.message})`;
    const results = [];
    for (const [g, byTopic] of Object.entries(src.value).sort(([a], [b]) => a.localeCompare(b))) {
      if (matchesAny(g, allow)) continue;
      const topics = Object.entries(byTopic).filter(([t]) => !isReplicationInfraTopic(t) && !isReverseReplicatedTopic(migration.mapping, t));
      if (topics.length === 0) continue;
      const onTarget = groupOffsets[g];
      const missing: string[] = [];
      const far: { partition: string; source: string; target: string; difference: number }[] = [];
      let worst = 0;
      let partitions = 0;
      // Time apart per partition whose offsets differ (the worst measured one, and the first that could not be).
      let worstTime: { partition: string; ms: number; records: number; method: string; ratePerSec: number | null } | null = null;
      let untimed: { partition: string; reason: string } | null = null;
      for (const [t, parts] of topics) {
        const name = mapTopicName(migration.mapping, t);
        for (const [p, committed] of Object.entries(parts)) {
          partitions++;
          const there = onTarget?.[name]?.[p];
          if (there === undefined) {
            missing.push(`${name}-${p}`);
            continue;
          }
          // Positive: the target would re-read records; negative: it would skip them.
          const difference = Number(BigInt(committed) - BigInt(there));
          if (Math.abs(difference) > Math.abs(worst)) worst = difference;
          if (Math.abs(difference) > bound) far.push({ partition: `${name}-${p}`, source: committed, target: there, difference });
          if (timeBound !== null && difference !== 0) {
            // Source offsets: the span is read from the source partition's samples (t, not the target name).
            const span = noSamples ? { ms: null, reason: noSamples } : offsetTimeSpan(srcSamples, t, p, BigInt(committed), BigInt(there));
            if (span.ms === null) untimed ??= { partition: `${name}-${p}`, reason: span.reason };
            else if (!worstTime || span.ms > worstTime.ms) worstTime = { partition: `${name}-${p}`, ms: span.ms, records: difference, method: span.method, ratePerSec: span.ratePerSec };
          }
        }
      }
      const how = (w: { method: string; ratePerSec: number | null }) =>
        w.method === 'extrapolated'
          ? `extrapolated at the source's observed produce rate of ${Math.round((w.ratePerSec ?? 0) * 100) / 100} records/s`
          : w.method === 'interpolated'
            ? 'interpolated between the source samples'
            : 'offsets equal';
      const timeDetails =
        timeBound === null
          ? { timeBehind: 'not judged (maxTimeBehindMs: null)' }
          : {
              timeBehind: {
                boundMs: timeBound,
                ...(worstTime ? { worstMs: worstTime.ms, partition: worstTime.partition, records: worstTime.records, measured: how(worstTime) } : {}),
                ...(untimed ? { notMeasured: untimed } : {}),
                samples: srcSamples.length,
                ...(srcSamples.length >= 2 ? { window: `${srcSamples[0]!.at} … ${srcSamples[srcSamples.length - 1]!.at}` } : {}),
              },
            };
      const expected = `a committed offset on the target for each of the ${partitions} partition(s), within ${bound} records${timeBound === null ? '' : ` and ${formatDuration(timeBound)}`} of the source's`;
      if (!onTarget || missing.length === partitions) {
        results.push(fail(group(g), `group ${g} has committed offsets on the source but none on the target: its consumers would start from auto.offset.reset`, { observed: 'no committed offsets on the target', expected, details: { partitions } }));
      } else if (missing.length) {
        results.push(fail(group(g), `group ${g} has no translated offset on the target for ${missing.length} of ${partitions} partition(s)`, { observed: { missing }, expected }));
      } else if (far.some((f) => f.difference < 0)) {
        results.push(fail(group(g), `group ${g}'s offsets on the target are ahead of the source by up to ${-Math.min(...far.map((f) => f.difference))} records: switching skips records`, { observed: { partitions: far }, expected, details: timeDetails }));
      } else if (far.length) {
        results.push(warn(group(g), `group ${g}'s offsets on the target are up to ${Math.max(...far.map((f) => f.difference))} records behind the source: switching re-reads them`, { observed: { partitions: far }, expected, details: timeDetails }));
      } else if (timeBound !== null && worstTime && worstTime.ms > timeBound) {
        const w = worstTime;
        const text = `${formatDuration(w.ms)} of the source's produce time (${Math.abs(w.records)} records) ${w.records < 0 ? 'ahead of' : 'behind'} the source on ${w.partition}, beyond ${formatDuration(timeBound)} (${how(w)})`;
        const evidence = { observed: formatDuration(w.ms), expected, details: timeDetails };
        if (w.records < 0) results.push(fail(group(g), `group ${g}'s offset on the target is ${text}: switching skips those records`, evidence));
        else results.push(warn(group(g), `group ${g}'s offset on the target is ${text}: switching re-reads those records`, evidence));
      } else if (untimed) {
        // Within the record bound but not measured in time: neither pass nor fail. The engine names it and, when
        // no other group fails or warns, makes the check unknown.
        results.push(unknownResource(group(g), `within ${bound} records of its source position, but how far apart in time could not be measured (${untimed.partition}: ${untimed.reason}); maxTimeBehindMs: null judges records only`));
      } else {
        const inTime = timeBound === null ? ' (time not judged: maxTimeBehindMs is null)' : worstTime ? ` and ${formatDuration(worstTime.ms)} (${how(worstTime)})` : ' (offsets equal: no time apart)';
        results.push(pass(group(g), `group ${g} has translated offsets on the target for ${partitions} partition(s), at most ${Math.abs(worst)} records${inTime} from the source`, { observed: worst, expected, details: timeDetails }));
      }
    }
    return results;
  },
});
