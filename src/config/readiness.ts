// readiness.yaml: which checks run, their severity, weight and options, area weights, scoring thresholds and
// plugin modules. Every error names file:line:column so it can be fixed without guessing.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import { LineCounter, isMap, isNode, isPair, isScalar, parseDocument, visit, type Document, type Node } from 'yaml';
import { ConfigError } from '../errors.js';
import { describeSchemaError, errorPath } from './schema-errors.js';
import type { FromSchema } from './from-schema.js';
import { parseDuration } from '../duration.js';
import { DEFAULT_SCORING, defaultConfig } from './defaults.js';
import { PROFILE_NAMES } from './profiles.js';
import { MAPPING_POLICY_NAMES, type NameMapping } from '../model/snapshot.js';

import { patternError, PLATFORMS, REQUIREMENTS, SEVERITIES, type Bounds, type IntendedGrant, type Policy, type TopicPolicy } from '../sdk.js';

export type { CheckOverride, ReadinessConfig, ScoringConfig } from './config-types.js';
import type { ReadinessConfig } from './config-types.js';

// Kept in defaults.ts so that a run without readiness.yaml never loads the YAML parser and schema validator.
export { DEFAULT_SCORING, defaultConfig };

const severityEnum = [...SEVERITIES];

/** Weights are relative; a bound keeps sums and products finite (1e308 would make the score null). */
export const MAX_WEIGHT = 1000;

/** YAML aliases expanded per file at most: a few are useful, thousands are a billion-laughs attack. */
const MAX_ALIAS_COUNT = 100;

/** A real calendar day in YYYY-MM-DD (2027-02-30 is not one). */
export function isCalendarDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

export { patternError } from '../sdk.js';

const schema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    version: { const: 1 },
    checks: {
      type: 'object',
      additionalProperties: {
        type: 'object',
        additionalProperties: false,
        properties: {
          enabled: { type: 'boolean' },
          severity: { enum: severityEnum },
          weight: { type: 'number', minimum: 0, maximum: MAX_WEIGHT },
          options: { type: 'object' },
        },
      },
    },
    areas: {
      type: 'object',
      additionalProperties: {
        type: 'object',
        additionalProperties: false,
        required: ['weight'],
        properties: { weight: { type: 'number', minimum: 0, maximum: MAX_WEIGHT } },
      },
    },
    scoring: {
      type: 'object',
      additionalProperties: false,
      properties: {
        failUnder: { type: 'number', minimum: 0, maximum: 100 },
        readyScore: { type: 'number', minimum: 0, maximum: 100 },
        notReadyBelow: { type: 'number', minimum: 0, maximum: 100 },
        minCoverage: { type: 'number', minimum: 0, maximum: 100 },
      },
    },
    plugins: { type: 'array', items: { type: 'string', minLength: 1 } },
    platform: { enum: ['auto', ...PLATFORMS] },
    clients: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['app', 'library', 'version'],
        properties: { app: { type: 'string', minLength: 1 }, library: { type: 'string', minLength: 1 }, version: { type: ['string', 'number'] } },
      },
    },
    requirements: { type: 'array', items: { enum: [...REQUIREMENTS] } },
    profile: { enum: [...PROFILE_NAMES] },
    attestations: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['item', 'owner', 'date', 'evidence'],
        properties: {
          item: { type: 'string', minLength: 1 },
          owner: { type: 'string', minLength: 1 },
          date: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' },
          evidence: { type: 'string', minLength: 1 },
          note: { type: 'string' },
        },
      },
    },
    gate: {
      type: 'object',
      additionalProperties: false,
      properties: {
        failUnder: { type: 'number', minimum: 0, maximum: 100 },
        failOn: { enum: severityEnum },
        minCoverage: { type: 'number', minimum: 0, maximum: 100 },
      },
    },
    prices: {
      type: 'object',
      additionalProperties: false,
      properties: {
        currency: { type: 'string', minLength: 1 },
        storagePerGbMonth: { type: 'number', minimum: 0, maximum: 1_000_000 },
        crossZonePerGb: { type: 'number', minimum: 0, maximum: 1_000_000 },
        billReplicationTraffic: { type: 'boolean' },
      },
    },
    waivers: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['check', 'resource', 'reason', 'owner', 'ticket', 'expires'],
        properties: {
          check: { type: 'string', minLength: 1 },
          resource: { type: 'string', minLength: 1 },
          kind: { type: 'string', minLength: 1 },
          reason: { type: 'string', minLength: 10 },
          owner: { type: 'string', minLength: 1 },
          ticket: { type: 'string', minLength: 1 },
          expires: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' },
        },
      },
    },
    principals: {
      type: 'object',
      propertyNames: { pattern: '^[A-Za-z]+:[\\s\\S]+$' },
      additionalProperties: {
        type: 'array',
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['operations'],
          minProperties: 2,
          maxProperties: 2,
          properties: {
            operations: { type: 'array', minItems: 1, items: { enum: ['ALL', 'READ', 'WRITE', 'CREATE', 'DELETE', 'ALTER', 'DESCRIBE', 'CLUSTER_ACTION', 'DESCRIBE_CONFIGS', 'ALTER_CONFIGS', 'IDEMPOTENT_WRITE'] } },
            topic: { type: 'string', minLength: 1 },
            group: { type: 'string', minLength: 1 },
            transactionalId: { type: 'string', minLength: 1 },
            cluster: { const: true },
          },
        },
      },
    },
    naming: {
      type: 'object',
      additionalProperties: false,
      minProperties: 1,
      properties: { topics: namingRuleSchema(), groups: namingRuleSchema() },
    },
    owners: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['owner'],
        properties: {
          owner: { type: 'string', minLength: 1 },
          topics: patternsSchema(),
          groups: patternsSchema(),
          principals: { type: 'array', items: { type: 'string', pattern: '^[A-Za-z]+:[\\s\\S]+$' } },
        },
      },
    },
    migration: {
      type: 'object',
      additionalProperties: false,
      minProperties: 1,
      properties: {
        policy: { enum: MAPPING_POLICY_NAMES },
        sourceAlias: { type: 'string', pattern: '^[A-Za-z0-9._-]+$' },
        targetAlias: { type: 'string', pattern: '^[A-Za-z0-9._-]+$' },
        separator: { type: 'string', minLength: 1 },
        topics: { type: 'object', propertyNames: { minLength: 1 }, additionalProperties: { type: 'string', minLength: 1 } },
      },
    },
    topicPolicies: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['topics'],
        properties: {
          topics: { anyOf: [{ type: 'string', minLength: 1 }, { type: 'array', minItems: 1, items: { type: 'string', minLength: 1 } }] },
          retention: boundsSchema(['string', 'number']),
          cleanupPolicy: { enum: ['delete', 'compact', 'compact,delete', 'delete,compact'] },
          replicationFactor: boundsSchema(['integer']),
          minInsyncReplicas: boundsSchema(['integer']),
        },
      },
    },
  },
} as const;

