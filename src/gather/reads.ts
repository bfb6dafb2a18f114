// The reads behind each artifact: one function per artifact (or pair read together), each turning the port's
// answers into a value or an error with a reason. Requests are batched so their number depends on brokers and
// group coordinators only, except topic configs (TOPIC_CONFIG_CHUNK topics per request). Which read makes which
// artifact, and when, is ./gatherers.ts.

import { KafkaRequestError, type ClusterClient, type ConfigResourceRef, type ConfigResult, type DescribedGroup, type MetadataResult } from '../connect/port.js';
import { errorMessage } from '../errors.js';
import { dict } from '../model/dict.js';
import type { ProbeAnswer } from './visibility.js';
import type { Artifact, ArtifactError, ConfigMap, GroupInfo, PartitionOffsets, SnapshotArtifacts, TopicInfo } from '../model/snapshot.js';

export type Settled<T> = { ok: true; value: T } | { ok: false; error: ArtifactError };

function toArtifactError(err: unknown): ArtifactError {
  if (err instanceof KafkaRequestError) return { reason: err.reason, message: err.message, api: err.api };
  return { reason: 'error', message: errorMessage(err) };
}

export async function settle<T>(p: Promise<T>): Promise<Settled<T>> {
  try {
    return { ok: true, value: await p };
  } catch (err) {
    return { ok: false, error: toArtifactError(err) };
  }
}

/**
 * Merges per-broker (or per-coordinator) answers: all failed → the artifact is an error (the most telling
 * reason wins); some failed → a value with issues naming the brokers that did not answer.
 */
export function mergePerBroker<T, R>(
  parts: { broker: number; result: Settled<T> }[],
  combine: (ok: { broker: number; value: T }[]) => R,
): Artifact<R> {
  const ok = parts.flatMap((p) => (p.result.ok ? [{ broker: p.broker, value: p.result.value }] : []));
  const failed = parts.flatMap((p) => (p.result.ok ? [] : [{ broker: p.broker, error: p.result.error }]));
  if (parts.length > 0 && ok.length === 0) {
    const denied = failed.find((f) => f.error.reason === 'denied');
    const first = (denied ?? failed[0])!;
    return { ok: false, error: first.error };
  }
  const value = combine(ok);
  if (failed.length === 0) return { ok: true, value };
  return {
    ok: true,
    value,
    issues: failed.map((f) => ({ ...f.error, message: `broker ${f.broker}: ${f.error.message}` })),
  };
}

export function fromSettled<T>(s: Settled<T>): Artifact<T> {
  return s.ok ? { ok: true, value: s.value } : { ok: false, error: s.error };
}

export async function gatherApiVersions(client: ClusterClient, brokerIds: number[]): Promise<SnapshotArtifacts['apiVersions']> {
  const parts = await Promise.all(brokerIds.map(async (broker) => ({ broker, result: await settle(client.apiVersions(broker)) })));
  return mergePerBroker(parts, (ok) => ({
    requestVersion: Math.max(...ok.map((o) => o.value.requestVersion)),
    brokers: Object.fromEntries(
      ok.map((o) => {
        const { requestVersion: _ignored, ...rest } = o.value;
        return [String(o.broker), rest];
      }),
    ),
  }));
}

export async function gatherCluster(client: ClusterClient, metadata: MetadataResult): Promise<SnapshotArtifacts['cluster']> {
  const described = await settle(client.describeCluster());
  if (described.ok) return { ok: true, value: described.value };
  // Metadata already gave id, brokers and racks; only the authorized operations are lost.
  return {
    ok: true,
    value: { clusterId: metadata.clusterId, controllerId: metadata.controllerId, brokers: metadata.brokers, authorizedOperations: null },
    issues: [described.error],
  };
}

/**
 * DescribeUserScramCredentials needs DESCRIBE on the Cluster. When DescribeCluster says the principal lacks it,
 * the request is not sent: it is denied anyway, and Kafka 4.1 never answers it (the scan would wait out the
 * request timeout). With the operations unknown, it is sent (on a connection of its own, see the adapter).
 */
