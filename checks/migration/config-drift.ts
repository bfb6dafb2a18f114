import { configOrigin, defineCheck, fail, mapTopicName, matchesAny, migratedTopics, pass, readConfig, replicationFactor, topic, unknown, warn } from '../../src/sdk.js';

/** Configs whose difference changes what a service sees after the switch; `fail` ones change durability or semantics. */
const COMPARED: { key: string; severe: boolean }[] = [
  { key: 'cleanup.policy', severe: true },
  { key: 'min.insync.replicas', severe: true },
  { key: 'retention.ms', severe: false },
  { key: 'retention.bytes', severe: false },
  { key: 'max.message.bytes', severe: false },
  { key: 'compression.type', severe: false },
  { key: 'message.timestamp.type', severe: true },
  { key: 'message.timestamp.before.max.ms', severe: false },
  { key: 'message.timestamp.after.max.ms', severe: false },
];

export default defineCheck({
  meta: {
    id: 'migration/config-drift',
    area: 'migration',
    title: 'Topic configurations that matter are the same on source and target',
    failureTitle: 'A topic\'s configuration differs between source and target',
    description:
      'MirrorMaker 2 copies topic configs only when `sync.topic.configs.enabled` is on, and even then its default filter ' +
      'leaves out `min.insync.replicas`, `message.timestamp.type` and others; a config changed by hand on the target ' +
      'stays different. After the switch the target\'s values decide: shorter retention loses replay, another cleanup ' +
      'policy deletes or compacts, a lower `min.insync.replicas` or replication factor weakens acks=all, a smaller ' +
      '`max.message.bytes` rejects records the source accepted. Each finding gives both values and where each came from.',
    remediation:
      'Set the target topic to the source value (`kafka-configs.sh --alter --entity-type topics --entity-name <target topic> --add-config <key>=<value>`), ' +
      'or, when the difference is intended, note it with the check\'s `allowTopics` option. Replication factor: a reassignment on the target.',
    references: [
      { title: 'Kafka docs: Topic-level configs', url: 'https://kafka.apache.org/documentation/#topicconfigs' },
      { title: 'Kafka docs: MirrorMaker 2 config sync (sync.topic.configs.enabled, config.properties.exclude)', url: 'https://kafka.apache.org/documentation/#georeplication-config-syncs' },
    ],
    severity: 'medium',
    requires: ['migration', 'topics', 'topicConfigs'],
    defaultOptions: { allowTopics: [] as string[] },
    optionsSchema: { type: 'object', additionalProperties: false, properties: { allowTopics: { type: 'array', items: { type: 'string' } } } },
  },
  evaluate({ migration, topics, topicConfigs }, { options }) {
    const src = migration.source;
    if (!src.topics.ok) return unknown(`source topics unavailable (${src.topics.error.message})`);
    if (!src.topicConfigs.ok) return unknown(`source topic configs unavailable (${src.topicConfigs.error.message})`);
    const onTarget = new Map(topics.map((t) => [t.name, t]));
    const allow = (options.allowTopics ?? []) as string[];
    const results = [];
    for (const t of migratedTopics(migration.mapping, src.topics.value)) {
      if (matchesAny(t.name, allow)) continue;
      const name = mapTopicName(migration.mapping, t.name);
      const there = onTarget.get(name);
      const sc = src.topicConfigs.value[t.name];
      const tc = topicConfigs[name];
      // A missing topic is topics-mirrored's finding; configs the broker did not return cannot be compared.
      if (!there || !sc || !tc) continue;
      const drift: { config: string; source: string | null; target: string | null; sourceFrom: string; targetFrom: string; severe: boolean }[] = [];
      for (const { key, severe } of COMPARED) {
        const a = readConfig(sc, key);
        const b = readConfig(tc, key);
        if (!a.present || !b.present || a.value === b.value) continue;
        drift.push({ config: key, source: a.value, target: b.value, sourceFrom: configOrigin(sc, key), targetFrom: configOrigin(tc, key), severe });
      }
      const rfS = replicationFactor(t);
      const rfT = replicationFactor(there);
      if (rfS !== rfT) drift.push({ config: 'replication factor', source: String(rfS), target: String(rfT), sourceFrom: 'partition assignment', targetFrom: 'partition assignment', severe: rfT < rfS });
      if (drift.length === 0) {
        results.push(pass(topic(t.name), `${name} has the source's values for ${COMPARED.length + 1} compared settings`));
        continue;
      }
      const first = drift[0]!;
      const summary = drift.map((d) => `${d.config} ${d.source} → ${d.target}`).join(', ');
      const evidence = {
        observed: Object.fromEntries(drift.map((d) => [d.config, d.target])),
        expected: `the source values: ${drift.map((d) => `${d.config}=${d.source}`).join(', ')}`,
        config: first.config,
        details: { targetTopic: name, drift },
      };
      const message = `${name} differs from source topic ${t.name}: ${summary}`;
      results.push(drift.some((d) => d.severe) ? fail(topic(t.name), message, evidence) : warn(topic(t.name), message, evidence));
    }
    return results;
  },
});
