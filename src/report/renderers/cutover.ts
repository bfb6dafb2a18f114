// The cut-over checklist of a compare report, laid out for text, Markdown and HTML. The caller passes its own
// escaping (cluster names in resources and reasons are untrusted); the text renderer's input is already escaped.

import type { CutoverChecklist, CutoverItem, CutoverStatus } from '../model.js';

/** Resources listed per item; the JSON report has all of them. */
export const CUTOVER_RESOURCES_SHOWN = 10;

export const CUTOVER_LABEL: Record<CutoverStatus, string> = { met: 'MET', 'not-met': 'NOT MET', unknown: 'UNKNOWN' };
const BADGE_CLASS: Record<CutoverStatus, string> = { met: 'st-pass', 'not-met': 'st-fail', unknown: 'st-unknown' };
export const CUTOVER_INTRO = 'Each item is met only when every check deciding it passed on fully read data; not met when one of them found a problem, whatever else could not be read; otherwise unknown when one could not decide (never met).';

function lines(item: CutoverItem): { resources: CutoverItem['resources']; more: number } {
  return { resources: item.resources.slice(0, CUTOVER_RESOURCES_SHOWN), more: Math.max(0, item.resources.length - CUTOVER_RESOURCES_SHOWN) };
}

const checkList = (item: CutoverItem) => item.checks.map((c) => `${c.id} ${c.status}`).join(', ');

/** An item's deciding checks, every resource keeping it from being met and the reasons it could not be decided, as plain lines (JUnit bodies). */
export function cutoverItemLines(item: CutoverItem): string[] {
  return [
    `checks: ${checkList(item)}`,
    ...item.resources.map((r) => `${r.status} ${r.kind} ${r.name} (${r.check}): ${r.message}`),
    ...item.reasons.map((why) => `could not decide: ${why}`),
  ];
}

/** Plain lines; `mark` colours a status word (identity without colour). */
export function cutoverText(c: CutoverChecklist, mark: (status: CutoverStatus, text: string) => string): string[] {
  const out = [`Cut-over checklist: ${mark(c.status, CUTOVER_LABEL[c.status])}`, `  ${CUTOVER_INTRO}`];
  for (const p of c.phases) {
    out.push(`  ${p.title}: ${mark(p.status, CUTOVER_LABEL[p.status])}`);
    for (const i of p.items) {
      out.push(`    [${mark(i.status, CUTOVER_LABEL[i.status])}] ${i.title} (${checkList(i)})`);
      const { resources, more } = lines(i);
      for (const r of resources) out.push(`        ${r.status} ${r.kind} ${r.name}: ${r.message}`);
      if (more) out.push(`        … and ${more} more (all are in the JSON report)`);
      for (const why of i.reasons) out.push(`        ? ${why}`);
    }
  }
  return out;
}

export function cutoverMarkdown(c: CutoverChecklist, md: (v: unknown) => string): string[] {
  const code = (v: unknown) => `<code>${md(v)}</code>`;
  const out = [`#### Cut-over checklist: ${md(CUTOVER_LABEL[c.status])}`, '', md(CUTOVER_INTRO), ''];
  for (const p of c.phases) {
    out.push(`**${md(p.title)}: ${md(CUTOVER_LABEL[p.status])}**`, '');
    for (const i of p.items) {
      const box = i.status === 'met' ? '[x]' : '[ ]';
      out.push(`- ${box} **${md(CUTOVER_LABEL[i.status])}** ${md(i.title)} — ${i.checks.map((ch) => `${code(ch.id)} ${md(ch.status)}`).join(', ')}`);
      const { resources, more } = lines(i);
      for (const r of resources) out.push(`  - ${md(r.status)} ${md(r.kind)} ${code(r.name)}: ${md(r.message)}`);
      if (more) out.push(`  - … and ${more} more (all are in the JSON report)`);
      for (const why of i.reasons) out.push(`  - could not decide: ${md(why)}`);
    }
    out.push('');
  }
  return out;
}

export function cutoverHtml(c: CutoverChecklist, h: (v: unknown) => string): string {
  const badge = (s: CutoverStatus) => `<span class="badge ${BADGE_CLASS[s]}">${h(CUTOVER_LABEL[s])}</span>`;
  const item = (i: CutoverItem) => {
    const { resources, more } = lines(i);
    const sub = [
      ...resources.map((r) => `<li>${h(r.status)} ${h(r.kind)} <code>${h(r.name)}</code>: ${h(r.message)}</li>`),
      ...(more ? [`<li class="muted">… and ${h(more)} more (all are in the JSON report)</li>`] : []),
      ...i.reasons.map((why) => `<li class="muted">could not decide: ${h(why)}</li>`),
    ];
    return `<li>${badge(i.status)} ${h(i.title)} <span class="mono small">${i.checks.map((ch) => `${h(ch.id)} ${h(ch.status)}`).join(', ')}</span>${sub.length ? `<ul>${sub.join('')}</ul>` : ''}</li>`;
  };
  const phases = c.phases.map((p) => `<h3>${h(p.title)} ${badge(p.status)}</h3><ul class="cutover">${p.items.map(item).join('')}</ul>`).join('\n');
  return `<section id="cutover" aria-labelledby="cutover-h"><h2 id="cutover-h">Cut-over checklist ${badge(c.status)}</h2>
<p class="muted small">${h(CUTOVER_INTRO)}</p>
${phases}
</section>`;
}
