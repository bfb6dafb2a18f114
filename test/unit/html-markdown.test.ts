import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultConfig, loadReadinessConfig } from '../../src/config/readiness.js';
import { buildRegistry, type RegisteredCheck } from '../../src/engine/registry.js';
import { evaluateSnapshot } from '../../src/pipeline.js';
import { defineCheck } from '../../src/sdk.js';
import type { Report } from '../../src/report/model.js';
import { escapeHtml, HTML_FINDINGS_MAX, renderHtml, reportDigest } from '../../src/report/renderers/html.js';
import { JSON_INDENT_MAX_FINDINGS, renderJson } from '../../src/report/renderers/json.js';
import { escapeMarkdown, renderMarkdown } from '../../src/report/renderers/markdown.js';
import { demoReport, HOSTILE_TOPIC, jsonDigest, realisticReport } from '../browser/report-fixture.js';
import { cfg, makeSnapshot, TOPIC_DEFAULTS, topicInfo } from '../helpers/snapshot.js';

const DIGEST = 'ab'.repeat(32);

/** Markup from the element with this id up to the next top-level section (good enough for assertions on our own markup). */
function section(html: string, id: string): string {
  const start = html.indexOf(`id="${id}"`);
  expect(start, `#${id} present`).toBeGreaterThan(0);
  // Top-level sections carry aria-labelledby; the per-area sections inside Findings do not.
  const next = /<section (id|aria-labelledby)=/g;
  next.lastIndex = start + 1;
  const end = next.exec(html)?.index;
  return html.slice(start, end);
}

/** Table rows of a GFM table: cells split on unescaped pipes. */
function mdTableRows(markdown: string, header: string): string[][] {
  const lines = markdown.split('\n');
  const at = lines.findIndex((l) => l.startsWith(header));
  expect(at, `table "${header}"`).toBeGreaterThanOrEqual(0);
  const rows: string[][] = [];
  for (let i = at; i < lines.length && lines[i]!.startsWith('|'); i++) rows.push(lines[i]!.split(/(?<!\\)\|/).slice(1, -1));
  return rows;
}

describe('escaping helpers', () => {
  it('escapeHtml escapes the five HTML-significant characters', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
    expect(escapeHtml(null)).toBe('');
    expect(escapeHtml(3)).toBe('3');
  });

  it('escapeMarkdown neutralises HTML, code, emphasis, links and table pipes, and joins lines', () => {
    expect(escapeMarkdown('<b>&amp;</b> `x` *y* _z_ [l](u) a|b ~s~\\\nnext')).toBe(
      '&lt;b&gt;&amp;amp;&lt;/b&gt; \\`x\\` \\*y\\* \\_z\\_ \\[l\\](u) a\\|b \\~s\\~\\\\ next',
    );
  });
});

