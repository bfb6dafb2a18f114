import { defineCheck, formatDuration, isInternalTopic, numberConfig, pass, readConfig, topic, warn } from '../../src/sdk.js';

// Long.MAX_VALUE (9223372036854775807) as a double is exactly 2^63: written that way so the value is what it reads.
const LONG_MAX = 2 ** 63;

export default defineCheck({
  meta: {
    id: 'retention/timestamp-settings',
    area: 'retention',
    title: 'Future record timestamps cannot hold back retention',
    failureTitle: 'Future record timestamps can hold back retention',
    description:
      'Time-based retention deletes a segment when its newest record timestamp is older than `retention.ms`. With ' +
      '`message.timestamp.type=CreateTime`, a producer with a wrong clock (or a bug) can write timestamps years ahead; ' +
      'the segment holding them is then never deleted. Kafka 4.0 limits future timestamps to 1 hour by default ' +
      '(`message.timestamp.after.max.ms`); 3.x accepts any.',
    remediation: 'Set `message.timestamp.after.max.ms=3600000` (or lower) on the topic or brokers, or use `message.timestamp.type=LogAppendTime`.',
    references: [{ title: 'KIP-937: Improve message timestamp validation', url: 'https://cwiki.apache.org/confluence/display/KAFKA/KIP-937%3A+Improve+Message+Timestamp+Validation' }],
    severity: 'low',
    requires: ['topics', 'topicConfigs'],
    judges: [
      { config: 'message.timestamp.type', scope: 'topic', threshold: 'CreateTime is where future timestamps matter', source: 'Kafka docs message.timestamp.type' },
      { config: 'message.timestamp.after.max.ms', scope: 'topic', threshold: 'unlimited with CreateTime → warn (4.0 default is 1 h)', source: 'KIP-937; Kafka 4.0 upgrade notes' },
      { config: 'log.message.timestamp.type', scope: 'broker', threshold: 'judged as the source of message.timestamp.type', source: 'DescribeConfigs synonyms' },
      { config: 'log.message.timestamp.after.max.ms', scope: 'broker', threshold: 'judged as the source of message.timestamp.after.max.ms', source: 'DescribeConfigs synonyms' },
    ],
    defaultOptions: { maxFutureMs: 86_400_000 },
    optionsSchema: { type: 'object', additionalProperties: false, properties: { maxFutureMs: { type: 'number', minimum: 0 } } },
  },
  evaluate({ topics, topicConfigs }, { options }) {
    const results = [];
    for (const t of topics) {
      const configs = topicConfigs[t.name];
      if (isInternalTopic(t) || !configs) continue;
      const type = readConfig(configs, 'message.timestamp.type').value ?? 'CreateTime';
      if (type !== 'CreateTime') {
        results.push(pass(topic(t.name), `timestamps are set by the broker (${type})`, { observed: type, expected: `LogAppendTime, or CreateTime with future timestamps limited to ${formatDuration(options.maxFutureMs)}` }));
        continue;
      }
      // message.timestamp.after.max.ms since 3.6 (KIP-937); older brokers only have message.timestamp.difference.max.ms.
      const key = readConfig(configs, 'message.timestamp.after.max.ms').present ? 'message.timestamp.after.max.ms' : 'message.timestamp.difference.max.ms';
      const after = numberConfig(configs, key);
      if (after === null) continue;
      const { source } = readConfig(configs, key);
      const evidence = { observed: after >= LONG_MAX ? 'unlimited' : formatDuration(after), expected: `<= ${formatDuration(options.maxFutureMs)}`, config: key, source, details: { 'message.timestamp.type': type } };
      results.push(
        after > options.maxFutureMs
          ? warn(topic(t.name), `CreateTime accepts timestamps ${after >= LONG_MAX ? 'arbitrarily far' : formatDuration(after)} in the future: a wrong producer clock can keep segments forever`, evidence)
          : pass(topic(t.name), `future timestamps limited to ${formatDuration(after)}`, evidence),
      );
    }
    return results;
  },
});
