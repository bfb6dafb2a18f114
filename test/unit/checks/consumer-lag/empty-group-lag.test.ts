import check from '../../../../checks/consumer-lag/empty-group-lag.js';
import { checkCases } from '../../../helpers/check-tester.js';
import { denied } from '../../../helpers/builders.js';
import { obsGroup as g, obsSnap as snap, samples } from '../../../helpers/builders-observe.js';
import { makeSnapshot } from '../../../helpers/snapshot.js';

checkCases(check, [
  { name: 'warns when an empty group falls further behind', snapshot: () => snap(samples([100, 150, 200], { gone: [10, 10, 10] }), [g('gone')]), expect: [{ kind: 'group', name: 'gone', status: 'warn', severity: 'medium', message: 'no member, lag grew by 100 to 190 over 20 s' }] },
  { name: 'passes an empty group whose lag did not grow', snapshot: () => snap(samples([100, 100, 100], { gone: [10, 10, 10] }), [g('gone')]), expect: [], counts: { pass: 1 } },
  { name: 'is not applicable when no group was empty all window', snapshot: () => snap(samples([100, 150], { live: [100, 150] }, { live: 1 }), [g('live', 1)]), expect: { status: 'not-applicable' } },
  { name: 'is unknown when the samples were not gathered', snapshot: () => makeSnapshot({ samples: denied('ListOffsets') }), expect: { status: 'unknown', missing: ['samples'] } },
]);
