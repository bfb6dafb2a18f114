// The built-in checks, one per file. Order here is the order in `kafka-readiness checks` and in reports.
import type { Check } from '../src/sdk.js';
import readinessScorecard from './attestation/readiness-scorecard.js';
import mskPartitionMetrics from './replication/msk-partition-metrics.js';
import mskActiveController from './replication/msk-active-controller.js';
import mskDiskUsed from './retention/msk-disk-used.js';
import mskBrokerCpu from './cost/msk-broker-cpu.js';
import mskOffsetLag from './consumer-lag/msk-offset-lag.js';
import followerFetching from './cost/follower-fetching.js';
import overPartitioned from './cost/over-partitioned.js';
import burrowStatus from './consumer-lag/burrow-status.js';
import timeLag from './consumer-lag/time-lag.js';
import timeToDataLoss from './consumer-lag/time-to-data-loss.js';
import hangingTransactions from './consumer-lag/hanging-transactions.js';
import rebalancingGroups from './consumer-lag/rebalancing-groups.js';
import emptyGroupLag from './consumer-lag/empty-group-lag.js';
import idleTopics from './cost/idle-topics.js';
import leastPrivilege from './acl/least-privilege.js';
import anonymousGrants from './acl/anonymous-grants.js';
import wildcardResources from './acl/wildcard-resources.js';
import clusterGrants from './acl/cluster-grants.js';
import danglingAcls from './acl/dangling-acls.js';
import scramIterations from './acl/scram-iterations.js';
import clientQuotas from './acl/client-quotas.js';
import tlsSettings from './acl/tls-settings.js';
import autoCreateTopics from './replication/auto-create-topics.js';
import autoLeaderRebalance from './replication/auto-leader-rebalance.js';
import defaultReplicationFactor from './replication/default-replication-factor.js';
import internalTopics from './replication/internal-topics.js';
import kraftQuorum from './replication/kraft-quorum.js';
import preferredLeaderBalance from './replication/preferred-leader-balance.js';
import replicationTopicPolicy from './replication/topic-policy.js';
import zoneLoss from './replication/zone-loss.js';
import compactionSettings from './retention/compaction-settings.js';
import projectedDisk from './retention/projected-disk.js';
import tieredStorage from './retention/tiered-storage.js';
import timestampSettings from './retention/timestamp-settings.js';
import retentionTopicPolicy from './retention/topic-policy.js';
import requiredFeatures from './compatibility/required-features.js';
import brokerVersion from './compatibility/broker-version.js';
import clientInventory from './compatibility/client-inventory.js';
import clientMatrix from './compatibility/client-matrix.js';
import burst from './compatibility/burst.js';
import allowEveryoneIfNoAcl from './acl/allow-everyone-if-no-acl.js';
import authorizerEnabled from './acl/authorizer-enabled.js';
import plaintextListeners from './acl/plaintext-listeners.js';
import superUsers from './acl/super-users.js';
import wildcardPrincipal from './acl/wildcard-principal.js';
import metadataMode from './compatibility/metadata-mode.js';
import metadataVersionFinalized from './compatibility/metadata-version-finalized.js';
import uniformBrokerVersions from './compatibility/uniform-broker-versions.js';
import committedBelowLogStart from './consumer-lag/committed-below-log-start.js';
import groupLag from './consumer-lag/group-lag.js';
import brokerRecompression from './cost/broker-recompression.js';
import emptyTopics from './cost/empty-topics.js';
import partitionsPerBroker from './cost/partitions-per-broker.js';
import minInsyncReplicas from './replication/min-insync-replicas.js';
import partitionHealth from './replication/partition-health.js';
import rackSpread from './replication/rack-spread.js';
import replicationFactor from './replication/replication-factor.js';
import uncleanLeaderElection from './replication/unclean-leader-election.js';
import diskHeadroom from './retention/disk-headroom.js';
import infiniteRetention from './retention/infinite-retention.js';
import offsetsRetention from './retention/offsets-retention.js';
import retentionBytesVsSegment from './retention/retention-bytes-vs-segment.js';
import segmentRolling from './retention/segment-rolling.js';
import messageSizeChain from './retention/message-size-chain.js';
import compactionTombstones from './retention/compaction-tombstones.js';
import leadershipPlacement from './replication/leadership-placement.js';
import flushSettings from './replication/flush-settings.js';
import replicationThrottles from './replication/replication-throttles.js';
import topicNaming from './governance/topic-naming.js';
import groupNaming from './governance/group-naming.js';
import topicOwnership from './governance/topic-ownership.js';
import groupOwnership from './governance/group-ownership.js';
import deprecatedTopics from './governance/deprecated-topics.js';
import deprecatedGroups from './governance/deprecated-groups.js';
import migrationTopicsMirrored from './migration/topics-mirrored.js';
import migrationConfigDrift from './migration/config-drift.js';
import migrationAclDrift from './migration/acl-drift.js';
import migrationGroupOffsets from './migration/group-offsets.js';
import migrationReplicationLag from './migration/replication-lag.js';
import migrationProducerSwitch from './migration/producer-switch.js';
import migrationRollbackPath from './migration/rollback-path.js';

export const builtInChecks: readonly Check<any, any>[] = [
  brokerVersion,
  metadataMode,
  metadataVersionFinalized,
  uniformBrokerVersions,
  requiredFeatures,
  clientInventory,
  clientMatrix,
  burst,
  replicationFactor,
  minInsyncReplicas,
  uncleanLeaderElection,
  partitionHealth,
  rackSpread,
  zoneLoss,
  mskPartitionMetrics,
  mskActiveController,
  preferredLeaderBalance,
  leadershipPlacement,
  autoLeaderRebalance,
  defaultReplicationFactor,
  autoCreateTopics,
  internalTopics,
  kraftQuorum,
  replicationTopicPolicy,
  flushSettings,
  replicationThrottles,
  infiniteRetention,
  retentionBytesVsSegment,
  compactionSettings,
  compactionTombstones,
  segmentRolling,
  messageSizeChain,
  timestampSettings,
  tieredStorage,
  diskHeadroom,
  projectedDisk,
  mskDiskUsed,
  offsetsRetention,
  retentionTopicPolicy,
  authorizerEnabled,
  allowEveryoneIfNoAcl,
  superUsers,
  wildcardPrincipal,
  wildcardResources,
  anonymousGrants,
  clusterGrants,
  danglingAcls,
  plaintextListeners,
  tlsSettings,
  scramIterations,
  clientQuotas,
  leastPrivilege,
  groupLag,
  committedBelowLogStart,
  burrowStatus,
  timeLag,
  timeToDataLoss,
  hangingTransactions,
  rebalancingGroups,
  emptyGroupLag,
  mskOffsetLag,
  partitionsPerBroker,
  brokerRecompression,
  emptyTopics,
  idleTopics,
  overPartitioned,
  followerFetching,
  mskBrokerCpu,
  topicNaming,
  groupNaming,
  topicOwnership,
  groupOwnership,
  deprecatedTopics,
  deprecatedGroups,
  migrationTopicsMirrored,
  migrationConfigDrift,
  migrationAclDrift,
  migrationGroupOffsets,
  migrationReplicationLag,
  migrationProducerSwitch,
  migrationRollbackPath,
  readinessScorecard,
];
