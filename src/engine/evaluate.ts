// Runs every registered check against a snapshot. Pure: no I/O. A check whose artifacts are missing is
// `unknown` (never called); one that throws is `error`; neither ever counts as a pass.

import type { ReadinessConfig } from '../config/readiness.js';
import { errorMessage } from '../errors.js';
import type { ArtifactError, ArtifactName, Snapshot } from '../gather/snapshot.js';
import type { CheckOptions, CheckOutput, PlatformInfo, ResourceResult, Severity } from '../sdk.js';
import { detectPlatform } from './platform.js';
import type { CheckResult, Finding } from '../report/model.js';
import type { RegisteredCheck } from './registry.js';

export const SEVERITY_WEIGHT: Record<Severity, number> = { critical: 10, high: 6, medium: 3, low: 1, info: 0 };

export function platformOf(snapshot: Snapshot, config: ReadinessConfig): PlatformInfo {
  return config.platform ? { platform: config.platform, evidence: `set in ${config.locate(['platform'])}` } : detectPlatform(snapshot);
}

export function evaluateChecks(snapshot: Snapshot, registry: RegisteredCheck[], config: ReadinessConfig): CheckResult[] {
  const now = Date.parse(snapshot.takenAt);
  const platform = platformOf(snapshot, config);
  return registry.map(({ check, origin }) => {
    const meta = check.meta;
    const override = config.checks[meta.id] ?? {};
    const severity = override.severity ?? meta.severity;
    const base: CheckResult = {
      id: meta.id,
      area: meta.area,
      title: meta.title,
      description: meta.description,
      remediation: meta.remediation,
      references: meta.references ?? [],
      severity,
      weight: override.weight ?? SEVERITY_WEIGHT[severity],
      origin,
      status: 'pass',
      score: null,
      counts: { resources: 0, pass: 0, warn: 0, fail: 0, waived: 0 },
      findings: [],
    };
    if (override.enabled === false) return { ...base, status: 'skipped', reason: `disabled in ${config.locate(['checks', meta.id, 'enabled'])}` };
    const inapplicable = platform.platform !== 'unknown' ? meta.notApplicableOn?.[platform.platform] : undefined;
    if (inapplicable) return { ...base, status: 'not-applicable', reason: `${platform.platform}: ${inapplicable}` };

    const missing: { artifact: string; error: ArtifactError }[] = [];
    const partial: string[] = [];
    const input: Record<string, unknown> = {};
    for (const name of meta.requires as ArtifactName[]) {
      const artifact = snapshot.artifacts[name];
      if (!artifact) missing.push({ artifact: name, error: { reason: 'not-collected', message: `${name} is not in this snapshot` } });
      else if (!artifact.ok) missing.push({ artifact: name, error: artifact.error });
      else {
        input[name] = artifact.value;
        if (artifact.issues?.length) partial.push(`${name}: ${artifact.issues.length} part(s) unreadable, e.g. ${artifact.issues[0]!.message}`);
      }
    }
    const notRequested = missing.find((m) => m.error.reason === 'not-requested');
    if (notRequested) return { ...base, status: 'not-applicable', reason: notRequested.error.message };
    if (missing.length) {
      const reason = missing.map((m) => `${m.artifact} ${m.error.reason === 'denied' ? 'denied' : 'unavailable'} (${m.error.message})`).join('; ');
      return { ...base, status: 'unknown', reason, missing };
    }

    const options = { ...(meta.defaultOptions ?? {}), ...(override.options ?? {}) } as CheckOptions;
    let output: CheckOutput;
    try {
      output = check.evaluate(input as never, { options, now, snapshot: { takenAt: snapshot.takenAt, target: snapshot.target }, platform, policy: config.policy });
    } catch (err) {
      return { ...base, status: 'error', reason: `check threw: ${errorMessage(err).split('\n')[0]}` };
    }
    const withPartial = partial.length ? { partial } : {};
    if (!Array.isArray(output)) {
      if (output && 'notApplicable' in output) return { ...base, ...withPartial, status: 'not-applicable', reason: output.notApplicable };
      if (output && 'unknown' in output) return { ...base, ...withPartial, status: 'unknown', reason: output.unknown };
      return { ...base, status: 'error', reason: 'check returned neither a list of results nor notApplicable/unknown' };
    }
    if (output.length === 0) return { ...base, ...withPartial, status: 'not-applicable', reason: 'nothing to evaluate' };
    return { ...base, ...withPartial, ...summarize(output, severity, override.severity !== undefined) };
  });
}

function summarize(results: ResourceResult[], severity: Severity, severityOverridden: boolean): Pick<CheckResult, 'status' | 'score' | 'counts' | 'findings'> {
  const counts = { resources: results.length, pass: 0, warn: 0, fail: 0, waived: 0 };
  const findings: Finding[] = [];
  for (const r of results) {
    counts[r.status]++;
    if (r.status === 'pass') continue;
    findings.push({
      resource: r.resource,
      status: r.status,
      severity: severityOverridden ? severity : (r.severity ?? severity),
      message: r.message,
      ...(r.evidence ? { evidence: capEvidence(r.evidence) } : {}),
    });
  }
  const status = counts.fail > 0 ? 'fail' : counts.warn > 0 ? 'warn' : 'pass';
  const score = round1((100 * (counts.pass + 0.5 * counts.warn)) / counts.resources);
  return { status, score, counts, findings };
}

/** Items of an evidence list the report shows; the rest is counted ("and 87 more") and stays in the snapshot. */
export const EVIDENCE_LIST_MAX = 20;

/**
 * Caps every list inside a finding's evidence at EVIDENCE_LIST_MAX items plus a last "and N more" item, so a
 * report grows with its findings, not with the partitions behind them (a lost zone lists thousands).
 */
export function capEvidence<T>(value: T, depth = 0): T {
  if (Array.isArray(value)) {
    const kept = value.length > EVIDENCE_LIST_MAX ? [...value.slice(0, EVIDENCE_LIST_MAX), `and ${value.length - EVIDENCE_LIST_MAX} more`] : value;
    return (depth < 4 ? kept.map((v) => capEvidence(v, depth + 1)) : kept) as T;
  }
  if (value && typeof value === 'object' && depth < 4) {
    let changed = false;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      const c = capEvidence(v, depth + 1);
      if (c !== v) changed = true;
      out[k] = c;
    }
    return changed ? (out as T) : value;
  }
  return value;
}

export function round1(n: number): number {
  return Math.round(n * 10) / 10;
}
