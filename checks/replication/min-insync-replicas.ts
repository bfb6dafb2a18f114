import { defineCheck, describeSource, fail, isInternalTopic, numberConfig, pass, readConfig, replicationFactor, topic, warn } from '../../src/sdk.js';

export default defineCheck({
  meta: {
    id: 'replication/min-insync-replicas',
    area: 'replication',
    title: 'min.insync.replicas protects acks=all writes',
    failureTitle: 'min.insync.replicas does not protect acks=all writes',
    description:
      'Producers using acks=all are only protected if at least min.insync.replicas replicas acknowledge each write. ' +
      'If min.insync.replicas is equal to or greater than the replication factor, losing one broker blocks every acks=all write; ' +
      'if it is 1 on a topic with three replicas, an acknowledged write can live on a single broker.',
    remediation:
      'Set `min.insync.replicas` to replication factor − 1 (2 for RF 3): `kafka-configs.sh --alter --entity-type topics --entity-name <topic> --add-config min.insync.replicas=2`.',
    references: [{ title: 'Kafka docs: min.insync.replicas', url: 'https://kafka.apache.org/documentation/#topicconfigs_min.insync.replicas' }],
    severity: 'high',
    requires: ['topics', 'topicConfigs'],
    judges: [
      { config: 'min.insync.replicas', scope: 'topic', threshold: '>= RF → fail; 1 with RF >= 3 → warn', source: 'Kafka docs min.insync.replicas (acks=all); check catalog' },
      { config: 'min.insync.replicas', scope: 'broker', threshold: 'judged as the source of the topic value', source: 'DescribeConfigs synonyms' },
    ],
  },
  evaluate({ topics, topicConfigs }) {
    const results = [];
    for (const t of topics) {
      if (isInternalTopic(t) || t.partitions.length === 0) continue;
      const configs = topicConfigs[t.name];
      if (!configs) continue;
      const rf = replicationFactor(t);
      const minIsr = numberConfig(configs, 'min.insync.replicas');
      const { source } = readConfig(configs, 'min.insync.replicas');
      if (minIsr === null) continue;
      const evidence = {
        observed: minIsr,
        expected: rf >= 3 ? (rf === 3 ? '2 (replication factor 3)' : `2..${rf - 1} (replication factor ${rf})`) : 'replication factor >= 3 with min.insync.replicas 2',
        config: 'min.insync.replicas',
        source,
        details: { replicationFactor: rf, from: describeSource(source) },
      };
      if (minIsr > rf) {
        results.push(fail(topic(t.name), `min.insync.replicas ${minIsr} > replication factor ${rf}: every acks=all write fails`, evidence));
      } else if (minIsr === rf) {
        results.push(fail(topic(t.name), `min.insync.replicas ${minIsr} = replication factor ${rf}: one broker down blocks acks=all writes`, evidence));
      } else if (minIsr <= 1 && rf >= 3) {
        results.push(warn(topic(t.name), `min.insync.replicas ${minIsr} lets an acks=all write be acknowledged by a single replica`, evidence));
      } else {
        results.push(pass(topic(t.name), `min.insync.replicas ${minIsr} with replication factor ${rf}`, evidence));
      }
    }
    return results;
  },
});
