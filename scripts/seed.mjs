// Seeds a realistic public-sector event workload on a cluster — well-configured topics with real data and
// consumer groups, plus a set of real readiness faults — using the admin principal. Used by the demo and by
// the integration tests, which assert that every fault in SEEDED_FAULTS is reported and nothing else is
// reported for WELL_CONFIGURED_TOPICS. Plain JavaScript so `node scripts/seed.mjs` works without a build.

import { Admin, Producer, stringSerializers } from '@platformatic/kafka';

export const WELL_CONFIGURED_TOPICS = ['cases.events', 'permits.applications', 'benefits.payments', 'registry.compacted'];

/** Faults the scan must find: check id → resource kind/name and what the evidence must show. */
export const SEEDED_FAULTS = [
  { check: 'replication/replication-factor', kind: 'topic', name: 'scratch.single-replica', observed: 1 },
  { check: 'replication/min-insync-replicas', kind: 'topic', name: 'audit.strict-isr', observed: 3, source: 'topic' },
  { check: 'replication/unclean-leader-election', kind: 'topic', name: 'legacy.unclean', observed: 'true', source: 'topic' },
  { check: 'retention/infinite-retention', kind: 'topic', name: 'archive.forever', source: 'topic' },
  { check: 'retention/retention-bytes-vs-segment', kind: 'topic', name: 'notifications.tiny', source: 'topic' },
  { check: 'cost/broker-recompression', kind: 'topic', name: 'reports.gzip', observed: 'gzip', source: 'topic' },
  { check: 'retention/timestamp-settings', kind: 'topic', name: 'clock.skewed', observed: 'unlimited', source: 'topic' },
  { check: 'retention/projected-disk', kind: 'broker', name: '1' },
  { check: 'retention/projected-disk', kind: 'broker', name: '2' },
  { check: 'retention/projected-disk', kind: 'broker', name: '3' },
  { check: 'replication/zone-loss', kind: 'zone', name: 'rack-a' },
  { check: 'replication/zone-loss', kind: 'zone', name: 'rack-b' },
  { check: 'replication/zone-loss', kind: 'zone', name: 'rack-c' },
  { check: 'acl/anonymous-grants', kind: 'acl', name: 'User:ANONYMOUS ALLOW READ on TOPIC:LITERAL:public.intake from *', observed: 'User:ANONYMOUS' },
  { check: 'acl/wildcard-resources', kind: 'acl', name: 'User:reporting ALLOW READ on TOPIC:PREFIXED:c from *' },
  { check: 'acl/cluster-grants', kind: 'acl', name: 'User:ops-bot ALLOW ALTER_CONFIGS on CLUSTER:LITERAL:kafka-cluster from *' },
  { check: 'acl/dangling-acls', kind: 'acl', name: 'User:legacy-reports ALLOW WRITE on TOPIC:LITERAL:billing.invoices-typo from *' },
  // Need the policies and requirements of test/fixtures/readiness.it.yaml:
  { check: 'acl/least-privilege', kind: 'principal', name: 'User:intake-app', config: true },
  { check: 'retention/topic-policy', kind: 'topic', name: 'archive.forever', config: true },
  { check: 'replication/topic-policy', kind: 'topic', name: 'audit.strict-isr', config: true },
  { check: 'compatibility/required-features', kind: 'requirement', name: 'tiered-storage', config: true },
  { check: 'cost/empty-topics', kind: 'topic', name: 'unused.placeholder' },
  { check: 'acl/wildcard-principal', kind: 'acl', name: 'User:* ALLOW WRITE on TOPIC:LITERAL:public.intake from *', observed: 'User:*' },
  { check: 'consumer-lag/group-lag', kind: 'group', name: 'permits-reviewer' },
  { check: 'consumer-lag/committed-below-log-start', kind: 'group', name: 'benefits-auditor' },
  // The configuration surface (docs/config-coverage.md): one topic per family, each with a value Kafka accepts.
  { check: 'retention/segment-rolling', kind: 'topic', name: 'segments.slow-roll', source: 'default' },
  { check: 'retention/segment-rolling', kind: 'topic', name: 'segments.tiny-index', source: 'topic' },
  { check: 'retention/message-size-chain', kind: 'topic', name: 'uploads.large', source: 'topic', status: 'warn' },
  { check: 'retention/message-size-chain', kind: 'topic', name: 'uploads.impossible', source: 'topic', status: 'fail' },
  { check: 'retention/compaction-tombstones', kind: 'topic', name: 'sessions.compacted', source: 'topic' },
  { check: 'replication/leadership-placement', kind: 'topic', name: 'hotspot.one-broker' },
  { check: 'replication/flush-settings', kind: 'topic', name: 'ledger.fsync', observed: 'flush.messages=1', source: 'topic' },
  { check: 'replication/replication-throttles', kind: 'topic', name: 'moved.throttled', source: 'topic' },
];

