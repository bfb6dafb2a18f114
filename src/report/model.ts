// The report: what every renderer reads. Versioned and described by schema/report.schema.json.

import type { ArtifactError, GatherStats, ProbeBurst, ProbeCapability, ProbeCellStatus, SnapshotTarget } from '../model/snapshot.js';
import type { Area, Evidence, PlatformInfo, Reference, Resource, ResultStatus, Severity } from '../sdk.js';

export const REPORT_VERSION = 1;

export type CheckStatus = 'pass' | 'warn' | 'fail' | 'waived' | 'unknown' | 'error' | 'not-applicable' | 'skipped';
/** not-assessable: coverage is below the gate's minimum, so the scan saw too little to judge (the gate fails). */
export type Verdict = 'ready' | 'ready-with-risks' | 'not-ready' | 'not-assessable';

export interface Finding {
  resource: Resource;
  status: Exclude<ResultStatus, 'pass'>;
  severity: Severity;
  message: string;
  evidence?: Evidence;
  /** Set when a readiness.yaml waiver accepts this finding: shown, not scored. */
  waiver?: WaiverRef;
  /** Set when a waiver matched but has expired: the finding counts again and the gate fails. */
  expiredWaiver?: WaiverRef;
}

export interface WaiverRef {
  /** Index in report.waivers. */
  index: number;
  reason: string;
  owner: string;
  ticket: string;
  expires: string;
}

export interface WaiverState {
  check: string;
  resource: string;
  kind?: string;
  reason: string;
  owner: string;
  ticket: string;
  expires: string;
  /** active: applies; expired: past its date (fails the gate); unused: matched no finding. */
  state: 'active' | 'expired' | 'unused';
  matched: number;
  /** file:line:col of the waiver in readiness.yaml. */
  at: string;
}

export interface MissingPermission {
  /** e.g. "DESCRIBE_CONFIGS on Cluster". */
  permission: string;
  artifacts: string[];
  checks: string[];
}

export interface PermissionReport {
  principal: string | null;
  /** Permissions the scan was denied, with what they cost. */
  missing: MissingPermission[];
  /** The full read-only ACL set a scan needs, as kafka-acls.sh commands; those marked missing were denied. */
  readOnlyAcls: { permission: string; command: string; missing: boolean }[];
  /** Amazon MSK IAM scans: the read-only scan as an IAM policy document (JSON) instead of ACLs. */
  iamPolicy?: string;
}

export interface CostReport {
  currency: string;
  prices: { storagePerGbMonth: number; crossZonePerGb: number; billReplicationTraffic: boolean };
  platform: string;
  /** What the numbers rest on, in words. */
  assumptions: string[];
  totalMonthly: number;
  drivers: { driver: string; monthly: number; basis: string }[];
  topTopics: { topic: string; storedGb: number; projectedGb: number; ingressBytesPerSec: number; crossZoneGbMonth: number; monthly: number }[];
}

export interface CheckResult {
  id: string;
  area: Area;
  title: string;
  /** Title for a failing result, stating the failing condition (from the check's meta.failureTitle). */
  failureTitle?: string;
  description: string;
  remediation: string;
  references: Reference[];
  severity: Severity;
  weight: number;
  origin: string;
  status: CheckStatus;
  /** 0–100; null when the check did not evaluate (unknown, error, not-applicable, skipped). */
  score: number | null;
  /** Why the check is unknown / error / not-applicable / skipped. */
  reason?: string;
  /** Artifacts it needed that were missing, with the gather error. */
  missing?: { artifact: string; error: ArtifactError }[];
  /** Resources evaluated (waived ones excluded), and per status; `waived` counts accepted findings. */
  counts: { resources: number; pass: number; warn: number; fail: number; waived: number };
  findings: Finding[];
  /** Artifacts only partly readable (e.g. some topics denied): the result covers the readable part. */
  partial?: string[];
  /**
   * Resources the check saw but could not judge (never counted as passes; also summed up in `partial`): `count`
   * in all, the first 20 in `resources`. With nothing else failing or warning, the check is unknown.
   */
  notJudged?: { count: number; resources: { resource: Resource; reason: string }[] };
}

export interface AreaScore {
  area: Area;
  weight: number;
  /** null when nothing in the area could be evaluated. */
  score: number | null;
  coverage: number;
  checks: { total: number; evaluated: number; unknown: number; error: number };
}

export interface GateRule {
  rule: 'fail-under' | 'fail-on' | 'min-coverage' | 'expired-waiver' | 'new-findings';
  passed: boolean;
  /** Where the threshold came from: a flag or file:line:col in readiness.yaml. */
  origin: string;
  message: string;
}

