// Small text helpers every renderer shares, so a resource or an evidence value reads the same in all formats.
import type { Resource } from '../sdk.js';

/** "topic orders"; the whole-cluster resource is just "cluster". */
export function resourceLabel(r: Resource): string {
  return r.kind === 'cluster' && r.name === 'cluster' ? 'cluster' : `${r.kind} ${r.name}`;
}

/** Evidence values as text: strings as they are, anything else as JSON. */
export function valueText(v: unknown): string {
  if (v === null || v === undefined) return 'none';
  if (typeof v === 'string') return v;
  try {
    return JSON.stringify(v) ?? String(v);
  } catch {
    return String(v);
  }
}
