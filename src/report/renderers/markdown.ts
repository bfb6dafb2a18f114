// GitHub-flavoured Markdown report for pull-request comments and tickets: a summary, not the record (the JSON
// report is). Untrusted strings (cluster data, plugin text) go through escapeMarkdown: no raw HTML, no
// accidental formatting, links, table breaks or @-mentions (resource names are set in <code>).

import { describeSource, SEVERITIES, type Evidence, type Resource } from '../../sdk.js';
import type { CheckResult, Finding, Report } from '../model.js';
import { valueText } from '../format.js';

export interface MarkdownOptions {
  /** Open findings listed in total (default 50); the rest are counted, the JSON report has them all. */
  maxFindings?: number;
}

const DEFAULT_MAX_FINDINGS = 50;

/**
 * Escapes text for inline Markdown (never at the start of a line), table cells included: `& < >` become
 * entities (so no raw HTML gets through), emphasis, code, link and table punctuation is backslash-escaped,
 * line breaks become spaces.
 */
export function escapeMarkdown(value: unknown): string {
  return String(value ?? '')
    .replace(/\r\n?|\n/g, ' ')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\\`*_[\]|~]/g, '\\$&');
}

const md = escapeMarkdown;

/** Inline code that is safe anywhere (tables too): an HTML <code> element whose content is escaped. */
function code(value: unknown): string {
  return `<code>${md(value)}</code>`;
}

/** Escaped text where `backtick spans` (used in remediation texts) stay code. */
function rich(text: string): string {
  return text
    .split(/(`[^`\n]+`)/)
    .map((part) => (part.length > 2 && part.startsWith('`') && part.endsWith('`') ? code(part.slice(1, -1)) : md(part)))
    .join('');
}


function resource(r: Resource): string {
  return r.kind === 'cluster' && r.name === 'cluster' ? 'cluster' : `${md(r.kind)} ${code(r.name)}`;
}

function evidence(e: Evidence | undefined): string {
  if (!e) return '';
  const parts = [`observed ${code(valueText(e.observed))}`, `expected ${md(e.expected)}`];
  if (e.config) parts.push(`config ${code(e.config)}${e.source ? ` (${md(describeSource(e.source) ?? e.source)})` : ''}`);
  return parts.join(' · ');
}

const score = (s: number | null) => (s === null ? 'n/a' : String(s));
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function areaOrder(report: Report): string[] {
  const order = report.areas.map((a) => a.area as string);
  for (const c of report.checks) if (!order.includes(c.area)) order.push(c.area);
  return order;
}

