import { aclResource, defineCheck, fail, notApplicable, pass } from '../../src/sdk.js';



export default defineCheck({
  meta: {
    id: 'acl/anonymous-grants',
    area: 'acl',
    title: 'Unauthenticated clients are granted nothing',
    failureTitle: 'Unauthenticated clients are granted access',
    description:
      'Clients on a PLAINTEXT or SSL-without-client-auth listener are `User:ANONYMOUS`. An ALLOW ACL for that principal ' +
      'gives every host that can reach such a listener the operation, with no identity in the audit log.',
    remediation: 'Remove ACLs for `User:ANONYMOUS` and authenticate those clients (SASL or mutual TLS) with their own principal.',
    references: [{ title: 'Kafka docs: Authorization and ACLs', url: 'https://kafka.apache.org/documentation/#security_authz' }],
    severity: 'high',
    requires: ['acls'],
  },
  evaluate({ acls }) {
    const allows = acls.filter((a) => a.permission === 'ALLOW');
    if (allows.length === 0) return notApplicable('no ALLOW ACL bindings exist');
    return allows.map((a) => {
      const res = aclResource(a);
      return a.principal === 'User:ANONYMOUS'
        ? fail(res, `unauthenticated clients are allowed ${a.operation} on ${a.resourceType.toLowerCase()} ${a.resourceName}`, { observed: a.principal, expected: 'an authenticated principal', details: { ...a } })
        : pass(res, 'grant names an authenticated principal', { observed: a.principal, expected: 'an authenticated principal' });
    });
  },
});
