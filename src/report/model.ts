// The report: what every renderer reads. Versioned and described by schema/report.schema.json.

import type { ArtifactError, GatherStats, SnapshotTarget } from '../gather/snapshot.js';
import type { Area, Evidence, PlatformInfo, Reference, Resource, ResultStatus, Severity } from '../sdk.js';

export const REPORT_VERSION = 1;

export type CheckStatus = 'pass' | 'warn' | 'fail' | 'unknown' | 'error' | 'not-applicable' | 'skipped';
export type Verdict = 'ready' | 'ready-with-risks' | 'not-ready';

export interface Finding {
  resource: Resource;
  status: Exclude<ResultStatus, 'pass'>;
  severity: Severity;
  message: string;
  evidence?: Evidence;
}

export interface CheckResult {
  id: string;
  area: Area;
  title: string;
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
  counts: { resources: number; pass: number; warn: number; fail: number };
  findings: Finding[];
  /** Artifacts only partly readable (e.g. some topics denied): the result covers the readable part. */
  partial?: string[];
}

export interface AreaScore {
  area: Area;
  weight: number;
  /** null when nothing in the area could be evaluated. */
  score: number | null;
  coverage: number;
  checks: { total: number; evaluated: number; unknown: number; error: number };
}

export interface GateResult {
  passed: boolean;
  failUnder: number | null;
  reasons: string[];
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
    formula: string;
    counts: Record<CheckStatus, number>;
    findings: Record<Severity, number>;
  };
  areas: AreaScore[];
  checks: CheckResult[];
  /** Artifacts the scan could not read, and the checks that became unknown because of them. */
  gaps: { artifact: string; error: ArtifactError; checks: string[] }[];
  gate: GateResult;
}
