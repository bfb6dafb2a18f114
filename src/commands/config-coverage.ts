// The configuration surface: every topic-level config of Kafka 4.1 and the broker configs a readiness review
// cares about, each either judged by a check (from the checks' `meta.judges`) or listed here with the reason
// it is not. docs/config-coverage.md is generated from this (`kafka-readiness checks --format config-coverage`)
// and a unit test fails when it is stale or when a known topic config is neither judged nor listed.

import type { RegisteredCheck } from '../engine/registry.js';

/**
 * Every topic-level config of Apache Kafka 4.1.1: `LogConfig.configNames()` of kafka-storage-4.1.1.jar
 * (org.apache.kafka.storage.internals.log.LogConfig, whose names are TopicConfig's constants), printed by
 * running that method against the jar. `internal.segment.bytes` is the one internal name.
 */
export const KAFKA_41_TOPIC_CONFIGS: readonly string[] = [
  'cleanup.policy',
  'compression.gzip.level',
  'compression.lz4.level',
  'compression.type',
  'compression.zstd.level',
  'delete.retention.ms',
  'file.delete.delay.ms',
  'flush.messages',
  'flush.ms',
  'follower.replication.throttled.replicas',
  'index.interval.bytes',
  'internal.segment.bytes',
  'leader.replication.throttled.replicas',
  'local.retention.bytes',
  'local.retention.ms',
  'max.compaction.lag.ms',
  'max.message.bytes',
  'message.timestamp.after.max.ms',
  'message.timestamp.before.max.ms',
  'message.timestamp.type',
  'min.cleanable.dirty.ratio',
  'min.compaction.lag.ms',
  'min.insync.replicas',
  'preallocate',
  'remote.log.copy.disable',
  'remote.log.delete.on.disable',
  'remote.storage.enable',
  'retention.bytes',
  'retention.ms',
  'segment.bytes',
  'segment.index.bytes',
  'segment.jitter.ms',
  'segment.ms',
  'unclean.leader.election.enable',
];

/**
 * Broker configs (Kafka 4.1.1 `AbstractKafkaConfig.CONFIG_DEF`) a production-readiness review looks at:
 * security, durability, retention and its broker-level defaults, message sizes, capacity, KRaft.
 */
export const REVIEW_BROKER_CONFIGS: readonly string[] = [
  'allow.everyone.if.no.acl.found',
  'authorizer.class.name',
  'auto.create.topics.enable',
  'auto.leader.rebalance.enable',
  'broker.rack',
  'compression.type',
  'controller.listener.names',
  'controller.quorum.voters',
  'default.replication.factor',
  'delete.topic.enable',
  'group.initial.rebalance.delay.ms',
  'follower.replication.throttled.rate',
  'leader.imbalance.per.broker.percentage',
  'leader.replication.throttled.rate',
  'listener.security.protocol.map',
  'listeners',
  'log.cleaner.delete.retention.ms',
  'log.cleaner.enable',
  'log.cleaner.max.compaction.lag.ms',
  'log.cleaner.min.cleanable.ratio',
  'log.cleaner.min.compaction.lag.ms',
  'log.cleaner.threads',
  'log.dirs',
  'log.flush.interval.messages',
  'log.flush.interval.ms',
  'log.index.size.max.bytes',
  'log.message.timestamp.after.max.ms',
  'log.message.timestamp.type',
  'log.retention.bytes',
  'log.retention.hours',
  'log.retention.minutes',
  'log.retention.ms',
  'log.roll.hours',
  'log.roll.ms',
  'log.segment.bytes',
  'message.max.bytes',
  'min.insync.replicas',
  'num.io.threads',
  'num.network.threads',
  'num.partitions',
  'num.recovery.threads.per.data.dir',
  'num.replica.fetchers',
  'offsets.retention.minutes',
  'offsets.topic.replication.factor',
  'process.roles',
  'remote.log.storage.system.enable',
  'replica.fetch.max.bytes',
  'replica.lag.time.max.ms',
  'replica.selector.class',
  'sasl.enabled.mechanisms',
  'socket.request.max.bytes',
  'ssl.client.auth',
  'ssl.endpoint.identification.algorithm',
  'super.users',
  'transaction.state.log.min.isr',
  'transaction.state.log.replication.factor',
  'unclean.leader.election.enable',
];

