import { describe, expect, it } from 'vitest';
import groupOwnership from '../../../../checks/governance/group-ownership.js';
import type { AclBinding } from '../../../../src/gather/snapshot.js';
import { makeSnapshot } from '../../../helpers/snapshot.js';
import { allow, findingKeys, groupInfo, runWithYaml } from './helpers.js';

const OWNERS = `owners:
  - owner: team-billing
    groups: ['billing-*']
    principals: ['User:billing']
`;
const snap = (ids: string[], acls: AclBinding[]) => makeSnapshot({ groups: { ok: true, value: ids.map((id) => groupInfo(id, 1)) }, acls: { ok: true, value: acls } });

const cases: { name: string; yaml: string; groups: string[]; acls: AclBinding[]; status: string; findings: string[] }[] = [
  { name: 'no owners section: not applicable', yaml: 'version: 1\n', groups: ['g'], acls: [], status: 'not-applicable', findings: [] },
  { name: 'declared and read by its own principal passes', yaml: OWNERS, groups: ['billing-consumer'], acls: [allow('User:billing', 'GROUP', 'READ', 'billing-', 'PREFIXED')], status: 'pass', findings: [] },
  { name: 'derived from the one reader', yaml: 'owners: []\n', groups: ['orders-app'], acls: [allow('User:orders', 'GROUP', 'READ', 'orders-app'), allow('User:ops', 'GROUP', 'ALL', '*')], status: 'pass', findings: [] },
  {
    name: 'no reader and undeclared fails; two unrelated readers fail',
    yaml: OWNERS,
    groups: ['lonely', 'shared'],
    acls: [allow('User:a', 'GROUP', 'READ', 'shared'), allow('User:b', 'GROUP', 'ALL', 'sha', 'PREFIXED'), allow('User:a', 'GROUP', 'DESCRIBE', 'lonely')],
    status: 'fail',
    findings: ['group:lonely fail low', 'group:shared fail low'],
  },
  { name: 'declared without a reader warns', yaml: OWNERS, groups: ['billing-old'], acls: [], status: 'warn', findings: ['group:billing-old warn low'] },
];

describe('governance/group-ownership', () => {
  for (const c of cases) {
    it(c.name, () => {
      const r = runWithYaml(groupOwnership, snap(c.groups, c.acls), c.yaml);
      expect(r.status).toBe(c.status);
      expect(findingKeys(r)).toEqual(c.findings);
    });
  }
});
