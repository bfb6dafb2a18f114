// The cut-over checklist in every human format and in JSON, with a hostile topic name (cluster data is untrusted).
import { beforeAll, describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/config/readiness.js';
import { buildRegistry } from '../../src/engine/registry.js';
import { evaluateSnapshot } from '../../src/pipeline.js';
import type { Report } from '../../src/report/model.js';
import { renderers } from '../../src/report/render.js';
import { deniedArtifact, paired, PREFIX } from '../helpers/migration.js';
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
});
