import check from '../../../../checks/retention/compaction-tombstones.js';
import { checkCases } from '../../../helpers/check-tester.js';
import { denied } from '../../../helpers/builders.js';
import { cfg, makeSnapshot, TOPIC_DEFAULTS, topicInfo } from '../../../helpers/snapshot.js';

const COMPACT = { 'cleanup.policy': 'compact', 'delete.retention.ms': '86400000', 'min.cleanable.dirty.ratio': '0.5' };
const snap = (values: Record<string, string>, cleaner = 'true') =>
  makeSnapshot({
    topics: { ok: true, value: [topicInfo('c', [{ replicas: [1, 2, 3] }]), topicInfo('d', [{ replicas: [1, 2, 3] }])] },
    topicConfigs: { ok: true, value: { c: cfg({ ...TOPIC_DEFAULTS, ...COMPACT, ...values }, 'topic'), d: cfg(TOPIC_DEFAULTS) } },
    brokerConfigs: { ok: true, value: { '1': cfg({ 'log.cleaner.enable': cleaner }, 'static-broker') } },
  });

checkCases(check, [
  { name: 'passes Kafka defaults on a compacted topic and ignores delete-policy topics', snapshot: () => snap({}), expect: [], counts: { resources: 2, pass: 2 } },
  {
    name: 'warns a short delete.retention.ms with its source',
    snapshot: () => snap({ 'delete.retention.ms': '60000' }),
    expect: [{ kind: 'topic', name: 'c', status: 'warn', severity: 'medium', message: /^tombstones are dropped 60 s after compaction/, evidence: { config: 'delete.retention.ms', source: 'topic' } }],
  },
  { name: 'warns a dirty ratio near 1', snapshot: () => snap({ 'min.cleanable.dirty.ratio': '0.95' }), expect: [{ kind: 'topic', name: 'c', status: 'warn', message: 'min.cleanable.dirty.ratio 0.95: the log grows to ~20× its compacted size before cleaning' }] },
  { name: 'warns a dirty ratio near 0', snapshot: () => snap({ 'min.cleanable.dirty.ratio': '0.01' }), expect: [{ kind: 'topic', name: 'c', status: 'warn', message: 'min.cleanable.dirty.ratio 0.01: the cleaner rewrites the log almost continuously' }] },
  {
    name: 'fails a disabled log cleaner',
    snapshot: () => snap({}, 'false'),
    expect: [{ kind: 'broker', name: '1', status: 'fail', message: 'the log cleaner is disabled: 1 compacted topic(s) and __consumer_offsets are never compacted', evidence: { config: 'log.cleaner.enable', source: 'static-broker' } }],
  },
  {
    name: 'is not applicable without compacted topics and without log.cleaner.enable',
    snapshot: () => {
      const s = makeSnapshot();
      s.artifacts.brokerConfigs = { ok: true, value: { '1': cfg({}) } };
      return s;
    },
    expect: { status: 'not-applicable' },
  },
  { name: 'is unknown when broker configs were denied', snapshot: () => makeSnapshot({ brokerConfigs: denied('DescribeConfigs') }), expect: { status: 'unknown', missing: ['brokerConfigs'] } },
]);
