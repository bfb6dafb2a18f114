// Everything a check author imports. A check is a pure, synchronous function of the snapshot artifacts it
// declares in `requires`: no network, no clock (use ctx.now, the snapshot time), no randomness.

import type {
  AclBinding,
  ArtifactName,
  ConfigEntry,
  ConfigMap,
  ConfigSourceName,
  Snapshot,
  SnapshotArtifacts,
} from './model/snapshot.js';

export type * from './model/snapshot.js';

export type Severity = 'critical' | 'high' | 'medium' | 'low' | 'info';
export const SEVERITIES: readonly Severity[] = ['critical', 'high', 'medium', 'low', 'info'];

export type BuiltInArea = 'compatibility' | 'retention' | 'acl' | 'replication' | 'consumer-lag' | 'cost' | 'attestation' | 'governance' | 'migration';
export const BUILT_IN_AREAS: readonly BuiltInArea[] = ['compatibility', 'replication', 'retention', 'acl', 'consumer-lag', 'cost', 'governance', 'migration', 'attestation'];
/** Plugins may add areas of their own; built-in areas keep their order in reports. */
export type Area = BuiltInArea | (string & {});

export type ResourceKind = 'cluster' | 'broker' | 'topic' | 'partition' | 'group' | 'principal' | 'acl' | 'listener' | 'log-dir' | 'client' | (string & {});

export interface Resource {
  kind: ResourceKind;
  name: string;
}

export interface Evidence {
  /** What the scan saw, e.g. 1 or "true". */
  observed: unknown;
  /** What a ready cluster has, in words, e.g. ">= 3". */
  expected: string;
  /** For configs: the config key and where its value came from (topic override, dynamic broker, static broker, default). */
  config?: string;
  source?: ConfigSourceName;
  /** Anything else that helps a reader trust the result. */
  details?: Record<string, unknown>;
}

export type ResultStatus = 'pass' | 'warn' | 'fail';

export interface ResourceResult {
  resource: Resource;
  /** 'unknown': the check saw the resource but could not judge it (see unknownResource); never counted as a pass. */
  status: ResultStatus | 'unknown';
  message: string;
  evidence?: Evidence;
  /** Overrides the check's severity for this one result (e.g. a wildcard WRITE grant is worse than READ). */
  severity?: Severity;
}

export interface NotApplicable {
  notApplicable: string;
}

/** The artifacts were there but do not allow a verdict (e.g. the broker does not report disk totals). */
export interface Unknown {
  unknown: string;
}

export type CheckOutput = ResourceResult[] | NotApplicable | Unknown;

export interface Reference {
  title: string;
  url: string;
}

export type OptionValue = string | number | boolean | null | OptionValue[] | { [k: string]: OptionValue | undefined };
export type CheckOptions = Record<string, OptionValue>;

/** Platforms the tool recognises; a check can declare itself not applicable on some of them. */
export type Platform = 'apache-kafka' | 'msk' | 'redpanda' | 'confluent' | 'automq' | 'warpstream' | 'other';
export const PLATFORMS: readonly Platform[] = ['apache-kafka', 'msk', 'redpanda', 'confluent', 'automq', 'warpstream', 'other'];

export interface PlatformInfo {
  platform: Platform | 'unknown';
  /** Why: the fingerprint that matched, or "set in readiness.yaml". */
  evidence: string;
}

/** A range on a number; either bound may be absent. */
export interface Bounds {
  min?: number;
  max?: number;
}

/** Per-topic-pattern policy from readiness.yaml `topicPolicies`. Durations are in ms. */
export interface TopicPolicy {
  /** Globs or /regex/ matched against topic names. */
  topics: string[];
  /** Where the rule is written, e.g. "readiness.yaml:12:5", for evidence. */
  origin: string;
  retentionMs?: Bounds;
  cleanupPolicy?: string;
  replicationFactor?: Bounds;
  minInsyncReplicas?: Bounds;
}

/** One application's Kafka client, from readiness.yaml `clients`. */
export interface ClientEntry {
  app: string;
  library: string;
  version: string;
}

