// Self-contained HTML report for security reviewers without cluster access: one file, inline CSS, no
// JavaScript, nothing loaded over the network (a Content-Security-Policy says so to the browser too).
// Every string that comes from the report is cluster data or plugin text and goes through escapeHtml.

import { createHash } from 'node:crypto';
import { SEVERITIES, type Reference, type Resource, type Severity } from '../../sdk.js';
import type { CheckResult, CheckStatus, FindingRef, Report } from '../model.js';
import { buildView, checksByArea, type CheckView, durationText, type EvidenceRow, evidenceRows, type FindingView, RANK_FORMULA, type ReportView, sevIndex } from '../view.js';
import { HTML_STYLE } from './html-style.js';
import { cutoverHtml } from './cutover.js';
import { probeHtml } from './probe.js';
import { renderJson } from './json.js';

export interface HtmlContext {
  /** Hex SHA-256 over the exact bytes of the JSON rendering of the same report (see reportDigest). */
  jsonDigest: string;
}

/** The one content security policy of every HTML page the tool writes (report and diff): nothing loads. */
export const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML element content and double- or single-quoted attribute values. */
export function escapeHtml(value: unknown): string {
  return String(value ?? '').replace(/[&<>"']/g, (ch) => ENTITIES[ch]!);
}

/** SHA-256 (hex) of the JSON rendering of a report: what `sha256sum report.json` prints for that file. */
export function reportDigest(report: Report): string {
  return createHash('sha256').update(renderJson(report), 'utf8').digest('hex');
}

const h = escapeHtml;


/** Escaped text where `backtick spans` (used in remediation texts) become <code>. */
function rich(text: string): string {
  return text
    .split(/(`[^`\n]+`)/)
    .map((part) => (part.length > 2 && part.startsWith('`') && part.endsWith('`') ? `<code>${h(part.slice(1, -1))}</code>` : h(part)))
    .join('');
}

function code(value: unknown): string {
  return `<code>${h(value)}</code>`;
}


function fmtScore(score: number | null): string {
  return score === null ? 'n/a' : String(score);
}

function resourceHtml(r: Resource): string {
  if (r.kind === 'cluster' && r.name === 'cluster') return '<span class="muted">cluster</span>';
  return `<span class="muted small">${h(r.kind)}</span> ${code(r.name)}`;
}

/** Only http(s) links become anchors; anything else (javascript:, data:…) is shown as text. */
function referenceHtml(ref: Reference): string {
  let ok = false;
  try {
    const u = new URL(ref.url);
    ok = u.protocol === 'https:' || u.protocol === 'http:';
  } catch {
    ok = false;
  }
  return ok ? `<a href="${h(ref.url)}" rel="noreferrer noopener" target="_blank">${h(ref.title)}</a>` : `${h(ref.title)} (${code(ref.url)})`;
}

const VERDICT_MEANING: Record<string, string> = {
  ready: 'No blocking finding, score and coverage above their thresholds.',
  'ready-with-risks': 'No critical finding, but risks to accept or fix before launch.',
  'not-ready': 'Blocking findings: fix them before going live.',
  'not-assessable': 'Coverage is below the minimum: the scan could see too little to judge this cluster, so the gate fails.',
};

const STATUS_LABEL: Record<CheckStatus, string> = {
  pass: 'pass',
  warn: 'warn',
  fail: 'fail',
  waived: 'waived',
  unknown: 'could not check',
  error: 'check error',
  'not-applicable': 'not applicable',
  skipped: 'skipped',
};

function statusBadge(status: CheckStatus): string {
  return `<span class="badge st-${h(status)}">${h(STATUS_LABEL[status] ?? status)}</span>`;
}

function sevBadge(sev: Severity): string {
  return `<span class="sev sev-${h(sev)}">${h(sev)}</span>`;
}

function bar(score: number | null): string {
  if (score === null) return '<span class="bar" aria-hidden="true"></span>';
  const pct = Math.max(0, Math.min(100, Math.round(score * 10) / 10));
  const cls = pct >= 90 ? 'b-good' : pct >= 60 ? 'b-mid' : 'b-bad';
  return `<span class="bar" aria-hidden="true"><span class="${cls}" style="width:${pct}%"></span></span>`;
}

/** Findings shown per check before the rest fold into "N more" (all of them stay in the page). */
const FINDINGS_SHOWN = 10;
/**
 * Findings per check the HTML lists (the first FINDINGS_SHOWN open, the rest folded); beyond it a line says how
 * many more the JSON report lists. A reviewer reads a few hundred rows, not thousands, and without the cap the
 * page grows with every faulty topic (15k findings made 5.7 MB). The JSON report keeps every finding.
 */
export const HTML_FINDINGS_MAX = 200;
/** Fix-first entries shown before the rest fold. */
const FIX_FIRST_SHOWN = 8;

/** Values up to this many characters share a table row with another label/value pair. */
const SHORT_VALUE = 34;

/** Evidence as a labelled table: short values two label/value pairs to a row, long ones a row of their own. */
function evidenceHtml(rows: EvidenceRow[], cls = 'ev', caption = ''): string {
  if (rows.length === 0) return '<span class="none">no evidence recorded</span>';
  const cell = (r: EvidenceRow, span = false) => `<th scope="row">${h(r.label)}</th><td${span ? ' colspan="3"' : ''}>${r.literal ? code(r.value) : h(r.value)}</td>`;
  const out: string[] = [];
  let pending: EvidenceRow | null = null;
  for (const r of rows) {
    if (r.value.length > SHORT_VALUE) {
      out.push(`<tr>${cell(r, true)}</tr>`);
    } else if (pending) {
      out.push(`<tr>${cell(pending)}${cell(r)}</tr>`);
      pending = null;
    } else {
      pending = r;
    }
  }
  if (pending) out.push(`<tr>${cell(pending, true)}</tr>`);
  return `<table class="${cls}">${caption ? `<caption class="muted small">${h(caption)}</caption>` : ''}<tbody>${out.join('')}</tbody></table>`;
}

function findingRow(fv: FindingView, v: CheckView): string {
  const f = fv.finding;
  // Badges only where the finding differs from its check's header (a worse or milder finding).
  const badges = f.status !== v.status || f.severity !== v.severity ? ` <span class="badge st-${h(f.status)}">${h(f.status)}</span> ${sevBadge(f.severity)}` : '';
  const lapsed = f.expiredWaiver
    ? `<p class="lapsed"><span class="badge st-expired">waiver expired</span> waiver ${h(f.expiredWaiver.ticket)} (owner ${h(f.expiredWaiver.owner)}) expired on ${h(f.expiredWaiver.expires)}: “${h(f.expiredWaiver.reason)}”. This finding counts again and fails the gate.</p>`
    : '';
  return (
    `<tr><th scope="row">${resourceHtml(f.resource)}${badges} <span class="msg">${h(f.message)}</span>${lapsed}</th>` +
    `<td>${fv.ownRows.length || fv.rows.length === 0 ? evidenceHtml(fv.ownRows.length ? fv.ownRows : fv.rows) : '<span class="muted small">as above</span>'}</td></tr>`
  );
}

function findingsTable(rows: FindingView[], v: CheckView): string {
  return `<table class="findings"><thead class="skip"><tr><th scope="col">Resource and finding</th><th scope="col">Evidence</th></tr></thead><tbody>${rows.map((r) => findingRow(r, v)).join('\n')}</tbody></table>`;
}

function checkBlock(v: CheckView): string {
  const c = v.check;
  const refs = c.references.length ? ` <span class="refs">References: ${c.references.map(referenceHtml).join(' · ')}</span>` : '';
  const common = v.commonRows.length ? `<div class="common">${evidenceHtml(v.commonRows, 'ev', 'shared by every finding:')}</div>` : '';
  const shown = v.findings.slice(0, FINDINGS_SHOWN);
  const rest = v.findings.slice(FINDINGS_SHOWN, HTML_FINDINGS_MAX);
  const left = v.findings.length - shown.length - rest.length;
  const beyond = left > 0 ? `<p class="muted small">… and ${h(left)} more finding${left === 1 ? '' : 's'}: the JSON report lists every one.</p>` : '';
  const more = rest.length ? `<details class="more"><summary>${h(rest.length)} more finding${rest.length === 1 ? '' : 's'}</summary>${findingsTable(rest, v)}${beyond}</details>` : '';
  // Failing checks are open; checks that only warn start folded (one line each) so failures lead, unless a
  // lapsed waiver makes a warning fail the gate.
  const open = v.status === 'fail' || v.findings.some((f) => f.finding.expiredWaiver);
  return `<details class="check c-${h(v.severity)} cs-${v.status}" id="check-${h(c.id.replace(/[^a-z0-9-]/g, '-'))}"${open ? ' open' : ''}>
<summary class="check-head">${statusBadge(v.status)} ${sevBadge(v.severity)} <h4>${h(v.title)}</h4> <span class="id mono">${h(c.id)}</span> <span class="muted small">${v.findings.length} finding${v.findings.length === 1 ? '' : 's'}</span></summary>
${common}${findingsTable(shown, v)}${more}
<p class="fix"><strong>Fix:</strong> ${rich(c.remediation)}${refs}</p>
</details>`;
}

function fixFirstSection(view: ReportView): string {
  if (view.fixFirst.length === 0) return '<section id="fix-first" aria-labelledby="fix-first-h"><h2 id="fix-first-h">Fix first</h2><p class="none">Nothing to fix: no open finding.</p></section>';
  const item = (v: CheckView) =>
    `<li class="ff c-${h(v.severity)}">${sevBadge(v.severity)} <a href="#check-${h(v.check.id.replace(/[^a-z0-9-]/g, '-'))}"><strong>${h(v.title)}</strong></a> <span class="muted small">${h(v.check.id)} · ${h(v.findings.length)} × ${h(v.status)}: ${h(v.resources)}</span><br><span class="small">${rich(v.fix)}</span></li>`;
  const top = view.fixFirst.slice(0, FIX_FIRST_SHOWN);
  const rest = view.fixFirst.slice(FIX_FIRST_SHOWN);
  return `<section id="fix-first" aria-labelledby="fix-first-h"><h2 id="fix-first-h">Fix first</h2>
<p class="muted small">Ranked by ${h(RANK_FORMULA)}.</p>
<ol class="fixfirst">${top.map(item).join('')}</ol>${rest.length ? `<details><summary>${rest.length} more to fix</summary><ol class="fixfirst" start="${top.length + 1}">${rest.map(item).join('')}</ol></details>` : ''}
</section>`;
}

function baselineSection(view: ReportView): string {
  const b = view.baseline;
  if (!b) return '';
  const row = (f: FindingRef) => `<tr><td>${sevBadge(f.severity as Severity)}</td><td><span class="mono small">${h(f.check)}</span></td><th scope="row">${code(f.resource)}</th><td>${h(f.message)}</td></tr>`;
  const table = (list: FindingRef[], none: string) =>
    list.length ? `<table><thead><tr><th scope="col">Severity</th><th scope="col">Check</th><th scope="col">Resource</th><th scope="col">Finding</th></tr></thead><tbody>${list.map(row).join('')}</tbody></table>` : `<p class="none">${none}</p>`;
  return `<section id="baseline" aria-labelledby="baseline-h"><h2 id="baseline-h">Against the baseline: ${h(b.newFindings.length)} new, ${h(b.fixedFindings.length)} fixed</h2>
<p class="muted small">Baseline ${code(b.file)} (score ${h(fmtScore(b.score))}); findings are matched by check id and resource.</p>
<h3>New findings (${h(b.newFindings.length)})</h3>${table(b.newFindings, 'No new finding.')}
<details><summary>Fixed findings (${h(b.fixedFindings.length)})</summary>${table(b.fixedFindings, 'No finding was fixed.')}</details>
</section>`;
}

function findingsSection(view: ReportView): string {
  const report = view.report;
  const parts: string[] = [`<section id="findings" aria-labelledby="findings-h"><h2 id="findings-h">Findings (${view.openFindings})</h2>`];
  parts.push('<p class="muted small">Checks with findings by area, highest fix-first rank first: failing checks open, warnings folded (click to open). Passed, not applicable and waived checks are folded below.</p>');
  if (view.openFindings === 0) parts.push('<p class="none">No open findings.</p>');
  for (const g of view.byArea) {
    const n = g.checks.reduce((s, c) => s + c.findings.length, 0);
    parts.push(`<section class="area-findings" aria-label="${h(g.area)} findings"><h3>${h(g.area)} <span class="muted small">(${n})</span></h3>`);
    for (const v of g.checks) parts.push(checkBlock(v));
    parts.push('</section>');
  }

  const checkList = (list: CheckResult[], extra: (c: CheckResult) => string) =>
    `<ul class="folded">${list.map((c) => `<li>${statusBadge(c.status)} ${h(c.title)} <span class="mono small muted">${h(c.id)}</span>${extra(c)}</li>`).join('')}</ul>`;
  parts.push(`<details id="passed-checks"><summary>Passed checks (${view.passed.length})</summary>${checkList(view.passed, (c) => ` <span class="muted small">${h(c.counts.resources)} resource${c.counts.resources === 1 ? '' : 's'}</span>`)}</details>`);
  parts.push(`<details id="na-checks"><summary>Not applicable or skipped (${view.notApplicable.length})</summary>${checkList(view.notApplicable, (c) => (c.reason ? ` — <span class="small">${h(c.reason)}</span>` : ''))}</details>`);

  const waived = report.checks.flatMap((c) => c.findings.filter((f) => f.waiver).map((f) => ({ c, f })));
  parts.push(`<details id="waived-findings"><summary>Waived findings (${waived.length})</summary>`);
  if (waived.length === 0) parts.push('<p class="none">No finding is waived.</p>');
  else {
    waived.sort((a, b) => sevIndex(a.f.severity) - sevIndex(b.f.severity));
    parts.push('<p class="muted small">Accepted in readiness.yaml: shown for the record, not counted in the score.</p>');
    parts.push('<table><thead><tr><th scope="col">Check</th><th scope="col">Resource</th><th scope="col">Finding</th><th scope="col">Waiver</th></tr></thead><tbody>');
    for (const { c, f } of waived) {
      const w = f.waiver!;
      parts.push(
        `<tr><td><span class="mono small">${h(c.id)}</span></td><th scope="row">${resourceHtml(f.resource)}</th>` +
          `<td><span class="badge st-waived">waived</span> ${sevBadge(f.severity)} ${h(f.message)}${f.evidence ? evidenceHtml(evidenceRows(f.evidence)) : ''}</td>` +
          `<td>${h(w.reason)}<br><span class="muted small">owner ${h(w.owner)} · ticket ${h(w.ticket)} · expires ${h(w.expires)} · waiver #${h(w.index)}</span></td></tr>`,
      );
    }
    parts.push('</tbody></table>');
  }
  parts.push('</details>');
  parts.push('</section>');
  return parts.join('\n');
}

