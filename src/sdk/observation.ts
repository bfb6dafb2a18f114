// Helpers over the offset samples of an observation window (--observe): per-partition lag series, Burrow's
// partition status, ingress rates and time lag. Pure functions of the snapshot's samples.

import type { OffsetSample } from '../model/snapshot.js';

export type BurrowStatus = 'OK' | 'WARN' | 'STALL' | 'STOP' | 'REWIND';

/** Severity order used to pick a group's status from its partitions (worst wins). */
export const BURROW_ORDER: readonly BurrowStatus[] = ['OK', 'WARN', 'REWIND', 'STALL', 'STOP'];

export interface LagPoint {
  at: number;
  committed: bigint;
  latest: bigint;
  lag: bigint;
}

// Sample times parsed once per sample (checks ask for them per group partition): a computed value keyed by
// the sample object, like Lighthouse's computed artifacts, so every check shares it.
const sampleTimes = new WeakMap<OffsetSample, number>();

/** The sample's time in ms since the epoch, parsed once. */
export function sampleTime(s: OffsetSample): number {
  return computed(sampleTimes, s, (x) => Date.parse(x.at));
}

/**
 * A value computed once from an artifact and shared by every check that asks (Lighthouse's computed
 * artifacts): the cache is keyed by the artifact object, so it lives exactly as long as the snapshot.
 */
export function computed<K extends object, V>(cache: WeakMap<K, V>, key: K, compute: (key: K) => V): V {
  let v = cache.get(key);
  if (v === undefined) cache.set(key, (v = compute(key)));
  return v;
}

/**
 * The samples' log end offsets, parsed once for every check (Lighthouse's computed artifacts): per topic, per
 * partition, the offset at each sample (undefined where that sample has none), plus the sample times. Built a
 * topic at a time on first use, so a check that asks per group partition does one lookup, not one scan of the
 * samples with a string parse each.
 */
export interface SampleLogEnds {
  /** Sample times in ms, in sample order. */
  readonly times: readonly number[];
  /** partition → log end offset per sample (aligned with `times`; undefined: that sample has no offset). */
  topic(topic: string): ReadonlyMap<string, readonly (bigint | undefined)[]>;
}

const logEndIndexes = new WeakMap<readonly OffsetSample[], SampleLogEnds>();
const NO_PARTITIONS: ReadonlyMap<string, readonly (bigint | undefined)[]> = new Map();

export function sampleLogEnds(samples: readonly OffsetSample[]): SampleLogEnds {
  return computed(logEndIndexes, samples, () => {
    const times = samples.map(sampleTime);
    const byTopic = new Map<string, Map<string, (bigint | undefined)[]>>();
    return {
      times,
      topic(topic: string) {
        let parts = byTopic.get(topic);
        if (parts) return parts;
        parts = new Map();
        for (let i = 0; i < samples.length; i++) {
          const offsets = samples[i]!.offsets[topic];
          if (!offsets) continue;
          for (const p of Object.keys(offsets)) {
            const latest = offsets[p]!.latest;
            if (latest === undefined || latest === null) continue;
            let series = parts.get(p);
            if (!series) parts.set(p, (series = new Array<bigint | undefined>(samples.length).fill(undefined)));
            series[i] = BigInt(latest);
          }
        }
        byTopic.set(topic, parts.size ? parts : (NO_PARTITIONS as Map<string, (bigint | undefined)[]>));
        return parts;
      },
    };
  });
}

const logEndPoints = new WeakMap<readonly (bigint | undefined)[], { at: number; latest: bigint }[]>();

/** The log end offset of one partition at every sample that has it, parsed once per partition for all checks. */
export function logEndSeries(samples: readonly OffsetSample[], topic: string, partition: string): readonly { at: number; latest: bigint }[] {
  const index = sampleLogEnds(samples);
  const series = index.topic(topic).get(partition);
  if (!series) return [];
  return computed(logEndPoints, series, () => {
    const points: { at: number; latest: bigint }[] = [];
    for (let i = 0; i < series.length; i++) {
      const latest = series[i];
      if (latest !== undefined) points.push({ at: index.times[i]!, latest });
    }
    return points;
  });
}

/**
 * True when the sample has this partition's log end offset. A sample whose brokers did not all answer lists the
 * partitions it lacks (`partial`); those are unknown in that sample, not unchanged and not zero.
 */
export function sampleHasPartition(s: OffsetSample, topic: string, partition: string): boolean {
  if (s.partial?.partitions[topic]?.includes(Number(partition))) return false;
  const latest = s.offsets[topic]?.[partition]?.latest;
  return latest !== undefined && latest !== null;
}

/** Partitions (as "topic-partition") that at least one sample lacks: their trends are unknown. */
export function partialPartitions(samples: readonly OffsetSample[]): string[] {
  const out = new Set<string>();
  for (const s of samples) for (const [t, ps] of Object.entries(s.partial?.partitions ?? {})) for (const p of ps) out.add(`${t}-${p}`);
  return [...out].sort();
}

/**
 * The lag of one group partition at every sample where both the commit and the log end are known; empty (no
 * verdict) when a sample lacks the partition's log end because its broker did not answer.
 */
export function lagSeries(samples: readonly OffsetSample[], group: string, topic: string, partition: string): LagPoint[] {
  if (samples.some((s) => s.partial && !sampleHasPartition(s, topic, partition))) return [];
  const index = sampleLogEnds(samples);
  const latest = index.topic(topic).get(partition);
  const out: LagPoint[] = [];
  if (!latest) return out;
  for (let i = 0; i < samples.length; i++) {
    const l = latest[i];
    if (l === undefined) continue;
    const committed = samples[i]!.groupOffsets[group]?.[topic]?.[partition];
    if (committed === undefined) continue;
    const c = BigInt(committed);
    out.push({ at: index.times[i]!, committed: c, latest: l, lag: l > c ? l - c : 0n });
  }
  return out;
}