/** Platform capabilities a team declares it needs, from readiness.yaml `requirements`. */
export type Requirement = 'idempotence' | 'transactions' | 'compaction' | 'kip848-groups' | 'tiered-storage' | 'share-groups';
export const REQUIREMENTS: readonly Requirement[] = ['idempotence', 'transactions', 'compaction', 'kip848-groups', 'tiered-storage', 'share-groups'];

/** One intended grant (least privilege): operations on a resource; a name ending in * is a prefix. */
export interface IntendedGrant {
  operations: string[];
  resourceType: 'TOPIC' | 'GROUP' | 'CLUSTER' | 'TRANSACTIONAL_ID';
  name: string;
}

/** What the team declared about its workload in readiness.yaml; checks read it, never the file. */
export interface Policy {
  topicPolicies: TopicPolicy[];
  clients: ClientEntry[];
  requirements: Requirement[];
  /** Intended grants per principal ("User:billing"). */
  principals: Record<string, IntendedGrant[]>;
  /** Readiness scorecard items a person attested (drills, reviews), with owner, date and evidence. */
  attestations: Attestation[];
  /** Naming rules for topics and groups (`naming`); absent when readiness.yaml has none. */
  naming?: NamingPolicy;
  /** Owners by topic/group pattern (`owners`); absent when readiness.yaml has none ([] = derive from ACLs only). */
  owners?: OwnerRule[];
}

export * from './sdk/governance.js';
import type { NamingPolicy, OwnerRule } from './sdk/governance.js';

export interface Attestation {
  item: string;
  owner: string;
  /** YYYY-MM-DD */
  date: string;
  /** Link or reference to the evidence (runbook, drill report, ticket). */
  evidence: string;
  note?: string;
  /** file:line:col in readiness.yaml */
  at: string;
}

export interface CheckMeta<R extends ArtifactName = ArtifactName, O extends CheckOptions = CheckOptions> {
  /** Stable id "<area>/<name>": config key, SARIF rule id, report key. */
  id: string;
  area: Area;
  title: string;
  /** The title of a failing result: states the failing condition ("Unclean leader election is enabled"). */
  failureTitle?: string;
  /** Markdown: why it matters. */
  description: string;
  /** What to change, with the exact config key. */
  remediation: string;
  references?: Reference[];
  severity: Severity;
  requires: readonly R[];
  /** Artifacts read when the snapshot has them (e.g. the write probe's measurements); absent or unreadable: left out. */
  uses?: readonly ArtifactName[];
  defaultOptions?: O;
  /** JSON Schema of the options object; readiness.yaml options are validated against it at load (without one: key names and typeof of the defaults). */
  optionsSchema?: Record<string, unknown>;
  /** Platforms where the check does not apply, with the reason shown in the report. */
  notApplicableOn?: Partial<Record<Platform, string>>;
  /** The Kafka configs this check judges, with the threshold and its source (docs/config-coverage.md is built from these). */
  judges?: readonly JudgedConfig[];
}

/** One config a check judges: which level it lives on, the threshold applied and where that threshold comes from. */
export interface JudgedConfig {
  config: string;
  scope: 'topic' | 'broker';
  /** e.g. "> retention.ms → warn" */
  threshold: string;
  /** Kafka docs / KIP / source file the threshold rests on, or "heuristic (option …)". */
  source: string;
}

export interface CheckContext<O extends CheckOptions = CheckOptions> {
  options: O;
  /** Snapshot time in ms since the epoch: the only clock a check may read. */
  now: number;
  snapshot: Pick<Snapshot, 'takenAt' | 'target'>;
  /** Detected (or configured) platform. */
  platform: PlatformInfo;
  /** The team's declared policies, inventory and requirements. */
  policy: Policy;
}

export type ArtifactValues = { [K in ArtifactName]: SnapshotArtifacts[K] extends { ok: true; value: infer V } | { ok: false } ? V : never };

export interface Check<R extends ArtifactName = ArtifactName, O extends CheckOptions = CheckOptions> {
  meta: CheckMeta<R, O>;
  evaluate(artifacts: Pick<ArtifactValues, R> & Partial<ArtifactValues>, ctx: CheckContext<O>): CheckOutput;
}

