// The pure pairing step of `compare`: the target snapshot is the one evaluated; the source side and the name
// mapping travel as its `migration` artifact, so scoring, the gate and every renderer work unchanged.

import type { Artifact, NameMapping, Snapshot } from '../model/snapshot.js';

export function pairSnapshots(source: Snapshot, target: Snapshot, mapping: NameMapping): Snapshot {
  const s = source.artifacts;
  const clusterId = s.cluster.ok ? s.cluster.value.clusterId : null;
  const part = <T>(a: Artifact<T> | undefined, name: string): Artifact<T> => a ?? { ok: false, error: { reason: 'not-collected', message: `${name} is not in the source snapshot` } };
  return {
    ...target,
    artifacts: {
      ...target.artifacts,
      migration: {
        ok: true,
        value: {
          mapping,
          source: {
            takenAt: source.takenAt,
            target: source.target,
            clusterId,
            topics: part(s.topics, 'topics'),
            topicConfigs: part(s.topicConfigs, 'topicConfigs'),
            brokerConfigs: part(s.brokerConfigs, 'brokerConfigs'),
            acls: part(s.acls, 'acls'),
            offsets: part(s.offsets, 'offsets'),
            groups: part(s.groups, 'groups'),
            groupOffsets: part(s.groupOffsets, 'groupOffsets'),
            samples: part(s.samples, 'samples'),
          },
        },
      },
    },
  };
}

/** The mapping from the compare flags: --source-alias selects MirrorMaker 2's prefix policy, else identity names. */
export function mappingFromFlags(opts: { sourceAlias?: string; targetAlias?: string; separator?: string; identity?: boolean; topics?: Record<string, string>; origin?: string }): NameMapping {
  const topics = opts.topics ?? {};
  const policy: NameMapping['policy'] = Object.keys(topics).length ? 'explicit' : opts.sourceAlias && !opts.identity ? 'prefix' : 'identity';
  return {
    policy,
    sourceAlias: opts.sourceAlias ?? null,
    targetAlias: opts.targetAlias ?? null,
    separator: opts.separator ?? '.',
    topics,
    origin: opts.origin ?? (policy === 'prefix' ? '--source-alias' : 'default'),
  };
}
