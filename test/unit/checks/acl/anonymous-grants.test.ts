import check from '../../../../checks/acl/anonymous-grants.js';
import { checkCases } from '../../../helpers/check-tester.js';
import { acl, aclName } from '../../../helpers/builders.js';
import { makeSnapshot } from '../../../helpers/snapshot.js';

const anonymous = acl('User:ANONYMOUS', 'READ');
const named = acl('User:billing', 'READ');
const denyAnonymous = acl('User:ANONYMOUS', 'WRITE', 'TOPIC', 'orders', 'LITERAL', 'DENY');

checkCases(check, [
  {
    name: 'fails an ALLOW for User:ANONYMOUS and passes named principals',
    snapshot: () => makeSnapshot({ acls: { ok: true, value: [anonymous, named, denyAnonymous] } }),
    expect: [{ kind: 'acl', name: aclName(anonymous), status: 'fail', severity: 'high', message: 'unauthenticated clients are allowed READ on topic orders' }],
    counts: { resources: 2, pass: 1 },
  },
  { name: 'is not applicable without ALLOW bindings (a DENY is no grant)', snapshot: () => makeSnapshot({ acls: { ok: true, value: [denyAnonymous] } }), expect: { status: 'not-applicable' } },
  { name: 'is unknown when ACLs cannot be read', snapshot: () => makeSnapshot({ acls: { ok: false, error: { reason: 'denied', message: 'DescribeAcls failed with CLUSTER_AUTHORIZATION_FAILED' } } }), expect: { status: 'unknown', missing: ['acls'] } },
]);
