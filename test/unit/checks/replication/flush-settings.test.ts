import check from '../../../../checks/replication/flush-settings.js';
import type { ConfigMap } from '../../../../src/gather/snapshot.js';
import { checkCases } from '../../../helpers/check-tester.js';
import { denied } from '../../../helpers/builders.js';
import { cfg, makeSnapshot, TOPIC_DEFAULTS, topicInfo } from '../../../helpers/snapshot.js';

const NEVER = '9223372036854775807';
const snap = (topic: ConfigMap, broker: Record<string, string | null> = {}) =>
  makeSnapshot({
    topics: { ok: true, value: [topicInfo('t', [{ replicas: [1, 2, 3] }])] },
    topicConfigs: { ok: true, value: { t: topic } },
    brokerConfigs: { ok: true, value: { '1': cfg({ 'log.flush.interval.messages': NEVER, 'log.flush.interval.ms': null, ...broker }, 'static-broker') } },
  });
const topicOverride = () => {
  const t = cfg({ ...TOPIC_DEFAULTS, 'flush.messages': '1', 'flush.ms': NEVER }, 'topic');
  t['flush.messages']!.synonyms = [{ name: 'flush.messages', value: '1', source: 'topic' }];
  return t;
};
const inherited = () => {
  const t = cfg({ ...TOPIC_DEFAULTS, 'flush.messages': NEVER, 'flush.ms': '1000' }, 'static-broker');
  t['flush.ms']!.synonyms = [{ name: 'log.flush.interval.ms', value: '1000', source: 'static-broker' }];
  return t;
};

checkCases(check, [
  // The broker and the topic.
  { name: 'passes the Kafka defaults (never force a flush)', snapshot: () => snap(cfg({ ...TOPIC_DEFAULTS, 'flush.messages': NEVER, 'flush.ms': NEVER })), expect: [], counts: { resources: 2, pass: 2 } },
  {
    name: 'warns a topic override and names where it came from',
    snapshot: () => snap(topicOverride()),
    expect: [{ kind: 'topic', name: 't', status: 'warn', severity: 'low', message: 'forces fsync: flush.messages=1 (topic override (flush.messages))', evidence: { config: 'flush.messages', source: 'topic', observed: 'flush.messages=1', details: { from: 'topic override (flush.messages)' } } }],
  },
  {
    // The topic's message names the broker key it inherits, which is what an operator has to change.
    name: 'warns a broker-wide flush interval, and the topics inheriting it',
    snapshot: () => snap(inherited(), { 'log.flush.interval.ms': '1000' }),
    expect: [
      { kind: 'broker', name: '1', status: 'warn', message: 'forces fsync on every partition: log.flush.interval.ms=1000', evidence: { config: 'log.flush.interval.ms', observed: 'log.flush.interval.ms=1000' } },
      { kind: 'topic', name: 't', status: 'warn', message: 'forces fsync: flush.ms=1000 (static broker config (server.properties) (log.flush.interval.ms))' },
    ],
  },
  { name: 'nothing to evaluate when neither brokers nor topics report flush settings', snapshot: () => makeSnapshot(), expect: { status: 'not-applicable', reason: 'nothing to evaluate' } },
  { name: 'unknown when topic configs are denied', snapshot: () => makeSnapshot({ topicConfigs: denied('DescribeConfigs') }), expect: { status: 'unknown', missing: ['topicConfigs'] } },
]);
