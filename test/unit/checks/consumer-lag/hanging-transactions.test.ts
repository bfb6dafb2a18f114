import check from '../../../../checks/consumer-lag/hanging-transactions.js';
import { checkCases } from '../../../helpers/check-tester.js';
import { denied } from '../../../helpers/builders.js';
import { obsSnap as snap, samples } from '../../../helpers/builders-observe.js';
import { makeSnapshot } from '../../../helpers/snapshot.js';

checkCases(check, [
  { name: 'fails a last stable offset that never moves', snapshot: () => snap(samples([100, 120, 140], {}, {}, [90, 90, 90]), []), expect: [{ kind: 'partition', name: 't-0', status: 'fail', severity: 'high' }] },
  { name: 'warns (low) an open transaction whose LSO moves', snapshot: () => snap(samples([100, 120, 140], {}, {}, [90, 110, 130]), []), expect: [{ kind: 'partition', name: 't-0', status: 'warn', severity: 'low', message: 'open transaction; the last stable offset moved during the window' }] },
  { name: 'passes when every LSO equals its high watermark', snapshot: () => snap(samples([100, 120], {}, {}, [100, 120]), []), expect: [], counts: { pass: 1 } },
  { name: 'is not applicable when LSOs were not read', snapshot: () => snap(samples([100, 120], {}), []), expect: { status: 'not-applicable' } },
  { name: 'is unknown when the samples were not gathered', snapshot: () => makeSnapshot({ samples: denied('ListOffsets') }), expect: { status: 'unknown', missing: ['samples'] } },
]);
