import { describe, expect, it } from 'vitest';
import topicOwnership from '../../../../checks/governance/topic-ownership.js';
import type { AclBinding } from '../../../../src/gather/snapshot.js';
import { makeSnapshot, topicInfo } from '../../../helpers/snapshot.js';
import { allow, deny, findingKeys, runWithYaml } from './helpers.js';

const OWNERS = `owners:
  - owner: team-billing
    topics: ['billing.*']
    principals: ['User:billing', 'User:billing-batch']
  - owner: team-fraud
    topics: 'fraud.*'
    principals: ['User:fraud']
`;
const snap = (names: string[], acls: AclBinding[]) =>
  makeSnapshot({ topics: { ok: true, value: names.map((n) => topicInfo(n, [{ replicas: [1, 2, 3] }])) }, acls: { ok: true, value: acls } });

const cases: { name: string; yaml: string; topics: string[]; acls: AclBinding[]; status: string; findings: string[] }[] = [
  { name: 'no owners section: not applicable', yaml: 'version: 1\n', topics: ['orders'], acls: [], status: 'not-applicable', findings: [] },
  {
    name: 'declared owner with its own writers passes; related principals (same owner) are one owner',
    yaml: OWNERS,
    topics: ['billing.invoices', '__consumer_offsets'],
    acls: [allow('User:billing', 'TOPIC', 'WRITE', 'billing.', 'PREFIXED'), allow('User:billing-batch', 'TOPIC', 'ALL', 'billing.invoices')],
    status: 'pass',
    findings: [],
  },
  {
    name: 'owner derived from the only writer ([] owners); wildcard grants are not ownership',
    yaml: 'owners: []\n',
    topics: ['orders'],
    acls: [allow('User:orders-svc', 'TOPIC', 'WRITE', 'orders'), allow('User:admin', 'TOPIC', 'ALL', '*'), allow('User:reader', 'TOPIC', 'READ', 'orders')],
    status: 'pass',
    findings: [],
  },
  {
    name: 'no owner and no writer fails; declared owner without writer warns',
    yaml: OWNERS,
    topics: ['orphan', 'fraud.alerts'],
    acls: [allow('User:reader', 'TOPIC', 'READ', 'orphan')],
    status: 'fail',
    findings: ['topic:fraud.alerts warn medium', 'topic:orphan fail medium'],
  },
  {
    name: 'several unrelated writers fail, declared or not',
    yaml: OWNERS,
    topics: ['billing.shared', 'payments'],
    acls: [
      allow('User:billing', 'TOPIC', 'WRITE', 'billing.shared'),
      allow('User:fraud', 'TOPIC', 'WRITE', 'billing.', 'PREFIXED'),
      allow('User:a', 'TOPIC', 'WRITE', 'payments'),
      allow('User:b', 'TOPIC', 'WRITE', 'pay', 'PREFIXED'),
    ],
    status: 'fail',
    findings: ['topic:billing.shared fail medium', 'topic:payments fail medium'],
  },
  {
    name: 'a DENY removes the writer; a declared owner written only by another owner\'s principal warns',
    yaml: OWNERS,
    topics: ['billing.x', 'fraud.y'],
    acls: [allow('User:billing', 'TOPIC', 'WRITE', 'billing.x'), allow('User:fraud', 'TOPIC', 'WRITE', 'billing.x'), deny('User:fraud', 'TOPIC', 'WRITE', 'billing.x'), allow('User:billing', 'TOPIC', 'WRITE', 'fraud.y')],
    status: 'warn',
    findings: ['topic:fraud.y warn medium'],
  },
];

describe('governance/topic-ownership', () => {
  for (const c of cases) {
    it(c.name, () => {
      const r = runWithYaml(topicOwnership, snap(c.topics, c.acls), c.yaml);
      expect(r.status).toBe(c.status);
      expect(findingKeys(r)).toEqual(c.findings);
    });
  }

  it('names the writers and their owners in the evidence', () => {
    const r = runWithYaml(topicOwnership, snap(['payments'], [allow('User:a', 'TOPIC', 'WRITE', 'payments'), allow('User:b', 'TOPIC', 'WRITE', 'payments')]), OWNERS);
    expect(r.findings[0]!.evidence?.observed).toEqual({ owner: null, writers: ['User:a', 'User:b'], writerOwners: ['User:a', 'User:b'] });
    expect(r.findings[0]!.message).toBe('principals of 2 unrelated owners may write it (User:a, User:b)');
  });

  it('is unknown without the ACL list', () => {
    const s = snap(['x'], []);
    s.artifacts.acls = { ok: false, error: { reason: 'denied', message: 'DescribeAcls denied' } };
    expect(runWithYaml(topicOwnership, s, 'owners: []\n').status).toBe('unknown');
  });

  it('an owners entry needs topics or groups (file:line:column)', () => {
    expect(() => runWithYaml(topicOwnership, snap([], []), 'owners:\n  - owner: x\n')).toThrow(/^readiness\.yaml:2:5: owners\.0 needs "topics" or "groups"$/);
  });
});
