// What a check may return, checked before the engine trusts it: a plugin's answer is untrusted input (a
// `status: 'bogus'` must not become a pass, a cycle or a BigInt must not crash a renderer). The rules follow
// schema/report.schema.json (resource, evidence, finding) so a valid answer always renders.

import { SEVERITIES } from '../sdk.js';

const STATUSES = ['pass', 'warn', 'fail', 'unknown'];
const SOURCES = ['topic', 'dynamic-broker', 'dynamic-default-broker', 'static-broker', 'default', 'dynamic-broker-logger', 'client-metrics', 'group', 'unknown'];

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function show(v: unknown): string {
  if (typeof v === 'string') return JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v);
  if (typeof v === 'bigint') return `${v}n`;
  if (v === null || typeof v !== 'object') return String(v);
  return Array.isArray(v) ? 'a list' : 'an object';
}

/**
 * Data that survives JSON.stringify unchanged: no BigInt, no cycles, no functions, no non-finite numbers.
 * Returns the path below `v` (".a[3]") and what is wrong; the path is built only on failure, since every
 * result of a check (one per partition at scale) passes through here.
 */
function jsonIssue(v: unknown, seen: Set<object>, depth: number): { at: string; what: string } | null {
  if (v === null || typeof v === 'string' || typeof v === 'boolean') return null;
  if (depth > 64) return { at: '', what: 'is nested too deeply' };
  if (typeof v === 'number') return Number.isFinite(v) ? null : { at: '', what: `is ${v} (not a finite number)` };
  if (typeof v !== 'object') return { at: '', what: `is a ${typeof v} (not JSON data)` };
  if (seen.has(v)) return { at: '', what: 'refers back to itself' };
  seen.add(v);
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) {
      const p = jsonIssue(v[i], seen, depth + 1);
      if (p) return { at: `[${i}]${p.at}`, what: p.what };
    }
  } else {
    for (const k in v) {
      if (!Object.hasOwn(v, k)) continue;
      const x = (v as Record<string, unknown>)[k];
      if (x === undefined) continue; // dropped by JSON, harmless
      const p = jsonIssue(x, seen, depth + 1);
      if (p) return { at: `.${k}${p.at}`, what: p.what };
    }
  }
  seen.delete(v);
  return null;
}

function jsonProblem(v: unknown, at: string): string | null {
  const p = jsonIssue(v, new Set(), 0);
  return p ? `${at}${p.at} ${p.what}` : null;
}

function resultProblem(r: unknown, index: number, trusted: boolean): string | null {
  // The path is spelled only for a problem: this runs for every result of every check.
  const at = (): string => `results[${index}]`;
  if (!isObject(r)) return `${at()} is ${show(r)}, not a result object`;
  if (!isObject(r.resource)) return `${at()}.resource is ${show(r.resource)}, not { kind, name }`;
  if (typeof r.resource.kind !== 'string' || r.resource.kind === '') return `${at()}.resource.kind is ${show(r.resource.kind)}, not a non-empty string`;
  if (typeof r.resource.name !== 'string') return `${at()}.resource.name is ${show(r.resource.name)}, not a string`;
  if (typeof r.status !== 'string' || !STATUSES.includes(r.status)) return `${at()}.status is ${show(r.status)} (must be pass, warn, fail or unknown)`;
  if (typeof r.message !== 'string') return `${at()}.message is ${show(r.message)}, not a string`;
  if (r.severity !== undefined && !SEVERITIES.includes(r.severity as never)) return `${at()}.severity is ${show(r.severity)} (must be one of ${SEVERITIES.join(', ')})`;
  // A built-in pass keeps only its count (the engine drops its evidence), so its evidence reaches no report.
  if (trusted && r.status === 'pass') return null;
  if (r.evidence !== undefined) {
    const e = r.evidence;
    if (!isObject(e)) return `${at()}.evidence is ${show(e)}, not an object`;
    if (!('observed' in e)) return `${at()}.evidence.observed is missing`;
    if (typeof e.expected !== 'string') return `${at()}.evidence.expected is ${show(e.expected)}, not a string`;
    if (e.config !== undefined && typeof e.config !== 'string') return `${at()}.evidence.config is ${show(e.config)}, not a string`;
    if (e.source !== undefined && !SOURCES.includes(e.source as string)) return `${at()}.evidence.source is ${show(e.source)}, not a config source`;
    if (e.details !== undefined && !isObject(e.details)) return `${at()}.evidence.details is ${show(e.details)}, not an object`;
    const p = jsonProblem(e, `${at()}.evidence`);
    if (p) return p;
  }
  return null;
}

/**
 * Null when `output` is a list of valid results, { notApplicable } or { unknown }; otherwise what is wrong.
 * `trusted` (built-in checks only, never a plugin) skips the evidence walk of pass results: the engine keeps
 * only a count of passes and drops their evidence, so it can reach no renderer, while every pass is still
 * checked for resource, status, message and severity, and every warn/fail in full. At 200k partitions the
 * walk over ~380k passes cost half a second.
 */
export function outputProblem(output: unknown, trusted = false): string | null {
  if (Array.isArray(output)) {
    for (let i = 0; i < output.length; i++) {
      const p = resultProblem(output[i], i, trusted);
      if (p) return p;
    }
    return null;
  }
  if (isObject(output)) {
    if ('notApplicable' in output) return typeof output.notApplicable === 'string' ? null : `notApplicable is ${show(output.notApplicable)}, not a string`;
    if ('unknown' in output) return typeof output.unknown === 'string' ? null : `unknown is ${show(output.unknown)}, not a string`;
  }
  return `returned ${show(output)}: neither a list of results nor { notApplicable } / { unknown }`;
}
