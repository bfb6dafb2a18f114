// The port the gather layer talks to. Vendor (client library) types never cross it: every method
// takes and returns plain project types, and every failure is a KafkaRequestError with a reason.

import type {
  AclBinding,
  ArtifactErrorReason,
  BrokerApiVersions,
  BrokerInfo,
  CloudWatchArtifact,
  ConfigMap,
  LogDirInfo,
  PartitionInfo,
  QuorumArtifact,
  QuotaEntry,
  ScramUserInfo,
} from '../model/snapshot.js';

export class KafkaRequestError extends Error {
  readonly reason: ArtifactErrorReason;
  readonly api: string;
  /** Kafka protocol error name, e.g. CLUSTER_AUTHORIZATION_FAILED. */
  readonly code: string | undefined;
  constructor(api: string, reason: ArtifactErrorReason, message: string, code?: string) {
    super(message);
    this.name = 'KafkaRequestError';
    this.api = api;
    this.reason = reason;
    this.code = code;
  }
}

export interface MetadataTopic {
  name: string;
  id: string;
  internal: boolean;
  error?: string;
  partitions: PartitionInfo[];
}

export interface MetadataResult {
  clusterId: string | null;
  controllerId: number;
  brokers: BrokerInfo[];
  topics: MetadataTopic[];
}

export interface DescribeClusterResult {
  clusterId: string | null;
  controllerId: number;
  brokers: BrokerInfo[];
  authorizedOperations: string[] | null;
}

export type ConfigResourceRef = { type: 'topic' | 'broker'; name: string };

export interface ConfigResult {
  type: 'topic' | 'broker';
  name: string;
  configs: ConfigMap;
  error?: { reason: ArtifactErrorReason; code: string; message: string };
}

export interface OffsetResult {
  topic: string;
  partition: number;
  offset: string | null;
  error?: string;
}

export interface ListedGroup {
  groupId: string;
  protocolType: string;
  state: string;
  type: string;
}

export interface DescribedGroup {
  groupId: string;
  protocolType: string;
  state: string;
  error?: string;
  members: { memberId: string; clientId: string; clientHost: string; assignment: Record<string, number[]> | null }[];
}

export interface GroupOffsetsResult {
  groupId: string;
  error?: string;
  /** topic → partition → committed offset */
  offsets: Record<string, Record<string, string>>;
}

export interface ClusterClient {
  /**
   * Connects to the first reachable bootstrap server and reads the cluster metadata (all topics);
   * throws ConnectionError when no server can be reached or authenticated.
   */
  connect(): Promise<MetadataResult>;
  /** Brokers known from the last metadata answer. */
  brokers(): BrokerInfo[];
  apiVersions(brokerId: number): Promise<BrokerApiVersions & { requestVersion: number }>;
  metadata(): Promise<MetadataResult>;
  describeCluster(): Promise<DescribeClusterResult>;
  describeQuorum(): Promise<QuorumArtifact>;
  /** brokerId null = any broker (topic configs); broker configs must go to that broker. */
  describeConfigs(brokerId: number | null, resources: ConfigResourceRef[]): Promise<ConfigResult[]>;
  describeAcls(): Promise<AclBinding[]>;
  describeLogDirs(brokerId: number): Promise<LogDirInfo[]>;
  /**
   * timestamp -2 = earliest, -1 = latest (high watermark, or the last stable offset with read_committed).
   * Sent to the partitions' leader.
   */
  listOffsets(brokerId: number, timestamp: -1 | -2, partitions: { topic: string; partitions: number[] }[], isolation?: 'read_uncommitted' | 'read_committed'): Promise<OffsetResult[]>;
  listGroups(brokerId: number): Promise<ListedGroup[]>;
  describeGroups(brokerId: number, groupIds: string[]): Promise<DescribedGroup[]>;
  consumerGroupDescribe(brokerId: number, groupIds: string[]): Promise<DescribedGroup[]>;
  offsetFetch(brokerId: number, groupIds: string[]): Promise<GroupOffsetsResult[]>;
  /**
   * Metadata for one topic name with allowAutoTopicCreation=false (never creates it): 'authorized' when the
   * answer is UNKNOWN_TOPIC_OR_PARTITION or the topic, 'denied' on TOPIC_AUTHORIZATION_FAILED. Optional.
   */
  probeTopicDescribe?(name: string): Promise<{ authorized: boolean; code: string }>;
  describeClientQuotas(): Promise<QuotaEntry[]>;
  describeScramUsers(): Promise<ScramUserInfo[]>;
  /** Requests sent on the wire per API name, SASL and retries included. */
  requestCounts(): Record<string, number>;
  close(): Promise<void>;
}

/** What --cloudwatch asks for: the MSK cluster whose AWS/Kafka metrics are read, and from where. */
export interface CloudWatchSettings {
  /** The MSK cluster name (the "Cluster Name" dimension), not its ARN. */
  clusterName: string;
  region?: string;
  endpoint?: string;
  windowMs?: number;
}

/**
 * The port the gather layer asks for Amazon MSK metrics, as ClusterClient is for Kafka: no AWS SDK type crosses
 * it, failures are KafkaRequestError with a reason (src/connect/cloudwatch.ts builds the real one).
 */
export interface MetricsPort {
  mskMetrics(): Promise<CloudWatchArtifact>;
}
