import { describe, expect, it } from 'vitest';
import wildcardResources from '../../../checks/acl/wildcard-resources.js';
import type { AclBinding } from '../../../src/gather/snapshot.js';
import { makeSnapshot } from '../../helpers/snapshot.js';
import { runCheck } from '../../helpers/run-check.js';

const acl = (principal: string, resourceType: string, operation: string, resourceName = '*', patternType = 'LITERAL'): AclBinding => ({ principal, resourceType, operation, resourceName, patternType, host: '*', permission: 'ALLOW' });
// What the README and the permission section recommend for the scanner (the snapshot's principal is "scanner").
const recommended = [acl('User:scanner', 'TOPIC', 'DESCRIBE'), acl('User:scanner', 'TOPIC', 'DESCRIBE_CONFIGS'), acl('User:scanner', 'GROUP', 'DESCRIBE')];

describe("acl/wildcard-resources and the tool's own recommended grants", () => {
  it('does not fail the read-only grants it recommends to the scanning principal', () => {
    const r = runCheck(wildcardResources, makeSnapshot({ acls: { ok: true, value: recommended } }));
    expect(r.status).toBe('pass');
    expect(r.counts.pass).toBe(3);
  });

  it('still fails data or write access on * for the scanner, and the same read-only grants for anyone else', () => {
    const r = runCheck(wildcardResources, makeSnapshot({ acls: { ok: true, value: [acl('User:scanner', 'TOPIC', 'READ'), acl('User:app', 'TOPIC', 'DESCRIBE'), acl('User:scanner', 'TRANSACTIONAL_ID', 'DESCRIBE')] } }));
    expect(r.findings.map((f) => f.resource.name)).toEqual([
      'User:scanner ALLOW READ on TOPIC:LITERAL:* from *',
      'User:app ALLOW DESCRIBE on TOPIC:LITERAL:* from *',
      'User:scanner ALLOW DESCRIBE on TRANSACTIONAL_ID:LITERAL:* from *',
    ]);
  });

  it('exempts other scanner principals listed in options', () => {
    const r = runCheck(wildcardResources, makeSnapshot({ acls: { ok: true, value: [acl('User:ci-scanner', 'GROUP', 'DESCRIBE')] } }), { options: { scannerPrincipals: ['User:ci-scanner'] } });
    expect(r.status).toBe('pass');
  });
});
