// Runs every registered check against a snapshot. Pure: no I/O. A check whose artifacts are missing is
// `unknown` (never called); one that throws is `error`; neither ever counts as a pass.

import type { ReadinessConfig } from '../config/readiness.js';
import { errorMessage } from '../errors.js';
import { type ArtifactError, type ArtifactName, absentArtifactError, type Snapshot } from '../model/snapshot.js';
import type { CheckOptions, CheckOutput, PlatformInfo, ResourceResult, Severity } from '../sdk.js';
import { detectPlatform } from './platform.js';
import type { CheckResult, Finding } from '../report/model.js';
import { PluginFault } from './plugin-host.js';
import type { RegisteredCheck } from './registry.js';
import { outputProblem } from './result-schema.js';

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
      ...(meta.failureTitle ? { failureTitle: meta.failureTitle } : {}),
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
    const filtered = new Set<string>();
    const partial: string[] = [];
    const input: Record<string, unknown> = {};
    for (const name of meta.requires as ArtifactName[]) {
      const artifact = snapshot.artifacts[name];
      if (!artifact) missing.push({ artifact: name, error: absentArtifactError(name) });
      else if (!artifact.ok) missing.push({ artifact: name, error: artifact.error });
      else if (artifact.visibility?.status === 'possibly-filtered') {
        // Kafka leaves out what the principal may not DESCRIBE without an error: "not seen" is not "none".
        const v = artifact.visibility;
        missing.push({ artifact: name, error: { reason: 'denied', message: `possibly filtered by permission: ${v.reason}${v.missingGrant ? `; needs ${v.missingGrant}` : ''}` } });
        filtered.add(name);
      } else {
        input[name] = artifact.value;
        if (artifact.issues?.length) partial.push(`${name}: ${artifact.issues.length} part(s) unreadable, e.g. ${artifact.issues[0]!.message}`);
      }
    }
    // Used-when-present artifacts only add evidence: a missing one never makes the check unknown.
    for (const name of meta.uses ?? []) {
      const artifact = snapshot.artifacts[name];
      if (artifact?.ok && artifact.visibility?.status !== 'possibly-filtered' && !(name in input)) input[name] = artifact.value;
    }
    const notRequested = missing.find((m) => m.error.reason === 'not-requested');
    if (notRequested) return { ...base, status: 'not-applicable', reason: notRequested.error.message };
    if (missing.length) {
      // Artifacts filtered for the same reason (e.g. groups and their offsets) share one sentence.
      const parts = new Map<string, string[]>();
      for (const m of missing) {
        const text = filtered.has(m.artifact) ? m.error.message : `${m.error.reason === 'denied' ? 'denied' : 'unavailable'} (${m.error.message})`;
        parts.set(text, [...(parts.get(text) ?? []), m.artifact]);
      }
      const reason = [...parts].map(([text, names]) => `${names.join(', ')} ${text}`).join('; ');
      return { ...base, status: 'unknown', reason, missing };
    }

    const options = { ...(meta.defaultOptions ?? {}), ...(override.options ?? {}) } as CheckOptions;
    let output: CheckOutput;
    try {
      output = check.evaluate(input as never, { options, now, snapshot: { takenAt: snapshot.takenAt, target: snapshot.target }, platform, policy: config.policy });
    } catch (err) {
      const detail = errorMessage(err).split('\n')[0];
      if (err instanceof PluginFault) return { ...base, status: 'error', reason: `${who(origin)} ${detail}` };
      return { ...base, status: 'error', reason: `check threw: ${detail}${origin === 'built-in' ? '' : ` (plugin "${origin}")`}` };
    }
    // Whatever came back is validated before it can count: a malformed answer is an error, never a pass.
    const problem = outputProblem(output, origin === 'built-in');
    if (problem) return { ...base, status: 'error', reason: `${who(origin)} returned an invalid result: ${problem}` };
    const withPartial = partial.length ? { partial } : {};
    if (!Array.isArray(output)) {
      if ('notApplicable' in output) return { ...base, ...withPartial, status: 'not-applicable', reason: output.notApplicable };
      return { ...base, ...withPartial, status: 'unknown', reason: output.unknown };
    }
    // Nothing judged from samples that lack partitions is unknown (the missing partitions hold the verdict), not n/a.
    const partialSamples = partial.find((p) => p.startsWith('samples:'));
    if (output.length === 0 && partialSamples) return { ...base, ...withPartial, status: 'unknown', reason: `nothing could be evaluated from incomplete samples: ${partialSamples}` };
    if (output.length === 0) return { ...base, ...withPartial, status: 'not-applicable', reason: 'nothing to evaluate' };
    return { ...base, ...summarize(output, severity, override.severity !== undefined, partial) };
  });
}

