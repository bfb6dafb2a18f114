import check from '../../../../checks/acl/wildcard-resources.js';
import { checkCases } from '../../../helpers/check-tester.js';
import { acl, aclName } from '../../../helpers/builders.js';
import { makeSnapshot } from '../../../helpers/snapshot.js';

const on = (principal: string, resourceType: string, operation: string) => acl(principal, operation, resourceType, '*');
// What the README and the permission section recommend for the scanner (the snapshot's principal is "scanner").
const recommended = [on('User:scanner', 'TOPIC', 'DESCRIBE'), on('User:scanner', 'TOPIC', 'DESCRIBE_CONFIGS'), on('User:scanner', 'GROUP', 'DESCRIBE')];
const risky = [on('User:scanner', 'TOPIC', 'READ'), on('User:app', 'TOPIC', 'DESCRIBE'), on('User:scanner', 'TRANSACTIONAL_ID', 'DESCRIBE')];

checkCases(check, [
  {
    name: "does not fail the read-only grants it recommends to the scanning principal",
    snapshot: () => makeSnapshot({ acls: { ok: true, value: recommended } }),
    expect: [],
    counts: { pass: 3 },
  },
  {
    name: 'still fails data or write access on * for the scanner, and the same read-only grants for anyone else',
    snapshot: () => makeSnapshot({ acls: { ok: true, value: risky } }),
    expect: risky.map((a) => ({ kind: 'acl', name: aclName(a), status: 'fail' as const })),
  },
  {
    name: 'exempts other scanner principals listed in options',
    snapshot: () => makeSnapshot({ acls: { ok: true, value: [on('User:ci-scanner', 'GROUP', 'DESCRIBE')] } }),
    options: { scannerPrincipals: ['User:ci-scanner'] },
    expect: [],
  },
]);