export async function gatherScramUsers(client: ClusterClient, cluster: Promise<SnapshotArtifacts['cluster']>): Promise<SnapshotArtifacts['scramUsers']> {
  const c = await cluster;
  const ops = c.ok ? c.value.authorizedOperations : null;
  if (ops && !ops.includes('DESCRIBE') && !ops.includes('ALL')) {
    return {
      ok: false,
      error: {
        reason: 'denied',
        api: 'DescribeUserScramCredentials',
        message: `not sent: DescribeUserScramCredentials needs DESCRIBE on the Cluster, which this principal lacks (DescribeCluster: authorized operations ${ops.length ? ops.join(', ') : 'none'})`,
      },
    };
  }
  return fromSettled(await settle(client.describeScramUsers()));
}

/** Topics per DescribeConfigs request: one request for every topic grew superlinearly in client CPU. */
export const TOPIC_CONFIG_CHUNK = 200;
/** DescribeConfigs requests in flight at once (one per broker, at most this many). */
const TOPIC_CONFIG_CONCURRENCY = 8;

/**
 * Topic configs in chunks of TOPIC_CONFIG_CHUNK topics, chunk i sent to broker i mod brokers, at most one
 * request per broker in flight (bounded by TOPIC_CONFIG_CONCURRENCY): ceil(topics / 200) requests, spread.
 * A chunk its broker cannot answer is retried once on any broker.
 */
export async function gatherTopicConfigs(client: ClusterClient, topics: TopicInfo[], brokerIds: number[]): Promise<SnapshotArtifacts['topicConfigs']> {
  const chunks: ConfigResourceRef[][] = [];
  for (let i = 0; i < topics.length; i += TOPIC_CONFIG_CHUNK) chunks.push(topics.slice(i, i + TOPIC_CONFIG_CHUNK).map((t) => ({ type: 'topic' as const, name: t.name })));
  const results: Settled<ConfigResult[]>[] = new Array(chunks.length);
  const workers = Math.max(1, Math.min(brokerIds.length, TOPIC_CONFIG_CONCURRENCY, chunks.length));
  await Promise.all(
    Array.from({ length: workers }, async (_, w) => {
      for (let i = w; i < chunks.length; i += workers) {
        const broker = brokerIds.length ? brokerIds[i % brokerIds.length]! : null;
        let r = await settle(client.describeConfigs(broker, chunks[i]!));
        if (!r.ok && broker !== null && (r.error.reason === 'unreachable' || r.error.reason === 'timeout')) r = await settle(client.describeConfigs(null, chunks[i]!));
        results[i] = r;
      }
    }),
  );
  // Keyed by topic name: a topic may be called __proto__ (see model/dict.ts).
  const value = dict<ConfigMap>();
  const issues: ArtifactError[] = [];
  const failed = results.filter((r) => !r.ok);
  if (chunks.length > 0 && failed.length === chunks.length) {
    const denied = failed.find((f) => !f.ok && f.error.reason === 'denied');
    const first = (denied ?? failed[0])!;
    if (!first.ok) return { ok: false, error: first.error };
  }
  results.forEach((result, i) => {
    if (!result.ok) {
      issues.push({ ...result.error, message: `topics ${chunks[i]![0]!.name} … ${chunks[i]!.at(-1)!.name} (${chunks[i]!.length}): ${result.error.message}` });
      return;
    }
    for (const r of result.value) {
      if (r.error) issues.push({ reason: r.error.reason, message: `topic ${r.name}: ${r.error.message}`, api: 'DescribeConfigs' });
      else value[r.name] = r.configs;
    }
  });
  if (topics.length > 0 && Object.keys(value).length === 0 && issues.length > 0) return { ok: false, error: { ...issues[0]!, message: `no topic configs readable (${issues.length} topics failed, first: ${issues[0]!.message})` } };
  return issues.length ? { ok: true, value, issues } : { ok: true, value };
}

