// Structure checks for the JSON files the tool reads back (snapshots for `evaluate`, reports for `diff` and
// --baseline). A file of the wrong shape is bad input (exit 2, one line naming the field), not a crash.

import { ConfigError, ReadinessError } from '../errors.js';
import { ARTIFACT_NAMES, type ArtifactName } from '../model/snapshot.js';

/**
 * Returns null when the value fits, else where (relative to the value: ".a[3].b") and what is wrong. The path is
 * built only on failure: a snapshot holds millions of values, and naming each one up front cost seconds.
 */
type Bad = { at: string; msg: string };
type Spec = (v: unknown) => Bad | null;

const kind = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'a list' : typeof v);
const bad = (msg: string): Bad => ({ at: '', msg });
const under = (seg: string, b: Bad | null): Bad | null => (b ? { at: seg + b.at, msg: b.msg } : null);
const str: Spec = (v) => (typeof v === 'string' ? null : bad(`must be a string (got ${kind(v)})`));
const num: Spec = (v) => (typeof v === 'number' && Number.isFinite(v) ? null : bad(`must be a finite number (got ${kind(v)})`));
const bool: Spec = (v) => (typeof v === 'boolean' ? null : bad(`must be true or false (got ${kind(v)})`));
const any: Spec = () => null;
const date: Spec = (v) => str(v) ?? (Number.isNaN(Date.parse(v as string)) ? bad('must be an ISO 8601 time') : null);
/** Offsets are decimal strings (64-bit); the engine does BigInt arithmetic on them. */
const OFFSET = /^-?\d{1,20}$/;
const offset: Spec = (v) => (v === null || (typeof v === 'string' && OFFSET.test(v)) ? null : bad('must be a decimal offset string or null'));
const nullable = (s: Spec): Spec => (v) => (v === null ? null : s(v));
const optional = (s: Spec): Spec => (v) => (v === undefined ? null : s(v));
const list = (s: Spec): Spec => (v) => {
  if (!Array.isArray(v)) return bad(`must be a list (got ${kind(v)})`);
  for (let i = 0; i < v.length; i++) {
    const b = s(v[i]);
    if (b) return under(`[${i}]`, b);
  }
  return null;
};
const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
const record = (s: Spec): Spec => (v) => {
  if (!isObject(v)) return bad(`must be an object (got ${kind(v)})`);
  for (const k in v) {
    if (!Object.hasOwn(v, k)) continue;
    const b = s(v[k]);
    if (b) return under(`.${k}`, b);
  }
  return null;
};
const obj = (fields: Record<string, Spec>): Spec => {
  const entries = Object.entries(fields);
  return (v) => {
    if (!isObject(v)) return bad(`must be an object (got ${kind(v)})`);
    for (const [k, s] of entries) {
      const b = s(v[k]);
      if (b) return under(`.${k}`, b);
    }
    return null;
  };
};
/**
 * Checks each object once: version-2 samples share the offsets objects of the offsets artifacts (and
 * unchanged config entries are shared between topics), so a fitting object needs no second walk.
 */
const once = (s: Spec): Spec => {
  const fits = new WeakSet<object>();
  return (v) => {
    if (v !== null && typeof v === 'object' && fits.has(v)) return null;
    const b = s(v);
    if (!b && v !== null && typeof v === 'object') fits.add(v);
    return b;
  };
};
const check = (s: Spec, v: unknown, at: string): string | null => {
  const b = s(v);
  return b ? `${at}${b.at} ${b.msg}` : null;
};

const configMap = record(once(obj({ value: nullable(str), source: str, sensitive: optional(bool) })));
const partition = obj({ partition: num, leader: num, replicas: list(num), isr: list(num), offline: optional(list(num)) });
const offsetsByTopic = once(record(record(obj({ earliest: offset, latest: offset, stable: optional(offset) }))));
const groupOffsets = once(record(record(record(offset))));