const DAY_MS = 86_400_000;

// Set explicitly so that the well-configured topics are well configured on 3.9 too (its default is unlimited).
const SANE_TIMESTAMPS = { 'message.timestamp.after.max.ms': 3_600_000 };

function topicSpec(name, { partitions = 3, replicas = 3, configs = {}, assignments } = {}) {
  return { name, partitions, replicas, assignments, configs: Object.entries(configs).map(([k, v]) => ({ name: k, value: String(v) })) };
}

export const TOPICS = [
  topicSpec('cases.events', { partitions: 6, configs: { 'retention.ms': 14 * DAY_MS, ...SANE_TIMESTAMPS } }),
  topicSpec('permits.applications', { partitions: 3, configs: SANE_TIMESTAMPS }),
  topicSpec('benefits.payments', { partitions: 3, configs: { 'retention.ms': 30 * DAY_MS, ...SANE_TIMESTAMPS } }),
  topicSpec('registry.compacted', { partitions: 3, configs: { 'cleanup.policy': 'compact', 'max.compaction.lag.ms': 7 * DAY_MS, ...SANE_TIMESTAMPS } }),
  topicSpec('clock.skewed', { partitions: 1, configs: { 'message.timestamp.type': 'CreateTime', 'message.timestamp.after.max.ms': '9223372036854775807' } }),
  topicSpec('capacity.hog', { partitions: 3, configs: { 'retention.bytes': 1_000_000_000_000_000 } }),
  // Pinned to broker 3 (rack-c) so that losing rack-c takes it offline: the broker-loss test relies on it.
  topicSpec('scratch.single-replica', { partitions: 1, replicas: 1, assignments: [{ partition: 0, brokers: [3] }] }),
  topicSpec('audit.strict-isr', { configs: { 'min.insync.replicas': 3 } }),
  topicSpec('legacy.unclean', { configs: { 'unclean.leader.election.enable': true } }),
  topicSpec('archive.forever', { configs: { 'retention.ms': -1, 'retention.bytes': -1 } }),
  topicSpec('notifications.tiny', { configs: { 'retention.bytes': 1_048_576 } }),
  topicSpec('reports.gzip', { configs: { 'compression.type': 'gzip' } }),
  topicSpec('unused.placeholder', { partitions: 1 }),
  topicSpec('public.intake', { partitions: 1 }),
  topicSpec('benefits.claims', { partitions: 1 }),
  topicSpec('billing.invoices', { partitions: 3, configs: SANE_TIMESTAMPS }),
  topicSpec('intake.events', { partitions: 3, configs: SANE_TIMESTAMPS }),
  // segment.ms keeps its 7-day default while retention is 1 hour: a quiet partition keeps records for 7 days.
  topicSpec('segments.slow-roll', { configs: { 'retention.ms': 3_600_000 } }),
  topicSpec('segments.tiny-index', { configs: { 'segment.index.bytes': 4096 } }),
  topicSpec('uploads.large', { configs: { 'max.message.bytes': 20 * 1024 * 1024 } }),
  topicSpec('uploads.impossible', { configs: { 'max.message.bytes': 200 * 1024 * 1024 } }),
  topicSpec('sessions.compacted', { configs: { 'cleanup.policy': 'compact', 'delete.retention.ms': 60_000, 'min.cleanable.dirty.ratio': 0.95 } }),
  // Every preferred leader on broker 1 (leadership is on the preferred replicas, so preferred-leader-balance passes).
  topicSpec('hotspot.one-broker', { assignments: [{ partition: 0, brokers: [1, 2, 3] }, { partition: 1, brokers: [1, 3, 2] }, { partition: 2, brokers: [1, 2, 3] }] }),
  topicSpec('ledger.fsync', { configs: { 'flush.messages': 1 } }),
  // A throttle a reassignment left behind ('*' = every replica of the topic).
  topicSpec('moved.throttled', { configs: { 'leader.replication.throttled.replicas': '*', 'follower.replication.throttled.replicas': '*' } }),
];

