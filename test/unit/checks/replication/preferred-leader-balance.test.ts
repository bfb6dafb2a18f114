import check from '../../../../checks/replication/preferred-leader-balance.js';
import { checkCases } from '../../../helpers/check-tester.js';
import { denied } from '../../../helpers/builders.js';
import { makeSnapshot, topicInfo } from '../../../helpers/snapshot.js';
import { withTopics } from './helpers.js';

// Broker 1 is preferred for two partitions and leads one of them.
const drifted = () => withTopics([topicInfo('t', [{ replicas: [1, 2, 3], leader: 2 }, { replicas: [1, 2, 3], leader: 1 }, { replicas: [2, 3, 1] }])]);

checkCases(check, [
  {
    name: 'warns a broker that leads few of its preferred partitions',
    snapshot: drifted,
    expect: [{ kind: 'broker', name: '1', status: 'warn', severity: 'low', message: 'leads 1 of the 2 partitions it is preferred for (50 % imbalance)', evidence: { observed: '50 % (1 of 2 preferred partitions led elsewhere)', expected: '<= 10 %' } }],
    // Broker 3 is preferred for nothing and is not judged.
    counts: { resources: 2, pass: 1 },
  },
  { name: 'takes the limit from options', snapshot: drifted, options: { maxImbalancePercent: 50 }, expect: [] },
  { name: 'passes leadership on the preferred replicas', snapshot: makeSnapshot(), expect: [], counts: { resources: 3, pass: 3 } },
  { name: 'is not applicable on WarpStream', snapshot: makeSnapshot(), configure: (c) => void (c.platform = 'warpstream'), expect: { status: 'not-applicable', reason: /^warpstream: agents are stateless/ } },
  { name: 'unknown when topics are denied', snapshot: () => makeSnapshot({ topics: denied('Metadata') }), expect: { status: 'unknown', missing: ['topics'] } },
]);
