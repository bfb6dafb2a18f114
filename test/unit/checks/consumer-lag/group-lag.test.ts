import check from '../../../../checks/consumer-lag/group-lag.js';
import { checkCases } from '../../../helpers/check-tester.js';
import { denied, group } from '../../../helpers/builders.js';
import { makeSnapshot } from '../../../helpers/snapshot.js';

const lagSnap = () =>
  makeSnapshot({
    groups: { ok: true, value: [group('fast'), group('slow')] },
    groupOffsets: { ok: true, value: { fast: { orders: { '0': '10' } }, slow: { orders: { '0': '0', '1': '5' } } } },
    offsets: { ok: true, value: { orders: { '0': { earliest: '0', latest: '10' }, '1': { earliest: '0', latest: '5000' } } } },
  });
const patternSnap = () =>
  makeSnapshot({
    groups: { ok: true, value: [group('batch-nightly'), group('online')] },
    groupOffsets: { ok: true, value: { 'batch-nightly': { orders: { '0': '0' } }, online: { orders: { '0': '0' } } } },
    offsets: { ok: true, value: { orders: { '0': { earliest: '0', latest: '5000' } } } },
  });

checkCases(check, [
  { name: 'reports lag per group against the log end offset', snapshot: lagSnap, expect: [{ kind: 'group', name: 'slow', status: 'warn', severity: 'medium', message: 'lag 4995 on orders-1 (total 5005); group is Empty', evidence: { observed: { totalLag: 5005, maxPartitionLag: 4995 } } }], counts: { pass: 1 } },
  { name: 'fails at failLag', snapshot: lagSnap, options: { failLag: 4000 }, expect: [{ kind: 'group', name: 'slow', status: 'fail' }] },
  { name: 'applies the first matching groupThresholds entry', snapshot: patternSnap, options: { groupThresholds: [{ groups: ['batch-*'], warnLag: 100000 }] }, expect: [{ kind: 'group', name: 'online', status: 'warn' }], counts: { pass: 1 } },
  { name: 'is not applicable when no group committed', snapshot: () => makeSnapshot(), expect: { status: 'not-applicable' } },
  { name: 'is unknown when group offsets were denied', snapshot: () => makeSnapshot({ groupOffsets: denied('OffsetFetch') }), expect: { status: 'unknown', missing: ['groupOffsets'] } },
]);
