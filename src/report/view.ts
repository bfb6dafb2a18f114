// The one view of a report every renderer draws from: what comes first (the fix-first ranking), how checks
// are grouped and ordered, the title a failing check shows, evidence as labelled rows with long lists capped,
// the gate sentence and the new/fixed findings against a baseline. Renderers only lay this out and escape it,
// so ordering, grouping and evidence text are written once. Plain strings here: each renderer escapes them.

import { describeSource, SEVERITIES, type Evidence, type Severity } from '../sdk.js';
import type { CheckResult, Finding, FindingRef, Report } from './model.js';
import { resourceLabel } from './format.js';

/** List items shown before "and N more". */
export const LIST_CAP = 5;
/** Characters of one evidence value shown before it is cut (the JSON report has it whole). */
export const VALUE_CAP = 240;

/**
 * Fix-first rank = severity weight × reach × status factor. Severity dominates (each level weighs 3× the one
 * below), reach grows slowly with the resources affected (1 + log10 n: ten topics count double, not tenfold),
 * and a warning weighs half a failure.
 */
export const RANK_SEVERITY: Record<Severity, number> = { critical: 27, high: 9, medium: 3, low: 1, info: 0.3 };
export const RANK_FORMULA = 'severity (critical 27, high 9, medium 3, low 1, info 0.3) × (1 + log10 resources affected) × (1 for fail, 0.5 for warn)';

export interface EvidenceRow {
  label: string;
  value: string;
  /** Set when the value is a literal (config value, name, number) best shown as code. */
  literal: boolean;
}

export interface FindingView {
  finding: Finding;
  resource: string;
  rows: EvidenceRow[];
  /** rows without those every finding of the check shares (CheckView.commonRows). */
  ownRows: EvidenceRow[];
}

export interface CheckView {
  check: CheckResult;
  /** failureTitle for a check with open fail/warn findings, the plain title otherwise. */
  title: string;
  /** Worst severity among the open findings (the check's own when it has none). */
  severity: Severity;
  status: 'fail' | 'warn';
  findings: FindingView[];
  /** Evidence rows identical in every finding of the check (e.g. the same "expected"), when it has several. */
  commonRows: EvidenceRow[];
  /** First sentence of the remediation. */
  fix: string;
  /** Affected resources as labels, capped: "topic a, topic b and 3 more". */
  resources: string;
  rank: number;
}

export interface GateView {
  state: 'none' | 'passed' | 'failed';
  /** "no gate", "passed" or "failed". */
  label: string;
  /** One sentence: which rule decided, or how to set a gate. */
  detail: string;
}

export interface ZoneLossView {
  zones: { zone: string; offline: number; writesBlocked: number; underReplicated: number }[];
}

export interface LagView {
  groups: { group: string; lagMs: number | null; ttlMs: number | null }[];
}

export interface ReportView {
  report: Report;
  /** Checks with open (not waived) fail/warn findings, highest rank first. */
  fixFirst: CheckView[];
  /** The same checks grouped by area (report order), within an area by rank. */
  byArea: { area: string; checks: CheckView[] }[];
  openFindings: number;
  passed: CheckResult[];
  /** Not applicable or skipped (disabled). */
  notApplicable: CheckResult[];
  /** Checks whose every finding is waived. */
  waived: CheckResult[];
  /** Unknown or error: not run, never a pass. */
  notRun: CheckResult[];
  gate: GateView;
  /** Open findings per area and severity (areas with any). */
  severityByArea: { area: string; counts: Record<Severity, number> }[];
  zoneLoss: ZoneLossView | { reason: string };
  lag: LagView | { reason: string };
  /** Cost drivers with a non-zero amount, or why there are none. */
  cost: { drivers: { driver: string; monthly: number; basis: string }[] } | { reason: string };
  baseline: { file: string; score: number | null; newFindings: FindingRef[]; fixedFindings: FindingRef[] } | null;
}

export function areaOrder(report: Report): string[] {
  const order = report.areas.map((a) => a.area as string);
  for (const c of report.checks) if (!order.includes(c.area)) order.push(c.area);
  return order;
}

/** The report's checks grouped by area in area order (report order within an area); areas without checks left out. */
export function checksByArea(report: Report): { area: string; checks: CheckResult[] }[] {
  return areaOrder(report)
    .map((area) => ({ area, checks: report.checks.filter((c) => c.area === area) }))
    .filter((g) => g.checks.length > 0);
}

