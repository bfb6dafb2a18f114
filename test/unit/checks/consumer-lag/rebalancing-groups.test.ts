import check from '../../../../checks/consumer-lag/rebalancing-groups.js';
import { checkCases } from '../../../helpers/check-tester.js';
import { denied } from '../../../helpers/builders.js';
import { obsGroup as g, obsSnap as snap, samples } from '../../../helpers/builders-observe.js';
import { makeSnapshot } from '../../../helpers/snapshot.js';

const busy = () => samples([1, 2, 3], { busy: [1, 1, 1] }, { busy: 2 }, undefined, { busy: ['PreparingRebalance', 'CompletingRebalance', 'PreparingRebalance'] });

checkCases(check, [
  { name: 'fails a group rebalancing in every sample', snapshot: () => snap(busy(), [g('busy', 2)]), expect: [{ kind: 'group', name: 'busy', status: 'fail', severity: 'medium' }] },
  { name: 'warns (low) a rebalancing group seen once', snapshot: () => snap(busy().slice(0, 1), [g('busy', 2)]), expect: [{ kind: 'group', name: 'busy', status: 'warn', severity: 'low' }] },
  { name: 'passes a stable group', snapshot: () => snap(samples([1, 2], { ok: [1, 2] }, { ok: 1 }), [g('ok', 1)]), expect: [], counts: { pass: 1 } },
  { name: 'is not applicable without groups', snapshot: () => snap(samples([1, 2], {}), []), expect: { status: 'not-applicable' } },
  { name: 'is unknown when groups were denied', snapshot: () => makeSnapshot({ groups: denied('ListGroups') }), expect: { status: 'unknown', missing: ['groups'] } },
]);
