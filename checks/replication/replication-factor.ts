import { defineCheck, fail, isInternalTopic, pass, replicationFactor, topic, warn } from '../../src/sdk.js';

export default defineCheck({
  meta: {
    id: 'replication/replication-factor',
    area: 'replication',
    title: 'Topics are replicated to survive a broker loss',
    failureTitle: 'Topics do not survive a broker loss (replication factor too low)',
    description:
      'With replication factor 1 a single broker failure makes the partition unavailable and a disk loss destroys its data. ' +
      'Replication factor 2 survives one failure but cannot keep acks=all writes going during maintenance with min.insync.replicas=2.',
    remediation:
      'Increase the replication factor with a partition reassignment (`kafka-reassign-partitions.sh --generate/--execute`) to 3 replicas on different brokers/racks.',
    references: [{ title: 'Kafka docs: Replication', url: 'https://kafka.apache.org/documentation/#replication' }],
    severity: 'high',
    requires: ['topics'],
    defaultOptions: { minReplicationFactor: 3 },
    optionsSchema: { type: 'object', additionalProperties: false, properties: { minReplicationFactor: { type: 'integer', minimum: 0 } } },
  },
  evaluate({ topics }, { options }) {
    const min = options.minReplicationFactor;
    return topics
      .filter((t) => !isInternalTopic(t) && t.partitions.length > 0)
      .map((t) => {
        const rf = replicationFactor(t);
        const evidence = { observed: rf, expected: `>= ${min}`, details: { partitions: t.partitions.length } };
        if (rf < min && rf <= 1) return fail(topic(t.name), `replication factor ${rf}: one broker failure takes the data offline`, evidence);
        if (rf < min) return warn(topic(t.name), `replication factor ${rf} is below ${min}`, evidence);
        return pass(topic(t.name), `replication factor ${rf}`, evidence);
      });
  },
});