/** Records written per topic (0 = none). */
const RECORDS = {
  'cases.events': 600,
  'permits.applications': 6000,
  'benefits.payments': 300,
  'registry.compacted': 60,
  'clock.skewed': 10,
  'capacity.hog': 10,
  'scratch.single-replica': 20,
  'audit.strict-isr': 50,
  'legacy.unclean': 50,
  'archive.forever': 50,
  'notifications.tiny': 50,
  'reports.gzip': 50,
  'public.intake': 10,
  'benefits.claims': 200,
  'billing.invoices': 30,
  'intake.events': 30,
  'segments.slow-roll': 20,
  'segments.tiny-index': 20,
  'uploads.large': 20,
  'uploads.impossible': 20,
  'sessions.compacted': 40,
  'hotspot.one-broker': 30,
  'ledger.fsync': 20,
  'moved.throttled': 20,
};

/** An ALLOW binding from any host (numbers are the Kafka protocol's resource, pattern and operation codes). */
function allowAcl(resourceType, resourceName, resourcePatternType, principal, operation) {
  return { resourceType, resourceName, resourcePatternType, principal, host: '*', operation, permissionType: 3 };
}

function clientOptions(conn, clientId) {
  return {
    clientId,
    bootstrapBrokers: conn.bootstrap.split(','),
    sasl: { mechanism: conn.mechanism ?? 'SCRAM-SHA-512', username: conn.username, password: conn.password },
    timeout: 30_000,
    retries: 5,
  };
}

async function produce(conn, topic, count, { acks = -1 } = {}) {
  if (count <= 0) return;
  const producer = new Producer({ ...clientOptions(conn, 'readiness-seed-producer'), serializers: stringSerializers, acks });
  try {
    const batch = 500;
    for (let i = 0; i < count; i += batch) {
      const messages = [];
      for (let j = i; j < Math.min(count, i + batch); j++) {
        messages.push({ topic, key: `case-${j % 97}`, value: JSON.stringify({ id: j, type: 'status-changed', at: new Date(1_700_000_000_000 + j * 1000).toISOString() }) });
      }
      await producer.send({ messages });
    }
  } finally {
    await producer.close();
  }
}

async function endOffsets(admin, topic, partitions) {
  const res = await admin.listOffsets({ topics: [{ name: topic, partitions: Array.from({ length: partitions }, (_, p) => ({ partitionIndex: p, timestamp: -1n })) }] });
  return res[0].partitions.map((p) => ({ partition: p.partitionIndex, offset: p.offset }));
}

/**
 * Creates the topics, data, ACLs and consumer groups. `conn` = { bootstrap, username, password, mechanism }
 * of a super user on a SASL_PLAINTEXT listener.
 */
