// The value types of the snapshot's artifacts (what each one holds) and the envelope every artifact shares.
// Which artifacts exist, and what each needs and means, is the catalog in ./artifacts.ts.
// Offsets are decimal strings because JSON has no 64-bit integers.

/** not-requested: the user did not ask for it (e.g. no --cloudwatch): checks that need it are not applicable. */
export type ArtifactErrorReason = 'denied' | 'unsupported' | 'timeout' | 'unreachable' | 'not-collected' | 'not-requested' | 'error';

export interface ArtifactError {
  reason: ArtifactErrorReason;
  message: string;
  /** Kafka API that failed, when one did. */
  api?: string;
}

/**
 * Whether a list Kafka filters by permission (Metadata topics, ListGroups, OffsetFetch…) can be trusted to be
 * whole. Kafka leaves out what the principal may not DESCRIBE without any error, so an empty or short list
 * may mean "not allowed to see", not "there is nothing".
 */
export interface ArtifactVisibility {
  status: 'complete' | 'possibly-filtered';
  /** How this was decided (the probe's answer, the principal's own ACLs, log dirs holding unlisted topics…). */
  reason: string;
  /** The grant that makes the list whole, e.g. "DESCRIBE on Group '*'" (possibly-filtered only). */
  missingGrant?: string;
  /** kafka-acls.sh selector and operation of that grant, e.g. "--group '*'" and "DESCRIBE". */
  selector?: string;
  operation?: string;
}

/**
 * An artifact is a value or an error with a reason; `issues` lists parts of a value that could not be read;
 * `visibility` (absent in snapshots before it existed) says whether a permission-filtered list is whole.
 */
export type Artifact<T> =
  | { ok: true; value: T; issues?: ArtifactError[]; visibility?: ArtifactVisibility }
  | { ok: false; error: ArtifactError };

export type ConfigSourceName =
  | 'topic'
  | 'dynamic-broker'
  | 'dynamic-default-broker'
  | 'static-broker'
  | 'default'
  | 'dynamic-broker-logger'
  | 'client-metrics'
  | 'group'
  | 'unknown';

export interface ConfigEntry {
  /** null when the broker hides it (sensitive) or it has no value. */
  value: string | null;
  source: ConfigSourceName;
  sensitive: boolean;
  readOnly: boolean;
  /** Where the value could also come from, most specific first (DescribeConfigs synonyms). */
  synonyms: { name: string; value: string | null; source: ConfigSourceName }[];
}

export type ConfigMap = Record<string, ConfigEntry>;

export interface ApiRange {
  key: number;
  name: string;
  min: number;
  max: number;
}

export interface FeatureRange {
  name: string;
  min: number;
  max: number;
}

export interface BrokerApiVersions {
  apis: ApiRange[];
  supportedFeatures: FeatureRange[];
  finalizedFeatures: { name: string; min: number; max: number }[];
  finalizedFeaturesEpoch: string | null;
  zkMigrationReady?: boolean;
}

export interface ApiVersionsArtifact {
  /** ApiVersions request version the broker answered. */
  requestVersion: number;
  brokers: Record<string, BrokerApiVersions>;
}

export interface BrokerInfo {
  id: number;
  host: string;
  port: number;
  rack: string | null;
}

export interface ClusterArtifact {
  clusterId: string | null;
  /** In KRaft this is a random live broker, not the active controller (see quorum). */
  controllerId: number;
  brokers: BrokerInfo[];
  /** Operations the scanning principal may perform on the Cluster resource, when the broker says. */
  authorizedOperations: string[] | null;
}

export interface QuorumVoter {
  id: number;
  logEndOffset: string;
  lastFetchTimestamp: string;
  lastCaughtUpTimestamp: string;
}

export interface QuorumArtifact {
  leaderId: number;
  leaderEpoch: number;
  highWatermark: string;
  voters: QuorumVoter[];
  observers: QuorumVoter[];
}

export interface PartitionInfo {
  partition: number;
  leader: number;
  leaderEpoch: number;
  replicas: number[];
  isr: number[];
  offline: number[];
  /** Kafka error code name for this partition, e.g. LEADER_NOT_AVAILABLE. */
  error?: string;
}

export interface TopicInfo {
  name: string;
  id: string;
  internal: boolean;
  partitions: PartitionInfo[];
  error?: string;
}

