import { declaredOwner, defineCheck, fail, isInternalTopic, judgeOwnership, matchesAny, notApplicable, pass, principalsAllowed, topic, warn } from '../../src/sdk.js';

export default defineCheck({
  meta: {
    id: 'governance/topic-ownership',
    area: 'governance',
    title: 'Every topic has one owner',
    failureTitle: 'Topics have no owner or several unrelated writers',
    description:
      '"Who owns this topic?" is the first question of an audit and of an incident. The owner comes from readiness.yaml ' +
      '`owners` (by topic pattern) or, failing that, from the ACLs: the principals allowed to WRITE the topic (literal or ' +
      'prefixed grants; `--topic \'*\'` grants are platform-wide access, not ownership). A topic nobody may write and ' +
      'nobody declared is orphaned; a topic written by principals of several unrelated owners (principals listed under ' +
      'the same `owners` entry are related) has no single party accountable for its data and schema. Runs when readiness.yaml ' +
      'has an `owners` section (`owners: []` derives every owner from the ACLs).',
    remediation: 'Declare the owner in readiness.yaml `owners` (with the principals it runs as), and keep WRITE on a topic to that owner\'s principals (`kafka-acls.sh --remove --allow-principal … --operation Write --topic …`).',
    references: [{ title: 'Kafka docs: Authorization and ACLs', url: 'https://kafka.apache.org/documentation/#security_authz' }],
    severity: 'medium',
    requires: ['topics', 'acls'],
  },
  evaluate({ topics, acls }, { policy }) {
    const rules = policy.owners;
    if (!rules) return notApplicable('no `owners` section in readiness.yaml (`owners: []` derives owners from the ACLs alone)');
    return topics
      .filter((t) => !isInternalTopic(t))
      .map((t) => {
        const declared = declaredOwner(rules, 'topics', t.name, matchesAny);
        const writers = principalsAllowed(acls, 'TOPIC', t.name, 'WRITE');
        const v = judgeOwnership(rules, declared, writers, 'write');
        const evidence = {
          observed: { owner: v.owner, writers, writerOwners: v.actorOwners },
          expected: 'one owner: declared in `owners`, or one owner behind every principal that may write',
          details: { declaredAt: declared?.origin ?? null },
        };
        const make = v.status === 'pass' ? pass : v.status === 'warn' ? warn : fail;
        return make(topic(t.name), v.message, evidence);
      });
  },
});
