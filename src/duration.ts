// The one duration syntax of the tool, for every flag and every readiness.yaml value: a number with an
// optional unit — ms, s, m (or min), h, d, w — e.g. 500ms, 30s, 5m, 1h, 7d. A bare number is milliseconds.

import { UsageError } from './errors.js';

const UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, min: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };

/** Node's timers overflow above 2^31-1 ms (about 24.8 days) and then fire at once: no timeout may exceed it. */
export const MAX_TIMER_MS = 2 ** 31 - 1;

/** Milliseconds, or null when the text is not a duration. Numbers pass through when finite and not negative. */
export function parseDuration(value: string | number): number | null {
  if (typeof value === 'number') return Number.isFinite(value) && value >= 0 ? value : null;
  const m = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|min|m|h|d|w)?\s*$/i.exec(value);
  if (!m) return null;
  const ms = Math.round(Number(m[1]) * UNITS[(m[2] ?? 'ms').toLowerCase()]!);
  return Number.isFinite(ms) ? ms : null;
}

/** A short human form of a duration (for messages): 90000 → "1m30s". */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)}ms`;
  let s = Math.round(ms / 1000);
  const parts: string[] = [];
  for (const [unit, size] of [['d', 86_400], ['h', 3600], ['m', 60]] as const) {
    if (s >= size) {
      parts.push(`${Math.floor(s / size)}${unit}`);
      s %= size;
    }
  }
  if (s > 0 || parts.length === 0) parts.push(`${s}s`);
  return parts.join('');
}

/**
 * A duration flag: undefined → fallback; otherwise parsed and checked against [min, max] (inclusive), with a
 * one-line usage error naming the flag. Zero is refused unless min is 0.
 */
export function durationFlag(value: string | undefined, flag: string, range: { min?: number; max?: number; fallback: number }): number;
export function durationFlag(value: string | undefined, flag: string, range: { min?: number; max?: number; fallback?: undefined }): number | undefined;
export function durationFlag(value: string | undefined, flag: string, range: { min?: number; max?: number; fallback?: number }): number | undefined {
  if (value === undefined) return range.fallback;
  const ms = parseDuration(value);
  if (ms === null) throw new UsageError(`${flag} must be a duration like 500ms, 30s, 5m, 1h or 7d (got "${value}")`);
  const min = range.min ?? 1;
  const max = range.max ?? MAX_TIMER_MS;
  if (ms < min || ms > max) {
    throw new UsageError(`${flag} must be ${min <= 0 ? 'at most' : `from ${formatDuration(min)} to`} ${formatDuration(max)} (got "${value}")`);
  }
  return ms;
}
