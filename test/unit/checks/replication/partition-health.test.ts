import { expect } from 'vitest';
import check from '../../../../checks/replication/partition-health.js';
import { checkCases } from '../../../helpers/check-tester.js';
import { denied } from '../../../helpers/builders.js';
import { cfg, makeSnapshot, topicInfo } from '../../../helpers/snapshot.js';
import { withTopics } from './helpers.js';

checkCases(check, [
  {
    // One finding per topic (a report grows with topics, not partitions); the evidence names each affected partition.
    name: 'one finding per topic distinguishing offline, under-min-ISR and under-replicated partitions',
    snapshot: () =>
      withTopics([topicInfo('t', [{ replicas: [1, 2, 3] }, { replicas: [1, 2, 3], isr: [1, 2] }, { replicas: [1, 2, 3], isr: [1] }, { replicas: [1, 2, 3], isr: [], leader: -1 }])], { t: cfg({ 'min.insync.replicas': '2' }) }),
    expect: [
      {
        kind: 'topic',
        name: 't',
        status: 'fail',
        severity: 'critical',
        message:
          '3 of 4 partition(s) unhealthy: 1 offline (no leader: no reads or writes), 1 with ISR below min.insync.replicas 2 (acks=all writes are rejected), 1 under-replicated (e.g. partition 1: broker(s) 3 not in sync; ISR at min.insync.replicas 2, one more failure blocks acks=all writes)',
      },
    ],
    counts: { resources: 1, fail: 1 },
    verify: (r) => {
      const f = r.findings[0]!;
      expect(f.evidence?.observed).toEqual({ offline: 1, underMinIsr: 1, underReplicated: 1 });
      expect((f.evidence?.details as { partitions: { partitions: number[]; state: string }[] }).partitions.map((p) => [p.partitions, p.state])).toEqual([
        [[1], 'under-replicated'],
        [[2], 'under-min-isr'],
        [[3], 'offline'],
      ]);
    },
  },
  {
    name: 'a topic only under-replicated above min ISR warns without the at-min note',
    snapshot: () => withTopics([topicInfo('t', [{ replicas: [1, 2, 3], isr: [1, 2] }])], { t: cfg({ 'min.insync.replicas': '1' }) }),
    expect: [{ kind: 'topic', name: 't', status: 'warn', message: '1 of 1 partition(s) unhealthy: 1 under-replicated (e.g. partition 0: broker(s) 3 not in sync)' }],
  },
  {
    // Alike partitions (same state, leader, ISR and replicas) share one evidence entry: a report grows with what differs.
    name: 'partitions in the same state with the same leader, ISR and replicas share one evidence entry',
    snapshot: () =>
      withTopics(
        [topicInfo('t', [{ replicas: [3], isr: [3], leader: 3 }, { replicas: [1, 2], isr: [1], leader: 1 }, { replicas: [3], isr: [3], leader: 3 }, { replicas: [1, 2], isr: [1], leader: 1 }, { replicas: [3], isr: [3], leader: 3 }])],
        { t: cfg({ 'min.insync.replicas': '2' }) },
      ),
    expect: [{ kind: 'topic', name: 't', status: 'fail', message: '5 of 5 partition(s) unhealthy: 5 with ISR below min.insync.replicas 2 (acks=all writes are rejected)' }],
    verify: (r) => {
      expect(r.findings[0]!.evidence?.details).toEqual({
        partitions: [
          { partitions: [0, 2, 4], state: 'under-min-isr', leader: 3, isr: [3], replicas: [3], missingFromIsr: [] },
          { partitions: [1, 3], state: 'under-min-isr', leader: 1, isr: [1], replicas: [1, 2], missingFromIsr: [2] },
        ],
      });
    },
  },
  { name: 'passes a topic whose partitions are all in sync', snapshot: makeSnapshot(), expect: [], counts: { resources: 1, pass: 1 } },
  { name: 'no topics: nothing to evaluate', snapshot: () => withTopics([]), expect: { status: 'not-applicable', reason: 'nothing to evaluate' } },
  { name: 'unknown when topics are denied', snapshot: () => makeSnapshot({ topics: denied('Metadata') }), expect: { status: 'unknown', missing: ['topics'] } },
]);
