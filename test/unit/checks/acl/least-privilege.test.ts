import check from '../../../../checks/acl/least-privilege.js';
import { parseReadinessConfig, type ReadinessConfig } from '../../../../src/config/readiness.js';
import { checkCases } from '../../../helpers/check-tester.js';
import { acl } from '../../../helpers/builders.js';
import { makeSnapshot } from '../../../helpers/snapshot.js';

const POLICY =
  'principals:\n  "User:billing":\n    - { operations: [READ], topic: "billing.*" }\n    - { operations: [READ], group: "billing-*" }\n  "User:intake":\n    - { operations: [WRITE], topic: intake.events }\n';
const withPolicy = (config: ReadinessConfig) => {
  config.policy = parseReadinessConfig(POLICY, 'p.yaml').policy;
};
const acls = [
  acl('User:billing', 'READ', 'TOPIC', 'billing.', 'PREFIXED'),
  acl('User:billing', 'READ', 'GROUP', 'billing-', 'PREFIXED'),
  acl('User:billing', 'WRITE', 'TOPIC', '*'),
  acl('User:reporting', 'READ', 'TOPIC', 'billing.', 'PREFIXED'),
];

checkCases(check, [
  {
    name: 'lists extra and missing grants per declared principal and flags undeclared ones',
    snapshot: () => makeSnapshot({ acls: { ok: true, value: acls } }),
    configure: withPolicy,
    expect: [
      { kind: 'principal', name: 'User:billing', status: 'fail', severity: 'high', evidence: { observed: { extraGrants: ['WRITE on TOPIC:LITERAL:*'], missingGrants: [] } } },
      { kind: 'principal', name: 'User:intake', status: 'warn', evidence: { observed: { extraGrants: [], missingGrants: ['WRITE on TOPIC:intake.events'] } } },
      { kind: 'principal', name: 'User:reporting', status: 'warn', message: /principal the policy does not declare/ },
    ],
  },
  {
    name: 'passes a principal whose grants match the intended ones',
    snapshot: () => makeSnapshot({ acls: { ok: true, value: acls.slice(0, 2).concat(acl('User:intake', 'WRITE', 'TOPIC', 'intake.events')) } }),
    configure: withPolicy,
    expect: [],
    counts: { pass: 2 },
  },
  { name: 'is not applicable without intended grants in readiness.yaml', snapshot: () => makeSnapshot({ acls: { ok: true, value: acls } }), expect: { status: 'not-applicable', reason: /principals/ } },
]);
