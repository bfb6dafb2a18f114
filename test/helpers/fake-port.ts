// A port that answers every request with "nothing there", for test doubles to spread first and override what
// they test: a new ClusterClient method then needs a default here, not an edit in every double.
import type { ClusterClient } from '../../src/connect/port.js';

export function silentPort(): ClusterClient {
  const metadata = { clusterId: 'c', controllerId: -1, brokers: [], topics: [] };
  return {
    connect: async () => metadata,
    brokers: () => [],
    apiVersions: async () => ({ requestVersion: 4, apis: [], supportedFeatures: [], finalizedFeatures: [], finalizedFeaturesEpoch: null }),
    metadata: async () => metadata,
    describeCluster: async () => ({ clusterId: 'c', controllerId: -1, brokers: [], authorizedOperations: [] }),
    describeQuorum: async () => ({ leaderId: -1, leaderEpoch: 0, highWatermark: '0', voters: [], observers: [] }),
    describeConfigs: async (_b, resources) => resources.map((r) => ({ type: r.type, name: r.name, configs: {} })),
    describeAcls: async () => [],
    describeLogDirs: async () => [],
    listOffsets: async () => [],
    listGroups: async () => [],
    describeGroups: async () => [],
    consumerGroupDescribe: async () => [],
    offsetFetch: async () => [],
    describeClientQuotas: async () => [],
    describeScramUsers: async () => [],
    requestCounts: () => ({}),
    close: async () => {},
  };
}
