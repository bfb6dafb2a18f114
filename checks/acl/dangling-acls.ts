import { aclResource, defineCheck, notApplicable, pass, warn } from '../../src/sdk.js';


export default defineCheck({
  meta: {
    id: 'acl/dangling-acls',
    area: 'acl',
    title: 'ACLs point at topics that exist',
    failureTitle: 'ACLs point at topics that do not exist',
    description:
      'A LITERAL topic ACL for a topic that does not exist is either a typo (the real topic lacks the grant) or a leftover ' +
      'that silently re-opens access when someone creates a topic with that name later.',
    remediation: 'Fix the topic name in the ACL or remove the binding (`kafka-acls.sh --remove`).',
    references: [{ title: 'Kafka docs: ACL command line interface', url: 'https://kafka.apache.org/documentation/#security_authz_cli' }],
    severity: 'low',
    requires: ['acls', 'topics'],
  },
  evaluate({ acls, topics }) {
    const names = new Set(topics.map((t) => t.name));
    const literalTopic = acls.filter((a) => a.resourceType === 'TOPIC' && a.patternType === 'LITERAL' && a.resourceName !== '*');
    if (literalTopic.length === 0) return notApplicable('no LITERAL topic ACLs');
    return literalTopic.map((a) =>
      names.has(a.resourceName)
        ? pass(aclResource(a), 'topic exists', { observed: a.resourceName, expected: 'an existing topic' })
        : warn(aclResource(a), `topic ${a.resourceName} does not exist`, { observed: a.resourceName, expected: 'an existing topic' }),
    );
  },
});
