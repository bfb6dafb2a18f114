// The artifact catalog: every snapshot artifact is described here once — its name, value type, the requests
// that read it, the grant it needs, whether it is gathered always or on request, whether Kafka filters it by
// permission, and how the snapshot file stores it. The artifact names, the not-requested reasons, the
// permission advice, the visibility grants, the snapshot schema's record enums and the docs table are all
// derived from this one list (see docs/architecture.md, "Adding an artifact").

import type {
  AclBinding,
  ApiVersionsArtifact,
  Artifact,
  ArtifactError,
  CloudWatchArtifact,
  ClusterArtifact,
  ConfigMap,
  GroupInfo,
  GroupOffsetsArtifact,
  LogDirInfo,
  MigrationArtifact,
  OffsetSample,
  PartitionOffsets,
  ProbeArtifact,
  QuorumArtifact,
  QuotaEntry,
  ScramUserInfo,
  TopicInfo,
} from './artifact-values.js';

/**
 * The read grants a scan can lack. Kafka ACLs come from the Kafka ACL docs (operations and the requests they
 * allow), each with the Amazon MSK IAM action that stands for it; AWS grants are IAM actions of the identity
 * the AWS SDK resolves. Key order is the order of the read-only ACL set in the report.
 */
export const READ_GRANTS = {
  'DESCRIBE on Cluster': { kind: 'kafka-acl', selector: '--cluster', operation: 'DESCRIBE', iam: { action: 'kafka-cluster:DescribeCluster', resource: 'cluster' } },
  'DESCRIBE_CONFIGS on Cluster': { kind: 'kafka-acl', selector: '--cluster', operation: 'DESCRIBE_CONFIGS', iam: { action: 'kafka-cluster:DescribeClusterDynamicConfiguration', resource: 'cluster' } },
  "DESCRIBE on Topic '*'": { kind: 'kafka-acl', selector: "--topic '*'", operation: 'DESCRIBE', iam: { action: 'kafka-cluster:DescribeTopic', resource: 'topic' } },
  "DESCRIBE_CONFIGS on Topic '*'": { kind: 'kafka-acl', selector: "--topic '*'", operation: 'DESCRIBE_CONFIGS', iam: { action: 'kafka-cluster:DescribeTopicDynamicConfiguration', resource: 'topic' } },
  "DESCRIBE on Group '*'": { kind: 'kafka-acl', selector: "--group '*'", operation: 'DESCRIBE', iam: { action: 'kafka-cluster:DescribeGroup', resource: 'group' } },
  'cloudwatch:ListMetrics and cloudwatch:GetMetricData (AWS IAM)': { kind: 'aws-iam' },
} as const satisfies Record<string, KafkaAclGrant | AwsIamGrant>;

export interface KafkaAclGrant {
  kind: 'kafka-acl';
  /** kafka-acls.sh resource selector and operation. */
  selector: string;
  operation: string;
  /** The Amazon MSK IAM action that stands for this ACL, and its resource type (AWS MSK IAM access-control docs). */
  iam: { action: string; resource: 'cluster' | 'topic' | 'group' };
}

/** A grant outside Kafka: no kafka-acls.sh command makes it, so it is named as missing but not in the ACL set. */
export interface AwsIamGrant {
  kind: 'aws-iam';
}

export type GrantName = keyof typeof READ_GRANTS;

export interface ArtifactSpec {
  /** What it holds, one sentence (the docs table). */
  doc: string;
  /** Kafka APIs (or AWS calls) the gather sends for it; empty when it is built rather than read. */
  apis: readonly string[];
  /** The grant it is read under: a denied read names this grant, and the checks it cost, in the report. */
  grant: GrantName | null;
  /**
   * always: every gather reads it. on-request: only when asked for; without the request it is stored as
   * not-requested with this reason, and its checks are not-applicable (a request that ran and failed stays unknown).
   */
  gathered: { when: 'always' } | { when: 'on-request'; notRequested: string };
  /**
   * Lists Kafka filters by permission without an error, and what their completeness follows: the topic list,
   * the group list, or both (committed offsets are read for listed groups on listed topics). gather/visibility.ts
   * judges each one; checks that need a possibly-filtered list are unknown.
   */
  visibility: 'topics' | 'groups' | 'topics-and-groups' | null;
  /**
   * How the snapshot file stores the value: `items` as list chunks (any list of objects), `value` as one record,
   * `codec` with an encoding of its own in gather/snapshot-io.ts (large artifacts; typed by the schema).
   */
  file: 'items' | 'value' | 'codec';
}

