import { defineCheck, fail, group, matchesAny, metricCollisions, namingViolations, notApplicable, pass } from '../../src/sdk.js';

export default defineCheck({
  meta: {
    id: 'governance/group-naming',
    area: 'governance',
    title: 'Consumer group names follow the naming rules',
    failureTitle: 'Consumer group names break the naming rules',
    description:
      'readiness.yaml `naming.groups` states the allowed group id patterns, reserved prefixes and a maximum length. A group ' +
      'id outside them cannot be tied to an application, so its lag alerts and its ACLs have no obvious owner. Ids that ' +
      'differ only in `.` vs `_` share metric names in tools that sanitise them.',
    remediation: 'Change the application\'s `group.id` to a conforming one (it starts from `auto.offset.reset` unless its offsets are copied with `kafka-consumer-groups.sh --reset-offsets`), or widen `naming.groups` through review.',
    references: [{ title: 'Kafka docs: group.id', url: 'https://kafka.apache.org/documentation/#consumerconfigs_group.id' }],
    severity: 'low',
    requires: ['groups'],
  },
  evaluate({ groups }, { policy }) {
    const rule = policy.naming?.groups;
    if (!rule) return notApplicable('no group naming rules (`naming.groups`) in readiness.yaml');
    const names = [...new Set(groups.map((g) => g.groupId))];
    const collisions = metricCollisions(names);
    return names.map((name) => {
      const problems = namingViolations(name, rule, collisions.get(name) ?? [], matchesAny);
      const evidence = { observed: problems.length ? problems : 'follows the rules', expected: `the naming rules at ${rule.origin}`, details: { length: name.length } };
      return problems.length ? fail(group(name), `group id ${problems.join('; ')}`, evidence) : pass(group(name), 'group id follows the naming rules', evidence);
    });
  },
});