export const sevIndex = (s: string): number => {
  const i = SEVERITIES.indexOf(s as Severity);
  return i < 0 ? SEVERITIES.length : i;
};

/** "a, b, c and 4 more" (at most `cap` items named). */
export function capList(items: string[], cap = LIST_CAP): string {
  if (items.length === 0) return 'none';
  if (items.length <= cap) return items.join(', ');
  return `${items.slice(0, cap).join(', ')} and ${items.length - cap} more`;
}

function cut(text: string, cap = VALUE_CAP): string {
  return text.length > cap ? `${text.slice(0, cap - 1)}…` : text;
}

/** "writesBlocked" → "writes blocked", "retention.ms" stays. */
export function labelOf(key: string): string {
  // Evidence keys repeat across thousands of findings: each is spelled once.
  let label = LABELS.get(key);
  if (label === undefined) {
    label = key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/_/g, ' ').toLowerCase();
    if (LABELS.size < 10_000) LABELS.set(key, label);
  }
  return label;
}
const LABELS = new Map<string, string>();

function scalar(v: unknown): string {
  if (v === null || v === undefined) return 'none';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') return String(v);
  return compact(v, 1);
}

/** An object or array as short readable text: "k v · k v", lists capped. */
function compact(v: unknown, depth = 0): string {
  if (Array.isArray(v)) return capList(v.map((x) => (depth > 1 ? JSON.stringify(x) ?? '' : scalar(x))));
  if (v && typeof v === 'object') {
    const parts = Object.entries(v as Record<string, unknown>).map(([k, x]) => `${labelOf(k)} ${depth > 1 ? JSON.stringify(x) ?? '' : Array.isArray(x) ? `[${capList(x.map((y) => scalar(y)))}]` : scalar(x)}`);
    return parts.join(' · ');
  }
  return scalar(v);
}

/** A value as text: scalars as they are, lists capped with "and N more", objects as "key value · …". */
export function valueView(v: unknown): string {
  return cut(compact(v));
}

/** Words of a resource name, and their colon-separated parts: "User:* ALLOW on TOPIC:LITERAL:x" → User:*, User, *, ALLOW, … */
function nameTokens(name: string): Set<string> {
  const words = name.split(/\s+/);
  return new Set([...words, ...words.flatMap((w) => w.split(':'))]);
}

/**
 * Evidence as labelled rows: observed, expected, config (and where it came from), then each detail. Given the
 * resource name, details that only repeat a part of it (an ACL binding's principal, operation, pattern…) are left
 * out: the name already says them, and the JSON report keeps every detail.
 */
export function evidenceRows(e: Evidence | undefined, resourceName?: string): EvidenceRow[] {
  if (!e) return [];
  const rows: EvidenceRow[] = [];
  const obs = e.observed;
  const isObj = obs !== null && typeof obs === 'object' && !Array.isArray(obs);
  // A flat observed object ({offline: 0, writesBlocked: 3}) reads better as one row per key.
  if (isObj && Object.values(obs as object).every((x) => x === null || typeof x !== 'object') && Object.keys(obs as object).length <= 6) {
    for (const [k, x] of Object.entries(obs as Record<string, unknown>)) rows.push({ label: `observed ${labelOf(k)}`, value: valueView(x), literal: true });
  } else {
    rows.push({ label: 'observed', value: valueView(obs), literal: true });
  }
  rows.push({ label: 'expected', value: cut(e.expected), literal: false });
  if (e.config) rows.push({ label: 'config', value: e.config, literal: true });
  if (e.source) rows.push({ label: 'source', value: describeSource(e.source) ?? String(e.source), literal: false });
  let tokens: Set<string> | undefined;
  for (const [k, x] of Object.entries(e.details ?? {})) {
    // "from" repeats the source in words.
    if (k === 'from' && e.source && x === describeSource(e.source)) continue;
    if (resourceName && typeof x === 'string' && x.length >= 2 && !/^\d+$/.test(x) && (tokens ??= nameTokens(resourceName)).has(x)) continue;
    rows.push({ label: labelOf(k), value: valueView(x), literal: typeof x !== 'object' || x === null });
  }
  return rows;
}

/** One line of evidence for line-oriented formats: "observed true · expected false · config x (topic override)". */
export function evidenceLine(e: Evidence | undefined): string {
  if (!e) return '';
  return evidenceRows(e)
    .filter((r) => r.label.startsWith('observed') || r.label === 'expected' || r.label === 'config' || r.label === 'source')
    .map((r) => `${r.label} ${r.value}`)
    .join(' · ');
}