/** Carries the artifact's value type `T` to the SnapshotArtifacts type; at run time it is the spec itself. */
interface TypedSpec<T> extends ArtifactSpec {
  readonly valueType?: T;
}
const artifact = <T>(spec: ArtifactSpec): TypedSpec<T> => spec;

const always = { when: 'always' } as const;

/** The catalog, in the order artifacts are listed everywhere (docs, snapshot validation, report tables). */
export const ARTIFACTS = {
  apiVersions: artifact<ApiVersionsArtifact>({
    doc: 'Per broker: the Kafka APIs and version ranges it answers, its supported and finalized features.',
    apis: ['ApiVersions'],
    grant: null,
    gathered: always,
    visibility: null,
    file: 'value',
  }),
  cluster: artifact<ClusterArtifact>({
    doc: 'Cluster id, controller, brokers (host, port, rack) and the Cluster operations the principal may perform.',
    apis: ['Metadata', 'DescribeCluster'],
    grant: 'DESCRIBE on Cluster',
    gathered: always,
    visibility: null,
    file: 'value',
  }),
  quorum: artifact<QuorumArtifact>({
    doc: 'The KRaft controller quorum: leader, epoch, voters and observers with their log end offsets.',
    apis: ['DescribeQuorum'],
    grant: 'DESCRIBE on Cluster',
    gathered: always,
    visibility: null,
    file: 'value',
  }),
  topics: artifact<TopicInfo[]>({
    doc: 'Topics with their partitions: leader, replicas, in-sync and offline replicas.',
    apis: ['Metadata'],
    grant: "DESCRIBE on Topic '*'",
    gathered: always,
    visibility: 'topics',
    file: 'codec',
  }),
  topicConfigs: artifact<Record<string, ConfigMap>>({
    doc: 'Topic → config name → value, source and synonyms.',
    apis: ['DescribeConfigs'],
    grant: "DESCRIBE_CONFIGS on Topic '*'",
    gathered: always,
    visibility: 'topics',
    file: 'codec',
  }),
  brokerConfigs: artifact<Record<string, ConfigMap>>({
    doc: 'Broker id → config name → value, source and synonyms.',
    apis: ['DescribeConfigs'],
    grant: 'DESCRIBE_CONFIGS on Cluster',
    gathered: always,
    visibility: null,
    file: 'codec',
  }),
  acls: artifact<AclBinding[]>({
    doc: 'Every ACL binding.',
    apis: ['DescribeAcls'],
    grant: 'DESCRIBE on Cluster',
    gathered: always,
    visibility: null,
    file: 'items',
  }),
  logDirs: artifact<Record<string, LogDirInfo[]>>({
    doc: 'Broker id → log dirs with total and usable bytes and the size of each partition replica.',
    apis: ['DescribeLogDirs'],
    grant: 'DESCRIBE on Cluster',
    gathered: always,
    visibility: null,
    file: 'codec',
  }),
  offsets: artifact<Record<string, Record<string, PartitionOffsets>>>({
    doc: 'Topic → partition → earliest, latest (high watermark) and last stable offset.',
    apis: ['ListOffsets'],
    grant: "DESCRIBE on Topic '*'",
    gathered: always,
    visibility: 'topics',
    file: 'codec',
  }),
  groups: artifact<GroupInfo[]>({
    doc: 'Consumer groups (classic and KIP-848) with state, coordinator and members with their assignments.',
    apis: ['ListGroups', 'DescribeGroups', 'ConsumerGroupDescribe'],
    grant: "DESCRIBE on Group '*'",
    gathered: always,
    visibility: 'groups',
    file: 'items',
  }),
  groupOffsets: artifact<GroupOffsetsArtifact>({
    doc: 'Group → topic → partition → committed offset.',
    apis: ['OffsetFetch'],
    grant: "DESCRIBE on Group '*'",
    gathered: always,
    visibility: 'topics-and-groups',
    file: 'codec',
  }),
  quotas: artifact<QuotaEntry[]>({
    doc: 'Client quotas: entity (user, client id, IP) and the quota values set on it.',
    apis: ['DescribeClientQuotas'],
    grant: 'DESCRIBE_CONFIGS on Cluster',
    gathered: always,
    visibility: null,
    file: 'items',
  }),
  scramUsers: artifact<ScramUserInfo[]>({
    doc: 'SCRAM users with the mechanism and iteration count of each credential (never the credential).',
    apis: ['DescribeUserScramCredentials'],
    grant: 'DESCRIBE on Cluster',
    gathered: always,
    visibility: null,
    file: 'items',
  }),
  samples: artifact<OffsetSample[]>({
    doc: 'Offsets and group positions sampled over the `--observe` window; the first sample is the scan itself.',
    apis: ['ListOffsets', 'ListGroups', 'DescribeGroups', 'OffsetFetch'],
    // Read with the offsets and groups requests: a denial shows on those artifacts.
    grant: null,
    gathered: always,
    visibility: 'topics-and-groups',
    file: 'codec',
  }),
  cloudwatch: artifact<CloudWatchArtifact>({
    doc: 'Amazon MSK metrics (namespace AWS/Kafka) of the cluster named by `--cloudwatch`, over the look-back window.',
    apis: ['CloudWatch ListMetrics', 'CloudWatch GetMetricData'],
    grant: 'cloudwatch:ListMetrics and cloudwatch:GetMetricData (AWS IAM)',
    gathered: { when: 'on-request', notRequested: 'CloudWatch metrics were not requested (--cloudwatch <cluster-name>)' },
    visibility: null,
    file: 'value',
  }),
  migration: artifact<MigrationArtifact>({
    doc: 'The source side of a migration and the name mapping, made by `compare` from two snapshots.',
    apis: [],
    grant: null,
    gathered: { when: 'on-request', notRequested: 'migration checks compare two clusters: run `kafka-readiness compare`' },
    visibility: null,
    file: 'value',
  }),
  probe: artifact<ProbeArtifact>({
    doc: 'The write probe (`--allow-writes`): each client library × capability cell, the burst and the clean-up.',
    // Through each client library; a denied request becomes a denied cell, not a missing grant.
    apis: ['CreateTopics', 'Produce', 'Fetch', 'InitProducerId', 'OffsetCommit', 'DeleteTopics', 'DeleteGroups'],
    grant: null,
    gathered: { when: 'on-request', notRequested: 'the write probe was not requested (kafka-readiness probe --allow-writes, or scan --probe --allow-writes)' },
    visibility: null,
    file: 'value',
  }),
};

