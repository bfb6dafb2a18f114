import { aclResource, defineCheck, fail, notApplicable, pass, type Severity } from '../../src/sdk.js';

const DANGEROUS = new Set(['ALL', 'WRITE', 'ALTER', 'ALTER_CONFIGS', 'DELETE', 'CREATE', 'CLUSTER_ACTION', 'IDEMPOTENT_WRITE']);


export default defineCheck({
  meta: {
    id: 'acl/wildcard-principal',
    area: 'acl',
    title: 'No ACL grants access to every principal',
    failureTitle: 'An ACL grants access to every principal',
    description:
      'An ALLOW ACL for `User:*` grants the operation to every authenticated principal — and on a listener without ' +
      'authentication, to anonymous clients too. Write, alter or delete grants let any client corrupt or destroy case data; ' +
      'read and describe grants expose it.',
    remediation: 'Replace the `User:*` binding with bindings for the named service principals that need it (`kafka-acls.sh --remove …`, then `--add --allow-principal User:<service>`).',
    references: [{ title: 'Kafka docs: ACL command line interface', url: 'https://kafka.apache.org/documentation/#security_authz_cli' }],
    severity: 'high',
    requires: ['acls'],
  },
  evaluate({ acls }) {
    const allows = acls.filter((a) => a.permission === 'ALLOW');
    if (allows.length === 0) return notApplicable('no ALLOW ACL bindings exist');
    return allows.map((a) => {
      const res = aclResource(a);
      const evidence = { observed: a.principal, expected: 'a named principal', details: { ...a } };
      if (a.principal === 'User:*') {
        const severity: Severity = DANGEROUS.has(a.operation) ? 'high' : 'medium';
        return fail(res, `every principal is allowed ${a.operation} on ${a.resourceType.toLowerCase()} ${a.resourceName}`, evidence, severity);
      }
      return pass(res, 'grant names a principal', evidence);
    });
  },
});
