// Helpers for checks that read Amazon MSK CloudWatch metrics (artifact `cloudwatch`).

import type { CloudWatchArtifact, MetricSeries } from '../model/snapshot.js';

export function cwSeries(cw: CloudWatchArtifact, metric: string): MetricSeries[] {
  return cw.series.filter((s) => s.metric === metric);
}

/** Why a metric cannot be judged: not published for this cluster, or no datapoint in the window. */
export function cwMissing(cw: CloudWatchArtifact, metrics: readonly string[]): string | null {
  const absent = metrics.filter((m) => !cw.available.includes(m));
  if (absent.length === metrics.length) return `CloudWatch has no ${metrics.join('/')} for MSK cluster ${cw.clusterName} in ${cw.region} (monitoring level too low, or wrong cluster name)`;
  const empty = metrics.filter((m) => cw.available.includes(m) && cwSeries(cw, m).every((s) => s.values.length === 0));
  if (empty.length + absent.length === metrics.length) return `no ${metrics.join('/')} datapoint between ${cw.windowStart} and ${cw.windowEnd}`;
  return null;
}

export function seriesLabel(s: MetricSeries): string {
  const { 'Cluster Name': _c, ...rest } = s.dimensions;
  const parts = Object.entries(rest).map(([k, v]) => `${k} ${v}`);
  return parts.length ? parts.join(', ') : 'cluster';
}

/** Longest run of consecutive datapoints matching a predicate, in ms (points are periodSeconds apart). */
export function longestRunMs(s: MetricSeries, test: (v: number) => boolean): number {
  let best = 0;
  let run = 0;
  for (const v of s.values) {
    run = test(v) ? run + 1 : 0;
    best = Math.max(best, run);
  }
  return best * s.periodSeconds * 1000;
}
