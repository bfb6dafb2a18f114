// The write probe's section (report.probe) laid out for text, Markdown and HTML: the compatibility matrix
// (capability × client), the clients that could not run here with the reason, the burst numbers and the cleanup.
// The caller passes its own escaping (topic names, client errors and messages are untrusted); the text
// renderer's input is already escaped (escapeStrings).

import type { ProbeCellStatus } from '../../model/snapshot.js';
import type { ProbeReport } from '../model.js';

const CELL_LABEL: Record<ProbeCellStatus, string> = { pass: 'pass', fail: 'FAIL', unsupported: 'unsupported', denied: 'DENIED', 'not-run': 'not run', error: 'ERROR' };
const CELL_CLASS: Record<ProbeCellStatus, string> = { pass: 'st-pass', fail: 'st-fail', unsupported: 'st-unknown', denied: 'st-fail', 'not-run': 'st-unknown', error: 'st-error' };
const INTRO = 'Measured with real clients against a topic the probe created (or the one named) and removed afterwards; the checks compatibility/client-matrix and compatibility/burst judge these numbers.';

export function clientLabel(c: ProbeReport['clients'][number]): string {
  return `${c.name} (${c.library}${c.version ? ` ${c.version}` : ''})`;
}

/** One line per burst number set, shared by every format (numbers only: nothing to escape but the reason). */
export function burstLines(b: ProbeReport['burst']): string[] {
  if (b.status !== 'measured' || !b.numbers) return [`${b.status === 'not-run' ? 'not run' : 'UNKNOWN'}: ${b.reason ?? ''}`];
  const n = b.numbers;
  return [
    `${n.records} records × ${n.recordBytes} B with acks=all (client ${n.client})`,
    `produce: ${n.produceRecordsPerSec} records/s (${n.produceMBPerSec} MB/s) in ${n.produceMs} ms; latency p50 ${n.latencyMs.p50} ms, p99 ${n.latencyMs.p99} ms, max ${n.latencyMs.max} ms`,
    `catch-up: ${n.consumers} consumer(s) drained the backlog in ${n.drainMs} ms (${n.readRecordsPerSec} records/s, ${n.readMBPerSec} MB/s)`,
    ...(n.recovered?.length ? [`recovered from (streams reopened, time included): ${n.recovered.join('; ')}`] : []),
  ];
}

function cleanupLines(p: ProbeReport): string[] {
  const c = p.cleanup;
  if (!c) return [];
  return [
    `removed: ${[...c.deletedTopics.map((t) => `topic ${t}`), ...c.deletedGroups.map((g) => `group ${g}`)].join(', ') || 'nothing'}${c.interrupted ? ' (after an interruption)' : ''}`,
    ...(c.leftToExpire.length ? [`left to expire (transactional ids cannot be deleted): ${c.leftToExpire.join(', ')}`] : []),
    ...c.failures.map((f) => `could not remove: ${f}`),
  ];
}

function head(p: ProbeReport): string {
  if (p.error) return `the probe did not run: ${p.error.reason}: ${p.error.message}`;
  const t = p.topic;
  return `${t ? `topic ${t.name} (${t.created ? 'created by the probe' : 'named by the operator'}, ${t.partitions} partition(s))` : 'no topic'}${p.durationMs !== null ? `, ${Math.round(p.durationMs / 100) / 10} s` : ''}${p.startedAt ? `, started ${p.startedAt}` : ''}`;
}

const ran = (p: ProbeReport) => p.clients.filter((c) => c.available);
const cellOf = (p: ProbeReport, row: ProbeReport['matrix'][number], client: string) => row.cells.find((x) => x.client === client);

