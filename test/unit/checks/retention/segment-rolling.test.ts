import check from '../../../../checks/retention/segment-rolling.js';
import { checkCases } from '../../../helpers/check-tester.js';
import { denied } from '../../../helpers/builders.js';
import { oneTopic } from '../../../helpers/builders-observe.js';
import { cfg, makeSnapshot, topicInfo } from '../../../helpers/snapshot.js';

const ROLL_DEFAULTS = { 'segment.ms': '604800000', 'segment.index.bytes': '10485760', 'index.interval.bytes': '4096' };
const one = (values: Record<string, string>) => oneTopic('t', { ...ROLL_DEFAULTS, ...values });

checkCases(check, [
  { name: 'passes Kafka defaults (7 d segments, 7 d retention, 10 MiB index for 1 GiB segments)', snapshot: () => one({}), expect: [], counts: { resources: 1, pass: 1 } },
  {
    name: 'warns when segment.ms outlives retention.ms, naming the config and its source',
    snapshot: () => one({ 'retention.ms': '3600000' }),
    expect: [{ kind: 'topic', name: 't', status: 'warn', severity: 'low', message: /^segment\.ms 7 d > retention\.ms 60 min/, evidence: { config: 'segment.ms', source: 'topic', observed: { 'segment.ms': 604800000, 'retention.ms': 3600000 } } }],
  },
  { name: 'does not compare with retention on compact-only topics', snapshot: () => one({ 'retention.ms': '3600000', 'cleanup.policy': 'compact' }), expect: [], counts: { pass: 1 } },
  { name: 'does not compare with infinite retention', snapshot: () => one({ 'retention.ms': '-1' }), expect: [], counts: { pass: 1 } },
  {
    name: 'warns an index too small for its segment',
    snapshot: () => one({ 'segment.index.bytes': '4096' }),
    expect: [{ kind: 'topic', name: 't', status: 'warn', message: /fills before a 1\.0 GiB segment/, evidence: { config: 'segment.index.bytes' } }],
  },
  { name: 'warns very short segments', snapshot: () => one({ 'segment.ms': '60000', 'retention.ms': '86400000' }), expect: [{ kind: 'topic', name: 't', status: 'warn', message: 'segment.ms 60 s rolls a new segment file per partition that often' }] },
  { name: 'passes short segments above a lowered minSegmentMs', snapshot: () => one({ 'segment.ms': '60000' }), options: { minSegmentMs: 1000 }, expect: [], counts: { pass: 1 } },
  {
    name: 'skips internal topics',
    snapshot: () => makeSnapshot({ topics: { ok: true, value: [topicInfo('__consumer_offsets', [{ replicas: [1, 2, 3] }])] }, topicConfigs: { ok: true, value: { __consumer_offsets: cfg({ ...ROLL_DEFAULTS, 'retention.ms': '1000' }) } } }),
    expect: { status: 'not-applicable' },
  },
  { name: 'is unknown when topic configs were denied', snapshot: () => makeSnapshot({ topicConfigs: denied('DescribeConfigs') }), expect: { status: 'unknown', missing: ['topicConfigs'] } },
]);
