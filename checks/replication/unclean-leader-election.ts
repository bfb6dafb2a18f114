import { boolConfig, describeSource, defineCheck, fail, pass, readConfig, topic } from '../../src/sdk.js';

export default defineCheck({
  meta: {
    id: 'replication/unclean-leader-election',
    area: 'replication',
    title: 'Unclean leader election is disabled',
    failureTitle: 'Unclean leader election is enabled',
    description:
      'With `unclean.leader.election.enable=true` an out-of-sync replica may become leader after a failure, silently ' +
      'discarding acknowledged records. For case and benefit events, losing acknowledged records is worse than a short outage.',
    remediation:
      'Remove the override or set `unclean.leader.election.enable=false` on the topic (and on the brokers if the value comes from a broker config).',
    references: [{ title: 'Kafka docs: unclean.leader.election.enable', url: 'https://kafka.apache.org/documentation/#topicconfigs_unclean.leader.election.enable' }],
    severity: 'critical',
    requires: ['topicConfigs'],
    judges: [
      { config: 'unclean.leader.election.enable', scope: 'topic', threshold: 'true → fail', source: 'Kafka docs unclean.leader.election.enable (data loss on election)' },
      { config: 'unclean.leader.election.enable', scope: 'broker', threshold: 'judged as the source of the topic value', source: 'DescribeConfigs synonyms' },
    ],
  },
  evaluate({ topicConfigs }) {
    return Object.entries(topicConfigs).flatMap(([name, configs]) => {
      const enabled = boolConfig(configs, 'unclean.leader.election.enable');
      if (enabled === null) return [];
      const { source, value } = readConfig(configs, 'unclean.leader.election.enable');
      const evidence = { observed: value, expected: 'false', config: 'unclean.leader.election.enable', source, details: { from: describeSource(source) } };
      return enabled
        ? [fail(topic(name), `unclean leader election is enabled (${describeSource(source)}): acknowledged records can be lost`, evidence)]
        : [pass(topic(name), 'unclean leader election is disabled', evidence)];
    });
  },
});
