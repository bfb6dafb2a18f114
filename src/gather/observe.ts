// The --observe window: further samples of offsets and group positions after the scan's own (the first sample).

import type { ClusterClient } from '../connect/port.js';
import { dict, dictFrom } from '../model/dict.js';
import type { Artifact, ArtifactError, OffsetSample, SnapshotArtifacts, TopicInfo } from '../model/snapshot.js';
import type { GatherContext } from './gather-context.js';
import { gatherGroups, gatherOffsets, type Settled } from './reads.js';

export function sampleOf(
  at: string,
  offsets: SnapshotArtifacts['offsets'],
  groups: SnapshotArtifacts['groups'],
  groupOffsets: SnapshotArtifacts['groupOffsets'],
  topics: TopicInfo[],
): Settled<OffsetSample> {
  if (!offsets.ok) return { ok: false, error: offsets.error };
  if (!groupOffsets.ok) return { ok: false, error: groupOffsets.error };
  const list = groups.ok ? groups.value : [];
  const partial = missingPartitions(offsets, topics);
  return {
    ok: true,
    value: {
      at,
      offsets: offsets.value,
      groupOffsets: groupOffsets.value,
      groupStates: dictFrom(list.map((g) => [g.groupId, g.state])),
      groupMembers: dictFrom(list.map((g) => [g.groupId, g.members.length])),
      ...(partial ? { partial } : {}),
    },
  };
}

/** The partitions a sample has no log end offset for because their leader did not answer (null: none). */
function missingPartitions(offsets: SnapshotArtifacts['offsets'] & { ok: true }, topics: TopicInfo[]): OffsetSample['partial'] | null {
  if (!offsets.issues?.length) return null;
  const missing = dict<number[]>();
  for (const t of topics) {
    const got = offsets.value[t.name] ?? {};
    const lacking = t.partitions.filter((p) => p.leader >= 0 && (got[String(p.partition)]?.latest ?? null) === null).map((p) => p.partition);
    if (lacking.length) missing[t.name] = lacking;
  }
  if (Object.keys(missing).length === 0) return null;
  return { partitions: missing, reason: offsets.issues.map((i) => i.message).join('; ') };
}

function countPartitions(m: Record<string, number[]>): number {
  return Object.values(m).reduce((n, ps) => n + ps.length, 0);
}

/**
 * The observation window: further samples of offsets and group positions, evenly spaced. Each sample costs
 * the same batched requests as the first (ListOffsets per leader, ListGroups per broker, DescribeGroups and
 * OffsetFetch per coordinator), so the request count grows with samples × brokers, never with topics.
 */
export async function observe(client: ClusterClient, ctx: GatherContext, topics: TopicInfo[], brokerIds: number[], first: Settled<OffsetSample>): Promise<Artifact<OffsetSample[]>> {
  if (!first.ok) return { ok: false, error: first.error };
  const out: OffsetSample[] = [first.value];
  const issues: ArtifactError[] = [];
  // A sample that lacks partitions says so in the artifact too, so every check reading samples shows it.
  const notePartial = (n: number, s: OffsetSample) => {
    if (!s.partial) return;
    const count = countPartitions(s.partial.partitions);
    const names = Object.entries(s.partial.partitions).flatMap(([t, ps]) => ps.map((p) => `${t}-${p}`));
    const reason: ArtifactError['reason'] = /timed out/.test(s.partial.reason) ? 'timeout' : 'unreachable';
    issues.push({ reason, api: 'ListOffsets', message: `sample ${n} at ${s.at} is partial: no offsets for ${count} partition(s) (${names.slice(0, 10).join(', ')}${names.length > 10 ? ', …' : ''}): ${s.partial.reason}` });
  };
  notePartial(1, first.value);
  const plan = ctx.observe;
  if (!plan || plan.samples <= 1 || plan.windowMs <= 0) return issues.length ? { ok: true, value: out, issues } : { ok: true, value: out };
  const sleep = ctx.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const start = Date.parse(first.value.at);
  const interval = plan.windowMs / (plan.samples - 1);
  let previous = start;
  for (let i = 1; i < plan.samples; i++) {
    // On the even schedule, but never closer than one interval to the previous sample: when a pass overruns
    // (a large cluster), later samples shift instead of bunching up right after it.
    const due = Math.max(start + Math.round(interval * i), previous + Math.round(interval));
    ctx.progress?.({ type: 'wait', sample: i + 1, of: plan.samples, dueAt: due, endsAt: start + plan.windowMs });
    await sleep(Math.max(0, due - Date.now()));
    previous = Math.max(due, Date.now());
    const at = (ctx.now ?? (() => new Date()))().toISOString();
    const [offsets, groups] = await Promise.all([gatherOffsets(client, topics), gatherGroups(client, brokerIds)]);
    const sample = sampleOf(at, offsets, groups.groups, groups.groupOffsets, topics);
    if (sample.ok) {
      out.push(sample.value);
      notePartial(i + 1, sample.value);
    } else issues.push({ ...sample.error, message: `sample ${i + 1} at ${at}: ${sample.error.message}` });
    ctx.log?.(`sample ${i + 1}/${plan.samples} at ${at}`);
  }
  return issues.length ? { ok: true, value: out, issues } : { ok: true, value: out };
}

