import {
  broker,
  configOrigin,
  defineCheck,
  fail,
  formatBytes,
  isInternalTopic,
  numberConfig,
  pass,
  readConfig,
  topic,
  warn,
  type ConfigMap,
  type ResourceResult,
} from '../../src/sdk.js';

// message.max.bytes counts the 12-byte log overhead (offset + size) that the fetch limits do not: Kafka's own
// defaults are 1048588 and 1048576 (Records.LOG_OVERHEAD), so that difference is no finding.
const LOG_OVERHEAD = 12;

/** The smallest value of a numeric broker config across brokers (the weakest link), with the broker holding it. */
function weakest(brokerConfigs: Record<string, ConfigMap>, key: string): { value: number; broker: string; configs: ConfigMap } | null {
  let best: { value: number; broker: string; configs: ConfigMap } | null = null;
  for (const [id, configs] of Object.entries(brokerConfigs)) {
    const v = numberConfig(configs, key);
    if (v !== null && (best === null || v < best.value)) best = { value: v, broker: id, configs };
  }
  return best;
}

export default defineCheck({
  meta: {
    id: 'retention/message-size-chain',
    area: 'retention',
    title: 'The largest record a topic accepts can be replicated, fetched and sent',
    failureTitle: 'A topic accepts records that cannot be replicated, fetched or sent',
    description:
      "A record batch travels producer → leader → followers → consumers, and every hop has its own limit. The topic's " +
      '`max.message.bytes` (inherited from the broker `message.max.bytes` unless overridden) is what the leader accepts. ' +
      'Followers fetch with `replica.fetch.max.bytes`: a larger batch still replicates (Kafka returns the first batch whatever ' +
      'its size) but one batch per fetch, so a partition with large records replicates slowly and drops out of the ISR under ' +
      'load. No request may exceed the broker `socket.request.max.bytes`, so a topic limit above it promises records no ' +
      'producer can send. Consumers with `max.partition.fetch.bytes`/`fetch.max.bytes` below the limit (or clients older than ' +
      '0.10.2, which cannot fetch an oversized batch at all) stall on such a record.',
    remediation:
      'Keep `max.message.bytes` of a topic at or below the brokers\' `replica.fetch.max.bytes` (raise that on every broker when ' +
      'large records are intended) and well below `socket.request.max.bytes`; tell the consumers of that topic to raise ' +
      '`max.partition.fetch.bytes`, and the producers `max.request.size`. Prefer references to large objects over large records.',
    references: [
      { title: 'Kafka docs: max.message.bytes', url: 'https://kafka.apache.org/documentation/#topicconfigs_max.message.bytes' },
      { title: 'Kafka docs: replica.fetch.max.bytes', url: 'https://kafka.apache.org/documentation/#brokerconfigs_replica.fetch.max.bytes' },
      { title: 'KIP-74: Add fetch response size limit in bytes', url: 'https://cwiki.apache.org/confluence/display/KAFKA/KIP-74%3A+Add+Fetch+Response+Size+Limit+in+Bytes' },
    ],
    severity: 'medium',
    requires: ['topics', 'topicConfigs', 'brokerConfigs'],
    // Consumer fetch limits are not visible to a cluster scan: declare them here when known (bytes, null = unknown).
    defaultOptions: { consumerMaxPartitionFetchBytes: null as number | null },
    optionsSchema: { type: 'object', additionalProperties: false, properties: { consumerMaxPartitionFetchBytes: { type: ['integer', 'null'], minimum: 0 } } },
    judges: [
      { config: 'max.message.bytes', scope: 'topic', threshold: '> replica.fetch.max.bytes + 12 → warn; > socket.request.max.bytes → fail; > consumerMaxPartitionFetchBytes (when declared) → warn', source: 'Kafka docs max.message.bytes, replica.fetch.max.bytes; KIP-74' },
      { config: 'message.max.bytes', scope: 'broker', threshold: '> replica.fetch.max.bytes + 12 → warn', source: 'Kafka docs message.max.bytes / replica.fetch.max.bytes (defaults 1048588 and 1048576)' },
      { config: 'replica.fetch.max.bytes', scope: 'broker', threshold: 'the follower hop of the chain (smallest across brokers)', source: 'Kafka docs replica.fetch.max.bytes' },
      { config: 'socket.request.max.bytes', scope: 'broker', threshold: 'hard ceiling for any request (smallest across brokers)', source: 'Kafka docs socket.request.max.bytes' },
    ],
  },
  evaluate({ topics, topicConfigs, brokerConfigs }, { options }) {
    const results: ResourceResult[] = [];
    const replicaFetch = weakest(brokerConfigs, 'replica.fetch.max.bytes');
    const socketMax = weakest(brokerConfigs, 'socket.request.max.bytes');
    for (const [id, configs] of Object.entries(brokerConfigs)) {
      const mmb = numberConfig(configs, 'message.max.bytes');
      const rfb = numberConfig(configs, 'replica.fetch.max.bytes');
      if (mmb === null || rfb === null) continue;
      const evidence = {
        observed: { 'message.max.bytes': mmb, 'replica.fetch.max.bytes': rfb },
        expected: 'message.max.bytes <= replica.fetch.max.bytes + 12',
        config: 'message.max.bytes',
        source: readConfig(configs, 'message.max.bytes').source,
        details: { 'message.max.bytes from': configOrigin(configs, 'message.max.bytes'), 'replica.fetch.max.bytes from': configOrigin(configs, 'replica.fetch.max.bytes') },
      };
      results.push(
        mmb > rfb + LOG_OVERHEAD
          ? warn(broker(id), `message.max.bytes ${formatBytes(mmb)} exceeds replica.fetch.max.bytes ${formatBytes(rfb)}: followers fetch such batches one at a time`, evidence)
          : pass(broker(id), 'followers fetch the largest accepted batch normally', evidence),
      );
    }
    for (const t of topics) {
      const configs = topicConfigs[t.name];
      if (isInternalTopic(t) || !configs) continue;
      const max = numberConfig(configs, 'max.message.bytes');
      if (max === null) continue;
      const problems: { status: 'warn' | 'fail'; message: string }[] = [];
      if (socketMax && max > socketMax.value) problems.push({ status: 'fail', message: `max.message.bytes ${formatBytes(max)} exceeds socket.request.max.bytes ${formatBytes(socketMax.value)} (broker ${socketMax.broker}): no producer can send a record that large` });
      if (replicaFetch && max > replicaFetch.value + LOG_OVERHEAD) problems.push({ status: 'warn', message: `max.message.bytes ${formatBytes(max)} exceeds replica.fetch.max.bytes ${formatBytes(replicaFetch.value)} (broker ${replicaFetch.broker}): followers replicate such batches one per fetch` });
      const consumer = options.consumerMaxPartitionFetchBytes;
      if (typeof consumer === 'number' && max > consumer + LOG_OVERHEAD) problems.push({ status: 'warn', message: `max.message.bytes ${formatBytes(max)} exceeds the consumers' max.partition.fetch.bytes ${formatBytes(consumer)} declared in readiness.yaml` });
      const evidence = {
        observed: { 'max.message.bytes': max, 'replica.fetch.max.bytes': replicaFetch?.value ?? null, 'socket.request.max.bytes': socketMax?.value ?? null, consumerMaxPartitionFetchBytes: consumer },
        expected: 'max.message.bytes <= replica.fetch.max.bytes + 12 and < socket.request.max.bytes',
        config: 'max.message.bytes',
        source: readConfig(configs, 'max.message.bytes').source,
        details: {
          'max.message.bytes from': configOrigin(configs, 'max.message.bytes'),
          ...(replicaFetch ? { 'replica.fetch.max.bytes from': `broker ${replicaFetch.broker}: ${configOrigin(replicaFetch.configs, 'replica.fetch.max.bytes')}` } : {}),
        },
      };
      const worst = problems.find((p) => p.status === 'fail') ?? problems[0];
      const message = problems.map((p) => p.message).join('; ');
      results.push(!worst ? pass(topic(t.name), `records up to ${formatBytes(max)} travel the whole chain`, evidence) : worst.status === 'fail' ? fail(topic(t.name), message, evidence) : warn(topic(t.name), message, evidence));
    }
    return results;
  },
});