export interface GateResult {
  passed: boolean;
  failUnder: number | null;
  /** Every rule that was configured, in the order they are evaluated. */
  rules: GateRule[];
  /** The first failing rule (it decided exit code 1), or null when the gate passed. */
  decidedBy: GateRule['rule'] | null;
  reasons: string[];
}

/** A finding named by check id + resource (what `diff` and `--baseline` compare on). */
export interface FindingRef {
  check: string;
  resource: string;
  status: string;
  severity: string;
  message: string;
}

/** Set with --baseline: which open findings are new against the baseline report and which it had that are gone. */
export interface BaselineComparison {
  /** The baseline report file as given on the command line. */
  file: string;
  generatedAt: string;
  score: number | null;
  newFindings: FindingRef[];
  fixedFindings: FindingRef[];
}

export type CutoverStatus = 'met' | 'not-met' | 'unknown';
export type CutoverPhaseId = 'before-producers' | 'before-consumers' | 'rollback';

/** One condition of the cut-over, decided by migration check results (src/engine/cutover.ts). */
export interface CutoverItem {
  id: string;
  title: string;
  /** met: every deciding check passed on fully read data; unknown: one could not be evaluated (or read only partly); else not-met. */
  status: CutoverStatus;
  /** The checks that decide it, with their status in this report. */
  checks: { id: string; status: CheckStatus | 'absent' }[];
  /** The resources that keep it from being met (findings of the deciding checks). */
  resources: { check: string; kind: string; name: string; status: string; message: string }[];
  /** Why a deciding check could not decide (unknown, error, partly read, disabled, absent). */
  reasons: string[];
}

/** The cut-over checklist of a `compare` report: what must be true before producers switch, before consumers switch, and what proves the way back. */
export interface CutoverChecklist {
  status: CutoverStatus;
  phases: { id: CutoverPhaseId; title: string; status: CutoverStatus; items: CutoverItem[] }[];
}

/** What the write probe measured (scan --probe / probe), as its own section: the matrix and the burst numbers. */
export interface ProbeReport {
  /** Set when the probe was asked for but did not run at all: why (the probe artifact's error). */
  error?: ArtifactError;
  startedAt: string | null;
  durationMs: number | null;
  /** The topic written to; created: false when the operator named an existing one (--probe-topic). */
  topic: { name: string; created: boolean; partitions: number } | null;
  /** Every client the probe knows, those that could not run here with the reason (no Java, a mechanism it lacks). */
  clients: { name: string; library: string; version: string | null; available: boolean; reason?: string }[];
  /** One row per capability (in the probe's order), one cell per client that ran. */
  matrix: { capability: ProbeCapability; cells: { client: string; status: ProbeCellStatus; message: string; error?: string; ms?: number }[] }[];
  /** measured: the numbers; not-run: the burst was not asked for; unknown: it could not be measured (reason). */
  burst: { status: 'measured' | 'not-run' | 'unknown'; reason?: string; numbers?: ProbeBurst };
  /** What the probe removed afterwards, what it could not, and the transactional ids left to expire. */
  cleanup: { deletedTopics: string[]; deletedGroups: string[]; leftToExpire: string[]; failures: string[]; interrupted: boolean } | null;
}

export interface Report {
  reportVersion: number;
  tool: { name: string; version: string };
  generatedAt: string;
  cluster: {
    clusterId: string | null;
    brokers: number;
    racks: string[];
    topics: number | null;
    partitions: number | null;
    groups: number | null;
    /** Detected (or configured) platform and the fingerprint behind it. */
    platform: PlatformInfo;
  };
  snapshot: { takenAt: string; target: SnapshotTarget; stats: GatherStats };
  summary: {
    score: number | null;
    coverage: number;
    verdict: Verdict;
    verdictReasons: string[];
    /** The built-in profile the thresholds and severities came from, if any. */
    profile: { name: string; description: string } | null;
    formula: string;
    counts: Record<CheckStatus, number>;
    findings: Record<Severity, number>;
  };
  areas: AreaScore[];
  checks: CheckResult[];
  /** Artifacts the scan could not read, and the checks that became unknown because of them. */
  gaps: { artifact: string; error: ArtifactError; checks: string[] }[];
  /** The scanning principal's missing permissions and the read-only ACLs a full scan needs. */
  permissions: PermissionReport;
  /** Waivers from readiness.yaml and what became of them. */
  waivers: WaiverState[];
  /** Monthly cost estimate per driver and per topic, with the prices and assumptions used. */
  cost: CostReport;
  gate: GateResult;
  /** Only with --baseline: new and fixed findings against that report. */
  baseline?: BaselineComparison;
  /** Only in `compare` reports: the cut-over checklist from the migration checks. */
  cutover?: CutoverChecklist;
  /** Only when the write probe was asked for (scan --probe, probe): the compatibility matrix and the burst numbers. */
  probe?: ProbeReport;
}
