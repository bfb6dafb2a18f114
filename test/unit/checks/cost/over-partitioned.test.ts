import check from '../../../../checks/cost/over-partitioned.js';
import { checkCases } from '../../../helpers/check-tester.js';
import { denied } from '../../../helpers/builders.js';
import { makeSnapshot } from '../../../helpers/snapshot.js';
import { lastSampleLacksT0, observed, partitioned } from './helpers.js';

checkCases(check, [
  {
    // 200 records in 20 s over 12 partitions: 0.83 records/s per partition.
    name: 'warns a topic with many partitions and little traffic',
    snapshot: () => observed([0, 100, 200], 12),
    expect: [{ kind: 'topic', name: 't', status: 'warn', severity: 'low', message: '12 partitions for 10.00 records/s', evidence: { observed: '12 partitions, 10.00 records/s', expected: '>= 1 records/s per partition' } }],
  },
  { name: 'passes a topic whose traffic uses its partitions', snapshot: () => observed([0, 1000, 2000], 12), expect: [], counts: { resources: 1, pass: 1 } },
  { name: 'takes the thresholds from options', snapshot: () => observed([0, 100, 200], 12), options: { minRecordsPerSecPerPartition: 0.5 }, expect: [] },
  { name: 'allowTopics keeps a topic whose count is needed', snapshot: () => observed([0, 100, 200], 12, [partitioned('wide', 24)]), options: { allowTopics: ['t'] }, expect: [{ kind: 'topic', name: 'wide', status: 'warn', message: '24 partitions for 0.00 records/s' }] },
  { name: 'not applicable when no topic has minPartitions partitions', snapshot: () => observed([0, 100, 200], 11), expect: { status: 'not-applicable', reason: 'no topic has 12 or more partitions' } },
  { name: 'needs --observe', snapshot: makeSnapshot(), expect: { status: 'not-applicable', reason: 'needs an observation window: run with --observe <duration>' } },
  // A sample without one of the topic's partitions gives no rate: unknown traffic, not 0 records/s.
  { name: 'unknown when a sample lacks a partition of the topic', snapshot: () => lastSampleLacksT0(observed([0, 100, 200], 12)), expect: { status: 'unknown', reason: 'no ingress rate for t: a sample lacks some of its partitions' } },
  { name: 'judges the measurable topics when another lacks a partition', snapshot: () => lastSampleLacksT0(observed([0, 100, 200], 12, [partitioned('wide', 24)])), expect: [{ kind: 'topic', name: 'wide', status: 'warn' }] },
  { name: 'unknown when the samples were not gathered', snapshot: () => makeSnapshot({ samples: denied('ListOffsets') }), expect: { status: 'unknown', missing: ['samples'] } },
]);
