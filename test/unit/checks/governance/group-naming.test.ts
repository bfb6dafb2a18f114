import { describe, expect, it } from 'vitest';
import groupNaming from '../../../../checks/governance/group-naming.js';
import { makeSnapshot } from '../../../helpers/snapshot.js';
import { findingKeys, groupInfo, runWithYaml } from './helpers.js';

const RULES = `naming:
  groups:
    allowed: ['*-consumer', '*-stream']
    reservedPrefixes: ['console-consumer-']
    maxLength: 40
`;
const groups = (...ids: string[]) => ({ ok: true as const, value: ids.map((id) => groupInfo(id, 1)) });

const cases: { name: string; yaml: string; groups: string[]; status: string; findings: string[] }[] = [
  { name: 'no group rules (topic rules only): not applicable', yaml: 'naming:\n  topics:\n    maxLength: 10\n', groups: ['x'], status: 'not-applicable', findings: [] },
  { name: 'conforming ids pass', yaml: RULES, groups: ['billing-consumer', 'fraud-stream'], status: 'pass', findings: [] },
  {
    name: 'pattern, reserved prefix, length and collisions',
    yaml: RULES,
    groups: ['billing-consumer', 'adhoc', 'console-consumer-4711-consumer', 'a-group-id-that-is-much-too-long-consumer', 'app.x-consumer', 'app_x-consumer'],
    status: 'fail',
    findings: ['group:a-group-id-that-is-much-too-long-consumer fail low', 'group:adhoc fail low', 'group:app.x-consumer fail low', 'group:app_x-consumer fail low', 'group:console-consumer-4711-consumer fail low'],
  },
  { name: 'no groups: nothing to judge', yaml: RULES, groups: [], status: 'not-applicable', findings: [] },
];

describe('governance/group-naming', () => {
  for (const c of cases) {
    it(c.name, () => {
      const r = runWithYaml(groupNaming, makeSnapshot({ groups: groups(...c.groups) }), c.yaml);
      expect(r.status).toBe(c.status);
      expect(findingKeys(r)).toEqual(c.findings);
    });
  }

  it('is unknown when the groups could not be listed', () => {
    const r = runWithYaml(groupNaming, makeSnapshot({ groups: { ok: false, error: { reason: 'denied', message: 'DESCRIBE on Group denied' } } }), RULES);
    expect(r.status).toBe('unknown');
  });
});
