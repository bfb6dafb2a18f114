import check from '../../../../checks/consumer-lag/burrow-status.js';
import { checkCases } from '../../../helpers/check-tester.js';
import { denied } from '../../../helpers/builders.js';
import { obsGroup as g, obsSnap as snap, samples } from '../../../helpers/builders-observe.js';
import { makeSnapshot } from '../../../helpers/snapshot.js';

const s = () => samples([50, 70, 90], { fine: [50, 70, 90], stopped: [10, 10, 10], behind: [10, 20, 30] }, { fine: 1, behind: 1 });

checkCases(check, [
  {
    name: "gives each group its worst partition status (STOP fails, WARN warns)",
    snapshot: () => snap(s(), [g('fine', 1), g('stopped'), g('behind', 1)]),
    expect: [
      { kind: 'group', name: 'stopped', status: 'fail', severity: 'high', evidence: { observed: 'STOP' } },
      { kind: 'group', name: 'behind', status: 'warn', evidence: { observed: 'WARN' } },
    ],
    counts: { pass: 1 },
  },
  { name: 'passes a group that keeps up', snapshot: () => snap(s(), [g('fine', 1)]), expect: [], counts: { pass: 1 } },
  { name: 'needs --observe', snapshot: () => snap(s().slice(0, 1), [g('fine', 1)]), expect: { status: 'not-applicable', reason: 'needs an observation window: run with --observe <duration>' } },
  { name: 'is unknown when the samples were not gathered', snapshot: () => makeSnapshot({ samples: denied('ListOffsets') }), expect: { status: 'unknown', missing: ['samples'] } },
]);
