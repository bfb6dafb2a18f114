// The gather layer: the only code (with connect/) that talks to the cluster. It turns the port's answers into
// a Snapshot where every artifact is a value or an error with a reason. Requests are batched so their number
// depends on brokers and group coordinators only — one request carries every partition or group — except
// topic configs, chunked by TOPIC_CONFIG_CHUNK topics: DescribeConfigs = brokers + ceil(topics / 200).

import { KafkaRequestError, type ClusterClient, type ConfigResourceRef, type ConfigResult, type DescribedGroup, type MetadataResult, type MetricsPort } from '../connect/port.js';
import { randomUUID } from 'node:crypto';
import { errorMessage } from '../errors.js';
import { dict, dictFrom } from '../model/dict.js';
import { assessVisibility, type ProbeAnswer } from './visibility.js';
import {
  type Artifact,
  type ArtifactError,
  type ArtifactName,
  type CloudWatchArtifact,
  type GroupInfo,
  type OffsetSample,
  type PartitionOffsets,
  type ProbeArtifact,
  absentArtifactError,
  SNAPSHOT_VERSION,
  type Snapshot,
  type SnapshotArtifacts,
  type SnapshotTarget,
  type TopicInfo,
} from '../model/snapshot.js';

export interface GatherContext {
  target: SnapshotTarget;
  toolVersion: string;
  now?: () => Date;
  /** Progress lines for stderr (never carries a secret: messages come from artifact errors). */
  log?: (line: string) => void;
  /** --observe: sample offsets and group positions this many times over this window (default: one sample, no wait). */
  observe?: { windowMs: number; samples: number };
  /** Waits between samples; tests may replace it. */
  sleep?: (ms: number) => Promise<void>;
  /** Reads Amazon MSK metrics from CloudWatch (--cloudwatch); absent means not requested. */
  cloudwatch?: MetricsPort;
  /**
   * The write probe (--allow-writes): runs after every read-only artifact is gathered, so the snapshot shows the
   * cluster as it was before the probe; absent means not requested. Its requests travel on its own clients.
   */
  probe?: (seen: { topicConfigs: SnapshotArtifacts['topicConfigs']; brokerConfigs: SnapshotArtifacts['brokerConfigs']; apiVersions: SnapshotArtifacts['apiVersions'] }) => Promise<ProbeArtifact>;
  /** Structured progress for the terminal status line (src/commands/progress.ts). */
  progress?: (event: GatherEvent) => void;
}

/** What the gather is doing: an artifact started or finished (result = what it read), or waiting for a sample. */
export type GatherEvent =
  | { type: 'start'; name: ArtifactName | 'metadata' }
  | { type: 'done'; name: ArtifactName | 'metadata'; ms: number; result: unknown }
  | { type: 'wait'; sample: number; of: number; dueAt: number; endsAt: number };

type Settled<T> = { ok: true; value: T } | { ok: false; error: ArtifactError };

function toArtifactError(err: unknown): ArtifactError {
  if (err instanceof KafkaRequestError) return { reason: err.reason, message: err.message, api: err.api };
  return { reason: 'error', message: errorMessage(err) };
}

