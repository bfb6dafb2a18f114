// The shared report view (fix-first rank, evidence rows, failure titles, gate text), the PR-comment Markdown
// budget on the demo report, and the offline baseline gate: `evaluate --baseline base.json --fail-on-new`.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { builtInChecks } from '../../checks/index.js';
import { main } from '../../src/cli.js';
import { applyBaseline, diffReports } from '../../src/engine/diff.js';
import type { Report } from '../../src/report/model.js';
import { renderHtml } from '../../src/report/renderers/html.js';
import { linesOutsideDetails, renderMarkdown } from '../../src/report/renderers/markdown.js';
import { buildView, capList, evidenceRows, firstSentence, RANK_SEVERITY } from '../../src/report/view.js';
import { demoReport, demoSnapshot, realisticReport } from '../browser/report-fixture.js';

/** Runs the CLI in-process; returns exit code, stdout and stderr. */
async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (d) => (out += d));
  stderr.on('data', (d) => (err += d));
  const before = process.exitCode;
  const code = await main(['node', 'kafka-readiness', ...args], { stdout: stdout as unknown as typeof process.stdout, stderr: stderr as unknown as typeof process.stderr });
  process.exitCode = before;
  return { code, out, err };
}

describe('report view', () => {
  it('every built-in check has a failure title that differs from its passing title', () => {
    for (const c of builtInChecks) {
      expect(c.meta.failureTitle, c.meta.id).toBeTruthy();
      expect(c.meta.failureTitle, c.meta.id).not.toBe(c.meta.title);
    }
  });

  it('ranks fix-first by severity × reach: severity dominates, reach breaks ties, warnings weigh half', async () => {
    const view = buildView(await demoReport());
    expect(view.fixFirst.length).toBe(view.report.checks.filter((c) => c.findings.some((f) => !f.waiver)).length);
    const ranks = view.fixFirst.map((v) => v.rank);
    expect([...ranks].sort((a, b) => b - a)).toEqual(ranks);
    // All critical checks come before any high one (a high needs 100 resources to reach a single critical).
    const sev = view.fixFirst.map((v) => v.severity);
    expect(sev.lastIndexOf('critical')).toBeLessThan(sev.indexOf('high'));
    // Among the criticals, the one covering six listeners outranks the one covering a single topic.
    const listeners = view.fixFirst.find((v) => v.check.id === 'acl/plaintext-listeners')!;
    const unclean = view.fixFirst.find((v) => v.check.id === 'replication/unclean-leader-election')!;
    expect(listeners.findings).toHaveLength(6);
    expect(listeners.rank).toBeGreaterThan(unclean.rank);
    expect(unclean.rank).toBe(RANK_SEVERITY.critical);
    // Each entry says what to do (first sentence of the fix) and which resources it covers, capped.
    expect(listeners.fix).toBe(firstSentence(listeners.check.remediation));
    expect(listeners.resources).toMatch(/ and 3 more$/);
    expect(unclean.title).toBe('Unclean leader election is enabled');
  });

  it('turns evidence into labelled rows with long lists capped and a count of the rest', async () => {
    const view = buildView(await demoReport());
    const zone = view.fixFirst.find((v) => v.check.id === 'replication/zone-loss')!;
    const rows = zone.findings[0]!.rows;
    expect(rows.map((r) => r.label)).toEqual(expect.arrayContaining(['observed offline', 'observed writes blocked', 'observed under replicated', 'expected', 'brokers', 'under replicated']));
    const under = rows.find((r) => r.label === 'under replicated')!;
    expect(under.value).toMatch(/^(\S+, ){4}\S+ and \d+ more$/);
    // The same "expected" in every finding of the check is shown once for the check.
    expect(zone.commonRows.map((r) => r.label)).toContain('expected');
    expect(zone.findings.every((f) => !f.ownRows.some((r) => r.label === 'expected'))).toBe(true);
    expect(capList(['a', 'b'])).toBe('a, b');
    expect(capList([])).toBe('none');
    expect(capList(['1', '2', '3', '4', '5', '6', '7'], 3)).toBe('1, 2, 3 and 4 more');
    // Config evidence: the key and its source as rows; details that repeat the resource name are left out.
    expect(evidenceRows({ observed: 'true', expected: 'false', config: 'unclean.leader.election.enable', source: 'topic', details: { from: 'topic override' } })).toEqual([
      { label: 'observed', value: 'true', literal: true },
      { label: 'expected', value: 'false', literal: false },
      { label: 'config', value: 'unclean.leader.election.enable', literal: true },
      { label: 'source', value: 'topic override', literal: false },
    ]);
    expect(evidenceRows({ observed: 'User:*', expected: 'a named principal', details: { principal: 'User:*', operation: 'WRITE', host: '*' } }, 'User:* ALLOW WRITE on TOPIC:LITERAL:x from *').map((r) => r.label)).toEqual(['observed', 'expected', 'host']);
  });

  it('says "no gate" when none was set, and which rule decided when one was', async () => {
    const none = buildView(await demoReport());
    expect(none.gate).toMatchObject({ state: 'none', label: 'no gate' });
    const failed = buildView(await realisticReport());
    expect(failed.gate.state).toBe('failed');
    expect(failed.gate.detail).toMatch(/waiver for retention\/infinite-retention/);
  });

  it('draws the zone-loss matrix from the demo and says why there is no lag or cost picture', async () => {
    const view = buildView(await demoReport());
    expect('zones' in view.zoneLoss && view.zoneLoss.zones.map((z) => [z.zone, z.offline, z.writesBlocked])).toEqual([
      ['rack-a', 0, 3],
      ['rack-b', 0, 3],
      ['rack-c', 1, 3],
    ]);
    expect('reason' in view.lag && view.lag.reason).toMatch(/--observe/);
    expect('reason' in view.cost && view.cost.reason).toMatch(/^no cost figures: .*ingress is unknown/);
  });
});

