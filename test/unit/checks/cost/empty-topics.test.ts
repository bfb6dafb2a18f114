import check from '../../../../checks/cost/empty-topics.js';
import type { PartitionOffsets } from '../../../../src/gather/snapshot.js';
import { checkCases } from '../../../helpers/check-tester.js';
import { denied } from '../../../helpers/builders.js';
import { makeSnapshot, topicInfo } from '../../../helpers/snapshot.js';

const snap = (offsets: Record<string, Record<string, PartitionOffsets>>) =>
  makeSnapshot({
    topics: { ok: true, value: Object.keys(offsets).map((name) => topicInfo(name, [{ replicas: [1, 2, 3] }])) },
    offsets: { ok: true, value: offsets },
  });
const mixed = () => snap({ orders: { '0': { earliest: '0', latest: '5' } }, unused: { '0': { earliest: '0', latest: '0' } }, expired: { '0': { earliest: '7', latest: '7' } } });

checkCases(check, [
  {
    // The message is the point: it tells a never-used topic from one whose data retention deleted.
    name: 'warns topics that hold no records, telling never-written from expired',
    snapshot: mixed,
    expect: [
      { kind: 'topic', name: 'unused', status: 'warn', severity: 'low', message: 'no record was ever written', evidence: { observed: { retainedRecords: '0', offsetsEverWritten: '0' } } },
      { kind: 'topic', name: 'expired', status: 'warn', message: 'all records have been deleted by retention', evidence: { observed: { retainedRecords: '0', offsetsEverWritten: '7' } } },
    ],
    counts: { resources: 3, pass: 1 },
  },
  { name: 'allowTopics (patterns) exempts legitimately empty topics', snapshot: mixed, options: { allowTopics: ['unu*', '/^exp/'] }, expect: [], counts: { resources: 1, pass: 1 } },
  {
    name: 'skips a topic with an unreadable partition offset and internal topics: nothing to evaluate',
    snapshot: () => snap({ half: { '0': { earliest: '0', latest: '0' }, '1': { earliest: null, latest: null } }, __consumer_offsets: { '0': { earliest: '0', latest: '0' } } }),
    expect: { status: 'not-applicable', reason: 'nothing to evaluate' },
  },
  { name: 'unknown when offsets are denied', snapshot: () => makeSnapshot({ offsets: denied('ListOffsets') }), expect: { status: 'unknown', missing: ['offsets'] } },
]);
