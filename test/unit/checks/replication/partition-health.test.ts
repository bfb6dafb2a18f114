import check from '../../../../checks/replication/partition-health.js';
import { checkCases } from '../../../helpers/check-tester.js';
import { denied } from '../../../helpers/builders.js';
import { cfg, makeSnapshot, topicInfo } from '../../../helpers/snapshot.js';
import { withTopics } from './helpers.js';

checkCases(check, [
  {
    name: 'distinguishes offline, under-min-ISR and under-replicated partitions',
    snapshot: () =>
      withTopics([topicInfo('t', [{ replicas: [1, 2, 3] }, { replicas: [1, 2, 3], isr: [1, 2] }, { replicas: [1, 2, 3], isr: [1] }, { replicas: [1, 2, 3], isr: [], leader: -1 }])], { t: cfg({ 'min.insync.replicas': '2' }) }),
    expect: [
      { kind: 'partition', name: 't-1', status: 'warn', severity: 'critical', message: 'under-replicated: broker(s) 3 not in sync; ISR is at min.insync.replicas 2, one more failure blocks acks=all writes' },
      { kind: 'partition', name: 't-2', status: 'fail', severity: 'critical', message: 'ISR 1 < min.insync.replicas 2: acks=all writes are rejected' },
      { kind: 'partition', name: 't-3', status: 'fail', severity: 'critical', message: 'offline: no leader, the partition accepts no reads or writes' },
    ],
    counts: { resources: 4, pass: 1, warn: 1, fail: 2, waived: 0 },
  },
  { name: 'under-replicated above min ISR warns without the at-min note', snapshot: () => withTopics([topicInfo('t', [{ replicas: [1, 2, 3], isr: [1, 2] }])], { t: cfg({ 'min.insync.replicas': '1' }) }), expect: [{ kind: 'partition', name: 't-0', status: 'warn', message: 'under-replicated: broker(s) 3 not in sync' }] },
  { name: 'passes fully in-sync partitions', snapshot: makeSnapshot(), expect: [], counts: { resources: 3, pass: 3 } },
  { name: 'no topics: nothing to evaluate', snapshot: () => withTopics([]), expect: { status: 'not-applicable', reason: 'nothing to evaluate' } },
  { name: 'unknown when topics are denied', snapshot: () => makeSnapshot({ topics: denied('Metadata') }), expect: { status: 'unknown', missing: ['topics'] } },
]);
