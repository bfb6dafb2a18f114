// JUnit XML for CI test reporters (GitLab, Jenkins, dorny/test-reporter, mikepenz/action-junit-report): one
// <testsuite> per area, one <testcase> per finding, one passing <testcase> per check for the resources that
// passed, <skipped> for checks that did not apply, were disabled or whose finding is waived, and <error> for
// checks that could not run (never a pass). Valid against the Ant JUnit schema (windyroad JUnit.xsd) and the
// Jenkins xunit junit-10.xsd; docs/report-format.md says which element means what.
//
// Test names are stable: "<check id> on <resource>" (plus "#2"… when one check reports a resource twice), sorted,
// with no counts or values in them, so two evaluations of an unchanged cluster give identical names and CI
// history lines up. A warn finding is a <failure> by default; JUnitOptions.warnAs makes it skipped or a pass.
//
// Every string from the report goes through xmlText / xmlAttr: topic names and messages are cluster data.

import type { Evidence } from '../../sdk.js';
import type { CheckResult, CutoverChecklist, Finding, Report, WaiverRef } from '../model.js';
import { CUTOVER_INTRO, CUTOVER_LABEL, cutoverItemLines } from './cutover.js';
import { resourceLabel } from '../format.js';
import { checkTitle, checksByArea, evidenceRows } from '../view.js';
import { burstLines } from './probe.js';

/** What a warn finding can become (the --junit-warn choices). */
export const JUNIT_WARN_AS = ['failure', 'skipped', 'pass'] as const;
export type JunitWarnAs = (typeof JUNIT_WARN_AS)[number];

export interface JUnitOptions {
  /** What a warn finding becomes: a failure (default), skipped, or a pass. */
  warnAs?: JunitWarnAs;
}

