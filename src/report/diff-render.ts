// `diff --format markdown|html`: new, fixed and changed findings between two reports, for a PR comment or a
// page to attach. New findings come first (they are what a reviewer must decide on); fixed and changed ones are
// folded. Finding order and wording follow the report view (severity first); strings go through each format's
// one escape function.

import type { FindingRef, ReportDiff } from '../engine/diff.js';
import { escapeStrings } from './escape.js';
import { CSP, escapeHtml, HTML_STYLE_FOR_DIFF } from './renderers/html.js';
import { escapeMarkdown } from './renderers/markdown.js';
import { sevIndex } from './view.js';

const bySeverity = (a: FindingRef, b: FindingRef) => sevIndex(a.severity) - sevIndex(b.severity) || a.check.localeCompare(b.check) || a.resource.localeCompare(b.resource);
const num = (n: number | null) => (n === null ? 'n/a' : String(n));
const signed = (n: number) => `${n >= 0 ? '+' : ''}${n}`;

function headline(d: ReportDiff): string {
  return `score ${num(d.base.score)} → ${num(d.head.score)}${d.scoreChange !== null ? ` (${signed(d.scoreChange)})` : ''} · coverage ${d.base.coverage} % → ${d.head.coverage} % · verdict ${d.base.verdict} → ${d.head.verdict}`;
}

export function renderDiffMarkdown(d: ReportDiff): string {
  const md = escapeMarkdown;
  const code = (v: string) => `<code>${md(v)}</code>`;
  const line = (f: FindingRef) => `- **${md(f.severity)}** ${md(f.status.toUpperCase())} ${code(f.check)} ${md(f.resource)}: ${md(f.message)}`;
  const out: string[] = [];
  out.push(`### Kafka readiness diff: ${d.newFindings.length} new, ${d.fixedFindings.length} fixed, ${d.changedFindings.length} changed`, '');
  out.push(md(headline(d)), '');
  out.push(`#### New findings (${d.newFindings.length})`, '');
  if (d.newFindings.length === 0) out.push('None: nothing got worse.');
  for (const f of [...d.newFindings].sort(bySeverity)) out.push(line(f));
  out.push('');
  const fold = (summary: string, lines: string[]) => {
    out.push(`<details><summary>${summary}</summary>`, '', ...(lines.length ? lines : ['None.']), '', '</details>', '');
  };
  fold(`Fixed findings (${d.fixedFindings.length})`, [...d.fixedFindings].sort(bySeverity).map(line));
  fold(
    `Changed findings (${d.changedFindings.length})`,
    [...d.changedFindings]
      .sort((a, b) => bySeverity(a.after, b.after))
      .map(({ before, after }) => `- ${code(after.check)} ${md(after.resource)}: ${md(before.status)}/${md(before.severity)} → ${md(after.status)}/${md(after.severity)}`),
  );
  return `${out.join('\n')}\n`;
}

export function renderDiffHtml(d: ReportDiff): string {
  const h = escapeHtml;
  const sev = (s: string) => `<span class="sev sev-${h(s)}">${h(s)}</span>`;
  const table = (list: FindingRef[]) =>
    list.length
      ? `<table><thead><tr><th scope="col">Severity</th><th scope="col">Status</th><th scope="col">Check</th><th scope="col">Resource</th><th scope="col">Finding</th></tr></thead><tbody>${[...list]
          .sort(bySeverity)
          .map((f) => `<tr><td>${sev(f.severity)}</td><td><span class="badge st-${h(f.status)}">${h(f.status)}</span></td><td><span class="mono small">${h(f.check)}</span></td><th scope="row"><code>${h(f.resource)}</code></th><td>${h(f.message)}</td></tr>`)
          .join('')}</tbody></table>`
      : '<p class="none">None.</p>';
  const changed = d.changedFindings.length
    ? `<ul>${d.changedFindings.map(({ before, after }) => `<li><span class="mono small">${h(after.check)}</span> <code>${h(after.resource)}</code>: ${h(before.status)}/${h(before.severity)} → ${h(after.status)}/${h(after.severity)}</li>`).join('')}</ul>`
    : '<p class="none">None.</p>';
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${h(CSP)}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>Kafka readiness diff — ${h(d.newFindings.length)} new, ${h(d.fixedFindings.length)} fixed</title>
<style>${HTML_STYLE_FOR_DIFF}</style>
</head>
<body>
<header class="masthead"><div><h1>Kafka readiness diff</h1><p class="sub">${h(headline(d))}</p></div><div class="meta">base ${h(d.base.generatedAt)}<br>head ${h(d.head.generatedAt)}</div></header>
<main>
<section id="new" aria-labelledby="new-h"><h2 id="new-h">New findings (${h(d.newFindings.length)})</h2>${table(d.newFindings)}</section>
<section id="fixed" aria-labelledby="fixed-h"><h2 id="fixed-h">Fixed findings (${h(d.fixedFindings.length)})</h2><details><summary>Show the fixed findings</summary>${table(d.fixedFindings)}</details></section>
<section id="changed" aria-labelledby="changed-h"><h2 id="changed-h">Changed findings (${h(d.changedFindings.length)})</h2>${changed}</section>
</main>
<footer>Self-contained page: no scripts, no network access. Findings are matched by check id and resource.</footer>
</body>
</html>
`;
}

export function renderDiffText(diff: ReportDiff): string {
  // Check ids, resources and messages come from the reports, i.e. from the cluster: shown escaped.
  const d = escapeStrings(diff);
  const fmt = (f: FindingRef) => `  ${f.status.toUpperCase()} [${f.severity}] ${f.check} — ${f.resource}: ${f.message}`;
  const score = (n: number | null) => (n === null ? 'n/a' : String(n));
  const lines = [
    `Score ${score(d.base.score)} → ${score(d.head.score)}${d.scoreChange !== null ? ` (${d.scoreChange >= 0 ? '+' : ''}${d.scoreChange})` : ''}; coverage ${d.base.coverage} % → ${d.head.coverage} %; verdict ${d.base.verdict} → ${d.head.verdict}`,
    '',
    `New findings (${d.newFindings.length})`,
    ...d.newFindings.map(fmt),
    '',
    `Fixed findings (${d.fixedFindings.length})`,
    ...d.fixedFindings.map(fmt),
    '',
    `Changed findings (${d.changedFindings.length})`,
    ...d.changedFindings.map(({ before, after }) => `  ${after.check} — ${after.resource}: ${before.status}/${before.severity} → ${after.status}/${after.severity}`),
  ];
  return `${lines.join('\n')}\n`;
}
