// Visibility: Kafka answers Metadata, ListGroups and OffsetFetch with only what the principal may DESCRIBE,
// without any error. This decides, per permission-filtered artifact, whether the list can be trusted to be
// whole, from evidence gathered read-only: a probe of a name that does not exist (Metadata with
// allowAutoTopicCreation=false, DescribeGroups), the Cluster operations the principal holds, the principal's
// own DENY bindings (when it may read ACLs) and topics that hold data in the brokers' log dirs but were not
// listed. Pure: the gather layer collects the evidence, this only judges it.

import { ARTIFACT_LIST, type ArtifactVisibility, type GrantName, READ_GRANTS, type SnapshotArtifacts } from '../model/snapshot.js';

/** What a probe of an unknown name answered: the principal may describe any name, may not, or we could not tell. */
export type ProbeAnswer = { kind: 'authorized'; detail: string } | { kind: 'denied'; detail: string } | { kind: 'failed'; detail: string };

export interface VisibilityEvidence {
  /** "User:<name>" of the scanning principal, when known. */
  principal: string | null;
  topicProbe: ProbeAnswer | null;
  /** null when not needed (the principal has DESCRIBE on the Cluster, so ListGroups lists every group). */
  groupProbe: ProbeAnswer | null;
  /** Groups whose OffsetFetch was denied (GROUP_AUTHORIZATION_FAILED). */
  offsetFetchDenied: string[];
}

/** The grant that makes a filtered list whole, in the visibility's words (from the catalog's grants). */
function grantOf(name: GrantName & ("DESCRIBE on Topic '*'" | "DESCRIBE on Group '*'")) {
  const g = READ_GRANTS[name];
  return { missingGrant: name, selector: g.selector, operation: g.operation };
}
export const TOPIC_GRANT = grantOf("DESCRIBE on Topic '*'");
export const GROUP_GRANT = grantOf("DESCRIBE on Group '*'");

const DESCRIBE_IMPLIED_BY = new Set(['DESCRIBE', 'ALL', 'READ', 'WRITE', 'DELETE', 'ALTER']);

function denyBindings(a: SnapshotArtifacts, principal: string | null, resourceType: 'TOPIC' | 'GROUP'): string[] {
  if (!a.acls.ok) return [];
  const who = new Set(['User:*', ...(principal ? [principal] : [])]);
  // A DENY on DESCRIBE (or ALL) hides the matching names; DENY on READ/WRITE alone does not hide them.
  return a.acls.value
    .filter((b) => b.permission === 'DENY' && b.resourceType === resourceType && who.has(b.principal) && (b.operation === 'DESCRIBE' || b.operation === 'ALL'))
    .map((b) => `${b.patternType} ${b.resourceName}`);
}

function filtered(reasons: string[], grant: typeof TOPIC_GRANT | typeof GROUP_GRANT): ArtifactVisibility {
  return { status: 'possibly-filtered', reason: reasons.join('; '), ...grant };
}