describe('HTML pictures', () => {
  it('draws lag, time to data loss and cost drivers when there is data, escaping names in the SVG', async () => {
    const report = await demoReport();
    const lag = report.checks.find((c) => c.id === 'consumer-lag/time-lag')!;
    const ttl = report.checks.find((c) => c.id === 'consumer-lag/time-to-data-loss')!;
    const group = { kind: 'group', name: '<g>&"slow"' };
    lag.status = 'fail';
    lag.findings.push({ resource: group, status: 'fail', severity: 'high', message: '3 h behind', evidence: { observed: '3 h', expected: '< 15 min', details: { timeLagMs: 10_800_000 } } });
    ttl.status = 'fail';
    ttl.findings.push({ resource: group, status: 'fail', severity: 'critical', message: 'deleted in 2 h', evidence: { observed: '2 h', expected: '> 24 h', details: { ttlMs: 7_200_000 } } });
    report.cost.drivers = [
      { driver: 'storage (stored now)', monthly: 12.5, basis: 'x' },
      { driver: 'cross-zone replication', monthly: 40, basis: 'y' },
      { driver: 'cross-zone consumer reads', monthly: 0, basis: 'z' },
    ];
    report.cost.totalMonthly = 52.5;
    const page = renderHtml(report, { jsonDigest: 'ab'.repeat(32) });
    const figure = (id: string) => page.slice(page.indexOf(`<figure id="${id}">`), page.indexOf('</figure>', page.indexOf(`<figure id="${id}">`)));
    const lagFig = figure('chart-lag');
    expect(lagFig).toContain('<svg class="chart"');
    expect(lagFig).toContain('&lt;g&gt;&amp;&quot;slow&quot;');
    expect(lagFig).not.toContain('<g>&');
    expect(lagFig).toContain('>3 h</text>');
    expect(lagFig).toContain('>2 h</text>');
    const costFig = figure('chart-cost');
    // Drivers with money, largest first; zero drivers left out of the picture.
    expect(costFig.indexOf('cross-zone replication')).toBeLessThan(costFig.indexOf('storage (stored now)'));
    expect(costFig).not.toContain('cross-zone consumer reads');
    expect(costFig).toContain('40.00 USD');
  });
});