export function probeText(p: ProbeReport, mark: (status: ProbeCellStatus, text: string) => string): string[] {
  const out = [`Write probe: ${head(p)}`, `  ${INTRO}`];
  const clients = ran(p);
  for (const c of p.clients) out.push(`  client ${clientLabel(c)}: ${c.available ? 'ran' : `not available here: ${c.reason ?? 'no reason given'}`}`);
  if (p.matrix.length && clients.length) {
    const width = Math.max(12, ...p.matrix.map((r) => r.capability.length));
    out.push(`  ${'capability'.padEnd(width)}  ${clients.map((c) => c.name.padEnd(12)).join(' ')}`);
    for (const row of p.matrix) {
      out.push(`  ${row.capability.padEnd(width)}  ${clients.map((c) => { const x = cellOf(p, row, c.name); return x ? mark(x.status, CELL_LABEL[x.status].padEnd(12)) : '-'.padEnd(12); }).join(' ')}`);
    }
    for (const row of p.matrix) for (const x of row.cells) if (x.status !== 'pass') out.push(`    ${x.client} ${row.capability} ${CELL_LABEL[x.status]}: ${x.message}`);
  }
  out.push('  Burst and catch-up:');
  for (const l of burstLines(p.burst)) out.push(`    ${l}`);
  for (const l of cleanupLines(p)) out.push(`  ${l}`);
  return out;
}

export function probeMarkdown(p: ProbeReport, md: (v: unknown) => string): string[] {
  const code = (v: unknown) => `<code>${md(v)}</code>`;
  const out = [`#### Write probe`, '', `${md(head(p))}. ${md(INTRO)}`, ''];
  const clients = ran(p);
  for (const c of p.clients.filter((x) => !x.available)) out.push(`- ${code(clientLabel(c))} not available here: ${md(c.reason ?? 'no reason given')}`);
  if (p.clients.some((x) => !x.available)) out.push('');
  if (p.matrix.length && clients.length) {
    out.push(`| capability | ${clients.map((c) => md(clientLabel(c))).join(' | ')} |`, `| --- | ${clients.map(() => '---').join(' | ')} |`);
    for (const row of p.matrix) {
      out.push(`| ${code(row.capability)} | ${clients.map((c) => { const x = cellOf(p, row, c.name); return x ? `${x.status === 'pass' ? '' : '**'}${md(CELL_LABEL[x.status])}${x.status === 'pass' ? '' : '**'}` : '—'; }).join(' | ')} |`);
    }
    out.push('');
    for (const row of p.matrix) for (const x of row.cells) if (x.status !== 'pass') out.push(`- ${md(x.client)} ${code(row.capability)} ${md(CELL_LABEL[x.status])}: ${md(x.message)}`);
    out.push('');
  }
  out.push('**Burst and catch-up**', '');
  for (const l of burstLines(p.burst)) out.push(`- ${md(l)}`);
  out.push('');
  const clean = cleanupLines(p);
  if (clean.length) out.push(...clean.map((l) => `- ${md(l)}`), '');
  return out;
}

export function probeHtml(p: ProbeReport, h: (v: unknown) => string): string {
  const badge = (s: ProbeCellStatus) => `<span class="badge ${CELL_CLASS[s]}">${h(CELL_LABEL[s])}</span>`;
  const clients = ran(p);
  const missing = p.clients.filter((x) => !x.available).map((c) => `<li><code>${h(clientLabel(c))}</code> not available here: ${h(c.reason ?? 'no reason given')}</li>`);
  const table =
    p.matrix.length && clients.length
      ? `<table class="probe-matrix"><thead><tr><th scope="col">capability</th>${clients.map((c) => `<th scope="col">${h(clientLabel(c))}</th>`).join('')}</tr></thead><tbody>${p.matrix
          .map((row) => `<tr><th scope="row"><code>${h(row.capability)}</code></th>${clients.map((c) => { const x = cellOf(p, row, c.name); return x ? `<td title="${h(x.message)}">${badge(x.status)}${x.status !== 'pass' ? ` <span class="small">${h(x.message)}</span>` : ''}</td>` : '<td>—</td>'; }).join('')}</tr>`)
          .join('')}</tbody></table>`
      : '';
  const list = (lines: string[]) => (lines.length ? `<ul>${lines.map((l) => `<li>${h(l)}</li>`).join('')}</ul>` : '');
  return `<section id="probe" aria-labelledby="probe-h" class="minor"><h2 id="probe-h">Write probe</h2>
<p>${h(head(p))}</p>
<p class="muted small">${h(INTRO)}</p>
${missing.length ? `<ul>${missing.join('')}</ul>` : ''}
${table}
<h3>Burst and catch-up</h3>
${list(burstLines(p.burst))}
${list(cleanupLines(p))}
</section>`;
}