function glanceSection(view: ReportView): string {
  const report = view.report;
  const s = report.summary;
  const sevChips = SEVERITIES.map((sev) => `<span class="sev sev-${h(sev)}${(s.findings[sev] ?? 0) === 0 ? ' zero' : ''}">${h(s.findings[sev] ?? 0)} ${h(sev)}</span>`).join(' ');
  const g = view.gate;
  const reasons = s.verdictReasons.length ? `<ul>${s.verdictReasons.map((r) => `<li>${h(r)}</li>`).join('')}</ul>` : '<p class="none">No reason recorded.</p>';
  return `<section id="glance" aria-labelledby="glance-h"><h2 id="glance-h" class="skip">At a glance</h2>
<div class="glance">
<div class="tile verdict-tile v-${h(s.verdict)}"><p class="label">Verdict</p><p id="verdict" class="verdict" data-verdict="${h(s.verdict)}">${h(s.verdict.toUpperCase())}</p><p class="note">${VERDICT_MEANING[s.verdict] ?? ''}</p></div>
<div class="tile"><p class="label">Score</p><p id="score" class="value">${h(fmtScore(s.score))}<small> / 100</small></p><p class="note">weighted over evaluated checks</p></div>
<div class="tile"><p class="label">Coverage</p><p id="coverage" class="value">${h(s.coverage)}<small> %</small></p><p class="note">${h(s.counts.unknown)} could not check · ${h(s.counts.error)} error</p></div>
<div class="tile gate-${h(g.state)}"><p class="label">Gate</p><p id="gate-result" class="value" data-gate="${h(g.state)}">${h(g.label)}</p><p class="note">${h(g.detail)}</p></div>
</div>
<div class="reasons"><h3>Why this verdict</h3>${reasons}</div>
<div class="sevcounts"><span class="label">Open findings by severity:</span> ${sevChips}</div>
</section>`;
}