export async function seedWorkload(conn, { log = () => {} } = {}) {
  const admin = new Admin(clientOptions(conn, 'readiness-seed-admin'));
  try {
    const existing = new Set(await admin.listTopics());
    for (const t of TOPICS) {
      if (existing.has(t.name)) continue;
      await admin.createTopics(
        t.assignments
          ? { topics: [t.name], assignments: t.assignments, configs: t.configs }
          : { topics: [t.name], partitions: t.partitions, replicas: t.replicas, configs: t.configs },
      );
    }
    log(`created ${TOPICS.length} topics`);
    // Leaders must be elected before producing.
    await new Promise((r) => setTimeout(r, 1500));
    // acks=all cannot succeed on a single replica when min.insync.replicas is 2: that is the fault itself.
    for (const [topic, count] of Object.entries(RECORDS)) await produce(conn, topic, count, { acks: topic === 'scratch.single-replica' ? 1 : -1 });
    log('produced records');

    // Consumer groups: one up to date, one far behind, one whose position was deleted under it.
    const commit = async (groupId, topic, offsets) =>
      admin.alterConsumerGroupOffsets({ groupId, topics: [{ name: topic, partitionOffsets: offsets.map((o) => ({ partition: o.partition, offset: o.offset })) }] });
    await commit('cases-processor', 'cases.events', await endOffsets(admin, 'cases.events', 6));
    await commit('payments-ledger', 'benefits.payments', await endOffsets(admin, 'benefits.payments', 3));
    await commit('permits-reviewer', 'permits.applications', [0, 1, 2].map((partition) => ({ partition, offset: 5n })));
    await commit('benefits-auditor', 'benefits.claims', [{ partition: 0, offset: 10n }]);
    // DeleteRecords moves the log start offset past the auditor's committed offset: real, permanent loss.
    await admin.deleteRecords({ topics: [{ name: 'benefits.claims', partitions: [{ partition: 0, offset: 150n }] }] });
    log('committed consumer group offsets');

    // ACLs: least-privilege grants for alice, and one wildcard-principal grant that is a fault.
    const TOPIC = 2, GROUP = 3, CLUSTER = 4, LITERAL = 3, PREFIXED = 4, READ = 3, WRITE = 4, DESCRIBE = 8, ALTER_CONFIGS = 11;
    await admin.createAcls({
      creations: [
        // Least-privilege grants (the secure baseline): billing and alice get exactly what their services need.
        allowAcl(TOPIC, 'billing.', PREFIXED, 'User:billing', READ),
        allowAcl(TOPIC, 'billing.invoices', LITERAL, 'User:billing', WRITE),
        allowAcl(GROUP, 'billing-', PREFIXED, 'User:billing', READ),
        allowAcl(TOPIC, 'cases.', PREFIXED, 'User:alice', READ),
        allowAcl(TOPIC, 'cases.', PREFIXED, 'User:alice', DESCRIBE),
        allowAcl(GROUP, 'cases-', PREFIXED, 'User:alice', READ),
        // Faults.
        allowAcl(TOPIC, 'public.intake', LITERAL, 'User:*', WRITE),
        allowAcl(TOPIC, 'public.intake', LITERAL, 'User:ANONYMOUS', READ),
        allowAcl(TOPIC, 'c', PREFIXED, 'User:reporting', READ),
        allowAcl(CLUSTER, 'kafka-cluster', LITERAL, 'User:ops-bot', ALTER_CONFIGS),
        allowAcl(TOPIC, 'billing.invoices-typo', LITERAL, 'User:legacy-reports', WRITE),
        allowAcl(TOPIC, 'intake.', PREFIXED, 'User:intake-app', WRITE),
        allowAcl(TOPIC, 'billing.', PREFIXED, 'User:intake-app', READ),
      ],
    });
    log('created ACLs');
    // Quotas: a default for every user and a tighter one for the intake service.
    await admin.alterClientQuotas({
      entries: [
        { entities: [{ entityType: 'user', entityName: null }], ops: [{ key: 'producer_byte_rate', value: 10_485_760, remove: false }, { key: 'consumer_byte_rate', value: 20_971_520, remove: false }] },
        { entities: [{ entityType: 'user', entityName: 'intake-app' }], ops: [{ key: 'producer_byte_rate', value: 1_048_576, remove: false }] },
      ],
    });
    log('set client quotas');
  } finally {
    await admin.close();
  }
}

/**
 * Faults only the legacy test cluster carries (its brokers 1 and 2 share rack-a), and its __transaction_state,
 * created from its sloppy transaction.state.log.replication.factor=1: Kafka creates that topic on the first
 * transaction in the cluster, so without this the scan would see it or not depending on whether a test that runs a
 * transaction (the write probe) ran before.
 */
export async function seedLegacyFaults(conn) {
  const admin = new Admin(clientOptions(conn, 'readiness-seed-admin'));
  try {
    if (!(await admin.listTopics()).includes('legacy.same-rack')) {
      await admin.createTopics({ topics: ['legacy.same-rack'], assignments: [{ partition: 0, brokers: [1, 2] }], configs: [] });
    }
    await ensureTransactionState(conn, admin);
  } finally {
    await admin.close();
  }
}

/** Makes the cluster create __transaction_state: a transactional producer's FindCoordinator/InitProducerId, no record. */
async function ensureTransactionState(conn, admin) {
  const has = async () => (await admin.listTopics({ includeInternals: true })).includes('__transaction_state');
  if (await has()) return;
  const producer = new Producer({ ...clientOptions(conn, 'readiness-seed-tx'), idempotent: true, transactionalId: 'readiness-seed.transaction-state', acks: -1 });
  try {
    const tx = await producer.beginTransaction();
    // Nothing was added to the transaction: ending it may be refused (INVALID_TXN_STATE); the topic exists either way.
    await tx.abort().catch(() => {});
  } finally {
    await producer.close().catch(() => {});
  }
  for (let i = 0; i < 60 && !(await has()); i++) await new Promise((r) => setTimeout(r, 500));
  if (!(await has())) throw new Error('__transaction_state was not created within 30 s of the first transactional producer');
}