export interface NotJudged {
  config: string;
  scope: 'topic' | 'broker';
  reason: string;
}

/** Configs of the lists above that no check judges, and why. */
export const NOT_JUDGED: readonly NotJudged[] = [
  { config: 'compression.gzip.level', scope: 'topic', reason: 'Codec level: a CPU-for-ratio trade-off that only applies when the broker recompresses (that is judged by cost/broker-recompression); no level is unsafe.' },
  { config: 'compression.lz4.level', scope: 'topic', reason: 'As compression.gzip.level.' },
  { config: 'compression.zstd.level', scope: 'topic', reason: 'As compression.gzip.level.' },
  { config: 'file.delete.delay.ms', scope: 'topic', reason: 'Delay before a deleted segment file is removed from disk (default 60 s); an I/O smoothing knob with no readiness risk.' },
  { config: 'internal.segment.bytes', scope: 'topic', reason: 'Internal (tests only): not returned by DescribeConfigs and not settable by users.' },
  { config: 'message.timestamp.before.max.ms', scope: 'topic', reason: 'Unlimited by default in every release; old timestamps only make records eligible for deletion early. Whether producers send old timestamps is a client review, not a cluster setting with a sourced threshold.' },
  { config: 'preallocate', scope: 'topic', reason: 'Preallocates segment files: a file-system performance choice (useful on some file systems), no readiness risk either way.' },
  { config: 'remote.log.copy.disable', scope: 'topic', reason: 'Only used while turning tiered storage off; Kafka itself validates it against local retention (LogConfig.validateRetentionConfigsWhenRemoteCopyDisabled).' },
  { config: 'remote.log.delete.on.disable', scope: 'topic', reason: 'A one-shot flag for turning tiered storage off; Kafka itself validates it (LogConfig.validateTurningOffRemoteStorageWithDelete).' },
  { config: 'segment.jitter.ms', scope: 'topic', reason: 'Spreads segment rolls so that partitions do not roll at once; every value is valid (default 0).' },
  { config: 'broker.rack', scope: 'broker', reason: 'Judged through the rack each broker reports in Metadata (replication/rack-spread, replication/zone-loss), not as a config.' },
  { config: 'controller.quorum.voters', scope: 'broker', reason: 'Judged through DescribeQuorum (replication/kraft-quorum: voter count, voters down or lagging), which also covers controller.quorum.bootstrap.servers.' },
  { config: 'delete.topic.enable', scope: 'broker', reason: 'Whether topics may be deleted is an operating policy, not a readiness risk (default true).' },
  { config: 'group.initial.rebalance.delay.ms', scope: 'broker', reason: 'Start-up latency of new consumer groups (default 3 s); affects only the first rebalance.' },
  { config: 'log.cleaner.threads', scope: 'broker', reason: 'Cleaner throughput depends on the compacted volume, which a configuration scan cannot see; cleaner backlog is a metric (kafka.log:type=LogCleanerManager), not a config.' },
  { config: 'log.dirs', scope: 'broker', reason: 'Judged through DescribeLogDirs (retention/disk-headroom, retention/projected-disk: free space, capacity, log-dir errors), not as a config.' },
  { config: 'num.io.threads', scope: 'broker', reason: 'Sizing depends on disks and load; Kafka publishes no threshold. Request-handler idle ratio is the metric to watch.' },
  { config: 'num.network.threads', scope: 'broker', reason: 'Sizing depends on connections and load; Kafka publishes no threshold. Network-processor idle ratio is the metric to watch.' },
  { config: 'num.partitions', scope: 'broker', reason: 'Only the partition count of auto-created topics; auto-creation itself is judged by replication/auto-create-topics.' },
  { config: 'num.recovery.threads.per.data.dir', scope: 'broker', reason: 'Affects restart time after an unclean shutdown only; depends on disks.' },
  { config: 'num.replica.fetchers', scope: 'broker', reason: 'Replication throughput tuning; under-replication itself is judged by replication/partition-health.' },
  { config: 'process.roles', scope: 'broker', reason: 'Combined broker+controller nodes are supported; the quorum itself is judged by replication/kraft-quorum.' },
  { config: 'replica.lag.time.max.ms', scope: 'broker', reason: 'Kafka default (30 s) is sane and the effect (ISR shrinking) is judged directly by replication/partition-health.' },
];