// ---- Inline SVG charts: drawn from the view, text escaped like everything else, no scripts.

const SEV_COLOR: Record<Severity, string> = { critical: '#8c0a1e', high: '#b3261e', medium: '#bf8700', low: '#0b5cad', info: '#57606a' };

function svg(width: number, height: number, label: string, body: string): string {
  return `<svg class="chart" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${h(label)}" xmlns="http://www.w3.org/2000/svg"><title>${h(label)}</title>${body}</svg>`;
}

function severityChart(view: ReportView): string {
  const rows = view.severityByArea;
  if (rows.length === 0) return '<p class="none">No open finding.</p>';
  const total = (r: (typeof rows)[number]) => SEVERITIES.reduce((n, s) => n + r.counts[s], 0);
  const max = Math.max(...rows.map(total));
  const W = 280;
  const x0 = 92;
  const span = W - x0 - 24;
  const body = rows.map((r, i) => {
    const y = 8 + i * 24;
    let x = x0;
    const segs = SEVERITIES.filter((s) => r.counts[s] > 0).map((s) => {
      const w = Math.max(2, (r.counts[s] / max) * span);
      const seg = `<rect x="${x.toFixed(1)}" y="${y}" width="${w.toFixed(1)}" height="16" fill="${SEV_COLOR[s]}"><title>${h(r.area)}: ${r.counts[s]} ${s}</title></rect>`;
      x += w;
      return seg;
    });
    return `<text x="${x0 - 6}" y="${y + 12}" text-anchor="end" class="t">${h(r.area)}</text>${segs.join('')}<text x="${(x + 6).toFixed(1)}" y="${y + 12}" class="t">${total(r)}</text>`;
  });
  const ly = 8 + rows.length * 24 + 6;
  const legend = SEVERITIES.map((s, i) => `<rect x="${4 + i * 57}" y="${ly}" width="10" height="10" fill="${SEV_COLOR[s]}"/><text x="${4 + i * 57 + 13}" y="${ly + 9}" class="t s">${s}</text>`).join('');
  return svg(W, ly + 18, `Open findings by area and severity: ${rows.map((r) => `${r.area} ${total(r)}`).join(', ')}`, body.join('') + legend);
}