/**
 * Grants a principal what a read-only scan needs except DESCRIBE_CONFIGS on the Cluster, so that broker
 * configs are denied: used to prove that missing permissions become `unknown`, not pass or fail.
 */
export async function grantReadOnlyScan(conn, principal) {
  await grantScanWithoutClusterConfigs(conn, principal);
  const admin = new Admin(clientOptions(conn, 'readiness-seed-admin'));
  try {
    await admin.createAcls({ creations: [allowAcl(4, 'kafka-cluster', 3, principal, 10)] }); // DESCRIBE_CONFIGS on the Cluster
  } finally {
    await admin.close();
  }
}

export async function grantScanWithoutClusterConfigs(conn, principal) {
  const admin = new Admin(clientOptions(conn, 'readiness-seed-admin'));
  const acl = (resourceType, resourceName, operation) => allowAcl(resourceType, resourceName, 3, principal, operation);
  const TOPIC = 2, GROUP = 3, CLUSTER = 4, DESCRIBE = 8, DESCRIBE_CONFIGS = 10;
  try {
    await admin.createAcls({
      creations: [
        acl(CLUSTER, 'kafka-cluster', DESCRIBE),
        acl(TOPIC, '*', DESCRIBE),
        acl(TOPIC, '*', DESCRIBE_CONFIGS),
        acl(GROUP, '*', DESCRIBE),
      ],
    });
  } finally {
    await admin.close();
  }
}

/**
 * Grants a principal a read-only scan with parts left out, to prove that lists Kafka filters by permission
 * become `unknown`: `groups: false` drops every group grant and DESCRIBE on the Cluster (so ListGroups is
 * filtered); `topicPrefix` replaces the `*` topic grants with a PREFIXED one.
 */
export async function grantPartialScan(conn, principal, { groups = true, clusterDescribe = true, topicPrefix = null } = {}) {
  const TOPIC = 2, GROUP = 3, CLUSTER = 4, LITERAL = 3, PREFIXED = 4, DESCRIBE = 8, DESCRIBE_CONFIGS = 10;
  const topicPattern = topicPrefix === null ? ['*', LITERAL] : [topicPrefix, PREFIXED];
  const creations = [
    allowAcl(CLUSTER, 'kafka-cluster', LITERAL, principal, DESCRIBE_CONFIGS),
    ...(clusterDescribe ? [allowAcl(CLUSTER, 'kafka-cluster', LITERAL, principal, DESCRIBE)] : []),
    allowAcl(TOPIC, topicPattern[0], topicPattern[1], principal, DESCRIBE),
    allowAcl(TOPIC, topicPattern[0], topicPattern[1], principal, DESCRIBE_CONFIGS),
    ...(groups ? [allowAcl(GROUP, '*', LITERAL, principal, DESCRIBE)] : []),
  ];
  const admin = new Admin(clientOptions(conn, 'readiness-seed-admin'));
  try {
    await admin.createAcls({ creations });
  } finally {
    await admin.close();
  }
}

/** Removes every ACL binding of a principal (test clean-up). */
export async function revokeAll(conn, principal) {
  const admin = new Admin(clientOptions(conn, 'readiness-seed-admin'));
  try {
    await admin.deleteAcls({ filters: [{ resourceType: 1, resourceName: null, resourcePatternType: 1, principal, host: null, operation: 1, permissionType: 1 }] });
  } finally {
    await admin.close();
  }
}

// CLI: node scripts/seed.mjs <bootstrap> <username> <password-env-var>
if (import.meta.url === `file://${process.argv[1]}`) {
  const [bootstrap, username, passwordEnv = 'KAFKA_READINESS_PASSWORD'] = process.argv.slice(2);
  const password = process.env[passwordEnv];
  if (!bootstrap || !username || password === undefined) {
    console.error('usage: node scripts/seed.mjs <bootstrap> <username> [password-env-var]  (password read from the environment)');
    process.exit(2);
  }
  await seedWorkload({ bootstrap, username, password }, { log: (l) => console.error(`seed: ${l}`) });
}