/** Typed constructor for a check: `requires` narrows what `evaluate` receives. */
export function defineCheck<R extends ArtifactName, O extends CheckOptions = Record<never, never>>(check: Check<R, O>): Check<R, O> {
  return check;
}

// ---- result helpers -------------------------------------------------------------------------------------

// Built by assignment, not by spreading optional parts: these run once per partition or topic at scale.
export function pass(resource: Resource, message: string, evidence?: Evidence): ResourceResult {
  const r: ResourceResult = { resource, status: 'pass', message };
  if (evidence) r.evidence = evidence;
  return r;
}

export function warn(resource: Resource, message: string, evidence?: Evidence, severity?: Severity): ResourceResult {
  const r: ResourceResult = { resource, status: 'warn', message };
  if (evidence) r.evidence = evidence;
  if (severity) r.severity = severity;
  return r;
}

export function fail(resource: Resource, message: string, evidence?: Evidence, severity?: Severity): ResourceResult {
  const r: ResourceResult = { resource, status: 'fail', message };
  if (evidence) r.evidence = evidence;
  if (severity) r.severity = severity;
  return r;
}

/**
 * A resource the check saw but could not judge (e.g. a group within its record bound whose time apart was not
 * measured). It is not counted as a pass: the engine lists it under the check's `partial`, and a check whose
 * other resources all pass is unknown, not pass.
 */
export function unknownResource(resource: Resource, reason: string): ResourceResult {
  return { resource, status: 'unknown', message: reason };
}

export function notApplicable(reason: string): NotApplicable {
  return { notApplicable: reason };
}

export function unknown(reason: string): Unknown {
  return { unknown: reason };
}

export const topic = (name: string): Resource => ({ kind: 'topic', name });
export const broker = (id: number | string): Resource => ({ kind: 'broker', name: String(id) });
export const group = (name: string): Resource => ({ kind: 'group', name });
export const cluster = (name = 'cluster'): Resource => ({ kind: 'cluster', name });
export const partition = (topicName: string, p: number | string): Resource => ({ kind: 'partition', name: `${topicName}-${p}` });
/** One ACL binding as a resource, named the way `kafka-acls.sh --list` would describe it. */
export const aclResource = (a: AclBinding): Resource => ({
  kind: 'acl',
  name: `${a.principal} ${a.permission} ${a.operation} on ${a.resourceType}:${a.patternType}:${a.resourceName} from ${a.host}`,
});

// ---- config helpers -------------------------------------------------------------------------------------

export interface ConfigReading {
  value: string | null;
  source: ConfigSourceName;
  present: boolean;
}

export function readConfig(map: ConfigMap | undefined, key: string): ConfigReading {
  const e: ConfigEntry | undefined = map?.[key];
  if (!e) return { value: null, source: 'unknown', present: false };
  return { value: e.value, source: e.source, present: true };
}

// numberConfig/boolConfig read the entry directly (no ConfigReading object): they run per topic in many checks.
export function numberConfig(map: ConfigMap | undefined, key: string): number | null {
  const v = map?.[key]?.value ?? null;
  if (v === null || v.trim() === '') return null;
  const n = Number(v);
  return Number.isFinite(n) ? n : null;
}

export function boolConfig(map: ConfigMap | undefined, key: string): boolean | null {
  const v = map?.[key]?.value ?? null;
  if (v === null) return null;
  return v.trim().toLowerCase() === 'true';
}

/** Human text for where a config value came from. */
export function describeSource(source: ConfigSourceName): string {
  return SOURCE_NAMES[source];
}

// Built once, not per call: evidence asks for it per topic in many checks.
const SOURCE_NAMES: Record<ConfigSourceName, string> = {
  topic: 'topic override',
  'dynamic-broker': 'dynamic broker config',
  'dynamic-default-broker': 'dynamic cluster-wide default',
  'static-broker': 'static broker config (server.properties)',
  default: 'Kafka default',
  'dynamic-broker-logger': 'broker logger config',
  'client-metrics': 'client metrics config',
  group: 'group config',
  unknown: 'unknown source',
};