function zoneLossChart(view: ReportView): string {
  const z = view.zoneLoss;
  if ('reason' in z) return `<p class="none">No zone-loss matrix: ${h(z.reason)}.</p>`;
  const cols: [keyof (typeof z.zones)[number], string, string][] = [
    ['offline', 'offline', '#a40e26'],
    ['writesBlocked', 'writes blocked', '#b3261e'],
    ['underReplicated', 'under-replicated', '#bf8700'],
  ];
  const W = 330;
  const x0 = 50;
  const cw = (W - x0) / cols.length;
  const head = cols.map(([, label], j) => `<text x="${(x0 + j * cw + cw / 2).toFixed(1)}" y="14" text-anchor="middle" class="t s">${label}</text>`).join('');
  const body = z.zones.map((row, i) => {
    const y = 22 + i * 30;
    const cells = cols.map(([k, label, color], j) => {
      const n = row[k] as number;
      const x = x0 + j * cw;
      return `<rect x="${(x + 2).toFixed(1)}" y="${y}" width="${(cw - 4).toFixed(1)}" height="26" rx="3" fill="${n > 0 ? color : '#dafbe1'}"><title>losing ${h(row.zone)}: ${n} ${label}</title></rect><text x="${(x + cw / 2).toFixed(1)}" y="${y + 18}" text-anchor="middle" class="t b ${n > 0 ? 'on-dark' : 'on-ok'}">${n}</text>`;
    });
    return `<text x="${x0 - 6}" y="${y + 18}" text-anchor="end" class="t">${h(row.zone.length > 8 ? `${row.zone.slice(0, 7)}…` : row.zone)}</text>${cells.join('')}`;
  });
  return svg(W, 22 + z.zones.length * 30 + 4, `Zone-loss matrix: partitions offline, refusing acks=all writes and under-replicated when one zone is lost`, head + body.join(''));
}

function lagChart(view: ReportView): string {
  const l = view.lag;
  if ('reason' in l) return `<p class="none">${h(l.reason)}.</p>`;
  const rows = l.groups.slice(0, 8);
  const max = Math.max(1, ...rows.flatMap((r) => [r.lagMs ?? 0, r.ttlMs ?? 0]));
  const W = 280;
  const x0 = 100;
  const span = W - x0 - 50;
  const body = rows.map((r, i) => {
    const y = 6 + i * 30;
    const bar = (v: number | null, dy: number, color: string, what: string) =>
      v === null ? '' : `<rect x="${x0}" y="${y + dy}" width="${Math.max(2, (v / max) * span).toFixed(1)}" height="11" fill="${color}"><title>${h(r.group)}: ${what} ${durationText(v)}</title></rect><text x="${(x0 + Math.max(2, (v / max) * span) + 4).toFixed(1)}" y="${y + dy + 10}" class="t s">${durationText(v)}</text>`;
    return `<text x="${x0 - 8}" y="${y + 16}" text-anchor="end" class="t">${h(r.group.length > 14 ? `${r.group.slice(0, 13)}…` : r.group)}</text>${bar(r.lagMs, 2, '#0b5cad', 'behind by')}${bar(r.ttlMs, 14, '#a40e26', 'records deleted in')}`;
  });
  const ly = 6 + rows.length * 30 + 4;
  const legend = `<rect x="4" y="${ly}" width="10" height="10" fill="#0b5cad"/><text x="18" y="${ly + 9}" class="t s">time behind</text><rect x="110" y="${ly}" width="10" height="10" fill="#a40e26"/><text x="124" y="${ly + 9}" class="t s">time to data loss</text>`;
  return svg(W, ly + 16, 'Consumer lag in time and time to data loss per group', body.join('') + legend);
}

