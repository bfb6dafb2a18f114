// readiness.yaml: which checks run, their severity, weight and options, area weights, scoring thresholds and
// plugin modules. Every error names file:line:column so it can be fixed without guessing.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv, type ErrorObject } from 'ajv';
import { LineCounter, isMap, isNode, isPair, isScalar, parseDocument, type Document, type Node } from 'yaml';
import { ConfigError } from '../errors.js';
import { SEVERITIES, type CheckOptions, type Severity } from '../sdk.js';

export interface CheckOverride {
  enabled?: boolean;
  severity?: Severity;
  weight?: number;
  options?: CheckOptions;
}

export interface ScoringConfig {
  /** Exit 1 when the overall score is below this. */
  failUnder?: number;
  /** Verdict `ready` needs at least this score (and no high finding). */
  readyScore: number;
  /** Below this score the verdict is `not-ready`. */
  notReadyBelow: number;
  /** Below this coverage (0–100) the verdict cannot be `ready`: too much was not checked. */
  minCoverage: number;
}

export interface ReadinessConfig {
  /** Absolute path of the file, or null for built-in defaults. */
  file: string | null;
  checks: Record<string, CheckOverride>;
  areas: Record<string, { weight: number }>;
  scoring: ScoringConfig;
  plugins: string[];
  /** "file:line:col" of a path in the file (e.g. ['checks', id]); the file name alone when unknown. */
  locate(pathInFile: (string | number)[]): string;
}

export const DEFAULT_SCORING: ScoringConfig = { readyScore: 90, notReadyBelow: 60, minCoverage: 80 };

const severityEnum = [...SEVERITIES];

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
          weight: { type: 'number', minimum: 0 },
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
        properties: { weight: { type: 'number', minimum: 0 } },
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
  },
} as const;

const ajv = new Ajv({ allErrors: false, strict: true });
const validate = ajv.compile(schema);

export function defaultConfig(): ReadinessConfig {
  return { file: null, checks: {}, areas: {}, scoring: { ...DEFAULT_SCORING }, plugins: [], locate: () => 'defaults' };
}

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
  const data = (doc.toJS() ?? {}) as unknown;
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
  const raw = data as {
    checks?: Record<string, CheckOverride>;
    areas?: Record<string, { weight: number }>;
    scoring?: Partial<ScoringConfig>;
    plugins?: string[];
  };
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
    locate,
  };
}

function errorPath(err: ErrorObject): (string | number)[] {
  const parts = err.instancePath.split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  if (err.keyword === 'additionalProperties') parts.push(String((err.params as { additionalProperty: string }).additionalProperty));
  return parts.map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}

function describeSchemaError(err: ErrorObject): string {
  const at = err.instancePath ? errorPath({ ...err, keyword: 'path-only' }).join('.') : 'top level';
  switch (err.keyword) {
    case 'additionalProperties':
      return `unknown key "${(err.params as { additionalProperty: string }).additionalProperty}"${err.instancePath ? ` in ${at}` : ''}`;
    case 'enum':
      return `${at} must be one of ${((err.params as { allowedValues: unknown[] }).allowedValues ?? []).join(', ')}`;
    case 'const':
      return `${at} must be ${JSON.stringify((err.params as { allowedValue: unknown }).allowedValue)}`;
    case 'required':
      return `${at} needs "${(err.params as { missingProperty: string }).missingProperty}"`;
    default:
      return `${at} ${err.message ?? 'is invalid'}`;
  }
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