function summarize(results: ResourceResult[], severity: Severity, severityOverridden: boolean, partial: string[]): Pick<CheckResult, 'status' | 'score' | 'counts' | 'findings' | 'partial' | 'reason' | 'notJudged'> {
  const counts = { resources: 0, pass: 0, warn: 0, fail: 0, waived: 0 };
  const findings: Finding[] = [];
  const notJudged: ResourceResult[] = [];
  for (const r of results) {
    if (r.status === 'unknown') {
      notJudged.push(r);
      continue;
    }
    counts.resources++;
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
  const judged = counts.fail > 0 ? 'fail' : counts.warn > 0 ? 'warn' : 'pass';
  if (notJudged.length === 0) return { status: judged, score: round1((100 * (counts.pass + 0.5 * counts.warn)) / counts.resources), counts, findings, ...(partial.length ? { partial } : {}) };
  // Resources seen but not judged are never passes: listed as partial, and with nothing seen to fail or warn the
  // check is unknown (a fail or warn already decides it; the unjudged rest is still named).
  const label = (r: ResourceResult) => `${r.resource.kind} ${r.resource.name}`;
  const first = notJudged[0]!;
  const also = notJudged.length > 1 ? `; also ${notJudged.slice(1, 4).map(label).join(', ')}${notJudged.length > 4 ? ', …' : ''}` : '';
  const total = counts.resources + notJudged.length;
  const withPartial = {
    partial: [...partial, `not judged: ${notJudged.length} of ${total} resource(s) (${label(first)}: ${first.message}${also})`],
    notJudged: { count: notJudged.length, resources: notJudged.slice(0, EVIDENCE_LIST_MAX).map((r) => ({ resource: r.resource, reason: r.message })) },
  };
  if (judged === 'pass') {
    const reason = `${notJudged.length} of ${total} resource(s) could not be judged (${label(first)}: ${first.message}${also})${counts.pass ? `; the other ${counts.pass} pass` : ''}`;
    return { status: 'unknown', score: null, counts, findings, reason, ...withPartial };
  }
  return { status: judged, score: round1((100 * (counts.pass + 0.5 * counts.warn)) / counts.resources), counts, findings, ...withPartial };
}

/** Who answered, for error reasons: a plugin is named by the specifier it was loaded from. */
function who(origin: string): string {
  return origin === 'built-in' ? 'check' : `plugin "${origin}"`;
}

/** Items of an evidence list the report shows; the rest is counted ("and 87 more") and stays in the snapshot. */
export const EVIDENCE_LIST_MAX = 20;

/** The key that carries the count of a capped map's left-out entries: no topic, partition or config is named so. */
export const EVIDENCE_MORE_KEY = '…';

/**
 * Caps every list inside a finding's evidence at EVIDENCE_LIST_MAX items plus a last "and N more" item, and
 * every map (an object with more than EVIDENCE_LIST_MAX keys, e.g. partition → state) at its first
 * EVIDENCE_LIST_MAX entries plus `"…": "and N more"`, so a report grows with its findings, not with the
 * partitions behind them (a lost zone lists thousands). The full lists stay in the snapshot.
 */
export function capEvidence<T>(value: T, depth = 0): T {
  // Copy on write: an evidence with nothing to cap (nearly all) is returned as it is, not rebuilt.
  if (Array.isArray(value)) {
    const over = value.length > EVIDENCE_LIST_MAX;
    const n = over ? EVIDENCE_LIST_MAX : value.length;
    let out: unknown[] | undefined = over ? value.slice(0, 0) : undefined;
    for (let i = 0; i < n; i++) {
      const v: unknown = value[i];
      const c = depth < 4 ? capEvidence(v, depth + 1) : v;
      if (c !== v && !out) out = value.slice(0, i);
      if (out) out.push(c);
    }
    if (over) out!.push(`and ${value.length - EVIDENCE_LIST_MAX} more`);
    return (out ?? value) as T;
  }
  if (value && typeof value === 'object' && depth < 4) {
    const keys = Object.keys(value);
    // The evidence object itself and its details are records of named fields, never capped; maps below them are.
    const capped = depth >= 2 && keys.length > EVIDENCE_LIST_MAX;
    let out: Record<string, unknown> | undefined = capped ? {} : undefined;
    const n = capped ? EVIDENCE_LIST_MAX : keys.length;
    for (let i = 0; i < n; i++) {
      const k = keys[i]!;
      const v = (value as Record<string, unknown>)[k];
      const c = capEvidence(v, depth + 1);
      if (c !== v && !out) {
        out = {};
        for (let j = 0; j < i; j++) out[keys[j]!] = (value as Record<string, unknown>)[keys[j]!];
      }
      if (out) out[k] = c;
    }
    if (capped) out![EVIDENCE_MORE_KEY] = `and ${keys.length - EVIDENCE_LIST_MAX} more`;
    return (out ?? value) as T;
  }
  return value;
}

export function round1(n: number): number {
  return Math.round(n * 10) / 10;
}
