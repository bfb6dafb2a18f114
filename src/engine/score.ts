// Scoring, coverage, verdict and gate. The formula is printed in every report, so keep it this simple.

import { cutoverChecklist } from './cutover.js';
import { probeReport } from './probe-report.js';
import type { ReadinessConfig } from '../config/readiness.js';
import type { ArtifactError, Snapshot } from '../model/snapshot.js';
import { BUILT_IN_AREAS, SEVERITIES, type Severity } from '../sdk.js';
import { type AreaScore, type CheckResult, type CheckStatus, type GateResult, type GateRule, type Report, REPORT_VERSION, type Verdict, type WaiverState } from '../report/model.js';
import { platformOf, round1, SEVERITY_WEIGHT } from './evaluate.js';
import { costReport, DEFAULT_PRICES } from './cost.js';
import { permissionReport } from './permissions.js';
import { applyWaivers } from './waivers.js';

export const FORMULA =
  'check score = 100 × (pass + 0.5 × warn) / resources evaluated; ' +
  'area score = Σ(check weight × check score) / Σ check weight, over checks that evaluated; ' +
  'overall score = Σ(area weight × area score) / Σ area weight, over areas with a score; ' +
  'coverage = Σ weight of evaluated checks / Σ weight of applicable checks (unknown and error are applicable but not evaluated; not-applicable and skipped are neither); ' +
  `default check weights by severity: ${SEVERITIES.map((s) => `${s} ${SEVERITY_WEIGHT[s]}`).join(', ')}`;

const EVALUATED: CheckStatus[] = ['pass', 'warn', 'fail', 'waived'];
const APPLICABLE: CheckStatus[] = [...EVALUATED, 'unknown', 'error'];

function coverageOf(checks: CheckResult[]): number {
  const applicable = checks.filter((c) => APPLICABLE.includes(c.status)).reduce((s, c) => s + c.weight, 0);
  const evaluated = checks.filter((c) => EVALUATED.includes(c.status)).reduce((s, c) => s + c.weight, 0);
  return applicable === 0 ? 100 : round1((100 * evaluated) / applicable);
}

export function scoreAreas(checks: CheckResult[], config: ReadinessConfig): AreaScore[] {
  const areas = [...new Set([...BUILT_IN_AREAS, ...checks.map((c) => c.area)])];
  return areas.map((area) => {
    const inArea = checks.filter((c) => c.area === area);
    const evaluated = inArea.filter((c) => EVALUATED.includes(c.status) && c.weight > 0 && c.score !== null);
    const w = evaluated.reduce((s, c) => s + c.weight, 0);
    const score = w > 0 ? round1(evaluated.reduce((s, c) => s + c.weight * (c.score ?? 0), 0) / w) : null;
    return {
      area,
      weight: config.areas[area]?.weight ?? 1,
      score,
      coverage: coverageOf(inArea),
      checks: {
        total: inArea.length,
        evaluated: inArea.filter((c) => EVALUATED.includes(c.status)).length,
        unknown: inArea.filter((c) => c.status === 'unknown').length,
        error: inArea.filter((c) => c.status === 'error').length,
      },
    };
  });
}

export function overallScore(areas: AreaScore[]): number | null {
  const scored = areas.filter((a) => a.score !== null && a.weight > 0);
  const w = scored.reduce((s, a) => s + a.weight, 0);
  return w > 0 ? round1(scored.reduce((s, a) => s + a.weight * a.score!, 0) / w) : null;
}

/** Minimum coverage when neither a flag, readiness.yaml nor a profile sets one: below it nothing is judged. */
export const DEFAULT_GATE_MIN_COVERAGE = 50;