/** Characters XML 1.0 does not allow anywhere (C0 controls but tab/LF/CR, lone surrogates, U+FFFE, U+FFFF). */
const ILLEGAL_XML_CHARS = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Text content: illegal characters dropped, `& < >` escaped (`>` too, so `]]>` cannot appear). */
export function xmlText(value: unknown): string {
  return String(value ?? '')
    .replace(ILLEGAL_XML_CHARS, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

/** A double-quoted attribute value: as xmlText plus quotes, and tab/LF/CR as character references so they survive attribute normalisation. */
export function xmlAttr(value: unknown): string {
  return xmlText(value).replace(/"/g, '&quot;').replace(/'/g, '&apos;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;');
}

type Outcome =
  | { kind: 'pass' }
  | { kind: 'failure' | 'error' | 'skipped'; type?: string; message: string; body: string };

interface TestCase {
  classname: string;
  name: string;
  outcome: Outcome;
}



function evidenceLines(e: Evidence | undefined): string[] {
  return evidenceRows(e).map((r) => `${r.label}: ${r.value}`);
}

function waiverText(w: WaiverRef): string {
  return `waiver ${w.ticket} (owner ${w.owner}, expires ${w.expires}): ${w.reason}`;
}

function checkLines(c: CheckResult): string[] {
  const lines = [`check: ${c.id} (${checkTitle(c)}, ${c.severity}, area ${c.area})`, `remediation: ${c.remediation}`];
  for (const r of c.references) lines.push(`see: ${r.title} <${r.url}>`);
  return lines;
}


/** The testcases of one check, sorted by their (stable) names. */
function checkCases(c: CheckResult, warnAs: NonNullable<JUnitOptions['warnAs']>): TestCase[] {
  const cases: TestCase[] = [];
  const add = (name: string, outcome: Outcome) => cases.push({ classname: c.id, name, outcome });

  if (c.status === 'unknown' || c.status === 'error') {
    const what = c.status === 'unknown' ? 'could not check' : 'check error';
    const body = [
      `${c.status.toUpperCase()}: ${c.reason ?? what}`,
      ...(c.missing ?? []).map((m) => `missing artifact ${m.artifact}: ${m.error.reason}: ${m.error.message}`),
      'Not run, so not a pass: it lowers coverage and is left out of the score.',
      ...checkLines(c),
    ];
    add(`${c.id} (${what})`, { kind: 'error', type: c.status, message: `${what}: ${c.reason ?? 'no reason given'}`, body: body.join('\n') });
  } else if (c.status === 'not-applicable' || c.status === 'skipped') {
    const what = c.status === 'not-applicable' ? 'not applicable' : 'skipped';
    add(`${c.id} (${what})`, { kind: 'skipped', message: `${what}: ${c.reason ?? ''}`.trim(), body: '' });
  }

  const seen = new Map<string, number>();
  const findingCases: TestCase[] = [];
  for (const f of c.findings) {
    const base = `${c.id} on ${resourceLabel(f.resource)}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    findingCases.push({ classname: c.id, name: n > 1 ? `${base} #${n}` : base, outcome: findingOutcome(c, f, warnAs) });
  }
  // Resources seen but not judged beside findings: each an error, never a pass (an unknown check has one above).
  if (c.status !== 'unknown') {
    for (const r of c.notJudged?.resources ?? []) {
      findingCases.push({ classname: c.id, name: `${c.id} on ${resourceLabel(r.resource)} (could not judge)`, outcome: { kind: 'error', type: 'unknown', message: `could not judge: ${r.reason}`, body: ['Not judged, so not a pass.', ...checkLines(c)].join('\n') } });
    }
  }
  cases.push(...findingCases.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)));

  // No count in the name: it would change whenever a resource is added.
  if (c.counts.pass > 0) add(`${c.id} (passing resources)`, { kind: 'pass' });
  // A check that ran over nothing still shows up, as a pass with nothing to check.
  if (cases.length === 0) add(`${c.id} (no resources to check)`, { kind: 'pass' });
  return cases;
}

function findingOutcome(c: CheckResult, f: Finding, warnAs: NonNullable<JUnitOptions['warnAs']>): Outcome {
  const head = `${f.status.toUpperCase()} (${f.severity}) ${resourceLabel(f.resource)}: ${f.message}`;
  if (f.waiver) {
    const body = [`WAIVED ${resourceLabel(f.resource)}: ${f.message}`, waiverText(f.waiver), ...evidenceLines(f.evidence), ...checkLines(c)];
    return { kind: 'skipped', message: `waived: ${f.waiver.reason} (${f.waiver.ticket})`, body: body.join('\n') };
  }
  const body = [head, ...evidenceLines(f.evidence)];
  if (f.expiredWaiver) body.push(`EXPIRED ${waiverText(f.expiredWaiver)}: the finding counts again`);
  body.push(...checkLines(c));
  // An expired waiver always fails: it fails the gate too.
  if (f.status === 'warn' && !f.expiredWaiver && warnAs !== 'failure') {
    return warnAs === 'pass' ? { kind: 'pass' } : { kind: 'skipped', message: `warning: ${f.message}`, body: body.join('\n') };
  }
  return { kind: 'failure', type: f.status === 'fail' ? 'fail' : 'warning', message: f.message, body: body.join('\n') };
}

function testcaseLines(tc: TestCase): string[] {
  const open = `    <testcase classname="${xmlAttr(tc.classname)}" name="${xmlAttr(tc.name)}" time="0"`;
  const o = tc.outcome;
  if (o.kind === 'pass') return [`${open}/>`];
  const type = o.type !== undefined ? ` type="${xmlAttr(o.type)}"` : '';
  const element = `<${o.kind}${type} message="${xmlAttr(o.message)}"`;
  return [`${open}>`, `      ${element}${o.body ? `>${xmlText(o.body)}</${o.kind}>` : '/>'}`, '    </testcase>'];
}

/** Ant's xs:dateTime without zone (UTC), or the epoch when the report's time does not parse. */
function antTimestamp(...candidates: string[]): string {
  for (const t of candidates) {
    const ms = Date.parse(t);
    if (!Number.isNaN(ms)) return new Date(ms).toISOString().slice(0, 19);
  }
  return '1970-01-01T00:00:00';
}

export function renderJunit(report: Report, opts: JUnitOptions = {}): string {
  const warnAs = opts.warnAs ?? 'failure';
  const s = report.summary;
  const timestamp = antTimestamp(report.snapshot.takenAt, report.generatedAt);
  const hostname = report.snapshot.target.bootstrap.join(',').trim() || 'localhost';
  const out: string[] = ['<?xml version="1.0" encoding="UTF-8"?>', '<testsuites>'];
  let id = 0;
  for (const { area, checks } of checksByArea(report)) {
    const cases = checks.flatMap((c) => checkCases(c, warnAs));
    const count = (k: Outcome['kind']) => cases.filter((tc) => tc.outcome.kind === k).length;
    const a = report.areas.find((x) => x.area === area);
    out.push(
      `  <testsuite name="${xmlAttr(area)}" package="${xmlAttr(area)}" id="${id++}" timestamp="${timestamp}" hostname="${xmlAttr(hostname)}" ` +
        `tests="${cases.length}" failures="${count('failure')}" errors="${count('error')}" skipped="${count('skipped')}" time="0">`,
    );
    const props: [string, unknown][] = [
      ['kafka-readiness.version', report.tool.version],
      ['cluster.id', report.cluster.clusterId ?? ''],
      ['snapshot.takenAt', report.snapshot.takenAt],
      ['report.verdict', s.verdict],
      ['report.score', s.score ?? 'n/a'],
      ['report.coverage', s.coverage],
      ['report.gate', report.gate.passed ? 'passed' : 'failed'],
      ['area.score', a?.score ?? 'n/a'],
      ['area.coverage', a?.coverage ?? 'n/a'],
      ['area.weight', a?.weight ?? 'n/a'],
    ];
    out.push('    <properties>');
    for (const [name, value] of props) out.push(`      <property name="${xmlAttr(name)}" value="${xmlAttr(value)}"/>`);
    out.push('    </properties>');
    for (const tc of cases) out.push(...testcaseLines(tc));
    const notes = [
      `kafka-readiness ${report.tool.version}: verdict ${s.verdict}, score ${s.score ?? 'n/a'}/100, coverage ${s.coverage} %, gate ${report.gate.passed ? 'passed' : 'failed'}`,
      `area ${area}: score ${a?.score ?? 'n/a'}, coverage ${a?.coverage ?? 'n/a'} %, ${a ? `${a.checks.evaluated}/${a.checks.total} checks evaluated` : `${checks.length} checks`}`,
      ...checks.filter((c) => c.partial?.length).map((c) => `${c.id}: covers only the readable part of ${c.partial!.join(', ')}`),
    ];
    out.push(`    <system-out>${xmlText(notes.join('\n'))}</system-out>`, '    <system-err/>', '  </testsuite>');
  }
  if (report.cutover) out.push(...cutoverSuite(report.cutover, report, `id="${id++}" timestamp="${timestamp}" hostname="${xmlAttr(hostname)}"`));
  if (report.probe) out.push(...probeSuite(report, id++, timestamp, hostname));
  out.push('</testsuites>');
  return `${out.join('\n')}\n`;
}

/**
 * The cut-over checklist of a compare report as one more suite, "cutover": a testcase per item, classname the
 * phase. Met is a pass, not-met a failure, unknown a skipped with the reason (never a pass: nothing was seen to
 * hold; the deciding check's own error is in the migration suite).
 */
function cutoverSuite(c: CutoverChecklist, report: Report, attrs: string): string[] {
  const cases: TestCase[] = [];
  for (const p of c.phases) {
    for (const i of p.items) {
      const classname = `cutover/${p.id}`;
      const name = `cutover/${p.id}/${i.id}: ${i.title}`;
      const body = [`${CUTOVER_LABEL[i.status]}: ${p.title}: ${i.title}`, ...cutoverItemLines(i)].join('\n');
      if (i.status === 'met') cases.push({ classname, name, outcome: { kind: 'pass' } });
      else if (i.status === 'not-met') {
        const n = i.resources.length;
        cases.push({ classname, name, outcome: { kind: 'failure', type: 'not-met', message: `not met: ${i.title} (${n} finding${n === 1 ? '' : 's'} of ${i.checks.map((x) => x.id).join(', ')})`, body } });
      } else cases.push({ classname, name, outcome: { kind: 'skipped', message: `unknown: ${i.reasons.join('; ') || 'could not be decided'}`, body } });
    }
  }
  const count = (k: Outcome['kind']) => cases.filter((tc) => tc.outcome.kind === k).length;
  const out = [`  <testsuite name="cutover" package="cutover" ${attrs} tests="${cases.length}" failures="${count('failure')}" errors="0" skipped="${count('skipped')}" time="0">`, '    <properties>'];
  const props: [string, unknown][] = [['cutover.status', c.status], ...c.phases.map((p): [string, unknown] => [`cutover.${p.id}.status`, p.status]), ['report.gate', report.gate.passed ? 'passed' : 'failed']];
  for (const [name, value] of props) out.push(`      <property name="${xmlAttr(name)}" value="${xmlAttr(value)}"/>`);
  out.push('    </properties>');
  for (const tc of cases) out.push(...testcaseLines(tc));
  const notes = [`Cut-over checklist: ${CUTOVER_LABEL[c.status]}`, CUTOVER_INTRO, ...c.phases.map((p) => `${p.title}: ${CUTOVER_LABEL[p.status]}`)];
    out.push(`    <system-out>${xmlText(notes.join('\n'))}</system-out>`, '    <system-err/>', '  </testsuite>');
  return out;
}

/**
 * The write probe's measurements as a suite of their own: the burst numbers as properties, one testcase per
 * matrix cell and one for the burst. Judging is the checks' job (compatibility/client-matrix and
 * compatibility/burst in the compatibility suite, where waivers and thresholds apply), so a cell that did not pass
 * is <skipped> with what was measured, never a second failure for the same finding.
 */
function probeSuite(report: Report, id: number, timestamp: string, hostname: string): string[] {
  const p = report.probe!;
  const cases: { name: string; skipped?: string }[] = [];
  for (const c of p.clients.filter((x) => !x.available)) cases.push({ name: `probe client ${c.name}`, skipped: `not available here: ${c.reason ?? 'no reason given'}` });
  for (const row of p.matrix) for (const x of row.cells) cases.push({ name: `probe ${x.client} ${row.capability}`, ...(x.status === 'pass' ? {} : { skipped: `${x.status}: ${x.message}` }) });
  cases.push({ name: 'probe burst', ...(p.burst.status === 'measured' ? {} : { skipped: `${p.burst.status}: ${p.burst.reason ?? ''}` }) });
  if (p.error) cases.push({ name: 'probe run', skipped: `the probe did not run: ${p.error.reason}: ${p.error.message}` });
  const n = p.burst.numbers;
  const props: [string, unknown][] = [
    ['probe.topic', p.topic?.name ?? ''],
    ['probe.clients', p.clients.map((c) => `${c.name} ${c.version ?? ''}${c.available ? '' : ' (not available)'}`.trim()).join(', ')],
    ['probe.burst.status', p.burst.status],
    ...(n
      ? ([
          ['probe.burst.records', n.records],
          ['probe.burst.recordBytes', n.recordBytes],
          ['probe.burst.produceRecordsPerSec', n.produceRecordsPerSec],
          ['probe.burst.produceMBPerSec', n.produceMBPerSec],
          ['probe.burst.latencyP50Ms', n.latencyMs.p50],
          ['probe.burst.latencyP99Ms', n.latencyMs.p99],
          ['probe.burst.latencyMaxMs', n.latencyMs.max],
          ['probe.burst.consumers', n.consumers],
          ['probe.burst.drainMs', n.drainMs],
          ['probe.burst.readRecordsPerSec', n.readRecordsPerSec],
          ['probe.burst.readMBPerSec', n.readMBPerSec],
        ] as [string, unknown][])
      : []),
  ];
  const skipped = cases.filter((c) => c.skipped !== undefined).length;
  const out = [
    `  <testsuite name="probe" package="probe" id="${id}" timestamp="${timestamp}" hostname="${xmlAttr(hostname)}" tests="${cases.length}" failures="0" errors="0" skipped="${skipped}" time="${Math.round((p.durationMs ?? 0) / 100) / 10}">`,
    '    <properties>',
    ...props.map(([name, value]) => `      <property name="${xmlAttr(name)}" value="${xmlAttr(value)}"/>`),
    '    </properties>',
  ];
  for (const c of cases) {
    const open = `    <testcase classname="probe" name="${xmlAttr(c.name)}" time="0"`;
    out.push(c.skipped === undefined ? `${open}/>` : `${open}>\n      <skipped message="${xmlAttr(c.skipped)}"/>\n    </testcase>`);
  }
  const notes = [...burstLines(p.burst), 'Judged by compatibility/client-matrix and compatibility/burst (compatibility suite).'];
  out.push(`    <system-out>${xmlText(notes.join('\n'))}</system-out>`, '    <system-err/>', '  </testsuite>');
  return out;
}
