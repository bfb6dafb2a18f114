import { cluster, defineCheck, notApplicable, pass, readConfig, warn } from '../../src/sdk.js';

export default defineCheck({
  meta: {
    id: 'cost/follower-fetching',
    area: 'cost',
    title: 'Consumers can read from a replica in their own zone',
    failureTitle: 'Consumers cannot read from a replica in their own zone',
    description:
      'Without follower fetching (KIP-392, `replica.selector.class=org.apache.kafka.common.replica.RackAwareReplicaSelector`), ' +
      'every consumer reads from the partition leader: on a cluster spread over N zones about (N−1)/N of consumer traffic ' +
      'crosses zones, which cloud providers bill per GB. The report\'s cost section estimates the amount.',
    remediation: 'Set `replica.selector.class=org.apache.kafka.common.replica.RackAwareReplicaSelector` on the brokers and `client.rack=<zone>` in the consumers.',
    references: [{ title: 'KIP-392: Allow consumers to fetch from closest replica', url: 'https://cwiki.apache.org/confluence/display/KAFKA/KIP-392%3A+Allow+consumers+to+fetch+from+closest+replica' }],
    severity: 'low',
    requires: ['brokerConfigs', 'cluster'],
    judges: [
      { config: 'replica.selector.class', scope: 'broker', threshold: 'not RackAwareReplicaSelector on a multi-rack cluster → warn', source: 'KIP-392 (fetch from closest replica)' },
    ],
  },
  evaluate({ brokerConfigs, cluster: c }) {
    const racks = new Set(c.brokers.map((b) => b.rack).filter(Boolean));
    if (racks.size < 2) return notApplicable('the brokers are in one zone (or declare no racks)');
    const selectors = Object.values(brokerConfigs).map((cfg) => readConfig(cfg, 'replica.selector.class'));
    const on = selectors.length > 0 && selectors.every((s) => /RackAwareReplicaSelector/.test(s.value ?? ''));
    const evidence = { observed: selectors[0]?.value || '(not set)', expected: 'org.apache.kafka.common.replica.RackAwareReplicaSelector', config: 'replica.selector.class', source: selectors[0]?.source ?? 'unknown', details: { zones: racks.size } };
    return on
      ? [pass(cluster(), 'consumers can fetch from the replica in their zone', evidence)]
      : [warn(cluster(), `no follower fetching on a ${racks.size}-zone cluster: about ${Math.round(((racks.size - 1) / racks.size) * 100)} % of consumer reads cross zones`, evidence)];
  },
});
