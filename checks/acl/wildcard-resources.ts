import { aclResource, defineCheck, fail, notApplicable, pass, type Severity } from '../../src/sdk.js';

const READ_ONLY_METADATA = new Set(['DESCRIBE', 'DESCRIBE_CONFIGS']);

export default defineCheck({
  meta: {
    id: 'acl/wildcard-resources',
    area: 'acl',
    title: 'Grants name the resources they are for',
    failureTitle: 'Grants use wildcard resources',
    description:
      'A LITERAL `*` resource grants the operation on every topic or group that exists or will exist; a PREFIXED grant with a ' +
      'very short prefix (e.g. `a`) does almost the same. Least privilege means naming the topics (or a team prefix such as `billing.`). ' +
      'Exempt: the read-only `DESCRIBE` / `DESCRIBE_CONFIGS` grants on `*` topics and groups of the principal running the scan ' +
      '(and of `scannerPrincipals`), which is what this tool recommends for its scanner: they reveal names and configs, not data.',
    remediation: 'Replace the wildcard binding with bindings on the topic names or a specific prefix (`--resource-pattern-type prefixed --topic billing.`).',
    references: [{ title: 'Kafka docs: ACL resource patterns', url: 'https://kafka.apache.org/documentation/#security_authz_cli' }],
    severity: 'medium',
    requires: ['acls'],
    // scannerPrincipals: the principals that run kafka-readiness (the scanning principal is always one of them).
    defaultOptions: { minPrefixLength: 3, scannerPrincipals: [] as string[] },
    optionsSchema: { type: 'object', additionalProperties: false, properties: { minPrefixLength: { type: 'integer', minimum: 0 }, scannerPrincipals: { type: 'array', items: { type: 'string' } } } },
  },
  evaluate({ acls }, { options, snapshot }) {
    const scanners = new Set([...(snapshot.target.principal ? [`User:${snapshot.target.principal}`] : []), ...options.scannerPrincipals]);
    const allows = acls.filter((a) => a.permission === 'ALLOW' && (a.resourceType === 'TOPIC' || a.resourceType === 'GROUP' || a.resourceType === 'TRANSACTIONAL_ID'));
    if (allows.length === 0) return notApplicable('no ALLOW ACL bindings on topics, groups or transactional ids');
    return allows.map((a) => {
      const res = aclResource(a);
      const wildcard = a.patternType === 'LITERAL' && a.resourceName === '*';
      const shortPrefix = a.patternType === 'PREFIXED' && a.resourceName.length < options.minPrefixLength;
      const evidence = { observed: `${a.patternType} ${a.resourceName}`, expected: `named resources or a prefix of >= ${options.minPrefixLength} characters`, details: { ...a } };
      if (!wildcard && !shortPrefix) return pass(res, 'grant names its resources', evidence);
      // The read-only metadata grants this tool itself recommends for its scanner (see README): names and configs, no data.
      if (wildcard && scanners.has(a.principal) && READ_ONLY_METADATA.has(a.operation) && a.resourceType !== 'TRANSACTIONAL_ID') {
        return pass(res, `read-only ${a.operation} grant of a kafka-readiness scanner principal, as the tool recommends`, { ...evidence, expected: 'wildcard allowed for the scanner\'s DESCRIBE / DESCRIBE_CONFIGS grants' });
      }
      const severity: Severity = a.principal === 'User:*' ? 'high' : 'medium';
      return fail(res, wildcard ? `${a.principal} may ${a.operation} every ${a.resourceType.toLowerCase()}` : `prefix "${a.resourceName}" matches almost every ${a.resourceType.toLowerCase()}`, evidence, severity);
    });
  },
});