/**
 * Where a config's value came from, in words, naming the key that set it when it is a broker-level synonym:
 * "topic override (segment.ms)", "static broker config (server.properties) (log.roll.hours)", "Kafka default".
 */
export function configOrigin(map: ConfigMap | undefined, key: string): string {
  const e = map?.[key];
  if (!e) return 'not reported';
  const setBy = e.synonyms.find((s) => s.source === e.source) ?? e.synonyms[0];
  const from = describeSource(e.source);
  return setBy && e.source !== 'default' ? `${from} (${setBy.name})` : from;
}

// ---- misc helpers ---------------------------------------------------------------------------------------

/** A pattern as patternToRegExp reads it: "/regex/" must compile; globs always do. */
export function patternError(pattern: string): string | null {
  if (!(pattern.length > 2 && pattern.startsWith('/') && pattern.endsWith('/'))) return null;
  try {
    new RegExp(pattern.slice(1, -1));
    return null;
  } catch (err) {
    return `${pattern} is not a valid regular expression (${(err as Error).message.replace(/^Invalid regular expression: /, '')})`;
  }
}

/** Glob (`*`, `?`) or, when wrapped in slashes, a regular expression: `/^billing\..*$/`. */
export function patternToRegExp(pattern: string): RegExp {
  // Compiled once per pattern: checks match every topic or group against the same few patterns. The
  // expressions carry no g/y flag, so a shared one keeps no state between tests.
  let re = compiledPatterns.get(pattern);
  if (!re) {
    if (pattern.length > 2 && pattern.startsWith('/') && pattern.endsWith('/')) re = new RegExp(pattern.slice(1, -1));
    else {
      const escaped = pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
      re = new RegExp(`^${escaped}$`);
    }
    compiledPatterns.set(pattern, re);
  }
  return re;
}

const compiledPatterns = new Map<string, RegExp>();

/** The first topic policy whose patterns match the topic, or undefined. */
export function policyFor(policies: readonly TopicPolicy[], topicName: string): TopicPolicy | undefined {
  return policies.find((p) => matchesAny(topicName, p.topics));
}

export function describeBounds(b: Bounds, format: (n: number) => string = String): string {
  if (b.min !== undefined && b.max !== undefined) return `${format(b.min)} – ${format(b.max)}`;
  if (b.min !== undefined) return `>= ${format(b.min)}`;
  if (b.max !== undefined) return `<= ${format(b.max)}`;
  return 'any';
}

export function withinBounds(value: number, b: Bounds): boolean {
  return (b.min === undefined || value >= b.min) && (b.max === undefined || value <= b.max);
}

export function matchesAny(name: string, patterns: readonly string[]): boolean {
  return patterns.some((p) => patternToRegExp(p).test(name));
}

export function formatBytes(bytes: number): string {
  if (bytes < 0) return 'unlimited';
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'];
  let v = bytes;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${v.toFixed(v >= 10 || i === 0 ? 0 : 1)} ${units[i]}`;
}

export function formatDuration(ms: number): string {
  if (ms < 0) return 'unlimited';
  const s = ms / 1000;
  if (s < 120) return `${Math.round(s)} s`;
  const m = s / 60;
  if (m < 120) return `${Math.round(m)} min`;
  const h = m / 60;
  if (h < 48) return `${Math.round(h * 10) / 10} h`;
  return `${Math.round((h / 24) * 10) / 10} d`;
}

/** A topic's replication factor: its smallest replica set (0 without partitions). */
export function replicationFactor(t: { partitions: { replicas: number[] }[] }): number {
  return t.partitions.length ? Math.min(...t.partitions.map((p) => p.replicas.length)) : 0;
}

/** User topics: internal ones (__consumer_offsets, __transaction_state, …) are judged by their own checks. */
export function isInternalTopic(t: { name: string; internal: boolean }): boolean {
  return t.internal || t.name.startsWith('__');
}

// ---- Kafka release and client tables (pure data, sources cited in the files) ------------------------------
export * from './sdk/kafka-releases.js';
export * from './sdk/client-compat.js';
export * from './sdk/observation.js';
export * from './sdk/indexes.js';
export * from './sdk/cloudwatch.js';
export * from './sdk/migration.js';