export function decideVerdict(
  score: number | null,
  coverage: number,
  checks: CheckResult[],
  config: ReadinessConfig,
  assessable?: { value: number; origin: string },
): { verdict: Verdict; reasons: string[] } {
  const { readyScore, notReadyBelow, minCoverage } = config.scoring;
  const failing = (sev: Severity) => checks.flatMap((c) => c.findings.filter((f) => f.status === 'fail' && f.severity === sev && !f.waiver).map((f) => `${c.id} on ${f.resource.kind} ${f.resource.name}`));
  const notReady: string[] = [];
  const risks: string[] = [];
  const by = config.profile ? ` (profile ${config.profile.name})` : '';
  const critical = failing('critical');
  if (critical.length) notReady.push(`${critical.length} critical finding(s), e.g. ${critical[0]}`);
  if (score === null) risks.push('no check could be evaluated, so there is no score');
  else if (score < notReadyBelow) notReady.push(`score ${score} is below ${notReadyBelow}${by}`);
  else if (score < readyScore) risks.push(`score ${score} is below ${readyScore}${by}`);
  const high = failing('high');
  if (high.length) risks.push(`${high.length} high-severity finding(s), e.g. ${high[0]}`);
  if (coverage < minCoverage) risks.push(`coverage ${coverage} % is below ${minCoverage} %${by}: part of the cluster could not be checked`);
  // Say which profile set the severities and thresholds: the same cluster can be ready for dev and not for production.
  const profileNote = config.profile ? [`severities and thresholds from profile ${config.profile.name}: ${config.profile.description}`] : [];
  // Fail closed: a scan that saw too little cannot be called ready (nor judged at all), whatever it did see.
  if (assessable && (coverage < assessable.value || score === null)) {
    const why = score === null ? 'no check could be evaluated' : `coverage ${coverage} % is below the minimum ${assessable.value} % (${assessable.origin})`;
    return { verdict: 'not-assessable', reasons: [`${why}: too little of the cluster could be checked to judge it; grant the read-only ACLs listed under permissions`, ...notReady, ...risks.filter((r) => !r.startsWith('coverage ')), ...profileNote] };
  }
  if (notReady.length) return { verdict: 'not-ready', reasons: [...notReady, ...risks, ...profileNote] };
  if (risks.length) return { verdict: 'ready-with-risks', reasons: [...risks, ...profileNote] };
  return { verdict: 'ready', reasons: [`score ${score} >= ${readyScore}, coverage ${coverage} % >= ${minCoverage} %, no critical or high finding${by}`, ...profileNote] };
}

export interface GateSettings {
  failUnder?: { value: number; origin: string };
  failOn?: { value: Severity; origin: string };
  minCoverage?: { value: number; origin: string };
  /** Findings not in the baseline (scan --baseline --fail-on-new). */
  newFindings?: { count: number; examples: string[]; origin: string };
}

/** Applies every configured gate rule; the first failing one decides exit code 1 and is named. */
export function evaluateGate(score: number | null, coverage: number, checks: CheckResult[], waivers: WaiverState[], settings: GateSettings): GateResult {
  const rules: GateRule[] = [];
  // Coverage is judged first: when the scan could see too little, no other rule means anything.
  if (settings.minCoverage) {
    const { value, origin } = settings.minCoverage;
    const passed = coverage >= value && score !== null;
    const message = score === null ? `no check could be evaluated; ${origin} requires coverage ${value} %` : coverage < value ? `coverage ${coverage} % is below ${origin} ${value} %: not assessable` : `coverage ${coverage} % >= ${value} %`;
    rules.push({ rule: 'min-coverage', passed, origin, message });
  }
  for (const w of waivers.filter((x) => x.state === 'expired')) {
    rules.push({ rule: 'expired-waiver', passed: false, origin: w.at, message: `waiver for ${w.check} on "${w.resource}" (${w.ticket}, owner ${w.owner}) expired on ${w.expires} (${w.at})` });
  }
  if (settings.failUnder) {
    const { value, origin } = settings.failUnder;
    rules.push(
      score === null
        ? { rule: 'fail-under', passed: false, origin, message: `no score could be computed; ${origin} requires ${value}` }
        : { rule: 'fail-under', passed: score >= value, origin, message: score < value ? `score ${score} is below ${origin} ${value}` : `score ${score} >= ${origin} ${value}` },
    );
  }
  if (settings.failOn) {
    const { value, origin } = settings.failOn;
    const rank = SEVERITIES.indexOf(value);
    const hits = checks.flatMap((c) => c.findings.filter((f) => !f.waiver && f.status === 'fail' && SEVERITIES.indexOf(f.severity) <= rank).map((f) => `${c.id} on ${f.resource.kind} ${f.resource.name} [${f.severity}]`));
    rules.push({ rule: 'fail-on', passed: hits.length === 0, origin, message: hits.length ? `${hits.length} failing finding(s) of severity ${value} or worse (${origin}), e.g. ${hits[0]}` : `no failing finding of severity ${value} or worse` });
  }
  if (settings.newFindings) {
    const { count, examples, origin } = settings.newFindings;
    rules.push({ rule: 'new-findings', passed: count === 0, origin, message: count ? `${count} finding(s) not in the baseline (${origin}), e.g. ${examples[0]}` : 'no finding beyond the baseline' });
  }
  return gateOf(rules, settings.failUnder?.value ?? null);
}

