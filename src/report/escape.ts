// Cluster data (topic, group and principal names, config values, messages built from them) is data, never
// terminal control or layout: every renderer except JSON shows control and bidi characters as visible escapes.
// JSON keeps the exact strings (JSON.stringify escapes C0 characters itself; consumers get the real names).

/**
 * C0 controls, DEL, C1 controls, the line/paragraph separators and the bidi marks, embeddings, overrides and
 * isolates (U+061C, U+200E/F, U+202A–E, U+2066–9): what can clear a screen, set a window title, open a hyperlink,
 * start a new report line or make text read in a different order than it is stored.
 */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** The same class without the g flag: a test that keeps no lastIndex. */
const UNSAFE_ONE = new RegExp(UNSAFE.source);

const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

function escapeChar(ch: string): string {
  const named = NAMED[ch];
  if (named) return named;
  const code = ch.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** One string with every control and bidi character shown as an escape (`\x1b`, `\n`, `\u202e`). */
export function escapeControl(value: string): string {
  return value.replace(UNSAFE, escapeChar);
}

/** True when a string holds a character escapeControl would change. */
export function hasControl(value: string): boolean {
  UNSAFE.lastIndex = 0;
  const found = UNSAFE.test(value);
  UNSAFE.lastIndex = 0;
  return found;
}

/**
 * The report (or any JSON-shaped value) with escapeControl applied to every string, object keys included.
 * Renderers other than JSON take their input through this, so a new field can never be forgotten. Copy on
 * write: a part with nothing to escape is returned as it is (renderers only read their input), so a large
 * report of ordinary names is walked, not copied.
 */
export function escapeStrings<T>(value: T): T {
  if (typeof value === 'string') return (UNSAFE_ONE.test(value) ? escapeControl(value) : value) as T;
  if (Array.isArray(value)) {
    let out: unknown[] | undefined;
    for (let i = 0; i < value.length; i++) {
      const v: unknown = value[i];
      const e = escapeStrings(v);
      if (e !== v && !out) out = value.slice(0, i);
      if (out) out.push(e);
    }
    return (out ?? value) as T;
  }
  if (value !== null && typeof value === 'object') {
    const keys = Object.keys(value);
    let out: Record<string, unknown> | undefined;
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i]!;
      const v = (value as Record<string, unknown>)[k];
      const ek = escapeStrings(k);
      const ev = escapeStrings(v);
      if ((ek !== k || ev !== v) && !out) {
        out = {};
        for (let j = 0; j < i; j++) out[keys[j]!] = (value as Record<string, unknown>)[keys[j]!];
      }
      if (out) out[ek] = ev;
    }
    return (out ?? value) as T;
  }
  return value;
}