export interface CoverageRow {
  config: string;
  scope: 'topic' | 'broker';
  judgedBy: { check: string; threshold: string; source: string }[];
  reason: string | null;
}

export interface ConfigCoverage {
  topic: CoverageRow[];
  broker: CoverageRow[];
  counts: { topic: { judged: number; listed: number; unaccounted: number; total: number }; broker: { judged: number; listed: number; unaccounted: number; total: number } };
}

export function configCoverage(registry: readonly RegisteredCheck[]): ConfigCoverage {
  const build = (scope: 'topic' | 'broker', known: readonly string[]): CoverageRow[] => {
    const judged = new Map<string, CoverageRow['judgedBy']>();
    for (const { check } of registry) {
      for (const j of check.meta.judges ?? []) {
        if (j.scope !== scope) continue;
        const list = judged.get(j.config) ?? [];
        list.push({ check: check.meta.id, threshold: j.threshold, source: j.source });
        judged.set(j.config, list);
      }
    }
    // Known configs, plus any config a check judges that the known list lacks.
    const names = [...new Set([...known, ...judged.keys()])].sort();
    return names.map((config) => ({
      config,
      scope,
      judgedBy: judged.get(config) ?? [],
      reason: NOT_JUDGED.find((n) => n.config === config && n.scope === scope)?.reason ?? null,
    }));
  };
  const topic = build('topic', KAFKA_41_TOPIC_CONFIGS);
  const broker = build('broker', REVIEW_BROKER_CONFIGS);
  const count = (rows: CoverageRow[]) => ({
    judged: rows.filter((r) => r.judgedBy.length > 0).length,
    listed: rows.filter((r) => r.judgedBy.length === 0 && r.reason !== null).length,
    unaccounted: rows.filter((r) => r.judgedBy.length === 0 && r.reason === null).length,
    total: rows.length,
  });
  return { topic, broker, counts: { topic: count(topic), broker: count(broker) } };
}

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

export function renderConfigCoverage(registry: readonly RegisteredCheck[]): string {
  const cov = configCoverage(registry);
  const out = [
    '# Configuration coverage',
    '',
    'Generated by `kafka-readiness checks --format config-coverage`; do not edit by hand. Every topic-level config of',
    'Apache Kafka 4.1 (`LogConfig.configNames()` of kafka-storage-4.1.1) and the broker configs a readiness review',
    'cares about is either judged by a check (its `meta.judges`: threshold and the source of that threshold) or listed',
    'with the reason it is not judged. A unit test fails when this file is stale or when a topic config is neither.',
    '',
    '| | judged | listed with a reason | not accounted for | total |',
    '| --- | --- | --- | --- | --- |',
    `| topic configs | ${cov.counts.topic.judged} | ${cov.counts.topic.listed} | ${cov.counts.topic.unaccounted} | ${cov.counts.topic.total} |`,
    `| broker configs | ${cov.counts.broker.judged} | ${cov.counts.broker.listed} | ${cov.counts.broker.unaccounted} | ${cov.counts.broker.total} |`,
  ];
  for (const [title, rows] of [['Topic configs', cov.topic], ['Broker configs', cov.broker]] as const) {
    out.push('', `## ${title}`, '', '| config | judged by | threshold | source of the threshold |', '| --- | --- | --- | --- |');
    for (const r of rows.filter((x) => x.judgedBy.length)) {
      for (const [i, j] of r.judgedBy.entries()) out.push(`| ${i === 0 ? `\`${r.config}\`` : ''} | \`${j.check}\` | ${cell(j.threshold)} | ${cell(j.source)} |`);
    }
    out.push('', `### ${title} not judged`, '', '| config | why not |', '| --- | --- |');
    for (const r of rows.filter((x) => !x.judgedBy.length)) out.push(`| \`${r.config}\` | ${cell(r.reason ?? '**not accounted for**')} |`);
  }
  return `${out.join('\n')}\n`;
}
