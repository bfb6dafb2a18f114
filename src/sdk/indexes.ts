// Indexes over snapshot artifacts that several checks (or one check per resource) would otherwise rebuild by
// rescanning: computed once per artifact object and shared for the snapshot's lifetime (Lighthouse's computed
// artifacts). They keep every check linear in the snapshot: a lookup per topic instead of a scan of all groups
// or all ACLs per topic.

import type { GroupOffsetsArtifact } from '../model/snapshot.js';
import { computed } from './observation.js';

const readersByTopic = new WeakMap<GroupOffsetsArtifact, Map<string, string[]>>();

/** The groups holding committed offsets on a topic, sorted. */
export function groupsWithOffsetsOn(groupOffsets: GroupOffsetsArtifact, topic: string): readonly string[] {
  const index = computed(readersByTopic, groupOffsets, (all) => {
    const byTopic = new Map<string, string[]>();
    for (const [group, topics] of Object.entries(all)) {
      for (const t of Object.keys(topics)) {
        const list = byTopic.get(t);
        if (list) list.push(group);
        else byTopic.set(t, [group]);
      }
    }
    for (const list of byTopic.values()) list.sort();
    return byTopic;
  });
  return index.get(topic) ?? [];
}

interface AclLike {
  resourceType: string;
  resourceName: string;
  patternType: string;
}

interface AclLookup {
  /** `${resourceType}\0${resourceName}` → the LITERAL bindings on exactly that resource. */
  literal: Map<string, AclLike[]>;
  /** resourceType → PREFIXED bindings (few in practice; matched by startsWith). */
  prefixed: Map<string, AclLike[]>;
}

const aclLookups = new WeakMap<readonly AclLike[], AclLookup>();


/**
 * The LITERAL and PREFIXED bindings that name one resource specifically (`*` grants excluded: they are
 * platform-wide access), found by lookup rather than by scanning every binding.
 */
export function aclsNaming<A extends AclLike>(acls: readonly A[], resourceType: string, name: string): A[] {
  const index = computed(aclLookups, acls, (all) => {
    const literal = new Map<string, AclLike[]>();
    const prefixed = new Map<string, AclLike[]>();
    for (const a of all) {
      if (a.patternType === 'LITERAL') {
        const key = `${a.resourceType}\u0000${a.resourceName}`;
        const list = literal.get(key);
        if (list) list.push(a);
        else literal.set(key, [a]);
      } else if (a.patternType === 'PREFIXED') {
        const list = prefixed.get(a.resourceType);
        if (list) list.push(a);
        else prefixed.set(a.resourceType, [a]);
      }
    }
    return { literal, prefixed };
  });
  const exact = index.literal.get(`${resourceType}\u0000${name}`) ?? [];
  const byPrefix = (index.prefixed.get(resourceType) ?? []).filter((a) => name.startsWith(a.resourceName));
  return (byPrefix.length ? [...exact, ...byPrefix] : exact) as A[];
}