describe('Markdown for a PR comment', () => {
  it('keeps the demo report to at most 60 lines outside <details>, verdict and fix-first first', async () => {
    const md = renderMarkdown(await demoReport());
    const open = linesOutsideDetails(md);
    expect(open).toBeLessThanOrEqual(60);
    expect(md.split('\n').length).toBeGreaterThan(open + 50);
    const lines = md.split('\n');
    expect(lines[0]).toMatch(/^### Kafka readiness: NOT-READY · score [\d.]+\/100 · coverage [\d.]+ %$/);
    expect(md).toContain('**Gate: no gate** — No gate set');
    expect(md.indexOf('#### Fix first')).toBeLessThan(md.indexOf('<details>'));
    expect(lines.find((l) => l.startsWith('1. '))).toMatch(/^1\. \*\*critical\*\* Client listeners send traffic unencrypted — <code>acl\/plaintext-listeners<\/code>/);
    // Every <details> is closed again.
    expect(md.match(/<details>/g)!.length).toBe(md.match(/<\/details>/g)!.length);
  });

  it('linesOutsideDetails counts only what a PR thread shows unfolded', () => {
    expect(linesOutsideDetails('a\nb\n<details><summary>x</summary>\n\nhidden\n</details>\nc\n')).toBe(3);
  });
});

describe('baseline: new and fixed findings, and the offline --fail-on-new gate', () => {
  it('applyBaseline is a pure step after one evaluation: same checks and score, new gate and comparison', async () => {
    const base = await realisticReport({ waivers: false });
    const head = await demoReport();
    const compared = applyBaseline(head, base, 'base.json', true);
    expect(compared.checks).toBe(head.checks);
    expect(compared.summary).toBe(head.summary);
    expect(head.baseline).toBeUndefined();
    const d = diffReports(base, head);
    expect(compared.baseline).toMatchObject({ file: 'base.json', generatedAt: base.generatedAt, newFindings: d.newFindings, fixedFindings: d.fixedFindings });
    expect(compared.gate).toMatchObject({ passed: false, decidedBy: 'new-findings' });
    // The evaluation's minimum-coverage rule stays first: --fail-on-new replaces --fail-under/--fail-on, not it.
    expect(compared.gate.rules.map((r) => r.rule)).toEqual(['min-coverage', 'new-findings']);
    expect(compared.gate.rules[0]).toEqual(head.gate.rules.find((r) => r.rule === 'min-coverage'));
    const blind = { ...head, summary: { ...head.summary, coverage: 5 }, gate: { ...head.gate, rules: head.gate.rules.map((r) => (r.rule === 'min-coverage' ? { ...r, passed: false } : r)) } };
    expect(applyBaseline(blind, head, 'head.json', true).gate).toMatchObject({ passed: false, decidedBy: 'min-coverage' });
    // The HTML page puts the new findings right after the verdict, the fixed ones folded; the gate card says why it failed.
    const page = renderHtml(compared, { jsonDigest: 'ab'.repeat(32) });
    expect(page.indexOf('id="baseline"')).toBeLessThan(page.indexOf('id="fix-first"'));
    expect(page).toContain(`Against the baseline: ${d.newFindings.length} new, ${d.fixedFindings.length} fixed`);
    expect(page).toContain(`<h3>New findings (${d.newFindings.length})</h3><table>`);
    expect(page).toContain(`<details><summary>Fixed findings (${d.fixedFindings.length})</summary>`);
    expect(page).toMatch(/<p id="gate-result" class="value" data-gate="failed">failed<\/p><p class="note">\d+ finding\(s\) not in the baseline \(--baseline base\.json\)/);
    // Without --fail-on-new the gate is the evaluation's own.
    expect(applyBaseline(head, base, 'base.json', false).gate).toEqual(head.gate);
  });

  it('`evaluate --baseline base.json --fail-on-new` exits 1 for a new finding and 0 otherwise, offline', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'kr-baseline-'));
    const snap = path.join(dir, 'snapshot.json');
    const base = path.join(dir, 'base.json');
    writeFileSync(snap, JSON.stringify(demoSnapshot()));
    const first = await cli('evaluate', snap, '--format', 'json', '--output', base);
    expect(first.code).toBe(0);

    // Same snapshot: not-ready with many findings, but none new, so the gate passes.
    const same = await cli('evaluate', snap, '--baseline', base, '--fail-on-new', '--format', 'json');
    expect(same.err).toBe('');
    expect(same.code).toBe(0);
    const sameReport = JSON.parse(same.out) as Report;
    expect(sameReport.summary.verdict).toBe('not-ready');
    expect(sameReport.baseline).toMatchObject({ file: base, newFindings: [], fixedFindings: [] });
    // The minimum coverage always applies (it passes here); the new findings replace --fail-under/--fail-on.
    expect(sameReport.gate.rules).toEqual([expect.objectContaining({ rule: 'min-coverage', passed: true }), expect.objectContaining({ rule: 'new-findings', passed: true })]);

    // One more topic with a single replica: new findings, exit 1, named in the gate and the PR comment.
    const changed = demoSnapshot();
    const topics = changed.artifacts.topics as { ok: true; value: { name: string; partitions: { partition: number; leader: number; replicas: number[]; isr: number[] }[] }[] };
    const template = topics.value.find((t) => t.name === 'scratch.single-replica')!;
    topics.value.push({ ...structuredClone(template), name: 'orders.new-single' });
    const cfgs = changed.artifacts.topicConfigs as { ok: true; value: Record<string, unknown> };
    cfgs.value['orders.new-single'] = structuredClone(cfgs.value['scratch.single-replica']);
    const snap2 = path.join(dir, 'snapshot2.json');
    writeFileSync(snap2, JSON.stringify(changed));
    const worse = await cli('evaluate', snap2, '--baseline', base, '--fail-on-new', '--format', 'markdown');
    expect(worse.code).toBe(1);
    expect(worse.out).toMatch(/#### New since the baseline: \d+ new, 0 fixed/);
    expect(worse.out).toContain('topic orders.new-single');
    expect(worse.out).toMatch(/\*\*Gate: FAILED\*\* — \d+ finding\(s\) not in the baseline \(--baseline /);
    // Without --fail-on-new the comparison is shown but the (absent) gate decides: exit 0.
    expect((await cli('evaluate', snap2, '--baseline', base, '--format', 'json')).code).toBe(0);
    // --junit-warn maps warnings in the JUnit output of the same run.
    const junit = await cli('evaluate', snap, '--format', 'junit', '--junit-warn', 'skipped');
    expect(junit.code).toBe(0);
    expect((junit.out.match(/<skipped message="warning: /g) ?? []).length).toBe(sameReport.checks.flatMap((c) => c.findings.filter((f) => f.status === 'warn' && !f.waiver)).length);
    expect((await cli('evaluate', snap, '--format', 'junit', '--junit-warn', 'maybe')).code).toBe(2);
    // --fail-on-new without a baseline is a usage error.
    const usage = await cli('evaluate', snap2, '--fail-on-new');
    expect(usage.code).toBe(2);
    expect(usage.err).toBe('kafka-readiness: --fail-on-new needs --baseline <report.json>\n');

    // diff renders the same comparison for a PR comment and as a self-contained page.
    const head = path.join(dir, 'head.json');
    expect((await cli('evaluate', snap2, '--format', 'json', '--output', head)).code).toBe(0);
    const md = await cli('diff', base, head, '--format', 'markdown');
    expect(md.code).toBe(0);
    expect(md.out).toMatch(/^### Kafka readiness diff: \d+ new, 0 fixed, 0 changed\n/);
    expect(md.out).toContain('<code>replication/replication-factor</code> topic orders.new-single');
    const page = await cli('diff', base, head, '--format', 'html', '--fail-on-new');
    expect(page.code).toBe(1);
    expect(page.out).toContain('<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;');
    expect(page.out).not.toMatch(/<script/i);
    expect(page.out).toContain('<code>topic orders.new-single</code>');
    expect(readFileSync(base, 'utf8')).toContain('"reportVersion": 1');
  });
});
