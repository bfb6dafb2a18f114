// The check registry: built-in checks plus plugin modules named in readiness.yaml, each validated so a broken
// plugin is a one-line config error instead of a crash in the middle of a scan. Plugin modules load and run in
// a worker (plugin-host.ts); their checks here carry the meta and an evaluate that calls into that worker.

import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { builtInChecks } from '../../checks/index.js';
import type { ReadinessConfig } from '../config/readiness.js';
import { ConfigError, errorMessage } from '../errors.js';
import { ARTIFACT_NAMES } from '../model/snapshot.js';
import { BUILT_IN_AREAS, patternError, SEVERITIES, type Check, type CheckMeta } from '../sdk.js';
import { didYouMean } from '../suggest.js';
import { optionsSchemaError, optionsSchemaProblem } from './options-schema.js';
import { DEFAULT_PLUGIN_BUDGET_MS, PluginHost } from './plugin-host.js';

export interface RegisteredCheck {
  check: Check<any, any>;
  /** "built-in" or the plugin specifier it came from. */
  origin: string;
}

const ID_PATTERN = /^[a-z0-9][a-z0-9-]*\/[a-z0-9][a-z0-9.-]*$/;

export function validateCheck(candidate: unknown, origin: string): Check<any, any> {
  const c = candidate as Partial<Check>;
  const fail = (why: string): never => {
    throw new ConfigError(`${origin}: ${why}`);
  };
  if (!c || typeof c !== 'object' || !c.meta || typeof c.evaluate !== 'function') fail('a check must be an object with `meta` and an `evaluate` function (use defineCheck)');
  const m = c.meta!;
  if (typeof m.id !== 'string' || !ID_PATTERN.test(m.id)) fail(`check id ${JSON.stringify(m.id)} must look like "<area>/<name>" (lower case)`);
  if (typeof m.area !== 'string' || !m.id.startsWith(`${m.area}/`)) fail(`check ${m.id}: id must start with its area "${String(m.area)}/"`);
  for (const key of ['title', 'description', 'remediation'] as const) {
    if (typeof m[key] !== 'string' || m[key].trim() === '') fail(`check ${m.id}: meta.${key} must be a non-empty string`);
  }
  if (m.failureTitle !== undefined && (typeof m.failureTitle !== 'string' || m.failureTitle.trim() === '')) fail(`check ${m.id}: meta.failureTitle must be a non-empty string when given`);
  if (!SEVERITIES.includes(m.severity!)) fail(`check ${m.id}: severity must be one of ${SEVERITIES.join(', ')}`);
  if (!Array.isArray(m.requires) || m.requires.length === 0) fail(`check ${m.id}: meta.requires must list the artifacts it reads`);
  for (const r of m.requires) if (!ARTIFACT_NAMES.includes(r)) fail(`check ${m.id}: unknown artifact "${String(r)}" in requires (known: ${ARTIFACT_NAMES.join(', ')})`);
  if (m.optionsSchema !== undefined) {
    const problem = optionsSchemaProblem(m.optionsSchema, m.defaultOptions ?? {});
    if (problem) fail(`check ${m.id}: ${problem}`);
  }
  return c as Check<any, any>;
}

export interface PluginOptions {
  /** Time budget per plugin check evaluation (ms). */
  budgetMs?: number;
}

export async function loadPlugin(specifier: string, config: ReadinessConfig, index: number, options: PluginOptions = {}): Promise<Check<any, any>[]> {
  const where = config.locate(['plugins', index]);
  const baseDir = config.file ? path.dirname(config.file) : process.cwd();
  let url: string;
  try {
    if (specifier.startsWith('.') || path.isAbsolute(specifier)) {
      url = pathToFileURL(path.resolve(baseDir, specifier)).href;
    } else {
      url = pathToFileURL(createRequire(path.join(baseDir, 'noop.js')).resolve(specifier)).href;
    }
  } catch {
    throw new ConfigError(`${where}: plugin "${specifier}" not found (relative paths start at the config file's folder; packages must be installed)`);
  }
  // The module is imported in its own worker (see plugin-host.ts): its code never runs on the main thread.
  const host = new PluginHost(url, specifier, options.budgetMs ?? DEFAULT_PLUGIN_BUDGET_MS);
  let loaded: { meta: CheckMeta; evaluate: boolean }[];
  try {
    loaded = host.load();
  } catch (err) {
    host.close();
    throw new ConfigError(`${where}: plugin "${specifier}" failed to load: ${errorMessage(err).split('\n')[0]}`);
  }
  return loaded.map((c, index) => {
    const proxy = { meta: c.meta, ...(c.evaluate ? { evaluate: (input: unknown, ctx: unknown) => host.evaluate(index, input, ctx) } : {}) };
    return validateCheck(proxy, `${where}: plugin "${specifier}"`);
  });
}