export function renderMarkdown(report: Report, opts: MarkdownOptions = {}): string {
  const max = opts.maxFindings ?? DEFAULT_MAX_FINDINGS;
  const s = report.summary;
  const cl = report.cluster;
  const t = report.snapshot.target;
  const out: string[] = [];

  out.push(`### Kafka readiness: ${md(s.verdict.toUpperCase())} · score ${md(score(s.score))}/100 · coverage ${md(s.coverage)} %`);
  out.push('');
  out.push(
    `Cluster ${cl.clusterId === null ? '(id unknown)' : code(cl.clusterId)} · ${plural(cl.brokers, 'broker')} · ${md(cl.platform.platform)} · ` +
      `scanned as ${t.principal ? code(t.principal) : 'ANONYMOUS'} over ${md(t.securityProtocol)}${t.saslMechanism ? `/${md(t.saslMechanism)}` : ''} at ${md(report.snapshot.takenAt)} · ` +
      `${md(report.tool.name)} ${md(report.tool.version)}`,
  );
  out.push('');
  for (const r of s.verdictReasons) out.push(`- ${md(r)}`);
  if (s.verdictReasons.length) out.push('');
  const g = report.gate;
  out.push(`**Gate: ${g.passed ? 'passed' : 'FAILED'}**${g.reasons.length ? ` — ${g.reasons.map(md).join('; ')}` : ''}`);
  out.push('');

  out.push('#### Areas');
  out.push('');
  out.push('| area | score | coverage | evaluated | could not check | errors |');
  out.push('| --- | ---: | ---: | ---: | ---: | ---: |');
  for (const a of report.areas) {
    if (a.checks.total === 0) continue;
    out.push(`| ${md(a.area)} | ${md(score(a.score))} | ${md(a.coverage)} % | ${a.checks.evaluated}/${a.checks.total} | ${a.checks.unknown} | ${a.checks.error} |`);
  }
  out.push('');

  // Findings: area → severity → check, capped over the whole report.
  const open = (c: CheckResult) => c.findings.filter((f) => !f.waiver);
  const total = report.checks.reduce((n, c) => n + open(c).length, 0);
  out.push(`#### Findings (${total})`);
  out.push('');
  if (total === 0) out.push('None.');
  let shown = 0;
  for (const area of areaOrder(report)) {
    const checks = report.checks.filter((c) => c.area === area && open(c).length > 0);
    if (checks.length === 0 || shown >= max) continue;
    out.push(`**${md(area)}**`);
    out.push('');
    for (const sev of SEVERITIES) {
      for (const c of checks) {
        const fs = open(c).filter((f) => f.severity === sev);
        if (fs.length === 0 || shown >= max) continue;
        const take = fs.slice(0, max - shown);
        shown += take.length;
        out.push(`- **${md(sev)}** ${code(c.id)} ${md(c.title)}`);
        for (const f of take) out.push(`  - ${findingLine(f)}`);
        if (take.length < fs.length) out.push(`  - … ${fs.length - take.length} more`);
        out.push(`  - fix: ${rich(c.remediation)}`);
      }
    }
    out.push('');
  }
  if (total > shown) {
    out.push(`… ${total - shown} more in the JSON report.`);
    out.push('');
  }

  const notRun = report.checks.filter((c) => c.status === 'unknown' || c.status === 'error');
  if (notRun.length) {
    out.push(`#### Could not check (${notRun.length})`);
    out.push('');
    out.push('Not run, so **not** a pass: these lower coverage and are left out of the score.');
    out.push('');
    for (const c of notRun) out.push(`- ${md(c.status.toUpperCase())} ${code(c.id)}: ${md(c.reason ?? '')}`);
    out.push('');
  }

  const waived = report.checks.flatMap((c) => c.findings.filter((f) => f.waiver).map((f) => ({ c, f })));
  if (report.waivers.length) {
    out.push(`#### Waivers (${report.waivers.length}; ${plural(waived.length, 'finding')} waived, not scored)`);
    out.push('');
    out.push('| state | check | resource | reason | owner | ticket | expires | matched | at |');
    out.push('| --- | --- | --- | --- | --- | --- | --- | ---: | --- |');
    for (const w of report.waivers) {
      const state = w.state === 'expired' ? '**EXPIRED**' : md(w.state);
      out.push(
        `| ${state} | ${code(w.check)} | ${w.kind ? `${md(w.kind)} ` : ''}${code(w.resource)} | ${md(w.reason)} | ${md(w.owner)} | ${md(w.ticket)} | ${md(w.expires)} | ${w.matched} | ${code(w.at)} |`,
      );
    }
    out.push('');
    for (const { c, f } of waived.slice(0, max)) out.push(`- waived: ${code(c.id)} ${resource(f.resource)}: ${md(f.message)} (${md(f.waiver!.ticket)})`);
    if (waived.length > max) out.push(`- … ${waived.length - max} more waived`);
    if (waived.length) out.push('');
  }

  const p = report.permissions;
  if (p.missing.length) {
    out.push(`#### Missing permissions of ${p.principal ? code(p.principal) : p.iamPolicy ? 'the IAM identity' : 'the anonymous principal'}`);
    out.push('');
    for (const m of p.missing) {
      out.push(`- ${md(m.permission)}: ${m.artifacts.map(code).join(', ')} unreadable → ${plural(m.checks.length, 'check')} could not run`);
    }
    const cmds = p.readOnlyAcls.filter((a) => a.missing);
    if (cmds.length) {
      out.push('');
      out.push('To grant the missing read-only ACLs:');
      out.push('');
      // Commands come from the tool (principal quoted by it); a fence longer than any backtick run keeps them verbatim.
      const body = cmds.map((a) => a.command.replace(/\r\n?|\n/g, ' ')).join('\n');
      const fence = '`'.repeat(Math.max(3, ...[...body.matchAll(/`+/g)].map((m) => m[0].length + 1)));
      out.push(`${fence}sh`, body, fence);
    }
    if (p.iamPolicy) {
      out.push('', 'As an IAM policy document for the scanning identity (MSK IAM):', '', '```json', p.iamPolicy, '```');
    }
    out.push('');
  }

  const cost = report.cost;
  out.push(`#### Cost estimate: ${md(cost.totalMonthly.toFixed(2))} ${md(cost.currency)} per month`);
  out.push('');
  out.push('| driver | monthly | basis |', '| --- | ---: | --- |');
  for (const d of cost.drivers) out.push(`| ${md(d.driver)} | ${md(d.monthly.toFixed(2))} | ${md(d.basis)} |`);
  if (cost.topTopics.length) {
    out.push('', '| top topics | stored GB | projected GB | cross-zone GB/month | monthly |', '| --- | ---: | ---: | ---: | ---: |');
    for (const t of cost.topTopics.slice(0, 5)) out.push(`| ${code(t.topic)} | ${t.storedGb} | ${t.projectedGb} | ${t.crossZoneGbMonth} | ${t.monthly.toFixed(2)} |`);
  }
  out.push('', `Prices: storage ${cost.prices.storagePerGbMonth} ${md(cost.currency)}/GB-month, cross-zone ${cost.prices.crossZonePerGb} ${md(cost.currency)}/GB${cost.prices.billReplicationTraffic ? '' : ' (replication not billed)'}. Assumptions: ${cost.assumptions.map(md).join('; ')}.`, '');

  out.push('<details><summary>Scoring formula</summary>');
  out.push('');
  out.push(`Formula: ${md(s.formula)}`);
  out.push('');
  const cnt = s.counts;
  out.push(
    `Checks: ${cnt.pass} pass, ${cnt.warn} warn, ${cnt.fail} fail, ${cnt.waived ?? 0} waived, ${cnt.unknown} unknown, ${cnt.error} error, ${cnt['not-applicable']} not applicable, ${cnt.skipped} skipped.`,
  );
  out.push('');
  out.push('</details>');
  return `${out.join('\n')}\n`;
}

function findingLine(f: Finding): string {
  const ev = evidence(f.evidence);
  const lapsed = f.expiredWaiver ? ` **waiver ${md(f.expiredWaiver.ticket)} expired ${md(f.expiredWaiver.expires)}**` : '';
  return `${f.status === 'fail' ? 'FAIL' : 'WARN'} ${resource(f.resource)}: ${md(f.message)}${lapsed}${ev ? ` — ${ev}` : ''}`;
}

