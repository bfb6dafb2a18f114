import check from '../../../../checks/acl/dangling-acls.js';
import { checkCases } from '../../../helpers/check-tester.js';
import { acl, aclName } from '../../../helpers/builders.js';
import { makeSnapshot } from '../../../helpers/snapshot.js';

const typo = acl('User:app', 'READ', 'TOPIC', 'ordres');

checkCases(check, [
  {
    name: 'warns a LITERAL topic ACL for a topic that does not exist; prefixed and * bindings are not judged',
    snapshot: () => makeSnapshot({ acls: { ok: true, value: [typo, acl('User:app', 'READ'), acl('User:app', 'READ', 'TOPIC', 'ord', 'PREFIXED'), acl('User:app', 'READ', 'TOPIC', '*')] } }),
    expect: [{ kind: 'acl', name: aclName(typo), status: 'warn', severity: 'low', message: 'topic ordres does not exist' }],
    counts: { resources: 2, pass: 1 },
  },
  { name: 'is not applicable without LITERAL topic ACLs', snapshot: () => makeSnapshot({ acls: { ok: true, value: [acl('User:app', 'READ', 'GROUP', 'g')] } }), expect: { status: 'not-applicable' } },
  { name: 'is unknown when topics cannot be listed', snapshot: () => makeSnapshot({ acls: { ok: true, value: [typo] }, topics: { ok: false, error: { reason: 'denied', message: 'Metadata failed' } } }), expect: { status: 'unknown', missing: ['topics'] } },
]);
