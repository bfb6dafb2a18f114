import check from '../../../../checks/consumer-lag/committed-below-log-start.js';
import { checkCases } from '../../../helpers/check-tester.js';
import { denied, group } from '../../../helpers/builders.js';
import { makeSnapshot } from '../../../helpers/snapshot.js';

const late = (earliest: string) =>
  makeSnapshot({
    groups: { ok: true, value: [group('late')] },
    groupOffsets: { ok: true, value: { late: { orders: { '0': '3' } } } },
    offsets: { ok: true, value: { orders: { '0': { earliest, latest: '20' } } } },
  });

checkCases(check, [
  { name: 'fails a group whose committed offset was deleted under it', snapshot: () => late('10'), expect: [{ kind: 'group', name: 'late', status: 'fail', severity: 'critical', message: '7 record(s) on 1 partition(s) were deleted before the group consumed them' }] },
  { name: 'passes a committed offset at or above the log start', snapshot: () => late('0'), expect: [], counts: { pass: 1 } },
  { name: 'is not applicable when no group committed', snapshot: () => makeSnapshot(), expect: { status: 'not-applicable' } },
  { name: 'is unknown when groups were denied', snapshot: () => makeSnapshot({ groups: denied('ListGroups') }), expect: { status: 'unknown', missing: ['groups'] } },
]);
