import { declaredOwner, defineCheck, fail, group, judgeOwnership, matchesAny, notApplicable, pass, principalsAllowed, warn } from '../../src/sdk.js';

export default defineCheck({
  meta: {
    id: 'governance/group-ownership',
    area: 'governance',
    title: 'Every consumer group has one owner',
    failureTitle: 'Consumer groups have no owner or several unrelated readers',
    description:
      'A consumer group\'s lag alert has to page someone. The owner comes from readiness.yaml `owners` (by group pattern) ' +
      'or from the ACLs: the principals allowed to READ with the group (literal or prefixed grants; `--group \'*\'` grants ' +
      'are platform-wide). A group no principal may read with and nobody declared is orphaned; a group shared by principals ' +
      'of unrelated owners means two applications split one set of partitions. Runs when readiness.yaml has an `owners` section.',
    remediation: 'Declare the owner in readiness.yaml `owners` (`groups:` patterns and its principals), and grant READ on each group to its own application only (`kafka-acls.sh --add --allow-principal … --operation Read --group …`).',
    references: [{ title: 'Kafka docs: Authorization and ACLs', url: 'https://kafka.apache.org/documentation/#security_authz' }],
    severity: 'low',
    requires: ['groups', 'acls'],
  },
  evaluate({ groups, acls }, { policy }) {
    const rules = policy.owners;
    if (!rules) return notApplicable('no `owners` section in readiness.yaml (`owners: []` derives owners from the ACLs alone)');
    return [...new Set(groups.map((g) => g.groupId))].map((id) => {
      const declared = declaredOwner(rules, 'groups', id, matchesAny);
      const readers = principalsAllowed(acls, 'GROUP', id, 'READ');
      const v = judgeOwnership(rules, declared, readers, 'read with');
      const evidence = {
        observed: { owner: v.owner, readers, readerOwners: v.actorOwners },
        expected: 'one owner: declared in `owners`, or one owner behind every principal that may read with the group',
        details: { declaredAt: declared?.origin ?? null },
      };
      const make = v.status === 'pass' ? pass : v.status === 'warn' ? warn : fail;
      return make(group(id), v.message, evidence);
    });
  },
});