/** The gate's result from its evaluated rules, in order: the first failing rule decides. */
export function gateOf(rules: GateRule[], failUnder: number | null): GateResult {
  const failed = rules.filter((r) => !r.passed);
  return {
    passed: failed.length === 0,
    failUnder,
    rules,
    decidedBy: failed[0]?.rule ?? null,
    reasons: rules.length ? [...failed, ...rules.filter((r) => r.passed)].map((r) => r.message) : ['no gate configured (use --fail-under, --fail-on, --min-coverage or gate: in readiness.yaml)'],
  };
}

function gateSettings(config: ReadinessConfig, opts: { failUnder?: number; failOn?: Severity; minCoverage?: number; newFindings?: GateSettings['newFindings'] }): GateSettings {
  const at = (path: (string | number)[], name: string) => `${name} (${config.locate(path)})`;
  const g = config.gate;
  const s: GateSettings = {};
  // There is always a minimum coverage (flag, file, profile or built-in default): the gate fails closed.
  if (opts.minCoverage !== undefined) s.minCoverage = { value: opts.minCoverage, origin: '--min-coverage' };
  else if (config.userGate?.minCoverage !== undefined) s.minCoverage = { value: config.userGate.minCoverage, origin: at(['gate', 'minCoverage'], 'gate.minCoverage') };
  else if (g.minCoverage !== undefined) s.minCoverage = { value: g.minCoverage, origin: config.profile ? `profile ${config.profile.name}` : at(['gate', 'minCoverage'], 'gate.minCoverage') };
  else s.minCoverage = { value: DEFAULT_GATE_MIN_COVERAGE, origin: 'default minimum coverage' };
  // --fail-on-new: only findings the baseline lacks decide (and expired waivers and coverage, which always do).
  if (opts.newFindings) return { newFindings: opts.newFindings, minCoverage: s.minCoverage };
  if (opts.failUnder !== undefined) s.failUnder = { value: opts.failUnder, origin: '--fail-under' };
  else if (g.failUnder !== undefined) s.failUnder = { value: g.failUnder, origin: at(['gate', 'failUnder'], 'gate.failUnder') };
  else if (config.scoring.failUnder !== undefined) s.failUnder = { value: config.scoring.failUnder, origin: at(['scoring', 'failUnder'], 'scoring.failUnder') };
  if (opts.failOn) s.failOn = { value: opts.failOn, origin: '--fail-on' };
  else if (g.failOn) s.failOn = { value: g.failOn, origin: at(['gate', 'failOn'], 'gate.failOn') };
  return s;
}

