import check from '../../../../checks/cost/idle-topics.js';
import { checkCases } from '../../../helpers/check-tester.js';
import { denied } from '../../../helpers/builders.js';
import { makeSnapshot } from '../../../helpers/snapshot.js';
import { lastSampleLacksT0, observed } from './helpers.js';

checkCases(check, [
  {
    name: 'warns a topic that received nothing during the window',
    snapshot: () => observed([100, 100, 100]),
    expect: [{ kind: 'topic', name: 't', status: 'warn', severity: 'low', message: 'no record written during 20 s', evidence: { observed: '0.00 records/s', details: { window: '20 s' } } }],
  },
  { name: 'passes a topic that received records', snapshot: () => observed([100, 110, 120]), expect: [], counts: { resources: 1, pass: 1 } },
  { name: 'allowTopics exempts legitimately quiet topics', snapshot: () => observed([100, 100, 100]), options: { allowTopics: ['t'] }, expect: { status: 'not-applicable', reason: 'nothing to evaluate' } },
  { name: 'needs --observe', snapshot: makeSnapshot(), expect: { status: 'not-applicable', reason: 'needs an observation window: run with --observe <duration>' } },
  // A partition missing from a sample is unknown, not "no record": the topic is not judged from half the data.
  { name: 'unknown when a sample lacks the topic\'s partition', snapshot: () => lastSampleLacksT0(observed([100, 100, 100])), expect: { status: 'unknown', reason: /^nothing could be evaluated from incomplete samples/ } },
  { name: 'unknown when the samples were not gathered', snapshot: () => makeSnapshot({ samples: denied('ListOffsets') }), expect: { status: 'unknown', missing: ['samples'] } },
]);