export interface AclBinding {
  resourceType: string;
  resourceName: string;
  patternType: string;
  principal: string;
  host: string;
  operation: string;
  permission: string;
}

export interface LogDirInfo {
  path: string;
  error: string | null;
  /** -1 when the broker does not report it (before DescribeLogDirs v4). */
  totalBytes: number;
  usableBytes: number;
  /** topic → partition → size in bytes. */
  topics: Record<string, Record<string, number>>;
}

export interface PartitionOffsets {
  earliest: string | null;
  /** High watermark. */
  latest: string | null;
  /** Last stable offset (read_committed): below `latest` while a transaction is open. */
  stable?: string | null;
  error?: string;
}

/** One sample of offsets and group positions; with --observe the scan takes several over the window. */
export interface OffsetSample {
  at: string;
  offsets: Record<string, Record<string, PartitionOffsets>>;
  /** group → topic → partition → committed offset */
  groupOffsets: Record<string, Record<string, Record<string, string>>>;
  /** group → state (Stable, Empty, PreparingRebalance, …) */
  groupStates: Record<string, string>;
  /** group → number of members */
  groupMembers: Record<string, number>;
  /**
   * Present when brokers did not answer for this sample: the partitions (topic → partition numbers) it has no
   * offsets for, and why. Checks must treat those partitions as unknown in this sample, never as unchanged.
   */
  partial?: { partitions: Record<string, number[]>; reason: string };
}

export interface GroupMember {
  memberId: string;
  clientId: string;
  clientHost: string;
  /** topic → partitions assigned, when the assignment could be decoded. */
  assignment: Record<string, number[]> | null;
}

export interface GroupInfo {
  groupId: string;
  /** classic | consumer (KIP-848) | share | streams | unknown */
  type: string;
  protocolType: string;
  state: string;
  coordinator: number;
  members: GroupMember[];
  error?: string;
}

export interface GroupOffsetsArtifact {
  /** group → topic → partition → committed offset */
  [group: string]: Record<string, Record<string, string>>;
}

export interface QuotaEntry {
  entity: Record<string, string | null>;
  values: Record<string, number>;
}

export interface ScramUserInfo {
  user: string;
  credentials: { mechanism: string; iterations: number }[];
}

/** One CloudWatch metric time series (namespace AWS/Kafka), as returned by GetMetricData. */
export interface MetricSeries {
  /** e.g. CpuUser, UnderReplicatedPartitions, MaxOffsetLag */
  metric: string;
  /** e.g. { "Cluster Name": "prod", "Broker ID": "1" } */
  dimensions: Record<string, string>;
  /** Average | Maximum | Minimum | Sum | SampleCount */
  stat: string;
  periodSeconds: number;
  /** Oldest first; ISO 8601. */
  timestamps: string[];
  values: number[];
}

export interface CloudWatchArtifact {
  clusterName: string;
  region: string;
  windowStart: string;
  windowEnd: string;
  /** Metric names ListMetrics found for the cluster (so "absent" can be told from "zero"). */
  available: string[];
  series: MetricSeries[];
  /** API calls made, for the request stats. */
  calls: Record<string, number>;
}

/** What the probe measured with one client library for one capability (kafka-readiness probe, scan --probe). */
export type ProbeCellStatus = 'pass' | 'fail' | 'unsupported' | 'denied' | 'not-run' | 'error';

export const PROBE_CAPABILITIES = [
  'produce-consume',
  'idempotent-producer',
  'transactions',
  'compression-gzip',
  'compression-snappy',
  'compression-lz4',
  'compression-zstd',
  'headers',
  'group-classic',
  'group-consumer',
  'offset-commit-fetch',
  'list-offsets-by-timestamp',
  'large-record',
  'authorization-failure',
] as const;
export type ProbeCapability = (typeof PROBE_CAPABILITIES)[number];

export interface ProbeCell {
  client: string;
  capability: ProbeCapability;
  /** pass/fail: measured; unsupported: the client cannot do it; denied: refused by the cluster; not-run: not attempted (reason). */
  status: ProbeCellStatus;
  message: string;
  /** Kafka error code or the client's error, when one occurred. */
  error?: string;
  ms?: number;
}

export interface ProbeClientInfo {
  /** kafkajs | platformatic | java */
  name: string;
  /** Library name as readiness.yaml `clients` spells it (kafkajs, platformatic-kafka, java). */
  library: string;
  version: string | null;
  available: boolean;
  reason?: string;
}

