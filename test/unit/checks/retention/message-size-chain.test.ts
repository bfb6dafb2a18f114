import check from '../../../../checks/retention/message-size-chain.js';
import { checkCases } from '../../../helpers/check-tester.js';
import { denied } from '../../../helpers/builders.js';
import { cfg, makeSnapshot, TOPIC_DEFAULTS, topicInfo } from '../../../helpers/snapshot.js';

const BROKER = { 'message.max.bytes': '1048588', 'replica.fetch.max.bytes': '1048576', 'socket.request.max.bytes': '104857600' };
const snap = (topicMax: string, broker: Record<string, string> = {}) =>
  makeSnapshot({
    topics: { ok: true, value: [topicInfo('t', [{ replicas: [1, 2, 3] }])] },
    topicConfigs: { ok: true, value: { t: cfg({ ...TOPIC_DEFAULTS, 'max.message.bytes': topicMax }, 'topic') } },
    brokerConfigs: { ok: true, value: Object.fromEntries(['1', '2', '3'].map((id) => [id, cfg({ ...BROKER, ...(id === '2' ? broker : {}) }, 'static-broker')])) },
  });

checkCases(check, [
  { name: "passes Kafka's own defaults (message.max.bytes is 12 bytes of log overhead above replica.fetch.max.bytes)", snapshot: () => snap('1048588'), expect: [], counts: { resources: 4, pass: 4 } },
  {
    name: "warns a topic limit above the followers' fetch size, naming the weakest broker and the config source",
    snapshot: () => snap('20971520', { 'replica.fetch.max.bytes': '524288' }),
    expect: [
      { kind: 'topic', name: 't', status: 'warn', severity: 'medium', message: /\(broker 2\): followers replicate such batches one per fetch$/, evidence: { config: 'max.message.bytes', source: 'topic', observed: { 'max.message.bytes': 20971520, 'replica.fetch.max.bytes': 524288 } } },
      { kind: 'broker', name: '2', status: 'warn', evidence: { config: 'message.max.bytes', source: 'static-broker' } },
    ],
  },
  {
    name: 'fails a topic limit no request can carry (above socket.request.max.bytes)',
    snapshot: () => snap('209715200'),
    expect: [{ kind: 'topic', name: 't', status: 'fail', message: /no producer can send a record that large/ }],
  },
  {
    name: 'compares with declared consumer fetch limits only when given',
    snapshot: () => snap('1048588'),
    options: { consumerMaxPartitionFetchBytes: 524288 },
    expect: [{ kind: 'topic', name: 't', status: 'warn', message: /declared in readiness.yaml$/ }],
  },
  {
    name: 'is unknown without broker configs, not pass',
    snapshot: () => {
      const s = snap('20971520');
      s.artifacts.brokerConfigs = { ok: false, error: { reason: 'denied', message: 'CLUSTER_AUTHORIZATION_FAILED' } };
      return s;
    },
    expect: { status: 'unknown', missing: ['brokerConfigs'] },
  },
  { name: 'is unknown when topic configs were denied', snapshot: () => makeSnapshot({ topicConfigs: denied('DescribeConfigs') }), expect: { status: 'unknown', missing: ['topicConfigs'] } },
]);
