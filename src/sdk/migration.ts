// Pure helpers for the migration checks: how a source cluster's names appear on the target under MirrorMaker 2's
// replication policies (DefaultReplicationPolicy "<alias>.<topic>", IdentityReplicationPolicy, or a table).

import type { NameMapping, TopicInfo } from '../model/snapshot.js';

/** The target name of a source topic under the mapping. */
export function mapTopicName(mapping: NameMapping, name: string): string {
  if (mapping.policy === 'explicit') return mapping.topics[name] ?? name;
  if (mapping.policy === 'prefix' && mapping.sourceAlias) return `${mapping.sourceAlias}${mapping.separator}${name}`;
  return name;
}

/**
 * Topics of replication itself, never migrated as data: MirrorMaker 2's heartbeats, checkpoints and offset syncs,
 * Connect's own config/offset/status topics, and Kafka's internal topics.
 */
export function isReplicationInfraTopic(name: string): boolean {
  return (
    name.startsWith('__') ||
    name === 'heartbeats' ||
    name.endsWith('.heartbeats') ||
    /\.checkpoints\.internal$/.test(name) ||
    /^mm2-(offset-syncs|configs|offsets|status)\..*\.internal$/.test(name) ||
    /^mm2-(configs|offsets|status)$/.test(name) ||
    /^connect-(configs|offsets|status)$/.test(name)
  );
}

/** A topic the reverse direction (target → source) replicated onto the source: "<targetAlias>.<name>" under the prefix policy. */
export function isReverseReplicatedTopic(mapping: NameMapping, name: string): boolean {
  return mapping.policy === 'prefix' && !!mapping.targetAlias && name.startsWith(`${mapping.targetAlias}${mapping.separator}`);
}

/** Source topics a migration must carry: user topics, not replication's own, not what the way back brought in. */
export function migratedTopics(mapping: NameMapping, sourceTopics: readonly TopicInfo[]): TopicInfo[] {
  return sourceTopics.filter((t) => !t.internal && !isReplicationInfraTopic(t.name) && !isReverseReplicatedTopic(mapping, t.name));
}

/** How the mapping reads in a report. */
export function describeMapping(mapping: NameMapping): string {
  if (mapping.policy === 'prefix') return `"${mapping.sourceAlias}${mapping.separator}<topic>" (MirrorMaker 2 DefaultReplicationPolicy, ${mapping.origin})`;
  if (mapping.policy === 'explicit') return `explicit topic table of ${Object.keys(mapping.topics).length} name(s), identity otherwise (${mapping.origin})`;
  return `identical names (IdentityReplicationPolicy, ${mapping.origin})`;
}
