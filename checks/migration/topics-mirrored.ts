import { defineCheck, describeMapping, fail, mapTopicName, matchesAny, migratedTopics, pass, topic, unknown } from '../../src/sdk.js';

export default defineCheck({
  meta: {
    id: 'migration/topics-mirrored',
    area: 'migration',
    title: 'Every source topic exists on the target with the same partitions',
    failureTitle: 'A source topic is missing on the target or has other partitions',
    description:
      'Producers and consumers that switch clusters expect every topic they use to be there. A topic that MirrorMaker 2 ' +
      'filtered out (`topics.exclude`, a `topics` list that misses it, or a topic created after the filter was written) ' +
      'is simply absent on the target; a topic with a different partition count breaks key ordering (the same key lands ' +
      'in another partition) and offset translation per partition.',
    remediation:
      'Add the topic to MirrorMaker 2\'s `topics` (or remove it from `topics.exclude`) for the source→target flow, or create it on the target with ' +
      '`kafka-topics.sh --create --partitions <source count>`; grow a smaller target topic with `kafka-topics.sh --alter --partitions`. ' +
      'Topics deliberately left behind go into the check\'s `allowTopics` option.',
    references: [
      { title: 'Kafka docs: Geo-replication (MirrorMaker 2) topic filters', url: 'https://kafka.apache.org/documentation/#georeplication-flow-configure' },
      { title: 'KIP-382: MirrorMaker 2.0', url: 'https://cwiki.apache.org/confluence/display/KAFKA/KIP-382%3A+MirrorMaker+2.0' },
    ],
    severity: 'high',
    requires: ['migration', 'topics'],
    defaultOptions: { allowTopics: [] as string[] },
    optionsSchema: { type: 'object', additionalProperties: false, properties: { allowTopics: { type: 'array', items: { type: 'string' } } } },
  },
  evaluate({ migration, topics }, { options }) {
    const src = migration.source.topics;
    if (!src.ok) return unknown(`source topics unavailable (${src.error.message})`);
    const onTarget = new Map(topics.map((t) => [t.name, t]));
    const allow = (options.allowTopics ?? []) as string[];
    const mapping = describeMapping(migration.mapping);
    const results = [];
    for (const t of migratedTopics(migration.mapping, src.value)) {
      if (matchesAny(t.name, allow)) continue;
      const name = mapTopicName(migration.mapping, t.name);
      const there = onTarget.get(name);
      const details = { sourceTopic: t.name, targetTopic: name, mapping };
      if (!there) {
        results.push(fail(topic(t.name), `topic ${t.name} has no counterpart ${name} on the target`, { observed: 'absent', expected: `topic ${name} on the target`, details }));
        continue;
      }
      const evidence = { observed: there.partitions.length, expected: `${t.partitions.length} partitions (as on the source)`, details };
      if (there.partitions.length !== t.partitions.length) {
        results.push(fail(topic(t.name), `topic ${t.name} has ${t.partitions.length} partitions on the source but ${name} has ${there.partitions.length} on the target`, evidence));
      } else {
        results.push(pass(topic(t.name), `${name} exists on the target with ${there.partitions.length} partitions`, evidence));
      }
    }
    return results;
  },
});
