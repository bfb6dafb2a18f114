// Cost drivers in money: storage used now, storage projected from ingress × retention × RF, and cross-zone
// traffic from racks, replication and follower fetching. Pure: prices come from readiness.yaml (with
// defaults), measurements from the snapshot; every number says what it rests on.

import type { ConfigMap, PartitionOffsets, Snapshot } from '../model/snapshot.js';
import type { CostReport } from '../report/model.js';
import type { PriceTable } from '../config/policy-types.js';
import { ingressRate, numberConfig, readConfig, replicationFactor, windowMs } from '../sdk.js';

export type { PriceTable } from '../config/policy-types.js';

export const DEFAULT_PRICES: PriceTable = { currency: 'USD', storagePerGbMonth: 0.1, crossZonePerGb: 0.02, billReplicationTraffic: true };

const GB = 1024 ** 3;
const MONTH_S = 30 * 86_400;
const round2 = (n: number) => Math.round(n * 100) / 100;

function topicBytes(snapshot: Snapshot): Map<string, number> {
  const out = new Map<string, number>();
  const a = snapshot.artifacts.logDirs;
  if (!a.ok) return out;
  // Plain loops over keys: this visits every replica of every partition.
  for (const dirs of Object.values(a.value)) {
    for (const d of dirs) {
      for (const t of Object.keys(d.topics)) {
        const parts = d.topics[t]!;
        let bytes = 0;
        for (const p of Object.keys(parts)) bytes += parts[p]!;
        out.set(t, (out.get(t) ?? 0) + bytes);
      }
    }
  }
  return out;
}

/** Records between log start and log end, summed over a topic's partitions. */
function retainedRecords(parts: Record<string, PartitionOffsets> | undefined): number {
  let sum = 0;
  if (!parts) return sum;
  for (const p of Object.keys(parts)) {
    const { latest, earliest } = parts[p]!;
    if (latest === null || earliest === null) continue;
    // Up to 15 digits a decimal is an exact Number, so the difference is the one BigInt gives, without parsing two BigInts.
    sum += latest.length <= 15 && earliest.length <= 15 ? Number(latest) - Number(earliest) : Number(BigInt(latest) - BigInt(earliest));
  }
  return sum;
}

