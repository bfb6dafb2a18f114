import { defineCheck, describeBounds, fail, formatDuration, isInternalTopic, notApplicable, numberConfig, pass, policyFor, readConfig, topic, withinBounds } from '../../src/sdk.js';

export default defineCheck({
  meta: {
    id: 'retention/topic-policy',
    area: 'retention',
    title: 'Topics keep data exactly as long as their policy says',
    failureTitle: 'Topics keep data longer or shorter than their policy says',
    description:
      'readiness.yaml `topicPolicies` states the replay window per topic pattern once (e.g. `payments.*`: retention between ' +
      '7 d and 30 d, cleanup.policy delete). Every matching topic is checked: too short loses replay ability, too long keeps ' +
      'personal data beyond the records schedule, and the wrong cleanup policy changes what "kept" means.',
    remediation: 'Align the topic (`retention.ms`, `cleanup.policy`) with the policy, or change the policy through review.',
    references: [{ title: 'kafka-readiness: topicPolicies in readiness.yaml', url: 'README.md#readinessyaml' }],
    severity: 'high',
    requires: ['topics', 'topicConfigs'],
    judges: [
      { config: 'retention.ms', scope: 'topic', threshold: 'outside the readiness.yaml topicPolicies bounds → fail', source: 'readiness.yaml topicPolicies (team policy)' },
      { config: 'cleanup.policy', scope: 'topic', threshold: 'differs from the readiness.yaml topicPolicies value → fail', source: 'readiness.yaml topicPolicies (team policy)' },
    ],
  },
  evaluate({ topics, topicConfigs }, { policy }) {
    const relevant = policy.topicPolicies.filter((p) => p.retentionMs || p.cleanupPolicy);
    if (relevant.length === 0) return notApplicable('no topicPolicies with retention or cleanupPolicy in readiness.yaml');
    const results = [];
    for (const t of topics) {
      const configs = topicConfigs[t.name];
      if (isInternalTopic(t) || !configs) continue;
      const p = policyFor(relevant, t.name);
      if (!p) continue;
      const retention = numberConfig(configs, 'retention.ms');
      const cleanup = readConfig(configs, 'cleanup.policy').value ?? 'delete';
      const problems: string[] = [];
      if (p.retentionMs && retention !== null) {
        // -1 is unlimited: above any maximum, and meets any minimum.
        const effective = retention < 0 ? Number.POSITIVE_INFINITY : retention;
        if (!withinBounds(effective, p.retentionMs)) problems.push(`retention ${formatDuration(retention)} (policy ${describeBounds(p.retentionMs, formatDuration)})`);
      }
      const norm = (s: string) => s.split(',').map((x) => x.trim()).sort().join(',');
      if (p.cleanupPolicy && norm(cleanup) !== norm(p.cleanupPolicy)) problems.push(`cleanup.policy ${cleanup} (policy ${p.cleanupPolicy})`);
      const evidence = {
        observed: { 'retention.ms': retention, 'cleanup.policy': cleanup },
        expected: [p.retentionMs ? `retention ${describeBounds(p.retentionMs, formatDuration)}` : '', p.cleanupPolicy ? `cleanup.policy ${p.cleanupPolicy}` : ''].filter(Boolean).join(', '),
        config: 'retention.ms',
        source: readConfig(configs, 'retention.ms').source,
        details: { policy: p.topics, policyAt: p.origin },
      };
      results.push(problems.length ? fail(topic(t.name), `breaks the policy for ${p.topics.join(', ')}: ${problems.join('; ')}`, evidence) : pass(topic(t.name), 'meets its retention policy', evidence));
    }
    return results;
  },
});
