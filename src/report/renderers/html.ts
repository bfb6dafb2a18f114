// Self-contained HTML report for security reviewers without cluster access: one file, inline CSS, no
// JavaScript, nothing loaded over the network (a Content-Security-Policy says so to the browser too).
// Every string that comes from the report is cluster data or plugin text and goes through escapeHtml.

import { createHash } from 'node:crypto';
import { describeSource, SEVERITIES, type Evidence, type Reference, type Resource, type Severity } from '../../sdk.js';
import type { CheckResult, CheckStatus, Finding, Report } from '../model.js';
import { HTML_STYLE } from './html-style.js';
import { renderJson } from './json.js';
import { valueText } from '../format.js';

export interface HtmlContext {
  /** Hex SHA-256 over the exact bytes of the JSON rendering of the same report (see reportDigest). */
  jsonDigest: string;
}

const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

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

/** Evidence details longer than this (JSON characters) are cut in the page; the JSON report has them whole. */
const MAX_DETAILS = 4000;

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

function evidenceHtml(e: Evidence | undefined): string {
  if (!e) return '<span class="none">no evidence recorded</span>';
  const rows: string[] = [];
  rows.push(`<dt>observed</dt><dd>${code(valueText(e.observed))}</dd>`);
  rows.push(`<dt>expected</dt><dd>${h(e.expected)}</dd>`);
  if (e.config) rows.push(`<dt>config</dt><dd>${code(e.config)}${e.source ? ` <span class="muted small">from ${h(describeSource(e.source) ?? e.source)}</span>` : ''}</dd>`);
  else if (e.source) rows.push(`<dt>source</dt><dd>${h(describeSource(e.source) ?? e.source)}</dd>`);
  if (e.details && Object.keys(e.details).length) {
    const json = valueText(e.details);
    const shown = json.length > MAX_DETAILS ? `${json.slice(0, MAX_DETAILS)}…` : json;
    const more = json.length > MAX_DETAILS ? ` <span class="muted small">(${json.length - MAX_DETAILS} more characters in the JSON report)</span>` : '';
    rows.push(`<dt>details</dt><dd>${code(shown)}${more}</dd>`);
  }
  return `<dl class="ev">${rows.join('')}</dl>`;
}

function bySeverity<T extends { severity: Severity }>(a: T, b: T): number {
  return SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity);
}

function areaOrder(report: Report): string[] {
  const order = report.areas.map((a) => a.area as string);
  for (const c of report.checks) if (!order.includes(c.area)) order.push(c.area);
  return order;
}

function findingRow(f: Finding): string {
  const lapsed = f.expiredWaiver
    ? `<p class="lapsed"><span class="badge st-expired">waiver expired</span> waiver ${h(f.expiredWaiver.ticket)} (owner ${h(f.expiredWaiver.owner)}) expired on ${h(f.expiredWaiver.expires)}: “${h(f.expiredWaiver.reason)}”. This finding counts again and fails the gate.</p>`
    : '';
  return (
    `<tr><th scope="row">${resourceHtml(f.resource)}</th>` +
    `<td><span class="badge st-${h(f.status)}">${h(f.status)}</span> ${sevBadge(f.severity)} ${h(f.message)}${lapsed}</td>` +
    `<td>${evidenceHtml(f.evidence)}</td></tr>`
  );
}

function checkBlock(c: CheckResult, findings: Finding[], sev: Severity): string {
  const refs = c.references.length ? `<p class="refs">References: ${c.references.map(referenceHtml).join(' · ')}</p>` : '';
  const worst = findings.some((f) => f.status === 'fail') ? 'fail' : 'warn';
  return `<article class="check c-${h(sev)}">
<div class="check-head">${statusBadge(worst)} <h5>${h(c.title)}</h5> <span class="id mono">${h(c.id)}</span> <span class="muted small">${findings.length} finding${findings.length === 1 ? '' : 's'} · check severity ${h(c.severity)}</span></div>
<table><thead><tr><th scope="col" style="width:22%">Resource</th><th scope="col" style="width:40%">Finding</th><th scope="col">Evidence</th></tr></thead>
<tbody>${findings.map(findingRow).join('\n')}</tbody></table>
<p class="fix"><strong>Remediation:</strong> ${rich(c.remediation)}</p>${refs}
</article>`;
}

