// Human-readable report for a terminal. Colour only when the stream is a TTY and NO_COLOR is unset.

import { Chalk, type ChalkInstance } from 'chalk';
import type { Report } from '../model.js';
import { resourceLabel } from '../format.js';
import { buildView, evidenceLine } from '../view.js';
import { cutoverText } from './cutover.js';
import { probeText } from './probe.js';

export interface TextOptions {
  color: boolean;
  /** Findings shown per check; the JSON report always has all of them. */
  maxFindings?: number;
}


export function renderText(report: Report, opts: TextOptions): string {
  const c: ChalkInstance = new Chalk({ level: opts.color ? 1 : 0 });
  const max = opts.maxFindings ?? 10;
  const out: string[] = [];
  const s = report.summary;
  const cl = report.cluster;
  const t = report.snapshot.target;

  out.push(c.bold(`kafka-readiness ${report.tool.version} — readiness report`));
  out.push(
    `Cluster ${cl.clusterId ?? '(id unknown)'}: ${cl.brokers} broker(s)${cl.racks.length ? `, racks ${cl.racks.join(', ')}` : ', no racks'}` +
      `${cl.topics !== null ? `, ${cl.topics} topics` : ''}${cl.partitions !== null ? `, ${cl.partitions} partitions` : ''}${cl.groups !== null ? `, ${cl.groups} groups` : ''}`,
  );
  out.push(`Platform: ${cl.platform.platform} (${cl.platform.evidence})`);
  out.push(
    `Scanned ${t.bootstrap.join(',')} as ${t.principal ?? 'ANONYMOUS'} over ${t.securityProtocol}${t.saslMechanism ? `/${t.saslMechanism}` : ''} at ${report.snapshot.takenAt}` +
      ` — ${report.snapshot.stats.totalRequests} requests in ${report.snapshot.stats.durationMs} ms`,
  );
  out.push('');

  const verdictColor = s.verdict === 'ready' ? c.green : s.verdict === 'ready-with-risks' ? c.yellow : c.red;
  out.push(`${c.bold('Verdict')}  ${verdictColor.bold(s.verdict.toUpperCase())}    ${c.bold('Score')} ${s.score ?? 'n/a'}/100    ${c.bold('Coverage')} ${s.coverage} %`);
  for (const r of s.verdictReasons) out.push(`  - ${r}`);
  out.push('');

  out.push(c.bold('Areas'));
  for (const a of report.areas) {
    if (a.checks.total === 0) continue;
    const bar = a.score === null ? ' '.repeat(20) : '█'.repeat(Math.round(a.score / 5)).padEnd(20, '·');
    const scoreText = a.score === null ? '  n/a' : a.score.toFixed(1).padStart(5);
    const extra = a.checks.unknown + a.checks.error > 0 ? c.yellow(`  ${a.checks.unknown} unknown, ${a.checks.error} error`) : '';
    out.push(`  ${a.area.padEnd(14)} ${scoreText}  ${bar}  coverage ${a.coverage} %${extra}`);
  }
  out.push('');

  const view = buildView(report);
  if (report.cutover) {
    const paint = { met: c.green, 'not-met': c.red, unknown: c.yellow } as const;
    out.push(...cutoverText(report.cutover, (st, text) => paint[st].bold(text)).map((l, i) => (i === 0 ? c.bold(l) : l)), '');
  }
  if (report.probe) {
    const paint = { pass: c.green, fail: c.red, denied: c.red, error: c.magenta, unsupported: c.yellow, 'not-run': c.yellow } as const;
    out.push(...probeText(report.probe, (st, text) => paint[st](text)).map((l, i) => (i === 0 ? c.bold(l) : l)), '');
  }
  if (view.fixFirst.length) {
    out.push(c.bold('Fix first'));
    for (const [i, v] of view.fixFirst.slice(0, 5).entries()) out.push(`  ${i + 1}. [${v.severity}] ${v.title} (${v.check.id}): ${v.resources}`);
    out.push('');
  }
  out.push(c.bold(`Findings (${view.openFindings})`));
  if (view.openFindings === 0) out.push('  none');
  for (const { area, checks } of view.byArea) {
    out.push(c.underline(`  ${area}`));
    for (const v of checks) {
      const ch = v.check;
      const tag = v.status === 'fail' ? c.red.bold('FAIL') : c.yellow.bold('WARN');
      out.push(`  ${tag} ${c.bold(ch.id)} [${v.severity}] ${v.title}`);
      const sorted = v.findings.map((x) => x.finding);
      for (const f of sorted.slice(0, max)) {
        const mark = f.status === 'fail' ? c.red('✖') : c.yellow('!');
        const sev = f.severity !== v.severity ? ` [${f.severity}]` : '';
        const lapsed = f.expiredWaiver ? c.red(` (waiver ${f.expiredWaiver.ticket} expired ${f.expiredWaiver.expires})`) : '';
        out.push(`     ${mark} ${c.bold(resourceLabel(f.resource))}${sev}: ${f.message}${lapsed}`);
        if (f.evidence) out.push(c.dim(`         ${evidenceLine(f.evidence)}`));
      }
      if (sorted.length > max) out.push(c.dim(`     … and ${sorted.length - max} more (all are in the JSON report)`));
      out.push(`     ${c.cyan('fix:')} ${ch.remediation}`);
    }
  }
  out.push('');

  const waived = report.checks.flatMap((ch) => ch.findings.filter((f) => f.waiver).map((f) => ({ ch, f })));
  if (report.waivers.length) {
    out.push(c.bold(`Waivers (${waived.length} finding(s) accepted, shown here and not scored)`));
    for (const [i, w] of report.waivers.entries()) {
      const state = w.state === 'expired' ? c.red.bold('EXPIRED') : w.state === 'active' ? c.green('active') : c.dim('unused');
      out.push(`  [${i}] ${state} ${w.check} on "${w.resource}" — ${w.reason} (owner ${w.owner}, ${w.ticket}, expires ${w.expires}, ${w.matched} match(es), ${w.at})`);
    }
    for (const { ch, f } of waived.slice(0, max * 3)) out.push(c.dim(`     waived [${f.waiver!.index}] ${ch.id}: ${resourceLabel(f.resource)}: ${f.message}`));
    out.push('');
  }

  const perms = report.permissions;
  if (perms.missing.length) {
    out.push(c.bold(`Missing permissions of ${perms.principal ?? (perms.iamPolicy ? 'the IAM identity' : 'the anonymous principal')}`));
    for (const m of perms.missing) out.push(`  ${c.yellow(m.permission)}: ${m.artifacts.join(', ')} unreadable → ${m.checks.length} check(s) unknown${m.checks.length ? ` (${m.checks.slice(0, 6).join(', ')}${m.checks.length > 6 ? ', …' : ''})` : ''}`);
    out.push('  ACLs for a full read-only scan (missing ones marked *):');
    for (const a of perms.readOnlyAcls) out.push(`  ${a.missing ? c.yellow('*') : ' '} ${a.command}`);
    if (perms.iamPolicy) {
      out.push('  As an IAM policy document for the scanning identity (MSK IAM):');
      for (const line of perms.iamPolicy.split('\n')) out.push(`    ${line}`);
    }
    out.push('');
  }

  const notRun = report.checks.filter((ch) => ch.status === 'unknown' || ch.status === 'error');
  if (notRun.length || report.gaps.length) {
    out.push(c.bold('Could not check (lowers coverage, never counted as pass)'));
    for (const ch of notRun) out.push(`  ${c.yellow(ch.status.toUpperCase())} ${ch.id}: ${ch.reason ?? ''}`);
    for (const g of report.gaps.filter((x) => x.checks.length === 0)) out.push(`  ${c.dim(`artifact ${g.artifact}: ${g.error.reason} — ${g.error.message}`)}`);
    out.push('');
  }
  const partial = report.checks.filter((ch) => ch.partial?.length);
  if (partial.length) {
    out.push(c.bold('Partly checked'));
    for (const ch of partial) out.push(`  ${ch.id}: ${ch.partial!.join('; ')}`);
    out.push('');
  }

  const cost = report.cost;
  out.push(c.bold(`Cost estimate: ${cost.totalMonthly.toFixed(2)} ${cost.currency}/month`));
  for (const d of cost.drivers) out.push(`  ${d.driver.padEnd(26)} ${d.monthly.toFixed(2).padStart(10)}  ${c.dim(d.basis)}`);
  if (cost.topTopics.length) {
    out.push('  top topics:');
    for (const t of cost.topTopics.slice(0, 5)) out.push(`    ${t.topic.padEnd(30)} ${t.monthly.toFixed(2).padStart(10)}  stored ${t.storedGb} GB, projected ${t.projectedGb} GB, cross-zone ${t.crossZoneGbMonth} GB/month`);
  }
  out.push(c.dim(`  prices: storage ${cost.prices.storagePerGbMonth} ${cost.currency}/GB-month, cross-zone ${cost.prices.crossZonePerGb} ${cost.currency}/GB${cost.prices.billReplicationTraffic ? '' : ' (replication not billed)'}`));
  for (const a of cost.assumptions) out.push(c.dim(`  assumes: ${a}`));
  out.push('');

  const cnt = s.counts;
  out.push(
    `Checks: ${cnt.pass} pass, ${cnt.warn} warn, ${cnt.fail} fail, ${cnt.waived} waived, ${cnt.unknown} unknown, ${cnt.error} error, ${cnt['not-applicable']} not applicable, ${cnt.skipped} skipped`,
  );
  out.push(c.dim(`Formula: ${s.formula}`));
  const gate = report.gate;
  out.push(`Gate: ${view.gate.state === 'none' ? c.dim('no gate') : gate.passed ? c.green('passed') : c.red('FAILED')} — ${view.gate.state === 'none' ? view.gate.detail : gate.reasons.join('; ')}`);
  if (view.baseline) out.push(`Baseline ${view.baseline.file}: ${view.baseline.newFindings.length} new, ${view.baseline.fixedFindings.length} fixed finding(s)${view.baseline.newFindings.length ? ` (e.g. ${view.baseline.newFindings[0]!.check} on ${view.baseline.newFindings[0]!.resource})` : ''}`);
  return `${out.join('\n')}\n`;
}
