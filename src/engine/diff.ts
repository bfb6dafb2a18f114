// Compares two reports (e.g. main branch vs this change): findings that are new, fixed or changed, and the
// score change. A finding is identified by check id + resource, so messages may change without making it new.
// Pure: reading report files is src/commands/report-file.ts, rendering a diff is src/report/diff-render.ts.

import type { Finding, FindingRef, Report } from '../report/model.js';
import { evaluateGate, gateOf } from './score.js';

export type { FindingRef };

export interface ReportDiff {
  base: { generatedAt: string; score: number | null; coverage: number; verdict: string };
  head: { generatedAt: string; score: number | null; coverage: number; verdict: string };
  scoreChange: number | null;
  coverageChange: number;
  newFindings: FindingRef[];
  fixedFindings: FindingRef[];
  changedFindings: { before: FindingRef; after: FindingRef }[];
}

const key = (f: FindingRef) => `${f.check}\u0000${f.resource}`;

function openFindings(report: Report): FindingRef[] {
  return report.checks.flatMap((c) =>
    c.findings
      .filter((f: Finding) => !f.waiver)
      .map((f) => ({ check: c.id, resource: `${f.resource.kind} ${f.resource.name}`, status: f.status, severity: f.severity, message: f.message })),
  );
}

export function diffReports(base: Report, head: Report): ReportDiff {
  const before = new Map(openFindings(base).map((f) => [key(f), f]));
  const after = new Map(openFindings(head).map((f) => [key(f), f]));
  const newFindings = [...after.values()].filter((f) => !before.has(key(f)));
  const fixedFindings = [...before.values()].filter((f) => !after.has(key(f)));
  const changedFindings = [...after.values()]
    .filter((f) => before.has(key(f)))
    .map((f) => ({ before: before.get(key(f))!, after: f }))
    .filter(({ before: b, after: a }) => b.status !== a.status || b.severity !== a.severity);
  const summary = (r: Report) => ({ generatedAt: r.generatedAt, score: r.summary.score, coverage: r.summary.coverage, verdict: r.summary.verdict });
  return {
    base: summary(base),
    head: summary(head),
    scoreChange: base.summary.score !== null && head.summary.score !== null ? Math.round((head.summary.score - base.summary.score) * 10) / 10 : null,
    coverageChange: Math.round((head.summary.coverage - base.summary.coverage) * 10) / 10,
    newFindings,
    fixedFindings,
    changedFindings,
  };
}

/**
 * The report with its new/fixed findings against a baseline report; with failOnNew the gate is decided by the
 * new findings only (and minimum coverage and expired waivers, which always count). A pure step after the one
 * evaluation.
 */
export function applyBaseline(report: Report, baseline: Report, file: string, failOnNew: boolean): Report {
  const d = diffReports(baseline, report);
  const comparison = { file, generatedAt: baseline.generatedAt, score: baseline.summary.score, newFindings: d.newFindings, fixedFindings: d.fixedFindings };
  if (!failOnNew) return { ...report, baseline: comparison };
  const newFindings = { count: d.newFindings.length, examples: d.newFindings.slice(0, 3).map((f) => `${f.check} on ${f.resource}`), origin: `--baseline ${file}` };
  // The evaluation's coverage and expired-waiver rules stay (the gate fails closed whatever the baseline says);
  // the new findings replace --fail-under and --fail-on.
  const kept = report.gate.rules.filter((r) => r.rule === 'min-coverage' || r.rule === 'expired-waiver');
  const [newRule] = evaluateGate(report.summary.score, report.summary.coverage, report.checks, [], { newFindings }).rules;
  const gate = gateOf([...kept, newRule!], null);
  return { ...report, baseline: comparison, gate };
}
