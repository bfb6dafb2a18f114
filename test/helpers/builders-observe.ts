// Builders for the per-check tests of the retention, consumer-lag and cost areas (on top of makeSnapshot):
// one-topic snapshots and --observe sample windows.
import type { GroupInfo, OffsetSample, Snapshot } from '../../src/gather/snapshot.js';
import { cfg, makeSnapshot, TOPIC_DEFAULTS, topicInfo } from './snapshot.js';

/** One topic `name` (3 replicas) whose configs are the defaults changed by `values`, all with source topic. */
export function oneTopic(name: string, values: Record<string, string>): Snapshot {
  return makeSnapshot({ topics: { ok: true, value: [topicInfo(name, [{ replicas: [1, 2, 3] }])] }, topicConfigs: { ok: true, value: { [name]: cfg({ ...TOPIC_DEFAULTS, ...values }, 'topic') } } });
}

export const failed = (api: string) => ({ ok: false as const, error: { reason: 'timeout' as const, message: `${api} timed out`, api } });

export const T0 = Date.parse('2026-11-22T12:00:00.000Z');

/** Samples every 10 s: latest[i] per sample for topic t-0, committed[g][i] per group. */
export function samples(latest: number[], committed: Record<string, number[]>, members: Record<string, number> = {}, stable?: number[], states: Record<string, string[]> = {}): OffsetSample[] {
  return latest.map((l, i) => ({
    at: new Date(T0 + i * 10_000).toISOString(),
    offsets: { t: { '0': { earliest: '0', latest: String(l), ...(stable ? { stable: String(stable[i]) } : {}) } } },
    groupOffsets: Object.fromEntries(Object.entries(committed).map(([g, c]) => [g, { t: { '0': String(c[i]) } }])),
    groupStates: Object.fromEntries(Object.keys(committed).map((g) => [g, states[g]?.[i] ?? ((members[g] ?? 0) > 0 ? 'Stable' : 'Empty')])),
    groupMembers: Object.fromEntries(Object.keys(committed).map((g) => [g, members[g] ?? 0])),
  }));
}

export const obsGroup = (groupId: string, members = 0): GroupInfo => ({
  groupId,
  type: 'classic',
  protocolType: 'consumer',
  state: members ? 'Stable' : 'Empty',
  coordinator: 1,
  members: Array.from({ length: members }, (_, i) => ({ memberId: `m${i}`, clientId: 'c', clientHost: '/127.0.0.1', assignment: null })),
});

/** Topic t (one partition) observed through `s`, with the given groups and topic configs. */
export function obsSnap(s: OffsetSample[], groups: GroupInfo[], configs: Record<string, string> = TOPIC_DEFAULTS): Snapshot {
  return makeSnapshot({
    topics: { ok: true, value: [topicInfo('t', [{ replicas: [1, 2, 3] }])] },
    topicConfigs: { ok: true, value: { t: cfg(configs) } },
    groups: { ok: true, value: groups },
    samples: { ok: true, value: s },
  });
}

/** A CloudWatch artifact holding these series (1-minute datapoints); `available` lists their metrics. */
export function cloudwatch(series: { metric: string; dimensions: Record<string, string>; values: number[] }[]) {
  return {
    ok: true as const,
    value: {
      clusterName: 'c',
      region: 'eu-west-1',
      windowStart: '2026-11-22T11:00:00.000Z',
      windowEnd: '2026-11-22T12:00:00.000Z',
      available: [...new Set(series.map((s) => s.metric))],
      series: series.map((s) => ({ ...s, dimensions: { 'Cluster Name': 'c', ...s.dimensions }, stat: 'Maximum', periodSeconds: 60, timestamps: s.values.map((_, i) => new Date(T0 - 3_600_000 + i * 60_000).toISOString()) })),
      calls: {},
    },
  };
}
