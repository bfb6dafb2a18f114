import { defineCheck, describeSource, isInternalTopic, matchesAny, numberConfig, pass, readConfig, topic, warn } from '../../src/sdk.js';

export default defineCheck({
  meta: {
    id: 'retention/infinite-retention',
    area: 'retention',
    title: 'Delete-policy topics have a finite retention',
    failureTitle: 'Delete-policy topics keep data forever',
    description:
      'A delete-policy topic with `retention.ms=-1` and `retention.bytes=-1` grows until the disk is full, and keeps personal ' +
      'data longer than any records schedule allows. Tiered storage moves the cost elsewhere but the data still never leaves.',
    remediation:
      'Set `retention.ms` to the replay window your records policy requires (e.g. 604800000 for 7 days) or use `cleanup.policy=compact` for changelogs. ' +
      'List topics that must keep data forever under this check\'s `allowTopics` option so the decision is recorded.',
    references: [{ title: 'Kafka docs: retention.ms', url: 'https://kafka.apache.org/documentation/#topicconfigs_retention.ms' }],
    severity: 'medium',
    requires: ['topics', 'topicConfigs'],
    judges: [
      { config: 'retention.ms', scope: 'topic', threshold: '-1 together with retention.bytes=-1 on a delete-policy topic without tiered storage → warn', source: 'check catalog (unbounded disk growth)' },
      { config: 'retention.bytes', scope: 'topic', threshold: '-1 together with retention.ms=-1 → warn', source: 'check catalog' },
      { config: 'cleanup.policy', scope: 'topic', threshold: 'delete (or compact,delete) is where unlimited retention matters', source: 'Kafka docs cleanup.policy' },
      { config: 'log.retention.ms', scope: 'broker', threshold: 'judged as the source of retention.ms', source: 'DescribeConfigs synonyms' },
      { config: 'log.retention.minutes', scope: 'broker', threshold: 'judged as the source of retention.ms', source: 'DescribeConfigs synonyms' },
      { config: 'log.retention.hours', scope: 'broker', threshold: 'judged as the source of retention.ms', source: 'DescribeConfigs synonyms' },
      { config: 'log.retention.bytes', scope: 'broker', threshold: 'judged as the source of retention.bytes', source: 'DescribeConfigs synonyms' },
    ],
    defaultOptions: { allowTopics: [] as string[] },
    optionsSchema: { type: 'object', additionalProperties: false, properties: { allowTopics: { type: 'array', items: { type: 'string' } } } },
  },
  evaluate({ topics, topicConfigs }, { options }) {
    const results = [];
    for (const t of topics) {
      const configs = topicConfigs[t.name];
      if (isInternalTopic(t) || !configs) continue;
      const policy = readConfig(configs, 'cleanup.policy').value ?? 'delete';
      if (!policy.split(',').map((s) => s.trim()).includes('delete')) continue;
      const ms = numberConfig(configs, 'retention.ms');
      const bytes = numberConfig(configs, 'retention.bytes');
      const msSource = readConfig(configs, 'retention.ms').source;
      const evidence = {
        observed: { 'retention.ms': ms, 'retention.bytes': bytes },
        expected: 'retention.ms or retention.bytes finite',
        config: 'retention.ms',
        source: msSource,
        details: { from: describeSource(msSource), cleanupPolicy: policy },
      };
      if (ms === -1 && (bytes === -1 || bytes === null) && !matchesAny(t.name, options.allowTopics)) {
        results.push(warn(topic(t.name), 'retention is unlimited: the topic grows until the disk is full', evidence));
      } else {
        results.push(pass(topic(t.name), 'retention is finite or explicitly allowed', evidence));
      }
    }
    return results;
  },
});