function costChart(view: ReportView): string {
  const c = view.cost;
  if ('reason' in c) return `<p class="none">${h(c.reason)}.</p>`;
  const cur = view.report.cost.currency;
  const max = Math.max(...c.drivers.map((d) => d.monthly));
  const W = 300;
  const x0 = 150;
  const span = W - x0 - 76;
  const body = c.drivers.map((d, i) => {
    const y = 6 + i * 24;
    const w = Math.max(2, (d.monthly / max) * span);
    return `<text x="${x0 - 6}" y="${y + 12}" text-anchor="end" class="t">${h(d.driver.length > 24 ? `${d.driver.slice(0, 23)}…` : d.driver)}</text><rect x="${x0}" y="${y}" width="${w.toFixed(1)}" height="16" fill="#0b5cad"><title>${h(d.driver)}: ${h(d.basis)}</title></rect><text x="${(x0 + w + 4).toFixed(1)}" y="${y + 12}" class="t s">${h(d.monthly.toFixed(2))} ${h(cur)}</text>`;
  });
  return svg(W, 6 + c.drivers.length * 24 + 4, `Monthly cost by driver in ${cur}`, body.join(''));
}

function areaScoreChart(view: ReportView): string {
  const rows = view.report.areas.filter((a) => a.checks.total > 0);
  const W = 280;
  const x0 = 86;
  const span = W - x0 - 34;
  const body = rows.map((a, i) => {
    const y = 6 + i * 22;
    const label = `<text x="${x0 - 6}" y="${y + 12}" text-anchor="end" class="t">${h(a.area)}</text>`;
    if (a.score === null) return `${label}<text x="${x0}" y="${y + 12}" class="t s">n/a (nothing evaluated)</text>`;
    const w = Math.max(2, (Math.max(0, Math.min(100, a.score)) / 100) * span);
    const color = a.score >= 90 ? '#1a7f37' : a.score >= 60 ? '#bf8700' : '#cf222e';
    return `${label}<rect x="${x0}" y="${y}" width="${span}" height="14" fill="#e6e9ee"/><rect x="${x0}" y="${y}" width="${w.toFixed(1)}" height="14" fill="${color}"><title>${h(a.area)}: score ${h(a.score)}, coverage ${h(a.coverage)} %</title></rect><text x="${x0 + span + 4}" y="${y + 12}" class="t s">${h(a.score)}</text>`;
  });
  return svg(W, 6 + rows.length * 22 + 4, `Score by area: ${rows.map((a) => `${a.area} ${fmtScore(a.score)}`).join(', ')}`, body.join(''));
}

function chartsSection(view: ReportView): string {
  const fig = (id: string, title: string, body: string) => `<figure id="${id}"><figcaption>${title}</figcaption>${body}</figure>`;
  return `<section id="pictures" aria-labelledby="pictures-h"><h2 id="pictures-h">In pictures</h2><div class="charts">
${fig('chart-areas', 'Score by area (0–100)', areaScoreChart(view))}
${fig('chart-severity', 'Open findings by area and severity', severityChart(view))}
${fig('chart-zone-loss', 'Partitions hit when one zone is lost', zoneLossChart(view))}
${fig('chart-lag', 'Lag in time and time to data loss', lagChart(view))}
${fig('chart-cost', `Monthly cost drivers (${h(view.report.cost.currency)})`, costChart(view))}
</div></section>`;
}


function areasSection(report: Report): string {
  const rows = report.areas
    .filter((a) => a.checks.total > 0)
    .map(
      (a) =>
        `<tr${a.checks.unknown + a.checks.error > 0 ? ' class="row-unknown"' : ''}><th scope="row">${h(a.area)}</th>` +
        `<td class="num">${bar(a.score)}<span class="scoreval">${h(fmtScore(a.score))}</span></td><td class="num">${h(a.coverage)} %</td>` +
        `<td class="num">${h(a.checks.evaluated)} / ${h(a.checks.total)}</td>` +
        `<td class="num">${a.checks.unknown ? `<span class="badge st-unknown">${h(a.checks.unknown)}</span>` : '0'}</td>` +
        `<td class="num">${a.checks.error ? `<span class="badge st-error">${h(a.checks.error)}</span>` : '0'}</td>` +
        `<td class="num">${h(a.weight)}</td></tr>`,
    );
  // The scores are drawn under In pictures; the summary names each area with its score, the table is folded.
  const chips = report.areas
    .filter((a) => a.checks.total > 0)
    .map((a) => `<span class="nowrap">${h(a.area)} <strong>${h(fmtScore(a.score))}</strong>${a.checks.unknown + a.checks.error > 0 ? ` <span class="badge st-unknown">${h(a.checks.unknown + a.checks.error)} not run</span>` : ''}</span>`)
    .join(' · ');
  return `<section id="areas" aria-labelledby="areas-h"><h2 id="areas-h">Areas</h2>
<details><summary>${chips}</summary>
<table><thead><tr><th scope="col">Area</th><th scope="col" class="num">Score</th><th scope="col" class="num">Coverage</th><th scope="col" class="num">Evaluated / checks</th><th scope="col" class="num">Could not check</th><th scope="col" class="num">Errors</th><th scope="col" class="num">Weight</th></tr></thead>
<tbody>${rows.join('\n')}</tbody></table>
<p class="muted small">Checks that could not run (unknown or error) lower coverage and are never counted as pass. Not-applicable and skipped checks count in neither.</p>
</details>
</section>`;
}

