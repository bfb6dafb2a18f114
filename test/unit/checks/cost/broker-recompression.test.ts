import check from '../../../../checks/cost/broker-recompression.js';
import { checkCases } from '../../../helpers/check-tester.js';
import { denied } from '../../../helpers/builders.js';
import { cfg, makeSnapshot, TOPIC_DEFAULTS, topicInfo } from '../../../helpers/snapshot.js';

const withCompression = (type: string, source: Parameters<typeof cfg>[1] = 'topic') => makeSnapshot({ topicConfigs: { ok: true, value: { orders: cfg({ ...TOPIC_DEFAULTS, 'compression.type': type }, source) } } });

checkCases(check, [
  {
    name: 'warns a topic whose broker recompresses',
    snapshot: () => withCompression('gzip'),
    expect: [{ kind: 'topic', name: 'orders', status: 'warn', severity: 'low', message: 'compression.type=gzip makes the broker recompress batches', evidence: { observed: 'gzip', source: 'topic', details: { from: 'topic override' } } }],
  },
  { name: 'names a broker-wide setting as the source', snapshot: () => withCompression('lz4', 'static-broker'), expect: [{ kind: 'topic', name: 'orders', status: 'warn', evidence: { source: 'static-broker' } }] },
  { name: 'passes compression.type=producer', snapshot: makeSnapshot(), expect: [], counts: { resources: 1, pass: 1 } },
  {
    name: 'skips internal topics and topics without the config: nothing to evaluate',
    snapshot: () =>
      makeSnapshot({
        topics: { ok: true, value: [topicInfo('__consumer_offsets', [{ replicas: [1, 2, 3] }]), topicInfo('orders', [{ replicas: [1, 2, 3] }])] },
        topicConfigs: { ok: true, value: { __consumer_offsets: cfg({ 'compression.type': 'gzip' }), orders: cfg({ 'retention.ms': '1' }) } },
      }),
    expect: { status: 'not-applicable', reason: 'nothing to evaluate' },
  },
  { name: 'unknown when topic configs are denied', snapshot: () => makeSnapshot({ topicConfigs: denied('DescribeConfigs') }), expect: { status: 'unknown', missing: ['topicConfigs'] } },
]);
