// Builders for the replication check tests (on top of makeSnapshot); kept here so the shared builders stay untouched.
import type { BrokerInfo, CloudWatchArtifact, ConfigMap, MetricSeries, Snapshot, TopicInfo } from '../../../../src/gather/snapshot.js';
import { cfg, makeSnapshot, TOPIC_DEFAULTS } from '../../../helpers/snapshot.js';

/** The default snapshot with these topics; each topic gets the default topic configs unless `configs` names it. */
export function withTopics(topics: TopicInfo[], configs: Record<string, ConfigMap> = {}): Snapshot {
  return makeSnapshot({
    topics: { ok: true, value: topics },
    topicConfigs: { ok: true, value: Object.fromEntries(topics.map((t) => [t.name, configs[t.name] ?? cfg(TOPIC_DEFAULTS)])) },
  });
}

/** Sets the brokers of the cluster artifact: one per rack given (null: no broker.rack), ids 1, 2, 3, ... */
export function setBrokers(s: Snapshot, racks: (string | null)[]): Snapshot {
  const brokers: BrokerInfo[] = racks.map((rack, i) => ({ id: i + 1, host: '127.0.0.1', port: 9091 + i, rack }));
  if (s.artifacts.cluster.ok) s.artifacts.cluster.value.brokers = brokers;
  return s;
}

/** An artifact that could not be read because the request failed (timeout), not because it was denied. */
export const timedOut = (api: string) => ({ ok: false as const, error: { reason: 'timeout' as const, message: `${api} timed out after 30000 ms`, api } });

/** A CloudWatch series of 5-minute periods ending at the snapshot time. */
export function series(metric: string, values: number[], dimensions: Record<string, string> = {}): MetricSeries {
  const end = Date.parse('2026-11-22T12:00:00.000Z');
  return {
    metric,
    dimensions: { 'Cluster Name': 'prod', ...dimensions },
    stat: 'Maximum',
    periodSeconds: 300,
    timestamps: values.map((_v, i) => new Date(end - (values.length - i) * 300_000).toISOString()),
    values,
  };
}

/** The default snapshot with CloudWatch metrics; `available` defaults to the metrics of the series. */
export function withCloudWatch(list: MetricSeries[], available: string[] = [...new Set(list.map((s) => s.metric))]): Snapshot {
  const value: CloudWatchArtifact = { clusterName: 'prod', region: 'eu-west-1', windowStart: '2026-11-22T09:00:00.000Z', windowEnd: '2026-11-22T12:00:00.000Z', available, series: list, calls: {} };
  return makeSnapshot({ cloudwatch: { ok: true, value } });
}