function notCheckedSection(report: Report): string {
  const notRun = report.checks.filter((c) => c.status === 'unknown' || c.status === 'error');
  const partial = report.checks.filter((c) => c.partial?.length);
  const gapsOnly = report.gaps.filter((g) => g.checks.length === 0);
  const parts = [`<section id="not-checked" aria-labelledby="not-checked-h"><h2 id="not-checked-h">Could not check (${notRun.length})</h2>`];
  if (notRun.length === 0 && partial.length === 0 && gapsOnly.length === 0) {
    parts.push('<p class="none">Every applicable check ran.</p>');
  } else {
    const names = notRun.length ? `: ${notRun.map((c) => `<span class="mono small">${h(c.id)}</span>`).join(', ')}` : '';
    parts.push(`<p class="callout">${notRun.length ? `${h(notRun.length)} check${notRun.length === 1 ? '' : 's'} did <strong>not</strong> run${names}. Their` : 'Some checks covered only part of the cluster; their'} result is unknown, <strong>not</strong> a pass. They lower coverage and are left out of the score.</p>`);
  }
  if (notRun.length) {
    parts.push('<details><summary>Why each could not run</summary><table><thead><tr><th scope="col">Check</th><th scope="col">Status</th><th scope="col">Severity</th><th scope="col">Reason</th></tr></thead><tbody>');
    for (const c of notRun) {
      const missing = c.missing?.length
        ? `<br><span class="muted small">missing: ${c.missing.map((m) => `${code(m.artifact)} (${h(m.error.reason)}${m.error.api ? `, ${h(m.error.api)}` : ''})`).join(', ')}</span>`
        : '';
      parts.push(
        `<tr class="row-${h(c.status)}"><th scope="row"><span class="mono small">${h(c.id)}</span><br><span class="muted small">${h(c.title)}</span></th>` +
          `<td>${statusBadge(c.status)}</td><td>${sevBadge(c.severity)}</td><td>${h(c.reason ?? '')}${missing}</td></tr>`,
      );
    }
    parts.push('</tbody></table></details>');
  }
  if (gapsOnly.length) {
    parts.push('<h3>Artifacts not read</h3><ul>');
    for (const g of gapsOnly) parts.push(`<li>${code(g.artifact)}: ${h(g.error.reason)} — ${h(g.error.message)}</li>`);
    parts.push('</ul>');
  }
  if (partial.length) {
    parts.push('<h3>Partly checked</h3><p class="muted small">The result covers the readable part only.</p><ul>');
    for (const c of partial) parts.push(`<li><span class="mono small">${h(c.id)}</span>: ${c.partial!.map((p) => h(p)).join('; ')}</li>`);
    parts.push('</ul>');
  }
  parts.push('</section>');
  return parts.join('\n');
}

function permissionsSection(report: Report): string {
  const p = report.permissions;
  const parts = [`<section id="permissions" aria-labelledby="permissions-h" class="minor"><h2 id="permissions-h">Permissions</h2>`];
  parts.push(`<p>Scanning principal: ${p.principal ? code(p.principal) : '<span class="muted">anonymous</span>'}</p>`);
  if (p.missing.length === 0) parts.push('<p>No permission was denied during the scan.</p>');
  else {
    parts.push(`<h3>Missing permissions (${p.missing.length})</h3>`);
    parts.push('<table><thead><tr><th scope="col">Permission</th><th scope="col">Unreadable artifacts</th><th scope="col">Checks that could not run</th></tr></thead><tbody>');
    for (const m of p.missing) {
      parts.push(
        `<tr><th scope="row"><span class="badge st-fail">missing</span> ${h(m.permission)}</th><td>${m.artifacts.map(code).join(' ')}</td>` +
          `<td>${m.checks.length ? m.checks.map((c) => `<span class="mono small">${h(c)}</span>`).join(', ') : '<span class="none">none</span>'}</td></tr>`,
      );
    }
    parts.push('</tbody></table>');
  }
  if (p.readOnlyAcls.length) {
    parts.push(`<details${p.missing.length ? ' open' : ''}><summary>Read-only ACLs for a full scan (${p.readOnlyAcls.filter((a) => a.missing).length} missing)</summary><p class="muted small">Grant these to the scanning principal; the ones marked missing were denied in this scan.</p>`);
    parts.push('<table><thead><tr><th scope="col" style="width:24%">Permission</th><th scope="col" style="width:12%">In this scan</th><th scope="col">Command</th></tr></thead><tbody>');
    for (const a of p.readOnlyAcls) {
      parts.push(
        `<tr><th scope="row">${h(a.permission)}</th><td>${a.missing ? '<span class="badge st-fail">missing</span>' : '<span class="badge st-not-applicable">not denied</span>'}</td>` +
          `<td><pre><code>${h(a.command)}</code></pre></td></tr>`,
      );
    }
    parts.push('</tbody></table></details>');
  }
  if (p.iamPolicy) parts.push(`<h3>IAM policy for a full scan (MSK IAM)</h3><pre><code>${h(p.iamPolicy)}</code></pre>`);
  parts.push('</section>');
  return parts.join('\n');
}

function waiversSection(report: Report): string {
  const parts = [`<section id="waivers" aria-labelledby="waivers-h" class="minor"><h2 id="waivers-h">Waivers (${report.waivers.length})</h2>`];
  if (report.waivers.length === 0) parts.push('<p class="none">No waivers are configured.</p>');
  else {
    const expired = report.waivers.filter((w) => w.state === 'expired').length;
    parts.push(`<details${expired ? ' open' : ''}><summary>${report.waivers.length} waiver${report.waivers.length === 1 ? '' : 's'}${expired ? `, ${expired} expired` : ''}</summary>`);
    parts.push('<p class="muted small">From readiness.yaml. Active waivers take findings out of the score; an expired waiver stops applying and fails the gate; an unused waiver matched nothing.</p>');
    parts.push(
      '<table><thead><tr><th scope="col" class="num">#</th><th scope="col">State</th><th scope="col">Check</th><th scope="col">Resource</th><th scope="col">Reason</th><th scope="col">Owner</th><th scope="col">Ticket</th><th scope="col">Expires</th><th scope="col" class="num">Matched</th><th scope="col">Location</th></tr></thead><tbody>',
    );
    for (const [i, w] of report.waivers.entries()) {
      parts.push(
        `<tr><td class="num">${h(i)}</td><td><span class="badge st-${w.state === 'expired' ? 'expired' : h(w.state)}">${h(w.state)}</span></td>` +
          `<th scope="row"><span class="mono small">${h(w.check)}</span></th><td>${w.kind ? `<span class="muted small">${h(w.kind)}</span> ` : ''}${code(w.resource)}</td>` +
          `<td>${h(w.reason)}</td><td>${h(w.owner)}</td><td class="nowrap">${h(w.ticket)}</td><td class="nowrap">${h(w.expires)}</td><td class="num">${h(w.matched)}</td><td><span class="mono small">${h(w.at)}</span></td></tr>`,
      );
    }
    parts.push('</tbody></table></details>');
  }
  parts.push('</section>');
  return parts.join('\n');
}

