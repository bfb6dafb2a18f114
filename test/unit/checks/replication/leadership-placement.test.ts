import check from '../../../../checks/replication/leadership-placement.js';
import { checkCases } from '../../../helpers/check-tester.js';
import { denied } from '../../../helpers/builders.js';
import { makeSnapshot, topicInfo } from '../../../helpers/snapshot.js';
import { setBrokers, withTopics } from './helpers.js';

const rotated = (name: string, n: number) => topicInfo(name, Array.from({ length: n }, (_, i) => ({ replicas: [1, 2, 3].map((b) => ((b + i - 1) % 3) + 1) })));

checkCases(check, [
  // 2 topics + the cluster's current and preferred leaders.
  { name: 'passes preferred leaders rotated over the brokers, topic and cluster', snapshot: () => withTopics([rotated('a', 6), rotated('b', 3)]), expect: [], counts: { resources: 4, pass: 4 } },
  {
    name: 'warns a topic whose preferred leaders all sit on one broker, even when leadership is on them',
    snapshot: () => withTopics([topicInfo('hot', [{ replicas: [1, 2, 3] }, { replicas: [1, 3, 2] }, { replicas: [1, 2, 3] }]), rotated('a', 6)]),
    expect: [{ kind: 'topic', name: 'hot', status: 'warn', severity: 'medium', message: "all 3 preferred leaders are on broker 1: it takes the whole topic's produce traffic", evidence: { observed: { preferredLeaders: [1], partitions: 3 } } },
      // Broker 1 then also holds 5 of the 9 partitions' leaders, now and after balancing.
      { kind: 'cluster', name: 'current leaders', status: 'warn', evidence: { observed: '55.6 % (5 of 9 partitions) on broker 1' } },
      { kind: 'cluster', name: 'preferred leaders', status: 'warn', evidence: { observed: '55.6 % (5 of 9 partitions) on broker 1' } },
    ],
    counts: { resources: 4, pass: 1 },
  },
  {
    // Preferred leaders rotate, but broker 1 leads 10 of 12 partitions now.
    name: "warns when most of the cluster's current leaders sit on one broker",
    snapshot: () => withTopics([topicInfo('a', Array.from({ length: 12 }, (_, i) => ({ replicas: [1, 2, 3].map((b) => ((b + i - 1) % 3) + 1), leader: i < 10 ? 1 : (i % 3) + 1 })))]),
    expect: [{ kind: 'cluster', name: 'current leaders', status: 'warn', message: 'broker 1 holds 83.3 % of the current leaders of 12 partitions', evidence: { observed: '83.3 % (10 of 12 partitions) on broker 1' } }],
  },
  { name: 'skips single-partition topics and topics on one broker', snapshot: () => withTopics([topicInfo('one', [{ replicas: [1, 2, 3] }]), topicInfo('pinned', [{ replicas: [3] }, { replicas: [3] }])]), expect: { status: 'not-applicable', reason: 'nothing to evaluate' } },
  { name: 'is not applicable on a single broker', snapshot: () => setBrokers(makeSnapshot(), ['a']), expect: { status: 'not-applicable', reason: 'a single broker leads everything by definition' } },
  { name: 'unknown when topics are denied', snapshot: () => makeSnapshot({ topics: denied('Metadata') }), expect: { status: 'unknown', missing: ['topics'] } },
]);
