import { defineCheck, describeBounds, fail, isInternalTopic, notApplicable, numberConfig, pass, policyFor, readConfig, replicationFactor, topic, withinBounds } from '../../src/sdk.js';

export default defineCheck({
  meta: {
    id: 'replication/topic-policy',
    area: 'replication',
    title: 'Topics meet the replication policy declared for them',
    failureTitle: 'Topics miss the replication policy declared for them',
    description:
      'readiness.yaml `topicPolicies` states, per topic pattern, the replication factor and min.insync.replicas a team ' +
      'requires (e.g. `payments.*`: RF 3, min ISR 2). Every matching topic is checked against its policy.',
    remediation: 'Change the topic (reassign replicas, `kafka-configs.sh --alter … min.insync.replicas=`) or the policy, whichever is wrong.',
    references: [{ title: 'kafka-readiness: topicPolicies in readiness.yaml', url: 'README.md#readinessyaml' }],
    severity: 'high',
    requires: ['topics', 'topicConfigs'],
  },
  evaluate({ topics, topicConfigs }, { policy }) {
    const relevant = policy.topicPolicies.filter((p) => p.replicationFactor || p.minInsyncReplicas);
    if (relevant.length === 0) return notApplicable('no topicPolicies with replicationFactor or minInsyncReplicas in readiness.yaml');
    const results = [];
    for (const t of topics) {
      if (isInternalTopic(t) || t.partitions.length === 0) continue;
      const p = policyFor(relevant, t.name);
      if (!p) continue;
      const rf = replicationFactor(t);
      const minIsr = numberConfig(topicConfigs[t.name], 'min.insync.replicas');
      const problems: string[] = [];
      if (p.replicationFactor && !withinBounds(rf, p.replicationFactor)) problems.push(`replication factor ${rf} (policy ${describeBounds(p.replicationFactor)})`);
      if (p.minInsyncReplicas && minIsr !== null && !withinBounds(minIsr, p.minInsyncReplicas)) problems.push(`min.insync.replicas ${minIsr} (policy ${describeBounds(p.minInsyncReplicas)})`);
      const evidence = {
        observed: { replicationFactor: rf, 'min.insync.replicas': minIsr },
        expected: [p.replicationFactor ? `RF ${describeBounds(p.replicationFactor)}` : '', p.minInsyncReplicas ? `min ISR ${describeBounds(p.minInsyncReplicas)}` : ''].filter(Boolean).join(', '),
        config: 'min.insync.replicas',
        source: readConfig(topicConfigs[t.name], 'min.insync.replicas').source,
        details: { policy: p.topics, policyAt: p.origin },
      };
      results.push(problems.length ? fail(topic(t.name), `breaks the policy for ${p.topics.join(', ')}: ${problems.join('; ')}`, evidence) : pass(topic(t.name), 'meets its replication policy', evidence));
    }
    return results;
  },
});