async function settle<T>(p: Promise<T>): Promise<Settled<T>> {
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
function mergePerBroker<T, R>(
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

export async function gatherSnapshot(client: ClusterClient, ctx: GatherContext): Promise<Snapshot> {
  const now = ctx.now ?? (() => new Date());
  const started = Date.now();
  const artifactMs: Record<string, number> = {};
  const timed = async <T>(name: ArtifactName | 'metadata', fn: () => Promise<T>): Promise<T> => {
    ctx.progress?.({ type: 'start', name });
    const t0 = performance.now();
    let result: T | undefined;
    try {
      return (result = await fn());
    } finally {
      artifactMs[name] = Math.round(performance.now() - t0);
      ctx.log?.(`gathered ${name} in ${artifactMs[name]} ms`);
      ctx.progress?.({ type: 'done', name, ms: artifactMs[name], result });
    }
  };

  const metadata = await timed('metadata', () => client.connect());
  const takenAt = now().toISOString();
  const brokerIds = metadata.brokers.map((b) => b.id);
  const topics: TopicInfo[] = metadata.topics
    .map((t) => ({ name: t.name, id: t.id, internal: t.internal, partitions: t.partitions, ...(t.error ? { error: t.error } : {}) }))
    .sort((a, b) => a.name.localeCompare(b.name));

  // A name no one uses, so the answer says whether the principal may DESCRIBE arbitrary names (read-only).
  const probeName = `kafka-readiness-visibility-probe-${randomUUID().slice(0, 8)}`;
  // Before the batch: a denied request in the batch must not be able to delay or spoil the probe's answer.
  const topicProbe = await probeTopic(client, probeName);

  // DescribeCluster answers first which Cluster operations this principal may perform: requests that need one
  // it lacks are not sent (see gatherScramUsers).
  const clusterFirst = gatherCluster(client, metadata);
  const [apiVersions, cluster, quorum, topicConfigs, brokerConfigs, acls, logDirs, offsets, groupsAndOffsets, quotas, scramUsers, cloudwatch] =
    await Promise.all([
      timed('apiVersions', () => gatherApiVersions(client, brokerIds)),
      timed('cluster', () => clusterFirst),
      timed('quorum', async () => fromSettled(await settle(client.describeQuorum()))),
      timed('topicConfigs', () => gatherTopicConfigs(client, topics, brokerIds)),
      timed('brokerConfigs', () => gatherBrokerConfigs(client, brokerIds)),
      timed('acls', async () => fromSettled(await settle(client.describeAcls()))),
      timed('logDirs', () => gatherLogDirs(client, brokerIds, topics)),
      timed('offsets', () => gatherOffsets(client, topics)),
      timed('groups', () => gatherGroups(client, brokerIds)),
      timed('quotas', async () => fromSettled(await settle(client.describeClientQuotas()))),
      timed('scramUsers', () => gatherScramUsers(client, clusterFirst)),
      timed('cloudwatch', async (): Promise<Artifact<CloudWatchArtifact>> =>
        ctx.cloudwatch
          ? fromSettled(await settle(ctx.cloudwatch.mskMetrics()))
          : { ok: false, error: absentArtifactError('cloudwatch') },
      ),
    ]);
  artifactMs.groupOffsets = artifactMs.groups ?? 0;

  const first = sampleOf(takenAt, offsets, groupsAndOffsets.groups, groupsAndOffsets.groupOffsets, topics);
  const samples = await timed('samples', () => observe(client, ctx, topics, brokerIds, first));
  const probe: Artifact<ProbeArtifact> = ctx.probe
    ? fromSettled(await settle(ctx.probe({ topicConfigs, brokerConfigs, apiVersions })))
    : { ok: false, error: absentArtifactError('probe') };

  const artifacts: SnapshotArtifacts = {
    apiVersions,
    cluster,
    quorum,
    topics: { ok: true, value: topics },
    topicConfigs,
    brokerConfigs,
    acls,
    logDirs,
    offsets,
    groups: groupsAndOffsets.groups,
    groupOffsets: groupsAndOffsets.groupOffsets,
    quotas,
    scramUsers,
    samples,
    cloudwatch,
    migration: { ok: false, error: absentArtifactError('migration') },
    probe,
  };
  annotateSuspiciousEmptiness(artifacts);
  const ops = cluster.ok ? cluster.value.authorizedOperations : null;
  const clusterDescribe = !!ops && (ops.includes('DESCRIBE') || ops.includes('ALL'));
  assessVisibility(artifacts, {
    principal: ctx.target.principal ? `User:${ctx.target.principal}` : null,
    topicProbe,
    // ListGroups lists every group to a principal with DESCRIBE on the Cluster: no probe needed then.
    // Any broker checks the ACL first; the last one is usually not the bootstrap connection the batch used most.
    groupProbe: clusterDescribe || brokerIds.length === 0 ? null : await probeGroup(client, brokerIds[brokerIds.length - 1]!, probeName),
    offsetFetchDenied: groupsAndOffsets.offsetFetchDenied,
  });

  const requests = client.requestCounts();
  if (cloudwatch.ok) for (const [api, n] of Object.entries(cloudwatch.value.calls)) requests[`CloudWatch.${api}`] = n;
  return {
    snapshotVersion: SNAPSHOT_VERSION,
    tool: { name: 'kafka-readiness', version: ctx.toolVersion },
    takenAt,
    target: ctx.target,
    artifacts,
    stats: {
      requests: Object.fromEntries(Object.entries(requests).sort(([a], [b]) => a.localeCompare(b))),
      totalRequests: Object.values(requests).reduce((a, b) => a + b, 0),
      artifactMs,
      durationMs: Date.now() - started,
    },
  };
}

function sampleOf(
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
async function observe(client: ClusterClient, ctx: GatherContext, topics: TopicInfo[], brokerIds: number[], first: Settled<OffsetSample>): Promise<Artifact<OffsetSample[]>> {
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

function fromSettled<T>(s: Settled<T>): Artifact<T> {
  return s.ok ? { ok: true, value: s.value } : { ok: false, error: s.error };
}

async function gatherApiVersions(client: ClusterClient, brokerIds: number[]): Promise<SnapshotArtifacts['apiVersions']> {
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

async function gatherCluster(client: ClusterClient, metadata: MetadataResult): Promise<SnapshotArtifacts['cluster']> {
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
async function gatherScramUsers(client: ClusterClient, cluster: Promise<SnapshotArtifacts['cluster']>): Promise<SnapshotArtifacts['scramUsers']> {
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
async function gatherTopicConfigs(client: ClusterClient, topics: TopicInfo[], brokerIds: number[]): Promise<SnapshotArtifacts['topicConfigs']> {
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
  const value = dict<import('./snapshot.js').ConfigMap>();
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

async function gatherBrokerConfigs(client: ClusterClient, brokerIds: number[]): Promise<SnapshotArtifacts['brokerConfigs']> {
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

async function gatherLogDirs(client: ClusterClient, brokerIds: number[], topics: TopicInfo[]): Promise<SnapshotArtifacts['logDirs']> {
  const parts = await Promise.all(brokerIds.map(async (broker) => ({ broker, result: await settle(client.describeLogDirs(broker)) })));
  const merged = mergePerBroker(parts, (ok) => Object.fromEntries(ok.map((o) => [String(o.broker), o.value])));
  // An unauthorized DescribeLogDirs may come back empty rather than as an error.
  if (merged.ok && topics.length > 0 && Object.values(merged.value).every((dirs) => dirs.length === 0)) {
    return { ok: false, error: { reason: 'denied', api: 'DescribeLogDirs', message: 'DescribeLogDirs returned no log dirs although topics exist (missing DESCRIBE on Cluster?)' } };
  }
  return merged;
}

async function gatherOffsets(client: ClusterClient, topics: TopicInfo[]): Promise<SnapshotArtifacts['offsets']> {
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

async function probeTopic(client: ClusterClient, name: string): Promise<ProbeAnswer | null> {
  if (!client.probeTopicDescribe) return null;
  const r = await settle(client.probeTopicDescribe(name));
  if (!r.ok) return { kind: 'failed', detail: `Metadata probe failed: ${r.error.message}` };
  return r.value.authorized
    ? { kind: 'authorized', detail: `Metadata for an unknown topic name answered ${r.value.code === 'NONE' ? 'with the topic' : r.value.code}` }
    : { kind: 'denied', detail: `Metadata for an unknown topic name answered ${r.value.code}` };
}

async function probeGroup(client: ClusterClient, broker: number, name: string): Promise<ProbeAnswer> {
  // DescribeGroups checks DESCRIBE on the group before anything else, so any other answer means "allowed".
  const r = await settle(client.describeGroups(broker, [name]));
  if (!r.ok) return { kind: r.error.reason === 'denied' ? 'denied' : 'failed', detail: `DescribeGroups probe failed: ${r.error.message}` };
  const code = r.value[0]?.error ?? 'NONE';
  return /AUTHORIZATION_FAILED/.test(code)
    ? { kind: 'denied', detail: `DescribeGroups for an unknown group name answered ${code}` }
    : { kind: 'authorized', detail: `DescribeGroups for an unknown group name answered ${code === 'NONE' ? 'an empty (Dead) group' : code}` };
}

async function gatherGroups(client: ClusterClient, brokerIds: number[]): Promise<{ groups: SnapshotArtifacts['groups']; groupOffsets: SnapshotArtifacts['groupOffsets']; offsetFetchDenied: string[] }> {
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

function normalizeState(state: string): string {
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

/** ListGroups answers an empty list when nothing is authorized; say so when the cluster clearly has groups. */
function annotateSuspiciousEmptiness(a: SnapshotArtifacts): void {
  if (!a.groups.ok || a.groups.value.length > 0 || !a.cluster.ok) return;
  const ops = a.cluster.value.authorizedOperations;
  if (ops && !ops.includes('DESCRIBE') && !ops.includes('ALL')) {
    const issue: ArtifactError = {
      reason: 'denied',
      api: 'ListGroups',
      message: 'no consumer groups listed and the principal lacks DESCRIBE on Cluster: groups it may not describe are invisible',
    };
    a.groups = { ok: true, value: [], issues: [issue] };
  }
}