function findingsSection(report: Report): string {
  const open = (c: CheckResult) => c.findings.filter((f) => !f.waiver);
  const total = report.checks.reduce((n, c) => n + open(c).length, 0);
  const parts: string[] = [`<section id="findings" aria-labelledby="findings-h"><h2 id="findings-h">Findings (${total})</h2>`];
  parts.push('<p class="muted">Grouped by area, then severity (critical → info). Waived findings are listed separately below and are not scored.</p>');
  if (total === 0) parts.push('<p class="none">No open findings.</p>');
  for (const area of areaOrder(report)) {
    const checks = report.checks.filter((c) => c.area === area && open(c).length > 0);
    if (checks.length === 0) continue;
    const n = checks.reduce((s, c) => s + open(c).length, 0);
    parts.push(`<section class="area-findings" aria-label="${h(area)} findings"><h3>${h(area)} <span class="muted small">(${n})</span></h3>`);
    for (const sev of SEVERITIES) {
      const entries = checks.map((c) => ({ c, fs: open(c).filter((f) => f.severity === sev) })).filter((e) => e.fs.length > 0);
      if (entries.length === 0) continue;
      const count = entries.reduce((s, e) => s + e.fs.length, 0);
      parts.push(`<div class="severity-group"><h4>${sevBadge(sev)} <span>${count} ${h(sev)} finding${count === 1 ? '' : 's'}</span></h4>`);
      for (const { c, fs } of entries) parts.push(checkBlock(c, fs, sev));
      parts.push('</div>');
    }
    parts.push('</section>');
  }

  const waived = report.checks.flatMap((c) => c.findings.filter((f) => f.waiver).map((f) => ({ c, f })));
  parts.push(`<h3 id="waived-findings">Waived findings (${waived.length})</h3>`);
  if (waived.length === 0) parts.push('<p class="none">No finding is waived.</p>');
  else {
    waived.sort((a, b) => bySeverity(a.f, b.f));
    parts.push('<p class="muted">Accepted in readiness.yaml: shown for the record, not counted in the score.</p>');
    parts.push('<table><thead><tr><th scope="col">Check</th><th scope="col">Resource</th><th scope="col">Finding</th><th scope="col">Waiver</th></tr></thead><tbody>');
    for (const { c, f } of waived) {
      const w = f.waiver!;
      parts.push(
        `<tr><td><span class="mono small">${h(c.id)}</span></td><th scope="row">${resourceHtml(f.resource)}</th>` +
          `<td><span class="badge st-waived">waived</span> ${sevBadge(f.severity)} ${h(f.message)}${f.evidence ? evidenceHtml(f.evidence) : ''}</td>` +
          `<td>${h(w.reason)}<br><span class="muted small">owner ${h(w.owner)} · ticket ${h(w.ticket)} · expires ${h(w.expires)} · waiver #${h(w.index)}</span></td></tr>`,
      );
    }
    parts.push('</tbody></table>');
  }
  parts.push('</section>');
  return parts.join('\n');
}

