// GitHub-flavoured Markdown report for pull-request comments and tickets: a summary, not the record (the JSON
// report is). What a reviewer needs first stays open (verdict, gate, new findings, the fix-first list); the
// rest is folded in <details>. Untrusted strings (cluster data, plugin text) go through escapeMarkdown: no raw
// HTML, no accidental formatting, links, table breaks or @-mentions (resource names are set in <code>).

import type { Resource } from '../../sdk.js';
import type { Finding, FindingRef, Report } from '../model.js';
import { buildView, type CheckView, type EvidenceRow, RANK_FORMULA } from '../view.js';
import { cutoverMarkdown } from './cutover.js';
import { probeMarkdown } from './probe.js';

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

/** Fix-first entries shown open; the rest are in <details>. */
const FIX_FIRST_SHOWN = 8;
/** New findings (against a baseline) shown open. */
const NEW_SHOWN = 10;

function evidence(rows: EvidenceRow[]): string {
  return rows
    .filter((r) => r.label.startsWith('observed') || r.label === 'expected' || r.label === 'config' || r.label === 'source')
    .map((r) => `${md(r.label)} ${r.literal ? code(r.value) : md(r.value)}`)
    .join(' · ');
}

const score = (s: number | null) => (s === null ? 'n/a' : String(s));
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function refLine(f: FindingRef): string {
  return `**${md(f.severity)}** ${code(f.check)} ${md(f.resource)}: ${md(f.message)}`;
}

function fixItem(v: CheckView, n: number): string[] {
  return [`${n}. **${md(v.severity)}** ${md(v.title)} — ${code(v.check.id)} · ${v.findings.length} × ${md(v.status)}: ${md(v.resources)}`, `   - fix: ${rich(v.fix)}`];
}

/** Opens a folded block; GitHub renders Markdown inside it after a blank line. */
function details(out: string[], summary: string, body: () => void): void {
  out.push(`<details><summary>${summary}</summary>`, '');
  body();
  out.push('</details>', '');
}

