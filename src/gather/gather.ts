// The gather layer: the only code (with connect/) that talks to the cluster. It turns the port's answers into
// a Snapshot where every artifact is a value or an error with a reason. Each artifact's step is declared in
// ./gatherers.ts; this runs them in catalog order: the metadata steps, then one concurrent batch, the steps its
// requests also answer, then the after-batch steps. Requests are batched so their number depends on brokers and
// group coordinators only — one request carries every partition or group — except topic configs, chunked by
// TOPIC_CONFIG_CHUNK topics: DescribeConfigs = brokers + ceil(topics / 200).

import type { ClusterClient } from '../connect/port.js';
import { randomUUID } from 'node:crypto';
import { assessVisibility } from './visibility.js';
import { type ArtifactError, type ArtifactName, absentArtifactError, ARTIFACT_NAMES, SNAPSHOT_VERSION, type Snapshot, type SnapshotArtifacts, type TopicInfo } from '../model/snapshot.js';
import type { GatherContext } from './gather-context.js';
import { GATHERERS, type GatherEnv, type GatherStep, type GroupRead } from './gatherers.js';
import { probeGroup, probeTopic } from './reads.js';

export type { GatherContext, GatherEvent } from './gather-context.js';
export { TOPIC_CONFIG_CHUNK } from './reads.js';

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

  // Each artifact's result as its step starts (promises), and each batch step's whole answer (shared by `with`).
  const results = new Map<ArtifactName, Promise<unknown>>();
  const answers = new Map<ArtifactName, Promise<unknown>>();
  const env: GatherEnv = {
    client,
    ctx,
    metadata,
    brokerIds,
    topics,
    takenAt,
    started: (name) => {
      const r = results.get(name);
      if (!r) throw new Error(`gather: ${name} is read before it is started (gatherers.ts order)`);
      return r as Promise<SnapshotArtifacts[typeof name]>;
    },
  };
  const artifacts = {} as Record<ArtifactName, unknown>;
  const steps = ARTIFACT_NAMES.map((name) => ({ name, s: GATHERERS[name] as GatherStep<ArtifactName> }));
  for (const { name, s } of steps) if (s.step === 'metadata') results.set(name, Promise.resolve(s.read(env)));
  // A leading read is sent before the batch; it is timed and reported in its catalog place like the others.
  const leading = new Map(steps.flatMap(({ name, s }) => (s.step === 'batch' && s.leads ? [[name, s.read(env)] as const] : [])));
  await Promise.all(
    steps.flatMap(({ name, s }) => {
      if (s.step !== 'batch') return [];
      const answer = timed(name, () => leading.get(name) ?? s.read(env));
      answers.set(name, answer);
      const result = answer.then(s.pick);
      results.set(name, result);
      return [result];
    }),
  );
  for (const { name, s } of steps) {
    if (s.step !== 'with') continue;
    results.set(name, answers.get(s.of)!.then(s.pick));
    artifactMs[name] = artifactMs[s.of] ?? 0;
  }
  for (const { name, s } of steps) {
    if (s.step === 'elsewhere') results.set(name, Promise.resolve({ ok: false, error: absentArtifactError(name) }));
    if (s.step !== 'after') continue;
    const result = s.timed ? timed(name, () => s.read(env)) : s.read(env);
    results.set(name, result);
    await result;
  }
  for (const name of ARTIFACT_NAMES) artifacts[name] = await results.get(name)!;
  const gathered = artifacts as SnapshotArtifacts;
  const { cluster } = gathered;

  annotateSuspiciousEmptiness(gathered);
  const ops = cluster.ok ? cluster.value.authorizedOperations : null;
  const clusterDescribe = !!ops && (ops.includes('DESCRIBE') || ops.includes('ALL'));
  assessVisibility(gathered, {
    principal: ctx.target.principal ? `User:${ctx.target.principal}` : null,
    topicProbe,
    // ListGroups lists every group to a principal with DESCRIBE on the Cluster: no probe needed then.
    // Any broker checks the ACL first; the last one is usually not the bootstrap connection the batch used most.
    groupProbe: clusterDescribe || brokerIds.length === 0 ? null : await probeGroup(client, brokerIds[brokerIds.length - 1]!, probeName),
    offsetFetchDenied: ((await answers.get('groups')) as GroupRead).offsetFetchDenied,
  });

  const requests = client.requestCounts();
  for (const { name, s } of steps) if (s.step === 'batch' && s.requests) Object.assign(requests, s.requests(artifacts[name] as SnapshotArtifacts[ArtifactName]));
  return {
    snapshotVersion: SNAPSHOT_VERSION,
    tool: { name: 'kafka-readiness', version: ctx.toolVersion },
    takenAt,
    target: ctx.target,
    artifacts: gathered,
    stats: {
      requests: Object.fromEntries(Object.entries(requests).sort(([a], [b]) => a.localeCompare(b))),
      totalRequests: Object.values(requests).reduce((a, b) => a + b, 0),
      artifactMs,
      durationMs: Date.now() - started,
    },
  };
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