function checksSection(report: Report): string {
  const rows = checksByArea(report)
    .flatMap((g) => g.checks)
    .map((c) => {
      const origin = c.origin === 'built-in' ? '' : ` · plugin ${h(c.origin)}`;
      const reason = c.reason && c.status !== 'unknown' && c.status !== 'error' ? ` — ${h(c.reason)}` : '';
      return (
        `<tr class="row-${h(c.status)}"><th scope="row">${h(c.title)}<br><span class="muted small"><span class="mono">${h(c.id)}</span>${origin}${reason}</span></th>` +
        `<td class="nowrap">${h(c.area)}</td><td>${sevBadge(c.severity)}</td>` +
        `<td class="nowrap">${statusBadge(c.status)}</td><td class="num">${h(fmtScore(c.score))}</td><td class="num">${h(c.counts.resources)}</td></tr>`
      );
    });
  const cnt = report.summary.counts;
  const summary = (Object.keys(STATUS_LABEL) as CheckStatus[]).map((k) => `${h(cnt[k] ?? 0)} ${h(k)}`).join(' · ');
  return `<section id="checks" aria-labelledby="checks-h" class="minor"><h2 id="checks-h">All checks (${report.checks.length})</h2>
<p class="muted small">${summary}</p>
<details><summary>Every check with its status and score</summary>
<table><thead><tr><th scope="col">Check</th><th scope="col">Area</th><th scope="col">Severity</th><th scope="col">Status</th><th scope="col" class="num">Score</th><th scope="col" class="num">Resources</th></tr></thead>
<tbody>${rows.join('\n')}</tbody></table></details>
</section>`;
}

function costSection(view: ReportView): string {
  const c = view.report.cost;
  const rows = c.drivers.map((d) => `<tr><th scope="row">${h(d.driver)}</th><td class="num">${h(d.monthly.toFixed(2))}</td><td>${h(d.basis)}</td></tr>`).join('');
  const topics = c.topTopics
    .map((t) => `<tr><th scope="row"><code>${h(t.topic)}</code></th><td class="num">${h(t.storedGb)}</td><td class="num">${h(t.projectedGb)}</td><td class="num">${h(t.crossZoneGbMonth)}</td><td class="num">${h(t.monthly.toFixed(2))}</td></tr>`)
    .join('');
  const head = 'reason' in view.cost ? `<p>${h(view.cost.reason)}.</p>` : '<p>Drivers are drawn under In pictures; the figures behind them:</p>';
  return `<section id="cost" aria-labelledby="cost-h" class="minor"><h2 id="cost-h">Cost estimate: ${h(c.totalMonthly.toFixed(2))} ${h(c.currency)} per month</h2>
${head}<details><summary>Drivers, top topics, prices and assumptions</summary>
<table><thead><tr><th scope="col">Driver</th><th scope="col">Monthly (${h(c.currency)})</th><th scope="col">Basis</th></tr></thead><tbody>${rows}</tbody></table>
${topics ? `<table><thead><tr><th scope="col">Top topics</th><th scope="col">Stored GB</th><th scope="col">Projected GB</th><th scope="col">Cross-zone GB/month</th><th scope="col">Monthly</th></tr></thead><tbody>${topics}</tbody></table>` : ''}
<p>Prices used: storage ${h(c.prices.storagePerGbMonth)} ${h(c.currency)}/GB-month; cross-zone traffic ${h(c.prices.crossZonePerGb)} ${h(c.currency)}/GB${c.prices.billReplicationTraffic ? '' : ' (replication traffic not billed)'}.</p>
<ul>${c.assumptions.map((x) => `<li>${h(x)}</li>`).join('')}</ul></details></section>`;
}

function clusterSection(report: Report): string {
  const cl = report.cluster;
  const t = report.snapshot.target;
  const st = report.snapshot.stats;
  const opt = (v: number | null) => (v === null ? '<span class="muted">unreadable</span>' : h(v));
  const reqRows = Object.entries(st.requests ?? {})
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([api, n]) => `<tr><th scope="row">${h(api)}</th><td class="num">${h(n)}</td></tr>`);
  return `<section id="cluster" aria-labelledby="cluster-h" class="minor"><h2 id="cluster-h">Cluster and scan</h2>
<details><summary>${cl.clusterId === null ? 'Cluster with unknown id' : `Cluster ${code(cl.clusterId)}`} · ${h(cl.brokers)} broker${cl.brokers === 1 ? '' : 's'} · scanned as ${t.principal ? code(t.principal) : 'anonymous'} over ${h(t.securityProtocol)} · ${h(st.totalRequests)} requests</summary>
<div class="kv">
<div><h3>Cluster identity</h3><dl>
<dt>Cluster ID</dt><dd>${cl.clusterId === null ? '<span class="muted">unknown</span>' : code(cl.clusterId)}</dd>
<dt>Brokers</dt><dd>${h(cl.brokers)}</dd>
<dt>Racks</dt><dd>${cl.racks.length ? cl.racks.map(code).join(' ') : '<span class="muted">none set</span>'}</dd>
<dt>Topics</dt><dd>${opt(cl.topics)}</dd>
<dt>Partitions</dt><dd>${opt(cl.partitions)}</dd>
<dt>Groups</dt><dd>${opt(cl.groups)}</dd>
<dt>Platform</dt><dd>${h(cl.platform.platform)}<br><span class="muted small">${h(cl.platform.evidence)}</span></dd>
</dl></div>
<div><h3>Scan target</h3><dl>
<dt>Bootstrap</dt><dd>${t.bootstrap.map(code).join(' ')}</dd>
<dt>Protocol</dt><dd>${h(t.securityProtocol)}</dd>
<dt>SASL mechanism</dt><dd>${t.saslMechanism ? h(t.saslMechanism) : '<span class="muted">none</span>'}</dd>
<dt>Principal</dt><dd>${t.principal ? code(t.principal) : '<span class="muted">anonymous</span>'}</dd>
<dt>Snapshot taken</dt><dd class="nowrap">${h(report.snapshot.takenAt)}</dd>
<dt>Report generated</dt><dd class="nowrap">${h(report.generatedAt)}</dd>
<dt>Tool</dt><dd>${h(report.tool.name)} ${h(report.tool.version)} <span class="muted small">(report version ${h(report.reportVersion)})</span></dd>
<dt>Requests</dt><dd>${h(st.totalRequests)} in ${h(st.durationMs)} ms</dd>
</dl></div>
</div>
${reqRows.length ? `<details><summary>Requests sent per Kafka API</summary><table style="max-width:420px"><thead><tr><th scope="col">API</th><th scope="col" class="num">Requests</th></tr></thead><tbody>${reqRows.join('')}</tbody></table></details>` : ''}
</details>
</section>`;
}

