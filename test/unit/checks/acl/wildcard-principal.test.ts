import check from '../../../../checks/acl/wildcard-principal.js';
import { checkCases } from '../../../helpers/check-tester.js';
import { acl, aclName } from '../../../helpers/builders.js';
import { makeSnapshot } from '../../../helpers/snapshot.js';

const grants = [acl('User:*', 'WRITE'), acl('User:*', 'READ'), acl('User:billing', 'READ')];

checkCases(check, [
  {
    name: 'fails User:* grants with a severity that depends on the operation',
    snapshot: () => makeSnapshot({ acls: { ok: true, value: grants } }),
    expect: [
      { kind: 'acl', name: aclName(grants[0]!), status: 'fail', severity: 'high' },
      { kind: 'acl', name: aclName(grants[1]!), status: 'fail', severity: 'medium' },
    ],
    counts: { resources: 3, pass: 1 },
  },
  { name: 'is not applicable without ACLs', snapshot: makeSnapshot(), expect: { status: 'not-applicable' } },
]);
