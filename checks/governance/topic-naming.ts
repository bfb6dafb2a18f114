import { defineCheck, fail, isInternalTopic, matchesAny, metricCollisions, namingViolations, notApplicable, pass, topic } from '../../src/sdk.js';

export default defineCheck({
  meta: {
    id: 'governance/topic-naming',
    area: 'governance',
    title: 'Topic names follow the naming rules',
    failureTitle: 'Topic names break the naming rules',
    description:
      'readiness.yaml `naming.topics` states the allowed name patterns, reserved prefixes and a maximum length. A name ' +
      'outside them is a topic nobody can place (which domain, which team, which data). Names that differ only in `.` vs ' +
      '`_` share their JMX metric names (Kafka turns `.` into `_` there), so their metrics mix; Kafka itself only warns when such a topic is created.',
    remediation: 'Create a correctly named topic, move producers and consumers to it and delete the old one (topics cannot be renamed), or widen `naming.topics` through review.',
    references: [
      { title: 'Kafka docs: topic naming (kafka-topics.sh warns about "." and "_")', url: 'https://kafka.apache.org/documentation/#basic_ops_add_topic' },
      { title: 'Confluent: Kafka topic naming conventions', url: 'https://www.confluent.io/learn/kafka-topic-naming-convention/' },
    ],
    severity: 'medium',
    requires: ['topics'],
  },
  evaluate({ topics }, { policy }) {
    const rule = policy.naming?.topics;
    if (!rule) return notApplicable('no topic naming rules (`naming.topics`) in readiness.yaml');
    const names = topics.filter((t) => !isInternalTopic(t)).map((t) => t.name);
    const collisions = metricCollisions(names);
    return names.map((name) => {
      const problems = namingViolations(name, rule, collisions.get(name) ?? [], matchesAny);
      const evidence = { observed: problems.length ? problems : 'follows the rules', expected: `the naming rules at ${rule.origin}`, details: { length: name.length } };
      return problems.length ? fail(topic(name), `name ${problems.join('; ')}`, evidence) : pass(topic(name), 'name follows the naming rules', evidence);
    });
  },
});
