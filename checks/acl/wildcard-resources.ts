import { aclResource, defineCheck, fail, notApplicable, pass, type Severity } from '../../src/sdk.js';


export default defineCheck({
  meta: {
    id: 'acl/wildcard-resources',
    area: 'acl',
    title: 'Grants name the resources they are for',
    failureTitle: 'Grants use wildcard resources',
    description:
      'A LITERAL `*` resource grants the operation on every topic or group that exists or will exist; a PREFIXED grant with a ' +
      'very short prefix (e.g. `a`) does almost the same. Least privilege means naming the topics (or a team prefix such as `billing.`).',
    remediation: 'Replace the wildcard binding with bindings on the topic names or a specific prefix (`--resource-pattern-type prefixed --topic billing.`).',
    references: [{ title: 'Kafka docs: ACL resource patterns', url: 'https://kafka.apache.org/documentation/#security_authz_cli' }],
    severity: 'medium',
    requires: ['acls'],
    defaultOptions: { minPrefixLength: 3 },
  },
  evaluate({ acls }, { options }) {
    const allows = acls.filter((a) => a.permission === 'ALLOW' && (a.resourceType === 'TOPIC' || a.resourceType === 'GROUP' || a.resourceType === 'TRANSACTIONAL_ID'));
    if (allows.length === 0) return notApplicable('no ALLOW ACL bindings on topics, groups or transactional ids');
    return allows.map((a) => {
      const res = aclResource(a);
      const wildcard = a.patternType === 'LITERAL' && a.resourceName === '*';
      const shortPrefix = a.patternType === 'PREFIXED' && a.resourceName.length < options.minPrefixLength;
      const evidence = { observed: `${a.patternType} ${a.resourceName}`, expected: `named resources or a prefix of >= ${options.minPrefixLength} characters`, details: { ...a } };
      if (!wildcard && !shortPrefix) return pass(res, 'grant names its resources', evidence);
      const severity: Severity = a.principal === 'User:*' ? 'high' : 'medium';
      return fail(res, wildcard ? `${a.principal} may ${a.operation} every ${a.resourceType.toLowerCase()}` : `prefix "${a.resourceName}" matches almost every ${a.resourceType.toLowerCase()}`, evidence, severity);
    });
  },
});