export async function gatherBrokerConfigs(client: ClusterClient, brokerIds: number[]): Promise<SnapshotArtifacts['brokerConfigs']> {
  const parts = await Promise.all(
    brokerIds.map(async (broker) => {
      const res = await settle(client.describeConfigs(broker, [{ type: 'broker', name: String(broker) }]));
      if (!res.ok) return { broker, result: res };
      const r = res.value[0];
      if (!r) return { broker, result: { ok: false as const, error: { reason: 'error' as const, message: 'empty DescribeConfigs answer', api: 'DescribeConfigs' } } };
      if (r.error) return { broker, result: { ok: false as const, error: { reason: r.error.reason, message: r.error.message, api: 'DescribeConfigs' } } };
      return { broker, result: { ok: true as const, value: r.configs } };
    }),
  );
  return mergePerBroker(parts, (ok) => Object.fromEntries(ok.map((o) => [String(o.broker), o.value])));
}

export async function gatherLogDirs(client: ClusterClient, brokerIds: number[], topics: TopicInfo[]): Promise<SnapshotArtifacts['logDirs']> {
  const parts = await Promise.all(brokerIds.map(async (broker) => ({ broker, result: await settle(client.describeLogDirs(broker)) })));
  const merged = mergePerBroker(parts, (ok) => Object.fromEntries(ok.map((o) => [String(o.broker), o.value])));
  // An unauthorized DescribeLogDirs may come back empty rather than as an error.
  if (merged.ok && topics.length > 0 && Object.values(merged.value).every((dirs) => dirs.length === 0)) {
    return { ok: false, error: { reason: 'denied', api: 'DescribeLogDirs', message: 'DescribeLogDirs returned no log dirs although topics exist (missing DESCRIBE on Cluster?)' } };
  }
  return merged;
}

export async function gatherOffsets(client: ClusterClient, topics: TopicInfo[]): Promise<SnapshotArtifacts['offsets']> {
  const byLeader = new Map<number, Map<string, number[]>>();
  const value = dict<Record<string, PartitionOffsets>>();
  for (const t of topics) {
    const perTopic: Record<string, PartitionOffsets> = (value[t.name] = {});
    for (const p of t.partitions) {
      if (p.leader < 0) {
        perTopic[String(p.partition)] = { earliest: null, latest: null, error: 'LEADER_NOT_AVAILABLE' };
        continue;
      }
      const m = byLeader.get(p.leader) ?? new Map<string, number[]>();
      byLeader.set(p.leader, m);
      const list = m.get(t.name) ?? [];
      list.push(p.partition);
      m.set(t.name, list);
    }
  }
  const parts = await Promise.all(
    [...byLeader.entries()].map(async ([broker, m]) => {
      const request = [...m.entries()].map(([topic, partitions]) => ({ topic, partitions }));
      const [earliest, latest, stable] = await Promise.all([
        settle(client.listOffsets(broker, -2, request)),
        settle(client.listOffsets(broker, -1, request)),
        settle(client.listOffsets(broker, -1, request, 'read_committed')),
      ]);
      if (!earliest.ok) return { broker, result: earliest };
      if (!latest.ok) return { broker, result: latest };
      return { broker, result: { ok: true as const, value: { earliest: earliest.value, latest: latest.value, stable: stable.ok ? stable.value : [] } } };
    }),
  );
  return mergePerBroker(parts, (ok) => {
    for (const { value: v } of ok) {
      for (const e of v.earliest) {
        const slot = (value[e.topic]![String(e.partition)] ??= { earliest: null, latest: null });
        slot.earliest = e.offset;
        if (e.error) slot.error = e.error;
      }
      for (const l of v.latest) {
        const slot = (value[l.topic]![String(l.partition)] ??= { earliest: null, latest: null });
        slot.latest = l.offset;
        if (l.error) slot.error = l.error;
      }
      for (const st of v.stable) {
        const slot = (value[st.topic]![String(st.partition)] ??= { earliest: null, latest: null });
        slot.stable = st.offset;
      }
    }
    return value;
  });
}

export async function probeTopic(client: ClusterClient, name: string): Promise<ProbeAnswer | null> {
  if (!client.probeTopicDescribe) return null;
  const r = await settle(client.probeTopicDescribe(name));
  if (!r.ok) return { kind: 'failed', detail: `Metadata probe failed: ${r.error.message}` };
  return r.value.authorized
    ? { kind: 'authorized', detail: `Metadata for an unknown topic name answered ${r.value.code === 'NONE' ? 'with the topic' : r.value.code}` }
    : { kind: 'denied', detail: `Metadata for an unknown topic name answered ${r.value.code}` };
}