export function buildReport(
  snapshot: Snapshot,
  evaluated: CheckResult[],
  config: ReadinessConfig,
  opts: { toolVersion: string; generatedAt: string; failUnder?: number; failOn?: Severity; minCoverage?: number; newFindings?: GateSettings['newFindings'] },
): Report {
  const { checks, waivers } = applyWaivers(evaluated, config, Date.parse(opts.generatedAt));
  const areas = scoreAreas(checks, config);
  const score = overallScore(areas);
  const coverage = coverageOf(checks);
  const gate = gateSettings(config, opts);
  const { verdict, reasons } = decideVerdict(score, coverage, checks, config, gate.minCoverage);
  const counts = Object.fromEntries(
    (['pass', 'warn', 'fail', 'waived', 'unknown', 'error', 'not-applicable', 'skipped'] as CheckStatus[]).map((s) => [s, checks.filter((c) => c.status === s).length]),
  ) as Record<CheckStatus, number>;
  const findings = Object.fromEntries(SEVERITIES.map((s) => [s, checks.reduce((n, c) => n + c.findings.filter((f) => f.severity === s && !f.waiver).length, 0)])) as Record<Severity, number>;

  const gaps = new Map<string, { artifact: string; error: ArtifactError; checks: string[] }>();
  for (const c of checks) {
    for (const m of (c.missing ?? []).filter((x) => x.error.reason !== 'not-requested')) {
      const g = gaps.get(m.artifact) ?? { artifact: m.artifact, error: m.error, checks: [] };
      g.checks.push(c.id);
      gaps.set(m.artifact, g);
    }
  }
  for (const [name, artifact] of Object.entries(snapshot.artifacts)) {
    if (!artifact.ok && artifact.error.reason !== 'not-requested' && !gaps.has(name)) gaps.set(name, { artifact: name, error: artifact.error, checks: [] });
  }

  const a = snapshot.artifacts;
  const brokers = a.cluster.ok ? a.cluster.value.brokers : [];
  return {
    reportVersion: REPORT_VERSION,
    tool: { name: 'kafka-readiness', version: opts.toolVersion },
    generatedAt: opts.generatedAt,
    cluster: {
      clusterId: a.cluster.ok ? a.cluster.value.clusterId : null,
      brokers: brokers.length,
      racks: [...new Set(brokers.map((b) => b.rack).filter((r): r is string => !!r))].sort(),
      topics: a.topics.ok ? a.topics.value.length : null,
      partitions: a.topics.ok ? a.topics.value.reduce((s, t) => s + t.partitions.length, 0) : null,
      groups: a.groups.ok ? a.groups.value.length : null,
      platform: platformOf(snapshot, config),
    },
    snapshot: { takenAt: snapshot.takenAt, target: snapshot.target, stats: snapshot.stats },
    summary: { score, coverage, verdict, verdictReasons: reasons, profile: config.profile ?? null, formula: FORMULA, counts, findings },
    areas,
    checks,
    gaps: [...gaps.values()].sort((x, y) => x.artifact.localeCompare(y.artifact)),
    permissions: permissionReport(snapshot, checks),
    cost: (() => {
      const platform = platformOf(snapshot, config).platform;
      // Amazon MSK does not bill replication traffic between brokers; self-managed clusters pay for it.
      const prices = { ...DEFAULT_PRICES, ...(platform === 'msk' ? { billReplicationTraffic: false } : {}), ...config.prices };
      return costReport(snapshot, prices, platform);
    })(),
    waivers,
    gate: evaluateGate(score, coverage, checks, waivers, gate),
    // Only a compare (a paired snapshot) has a cut-over to plan.
    ...(a.migration && (a.migration.ok || a.migration.error.reason !== 'not-requested') ? { cutover: cutoverChecklist(checks) } : {}),
    // Only a scan with the write probe has its matrix and burst numbers to show.
    ...withProbe(probeReport(a.probe)),
  };
}

const withProbe = (probe: ReturnType<typeof probeReport>) => (probe ? { probe } : {});