export async function buildRegistry(config: ReadinessConfig, options: PluginOptions = {}): Promise<RegisteredCheck[]> {
  const registered: RegisteredCheck[] = builtInChecks.map((check) => ({ check, origin: 'built-in' }));
  for (const [i, spec] of config.plugins.entries()) {
    for (const check of await loadPlugin(spec, config, i, options)) registered.push({ check, origin: spec });
  }
  const seen = new Map<string, string>();
  for (const r of registered) {
    const prior = seen.get(r.check.meta.id);
    if (prior) throw new ConfigError(`${config.locate(['plugins'])}: check id ${r.check.meta.id} is defined twice (${prior} and ${r.origin})`);
    seen.set(r.check.meta.id, r.origin);
  }
  validateOverrides(config, registered);
  return registered;
}

/** Overrides for unknown checks or unknown options are mistakes (a typo would silently keep the default). */
function validateOverrides(config: ReadinessConfig, registered: RegisteredCheck[]): void {
  const byId = new Map(registered.map((r) => [r.check.meta.id, r.check]));
  // An area weight for a misspelt area would silently change nothing.
  const areas = new Set<string>([...BUILT_IN_AREAS, ...registered.map((r) => r.check.meta.area)]);
  for (const area of Object.keys(config.areas)) {
    if (!areas.has(area)) throw new ConfigError(`${config.locate(['areas', area])}: unknown area "${area}" (areas: ${[...areas].join(', ')})`);
  }
  for (const [id, override] of Object.entries(config.checks)) {
    const check = byId.get(id);
    if (!check) {
      throw new ConfigError(`${config.locate(['checks', id])}: unknown check "${id}"${didYouMean(id, [...byId.keys()])}`);
    }
    if (check.meta.optionsSchema && override.options !== undefined) {
      // The rules every option value obeys come first (NaN and a broken /regex/ read better than "must be number").
      const bad = badOptionLeaf(override.options, []);
      if (bad) throw new ConfigError(`${config.locate(['checks', id, 'options', ...bad.at])}: option ${bad.at.join('.')} of ${id}: ${bad.why}`);
      const err = optionsSchemaError(check.meta.optionsSchema, override.options);
      if (!err) continue;
      const where = config.locate(['checks', id, 'options', ...err.at]);
      // A misspelt top-level option reads as before, with the options the check has.
      if (err.at.length === 1 && err.keyword === 'additionalProperties') {
        const known = Object.keys((check.meta.optionsSchema as { properties?: object }).properties ?? {});
        throw new ConfigError(`${where}: check ${id} has no option "${err.at[0]}"${known.length ? ` (options: ${known.join(', ')})` : ' (it takes no options)'}`);
      }
      // describeSchemaError starts with the path: "warnFreeRatio must be number" becomes "option warnFreeRatio of <id> must be number".
      const topLevel = err.at.length === 1 && err.message.startsWith(`${err.at[0]} `);
      throw new ConfigError(`${where}: ${topLevel ? `option ${err.at[0]} of ${id}${err.message.slice(String(err.at[0]).length)}` : `check ${id}: ${err.message}`}`);
    }
    const defaults = (check.meta.defaultOptions ?? {}) as Record<string, unknown>;
    for (const [key, value] of Object.entries(override.options ?? {})) {
      if (!(key in defaults)) {
        const known = Object.keys(defaults);
        throw new ConfigError(
          `${config.locate(['checks', id, 'options', key])}: check ${id} has no option "${key}"${known.length ? ` (options: ${known.join(', ')})` : ' (it takes no options)'}`,
        );
      }
      const d = defaults[key];
      const sameType = Array.isArray(d) ? Array.isArray(value) : typeof d === typeof value || d === null;
      if (!sameType) {
        throw new ConfigError(`${config.locate(['checks', id, 'options', key])}: option ${key} of ${id} must be ${Array.isArray(d) ? 'a list' : typeof d}`);
      }
      const bad = badOptionValue(value);
      if (bad) throw new ConfigError(`${config.locate(['checks', id, 'options', key])}: option ${key} of ${id}: ${bad}`);
    }
  }
}

/** badOptionValue with the path of the first offending leaf, so the error points at it. */
function badOptionLeaf(value: unknown, at: (string | number)[]): { at: (string | number)[]; why: string } | null {
  if (Array.isArray(value) || (value !== null && typeof value === 'object')) {
    for (const [k, v] of Object.entries(value)) {
      const bad = badOptionLeaf(v, [...at, Array.isArray(value) ? Number(k) : k]);
      if (bad) return bad;
    }
    return null;
  }
  const why = badOptionValue(value);
  return why ? { at, why } : null;
}

/** Numbers in check options are counts, thresholds and durations: finite and not negative. Patterns must compile. */
function badOptionValue(value: unknown): string | null {
  if (typeof value === 'number') return Number.isFinite(value) && value >= 0 ? null : `${value} is not a finite number >= 0`;
  if (typeof value === 'string') return patternError(value);
  if (Array.isArray(value)) {
    for (const v of value) {
      const bad = badOptionValue(v);
      if (bad) return bad;
    }
  } else if (value !== null && typeof value === 'object') {
    for (const v of Object.values(value)) {
      const bad = badOptionValue(v);
      if (bad) return bad;
    }
  }
  return null;
}
