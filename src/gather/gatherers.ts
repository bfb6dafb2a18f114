// How each artifact of the catalog (src/model/artifacts.ts) is gathered, keyed by artifact name: the type
// makes the list complete (an artifact without a gatherer does not compile) and gather.ts runs it in catalog
// order, so adding an artifact means one entry here and one read, not an edit to the fan-out.

import type { ClusterClient, MetadataResult } from '../connect/port.js';
import { type Artifact, type ArtifactName, absentArtifactError, type SnapshotArtifacts, type TopicInfo } from '../model/snapshot.js';
import type { GatherContext } from './gather-context.js';
import { observe, sampleOf } from './observe.js';
import {
  fromSettled,
  gatherApiVersions,
  gatherBrokerConfigs,
  gatherCluster,
  gatherGroups,
  gatherLogDirs,
  gatherOffsets,
  gatherScramUsers,
  gatherTopicConfigs,
  settle,
} from './reads.js';

/** What every read may use: the port, the request, and what the Metadata answer at connect already said. */
export interface GatherEnv {
  client: ClusterClient;
  ctx: GatherContext;
  metadata: MetadataResult;
  brokerIds: number[];
  topics: TopicInfo[];
  takenAt: string;
  /** An artifact whose read has started (catalog order, or `leads`): its result, when it lands. */
  started<K extends ArtifactName>(name: K): Promise<SnapshotArtifacts[K]>;
}

/**
 * One artifact's gather step:
 * - metadata: made from the Metadata answer the connect already has (no request of its own);
 * - batch: read in the one concurrent batch, started in catalog order (`leads`: before all others, as later
 *   reads wait on its answer), timed and reported as progress under the artifact's name. `read` may answer more
 *   than the artifact (`pick` takes it out) so that artifacts read by the same requests share them (`with`);
 * - with: made by another batch step's requests (`of`), from that step's answer;
 * - after: read after the batch, in catalog order (samples wait out --observe; the write probe comes last so
 *   the snapshot shows the cluster as it was before it); `timed` as the batch steps;
 * - elsewhere: never gathered by a scan (stored as its catalog entry's absent error).
 * `requests`: counts of calls the port does not see (AWS), added to the snapshot's request stats.
 */
export type GatherStep<K extends ArtifactName> =
  | { step: 'metadata'; read(env: GatherEnv): SnapshotArtifacts[K] }
  | {
      step: 'batch';
      leads?: true;
      read(env: GatherEnv): Promise<unknown>;
      pick(answer: unknown): SnapshotArtifacts[K];
      requests?(artifact: SnapshotArtifacts[K]): Record<string, number>;
    }
  | { step: 'with'; of: ArtifactName; pick(answer: unknown): SnapshotArtifacts[K] }
  | { step: 'after'; timed: boolean; read(env: GatherEnv): Promise<SnapshotArtifacts[K]> }
  | { step: 'elsewhere'; by: string };

const batch = <K extends ArtifactName, R = SnapshotArtifacts[K]>(
  read: (env: GatherEnv) => Promise<R>,
  opts: { pick?: (answer: R) => SnapshotArtifacts[K]; leads?: true; requests?: (artifact: SnapshotArtifacts[K]) => Record<string, number> } = {},
): GatherStep<K> => ({
  step: 'batch',
  read,
  pick: (opts.pick ?? ((a: R) => a as unknown as SnapshotArtifacts[K])) as (answer: unknown) => SnapshotArtifacts[K],
  ...(opts.leads ? { leads: true as const } : {}),
  ...(opts.requests ? { requests: opts.requests } : {}),
});

const readWith = <K extends ArtifactName, R>(of: ArtifactName, pick: (answer: R) => SnapshotArtifacts[K]): GatherStep<K> => ({
  step: 'with',
  of,
  pick: pick as (answer: unknown) => SnapshotArtifacts[K],
});

/** A single request whose failure is the artifact's error. */
const single = <T>(p: Promise<T>): Promise<Artifact<T>> => settle(p).then(fromSettled);

/** Groups and their committed offsets come from the same requests (ListGroups, then per coordinator). */
export type GroupRead = Awaited<ReturnType<typeof gatherGroups>>;

export const GATHERERS: { [K in ArtifactName]: GatherStep<K> } = {
  apiVersions: batch((g) => gatherApiVersions(g.client, g.brokerIds)),
  // DescribeCluster answers first which Cluster operations this principal may perform: requests that need one
  // it lacks are not sent (see gatherScramUsers).
  cluster: batch((g) => gatherCluster(g.client, g.metadata), { leads: true }),
  quorum: batch((g) => single(g.client.describeQuorum())),
  topics: { step: 'metadata', read: (g) => ({ ok: true, value: g.topics }) },
  topicConfigs: batch((g) => gatherTopicConfigs(g.client, g.topics, g.brokerIds)),
  brokerConfigs: batch((g) => gatherBrokerConfigs(g.client, g.brokerIds)),
  acls: batch((g) => single(g.client.describeAcls())),
  logDirs: batch((g) => gatherLogDirs(g.client, g.brokerIds, g.topics)),
  offsets: batch((g) => gatherOffsets(g.client, g.topics)),
  groups: batch((g) => gatherGroups(g.client, g.brokerIds), { pick: (r) => r.groups }),
  groupOffsets: readWith('groups', (r: GroupRead) => r.groupOffsets),
  quotas: batch((g) => single(g.client.describeClientQuotas())),
  scramUsers: batch((g) => gatherScramUsers(g.client, g.started('cluster'))),
  samples: {
    step: 'after',
    timed: true,
    read: async (g) => {
      const [offsets, groups, groupOffsets] = await Promise.all([g.started('offsets'), g.started('groups'), g.started('groupOffsets')]);
      return observe(g.client, g.ctx, g.topics, g.brokerIds, sampleOf(g.takenAt, offsets, groups, groupOffsets, g.topics));
    },
  },
  cloudwatch: batch(async (g) => (g.ctx.cloudwatch ? single(g.ctx.cloudwatch.mskMetrics()) : { ok: false as const, error: absentArtifactError('cloudwatch') }), {
    requests: (a) => (a.ok ? Object.fromEntries(Object.entries(a.value.calls).map(([api, n]) => [`CloudWatch.${api}`, n])) : {}),
  }),
  migration: { step: 'elsewhere', by: 'compare (engine/migration-pair.ts pairs two snapshots)' },
  probe: {
    step: 'after',
    timed: false,
    read: async (g) => {
      const probe = g.ctx.probe;
      if (!probe) return { ok: false, error: absentArtifactError('probe') };
      const [topicConfigs, brokerConfigs, apiVersions] = await Promise.all([g.started('topicConfigs'), g.started('brokerConfigs'), g.started('apiVersions')]);
      return single(probe({ topicConfigs, brokerConfigs, apiVersions }));
    },
  },
};
