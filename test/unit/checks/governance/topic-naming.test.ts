import { describe, expect, it } from 'vitest';
import topicNaming from '../../../../checks/governance/topic-naming.js';
import { makeSnapshot, topicInfo } from '../../../helpers/snapshot.js';
import { findingKeys, runWithYaml } from './helpers.js';

const topics = (...names: string[]) => ({ ok: true as const, value: names.map((n) => topicInfo(n, [{ replicas: [1, 2, 3] }])) });
const RULES = `
naming:
  topics:
    allowed: ['/^[a-z]+\\.[a-z0-9-]+(\\.[a-z0-9-]+)*$/']
    reservedPrefixes: ['_', 'tmp.']
    maxLength: 30
`;

const cases: { name: string; yaml: string; topics: string[]; status: string; findings: string[] }[] = [
  { name: 'no naming rules: not applicable', yaml: 'version: 1\n', topics: ['Bad_Name'], status: 'not-applicable', findings: [] },
  { name: 'conforming names pass', yaml: RULES, topics: ['billing.invoices', 'billing.payments.v2', '__consumer_offsets'], status: 'pass', findings: [] },
  {
    name: 'pattern, reserved prefix, length',
    yaml: RULES,
    topics: ['billing.ok', 'Orders', '_private', 'tmp.scratch', 'billing.a-very-long-topic-name-indeed'],
    status: 'fail',
    findings: ['topic:Orders fail medium', 'topic:_private fail medium', 'topic:billing.a-very-long-topic-name-indeed fail medium', 'topic:tmp.scratch fail medium'],
  },
  {
    name: '"." vs "_" collisions are flagged on both topics, even without patterns',
    yaml: 'naming:\n  topics:\n    maxLength: 249\n',
    topics: ['billing.events', 'billing_events', 'other'],
    status: 'fail',
    findings: ['topic:billing.events fail medium', 'topic:billing_events fail medium'],
  },
  { name: 'collisions can be switched off', yaml: 'naming:\n  topics:\n    collisions: false\n', topics: ['a.b', 'a_b'], status: 'pass', findings: [] },
];

describe('governance/topic-naming', () => {
  for (const c of cases) {
    it(c.name, () => {
      const r = runWithYaml(topicNaming, makeSnapshot({ topics: topics(...c.topics) }), c.yaml);
      expect(r.status).toBe(c.status);
      expect(findingKeys(r)).toEqual(c.findings);
    });
  }

  it('names every broken rule in the message and the rule location in the evidence', () => {
    const r = runWithYaml(topicNaming, makeSnapshot({ topics: topics('_x.y', '_x_y') }), RULES);
    const f = r.findings.find((x) => x.resource.name === '_x.y')!;
    expect(f.message).toContain('reserved prefix "_"');
    expect(f.message).toContain('collides in metric names');
    expect(f.message).toContain('_x_y');
    expect(f.evidence?.expected).toBe('the naming rules at readiness.yaml:3:3');
  });

  it('reports a /regex/ that does not compile at its file:line:column', () => {
    expect(() => runWithYaml(topicNaming, makeSnapshot(), "naming:\n  topics:\n    allowed: ['/[/']\n")).toThrow(/readiness\.yaml:3:15: \/\[\/ is not a valid regular expression/);
  });

  it('rejects an unknown key with its location', () => {
    expect(() => runWithYaml(topicNaming, makeSnapshot(), 'naming:\n  topics:\n    maxLen: 3\n')).toThrow(/readiness\.yaml:3:5: unknown key "maxLen"/);
  });
});