function patternsSchema() {
  return { anyOf: [{ type: 'string', minLength: 1 }, { type: 'array', minItems: 1, items: { type: 'string', minLength: 1 } }] } as const;
}

function namingRuleSchema() {
  return {
    type: 'object',
    additionalProperties: false,
    minProperties: 1,
    properties: {
      allowed: patternsSchema(),
      reservedPrefixes: { type: 'array', items: { type: 'string', minLength: 1 } },
      maxLength: { type: 'integer', minimum: 1, maximum: 10000 },
      collisions: { type: 'boolean' },
    },
  } as const;
}

function boundsSchema<const T extends readonly string[]>(types: T) {
  return {
    type: 'object',
    additionalProperties: false,
    minProperties: 1,
    properties: { min: { type: types }, max: { type: types } },
  } as const;
}

/** "7d", "36h", "90m", "500ms" or a number of milliseconds: the tool's one duration syntax (src/duration.ts). */
export { parseDuration };

const ajv = new Ajv({ allErrors: false, strict: true, allowUnionTypes: true });
/** readiness.yaml as it passed the schema: typed from the schema itself, so the two cannot drift. */
type RawReadiness = FromSchema<typeof schema>;
const validate = ajv.compile<RawReadiness>(schema);

export function loadReadinessConfig(file: string): ReadinessConfig {
  const abs = path.resolve(file);
  let text: string;
  try {
    text = readFileSync(abs, 'utf8');
  } catch (err) {
    throw new ConfigError(`${file}: cannot read config file (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  return parseReadinessConfig(text, file, abs);
}

export function parseReadinessConfig(text: string, displayName: string, abs: string | null = null): ReadinessConfig {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const where = (offset: number) => {
    const { line, col } = lineCounter.linePos(offset);
    return `${displayName}:${line}:${col}`;
  };
  const firstError = doc.errors[0];
  if (firstError) {
    const offset = firstError.pos[0];
    throw new ConfigError(`${where(offset)}: ${firstError.message.split('\n')[0]}`);
  }
  let data: unknown;
  try {
    data = (doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) ?? {}) as unknown;
  } catch (err) {
    // Too many alias expansions (billion laughs) or an alias to a missing anchor: name the first alias.
    let offset = 0;
    visit(doc, { Alias: (_key, node) => ((offset = node.range?.[0] ?? 0), visit.BREAK) });
    throw new ConfigError(`${where(offset)}: ${(err as Error).message.split('\n')[0]} (YAML aliases expand to at most ${MAX_ALIAS_COUNT} nodes)`);
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    throw new ConfigError(`${displayName}:1:1: expected a mapping of settings at the top level`);
  }
  const locate = (p: (string | number)[]) => {
    const node = nodeAt(doc, p);
    return node ? where(node.offset) : displayName;
  };
  if (!validate(data)) {
    const err = validate.errors![0]!;
    throw new ConfigError(`${locate(errorPath(err))}: ${describeSchemaError(err)}`);
  }
  const raw: RawReadiness = data; // narrowed by validate()
  const topicPolicies: TopicPolicy[] = (raw.topicPolicies ?? []).map((p, i) => {
    const policy: TopicPolicy = { topics: Array.isArray(p.topics) ? p.topics : [p.topics], origin: locate(['topicPolicies', i]) };
    for (const [j, pattern] of policy.topics.entries()) {
      const bad = patternError(pattern);
      if (bad) throw new ConfigError(`${locate(['topicPolicies', i, 'topics', ...(Array.isArray(p.topics) ? [j] : [])])}: ${bad}`);
    }
    if (p.retention) {
      const bounds: Bounds = {};
      for (const side of ['min', 'max'] as const) {
        const v = p.retention[side];
        if (v === undefined) continue;
        const ms = parseDuration(v);
        if (ms === null) throw new ConfigError(`${locate(['topicPolicies', i, 'retention', side])}: retention.${side} "${v}" is not a duration (e.g. 7d, 36h, 604800000)`);
        bounds[side] = ms;
      }
      policy.retentionMs = bounds;
    }
    if (p.cleanupPolicy) policy.cleanupPolicy = p.cleanupPolicy;
    if (p.replicationFactor) policy.replicationFactor = p.replicationFactor;
    if (p.minInsyncReplicas) policy.minInsyncReplicas = p.minInsyncReplicas;
    return policy;
  });
  const governance = parseGovernance(raw, locate);
  const scoring = { ...DEFAULT_SCORING, ...(raw.scoring ?? {}) };
  if (scoring.notReadyBelow > scoring.readyScore) {
    throw new ConfigError(`${locate(['scoring', 'notReadyBelow'])}: notReadyBelow (${scoring.notReadyBelow}) must not exceed readyScore (${scoring.readyScore})`);
  }
  return {
    file: abs,
    checks: raw.checks ?? {},
    areas: raw.areas ?? {},
    scoring,
    plugins: raw.plugins ?? [],
    prices: raw.prices ?? {},
    gate: raw.gate ?? {},
    userGate: raw.gate ?? {},
    userScoring: raw.scoring ?? {},
    ...(raw.profile ? { profileName: raw.profile } : {}),
    waivers: (raw.waivers ?? []).map((w, i) => {
      if (!isCalendarDate(w.expires)) throw new ConfigError(`${locate(['waivers', i, 'expires'])}: expires "${w.expires}" is not a calendar date (YYYY-MM-DD)`);
      const bad = patternError(w.resource);
      if (bad) throw new ConfigError(`${locate(['waivers', i, 'resource'])}: ${bad}`);
      return w;
    }),
    policy: {
      attestations: (raw.attestations ?? []).map((a, i) => {
        if (!isCalendarDate(a.date)) throw new ConfigError(`${locate(['attestations', i, 'date'])}: date "${a.date}" is not a calendar date (YYYY-MM-DD)`);
        return { ...a, at: locate(['attestations', i]) };
      }),
      principals: Object.fromEntries(
        Object.entries(raw.principals ?? {}).map(([principal, grants]) => [
          principal,
          grants.map((g, j): IntendedGrant => {
            for (const key of ['topic', 'group', 'transactionalId'] as const) {
              const bad = g[key] === undefined ? null : patternError(g[key]);
              if (bad) throw new ConfigError(`${locate(['principals', principal, j, key])}: ${bad}`);
            }
            const [resourceType, name] = g.topic !== undefined ? ['TOPIC', g.topic] : g.group !== undefined ? ['GROUP', g.group] : g.transactionalId !== undefined ? ['TRANSACTIONAL_ID', g.transactionalId] : ['CLUSTER', 'kafka-cluster'];
            return { operations: g.operations, resourceType: resourceType as IntendedGrant['resourceType'], name };
          }),
        ]),
      ),
      topicPolicies,
      clients: (raw.clients ?? []).map((c) => ({ app: c.app, library: c.library, version: String(c.version) })),
      requirements: raw.requirements ?? [],
      ...governance,
    },
    ...(raw.platform && raw.platform !== 'auto' ? { platform: raw.platform } : {}),
    ...(raw.migration ? { migration: parseMigration(raw.migration, locate) } : {}),
    locate,
  };
}

/** A string-or-list of patterns, each checked to compile, as a list. */
function patternList(value: string | string[] | undefined, at: (string | number)[], locate: (p: (string | number)[]) => string): string[] {
  if (value === undefined) return [];
  const list = Array.isArray(value) ? value : [value];
  for (const [j, pattern] of list.entries()) {
    const bad = patternError(pattern);
    if (bad) throw new ConfigError(`${locate([...at, ...(Array.isArray(value) ? [j] : [])])}: ${bad}`);
  }
  return list;
}

/** `naming` and `owners` → the governance part of the policy (absent sections stay absent). */
function parseGovernance(
  raw: Pick<RawReadiness, 'naming' | 'owners'>,
  locate: (p: (string | number)[]) => string,
): Pick<Policy, 'naming' | 'owners'> {
  const out: Pick<Policy, 'naming' | 'owners'> = {};
  if (raw.naming) {
    const naming: NonNullable<Policy['naming']> = {};
    for (const kind of ['topics', 'groups'] as const) {
      const r = raw.naming[kind];
      if (!r) continue;
      naming[kind] = {
        allowed: patternList(r.allowed, ['naming', kind, 'allowed'], locate),
        reservedPrefixes: r.reservedPrefixes ?? [],
        ...(r.maxLength !== undefined ? { maxLength: r.maxLength } : {}),
        collisions: r.collisions ?? true,
        origin: locate(['naming', kind]),
      };
    }
    out.naming = naming;
  }
  if (raw.owners) {
    out.owners = raw.owners.map((o, i) => {
      if (o.topics === undefined && o.groups === undefined) throw new ConfigError(`${locate(['owners', i])}: owners.${i} needs "topics" or "groups"`);
      return {
      owner: o.owner,
      topics: patternList(o.topics, ['owners', i, 'topics'], locate),
      groups: patternList(o.groups, ['owners', i, 'groups'], locate),
      principals: o.principals ?? [],
      origin: locate(['owners', i]),
      };
    });
  }
  return out;
}

type MigrationSection = NonNullable<RawReadiness['migration']>;

/** `migration:` → the name mapping `compare` uses when no flag sets one; its origin is the section's file:line:col. */
function parseMigration(m: MigrationSection, locate: (p: (string | number)[]) => string): NameMapping {
  const topics = m.topics ?? {};
  const policy = m.policy ?? (Object.keys(topics).length ? 'explicit' : m.sourceAlias ? 'prefix' : 'identity');
  if (policy === 'prefix' && !m.sourceAlias) throw new ConfigError(`${locate(['migration', 'policy'])}: migration.policy prefix needs migration.sourceAlias (the MirrorMaker 2 cluster alias of the source)`);
  if (policy === 'explicit' && !Object.keys(topics).length) throw new ConfigError(`${locate(['migration', m.topics ? 'topics' : 'policy'])}: migration.policy explicit needs migration.topics (source name: target name)`);
  // The table is only read under the explicit policy: elsewhere it would be silently ignored.
  if (policy !== 'explicit' && m.topics) throw new ConfigError(`${locate(['migration', 'topics'])}: migration.topics is the explicit policy's table (policy is ${policy})`);
  const targets = new Map<string, string>();
  for (const [src, dst] of Object.entries(topics)) {
    const other = targets.get(dst);
    if (other !== undefined) throw new ConfigError(`${locate(['migration', 'topics', src])}: migration.topics maps both "${other}" and "${src}" to "${dst}"`);
    targets.set(dst, src);
  }
  return {
    policy,
    sourceAlias: m.sourceAlias ?? null,
    targetAlias: m.targetAlias ?? null,
    separator: m.separator ?? '.',
    topics,
    origin: locate(['migration']),
  };
}

/** The node for a path; for a missing last key, the parent. Keys point at the key token, not the value. */
function nodeAt(doc: Document, p: (string | number)[]): { offset: number } | null {
  let node: unknown = doc.contents;
  let last: { offset: number } | null = rangeOf(node);
  for (const key of p) {
    if (isMap(node)) {
      const pair = node.items.find((it) => isPair(it) && isScalar(it.key) && String(it.key.value) === String(key));
      if (!pair) return last;
      last = rangeOf(pair.key) ?? last;
      node = pair.value;
    } else if (node && typeof node === 'object' && 'items' in node && Array.isArray((node as { items: unknown[] }).items)) {
      const item = (node as { items: unknown[] }).items[Number(key)];
      if (item === undefined) return last;
      last = rangeOf(item) ?? last;
      node = item;
    } else {
      return last;
    }
  }
  return last;
}

function rangeOf(node: unknown): { offset: number } | null {
  if (isNode(node)) {
    const r = (node as Node).range;
    if (r) return { offset: r[0] };
  }
  return null;
}

/** The readiness.yaml schema as validated at load (schema/readiness.schema.json is generated from it). */
export { schema as READINESS_SCHEMA };