describe('HTML report', () => {
  it('shows verdict, score, coverage, reasons, areas and the digest with how to verify it', async () => {
    const report = await realisticReport();
    const html = renderHtml(report, { jsonDigest: DIGEST });
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toMatch(/<p id="verdict" class="verdict" data-verdict="not-ready">NOT-READY<\/p>/);
    expect(html).toContain('class="tile verdict-tile v-not-ready"');
    expect(section(html, 'score')).toContain(`${report.summary.score}<small> / 100`);
    expect(section(html, 'coverage')).toContain(`${report.summary.coverage}<small> %`);
    for (const r of report.summary.verdictReasons) expect(html).toContain(escapeHtml(r));

    const areas = section(html, 'areas');
    for (const a of report.areas.filter((x) => x.checks.total > 0)) {
      expect(areas).toContain(`<th scope="row">${a.area}</th>`);
      expect(areas).toContain(`${a.coverage} %`);
    }
    // acl has 6 checks that could not run: shown with the "unknown" badge, not as a plain number.
    expect(areas).toMatch(/<th scope="row">acl<\/th>.*<span class="badge st-unknown">6<\/span>/);

    const digest = section(html, 'digest');
    expect(digest).toContain(DIGEST);
    expect(digest).toContain('sha256sum report.json');
  });

  it('groups findings by area then fix-first rank, with failure titles, evidence tables, the fix and references', async () => {
    const report = await realisticReport();
    const page = html(report);
    const findings = section(page, 'findings');
    // Area order follows report.areas; inside replication critical checks come before high ones.
    const rep = findings.indexOf('replication <span');
    const ret = findings.indexOf('retention <span');
    expect(rep).toBeGreaterThan(0);
    expect(ret).toBeGreaterThan(rep);
    const crit = findings.indexOf('<h4>Unclean leader election is enabled</h4>');
    const high = findings.indexOf('<h4>Topics do not survive a broker loss');
    expect(crit).toBeGreaterThan(rep);
    expect(high).toBeGreaterThan(crit);
    expect(high).toBeLessThan(ret);
    // A failing check is titled by its failing condition and starts open; it never shows the passing title.
    expect(findings).toMatch(/<details class="check c-critical cs-fail" id="check-replication-unclean-leader-election" open>/);
    expect(findings).not.toContain('<h4>Unclean leader election is disabled</h4>');
    // A check that only warns starts folded, unless an expired waiver makes it fail the gate.
    expect(findings).toMatch(/<details class="check c-medium cs-warn" id="check-retention-infinite-retention" open>/);
    const demo = html(await demoReport());
    expect(demo).toMatch(/<details class="check c-low cs-warn" id="check-retention-timestamp-settings">/);

    // Resource, message, evidence as a labelled table (observed, expected, config, source), the fix, references.
    expect(findings).toContain('<code>legacy.unclean</code>');
    expect(findings).toContain('unclean leader election is enabled (topic override)');
    expect(findings).toContain('<table class="ev"><tbody><tr><th scope="row">observed</th><td><code>true</code></td><th scope="row">expected</th><td>false</td></tr>');
    expect(findings).toContain('<th scope="row">config</th><td><code>unclean.leader.election.enable</code></td><th scope="row">source</th><td>topic override</td>');
    expect(findings).toContain('<strong>Fix:</strong> Remove the override or set <code>unclean.leader.election.enable=false</code>');
    expect(findings).toMatch(/<a href="https:\/\/kafka\.apache\.org\/[^"]+" rel="noreferrer noopener" target="_blank">Kafka docs: unclean\.leader\.election\.enable<\/a>/);
  });

  it('escapes hostile cluster data everywhere (topic names with <, &, quotes)', async () => {
    const report = await realisticReport();
    const page = html(report);
    expect(report.checks.some((c) => c.findings.some((f) => f.resource.name === HOSTILE_TOPIC))).toBe(true);
    expect(page).not.toMatch(/<script/i);
    expect(page).not.toContain(HOSTILE_TOPIC);
    expect(page).not.toContain('&"x"');
    expect(page).toContain('<code>&lt;script&gt;alert(1)&lt;/script&gt;&amp;&quot;x&quot;</code>');
    // In the verdict reason, in a finding message and in evidence details too.
    expect(section(page, 'glance-h')).toContain('on topic &lt;script&gt;alert(1)&lt;/script&gt;&amp;&quot;x&quot;');
    expect(section(page, 'findings')).toContain('(e.g. &lt;script&gt;alert(1)&lt;/script&gt;&amp;&quot;x&quot;-0)');
  });

  it('loads nothing from the network and links out only with rel=noreferrer', async () => {
    const page = html(await realisticReport());
    expect(page).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;; style-src &#39;unsafe-inline&#39;; img-src data:;`);
    const loading = [...page.matchAll(/<(link|script|img|iframe|frame|embed|object|source|video|audio|track|input|base|meta)\b[^>]*>/gi)].map((m) => m[0]);
    expect(loading.length).toBeGreaterThan(0);
    for (const tag of loading) {
      expect(tag, tag).not.toMatch(/\b(src|href|srcset|data|poster|action|content)\s*=\s*"\s*(https?:)?\/\//i);
      expect(tag, tag).not.toMatch(/url=/i);
    }
    expect(page).not.toMatch(/<script/i);
    expect(page).not.toMatch(/@import|url\(/i);
    expect(page).not.toMatch(/<link\b(?![^>]*href="data:)/i);
    const anchors = [...page.matchAll(/<a\b[^>]*>/g)].map((m) => m[0]);
    for (const a of anchors.filter((x) => /href="(?!#)/.test(x))) {
      expect(a).toMatch(/href="https?:\/\//);
      expect(a).toMatch(/rel="[^"]*noreferrer/);
    }
  });

  it('shows waived findings separately, marks expired waivers and lists every waiver with its state', async () => {
    const report = await realisticReport();
    const page = html(report);
    const findings = section(page, 'findings');
    const waivedAt = findings.indexOf('id="waived-findings"');
    expect(waivedAt).toBeGreaterThan(0);
    const open = findings.slice(0, waivedAt);
    const waived = findings.slice(waivedAt);
    // The waived finding (payments.events) is only in the waived part, with reason, owner, ticket and expiry.
    expect(open).not.toContain('<code>payments.events</code>');
    expect(waived).toContain('<code>payments.events</code>');
    expect(waived).toContain('<span class="badge st-waived">waived</span>');
    expect(waived).toContain('single-AZ pilot, accepted by CISO');
    expect(waived).toContain('owner team-payments · ticket SEC-101 · expires 2099-12-31');
    // The finding whose waiver expired stays open and says so.
    expect(open).toMatch(/<code>audit\.log<\/code>.*waiver expired<\/span> waiver LEGAL-7 \(owner records-office\) expired on 2020-01-31/s);

    const waivers = section(page, 'waivers');
    expect(waivers).toContain('Waivers (3)');
    for (const [state, check, matched] of [
      ['active', 'replication/replication-factor', 1],
      ['expired', 'retention/infinite-retention', 1],
      ['unused', 'acl/super-users', 0],
    ] as const) {
      expect(waivers).toMatch(new RegExp(`st-${state}">${state}</span>.*${check}.*<td class="num">${matched}</td>`));
    }
    expect(waivers).toContain('legal hold | keep forever');
  });

  it('shows waiver locations as file:line when the waivers come from readiness.yaml', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'kr-html-'));
    const file = path.join(dir, 'readiness.yaml');
    writeFileSync(
      file,
      ['version: 1', 'waivers:', '  - check: replication/replication-factor', '    resource: "orders"', '    reason: accepted for the pilot', '    owner: team-a', '    ticket: T-1', '    expires: "2099-01-01"', ''].join('\n'),
    );
    const config = loadReadinessConfig(file);
    const snapshot = makeSnapshot({ topics: { ok: true, value: [topicInfo('orders', [{ replicas: [1] }])] } });
    const report = evaluateSnapshot(snapshot, { config, registry: await buildRegistry(config) });
    expect(report.waivers[0]).toMatchObject({ state: 'active', matched: 1 });
    expect(report.waivers[0]!.at).toMatch(/readiness\.yaml:\d+/);
    expect(section(html(report), 'waivers')).toContain(escapeHtml(report.waivers[0]!.at));
    expect(renderMarkdown(report)).toContain(escapeMarkdown(report.waivers[0]!.at));
  });

  it('lists missing permissions, marks the missing read-only ACLs and shows checks that could not run apart from pass', async () => {
    const report = await realisticReport();
    const page = html(report);
    const perms = section(page, 'permissions');
    expect(perms).toContain('<code>User:scanner</code>');
    expect(perms).toMatch(/<span class="badge st-fail">missing<\/span> DESCRIBE on Cluster<\/th><td><code>acls<\/code>/);
    expect(perms).toContain('acl/wildcard-principal');
    expect(perms.match(/<span class="badge st-fail">missing<\/span><\/td>/g)).toHaveLength(1);
    expect(perms.match(/not denied/g)).toHaveLength(4);
    expect(perms).toContain('--operation DESCRIBE --cluster');
    expect(perms).toContain("--topic &#39;*&#39;");

    const notChecked = section(page, 'not-checked-h');
    expect(notChecked).toContain('Could not check (8)');
    expect(notChecked).toContain('<span class="badge st-unknown">could not check</span>');
    expect(notChecked).toContain('acls denied (DescribeAcls failed with CLUSTER_AUTHORIZATION_FAILED)');
    const checks = section(page, 'checks');
    expect(checks).toMatch(/acl\/wildcard-principal.*st-unknown">could not check/);
    expect(checks).toMatch(/acl\/authorizer-enabled.*st-pass">pass/);
  });

  it('shows a check that threw as a check error, never as pass', async () => {
    const config = defaultConfig();
    const boom: RegisteredCheck = {
      origin: './checks/boom.mjs',
      check: defineCheck({
        meta: { id: 'team/boom', area: 'team', title: 'Boom', description: 'd', remediation: 'r', severity: 'high', requires: ['topics'] },
        evaluate: () => {
          throw new Error('kaput <b>');
        },
      }),
    };
    const report = evaluateSnapshot(makeSnapshot(), { config, registry: [...(await buildRegistry(config)), boom] });
    const page = html(report);
    expect(section(page, 'not-checked-h')).toMatch(/team\/boom.*<span class="badge st-error">check error<\/span>.*check threw: kaput &lt;b&gt;/s);
    expect(section(page, 'areas')).toMatch(/<th scope="row">team<\/th>.*<span class="badge st-error">1<\/span>/);
    expect(renderMarkdown(report)).toContain('- ERROR <code>team/boom</code>: check threw: kaput &lt;b&gt;');
  });

  it('shows cluster identity, scan target, tool, times, request counts, formula and gate', async () => {
    const report = await realisticReport();
    const page = html(report);
    const cluster = section(page, 'cluster');
    expect(cluster).toContain('<dt>Cluster ID</dt><dd><code>test-cluster</code></dd>');
    expect(cluster).toContain('<dt>Brokers</dt><dd>3</dd>');
    expect(cluster).toContain('<code>rack-a</code> <code>rack-b</code> <code>rack-c</code>');
    expect(cluster).toContain('apache-kafka<br><span class="muted small">Apache Kafka API set and no vendor fingerprint</span>');
    expect(cluster).toContain('<dt>Bootstrap</dt><dd><code>127.0.0.1:9093</code></dd>');
    expect(cluster).toContain('<dt>Protocol</dt><dd>SASL_SSL</dd>');
    expect(cluster).toContain('<dt>SASL mechanism</dt><dd>SCRAM-SHA-512</dd>');
    expect(cluster).toContain('<dt>Principal</dt><dd><code>scanner</code></dd>');
    expect(cluster).toContain(`<dd class="nowrap">${report.snapshot.takenAt}</dd>`);
    expect(cluster).toContain(`<dd class="nowrap">${report.generatedAt}</dd>`);
    expect(cluster).toContain(`kafka-readiness ${report.tool.version}`);
    expect(cluster).toContain('<dt>Requests</dt><dd>16 in 412 ms</dd>');
    expect(cluster).toContain('<th scope="row">ListOffsets</th><td class="num">6</td>');

    const scoring = section(page, 'scoring');
    expect(scoring).toContain(escapeHtml(report.summary.formula));
    expect(scoring).toContain('<strong class="gate-fail">Failed</strong>');
    for (const r of report.gate.reasons) expect(scoring).toContain(escapeHtml(r));
  });

  it('reportDigest is the SHA-256 of the JSON rendering, i.e. what sha256sum report.json prints', async () => {
    const report = await realisticReport();
    const expected = createHash('sha256').update(Buffer.from(renderJson(report), 'utf8')).digest('hex');
    expect(reportDigest(report)).toBe(expected);
    expect(jsonDigest(report)).toBe(expected);
    expect(section(renderHtml(report, { jsonDigest: reportDigest(report) }), 'digest')).toContain(expected);
  });

  it('renders a clean report: ready, no findings, no waivers, nothing missing', async () => {
    const config = defaultConfig();
    const report = evaluateSnapshot(makeSnapshot(), { config, registry: (await buildRegistry(config)).filter((c) => !c.check.meta.id.startsWith('replication/kraft') && c.check.meta.id !== 'acl/client-quotas') });
    const page = renderHtml(report, { jsonDigest: DIGEST });
    const md = renderMarkdown(report);
    expect(report.summary.verdict).toBe('ready');
    expect(page).toContain('class="tile verdict-tile v-ready"');
    expect(page).toContain('<p id="verdict" class="verdict" data-verdict="ready">READY</p>');
    expect(section(page, 'findings')).toContain('No open findings.');
    expect(section(page, 'findings')).toContain('No finding is waived.');
    expect(section(page, 'not-checked-h')).toContain('Every applicable check ran.');
    expect(section(page, 'scoring')).toContain('<strong class="gate-none">No gate</strong>');
    expect(page).toContain('<p id="gate-result" class="value" data-gate="none">no gate</p>');
    expect(section(page, 'fix-first')).toContain('Nothing to fix: no open finding.');
    expect(md.split('\n')[0]).toBe('### Kafka readiness: READY · score 100/100 · coverage 100 %');
    expect(md).toContain('<details><summary>Findings (0) by area, with evidence</summary>\n\nRanked by');
    expect(md).toContain('None.');
    expect(md).toContain('**Gate: no gate**');
    expect(md).toContain('#### Fix first (0)\n\nNothing to fix: no open finding.');
    expect(md).not.toContain('Could not check');
    expect(section(page, 'waivers')).toContain('No waivers are configured.');
    expect(section(page, 'permissions')).toContain('No permission was denied during the scan.');
    expect(md).not.toContain('Waivers (');
    expect(md).not.toContain('Missing permissions');
  });
});

describe('Markdown report', () => {
  it('has a header line, areas table, findings by area and severity, waivers, permissions, gate and the formula in <details>', async () => {
    const report = await realisticReport();
    const md = renderMarkdown(report);
    const s = report.summary;
    expect(md.split('\n')[0]).toBe(`### Kafka readiness: NOT-READY · score ${s.score}/100 · coverage ${s.coverage} %`);
    const areas = mdTableRows(md, '| area |');
    expect(areas[0]!.map((c) => c.trim())).toEqual(['area', 'score', 'coverage', 'evaluated', 'could not check', 'errors']);
    expect(areas.map((r) => r[0]!.trim())).toContain('acl');
    expect(areas.find((r) => r[0]!.trim() === 'acl')!.map((c) => c.trim())).toEqual(['acl', '100', '57.6 %', '6/13', '6', '0']);

    expect(md).toContain('<details><summary>Findings (6) by area, with evidence</summary>');
    const rep = md.indexOf('**replication**');
    const crit = md.indexOf('- **critical** <code>replication/unclean-leader-election</code> Unclean leader election is enabled');
    const high = md.indexOf('- **high** <code>replication/replication-factor</code>');
    expect(rep).toBeGreaterThan(0);
    expect(crit).toBeGreaterThan(rep);
    expect(high).toBeGreaterThan(crit);
    expect(md).toContain(
      '  - FAIL topic <code>legacy.unclean</code>: unclean leader election is enabled (topic override): acknowledged records can be lost — observed <code>true</code> · expected false · config <code>unclean.leader.election.enable</code> · source topic override',
    );
    expect(md).toContain('**waiver LEGAL-7 expired 2020-01-31**');
    expect(md).toContain('**Could not check: 8 checks** — not run, so **not** a pass');
    expect(md).toContain('<details><summary>Could not check (8)</summary>');
    expect(md).toContain('- UNKNOWN <code>acl/wildcard-principal</code>: acls denied');
    expect(md).toContain('<details><summary>Waivers (3; 1 finding waived, not scored; 1 EXPIRED)</summary>');
    expect(md).toContain('- waived: <code>replication/replication-factor</code> topic <code>payments.events</code>');
    expect(md).toContain('<details><summary>Missing permissions of <code>User:scanner</code></summary>');
    expect(md).toContain("--operation DESCRIBE --cluster\n```");
    expect(md).toContain('**Gate: FAILED** — waiver for retention/infinite-retention');
    // The fix-first list comes before everything folded, ranked, each with its one-line fix.
    const fixFirst = md.indexOf('#### Fix first (6)');
    expect(fixFirst).toBeGreaterThan(0);
    expect(fixFirst).toBeLessThan(md.indexOf('<details>'));
    expect(md).toContain('#### Fix first (6)\n\n1. **critical** ');
    expect(md).toContain('   - fix: Remove the override or set <code>unclean.leader.election.enable=false</code> on the topic');
    expect(md).toMatch(/<details><summary>Scoring formula<\/summary>\n\nFormula: check score = 100 × \(pass \+ 0\.5 × warn\)[^\n]*\n[\s\S]*<\/details>\n$/);
  });

  it('escapes hostile strings and keeps every table row intact', async () => {
    const report = await realisticReport();
    const md = renderMarkdown(report);
    expect(md).not.toMatch(/<script/i);
    expect(md).not.toContain(HOSTILE_TOPIC);
    expect(md).toContain('topic <code>&lt;script&gt;alert(1)&lt;/script&gt;&amp;"x"</code>');
    // Outside the fenced kafka-acls block, every "<" starts one of our own tags.
    const outsideFences = md.replace(/```[\s\S]*?```/g, '');
    for (const m of outsideFences.matchAll(/<(\/?)([a-z]*)/g)) expect(['code', 'details', 'summary']).toContain(m[2]);
    // The pipe in a waiver reason is escaped: all rows of the waivers table have the header's cell count.
    const waivers = mdTableRows(md, '| state |');
    expect(waivers).toHaveLength(2 + report.waivers.length);
    for (const row of waivers) expect(row).toHaveLength(9);
    expect(md).toContain('legal hold \\| keep forever');
    expect(md).toContain('<code>payments.\\*</code>');
  });

  it('caps the findings and points to the JSON report for the rest', async () => {
    const names = Array.from({ length: 80 }, (_, i) => `t${String(i).padStart(2, '0')}`);
    const topics = names.map((n) => topicInfo(n, [{ replicas: [1, 2] }]));
    const snapshot = makeSnapshot({
      topics: { ok: true, value: topics },
      topicConfigs: { ok: true, value: Object.fromEntries(names.map((n) => [n, cfg(TOPIC_DEFAULTS)])) },
    });
    const config = defaultConfig();
    const report: Report = evaluateSnapshot(snapshot, { config, registry: await buildRegistry(config) });
    const total = report.checks.reduce((n, c) => n + c.findings.filter((f) => !f.waiver).length, 0);
    expect(total).toBeGreaterThan(50);
    const md = renderMarkdown(report);
    const listed = md.split('\n').filter((l) => /^ {2}- (FAIL|WARN) /.test(l)).length;
    expect(listed).toBe(50);
    expect(md).toContain(`… ${total - 50} more in the JSON report.`);
    const small = renderMarkdown(report, { maxFindings: 5 });
    expect(small.split('\n').filter((l) => /^ {2}- (FAIL|WARN) /.test(l))).toHaveLength(5);
    expect(small).toContain(`… ${total - 5} more in the JSON report.`);
    // The HTML report keeps every finding.
    const page = renderHtml(report, { jsonDigest: DIGEST });
    expect(page).toContain(`Findings (${total})`);
    expect(page.match(/<table class="findings">/g)!.length).toBeGreaterThan(0);
    // One row per finding: the first ten per check open, the rest under "N more findings", none dropped.
    expect(page.match(/<tr><th scope="row"><span class="muted small">topic<\/span> <code>t\d\d<\/code>/g)!.length).toBeGreaterThanOrEqual(80);
  });
});

function html(report: Report): string {
  return renderHtml(report, { jsonDigest: DIGEST });
}

describe('large reports', () => {
  it('HTML lists at most HTML_FINDINGS_MAX findings per check and says how many more the JSON report has; JSON keeps all, on one line', async () => {
    const n = HTML_FINDINGS_MAX + 37;
    const check = defineCheck({
      meta: { id: 'test/many', area: 'replication', title: 't', description: 'd', remediation: 'r', severity: 'high', requires: ['topics'] },
      evaluate: () => Array.from({ length: n }, (_, i) => ({ resource: { kind: 'topic', name: `big${String(i).padStart(4, '0')}` }, status: 'fail' as const, message: 'bad' })),
    });
    const config = defaultConfig();
    const report: Report = evaluateSnapshot(makeSnapshot(), { config, registry: [{ check, origin: 'built-in' } as RegisteredCheck] });
    const page = renderHtml(report, { jsonDigest: DIGEST });
    expect(page.match(/<code>big\d{4}<\/code>/g)).toHaveLength(HTML_FINDINGS_MAX);
    expect(page).toContain('… and 37 more findings: the JSON report lists every one.');
    const json = renderJson(report);
    expect((JSON.parse(json) as Report).checks[0]!.findings).toHaveLength(n);
    expect(json.split('\n').length).toBeGreaterThan(n); // under the threshold: indented
    const small = renderJson({ ...report, checks: [{ ...report.checks[0]!, findings: report.checks[0]!.findings.slice(0, 3) }] });
    expect(small.split('\n').length).toBeGreaterThan(10);
    const huge = renderJson({ ...report, checks: [{ ...report.checks[0]!, findings: Array.from({ length: JSON_INDENT_MAX_FINDINGS + 1 }, () => report.checks[0]!.findings[0]!) }] });
    expect(huge.split('\n')).toHaveLength(2);
  });
});
