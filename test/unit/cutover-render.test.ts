// The cut-over checklist in every human format and in JSON, with a hostile topic name (cluster data is untrusted).
import type * as Sarif from 'sarif';
import { beforeAll, describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/config/readiness.js';
import { buildRegistry } from '../../src/engine/registry.js';
import { evaluateSnapshot } from '../../src/pipeline.js';
import type { Report } from '../../src/report/model.js';
import { renderers } from '../../src/report/render.js';
import { deniedArtifact, paired, PREFIX } from '../helpers/migration.js';
import { sarifValidate, xsdErrors } from '../helpers/output-schemas.js';
import { makeSnapshot, topicInfo } from '../helpers/snapshot.js';


const HOSTILE = '<img src=x onerror=alert(1)>|*_\u001b[2J';
const one = [{ replicas: [1] }];
let report: Report;
let plain: Report;

beforeAll(async () => {
  const config = defaultConfig();
  const setup = { config, registry: await buildRegistry(config) };
  // The hostile topic is not mirrored (before producers: not met); source ACLs denied (unknown); no reverse flow (rollback: not met).
  report = evaluateSnapshot(paired({ topics: { ok: true, value: [topicInfo('orders', one), topicInfo(HOSTILE, one)] }, acls: deniedArtifact('DescribeAcls') }, { topics: { ok: true, value: [topicInfo('src.orders', one)] } }, PREFIX), setup);
  plain = evaluateSnapshot(makeSnapshot(), setup);
});

describe('cut-over checklist rendering', () => {
  it('text: the phases, item states, the resource and the reason, control characters escaped', () => {
    const out = renderers.text(report, { color: false });
    expect(out).toContain('Cut-over checklist: NOT MET');
    expect(out).toMatch(/ {2}Before producers switch: NOT MET\n/);
    expect(out).toMatch(/\[NOT MET\] Every migrated topic exists on the target with the same partitions \(migration\/topics-mirrored fail\)/);
    expect(out).toMatch(/\[UNKNOWN\] Every principal .* \(migration\/acl-drift unknown\)\n {8}\? migration\/acl-drift is unknown: source ACLs unavailable/);
    expect(out).toMatch(/ {2}Rollback proven: NOT MET\n {4}\[NOT MET\] The target replicates back/);
    expect(out).toContain('fail topic <img src=x onerror=alert(1)>|*_\\x1b[2J: topic');
    expect(out).not.toContain('\u001b');
    expect(renderers.text(plain, { color: false })).not.toContain('Cut-over');
  });

  it('markdown: a task list per phase, names escaped', () => {
    const out = renderers.markdown(report);
    expect(out).toContain('#### Cut-over checklist: NOT MET');
    expect(out).toContain('**Before producers switch: NOT MET**');
    expect(out).toContain('- [ ] **NOT MET** Every migrated topic exists on the target with the same partitions — <code>migration/topics-mirrored</code> fail');
    expect(out).toContain('  - fail topic <code>&lt;img src=x onerror=alert(1)&gt;\\|\\*\\_\\\\x1b\\[2J</code>');
    expect(out).toContain('  - could not decide: migration/acl-drift is unknown: source ACLs unavailable');
    expect(out).not.toContain('<img');
    expect(renderers.markdown(plain)).not.toContain('Cut-over');
  });

  it('html: a section with badges and a table-of-contents entry, names escaped', () => {
    const out = renderers.html(report);
    expect(out).toContain('<a href="#cutover">Cut-over</a>');
    expect(out).toContain('<h2 id="cutover-h">Cut-over checklist <span class="badge st-fail">NOT MET</span></h2>');
    expect(out).toContain('<h3>Rollback proven <span class="badge st-fail">NOT MET</span></h3>');
    expect(out).toContain('<li>fail topic <code>&lt;img src=x onerror=alert(1)&gt;|*_\\x1b[2J</code>');
    expect(out).not.toContain('<img');
    expect(renderers.html(plain)).not.toContain('id="cutover"');
  });

  it('json: the checklist as in the report model, absent from ordinary scans', () => {
    const out = JSON.parse(renderers.json(report)) as Report;
    expect(out.cutover).toEqual(report.cutover);
    expect(out.cutover!.phases.map((p) => [p.id, p.status])).toEqual([['before-producers', 'not-met'], ['before-consumers', out.cutover!.phases[1]!.status], ['rollback', 'not-met']]);
    const topics = out.cutover!.phases[0]!.items.find((i) => i.id === 'topics-present')!;
    expect(topics.resources).toEqual([expect.objectContaining({ check: 'migration/topics-mirrored', kind: 'topic', name: HOSTILE, status: 'fail' })]);
    expect(JSON.parse(renderers.json(plain)).cutover).toBeUndefined();
  });

  it('junit: a "cutover" suite with a testcase per item: met passes, not-met fails, unknown is skipped with its reason; schema-valid, names escaped', async () => {
    const xml = renderers.junit(report, { color: false });
    expect(await xsdErrors(xml, 'JUnit.xsd')).toEqual([]);
    expect(await xsdErrors(xml, 'junit-10.xsd')).toEqual([]);
    const suite = /<testsuite name="cutover" [^>]*>([\s\S]*?)<\/testsuite>/.exec(xml);
    expect(suite).not.toBeNull();
    const items = report.cutover!.phases.flatMap((p) => p.items.map((i) => ({ phase: p.id, ...i })));
    const count = (s: string) => items.filter((i) => i.status === s).length;
    expect(suite![0]).toContain(`tests="${items.length}" failures="${count('not-met')}" errors="0" skipped="${count('unknown')}"`);
    expect(count('met')).toBeGreaterThan(0);
    const cases = [...suite![1]!.matchAll(/<testcase classname="([^"]*)" name="([^"]*)" time="0"(\/>|>\s*<(failure|skipped)[^>]*message="([^"]*)")/g)];
    expect(cases).toHaveLength(items.length);
    for (const [k, i] of items.entries()) {
      const c = cases[k]!;
      expect(c[1]).toBe(`cutover/${i.phase}`);
      expect(c[2]!.startsWith(`cutover/${i.phase}/${i.id}: `)).toBe(true);
      // Never a pass for an item that was not seen to hold.
      expect(c[4] ?? 'pass').toBe(i.status === 'met' ? 'pass' : i.status === 'not-met' ? 'failure' : 'skipped');
    }
    expect(suite![1]).toContain('<skipped message="unknown: migration/acl-drift is unknown: source ACLs unavailable');
    expect(suite![1]).toContain('<failure type="not-met" message="not met: Every migrated topic exists on the target with the same partitions (1 finding of migration/topics-mirrored)">');
    expect(suite![1]).toContain('fail topic &lt;img src=x onerror=alert(1)&gt;|*_\\x1b[2J (migration/topics-mirrored): topic');
    expect(suite![1]).toContain('<property name="cutover.rollback.status" value="not-met"/>');
    expect(xml).not.toContain('<img');
    expect(xml).not.toContain('\u001b');
    expect(renderers.junit(plain, { color: false })).not.toContain('cutover');
  });

  it('sarif: the checklist in run.properties, a rule per item, a result per not-met item, a notification per unknown one; schema-valid', () => {
    const log = JSON.parse(renderers.sarif(report, { color: false })) as Sarif.Log;
    expect(sarifValidate(log) ? [] : sarifValidate.errors).toEqual([]);
    const run = log.runs[0]!;
    const cutover = run.properties!.cutover as Report['cutover'];
    expect(cutover!.status).toBe('not-met');
    const items = cutover!.phases.flatMap((p) => p.items);
    expect(items.map((i) => i.id)).toEqual(report.cutover!.phases.flatMap((p) => p.items.map((i) => i.id)));
    const rules = run.tool.driver.rules!;
    expect(rules.filter((r) => r.id.startsWith('cutover/')).map((r) => r.id)).toEqual(items.map((i) => `cutover/${i.id}`));
    const results = run.results!.filter((r) => r.ruleId!.startsWith('cutover/'));
    expect(results.map((r) => r.ruleId)).toEqual(items.filter((i) => i.status === 'not-met').map((i) => `cutover/${i.id}`));
    for (const r of results) expect(rules[r.ruleIndex!]!.id).toBe(r.ruleId);
    const topics = results.find((r) => r.ruleId === 'cutover/topics-present')!;
    expect(topics.message.text).toBe('NOT MET: Before producers switch: Every migrated topic exists on the target with the same partitions (migration/topics-mirrored fail; 1 resource(s): topic <img src=x onerror=alert(1)>|*_\\x1b[2J)');
    expect(topics.level).toBe('error');
    const notes = run.invocations![0]!.toolExecutionNotifications!.filter((n) => n.associatedRule?.id?.startsWith('cutover/'));
    expect(notes.map((n) => n.associatedRule!.id)).toEqual(items.filter((i) => i.status === 'unknown').map((i) => `cutover/${i.id}`));
    expect(notes.find((n) => n.associatedRule!.id === 'cutover/acls-carried')!.message.text).toContain('could not decide "Before producers switch: Every principal');
    // Control characters escaped, the raw string never reaches the log.
    expect(JSON.stringify(log)).not.toContain('\\u001b');
    // With a readiness.yaml the results point at its migration: key.
    const located = JSON.parse(renderers.sarif(report, { color: false, configFile: 'readiness.yaml', locate: (p) => (p[0] === 'migration' ? 'readiness.yaml:7:1' : 'readiness.yaml') })) as Sarif.Log;
    const at = located.runs[0]!.results!.find((r) => r.ruleId === 'cutover/topics-present')!.locations![0]!.physicalLocation!.region!;
    expect([at.startLine, at.startColumn]).toEqual([7, 1]);
    const plainLog = JSON.parse(renderers.sarif(plain, { color: false })) as Sarif.Log;
    expect(plainLog.runs[0]!.properties!.cutover).toBeUndefined();
    expect(plainLog.runs[0]!.tool.driver.rules!.some((r) => r.id.startsWith('cutover/'))).toBe(false);
  });
});