function scoringSection(view: ReportView): string {
  const report = view.report;
  const g = report.gate;
  const label = { none: '<strong class="gate-none">No gate</strong>', passed: '<strong class="gate-pass">Passed</strong>', failed: '<strong class="gate-fail">Failed</strong>' }[view.gate.state];
  return `<section id="scoring" aria-labelledby="scoring-h" class="minor"><h2 id="scoring-h">Scoring and gate</h2>
<p id="gate">Gate: ${label}${g.failUnder === null ? '' : ` — fails under score ${h(g.failUnder)}`}</p>
${g.rules.length ? `<ul>${g.reasons.map((r) => `<li>${h(r)}</li>`).join('')}</ul>` : `<p class="muted small">${h(view.gate.detail)}</p>`}
<details><summary>Scoring formula</summary><p id="formula">${h(report.summary.formula)}</p></details>
</section>`;
}

function digestSection(report: Report, digest: string): string {
  const d = /^[0-9a-f]{64}$/i.test(digest) ? digest.toLowerCase() : digest;
  return `<section aria-labelledby="digest-h" class="minor"><h2 id="digest-h">Integrity</h2>
<div class="digest-box" id="digest">
<p>Rendered from the JSON report (<code>report.json</code>, ${h(report.tool.name)} ${h(report.tool.version)}, generated ${h(report.generatedAt)}) with SHA-256 <code class="digest-value" id="digest-value">${h(d)}</code></p>
<p>To verify, run <code>sha256sum report.json</code> (macOS: <code>shasum -a 256 report.json</code>; PowerShell: <code>Get-FileHash report.json</code>) on the JSON file you were given and compare. If they differ, this page and that JSON report do not describe the same scan.</p>
</div>
</section>`;
}

export function renderHtml(report: Report, ctx: HtmlContext): string {
  const s = report.summary;
  const view = buildView(report);
  const title = `Kafka readiness report — ${report.cluster.clusterId ?? 'unknown cluster'} — ${s.verdict}`;
  const toc = [
    ...(report.cutover ? [['cutover', 'Cut-over']] : []),
    ...(report.probe ? [['probe', 'Write probe']] : []),
    ...(view.baseline ? [['baseline', 'New vs baseline']] : []),
    ['fix-first', 'Fix first'],
    ['pictures', 'Pictures'],
    ['areas', 'Areas'],
    ['findings', 'Findings'],
    ['not-checked', 'Could not check'],
    ['permissions', 'Permissions'],
    ['waivers', 'Waivers'],
    ['cost', 'Cost'],
    ['checks', 'All checks'],
    ['cluster', 'Cluster and scan'],
    ['scoring', 'Scoring and gate'],
    ['digest', 'Integrity'],
  ]
    .map(([id, label]) => `<a href="#${id}">${label}</a>`)
    .join('');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${h(CSP)}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="${h(report.tool.name)} ${h(report.tool.version)}">
<link rel="icon" href="data:,">
<title>${h(title)}</title>
<style>${HTML_STYLE}</style>
</head>
<body>
<a class="skip" href="#fix-first">Skip to what to fix first</a>
<header class="masthead">
<div><h1>Kafka readiness report</h1>
<p class="sub">Cluster ${report.cluster.clusterId === null ? 'with unknown id' : code(report.cluster.clusterId)} · ${h(report.cluster.brokers)} broker${report.cluster.brokers === 1 ? '' : 's'} · ${h(report.cluster.platform.platform)}</p></div>
<div class="meta">${h(report.tool.name)} ${h(report.tool.version)}<br>snapshot ${h(report.snapshot.takenAt)}<br>generated ${h(report.generatedAt)}</div>
</header>
<nav class="toc" aria-label="Sections">${toc}</nav>
<main>
${glanceSection(view)}
${report.cutover ? cutoverHtml(report.cutover, h) : ''}
${report.probe ? probeHtml(report.probe, h) : ''}
${baselineSection(view)}
${fixFirstSection(view)}
${chartsSection(view)}
${areasSection(report)}
${findingsSection(view)}
${notCheckedSection(report)}
${permissionsSection(report)}
${waiversSection(report)}
${costSection(view)}
${checksSection(report)}
${clusterSection(report)}
${scoringSection(view)}
${digestSection(report, ctx.jsonDigest)}
</main>
<footer>Self-contained report: no scripts, no network access. Rendered by ${h(report.tool.name)} ${h(report.tool.version)} from report version ${h(report.reportVersion)}.</footer>
</body>
</html>
`;
}

/** The report's stylesheet, for the `diff --format html` page. */
export const HTML_STYLE_FOR_DIFF = HTML_STYLE;
