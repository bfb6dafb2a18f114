// Resources a check saw but could not judge (unknownResource): never a pass in the result, the score or any format,
// with a hostile group name (cluster data is untrusted).
import type * as Sarif from 'sarif';
import { beforeAll, describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/config/readiness.js';
import { buildRegistry } from '../../src/engine/registry.js';
import { evaluateSnapshot } from '../../src/pipeline.js';
import type { CheckResult, Report } from '../../src/report/model.js';
import { renderers } from '../../src/report/render.js';
import { defineCheck, fail, group, pass, unknownResource } from '../../src/sdk.js';
import { sarifValidate, xsdErrors } from '../helpers/output-schemas.js';
import { makeSnapshot } from '../helpers/snapshot.js';

const HOSTILE = '<img src=x onerror=alert(1)>|*_\u001b[2J';
const meta = { area: 'migration' as const, severity: 'high' as const, title: 'Test', description: 'd', remediation: 'r', requires: [] as never[] };
// One group fails, one passes, one (hostile) could not be judged: the check fails and names the unjudged group.
const mixed = defineCheck({ meta: { ...meta, id: 'test/mixed' }, evaluate: () => [fail(group('legacy'), 'legacy fails'), pass(group('ok'), 'fine'), unknownResource(group(HOSTILE), 'time apart not measured')] });
// Nothing failing and one group not judged: unknown, not pass.
const unjudged = defineCheck({ meta: { ...meta, id: 'test/unjudged' }, evaluate: () => [pass(group('ok'), 'fine'), unknownResource(group(HOSTILE), 'time apart not measured')] });
// More than the report lists: counted in full, the first 20 named.
const many = defineCheck({ meta: { ...meta, id: 'test/many' }, evaluate: () => [fail(group('x'), 'x fails'), ...Array.from({ length: 25 }, (_, i) => unknownResource(group(`g${i}`), 'not measured'))] });

let report: Report;
const byId = (id: string): CheckResult => report.checks.find((c) => c.id === id)!;

beforeAll(async () => {
  const config = defaultConfig();
  const registry = [...(await buildRegistry(config)), ...[mixed, unjudged, many].map((check) => ({ check, origin: 'test' }))];
  report = evaluateSnapshot(makeSnapshot(), { config, registry });
});

describe('resources not judged', () => {
  it('are left out of the pass count; a check with nothing else failing is unknown with the reason', () => {
    const m = byId('test/mixed');
    expect([m.status, m.counts.resources, m.counts.pass, m.counts.fail, m.score]).toEqual(['fail', 2, 1, 1, 50]);
    expect(m.notJudged).toEqual({ count: 1, resources: [{ resource: { kind: 'group', name: HOSTILE }, reason: 'time apart not measured' }] });
    expect(m.partial).toEqual([`not judged: 1 of 3 resource(s) (group ${HOSTILE}: time apart not measured)`]);
    const u = byId('test/unjudged');
    expect([u.status, u.score, u.counts.pass]).toEqual(['unknown', null, 1]);
    expect(u.reason).toBe(`1 of 2 resource(s) could not be judged (group ${HOSTILE}: time apart not measured); the other 1 pass`);
    const n = byId('test/many');
    expect([n.notJudged!.count, n.notJudged!.resources.length]).toEqual([25, 20]);
    expect(n.partial![0]).toBe('not judged: 25 of 26 resource(s) (group g0: not measured; also group g1, group g2, group g3, …)');
  });

  it('text, markdown and html name them under "Partly checked", escaped', () => {
    const text = renderers.text(report, { color: false });
    expect(text).toContain('Partly checked');
    expect(text).toContain('test/mixed: not judged: 1 of 3 resource(s) (group <img src=x onerror=alert(1)>|*_\\x1b[2J: time apart not measured)');
    expect(text).not.toContain('\u001b');
    const md = renderers.markdown(report);
    expect(md).toContain('Partly checked (3)');
    expect(md).toMatch(/- <code>test\/mixed<\/code>: not judged: 1 of 3 resource\(s\) \(group &lt;img src=x onerror=alert\(1\)&gt;\\\|\\\*\\_\\\\x1b\\\[2J: time apart not measured\)/);
    const html = renderers.html(report);
    expect(html).toContain('<h3>Partly checked</h3>');
    for (const out of [md, html]) expect(out).not.toContain('<img');
  });

  it('junit: each one an error testcase beside the failures (never a pass); schema-valid', async () => {
    const xml = renderers.junit(report, { color: false });
    expect(await xsdErrors(xml, 'JUnit.xsd')).toEqual([]);
    expect(await xsdErrors(xml, 'junit-10.xsd')).toEqual([]);
    expect(xml).toContain('name="test/mixed on group &lt;img src=x onerror=alert(1)&gt;|*_\\x1b[2J (could not judge)"');
    expect(xml).toMatch(/\(could not judge\)" time="0">\s*<error type="unknown" message="could not judge: time apart not measured"/);
    // The unknown check is one "could not check" error, not one per resource as well.
    expect(xml).toContain('name="test/unjudged (could not check)"');
    expect(xml).not.toContain('test/unjudged on group');
    expect(xml.match(/test\/many on group g\d+ \(could not judge\)/g)).toHaveLength(20);
    expect(xml).not.toContain('<img');
  });

  it('sarif: a warning notification per check with resources not judged; schema-valid', () => {
    const log = JSON.parse(renderers.sarif(report, { color: false })) as Sarif.Log;
    expect(sarifValidate(log) ? [] : sarifValidate.errors).toEqual([]);
    const notes = log.runs[0]!.invocations![0]!.toolExecutionNotifications!;
    const mixedNote = notes.find((x) => x.associatedRule?.id === 'test/mixed')!;
    expect(mixedNote.level).toBe('warning');
    expect(mixedNote.message.text).toBe('test/mixed: partly checked: not judged: 1 of 3 resource(s) (group <img src=x onerror=alert(1)>|*_\\x1b[2J: time apart not measured)');
    expect(notes.filter((x) => x.associatedRule?.id === 'test/unjudged').map((x) => x.message.text)).toEqual([expect.stringMatching(/^test\/unjudged: could not check: 1 of 2 resource/)]);
    expect(JSON.stringify(log)).not.toContain('\\u001b');
  });

  it('json: notJudged as in the report model', () => {
    const out = JSON.parse(renderers.json(report)) as Report;
    expect(out.checks.find((c) => c.id === 'test/mixed')!.notJudged!.resources[0]!.resource.kind).toBe('group');
  });
});