type ValueOf<S> = S extends TypedSpec<infer T> ? T : never;

/** What checks read: every artifact of the catalog, each a value or an error with a reason. */
export type SnapshotArtifacts = { [K in keyof typeof ARTIFACTS]: Artifact<ValueOf<(typeof ARTIFACTS)[K]>> };
export type ArtifactName = keyof SnapshotArtifacts;

export const ARTIFACT_NAMES = Object.keys(ARTIFACTS) as readonly ArtifactName[];

/** The catalog as a list of specs with their names, in catalog order. */
export const ARTIFACT_LIST: readonly (ArtifactSpec & { name: ArtifactName })[] = ARTIFACT_NAMES.map((name) => ({ name, ...ARTIFACTS[name] }));

/**
 * Artifacts gathered only on request (--cloudwatch, the write probe, compare). A snapshot without one was taken without the
 * request (an older tool could not even make it), so its checks are not-applicable, not unknown. A request that ran
 * and failed is stored as that failure and stays unknown.
 */
export const NOT_REQUESTED_MESSAGES: Partial<Record<ArtifactName, string>> = Object.fromEntries(
  ARTIFACT_LIST.flatMap((a) => (a.gathered.when === 'on-request' ? [[a.name, a.gathered.notRequested]] : [])),
);

/** What an artifact a snapshot does not contain stands for: not requested (on-request ones) or not collected. */
export function absentArtifactError(name: ArtifactName): ArtifactError {
  const notRequested = NOT_REQUESTED_MESSAGES[name];
  return notRequested ? { reason: 'not-requested', message: notRequested } : { reason: 'not-collected', message: `${name} is not in this snapshot` };
}

/** Artifact names whose snapshot-file storage is `kind` (the snapshot schema's record enums, the file codec). */
export function artifactsStoredAs(kind: ArtifactSpec['file']): ArtifactName[] {
  return ARTIFACT_LIST.filter((a) => a.file === kind).map((a) => a.name);
}
