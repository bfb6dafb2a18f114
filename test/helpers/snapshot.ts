// Builds small, valid snapshots for unit tests of checks and the engine.
import type { ConfigEntry, ConfigMap, Snapshot, SnapshotArtifacts, TopicInfo } from '../../src/gather/snapshot.js';
import { ARTIFACT_LIST, absentArtifactError } from '../../src/model/snapshot.js';

/** On-request artifacts (catalog) are not requested unless a test gives them, as in a scan without the flag. */
const NOT_REQUESTED = Object.fromEntries(ARTIFACT_LIST.filter((a) => a.gathered.when === 'on-request').map((a) => [a.name, { ok: false, error: absentArtifactError(a.name) }]));

export function cfg(values: Record<string, string | null>, source: ConfigEntry['source'] = 'default'): ConfigMap {
  const out: ConfigMap = {};
  for (const [k, v] of Object.entries(values)) out[k] = { value: v, source, sensitive: false, readOnly: false, synonyms: [] };
  return out;
}

export function topicInfo(name: string, partitions: { replicas: number[]; isr?: number[]; leader?: number }[]): TopicInfo {
  return {
    name,
    id: `id-${name}`,
    internal: name.startsWith('__'),
    partitions: partitions.map((p, i) => ({
      partition: i,
      leader: p.leader ?? p.replicas[0]!,
      leaderEpoch: 0,
      replicas: p.replicas,
      isr: p.isr ?? p.replicas,
      offline: [],
    })),
  };
}

export const TOPIC_DEFAULTS = {
  'min.insync.replicas': '2',
  'unclean.leader.election.enable': 'false',
  'retention.ms': '604800000',
  'retention.bytes': '-1',
  'segment.bytes': '1073741824',
  'cleanup.policy': 'delete',
  'compression.type': 'producer',
};

export function makeSnapshot(overrides: Partial<SnapshotArtifacts> = {}): Snapshot {
  const brokers = [1, 2, 3].map((id) => ({ id, host: '127.0.0.1', port: 9090 + id, rack: `rack-${'abc'[id - 1]}` }));
  const topics = [topicInfo('orders', [{ replicas: [1, 2, 3] }, { replicas: [2, 3, 1] }, { replicas: [3, 1, 2] }])];
  const brokerCfg = cfg({
    'authorizer.class.name': 'org.apache.kafka.metadata.authorizer.StandardAuthorizer',
    'allow.everyone.if.no.acl.found': 'false',
    'super.users': 'User:admin',
    listeners: 'SASL_SSL://127.0.0.1:9093,CONTROLLER://127.0.0.1:9094',
    'listener.security.protocol.map': 'SASL_SSL:SASL_SSL,CONTROLLER:SASL_SSL',
    'controller.listener.names': 'CONTROLLER',
    'offsets.retention.minutes': '10080',
    'replica.selector.class': 'org.apache.kafka.common.replica.RackAwareReplicaSelector',
  }, 'static-broker');
  const apis = [
    { key: 0, name: 'Produce', min: 3, max: 12 },
    { key: 55, name: 'DescribeQuorum', min: 0, max: 2 },
  ];
  const features = {
    apis,
    supportedFeatures: [{ name: 'metadata.version', min: 7, max: 27 }],
    finalizedFeatures: [{ name: 'metadata.version', min: 27, max: 27 }],
    finalizedFeaturesEpoch: '10',
  };
  const artifacts = {
    ...NOT_REQUESTED,
    apiVersions: { ok: true, value: { requestVersion: 4, brokers: { '1': features, '2': features, '3': features } } },
    cluster: { ok: true, value: { clusterId: 'test-cluster', controllerId: 1, brokers, authorizedOperations: ['DESCRIBE', 'DESCRIBE_CONFIGS'] } },
    quorum: {
      ok: true,
      value: {
        leaderId: 1,
        leaderEpoch: 1,
        highWatermark: '100',
        voters: [1, 2, 3].map((id) => ({ id, logEndOffset: '100', lastFetchTimestamp: String(Date.parse('2026-11-22T12:00:00.000Z')), lastCaughtUpTimestamp: String(Date.parse('2026-11-22T12:00:00.000Z')) })),
        observers: [],
      },
    },
    topics: { ok: true, value: topics },
    topicConfigs: { ok: true, value: { orders: cfg(TOPIC_DEFAULTS) } },
    brokerConfigs: { ok: true, value: { '1': brokerCfg, '2': brokerCfg, '3': brokerCfg } },
    acls: { ok: true, value: [] },
    logDirs: {
      ok: true,
      value: Object.fromEntries(brokers.map((b) => [String(b.id), [{ path: '/data', error: null, totalBytes: 1000, usableBytes: 600, topics: {} }]])),
    },
    offsets: { ok: true, value: { orders: { '0': { earliest: '0', latest: '10' }, '1': { earliest: '0', latest: '10' }, '2': { earliest: '0', latest: '10' } } } },
    groups: { ok: true, value: [] },
    groupOffsets: { ok: true, value: {} },
    quotas: { ok: true, value: [{ entity: { user: null }, values: { producer_byte_rate: 1048576 } }] },
    scramUsers: { ok: true, value: [] },
    samples: { ok: true, value: [] },
    ...overrides,
  } satisfies Partial<SnapshotArtifacts> as SnapshotArtifacts;
  // One sample, like a scan without --observe, unless the test gave its own.
  if (!overrides.samples && artifacts.offsets.ok && artifacts.groupOffsets.ok) {
    const groups = artifacts.groups.ok ? artifacts.groups.value : [];
    artifacts.samples = {
      ok: true,
      value: [
        {
          at: '2026-11-22T12:00:00.000Z',
          offsets: artifacts.offsets.value,
          groupOffsets: artifacts.groupOffsets.value,
          groupStates: Object.fromEntries(groups.map((g) => [g.groupId, g.state])),
          groupMembers: Object.fromEntries(groups.map((g) => [g.groupId, g.members.length])),
        },
      ],
    };
  }
  return {
    snapshotVersion: 1,
    tool: { name: 'kafka-readiness', version: 'test' },
    takenAt: '2026-11-22T12:00:00.000Z',
    target: { bootstrap: ['127.0.0.1:9093'], securityProtocol: 'SASL_SSL', saslMechanism: 'SCRAM-SHA-512', principal: 'scanner' },
    artifacts,
    stats: { requests: {}, totalRequests: 0, artifactMs: {}, durationMs: 0 },
  };
}
