import { defineCheck, fail, group, isReplicationInfraTopic, isReverseReplicatedTopic, mapTopicName, matchesAny, pass, unknown, warn } from '../../src/sdk.js';

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
      'source\'s first offset).',
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
    defaultOptions: { maxRecordsBehind: 1000, allowGroups: [] as string[] },
    optionsSchema: { type: 'object', additionalProperties: false, properties: { maxRecordsBehind: { type: 'integer', minimum: 0 }, allowGroups: { type: 'array', items: { type: 'string' } } } },
  },
  evaluate({ migration, groupOffsets }, { options }) {
    const src = migration.source.groupOffsets;
    if (!src.ok) return unknown(`source group offsets unavailable (${src.error.message})`);
    const bound = Number(options.maxRecordsBehind ?? 1000);
    const allow = (options.allowGroups ?? []) as string[];
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
        }
      }
      const expected = `a committed offset on the target for each of the ${partitions} partition(s), within ${bound} records of the source's`;
      if (!onTarget || missing.length === partitions) {
        results.push(fail(group(g), `group ${g} has committed offsets on the source but none on the target: its consumers would start from auto.offset.reset`, { observed: 'no committed offsets on the target', expected, details: { partitions } }));
      } else if (missing.length) {
        results.push(fail(group(g), `group ${g} has no translated offset on the target for ${missing.length} of ${partitions} partition(s)`, { observed: { missing }, expected }));
      } else if (far.some((f) => f.difference < 0)) {
        results.push(fail(group(g), `group ${g}'s offsets on the target are ahead of the source by up to ${-Math.min(...far.map((f) => f.difference))} records: switching skips records`, { observed: { partitions: far }, expected }));
      } else if (far.length) {
        results.push(warn(group(g), `group ${g}'s offsets on the target are up to ${Math.max(...far.map((f) => f.difference))} records behind the source: switching re-reads them`, { observed: { partitions: far }, expected }));
      } else {
        results.push(pass(group(g), `group ${g} has translated offsets on the target for ${partitions} partition(s), at most ${Math.abs(worst)} records from the source`, { observed: worst, expected }));
      }
    }
    return results;
  },
});