/**
 * Burrow's consumer lag evaluation rules, applied to one partition over the window
 * (https://github.com/linkedin/Burrow/wiki/Consumer-Lag-Evaluation-Rules):
 * - the committed offset went back → REWIND;
 * - lag was 0 at some sample → OK (the consumer caught up);
 * - the committed offset never moved while lag > 0 → STOP when the group has no members (nobody commits),
 *   STALL when it has members (they commit, but the offset does not move);
 * - the lag never decreased and grew over the window → WARN (falling behind);
 * - otherwise OK.
 * Needs at least two samples; returns null with fewer.
 */
export function burrowPartitionStatus(points: readonly LagPoint[], groupHasMembers: boolean): BurrowStatus | null {
  if (points.length < 2) return null;
  for (let i = 1; i < points.length; i++) if (points[i]!.committed < points[i - 1]!.committed) return 'REWIND';
  if (points.some((p) => p.lag === 0n)) return 'OK';
  const first = points[0]!;
  const last = points[points.length - 1]!;
  if (points.every((p) => p.committed === first.committed)) return groupHasMembers ? 'STALL' : 'STOP';
  let nonDecreasing = true;
  for (let i = 1; i < points.length; i++) if (points[i]!.lag < points[i - 1]!.lag) nonDecreasing = false;
  if (nonDecreasing && last.lag > first.lag) return 'WARN';
  return 'OK';
}

export function worstStatus(statuses: readonly BurrowStatus[]): BurrowStatus {
  return statuses.reduce<BurrowStatus>((w, s) => (BURROW_ORDER.indexOf(s) > BURROW_ORDER.indexOf(w) ? s : w), 'OK');
}

/**
 * Records per second appended to a partition (or a whole topic) over the window; null with < 2 samples, and
 * null (unknown) when the first or last sample lacks one of the partitions summed.
 */
export function ingressRate(samples: readonly OffsetSample[], topic: string, partition?: string): number | null {
  if (samples.length < 2) return null;
  if (partition !== undefined) return rateOf(samples, topic, partition);
  // A topic's rate is asked by several checks and the cost summary: computed once per topic.
  let rates = topicRates.get(samples);
  if (!rates) topicRates.set(samples, (rates = new Map()));
  let r = rates.get(topic);
  if (r === undefined) rates.set(topic, (r = rateOf(samples, topic, undefined)));
  return r;
}

const topicRates = new WeakMap<readonly OffsetSample[], Map<string, number | null>>();

function rateOf(samples: readonly OffsetSample[], topic: string, partition: string | undefined): number | null {
  const first = samples[0]!;
  const last = samples[samples.length - 1]!;
  // The partitions summed matter only when the first or last sample lacks some of the topic's (rare).
  if (first.partial?.partitions[topic] || last.partial?.partitions[topic]) {
    const parts = partition !== undefined ? [partition] : [...new Set([...Object.keys(first.offsets[topic] ?? {}), ...Object.keys(last.offsets[topic] ?? {})])];
    for (const s of [first, last]) {
      if (s.partial?.partitions[topic] && parts.some((p) => !sampleHasPartition(s, topic, p))) return null;
    }
  }
  const index = sampleLogEnds(samples);
  const seconds = (index.times[samples.length - 1]! - index.times[0]!) / 1000;
  if (seconds <= 0) return null;
  // Sums of the first and last samples' log ends (a partition a sample has no offset for counts 0).
  const n = samples.length - 1;
  const byPartition = index.topic(topic);
  if (partition !== undefined) {
    const series = byPartition.get(partition);
    return Number((series?.[n] ?? 0n) - (series?.[0] ?? 0n)) / seconds;
  }
  let sumFirst = 0n;
  let sumLast = 0n;
  for (const series of byPartition.values()) {
    sumFirst += series[0] ?? 0n;
    sumLast += series[n] ?? 0n;
  }
  return Number(sumLast - sumFirst) / seconds;
}

/** Window length in ms between first and last sample. */
export function windowMs(samples: readonly OffsetSample[]): number {
  if (samples.length < 2) return 0;
  return sampleTime(samples[samples.length - 1]!) - sampleTime(samples[0]!);
}

/**
 * Time lag estimated from the samples: how long ago the log end was where the consumer is now. Uses the
 * sample times when the committed offset lies inside the window, else extrapolates with the ingress rate.
 * Returns null when it cannot be estimated (no ingress observed).
 */
export function estimateTimeLagMs(samples: readonly OffsetSample[], topic: string, partition: string, committed: bigint): number | null {
  if (samples.some((s) => s.partial && !sampleHasPartition(s, topic, partition))) return null;
  const points = logEndSeries(samples, topic, partition);
  const last = points[points.length - 1];
  if (!last) return null;
  if (committed >= last.latest) return 0;
  const i = points.findIndex((p) => p.latest > committed);
  if (i > 0) {
    // The log end passed the committed offset between samples i-1 and i: interpolate the append time.
    const a = points[i - 1]!;
    const b = points[i]!;
    const frac = Number(committed - a.latest) / Number(b.latest - a.latest);
    return Math.round(last.at - (a.at + frac * (b.at - a.at)));
  }
  // Appended before the window: extrapolate back from the first sample with the observed ingress rate.
  const rate = ingressRate(samples, topic, partition);
  if (!rate || rate <= 0) return null;
  const first = points[0]!;
  return Math.round(last.at - first.at + (Number(first.latest - committed) / rate) * 1000);
}
