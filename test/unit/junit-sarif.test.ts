// JUnit XML and SARIF renderers: validated against the schemas CI tools use (test/fixtures/schemas, see its
// README), counts that match the report, escaping of hostile cluster data, locations and fingerprints.
import type * as Sarif from 'sarif';
import { describe, expect, it } from 'vitest';
import { defaultConfig, parseReadinessConfig } from '../../src/config/readiness.js';
import { buildRegistry } from '../../src/engine/registry.js';
import { evaluateSnapshot } from '../../src/pipeline.js';
import type { CheckResult, Finding, Report } from '../../src/report/model.js';
import { renderJunit, xmlAttr, xmlText } from '../../src/report/renderers/junit.js';
import { FINGERPRINT_KEY, parseLocation, pathToUri, renderSarif, SARIF_SCHEMA_URI } from '../../src/report/renderers/sarif.js';
import { demoReport, HOSTILE_TOPIC, realisticReport } from '../browser/report-fixture.js';
import { sarifValidate, xsdErrors } from '../helpers/output-schemas.js';
import { makeSnapshot, topicInfo } from '../helpers/snapshot.js';


/** GitHub's security-severity bands (≥ 9 critical, ≥ 7 high, ≥ 4 medium, ≥ 0.1 low, else none), read back as our severity. */
function band(value: unknown): string {
  expect(typeof value).toBe('string');
  const n = Number(value);
  expect(Number.isFinite(n) && n >= 0 && n <= 10).toBe(true);
  return n >= 9 ? 'critical' : n >= 7 ? 'high' : n >= 4 ? 'medium' : n >= 0.1 ? 'low' : 'info';
}

