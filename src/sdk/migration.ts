// Pure helpers for the migration checks: how a source cluster's names appear on the target under MirrorMaker 2's
// replication policies (DefaultReplicationPolicy "<alias>.<topic>", IdentityReplicationPolicy, or a table).

import type { NameMapping, OffsetSample, TopicInfo } from '../model/snapshot.js';
import { estimateTimeLagMs, ingressRate, logEndSeries, sampleHasPartition } from './observation.js';

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

/** How much of a source partition's produce time lies between two of its offsets, and how that was measured. */
export type OffsetTimeSpan = { ms: number; method: 'equal' | 'interpolated' | 'extrapolated'; ratePerSec: number | null } | { ms: null; reason: string };

/**
 * The produce time between two offsets of one source partition (in either order): when the source log end passed
 * the one minus when it passed the other, read from the partition's log end offsets over the observation window.
 * Inside the window the times are interpolated between samples; an offset the log end had passed before the
 * window is placed with the partition's produce rate observed over the window (extrapolated). Unmeasured (with
 * the reason) without a window, when a sample lacks the partition, or when nothing was produced to place an
 * offset before the window. Equal offsets are 0 ms without any samples.
 */
export function offsetTimeSpan(samples: readonly OffsetSample[], topic: string, partition: string, a: bigint, b: bigint): OffsetTimeSpan {
  if (a === b) return { ms: 0, method: 'equal', ratePerSec: null };
  const [from, to] = a < b ? [a, b] : [b, a];
  if (samples.length < 2) return { ms: null, reason: 'no observation window (run compare with --observe <duration>)' };
  if (samples.some((s) => !sampleHasPartition(s, topic, partition))) return { ms: null, reason: `a source sample lacks the end offset of ${topic}-${partition}` };
  const ageFrom = estimateTimeLagMs(samples, topic, partition, from);
  const ageTo = estimateTimeLagMs(samples, topic, partition, to);
  if (ageFrom === null || ageTo === null) {
    return { ms: null, reason: `nothing was produced to ${topic}-${partition} during the observation window, so when offsets ${from}…${to} were written is not known` };
  }
  const first = logEndSeries(samples, topic, partition)[0]!;
  const extrapolated = from < first.latest;
  return { ms: Math.max(0, ageFrom - ageTo), method: extrapolated ? 'extrapolated' : 'interpolated', ratePerSec: extrapolated ? ingressRate(samples, topic, partition) : null };
}