export interface ProbeBurst {
  client: string;
  records: number;
  recordBytes: number;
  /** Wall time to produce every record with acks=all. */
  produceMs: number;
  produceRecordsPerSec: number;
  produceMBPerSec: number;
  /** Per-batch produce latency (send to acknowledgement). */
  latencyMs: { p50: number; p99: number; max: number };
  consumers: number;
  /** Time for the consumers to read the whole backlog back from the earliest offset. */
  drainMs: number;
  readRecordsPerSec: number;
  readMBPerSec: number;
  /** Retriable errors a consumer's stream ended with and was reopened after (absent when there were none). */
  recovered?: string[];
}

export interface ProbeArtifact {
  prefix: string;
  startedAt: string;
  durationMs: number;
  /** The topic the probe wrote to; created: false when the operator named an existing one (--probe-topic). */
  topic: { name: string; created: boolean; partitions: number; maxMessageBytes: number | null };
  /** Everything the probe announced it would create, before it created anything. */
  planned: { kind: 'topic' | 'group' | 'transactional-id'; name: string }[];
  cleanup: { deletedTopics: string[]; deletedGroups: string[]; leftToExpire: string[]; failures: string[]; interrupted: boolean };
  clients: ProbeClientInfo[];
  cells: ProbeCell[];
  /** Burst and catch-up numbers; an error when the burst could not run. */
  burst: { ok: true; value: ProbeBurst } | { ok: false; error: ArtifactError } | null;
}

/** How the source cluster's names appear on the target (MirrorMaker 2's replication policies, or a table). */
/**
 * The topic-name mapping policies of `compare`, the one list readiness.yaml's `migration.policy` enum, the
 * `--replication-policy` choices (named after MirrorMaker 2's ReplicationPolicy classes; `explicit` needs a table,
 * so readiness.yaml only) and their help text come from.
 */
export const MAPPING_POLICIES = {
  /** Same names (IdentityReplicationPolicy). */
  identity: { flag: 'identity', help: 'same names' },
  /** "<sourceAlias><separator><name>" (DefaultReplicationPolicy). */
  prefix: { flag: 'default', help: 'prefix with --source-alias' },
  /** The `topics` table, identity otherwise. */
  explicit: { flag: null },
} as const satisfies Record<string, { flag: string; help: string } | { flag: null }>;
export type MappingPolicy = keyof typeof MAPPING_POLICIES;
export const MAPPING_POLICY_NAMES = Object.keys(MAPPING_POLICIES) as MappingPolicy[];

export interface NameMapping {
  /** identity: same names (IdentityReplicationPolicy); prefix: "<sourceAlias>.<name>" (DefaultReplicationPolicy); explicit: `topics` table, identity otherwise. */
  policy: MappingPolicy;
  /** MirrorMaker 2 cluster alias of the source (prefix policy; also names its checkpoint topics). */
  sourceAlias: string | null;
  /** MirrorMaker 2 cluster alias of the target (names the reverse direction's topics on the source). */
  targetAlias: string | null;
  /** replication.policy.separator, "." by default. */
  separator: string;
  /** Explicit source → target topic names (policy explicit). */
  topics: Record<string, string>;
  /** Where the mapping came from (flags, readiness.yaml:line:col). */
  origin: string;
}

/** The source cluster's parts the migration checks compare against the target (the evaluated snapshot). */
export interface MigrationArtifact {
  mapping: NameMapping;
  source: {
    takenAt: string;
    target: SnapshotTarget;
    clusterId: string | null;
    topics: Artifact<TopicInfo[]>;
    topicConfigs: Artifact<Record<string, ConfigMap>>;
    brokerConfigs: Artifact<Record<string, ConfigMap>>;
    acls: Artifact<AclBinding[]>;
    offsets: Artifact<Record<string, Record<string, PartitionOffsets>>>;
    groups: Artifact<GroupInfo[]>;
    groupOffsets: Artifact<GroupOffsetsArtifact>;
    samples: Artifact<OffsetSample[]>;
  };
}

export interface SnapshotTarget {
  bootstrap: string[];
  securityProtocol: string;
  saslMechanism: string | null;
  /** The scanning principal's user name (never its password). */
  principal: string | null;
}