function sarifErrors(log: unknown): string[] {
  return sarifValidate(log) ? [] : (sarifValidate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}

// --- reading our own JUnit output (one element per line, attributes double-quoted) ----------------------

interface JCase {
  classname: string;
  name: string;
  kind: 'pass' | 'failure' | 'error' | 'skipped';
  type?: string;
  message?: string;
  body?: string;
}
interface JSuite {
  attrs: Record<string, string>;
  cases: JCase[];
}

const unescapeXml = (s: string) =>
  s.replace(/&#(\d+);/g, (_, n: string) => String.fromCharCode(Number(n))).replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
const attrsOf = (tag: string) => Object.fromEntries([...tag.matchAll(/([\w.-]+)="([^"]*)"/g)].map((m) => [m[1]!, unescapeXml(m[2]!)]));

function parseJunit(xml: string): { rootTag: string; suites: JSuite[] } {
  const rootTag = /<testsuites[^>]*>/.exec(xml)![0];
  const suites = [...xml.matchAll(/<testsuite (.*?)>([\s\S]*?)<\/testsuite>/g)].map((m) => {
    const cases = [...m[2]!.matchAll(/<testcase ([^>]*?)(\/>|>\s*<(failure|error|skipped)([^>]*?)(?:\/>|>([\s\S]*?)<\/\3>)\s*<\/testcase>)/g)].map((c): JCase => {
      const a = attrsOf(c[1]!);
      if (!c[3]) return { classname: a.classname!, name: a.name!, kind: 'pass' };
      const o = attrsOf(c[4]!);
      return { classname: a.classname!, name: a.name!, kind: c[3] as JCase['kind'], ...(o.type ? { type: o.type } : {}), message: o.message ?? '', body: unescapeXml(c[5] ?? '') };
    });
    return { attrs: attrsOf(m[1]!), cases };
  });
  return { rootTag, suites };
}

const openFindings = (r: Report, status?: Finding['status']) => r.checks.flatMap((c) => c.findings.filter((f) => !f.waiver && (!status || f.status === status)));
const waivedFindings = (r: Report) => r.checks.flatMap((c) => c.findings.filter((f) => f.waiver));
const notRun = (r: Report) => r.checks.filter((c) => c.status === 'unknown' || c.status === 'error');
const notApplicable = (r: Report) => r.checks.filter((c) => c.status === 'not-applicable' || c.status === 'skipped');

describe('XML escaping', () => {
  it('escapes markup and strips characters XML 1.0 forbids', () => {
    expect(xmlText('<a href="x">\'&\'</a>')).toBe('&lt;a href="x"&gt;\'&amp;\'&lt;/a&gt;');
    expect(xmlText(']]>')).toBe(']]&gt;');
    expect(xmlAttr('"q" \'s\' a\tb\nc\r')).toBe('&quot;q&quot; &apos;s&apos; a&#9;b&#10;c&#13;');
    expect(xmlText('a\u0000b\u0007c\u001bd\u000be\u000cf\uFFFEg\uFFFFh\uD800i\uDFFFj')).toBe('abcdefghij');
    // Astral characters (a valid surrogate pair) and the allowed whitespace stay.
    expect(xmlText('\u{1F600}\t\n\r')).toBe('\u{1F600}\t\n\r');
    expect(xmlText(null)).toBe('');
  });
});

describe('JUnit XML report', () => {
  it('is valid against the Ant JUnit.xsd and the Jenkins junit-10.xsd', async () => {
    const xml = renderJunit(await realisticReport());
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites>\n')).toBe(true);
    expect(await xsdErrors(xml, 'JUnit.xsd')).toEqual([]);
    expect(await xsdErrors(xml, 'junit-10.xsd')).toEqual([]);
    // The validator does reject what the schemas forbid.
    expect(await xsdErrors(xml.replace('<testsuites>', '<testsuites tests="1">'), 'JUnit.xsd')).not.toEqual([]);
    expect(await xsdErrors(xml.replace(/<testcase classname="[^"]*" name="[^"]*"/, '<testcase'), 'junit-10.xsd')).not.toEqual([]);
  });

  it('has one suite per area and counts that match the report and its own testcases', async () => {
    const report = await realisticReport();
    const xml = renderJunit(report);
    const { rootTag, suites } = parseJunit(xml);
    expect(rootTag).toBe('<testsuites>');
    const areas = [...new Set(report.checks.map((c) => c.area))];
    expect(suites.map((s) => s.attrs.name)).toEqual(report.areas.map((a) => a.area).filter((a) => areas.includes(a)));
    suites.forEach((s, i) => {
      expect(s.attrs.id).toBe(String(i));
      expect(s.attrs.package).toBe(s.attrs.name);
      expect(Number(s.attrs.tests)).toBe(s.cases.length);
      expect(Number(s.attrs.failures)).toBe(s.cases.filter((c) => c.kind === 'failure').length);
      expect(Number(s.attrs.errors)).toBe(s.cases.filter((c) => c.kind === 'error').length);
      expect(Number(s.attrs.skipped)).toBe(s.cases.filter((c) => c.kind === 'skipped').length);
      expect(s.attrs.time).toBe('0');
      expect(s.attrs.timestamp).toBe(report.snapshot.takenAt.slice(0, 19));
      // Every testcase of the suite belongs to a check of that area.
      for (const c of s.cases) expect(report.checks.find((x) => x.id === c.classname)?.area).toBe(s.attrs.name);
    });
    const all = suites.flatMap((s) => s.cases);
    const sum = (k: string) => suites.reduce((n, s) => n + Number(s.attrs[k]), 0);
    expect(all).toHaveLength((xml.match(/<testcase /g) ?? []).length);

    // Open findings are failures: fail ones typed "fail", warn ones typed "warning".
    expect(openFindings(report, 'fail').length).toBeGreaterThan(0);
    expect(openFindings(report, 'warn').length).toBeGreaterThan(0);
    expect(all.filter((c) => c.kind === 'failure' && c.type === 'fail')).toHaveLength(openFindings(report, 'fail').length);
    expect(all.filter((c) => c.kind === 'failure' && c.type === 'warning')).toHaveLength(openFindings(report, 'warn').length);
    expect(sum('failures')).toBe(openFindings(report).length);
    // Checks that could not run are errors, never passes.
    expect(notRun(report)).toHaveLength(8);
    expect(sum('errors')).toBe(notRun(report).length);
    // Skipped: not-applicable / disabled checks and waived findings.
    expect(waivedFindings(report)).toHaveLength(1);
    expect(sum('skipped')).toBe(notApplicable(report).length + waivedFindings(report).length);
    // Passing testcases: one per check with passing resources.
    const passing = (c: CheckResult) => c.counts.pass > 0;
    expect(all.filter((c) => c.kind === 'pass' && / \(passing resources\)$/.test(c.name))).toHaveLength(report.checks.filter(passing).length);
    expect(sum('tests')).toBe(all.length);
    // Every check is in the report at least once.
    for (const c of report.checks) expect(all.some((tc) => tc.classname === c.id), c.id).toBe(true);
  });

  it('names testcases by check and resource and puts evidence and remediation in the failure body', async () => {
    const report = await realisticReport();
    const all = parseJunit(renderJunit(report)).suites.flatMap((s) => s.cases);
    const unclean = all.find((c) => c.classname === 'replication/unclean-leader-election' && c.name === 'replication/unclean-leader-election on topic legacy.unclean')!;
    expect(unclean).toMatchObject({ kind: 'failure', type: 'fail', message: 'unclean leader election is enabled (topic override): acknowledged records can be lost' });
    expect(unclean.body).toContain('FAIL (critical) topic legacy.unclean: unclean leader election is enabled');
    expect(unclean.body).toContain('observed: true\nexpected: false\nconfig: unclean.leader.election.enable\nsource: topic override');
    // The failing title states the failing condition.
    expect(unclean.body).toContain('check: replication/unclean-leader-election (Unclean leader election is enabled, critical, area replication)');
    expect(unclean.body).toContain('remediation: Remove the override or set `unclean.leader.election.enable=false`');
    expect(unclean.body).toMatch(/see: Kafka docs: unclean\.leader\.election\.enable <https:\/\/kafka\.apache\.org\//);

    const rf = report.checks.find((c) => c.id === 'replication/replication-factor')!;
    expect(all.find((c) => c.classname === rf.id && c.kind === 'pass')!.name).toBe(`${rf.id} (passing resources)`);

    // A waived finding is skipped with the waiver's reason; one whose waiver expired is a failure that says so.
    const waived = all.find((c) => c.name === `${rf.id} on topic payments.events` && c.classname === rf.id)!;
    expect(waived).toMatchObject({ kind: 'skipped', message: 'waived: single-AZ pilot, accepted by CISO (SEC-101)' });
    expect(waived.body).toContain('waiver SEC-101 (owner team-payments, expires 2099-12-31)');
    const expired = all.find((c) => c.classname === 'retention/infinite-retention' && c.name === 'retention/infinite-retention on topic audit.log')!;
    expect(expired.kind).toBe('failure');
    expect(expired.body).toContain('EXPIRED waiver LEGAL-7 (owner records-office, expires 2020-01-31): legal hold | keep forever: the finding counts again');

    // Could not check: an error with the reason and the missing artifact, not a pass.
    const wildcard = all.filter((c) => c.classname === 'acl/wildcard-principal');
    expect(wildcard).toHaveLength(1);
    expect(wildcard[0]).toMatchObject({ kind: 'error', type: 'unknown', name: 'acl/wildcard-principal (could not check)' });
    expect(wildcard[0]!.message).toMatch(/^could not check: acls denied/);
    expect(wildcard[0]!.body).toContain('missing artifact acls: denied: DescribeAcls failed with CLUSTER_AUTHORIZATION_FAILED');
    expect(wildcard[0]!.body).toContain('Not run, so not a pass');
  });

  it('escapes the hostile topic name everywhere and the XML stays well-formed', async () => {
    const report = await realisticReport();
    const xml = renderJunit(report);
    expect(xml).not.toContain(HOSTILE_TOPIC);
    expect(xml).not.toMatch(/<script/i);
    expect(xml).toContain('name="replication/replication-factor on topic &lt;script&gt;alert(1)&lt;/script&gt;&amp;&quot;x&quot;"');
    const hostile = parseJunit(xml).suites.flatMap((s) => s.cases).filter((c) => c.name.endsWith(` on topic ${HOSTILE_TOPIC}`));
    expect(hostile.length).toBeGreaterThan(0);
    expect(hostile.some((c) => c.body?.includes(`topic ${HOSTILE_TOPIC}:`))).toBe(true);
  });

  it('drops characters XML 1.0 forbids from cluster data and stays schema-valid', async () => {
    const nasty = 'ctl\u0000\u0001\u0008\u000b\u000c\u001b[31m\uFFFE\uD800\u{1F600}"\'<&>]]>\n-name';
    const config = defaultConfig();
    const report = evaluateSnapshot(makeSnapshot({ topics: { ok: true, value: [topicInfo(nasty, [{ replicas: [1] }])] } }), { config, registry: await buildRegistry(config) });
    expect(report.checks.some((c) => c.findings.some((f) => f.resource.name === nasty))).toBe(true);
    const xml = renderJunit(report);
    expect(xml).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\uFFFE\uFFFF]/);
    expect(xml).toContain(' on topic ctl[31m\u{1F600}&quot;&apos;&lt;&amp;&gt;]]&gt;&#10;-name"');
    expect(await xsdErrors(xml, 'JUnit.xsd')).toEqual([]);
    expect(await xsdErrors(xml, 'junit-10.xsd')).toEqual([]);
  });

  it('names are identical across two evaluations of the same (demo) snapshot, even with findings reordered', async () => {
    const a = await demoReport({ generatedAt: '2026-12-02T10:15:00.000Z' });
    const b = await demoReport({ generatedAt: '2026-12-02T11:45:00.000Z' });
    // Kafka may list topics, groups and ACLs in another order next time: the names must not depend on it.
    for (const c of b.checks) c.findings.reverse();
    const names = (r: Report) => parseJunit(renderJunit(r)).suites.flatMap((s) => s.cases.map((c) => `${c.classname}::${c.name}`));
    const first = names(a);
    expect(first.length).toBeGreaterThan(40);
    expect(names(b)).toEqual(first);
    expect(new Set(first).size).toBe(first.length);
    // No counts or values in the names: only check ids and resources.
    for (const n of first) expect(n).not.toMatch(/\d+ resources? passed/);
  });

  it('maps warn findings to failure (default), skipped or pass', async () => {
    const report = await demoReport();
    const warns = openFindings(report, 'warn').filter((f) => !f.expiredWaiver).length;
    expect(warns).toBeGreaterThan(0);
    const kinds = (xml: string) => parseJunit(xml).suites.flatMap((s) => s.cases);
    const base = kinds(renderJunit(report));
    const asSkipped = kinds(renderJunit(report, { warnAs: 'skipped' }));
    const asPass = kinds(renderJunit(report, { warnAs: 'pass' }));
    const count = (cs: typeof base, k: string) => cs.filter((c) => c.kind === k).length;
    expect(count(asSkipped, 'failure')).toBe(count(base, 'failure') - warns);
    expect(count(asSkipped, 'skipped')).toBe(count(base, 'skipped') + warns);
    expect(asSkipped.filter((c) => c.kind === 'skipped' && c.message?.startsWith('warning: '))).toHaveLength(warns);
    expect(count(asPass, 'failure')).toBe(count(base, 'failure') - warns);
    expect(count(asPass, 'pass')).toBe(count(base, 'pass') + warns);
    // The same testcases (names) either way, and the expired-waiver warning still fails.
    expect(asPass.map((c) => c.name)).toEqual(base.map((c) => c.name));
    const expired = kinds(renderJunit(await realisticReport(), { warnAs: 'pass' }));
    expect(expired.find((c) => c.name === 'retention/infinite-retention on topic audit.log')!.kind).toBe('failure');
    expect(await xsdErrors(renderJunit(report, { warnAs: 'skipped' }), 'JUnit.xsd')).toEqual([]);
  });

  it('a clean report is all passes (and still valid)', async () => {
    const config = defaultConfig();
    const report = evaluateSnapshot(makeSnapshot(), { config, registry: (await buildRegistry(config)).filter((c) => !c.check.meta.id.startsWith('replication/kraft') && c.check.meta.id !== 'acl/client-quotas') });
    expect(openFindings(report)).toHaveLength(0);
    const xml = renderJunit(report);
    const { suites } = parseJunit(xml);
    expect(suites.reduce((n, s) => n + Number(s.attrs.failures) + Number(s.attrs.errors), 0)).toBe(0);
    expect(await xsdErrors(xml, 'JUnit.xsd')).toEqual([]);
  });
});

describe('SARIF report', () => {
  const parse = (text: string) => JSON.parse(text) as Sarif.Log;

  it('is valid against the OASIS SARIF 2.1.0 schema, with and without a readiness.yaml', async () => {
    const report = await realisticReport();
    for (const ctx of [{ configFile: null }, { configFile: 'ci/readiness.yaml', locate: () => 'ci/readiness.yaml:3:3' }]) {
      const log = parse(renderSarif(report, ctx));
      expect(sarifErrors(log)).toEqual([]);
      expect(log.version).toBe('2.1.0');
      expect(log.$schema).toBe(SARIF_SCHEMA_URI);
      expect(log.runs).toHaveLength(1);
    }
    // The validator does reject what the schema forbids: a result without a message, an unknown level.
    const broken = parse(renderSarif(report, { configFile: null }));
    delete (broken.runs[0]!.results![0] as Partial<Sarif.Result>).message;
    (broken.runs[0]!.results![1] as { level: string }).level = 'fatal';
    expect(sarifErrors(broken).join('\n')).toMatch(/message[\s\S]*level|level[\s\S]*message/);
  });

  it('describes the tool and every check as a rule', async () => {
    const report = await realisticReport();
    const run = parse(renderSarif(report, { configFile: null })).runs[0]!;
    const driver = run.tool.driver;
    expect(driver).toMatchObject({ name: 'kafka-readiness', version: report.tool.version, semanticVersion: report.tool.version });
    expect(driver.informationUri).toMatch(/^https:\/\//);
    expect(driver.rules!.map((r) => r.id)).toEqual(report.checks.map((c) => c.id));
    const level = { critical: 'error', high: 'error', medium: 'warning', low: 'note', info: 'note' } as const;
    for (const c of report.checks) {
      const r = driver.rules!.find((x) => x.id === c.id)!;
      expect(r.shortDescription!.text).toBe(c.title);
      expect(r.fullDescription!.text).toBe(c.description || c.title);
      expect(r.help!.text.startsWith(c.remediation)).toBe(true);
      expect(r.help!.markdown).toContain('**Remediation:**');
      expect(r.helpUri).toBe(c.references.find((x) => /^https?:\/\//.test(x.url))?.url);
      for (const ref of c.references) expect(r.help!.text).toContain(ref.url);
      expect(r.defaultConfiguration!.level).toBe(level[c.severity]);
      expect(r.properties!.tags![0]).toBe(c.area);
      // Every rule: tagged security (GitHub shows Critical/High… only then) with a security-severity in the
      // band GitHub maps back to the check's severity.
      expect(r.properties!.tags).toContain('security');
      expect(band(r.properties!['security-severity'])).toBe(c.severity);
      if (c.failureTitle) expect(r.messageStrings!.failure!.text).toBe(c.failureTitle);
    }
  });

  it('reports every finding with a physical location, the resource as logical location, and suppresses waived ones', async () => {
    const report = await realisticReport();
    const run = parse(renderSarif(report, { configFile: null })).runs[0]!;
    const results = run.results!;
    expect(results).toHaveLength(openFindings(report).length + waivedFindings(report).length);
    for (const r of results) {
      const loc = r.locations![0]!;
      expect(loc.physicalLocation!.artifactLocation!.uri).toBe('readiness.yaml');
      expect(loc.physicalLocation!.region!.startLine).toBe(1);
      expect(run.tool.driver.rules![r.ruleIndex!]!.id).toBe(r.ruleId);
      const ll = loc.logicalLocations![0]!;
      expect(ll.fullyQualifiedName).toBe(`${ll.kind}/${ll.name}`);
    }
    const open = results.filter((r) => !r.suppressions);
    const suppressed = results.filter((r) => r.suppressions);
    expect(open).toHaveLength(openFindings(report).length);
    expect(suppressed).toHaveLength(1);
    expect(suppressed[0]!.suppressions).toEqual([
      { kind: 'external', status: 'accepted', justification: 'single-AZ pilot, accepted by CISO', properties: { owner: 'team-payments', ticket: 'SEC-101', expires: '2099-12-31', at: 'defaults' } },
    ]);
    expect(suppressed[0]!.locations![0]!.logicalLocations![0]).toEqual({ name: 'payments.events', fullyQualifiedName: 'topic/payments.events', kind: 'topic' });

    // Levels: fail by severity, warn as warning/note.
    const unclean = results.find((r) => r.ruleId === 'replication/unclean-leader-election')!;
    expect(unclean.level).toBe('error');
    expect(unclean.message.text).toBe('topic legacy.unclean: unclean leader election is enabled (topic override): acknowledged records can be lost (observed true · expected false · config unclean.leader.election.enable · source topic override)');
    // Every result carries the security-severity of its own severity.
    for (const r of results) expect(band(r.properties!['security-severity'])).toBe(r.properties!.severity);
    const warns = openFindings(report, 'warn');
    const warnResults = open.filter((r) => r.properties!.status === 'warn');
    expect(warnResults).toHaveLength(warns.length);
    for (const r of warnResults) expect(['warning', 'note']).toContain(r.level);
    // The expired waiver's finding is open and carries the lapsed waiver.
    const audit = open.find((r) => r.ruleId === 'retention/infinite-retention')!;
    expect(audit.properties!.expiredWaiver).toMatchObject({ ticket: 'LEGAL-7', expires: '2020-01-31' });

    // The hostile name is data in JSON: carried verbatim, and the document still parses.
    expect(results.some((r) => r.locations![0]!.logicalLocations![0]!.fullyQualifiedName === `topic/${HOSTILE_TOPIC}`)).toBe(true);

    // No readiness.yaml: said so in a configuration notification.
    expect(run.invocations![0]!.toolConfigurationNotifications![0]!.message.text).toMatch(/no readiness\.yaml.*line 1 of readiness\.yaml/);
  });

  it('gives every finding a fingerprint that is unique and stable across runs', async () => {
    const a = parse(renderSarif(await realisticReport(), { configFile: null })).runs[0]!.results!;
    const b = parse(renderSarif(await realisticReport(), { configFile: 'readiness.yaml', locate: () => 'readiness.yaml:7:3' })).runs[0]!.results!;
    const prints = (rs: Sarif.Result[]) => rs.map((r) => r.partialFingerprints![FINGERPRINT_KEY]);
    expect(prints(a).every((p) => /^[0-9a-f]{64}$/.test(p!))).toBe(true);
    expect(new Set(prints(a)).size).toBe(a.length);
    // Same findings in the next run (even with readiness.yaml edited) → same fingerprints.
    expect(prints(b)).toEqual(prints(a));
    expect(b.map((r) => r.partialFingerprints!.primaryLocationLineHash)).toEqual(a.map((r) => r.partialFingerprints!.primaryLocationLineHash));
    expect(new Set(a.map((r) => r.partialFingerprints!.primaryLocationLineHash)).size).toBe(a.length);
  });

  it('lists checks that could not run as tool execution notifications, the run still successful', async () => {
    const report = await realisticReport();
    const inv = parse(renderSarif(report, { configFile: null })).runs[0]!.invocations![0]!;
    expect(inv.executionSuccessful).toBe(true);
    const notes = inv.toolExecutionNotifications!;
    expect(notes.map((n) => n.associatedRule!.id)).toEqual(notRun(report).map((c) => c.id));
    for (const n of notes) {
      expect(n.level).toBe('warning');
      expect(n.message.text).toMatch(/could not check: acls denied .*not a pass/);
    }
  });

  it('points results at the check\'s line in a real readiness.yaml', async () => {
    const text = [
      'version: 1', //                                        1
      'scoring:', //                                          2
      '  readyScore: 90', //                                  3
      'checks:', //                                           4
      '  replication/min-insync-replicas:', //                5
      '    severity: high', //                                6
      '  replication/replication-factor:', //                 7
      '    weight: 2', //                                     8
      'waivers:', //                                          9
      '  - check: replication/replication-factor', //        10
      '    resource: "legacy.*"', //                         11
      '    reason: accepted until the migration', //         12
      '    owner: team-a', //                                13
      '    ticket: T-1', //                                  14
      '    expires: "2099-01-01"', //                        15
      '',
    ].join('\n');
    const config = parseReadinessConfig(text, 'readiness.yaml');
    const snapshot = makeSnapshot({
      topics: { ok: true, value: [topicInfo('orders', [{ replicas: [1] }]), topicInfo('legacy.events', [{ replicas: [1] }]), topicInfo('lonely', [{ replicas: [2] }])] },
    });
    const report = evaluateSnapshot(snapshot, { config, registry: await buildRegistry(config) });
    const log = parse(renderSarif(report, { configFile: 'readiness.yaml', locate: config.locate }));
    expect(sarifErrors(log)).toEqual([]);
    const results = log.runs[0]!.results!;

    const rf = results.filter((r) => r.ruleId === 'replication/replication-factor');
    expect(rf.map((r) => r.locations![0]!.logicalLocations![0]!.name).sort()).toEqual(['legacy.events', 'lonely', 'orders']);
    for (const r of rf) {
      expect(r.locations![0]!.physicalLocation).toEqual({ artifactLocation: { uri: 'readiness.yaml', uriBaseId: '%SRCROOT%' }, region: { startLine: 7, startColumn: 3 } });
    }
    // The waived one is suppressed, the suppression located at the waiver.
    const legacy = rf.find((r) => r.locations![0]!.logicalLocations![0]!.name === 'legacy.events')!;
    expect(legacy.suppressions![0]!.location!.physicalLocation!.region).toEqual({ startLine: 10, startColumn: 5 });
    expect(rf.filter((r) => r.suppressions)).toHaveLength(1);

    // Every result's line is the one locate() gives for its check (the `checks:` key when it has no entry).
    expect(results.length).toBeGreaterThan(rf.length);
    for (const r of results) {
      const at = parseLocation(config.locate(['checks', r.ruleId!]));
      expect(r.locations![0]!.physicalLocation!.region).toEqual({ startLine: at.line, startColumn: at.column });
    }
    // A check without an entry of its own points at the `checks:` key (line 4).
    const withoutEntry = results.filter((r) => r.ruleId !== 'replication/replication-factor' && r.ruleId !== 'replication/min-insync-replicas');
    expect(withoutEntry.length).toBeGreaterThan(0);
    for (const r of withoutEntry) expect(r.locations![0]!.physicalLocation!.region).toEqual({ startLine: 4, startColumn: 1 });
  });

  it('turns config paths into repository-relative URIs', () => {
    expect(pathToUri('readiness.yaml')).toBe('readiness.yaml');
    expect(pathToUri('./ci/readiness.yaml')).toBe('ci/readiness.yaml');
    expect(pathToUri('ci\\kafka readiness.yaml')).toBe('ci/kafka%20readiness.yaml');
    expect(pathToUri('/work/repo/readiness.yaml')).toBe('file:///work/repo/readiness.yaml');
    expect(pathToUri('C:\\repo\\readiness.yaml')).toBe('file:///C:/repo/readiness.yaml');
    expect(parseLocation('ci/readiness.yaml:12:5')).toEqual({ line: 12, column: 5 });
    expect(parseLocation('C:/x/readiness.yaml:3:1')).toEqual({ line: 3, column: 1 });
    expect(parseLocation('readiness.yaml')).toEqual({ line: 1, column: 1 });
  });
});
