// Cluster data (topic, group and principal names, config values, messages built from them) is data, never
// terminal control or layout: every renderer except JSON shows control and bidi characters as visible escapes.
// JSON keeps the exact strings (JSON.stringify escapes C0 characters itself; consumers get the real names).

/**
 * C0 controls, DEL, C1 controls, the line/paragraph separators and the bidi marks, embeddings, overrides and
 * isolates (U+061C, U+200E/F, U+202A–E, U+2066–9): what can clear a screen, set a window title, open a hyperlink,
 * start a new report line or make text read in a different order than it is stored.
 */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

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
 * A copy of a report (or any JSON-shaped value) with escapeControl applied to every string, object keys
 * included. Renderers other than JSON take their input through this, so a new field can never be forgotten.
 */
export function escapeStrings<T>(value: T): T {
  if (typeof value === 'string') return escapeControl(value) as T;
  if (Array.isArray(value)) return value.map((v) => escapeStrings(v)) as T;
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[escapeControl(k)] = escapeStrings(v);
    return out as T;
  }
  return value;
}
