import { defineCheck, fail, mapTopicName, migratedTopics, type OffsetSample, pass, topic, unknown, warn } from '../../src/sdk.js';

type Offsets = Record<string, Record<string, { latest: string | null }>>;

/** Records the target's end offset is behind the source's, per partition (null: a side did not answer). */
function lagOf(src: Offsets, tgt: Offsets, from: string, to: string, partitions: number): (number | null)[] {
  const out: (number | null)[] = [];
  for (let p = 0; p < partitions; p++) {
    const a = src[from]?.[String(p)]?.latest;
    const b = tgt[to]?.[String(p)]?.latest;
    out.push(a == null || b == null ? null : Number(BigInt(a) - BigInt(b)));
  }
  return out;
}

const total = (xs: (number | null)[]) => xs.reduce<number>((s, x) => s + Math.max(0, x ?? 0), 0);

export default defineCheck({
  meta: {
    id: 'migration/replication-lag',
    area: 'migration',
    title: 'The target has replicated the source topics up to their end',
    failureTitle: 'The target is behind the source, or falling further behind',
    description:
      'Before consumers switch, the target must hold what they have not read yet; before producers switch, replication ' +
      'must have caught up so that nothing is left only on the source. Per partition the source end offset is compared ' +
      'with the target\'s (the offsets line up when the target topic was replicated from the source\'s first offset). ' +
      'With `--observe`, the lag at the first and last sample of both clusters tells whether it shrinks. MirrorMaker 2\'s ' +
      'offset-sync and checkpoint topics are not read (reading records is not part of a read-only scan): the committed ' +
      'offsets MM2 writes on the target are judged by migration/group-offsets.',
    remediation:
      'Let replication catch up before the switch (stop the producers on the source, wait until this check passes); a lag that grows needs more MirrorMaker 2 ' +
      'tasks (`tasks.max`), a larger `producer.override.batch.size`/`linger.ms`, or a closer deployment to the target.',
    references: [{ title: 'Kafka docs: Geo-replication, monitoring', url: 'https://kafka.apache.org/documentation/#georeplication-monitoring' }],
    severity: 'high',
    requires: ['migration', 'topics', 'offsets', 'samples'],
    defaultOptions: { maxRecords: 1000 },
    optionsSchema: { type: 'object', additionalProperties: false, properties: { maxRecords: { type: 'integer', minimum: 0 } } },
  },
  evaluate({ migration, topics, offsets, samples }, { options }) {
    const src = migration.source;
    if (!src.topics.ok) return unknown(`source topics unavailable (${src.topics.error.message})`);
    if (!src.offsets.ok) return unknown(`source offsets unavailable (${src.offsets.error.message})`);
    const bound = Number(options.maxRecords ?? 1000);
    const onTarget = new Map(topics.map((t) => [t.name, t]));
    const srcSamples: OffsetSample[] = src.samples.ok ? src.samples.value : [];
    const trend = srcSamples.length >= 2 && samples.length >= 2;
    const results = [];
    for (const t of migratedTopics(migration.mapping, src.topics.value)) {
      const name = mapTopicName(migration.mapping, t.name);
      const there = onTarget.get(name);
      if (!there || there.partitions.length !== t.partitions.length) continue; // topics-mirrored's finding
      const lags = lagOf(src.offsets.value, offsets, t.name, name, t.partitions.length);
      if (lags.some((l) => l === null)) {
        results.push(warn(topic(t.name), `end offsets of ${name} could not be read on both clusters for every partition`, { observed: lags, expected: 'end offsets on both clusters' }));
        continue;
      }
      const behind = total(lags);
      const worst = Math.max(...(lags as number[]));
      const details: Record<string, unknown> = { targetTopic: name, lagPerPartition: lags };
      if (trend) {
        const first = total(lagOf(srcSamples[0]!.offsets, samples[0]!.offsets, t.name, name, t.partitions.length));
        const last = total(lagOf(srcSamples[srcSamples.length - 1]!.offsets, samples[samples.length - 1]!.offsets, t.name, name, t.partitions.length));
        details.trend = { first, last, window: `${srcSamples[0]!.at} … ${srcSamples[srcSamples.length - 1]!.at}` };
        if (last > first && last > 0) {
          results.push(fail(topic(t.name), `replication of ${t.name} falls behind: ${first} → ${last} records over the observation window`, { observed: last, expected: 'a lag that shrinks or stays at 0', details }));
          continue;
        }
      }
      const evidence = { observed: behind, expected: `at most ${bound} records behind per partition`, details };
      if (worst > bound) results.push(fail(topic(t.name), `${name} is ${behind} records behind the source (up to ${worst} in one partition)`, evidence));
      else if (behind > 0) results.push(pass(topic(t.name), `${name} is ${behind} records behind the source, within ${bound} per partition`, evidence));
      else results.push(pass(topic(t.name), `${name} has the source's end offsets`, evidence));
    }
    return results;
  },
});