export async function probeGroup(client: ClusterClient, broker: number, name: string): Promise<ProbeAnswer> {
  // DescribeGroups checks DESCRIBE on the group before anything else, so any other answer means "allowed".
  const r = await settle(client.describeGroups(broker, [name]));
  if (!r.ok) return { kind: r.error.reason === 'denied' ? 'denied' : 'failed', detail: `DescribeGroups probe failed: ${r.error.message}` };
  const code = r.value[0]?.error ?? 'NONE';
  return /AUTHORIZATION_FAILED/.test(code)
    ? { kind: 'denied', detail: `DescribeGroups for an unknown group name answered ${code}` }
    : { kind: 'authorized', detail: `DescribeGroups for an unknown group name answered ${code === 'NONE' ? 'an empty (Dead) group' : code}` };
}

export async function gatherGroups(client: ClusterClient, brokerIds: number[]): Promise<{ groups: SnapshotArtifacts['groups']; groupOffsets: SnapshotArtifacts['groupOffsets']; offsetFetchDenied: string[] }> {
  // Each broker lists the groups it coordinates, so no FindCoordinator round trip is needed.
  const listed = await Promise.all(brokerIds.map(async (broker) => ({ broker, result: await settle(client.listGroups(broker)) })));
  const perCoordinator = await Promise.all(
    listed.map(async ({ broker, result }) => {
      if (!result.ok) return { broker, result: { ok: false as const, error: result.error }, offsets: { ok: false as const, error: result.error } };
      const classic = result.value.filter((g) => g.type !== 'consumer').map((g) => g.groupId);
      const modern = result.value.filter((g) => g.type === 'consumer').map((g) => g.groupId);
      const [described, described848, offsets] = await Promise.all([
        settle(client.describeGroups(broker, classic)),
        settle(client.consumerGroupDescribe(broker, modern)),
        settle(client.offsetFetch(broker, result.value.map((g) => g.groupId))),
      ]);
      const byId = new Map<string, DescribedGroup>();
      if (described.ok) for (const d of described.value) byId.set(d.groupId, d);
      if (described848.ok) for (const d of described848.value) byId.set(d.groupId, d);
      const groups: GroupInfo[] = result.value.map((g) => {
        const d = byId.get(g.groupId);
        const failed = g.type === 'consumer' ? described848 : described;
        return {
          groupId: g.groupId,
          type: g.type,
          protocolType: d?.protocolType ?? g.protocolType,
          state: normalizeState(d?.state ?? g.state),
          coordinator: broker,
          members: d?.members ?? [],
          ...(d?.error ? { error: d.error } : !failed.ok ? { error: failed.error.message } : {}),
        };
      });
      return { broker, result: { ok: true as const, value: groups }, offsets };
    }),
  );
  const groups = mergePerBroker(
    perCoordinator.map((p) => ({ broker: p.broker, result: p.result })),
    (ok) => ok.flatMap((o) => o.value).sort((a, b) => a.groupId.localeCompare(b.groupId)),
  );
  const groupOffsets = mergePerBroker(
    perCoordinator.map((p) => ({ broker: p.broker, result: p.offsets })),
    (ok) => {
      const out = dict<Record<string, Record<string, string>>>();
      for (const o of ok) for (const g of o.value) out[g.groupId] = g.offsets;
      return out;
    },
  );
  const offsetFetchDenied = perCoordinator.flatMap((p) => (p.offsets.ok ? p.offsets.value.filter((g) => g.error && /AUTHORIZATION_FAILED/.test(g.error)).map((g) => g.groupId) : []));
  return { groups, groupOffsets, offsetFetchDenied };
}

export function normalizeState(state: string): string {
  // ListGroups/DescribeGroups say "Stable", ConsumerGroupDescribe says "stable": one spelling for checks.
  const s = state.replace(/[_\s]+/g, '').toLowerCase();
  const names: Record<string, string> = {
    stable: 'Stable',
    empty: 'Empty',
    dead: 'Dead',
    preparingrebalance: 'PreparingRebalance',
    completingrebalance: 'CompletingRebalance',
    assigning: 'Assigning',
    reconciling: 'Reconciling',
    notready: 'NotReady',
  };
  return names[s] ?? state;
}
