import check from '../../../../checks/replication/min-insync-replicas.js';
import { checkCases } from '../../../helpers/check-tester.js';
import { cfg, makeSnapshot, topicInfo } from '../../../helpers/snapshot.js';
import { timedOut, withTopics } from './helpers.js';

const rf3 = (name: string) => topicInfo(name, [{ replicas: [1, 2, 3] }]);

checkCases(check, [
  {
    name: 'fails min ISR = RF with the config source, warns min ISR 1 on RF 3, passes 2',
    snapshot: () => withTopics([rf3('a'), rf3('b'), rf3('c')], { a: cfg({ 'min.insync.replicas': '3' }, 'topic'), b: cfg({ 'min.insync.replicas': '1' }, 'static-broker'), c: cfg({ 'min.insync.replicas': '2' }, 'dynamic-default-broker') }),
    expect: [
      { kind: 'topic', name: 'a', status: 'fail', severity: 'high', message: 'min.insync.replicas 3 = replication factor 3: one broker down blocks acks=all writes', evidence: { observed: 3, source: 'topic', config: 'min.insync.replicas' } },
      { kind: 'topic', name: 'b', status: 'warn', severity: 'high', message: 'min.insync.replicas 1 lets an acks=all write be acknowledged by a single replica', evidence: { source: 'static-broker' } },
    ],
    counts: { pass: 1 },
  },
  { name: 'fails min ISR above RF', snapshot: () => withTopics([rf3('a')], { a: cfg({ 'min.insync.replicas': '4' }, 'topic') }), expect: [{ kind: 'topic', name: 'a', status: 'fail', message: 'min.insync.replicas 4 > replication factor 3: every acks=all write fails' }] },
  { name: 'passes the defaults (RF 3, min ISR 2)', snapshot: makeSnapshot(), expect: [] },
  { name: 'only internal topics: nothing to evaluate', snapshot: () => withTopics([topicInfo('__consumer_offsets', [{ replicas: [1] }])]), expect: { status: 'not-applicable', reason: 'nothing to evaluate' } },
  { name: 'unknown when topic configs timed out', snapshot: () => makeSnapshot({ topicConfigs: timedOut('DescribeConfigs') }), expect: { status: 'unknown', missing: ['topicConfigs'] } },
]);
