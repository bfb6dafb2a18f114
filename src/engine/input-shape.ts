// Structure checks for the JSON files the tool reads back (snapshots for `evaluate`, reports for `diff` and
// --baseline). A file of the wrong shape is bad input (exit 2, one line naming the field), not a crash.

import { ConfigError, ReadinessError } from '../errors.js';
import { ARTIFACT_NAMES } from '../model/snapshot.js';

/** Returns null when the value fits, else what is wrong (the path is added by the caller). */
type Spec = (v: unknown, at: string) => string | null;

const kind = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'a list' : typeof v);
const str: Spec = (v, at) => (typeof v === 'string' ? null : `${at} must be a string (got ${kind(v)})`);
const num: Spec = (v, at) => (typeof v === 'number' && Number.isFinite(v) ? null : `${at} must be a finite number (got ${kind(v)})`);
const bool: Spec = (v, at) => (typeof v === 'boolean' ? null : `${at} must be true or false (got ${kind(v)})`);
const any: Spec = () => null;
const date: Spec = (v, at) => str(v, at) ?? (Number.isNaN(Date.parse(v as string)) ? `${at} must be an ISO 8601 time` : null);
/** Offsets are decimal strings (64-bit); the engine does BigInt arithmetic on them. */
const offset: Spec = (v, at) => (v === null || (typeof v === 'string' && /^-?\d{1,20}$/.test(v)) ? null : `${at} must be a decimal offset string or null`);
const nullable = (s: Spec): Spec => (v, at) => (v === null ? null : s(v, at));
const optional = (s: Spec): Spec => (v, at) => (v === undefined ? null : s(v, at));
const list = (s: Spec): Spec => (v, at) => {
  if (!Array.isArray(v)) return `${at} must be a list (got ${kind(v)})`;
  for (const [i, x] of v.entries()) {
    const bad = s(x, `${at}[${i}]`);
    if (bad) return bad;
  }
  return null;
};
const record = (s: Spec): Spec => (v, at) => {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return `${at} must be an object (got ${kind(v)})`;
  for (const [k, x] of Object.entries(v)) {
    const bad = s(x, `${at}.${k}`);
    if (bad) return bad;
  }
  return null;
};
const obj = (fields: Record<string, Spec>): Spec => (v, at) => {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return `${at} must be an object (got ${kind(v)})`;
  for (const [k, s] of Object.entries(fields)) {
    const bad = s((v as Record<string, unknown>)[k], `${at}.${k}`);
    if (bad) return bad;
  }
  return null;
};

const configMap = record(obj({ value: nullable(str), source: str, sensitive: optional(bool) }));
const partition = obj({ partition: num, leader: num, replicas: list(num), isr: list(num), offline: optional(list(num)) });
const offsetsByTopic = record(record(obj({ earliest: offset, latest: offset, stable: optional(offset) })));
const groupOffsets = record(record(record(offset)));

const ARTIFACT_VALUES: Record<string, Spec> = {
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
};

const artifactError = obj({ reason: (v, at) => (typeof v === 'string' && ['denied', 'unsupported', 'timeout', 'unreachable', 'not-collected', 'not-requested', 'error'].includes(v) ? null : `${at} must be a known error reason`), message: str, api: optional(str) });

const snapshotSpec = obj({
  takenAt: date,
  target: obj({ bootstrap: list(str), securityProtocol: str, saslMechanism: nullable(str), principal: nullable(str) }),
  stats: obj({ requests: record(num), totalRequests: num, artifactMs: optional(record(num)), durationMs: num }),
  artifacts: (v, at) => {
    const bad = record(any)(v, at);
    if (bad) return bad;
    for (const name of ARTIFACT_NAMES) {
      const a = (v as Record<string, unknown>)[name];
      const where = `${at}.${name}`;
      const envelope = obj({ ok: bool })(a, where);
      if (envelope) return envelope;
      const art = a as { ok: boolean; value?: unknown; error?: unknown; issues?: unknown };
      const inner = art.ok ? (ARTIFACT_VALUES[name]!(art.value, `${where}.value`) ?? optional(list(artifactError))(art.issues, `${where}.issues`)) : artifactError(art.error, `${where}.error`);
      if (inner) return inner;
    }
    // Artifacts a newer tool added: no check here reads them, but the report lists unreadable ones.
    for (const [name, a] of Object.entries(v as Record<string, unknown>)) {
      if (ARTIFACT_NAMES.includes(name as never)) continue;
      const bad = obj({ ok: bool })(a, `${at}.${name}`) ?? ((a as { ok: boolean }).ok ? null : artifactError((a as { error?: unknown }).error, `${at}.${name}.error`));
      if (bad) return bad;
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

/** Throws a one-line ConfigError naming the first misfit; artifacts must be filled in (missing → not-collected) first. */
export function assertSnapshotShape(data: unknown, file: string): void {
  const bad = snapshotSpec(data, 'snapshot');
  if (bad) throw new ConfigError(`${file}: not a usable kafka-readiness snapshot: ${bad}`);
}

export function assertReportShape(data: unknown, file: string): void {
  const bad = reportSpec(data, 'report');
  if (bad) throw new ConfigError(`${file}: not a usable kafka-readiness JSON report: ${bad}`);
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
