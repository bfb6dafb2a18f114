// The built-in checks, one per file. Order here is the order in `kafka-readiness checks` and in reports.
import type { Check } from '../src/sdk.js';
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

export const builtInChecks: readonly Check<any, any>[] = [
  metadataMode,
  metadataVersionFinalized,
  uniformBrokerVersions,
  replicationFactor,
  minInsyncReplicas,
  uncleanLeaderElection,
  partitionHealth,
  rackSpread,
  infiniteRetention,
  retentionBytesVsSegment,
  diskHeadroom,
  offsetsRetention,
  authorizerEnabled,
  allowEveryoneIfNoAcl,
  superUsers,
  wildcardPrincipal,
  plaintextListeners,
  groupLag,
  committedBelowLogStart,
  partitionsPerBroker,
  brokerRecompression,
  emptyTopics,
];