/** The first sentence of a remediation text (a period followed by a space, outside `code`). */
export function firstSentence(text: string): string {
  let inCode = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '`') inCode = !inCode;
    else if (!inCode && ch === '.' && (i === text.length - 1 || /\s/.test(text[i + 1]!))) return text.slice(0, i + 1);
  }
  return text;
}

export function checkTitle(c: CheckResult): string {
  const failing = c.findings.some((f) => !f.waiver && (f.status === 'fail' || f.status === 'warn'));
  return failing && c.failureTitle ? c.failureTitle : c.title;
}

function checkView(c: CheckResult): CheckView {
  const open = c.findings.filter((f) => !f.waiver);
  const sorted = [...open].sort((a, b) => sevIndex(a.severity) - sevIndex(b.severity) || (a.status === b.status ? 0 : a.status === 'fail' ? -1 : 1));
  const severity = sorted[0]?.severity ?? c.severity;
  const status = open.some((f) => f.status === 'fail') ? 'fail' : 'warn';
  const reach = new Set(open.map((f) => resourceLabel(f.resource))).size;
  const rows = sorted.map((f) => evidenceRows(f.evidence, f.resource.name));
  const key = (r: EvidenceRow) => `${r.label}\u0000${r.value}`;
  // Rows of the first finding that every finding has: each finding's keys spelled once, and the search stops
  // as soon as nothing is shared (thousands of findings, each compared with the first).
  const shared = rows.length > 1 ? new Set(rows[0]!.map(key)) : new Set<string>();
  for (let i = 1; i < rows.length && shared.size; i++) {
    const own = new Set(rows[i]!.map(key));
    for (const k of shared) if (!own.has(k)) shared.delete(k);
  }
  const common = rows.length > 1 ? rows[0]!.filter((r) => shared.has(key(r))) : [];
  const commonKeys = new Set(common.map(key));
  return {
    check: c,
    title: checkTitle(c),
    severity,
    status,
    findings: sorted.map((f, i) => ({ finding: f, resource: resourceLabel(f.resource), rows: rows[i]!, ownRows: commonKeys.size ? rows[i]!.filter((r) => !commonKeys.has(key(r))) : rows[i]! })),
    commonRows: common,
    fix: firstSentence(c.remediation),
    resources: capList([...new Set(sorted.map((f) => resourceLabel(f.resource)))], 3),
    rank: Math.round(RANK_SEVERITY[severity] * (1 + Math.log10(Math.max(1, reach))) * (status === 'fail' ? 1 : 0.5) * 100) / 100,
  };
}

function gateView(report: Report): GateView {
  const g = report.gate;
  // The built-in coverage floor is always there (the gate fails closed); alone and met, it is not a gate anyone set.
  const floor = g.rules.find((r) => r.rule === 'min-coverage' && r.origin === 'default minimum coverage');
  if (g.passed && g.rules.every((r) => r === floor)) {
    const also = floor ? ` Only the built-in coverage minimum applies (${floor.message}).` : '';
    return { state: 'none', label: 'no gate', detail: `No gate set: this run fails a pipeline only when it can see too little.${also} Set --fail-under, --fail-on, --min-coverage or gate: in readiness.yaml.` };
  }
  if (g.passed) return { state: 'passed', label: 'passed', detail: g.reasons.join('; ') };
  const decided = g.rules.find((r) => !r.passed);
  return { state: 'failed', label: 'failed', detail: decided ? decided.message : g.reasons.join('; ') };
}

function zoneLossView(report: Report): ZoneLossView | { reason: string } {
  const c = report.checks.find((x) => x.id === 'replication/zone-loss');
  if (!c) return { reason: 'the zone-loss check is not part of this run' };
  if (!['pass', 'warn', 'fail', 'waived'].includes(c.status)) return { reason: c.reason ?? `zone-loss check ${c.status}` };
  const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : 0);
  const zones = new Map<string, ZoneLossView['zones'][number]>();
  for (const r of report.cluster.racks) zones.set(r, { zone: r, offline: 0, writesBlocked: 0, underReplicated: 0 });
  for (const f of c.findings) {
    const o = (f.evidence?.observed ?? {}) as Record<string, unknown>;
    zones.set(f.resource.name, { zone: f.resource.name, offline: num(o.offline), writesBlocked: num(o.writesBlocked), underReplicated: num(o.underReplicated) });
  }
  if (zones.size === 0) return { reason: c.reason ?? 'no zones (broker.rack) are set' };
  return { zones: [...zones.values()].sort((a, b) => a.zone.localeCompare(b.zone)) };
}