export function renderMarkdown(report: Report, opts: MarkdownOptions = {}): string {
  const max = opts.maxFindings ?? DEFAULT_MAX_FINDINGS;
  const view = buildView(report);
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
  const g = view.gate;
  const gateWord = g.state === 'none' ? 'no gate' : g.state === 'passed' ? 'passed' : 'FAILED';
  out.push(`**Gate: ${gateWord}** — ${md(g.state === 'none' ? g.detail : report.gate.reasons.join('; '))}`);
  out.push('');
  for (const r of s.verdictReasons) out.push(`- ${md(r)}`);
  if (s.verdictReasons.length) out.push('');

  if (report.cutover) out.push(...cutoverMarkdown(report.cutover, md));
  if (report.probe) out.push(...probeMarkdown(report.probe, md));

  const b = view.baseline;
  if (b) {
    out.push(`#### New since the baseline: ${b.newFindings.length} new, ${b.fixedFindings.length} fixed`);
    out.push('');
    if (b.newFindings.length === 0) out.push('No new finding.');
    for (const f of b.newFindings.slice(0, NEW_SHOWN)) out.push(`- ${refLine(f)}`);
    out.push('');
    if (b.newFindings.length > NEW_SHOWN) details(out, `${b.newFindings.length - NEW_SHOWN} more new findings`, () => {
      for (const f of b.newFindings.slice(NEW_SHOWN)) out.push(`- ${refLine(f)}`);
      out.push('');
    });
    if (b.fixedFindings.length) details(out, `Fixed since the baseline (${b.fixedFindings.length})`, () => {
      for (const f of b.fixedFindings) out.push(`- ${refLine(f)}`);
      out.push('');
    });
  }

  out.push(`#### Fix first (${view.fixFirst.length})`);
  out.push('');
  if (view.fixFirst.length === 0) out.push('Nothing to fix: no open finding.');
  for (const [i, v] of view.fixFirst.slice(0, FIX_FIRST_SHOWN).entries()) out.push(...fixItem(v, i + 1));
  out.push('');
  if (view.fixFirst.length > FIX_FIRST_SHOWN) {
    details(out, `${view.fixFirst.length - FIX_FIRST_SHOWN} more to fix`, () => {
      for (const [i, v] of view.fixFirst.slice(FIX_FIRST_SHOWN).entries()) out.push(...fixItem(v, FIX_FIRST_SHOWN + i + 1));
      out.push('');
    });
  }
  if (view.notRun.length) out.push(`**Could not check: ${plural(view.notRun.length, 'check')}** — not run, so **not** a pass (details below).`, '');

  // Everything below is folded: the record for whoever needs it, out of the way of the PR thread.
  details(out, `Findings (${view.openFindings}) by area, with evidence`, () => {
    out.push(`Ranked by ${md(RANK_FORMULA)}.`, '');
    if (view.openFindings === 0) out.push('None.', '');
    let shown = 0;
    for (const area of view.byArea) {
      if (shown >= max) break;
      out.push(`**${md(area.area)}**`, '');
      for (const v of area.checks) {
        if (shown >= max) break;
        const take = v.findings.slice(0, max - shown);
        shown += take.length;
        out.push(`- **${md(v.severity)}** ${code(v.check.id)} ${md(v.title)}`);
        for (const f of take) out.push(`  - ${findingLine(f.finding, f.rows)}`);
        if (take.length < v.findings.length) out.push(`  - … ${v.findings.length - take.length} more`);
        out.push(`  - fix: ${rich(v.check.remediation)}`);
      }
      out.push('');
    }
    if (view.openFindings > shown) out.push(`… ${view.openFindings - shown} more in the JSON report.`, '');
  });

  details(out, 'Areas', () => {
    out.push('| area | score | coverage | evaluated | could not check | errors |');
    out.push('| --- | ---: | ---: | ---: | ---: | ---: |');
    for (const a of report.areas) {
      if (a.checks.total === 0) continue;
      out.push(`| ${md(a.area)} | ${md(score(a.score))} | ${md(a.coverage)} % | ${a.checks.evaluated}/${a.checks.total} | ${a.checks.unknown} | ${a.checks.error} |`);
    }
    out.push('');
  });

  if (view.notRun.length) {
    details(out, `Could not check (${view.notRun.length})`, () => {
      out.push('Not run, so **not** a pass: these lower coverage and are left out of the score.', '');
      for (const c of view.notRun) out.push(`- ${md(c.status.toUpperCase())} ${code(c.id)}: ${md(c.reason ?? '')}`);
      out.push('');
    });
  }
  const partial = report.checks.filter((c) => c.partial?.length);
  if (partial.length) {
    details(out, `Partly checked (${partial.length})`, () => {
      out.push('The result covers only what could be read and judged; what is named here is **not** a pass.', '');
      for (const c of partial) out.push(`- ${code(c.id)}: ${md(c.partial!.join('; '))}`);
      out.push('');
    });
  }

  const waived = report.checks.flatMap((c) => c.findings.filter((f) => f.waiver).map((f) => ({ c, f })));
  if (report.waivers.length) {
    const expired = report.waivers.filter((w) => w.state === 'expired').length;
    details(out, `Waivers (${report.waivers.length}; ${plural(waived.length, 'finding')} waived, not scored${expired ? `; ${expired} EXPIRED` : ''})`, () => {
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
    });
  }

  const p = report.permissions;
  if (p.missing.length) {
    details(out, `Missing permissions of ${p.principal ? code(p.principal) : p.iamPolicy ? 'the IAM identity' : 'the anonymous principal'}`, () => {
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
      out.push('');
      if (p.iamPolicy) {
        out.push('', 'As an IAM policy document for the scanning identity (MSK IAM):', '', '```json', p.iamPolicy, '```', '');
      }
    });
  }

  const cost = report.cost;
  details(out, `Cost estimate: ${md(cost.totalMonthly.toFixed(2))} ${md(cost.currency)} per month`, () => {
    if ('reason' in view.cost) out.push(`${md(view.cost.reason)}.`, '');
    out.push('| driver | monthly | basis |', '| --- | ---: | --- |');
    for (const d of cost.drivers) out.push(`| ${md(d.driver)} | ${md(d.monthly.toFixed(2))} | ${md(d.basis)} |`);
    if (cost.topTopics.length) {
      out.push('', '| top topics | stored GB | projected GB | cross-zone GB/month | monthly |', '| --- | ---: | ---: | ---: | ---: |');
      for (const t of cost.topTopics.slice(0, 5)) out.push(`| ${code(t.topic)} | ${t.storedGb} | ${t.projectedGb} | ${t.crossZoneGbMonth} | ${t.monthly.toFixed(2)} |`);
    }
    out.push('', `Prices: storage ${cost.prices.storagePerGbMonth} ${md(cost.currency)}/GB-month, cross-zone ${cost.prices.crossZonePerGb} ${md(cost.currency)}/GB${cost.prices.billReplicationTraffic ? '' : ' (replication not billed)'}. Assumptions: ${cost.assumptions.map(md).join('; ')}.`, '');
  });

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

function findingLine(f: Finding, rows: EvidenceRow[]): string {
  const ev = evidence(rows);
  const lapsed = f.expiredWaiver ? ` **waiver ${md(f.expiredWaiver.ticket)} expired ${md(f.expiredWaiver.expires)}**` : '';
  return `${f.status === 'fail' ? 'FAIL' : 'WARN'} ${resource(f.resource)}: ${md(f.message)}${lapsed}${ev ? ` — ${ev}` : ''}`;
}

/** Lines of a Markdown document outside <details> blocks (what a PR thread shows unfolded). */
export function linesOutsideDetails(markdown: string): number {
  let depth = 0;
  let n = 0;
  for (const line of markdown.replace(/\n$/, '').split('\n')) {
    if (line.startsWith('<details')) depth++;
    if (depth === 0) n++;
    if (line.startsWith('</details>')) depth = Math.max(0, depth - 1);
  }
  return n;
}
