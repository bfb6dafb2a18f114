// Makes a snapshot captured from a test cluster stable across captures and machines: fixed time (every
// timestamp shifted by the same amount, so sample intervals survive), fixed cluster id, ports mapped onto the
// default port bases, machine paths replaced, random ids (topic ids, member ids) numbered in order of appearance,
// gather timings zeroed. Values the checks judge (configs, offsets, replicas, ACLs) are kept as captured.
import type { Snapshot } from '../../src/gather/snapshot.js';

export const GOLDEN_TAKEN_AT = '2026-01-01T00:00:00.000Z';
/** The default KR_IT_PORT_BASE / KR_IT39_PORT_BASE of the test clusters: captured ports are mapped onto these. */
const DEFAULT_BASES = [29000, 31000];
const PORT_SPAN = 1000;
const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/;
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

export interface NormaliseOptions {
  /** Port bases of the clusters captured, in the order of DEFAULT_BASES (main, legacy). */
  portBases: number[];
  /** Machine paths (work dirs, repository root, temp dir) to replace by /golden. */
  paths: string[];
  clusterId: string;
}

export function normaliseSnapshot(snapshot: Snapshot, opts: NormaliseOptions): Snapshot {
  const shift = Date.parse(GOLDEN_TAKEN_AT) - Date.parse(snapshot.takenAt);
  const originalId = snapshot.artifacts.cluster.ok ? snapshot.artifacts.cluster.value.clusterId : null;
  const paths = [...new Set(opts.paths.filter(Boolean))].sort((a, b) => b.length - a.length);
  const ids = new Map<string, string>();
  const stableId = (id: string) => {
    if (!ids.has(id)) ids.set(id, `00000000-0000-4000-8000-${String(ids.size + 1).padStart(12, '0')}`);
    return ids.get(id)!;
  };
  const port = (n: number) => {
    for (const [i, base] of opts.portBases.entries()) if (n >= base && n < base + PORT_SPAN) return DEFAULT_BASES[i]! + (n - base);
    return n;
  };
  const text = (s: string): string => {
    if (ISO.test(s)) return new Date(Date.parse(s) + shift).toISOString();
    let out = s;
    for (const p of paths) out = out.split(p).join('/golden');
    if (originalId) out = out.split(originalId).join(opts.clusterId);
    out = out.replace(UUID, (m) => stableId(m.toLowerCase()));
    return out.replace(/(:|\bport[= ])(\d{4,5})\b/g, (_m, pre: string, n: string) => `${pre}${port(Number(n))}`);
  };
  const walk = (v: unknown, key: string): unknown => {
    if (typeof v === 'string') {
      if ((key === 'lastFetchTimestamp' || key === 'lastCaughtUpTimestamp') && /^\d{12,}$/.test(v)) return String(Number(v) + shift);
      if (key === 'id' && /^[A-Za-z0-9_-]{22}$/.test(v)) return stableId(v);
      return text(v);
    }
    if (typeof v === 'number') return key === 'port' ? port(v) : v;
    if (Array.isArray(v)) return v.map((x) => walk(x, key));
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [text(k), walk(x, k)]));
    return v;
  };
  const out = walk(snapshot, '') as Snapshot;
  out.tool = { name: 'kafka-readiness', version: 'golden' };
  out.stats = { requests: Object.fromEntries(Object.keys(out.stats.requests).sort().map((k) => [k, 0])), totalRequests: 0, artifactMs: {}, durationMs: 0 };
  return out;
}