function lagView(report: Report): LagView | { reason: string } {
  const lag = report.checks.find((x) => x.id === 'consumer-lag/time-lag');
  const ttl = report.checks.find((x) => x.id === 'consumer-lag/time-to-data-loss');
  const groups = new Map<string, LagView['groups'][number]>();
  const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : null);
  for (const f of lag?.findings ?? []) {
    const g = groups.get(f.resource.name) ?? { group: f.resource.name, lagMs: null, ttlMs: null };
    g.lagMs = num(f.evidence?.details?.timeLagMs);
    groups.set(f.resource.name, g);
  }
  for (const f of ttl?.findings ?? []) {
    const g = groups.get(f.resource.name) ?? { group: f.resource.name, lagMs: null, ttlMs: null };
    g.ttlMs = num(f.evidence?.details?.ttlMs);
    groups.set(f.resource.name, g);
  }
  if (groups.size) return { groups: [...groups.values()].sort((a, b) => (b.lagMs ?? 0) - (a.lagMs ?? 0) || a.group.localeCompare(b.group)) };
  const notRun = [lag, ttl].find((c) => c && c.status !== 'pass');
  if (notRun?.reason) return { reason: `no lag over time: ${notRun.reason}` };
  return { reason: 'no group is behind in time or close to losing records' };
}

function costView(report: Report): ReportView['cost'] {
  const drivers = report.cost.drivers.filter((d) => d.monthly > 0);
  if (drivers.length) return { drivers: [...drivers].sort((a, b) => b.monthly - a.monthly) };
  const why = report.cost.assumptions.find((a) => /observ|ingress|unknown/i.test(a));
  return { reason: `no cost figures: ${why ?? 'every cost driver is 0 for this cluster'}` };
}

export function buildView(report: Report): ReportView {
  const withOpen = report.checks.filter((c) => c.findings.some((f) => !f.waiver));
  const views = withOpen.map(checkView);
  const byRank = (a: CheckView, b: CheckView) => b.rank - a.rank || sevIndex(a.severity) - sevIndex(b.severity) || a.check.id.localeCompare(b.check.id);
  const fixFirst = [...views].sort(byRank);
  const byArea = areaOrder(report)
    .map((area) => ({ area, checks: views.filter((v) => v.check.area === area).sort(byRank) }))
    .filter((g) => g.checks.length > 0);
  const severityByArea = checksByArea(report)
    .map(({ area, checks }) => {
      const counts = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
      for (const c of checks) for (const f of c.findings) if (!f.waiver) counts[f.severity]++;
      return { area, counts };
    })
    .filter((a) => SEVERITIES.some((s) => a.counts[s] > 0));
  const b = report.baseline;
  const bySev = (x: FindingRef, y: FindingRef) => sevIndex(x.severity) - sevIndex(y.severity) || x.check.localeCompare(y.check) || x.resource.localeCompare(y.resource);
  return {
    report,
    fixFirst,
    byArea,
    openFindings: views.reduce((n, v) => n + v.findings.length, 0),
    passed: report.checks.filter((c) => c.status === 'pass'),
    notApplicable: report.checks.filter((c) => c.status === 'not-applicable' || c.status === 'skipped'),
    waived: report.checks.filter((c) => c.findings.length > 0 && c.findings.every((f) => f.waiver)),
    notRun: report.checks.filter((c) => c.status === 'unknown' || c.status === 'error'),
    gate: gateView(report),
    severityByArea,
    zoneLoss: zoneLossView(report),
    lag: lagView(report),
    cost: costView(report),
    baseline: b ? { file: b.file, score: b.score, newFindings: [...b.newFindings].sort(bySev), fixedFindings: [...b.fixedFindings].sort(bySev) } : null,
  };
}

/** "12 min", "3.4 h", "2.1 d" */
export function durationText(ms: number): string {
  const abs = Math.abs(ms);
  if (abs < 60_000) return `${Math.round(ms / 1000)} s`;
  if (abs < 3_600_000) return `${Math.round(ms / 60_000)} min`;
  if (abs < 86_400_000) return `${Math.round(ms / 360_000) / 10} h`;
  return `${Math.round(ms / 8_640_000) / 10} d`;
}