export function topicVisibility(a: SnapshotArtifacts, ev: VisibilityEvidence): ArtifactVisibility | null {
  if (!a.topics.ok) return null;
  const listed = new Set(a.topics.value.map((t) => t.name));
  const reasons: string[] = [];
  const logDirsWhole = a.logDirs.ok && !a.logDirs.issues?.length;
  const p = ev.topicProbe;
  const denies = denyBindings(a, ev.principal, 'TOPIC');
  if (a.logDirs.ok) {
    const onDisk = new Set<string>();
    for (const dirs of Object.values(a.logDirs.value)) for (const d of dirs) for (const t of Object.keys(d.topics)) onDisk.add(t);
    const hidden = [...onDisk].filter((t) => !listed.has(t));
    // A principal that may describe any name and has no DENY binding (ACLs read) sees every topic: unlisted
    // replicas on disk are then topics being deleted. Names are not repeated: they may be what it may not see.
    const deleting = p?.kind === 'authorized' && a.acls.ok && denies.length === 0;
    if (hidden.length && !deleting) reasons.push(`${hidden.length} topic(s) hold data in the brokers' log dirs but are not in the Metadata answer`);
  }
  if (denies.length) reasons.push(`DENY DESCRIBE bindings for the principal on topics (${denies.join(', ')})`);
  if (p?.kind === 'denied') reasons.push(`the principal may not DESCRIBE every topic name (${p.detail}); Metadata leaves such topics out without an error`);
  if (reasons.length) return filtered(reasons, TOPIC_GRANT);
  if (p?.kind === 'authorized') return { status: 'complete', reason: `The principal may DESCRIBE any topic name (${p.detail})` };
  if (logDirsWhole) return { status: 'complete', reason: "Every topic with replicas in the brokers' log dirs is listed" };
  return filtered([`could not verify that every topic is listed (${p ? p.detail : 'no probe'}; log dirs ${a.logDirs.ok ? 'incomplete' : 'unreadable'})`], TOPIC_GRANT);
}

export function groupVisibility(a: SnapshotArtifacts, ev: VisibilityEvidence): ArtifactVisibility | null {
  if (!a.groups.ok) return null;
  const reasons: string[] = [];
  const ops = a.cluster.ok ? a.cluster.value.authorizedOperations : null;
  const clusterDescribe = !!ops && (ops.includes('DESCRIBE') || ops.includes('ALL'));
  const describeDenied = a.groups.value.filter((g) => g.error && /AUTHORIZATION_FAILED/.test(g.error)).length;
  if (describeDenied) reasons.push(`DescribeGroups was denied for ${describeDenied} listed group(s)`);
  const denies = denyBindings(a, ev.principal, 'GROUP');
  if (denies.length) reasons.push(`DENY DESCRIBE bindings for the principal on groups (${denies.join(', ')})`);
  const p = ev.groupProbe;
  if (!clusterDescribe && p?.kind === 'denied') reasons.push(`the principal has no DESCRIBE on the Cluster and may not DESCRIBE every group (${p.detail}); ListGroups leaves such groups out without an error`);
  if (reasons.length) return filtered(reasons, GROUP_GRANT);
  if (clusterDescribe) return { status: 'complete', reason: 'ListGroups lists every group to a principal with DESCRIBE on the Cluster' };
  if (p?.kind === 'authorized') return { status: 'complete', reason: `The principal may DESCRIBE any group name (${p.detail})` };
  return filtered([`could not verify that every group is listed (${p ? p.detail : 'no probe'}) and the principal has no DESCRIBE on the Cluster`], GROUP_GRANT);
}

/** Sets `visibility` on every permission-filtered artifact that has a value (in place). */
export function assessVisibility(a: SnapshotArtifacts, ev: VisibilityEvidence): void {
  const topics = topicVisibility(a, ev);
  const groups = groupVisibility(a, ev);
  const offsetDenied = ev.offsetFetchDenied.length ? filtered([`OffsetFetch was denied for ${ev.offsetFetchDenied.length} group(s)`], GROUP_GRANT) : null;
  const worst = (...vs: (ArtifactVisibility | null)[]) => vs.find((v) => v?.status === 'possibly-filtered') ?? vs.find((v) => v) ?? null;
  // Topic configs and offsets are read for the listed topics only; committed offsets (and samples of them) for
  // the listed groups only, minus denied OffsetFetch, minus topics the principal cannot see: each artifact's
  // catalog entry says which list it follows, and it takes that list's status, reason and grant.
  const byList = { topics, groups, 'topics-and-groups': worst(groups, offsetDenied, topics) };
  for (const { name, visibility } of ARTIFACT_LIST) {
    const v = visibility ? byList[visibility] : null;
    const art = a[name];
    if (v && art.ok) art.visibility = { ...v };
  }
}