function glanceSection(report: Report): string {
  const s = report.summary;
  const sevChips = SEVERITIES.map((sev) => `<span class="sev sev-${h(sev)}${(s.findings[sev] ?? 0) === 0 ? ' zero' : ''}">${h(s.findings[sev] ?? 0)} ${h(sev)}</span>`).join(' ');
  const gate = report.gate;
  const reasons = s.verdictReasons.length ? `<ul>${s.verdictReasons.map((r) => `<li>${h(r)}</li>`).join('')}</ul>` : '<p class="none">No reason recorded.</p>';
  return `<section id="glance" aria-labelledby="glance-h"><h2 id="glance-h" class="skip">At a glance</h2>
<div class="glance">
<div class="tile verdict-tile v-${h(s.verdict)}"><p class="label">Verdict</p><p id="verdict" class="verdict" data-verdict="${h(s.verdict)}">${h(s.verdict.toUpperCase())}</p><p class="note">${VERDICT_MEANING[s.verdict] ?? ''}</p></div>
<div class="tile"><p class="label">Score</p><p id="score" class="value">${h(fmtScore(s.score))}<small> / 100</small></p><p class="note">weighted over evaluated checks</p></div>
<div class="tile"><p class="label">Coverage</p><p id="coverage" class="value">${h(s.coverage)}<small> %</small></p><p class="note">${h(s.counts.unknown)} could not check · ${h(s.counts.error)} error</p></div>
<div class="tile"><p class="label">Gate</p><p id="gate-result" class="value ${gate.passed ? 'gate-pass' : 'gate-fail'}">${gate.passed ? 'passed' : 'failed'}</p><p class="note">${gate.failUnder === null ? 'no score threshold' : `fail under ${h(gate.failUnder)}`}</p></div>
</div>
<div class="reasons"><h3>Why this verdict</h3>${reasons}</div>
<div class="sevcounts"><span class="label">Open findings by severity:</span> ${sevChips}</div>
</section>`;
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
  return `<section id="areas" aria-labelledby="areas-h"><h2 id="areas-h">Areas</h2>
<table><thead><tr><th scope="col">Area</th><th scope="col" class="num">Score</th><th scope="col" class="num">Coverage</th><th scope="col" class="num">Evaluated / checks</th><th scope="col" class="num">Could not check</th><th scope="col" class="num">Errors</th><th scope="col" class="num">Weight</th></tr></thead>
<tbody>${rows.join('\n')}</tbody></table>
<p class="muted small">Checks that could not run (unknown or error) lower coverage and are never counted as pass. Not-applicable and skipped checks count in neither.</p>
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
    parts.push('<p class="callout">These checks did <strong>not</strong> run: their result is unknown, <strong>not</strong> a pass. They lower coverage and are left out of the score.</p>');
  }
  if (notRun.length) {
    parts.push('<table><thead><tr><th scope="col">Check</th><th scope="col">Status</th><th scope="col">Severity</th><th scope="col">Reason</th></tr></thead><tbody>');
    for (const c of notRun) {
      const missing = c.missing?.length
        ? `<br><span class="muted small">missing: ${c.missing.map((m) => `${code(m.artifact)} (${h(m.error.reason)}${m.error.api ? `, ${h(m.error.api)}` : ''})`).join(', ')}</span>`
        : '';
      parts.push(
        `<tr class="row-${h(c.status)}"><th scope="row"><span class="mono small">${h(c.id)}</span><br><span class="muted small">${h(c.title)}</span></th>` +
          `<td>${statusBadge(c.status)}</td><td>${sevBadge(c.severity)}</td><td>${h(c.reason ?? '')}${missing}</td></tr>`,
      );
    }
    parts.push('</tbody></table>');
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
  const parts = [`<section id="permissions" aria-labelledby="permissions-h"><h2 id="permissions-h">Permissions</h2>`];
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
    parts.push('<h3>Read-only ACLs for a full scan</h3><p class="muted small">Grant these to the scanning principal; the ones marked missing were denied in this scan.</p>');
    parts.push('<table><thead><tr><th scope="col" style="width:24%">Permission</th><th scope="col" style="width:12%">In this scan</th><th scope="col">Command</th></tr></thead><tbody>');
    for (const a of p.readOnlyAcls) {
      parts.push(
        `<tr><th scope="row">${h(a.permission)}</th><td>${a.missing ? '<span class="badge st-fail">missing</span>' : '<span class="badge st-not-applicable">not denied</span>'}</td>` +
          `<td><pre><code>${h(a.command)}</code></pre></td></tr>`,
      );
    }
    parts.push('</tbody></table>');
  }
  if (p.iamPolicy) parts.push(`<h3>IAM policy for a full scan (MSK IAM)</h3><pre><code>${h(p.iamPolicy)}</code></pre>`);
  parts.push('</section>');
  return parts.join('\n');
}

function waiversSection(report: Report): string {
  const parts = [`<section id="waivers" aria-labelledby="waivers-h"><h2 id="waivers-h">Waivers (${report.waivers.length})</h2>`];
  if (report.waivers.length === 0) parts.push('<p class="none">No waivers are configured.</p>');
  else {
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
    parts.push('</tbody></table>');
  }
  parts.push('</section>');
  return parts.join('\n');
}

function checksSection(report: Report): string {
  const order = areaOrder(report);
  const rows = [...report.checks]
    .sort((a, b) => order.indexOf(a.area) - order.indexOf(b.area))
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
  return `<section id="checks" aria-labelledby="checks-h"><h2 id="checks-h">All checks (${report.checks.length})</h2>
<p class="muted small">${summary}</p>
<table><thead><tr><th scope="col">Check</th><th scope="col">Area</th><th scope="col">Severity</th><th scope="col">Status</th><th scope="col" class="num">Score</th><th scope="col" class="num">Resources</th></tr></thead>
<tbody>${rows.join('\n')}</tbody></table>
</section>`;
}

function costSection(report: Report): string {
  const c = report.cost;
  const rows = c.drivers.map((d) => `<tr><th scope="row">${h(d.driver)}</th><td class="num">${h(d.monthly.toFixed(2))}</td><td>${h(d.basis)}</td></tr>`).join('');
  const topics = c.topTopics
    .map((t) => `<tr><th scope="row"><code>${h(t.topic)}</code></th><td class="num">${h(t.storedGb)}</td><td class="num">${h(t.projectedGb)}</td><td class="num">${h(t.crossZoneGbMonth)}</td><td class="num">${h(t.monthly.toFixed(2))}</td></tr>`)
    .join('');
  return `<section id="cost" aria-labelledby="cost-h"><h2 id="cost-h">Cost estimate: ${h(c.totalMonthly.toFixed(2))} ${h(c.currency)} per month</h2>
<table><thead><tr><th scope="col">Driver</th><th scope="col">Monthly (${h(c.currency)})</th><th scope="col">Basis</th></tr></thead><tbody>${rows}</tbody></table>
${topics ? `<table><thead><tr><th scope="col">Top topics</th><th scope="col">Stored GB</th><th scope="col">Projected GB</th><th scope="col">Cross-zone GB/month</th><th scope="col">Monthly</th></tr></thead><tbody>${topics}</tbody></table>` : ''}
<p>Prices used: storage ${h(c.prices.storagePerGbMonth)} ${h(c.currency)}/GB-month; cross-zone traffic ${h(c.prices.crossZonePerGb)} ${h(c.currency)}/GB${c.prices.billReplicationTraffic ? '' : ' (replication traffic not billed)'}.</p>
<ul>${c.assumptions.map((x) => `<li>${h(x)}</li>`).join('')}</ul></section>`;
}

function clusterSection(report: Report): string {
  const cl = report.cluster;
  const t = report.snapshot.target;
  const st = report.snapshot.stats;
  const opt = (v: number | null) => (v === null ? '<span class="muted">unreadable</span>' : h(v));
  const reqRows = Object.entries(st.requests ?? {})
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([api, n]) => `<tr><th scope="row">${h(api)}</th><td class="num">${h(n)}</td></tr>`);
  return `<section id="cluster" aria-labelledby="cluster-h"><h2 id="cluster-h">Cluster and scan</h2>
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
${reqRows.length ? `<table style="max-width:420px"><caption>Requests sent per Kafka API</caption><thead><tr><th scope="col">API</th><th scope="col" class="num">Requests</th></tr></thead><tbody>${reqRows.join('')}</tbody></table>` : ''}
</section>`;
}

function scoringSection(report: Report): string {
  const g = report.gate;
  return `<section id="scoring" aria-labelledby="scoring-h"><h2 id="scoring-h">Scoring and gate</h2>
<h3>Formula</h3><p id="formula">${h(report.summary.formula)}</p>
<h3>Gate</h3>
<p id="gate"><strong class="${g.passed ? 'gate-pass' : 'gate-fail'}">${g.passed ? 'Passed' : 'Failed'}</strong>${g.failUnder === null ? ' — no score threshold configured' : ` — fails under score ${h(g.failUnder)}`}</p>
${g.reasons.length ? `<ul>${g.reasons.map((r) => `<li>${h(r)}</li>`).join('')}</ul>` : ''}
</section>`;
}

function digestSection(report: Report, digest: string): string {
  const d = /^[0-9a-f]{64}$/i.test(digest) ? digest.toLowerCase() : digest;
  return `<section aria-labelledby="digest-h"><h2 id="digest-h">Integrity</h2>
<div class="digest-box" id="digest">
<p>This page was rendered from the JSON report (<code>report.json</code>, ${h(report.tool.name)} ${h(report.tool.version)}, generated ${h(report.generatedAt)}) whose SHA-256 digest is:</p>
<code class="digest-value" id="digest-value">${h(d)}</code>
<p>To verify, run <code>sha256sum report.json</code> (macOS: <code>shasum -a 256 report.json</code>; PowerShell: <code>Get-FileHash report.json</code>) on the JSON file you were given and compare the result with this value. If they differ, this page and that JSON report do not describe the same scan.</p>
</div>
</section>`;
}

export function renderHtml(report: Report, ctx: HtmlContext): string {
  const s = report.summary;
  const title = `Kafka readiness report — ${report.cluster.clusterId ?? 'unknown cluster'} — ${s.verdict}`;
  const toc = [
    ['areas', 'Areas'],
    ['findings', 'Findings'],
    ['not-checked', 'Could not check'],
    ['permissions', 'Permissions'],
    ['waivers', 'Waivers'],
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
<a class="skip" href="#findings">Skip to findings</a>
<header class="masthead">
<div><h1>Kafka readiness report</h1>
<p class="sub">Cluster ${report.cluster.clusterId === null ? 'with unknown id' : code(report.cluster.clusterId)} · ${h(report.cluster.brokers)} broker${report.cluster.brokers === 1 ? '' : 's'} · ${h(report.cluster.platform.platform)}</p></div>
<div class="meta">${h(report.tool.name)} ${h(report.tool.version)}<br>snapshot ${h(report.snapshot.takenAt)}<br>generated ${h(report.generatedAt)}</div>
</header>
<nav class="toc" aria-label="Sections">${toc}</nav>
<main>
${glanceSection(report)}
${areasSection(report)}
${findingsSection(report)}
${notCheckedSection(report)}
${permissionsSection(report)}
${waiversSection(report)}
${costSection(report)}
${checksSection(report)}
${clusterSection(report)}
${scoringSection(report)}
${digestSection(report, ctx.jsonDigest)}
</main>
<footer>Self-contained report: no scripts, no network access. Rendered by ${h(report.tool.name)} ${h(report.tool.version)} from report version ${h(report.reportVersion)}.</footer>
</body>
</html>
`;
}
