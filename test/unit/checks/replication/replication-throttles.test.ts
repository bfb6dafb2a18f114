import check from '../../../../checks/replication/replication-throttles.js';
import { checkCases } from '../../../helpers/check-tester.js';
import { denied } from '../../../helpers/builders.js';
import { cfg, makeSnapshot, TOPIC_DEFAULTS, topicInfo } from '../../../helpers/snapshot.js';

const snap = (topicValues: Record<string, string>, brokerValues: Record<string, string> = {}) =>
  makeSnapshot({
    topics: { ok: true, value: [topicInfo('t', [{ replicas: [1, 2, 3] }])] },
    topicConfigs: { ok: true, value: { t: cfg({ ...TOPIC_DEFAULTS, 'leader.replication.throttled.replicas': '', 'follower.replication.throttled.replicas': '', ...topicValues }, 'topic') } },
    brokerConfigs: { ok: true, value: { '1': cfg(brokerValues, 'dynamic-broker') } },
  });

checkCases(check, [
  { name: 'passes topics without throttled replicas', snapshot: () => snap({}), expect: [], counts: { resources: 1 } },
  {
    name: 'warns throttled replicas left on a topic, with the config and its source',
    snapshot: () => snap({ 'leader.replication.throttled.replicas': '0:1,1:2' }),
    expect: [{ kind: 'topic', name: 't', status: 'warn', severity: 'medium', message: 'replicas are still throttled: leader.replication.throttled.replicas=0:1,1:2', evidence: { config: 'leader.replication.throttled.replicas', source: 'topic', observed: 'leader.replication.throttled.replicas=0:1,1:2' } }],
  },
  {
    name: 'warns a broker throttle rate when the broker reports one',
    snapshot: () => snap({}, { 'follower.replication.throttled.rate': '1048576' }),
    expect: [{ kind: 'broker', name: '1', status: 'warn', message: 'replication is throttled: follower.replication.throttled.rate=1048576', evidence: { config: 'follower.replication.throttled.rate', source: 'dynamic-broker' } }],
  },
  { name: 'an unlimited broker rate (Long.MAX_VALUE) is no throttle', snapshot: () => snap({}, { 'leader.replication.throttled.rate': '9223372036854775807' }), expect: [] },
  { name: 'unknown when broker configs are denied', snapshot: () => makeSnapshot({ brokerConfigs: denied('DescribeConfigs') }), expect: { status: 'unknown', missing: ['brokerConfigs'] } },
]);
