import { cluster, defineCheck, fail, pass, unknown } from '../../src/sdk.js';

export default defineCheck({
  meta: {
    id: 'migration/rollback-path',
    area: 'migration',
    title: 'The way back is open: the target replicates back to the source',
    failureTitle: 'No reverse replication: a rollback after producers switch loses what they wrote to the target',
    description:
      'Once producers write to the target, rolling back means the source must already hold those records and the ' +
      'consumers\' positions in them. That takes a replication flow in the other direction (MirrorMaker 2 ' +
      '`<target>->source.enabled=true`), started before the switch. Its traces on the source cluster are what this check ' +
      'looks for: the reverse flow\'s checkpoints topic (`<target alias>.checkpoints.internal`), the target\'s heartbeats ' +
      'replicated back (`<target alias>.heartbeats`) and, under the prefix policy, topics named `<target alias>.<topic>`. A plain ' +
      '`heartbeats` topic on the source is no proof: MirrorMaker 2 writes one there even for a disabled reverse flow.',
    remediation:
      'Configure and start the reverse flow before producers switch: in mm2.properties `<target>-><source>.enabled = true` with the same topics, ' +
      '`emit.checkpoints.enabled` and `sync.group.offsets.enabled`; then run this comparison again and rehearse the rollback.',
    references: [
      { title: 'Kafka docs: Geo-replication flows (active/active, bidirectional)', url: 'https://kafka.apache.org/documentation/#georeplication-flows' },
      { title: 'KIP-382: MirrorMaker 2.0 (heartbeats, checkpoints)', url: 'https://cwiki.apache.org/confluence/display/KAFKA/KIP-382%3A+MirrorMaker+2.0' },
    ],
    severity: 'high',
    requires: ['migration'],
  },
  evaluate({ migration }) {
    const src = migration.source.topics;
    if (!src.ok) return unknown(`source topics unavailable (${src.error.message})`);
    const m = migration.mapping;
    const names = src.value.map((t) => t.name);
    const checkpoints = names.filter((n) => n.endsWith('.checkpoints.internal') && (!m.targetAlias || n === `${m.targetAlias}.checkpoints.internal`));
    // A plain `heartbeats` topic proves nothing: MirrorMaker 2 emits heartbeats for a disabled flow too (into its
    // target cluster, here the source). Only the reverse flow's replicated heartbeats, "<target alias>.heartbeats", do.
    const heartbeats = m.targetAlias ? names.filter((n) => n === `${m.targetAlias}${m.separator}heartbeats`) : [];
    const remote = m.policy === 'prefix' && m.targetAlias ? names.filter((n) => n.startsWith(`${m.targetAlias}${m.separator}`) && !n.endsWith('.internal')) : [];
    const evidence = {
      observed: { checkpointTopics: checkpoints, heartbeatTopics: heartbeats, reverseReplicatedTopics: remote.slice(0, 20) },
      expected: 'a target → source replication flow (its checkpoints or heartbeats topic on the source)',
      details: { targetAlias: m.targetAlias ?? '(not given: --target-alias)' },
    };
    const resource = cluster('reverse replication (target → source)');
    if (checkpoints.length || heartbeats.length || remote.length) {
      const what = [checkpoints.length ? `checkpoints ${checkpoints.join(', ')}` : '', heartbeats.length ? 'heartbeats' : '', remote.length ? `${remote.length} reverse-replicated topic(s)` : ''].filter(Boolean).join(', ');
      return [pass(resource, `the source shows a reverse replication flow: ${what}`, evidence)];
    }
    return [fail(resource, 'the source has no trace of replication from the target (no checkpoints or heartbeats topic of a reverse flow): a rollback after the producer switch would lose records', evidence)];
  },
});
