import check from '../../../../checks/consumer-lag/time-lag.js';
import { checkCases } from '../../../helpers/check-tester.js';
import { denied } from '../../../helpers/builders.js';
import { obsGroup as g, obsSnap as snap, samples } from '../../../helpers/builders-observe.js';
import { makeSnapshot } from '../../../helpers/snapshot.js';

// 10 records/s; the stopped group sits 3000 records (≈ 5 min) behind.
const s = () => samples([10_000, 10_100, 10_200], { stopped: [7200, 7200, 7200] });

checkCases(check, [
  { name: 'warns from the estimated age of the next record', snapshot: () => snap(s(), [g('stopped')]), options: { warnMs: 60_000, failMs: 600_000 }, expect: [{ kind: 'group', name: 'stopped', status: 'warn', message: '5 min behind on t-0' }] },
  { name: 'fails above failMs', snapshot: () => snap(s(), [g('stopped')]), options: { warnMs: 60_000, failMs: 120_000 }, expect: [{ kind: 'group', name: 'stopped', status: 'fail', severity: 'high' }] },
  { name: 'passes a caught-up group', snapshot: () => snap(samples([100, 110, 120], { ok: [100, 110, 120] }), [g('ok', 1)]), expect: [], counts: { pass: 1 } },
  { name: 'needs --observe', snapshot: () => snap(s().slice(0, 1), [g('stopped')]), expect: { status: 'not-applicable' } },
  { name: 'is unknown when groups were denied', snapshot: () => makeSnapshot({ groups: denied('ListGroups') }), expect: { status: 'unknown', missing: ['groups'] } },
]);