export function costReport(snapshot: Snapshot, prices: PriceTable, platform: string): CostReport {
  const a = snapshot.artifacts;
  const assumptions: string[] = [];
  const topics = a.topics.ok ? a.topics.value.filter((t) => !t.name.startsWith('__')) : [];
  const configs: Record<string, ConfigMap> = a.topicConfigs.ok ? a.topicConfigs.value : {};
  const samples = a.samples.ok ? a.samples.value : [];
  const observed = samples.length >= 2;
  const stored = topicBytes(snapshot);
  if (!a.logDirs.ok) assumptions.push('log dir sizes were not readable: stored bytes are unknown and counted as 0');
  // A permission-filtered topic list (see visibility) leaves the hidden topics out of every figure below.
  if (a.topics.ok && a.topics.visibility?.status === 'possibly-filtered') assumptions.push(`only the topics the principal may DESCRIBE are counted (${a.topics.visibility.reason}); needs ${a.topics.visibility.missingGrant ?? 'DESCRIBE on every topic'}`);
  if (!observed) assumptions.push('no observation window (--observe): ingress is unknown, so projected storage and traffic are 0');
  else assumptions.push(`ingress measured over ${Math.round(windowMs(samples) / 1000)} s (${samples.length} samples) and assumed steady for the month`);

  const brokers = a.cluster.ok ? a.cluster.value.brokers : [];
  const racks = new Set(brokers.map((b) => b.rack).filter(Boolean));
  const multiZone = racks.size > 1;
  const brokerConfigs = a.brokerConfigs.ok ? Object.values(a.brokerConfigs.value) : [];
  const followerFetching = brokerConfigs.some((c) => /RackAwareReplicaSelector/.test(readConfig(c, 'replica.selector.class').value ?? ''));
  const groupsPerTopic = new Map<string, number>();
  if (a.groupOffsets.ok) for (const byTopic of Object.values(a.groupOffsets.value)) for (const t of Object.keys(byTopic)) groupsPerTopic.set(t, (groupsPerTopic.get(t) ?? 0) + 1);
  if (!multiZone) assumptions.push('brokers are in one zone (or declare no racks): no cross-zone traffic is counted');
  else {
    assumptions.push(`${racks.size} zones; replication crosses zones for every follower in another zone (RF − 1 copies)`);
    assumptions.push(
      followerFetching
        ? 'follower fetching (RackAwareReplicaSelector) is on: consumers read in their own zone'
        : `no follower fetching: about ${Math.round(((racks.size - 1) / racks.size) * 100)} % of consumer reads cross zones`,
    );
  }
  if (!prices.billReplicationTraffic) assumptions.push('replication traffic between brokers is not billed (managed platform)');

  const rows = topics.map((t) => {
    const rf = replicationFactor(t);
    const bytesNow = stored.get(t.name) ?? 0;
    const retained = a.offsets.ok
      ? retainedRecords(a.offsets.value[t.name])
      : 0;
    // Average record size on disk, from what is stored now (all replicas → one copy).
    const recordBytes = retained > 0 && rf > 0 ? bytesNow / rf / retained : 0;
    const rate = observed ? ingressRate(samples, t.name) ?? 0 : 0;
    const ingressBps = rate * recordBytes;
    const retentionMs = numberConfig(configs[t.name], 'retention.ms');
    const retentionBytes = numberConfig(configs[t.name], 'retention.bytes');
    const policy = readConfig(configs[t.name], 'cleanup.policy').value ?? 'delete';
    let projectedBytes: number;
    if (!policy.includes('delete') || retentionMs === null || retentionMs < 0) projectedBytes = bytesNow + ingressBps * MONTH_S * rf; // grows: one month of growth
    else projectedBytes = ingressBps * (retentionMs / 1000) * rf;
    if (retentionBytes !== null && retentionBytes >= 0) projectedBytes = Math.min(projectedBytes, retentionBytes * t.partitions.length * rf);
    projectedBytes = Math.max(projectedBytes, bytesNow);
    const consumers = groupsPerTopic.get(t.name) ?? 0;
    const replicationCross = multiZone && prices.billReplicationTraffic ? ingressBps * MONTH_S * Math.max(0, Math.min(rf, racks.size) - 1) : 0;
    const consumerCross = multiZone && !followerFetching ? ingressBps * MONTH_S * consumers * ((racks.size - 1) / racks.size) : 0;
    const storageMonthly = (projectedBytes / GB) * prices.storagePerGbMonth;
    const trafficMonthly = ((replicationCross + consumerCross) / GB) * prices.crossZonePerGb;
    return {
      topic: t.name,
      storedGb: round2(bytesNow / GB),
      projectedGb: round2(projectedBytes / GB),
      ingressBytesPerSec: Math.round(ingressBps),
      crossZoneGbMonth: round2((replicationCross + consumerCross) / GB),
      monthly: round2(storageMonthly + trafficMonthly),
      storageMonthly,
      replicationCross,
      consumerCross,
    };
  });
  const sum = (f: (r: (typeof rows)[number]) => number) => rows.reduce((s, r) => s + f(r), 0);
  const drivers = [
    { driver: 'storage (stored now)', monthly: round2((sum((r) => r.storedGb) * prices.storagePerGbMonth)), basis: `${round2(sum((r) => r.storedGb))} GB on the brokers' log dirs (all replicas) × ${prices.storagePerGbMonth} ${prices.currency}/GB-month` },
    { driver: 'storage (projected)', monthly: round2(sum((r) => r.storageMonthly)), basis: `${round2(sum((r) => r.projectedGb))} GB = ingress × retention × RF (capped by retention.bytes; unlimited retention: one month of growth)` },
    { driver: 'cross-zone replication', monthly: round2((sum((r) => r.replicationCross) / GB) * prices.crossZonePerGb), basis: `${round2(sum((r) => r.replicationCross) / GB)} GB/month × ${prices.crossZonePerGb} ${prices.currency}/GB` },
    { driver: 'cross-zone consumer reads', monthly: round2((sum((r) => r.consumerCross) / GB) * prices.crossZonePerGb), basis: `${round2(sum((r) => r.consumerCross) / GB)} GB/month × ${prices.crossZonePerGb} ${prices.currency}/GB` },
  ];
  const topTopics = rows
    .sort((x, y) => y.monthly - x.monthly || y.projectedGb - x.projectedGb)
    .slice(0, 10)
    .map(({ storageMonthly: _s, replicationCross: _r, consumerCross: _c, ...rest }) => rest);
  return {
    currency: prices.currency,
    prices: { storagePerGbMonth: prices.storagePerGbMonth, crossZonePerGb: prices.crossZonePerGb, billReplicationTraffic: prices.billReplicationTraffic },
    platform,
    assumptions,
    // The projected storage already contains what is stored now: the total counts it once.
    totalMonthly: round2(drivers[1]!.monthly + drivers[2]!.monthly + drivers[3]!.monthly),
    drivers,
    topTopics,
  };
}
