import check from '../../../../checks/replication/replication-factor.js';
import { checkCases } from '../../../helpers/check-tester.js';
import { denied } from '../../../helpers/builders.js';
import { makeSnapshot, topicInfo } from '../../../helpers/snapshot.js';
import { withTopics } from './helpers.js';

const topics = [topicInfo('good', [{ replicas: [1, 2, 3] }]), topicInfo('single', [{ replicas: [1] }]), topicInfo('double', [{ replicas: [1, 2] }])];

checkCases(check, [
  { name: 'passes RF 3', snapshot: makeSnapshot(), expect: [], counts: { resources: 1, pass: 1 } },
  {
    name: 'fails RF 1, warns RF 2, passes RF 3 and ignores internal topics',
    snapshot: () => withTopics([...topics, topicInfo('__consumer_offsets', [{ replicas: [1] }])]),
    expect: [
      { kind: 'topic', name: 'single', status: 'fail', severity: 'high', message: 'replication factor 1: one broker failure takes the data offline', evidence: { observed: 1, expected: '>= 3' } },
      { kind: 'topic', name: 'double', status: 'warn', severity: 'high', message: 'replication factor 2 is below 3' },
    ],
    counts: { resources: 3, pass: 1, warn: 1, fail: 1, waived: 0 },
    score: 50,
  },
  { name: 'honours the minReplicationFactor option', snapshot: () => withTopics([topicInfo('double', [{ replicas: [1, 2] }])]), options: { minReplicationFactor: 2 }, expect: [] },
  { name: 'a stricter minimum warns RF 3', snapshot: makeSnapshot(), options: { minReplicationFactor: 4 }, expect: [{ kind: 'topic', name: 'orders', status: 'warn', message: 'replication factor 3 is below 4' }] },
  { name: 'only internal topics: nothing to evaluate', snapshot: () => withTopics([topicInfo('__consumer_offsets', [{ replicas: [1] }])]), expect: { status: 'not-applicable', reason: 'nothing to evaluate' } },
  { name: 'unknown when topics are denied', snapshot: () => makeSnapshot({ topics: denied('Metadata') }), expect: { status: 'unknown', reason: /denied/, missing: ['topics'] }, score: null },
]);
