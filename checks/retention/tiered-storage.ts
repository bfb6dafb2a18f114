import { boolConfig, defineCheck, fail, formatBytes, formatDuration, isInternalTopic, notApplicable, numberConfig, pass, readConfig, topic } from '../../src/sdk.js';

export default defineCheck({
  meta: {
    id: 'retention/tiered-storage',
    area: 'retention',
    title: 'Tiered storage settings are consistent',
    failureTitle: 'Tiered storage settings are inconsistent',
    description:
      'With tiered storage (`remote.storage.enable=true`) the broker keeps `local.retention.*` on disk and the rest remotely ' +
      'up to `retention.*`. A local retention longer than the total retention is meaningless, and compacted topics cannot be ' +
      'tiered at all (Kafka rejects or ignores them).',
    remediation: 'Keep `local.retention.ms`/`local.retention.bytes` at or below `retention.ms`/`retention.bytes`, and do not enable remote storage on compacted topics.',
    references: [{ title: 'KIP-405: Kafka Tiered Storage', url: 'https://cwiki.apache.org/confluence/display/KAFKA/KIP-405%3A+Kafka+Tiered+Storage' }],
    severity: 'medium',
    requires: ['topics', 'topicConfigs'],
    judges: [
      { config: 'remote.storage.enable', scope: 'topic', threshold: 'true with cleanup.policy=compact → fail', source: 'KIP-405 (compacted topics cannot tier)' },
      { config: 'local.retention.ms', scope: 'topic', threshold: '> retention.ms → fail', source: 'Kafka docs local.retention.ms (KIP-405)' },
      { config: 'local.retention.bytes', scope: 'topic', threshold: '> retention.bytes → fail', source: 'Kafka docs local.retention.bytes (KIP-405)' },
    ],
  },
  evaluate({ topics, topicConfigs }) {
    const results = [];
    for (const t of topics) {
      const configs = topicConfigs[t.name];
      if (isInternalTopic(t) || !configs || boolConfig(configs, 'remote.storage.enable') !== true) continue;
      const problems: string[] = [];
      const retMs = numberConfig(configs, 'retention.ms');
      const localMs = numberConfig(configs, 'local.retention.ms');
      const retBytes = numberConfig(configs, 'retention.bytes');
      const localBytes = numberConfig(configs, 'local.retention.bytes');
      // -2 means "same as retention.*"; -1 means unlimited.
      if (retMs !== null && retMs >= 0 && localMs !== null && (localMs === -1 || localMs > retMs)) problems.push(`local.retention.ms ${formatDuration(localMs)} > retention.ms ${formatDuration(retMs)}`);
      if (retBytes !== null && retBytes >= 0 && localBytes !== null && (localBytes === -1 || localBytes > retBytes)) problems.push(`local.retention.bytes ${formatBytes(localBytes)} > retention.bytes ${formatBytes(retBytes)}`);
      const policy = readConfig(configs, 'cleanup.policy').value ?? 'delete';
      if (policy.includes('compact')) problems.push(`cleanup.policy=${policy} cannot be tiered`);
      const evidence = {
        observed: { 'retention.ms': retMs, 'local.retention.ms': localMs, 'retention.bytes': retBytes, 'local.retention.bytes': localBytes, 'cleanup.policy': policy },
        expected: 'local.retention.* <= retention.*, delete policy',
        config: 'local.retention.ms',
        source: readConfig(configs, 'local.retention.ms').source,
      };
      results.push(problems.length ? fail(topic(t.name), problems.join('; '), evidence) : pass(topic(t.name), 'tiered storage settings are consistent', evidence));
    }
    return results.length ? results : notApplicable('no topic has remote.storage.enable=true');
  },
});