// One entry per catalog artifact (the type makes a new artifact add its shape here): what the engine reads of it.
const ARTIFACT_VALUES: Record<ArtifactName, Spec> = {
  apiVersions: obj({ brokers: record(obj({ apis: list(obj({ key: num, name: str, min: num, max: num })) })) }),
  cluster: obj({ clusterId: nullable(str), controllerId: num, brokers: list(obj({ id: num, host: str, port: num, rack: nullable(str) })) }),
  quorum: obj({ leaderId: num, voters: list(obj({ id: num, logEndOffset: offset })), observers: list(obj({ id: num })) }),
  topics: list(obj({ name: str, internal: optional(bool), partitions: list(partition) })),
  topicConfigs: record(configMap),
  brokerConfigs: record(configMap),
  acls: list(obj({ resourceType: str, resourceName: str, patternType: str, principal: str, host: str, operation: str, permission: str })),
  logDirs: record(list(obj({ path: str, totalBytes: num, usableBytes: num, topics: record(record(num)) }))),
  offsets: offsetsByTopic,
  groups: list(obj({ groupId: str, type: str, state: str, members: list(obj({ memberId: str })) })),
  groupOffsets,
  quotas: list(obj({ entity: record(nullable(str)), values: record(num) })),
  scramUsers: list(obj({ user: str, credentials: list(obj({ mechanism: str, iterations: num })) })),
  samples: list(obj({ at: date, offsets: offsetsByTopic, groupOffsets, groupStates: record(str), groupMembers: record(num) })),
  cloudwatch: obj({ clusterName: str, series: list(obj({ metric: str, dimensions: record(str), timestamps: list(str), values: list(num) })) }),
  // Built by `compare` in memory from two snapshots that were each validated; a saved snapshot never needs it.
  migration: obj({ mapping: obj({ policy: str, separator: str, topics: record(str) }), source: obj({ takenAt: date }) }),
  probe: obj({
    prefix: str,
    topic: obj({ name: str, created: bool }),
    clients: list(obj({ name: str, library: str, version: nullable(str), available: bool })),
    cells: list(obj({ client: str, capability: str, status: str, message: str })),
    burst: nullable(obj({ ok: bool })),
  }),
};

const REASONS = ['denied', 'unsupported', 'timeout', 'unreachable', 'not-collected', 'not-requested', 'error'];
const artifactError = obj({ reason: (v) => (typeof v === 'string' && REASONS.includes(v) ? null : bad('must be a known error reason')), message: str, api: optional(str) });
const envelopeSpec = obj({ ok: bool });
const issuesSpec = optional(list(artifactError));

const snapshotSpec = (skip: ReadonlySet<string>) => obj({
  takenAt: date,
  target: obj({ bootstrap: list(str), securityProtocol: str, saslMechanism: nullable(str), principal: nullable(str) }),
  stats: obj({ requests: record(num), totalRequests: num, artifactMs: optional(record(num)), durationMs: num }),
  artifacts: (v) => {
    const b = record(any)(v);
    if (b) return b;
    for (const name of ARTIFACT_NAMES) {
      const a = (v as Record<string, unknown>)[name];
      const envelope = under(`.${name}`, envelopeSpec(a));
      if (envelope) return envelope;
      const art = a as { ok: boolean; value?: unknown; error?: unknown; issues?: unknown };
      if (art.ok && skip.has(name)) continue;
      const inner = art.ok ? (under(`.${name}.value`, ARTIFACT_VALUES[name]!(art.value)) ?? under(`.${name}.issues`, issuesSpec(art.issues))) : under(`.${name}.error`, artifactError(art.error));
      if (inner) return inner;
    }
    // Artifacts a newer tool added: no check here reads them, but the report lists unreadable ones.
    for (const [name, a] of Object.entries(v as Record<string, unknown>)) {
      if (ARTIFACT_NAMES.includes(name as never)) continue;
      const b2 = under(`.${name}`, envelopeSpec(a)) ?? ((a as { ok: boolean }).ok ? null : under(`.${name}.error`, artifactError((a as { error?: unknown }).error)));
      if (b2) return b2;
    }
    return null;
  },
});

const findingSpec = obj({ resource: obj({ kind: str, name: str }), status: str, severity: str, message: str });
const reportSpec = obj({
  generatedAt: str,
  summary: obj({ score: nullable(num), coverage: num, verdict: str }),
  checks: list(obj({ id: str, findings: list(findingSpec) })),
});

/**
 * Throws a one-line ConfigError naming the first misfit; artifacts must be filled in (missing → not-collected)
 * first. `schemaTyped` names artifacts the version-2 record schema already typed value by value (see
 * schemaTypedArtifacts): their envelope is checked, their values are not walked a second time.
 */
export function assertSnapshotShape(data: unknown, file: string, schemaTyped: ReadonlySet<string> = new Set()): void {
  const b = check(snapshotSpec(schemaTyped), data, 'snapshot');
  if (b) throw new ConfigError(`${file}: not a usable kafka-readiness snapshot: ${b}`);
}

export function assertReportShape(data: unknown, file: string): void {
  const b = check(reportSpec, data, 'report');
  if (b) throw new ConfigError(`${file}: not a usable kafka-readiness JSON report: ${b}`);
}

/**
 * Runs work on a file the user gave (evaluate, diff, baseline). The shape checks above cover what the engine
 * reads; anything they miss that still breaks the engine is the file's fault too: a one-line input error.
 */
export function readingFile<T>(file: string, what: string, work: () => T): T {
  try {
    return work();
  } catch (err) {
    if (err instanceof ReadinessError) throw err;
    throw new ConfigError(`${file}: malformed ${what} (${err instanceof Error ? err.message.split('\n')[0] : String(err)})`);
  }
}
