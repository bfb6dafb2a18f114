import check from '../../../../checks/replication/rack-spread.js';
import { checkCases } from '../../../helpers/check-tester.js';
import { denied } from '../../../helpers/builders.js';
import { makeSnapshot, topicInfo } from '../../../helpers/snapshot.js';
import { setBrokers, withTopics } from './helpers.js';

checkCases(check, [
  {
    name: 'fails a topic whose replicas share one rack',
    snapshot: () => setBrokers(withTopics([topicInfo('spread', [{ replicas: [1, 3] }]), topicInfo('clumped', [{ replicas: [1, 2] }])]), ['a', 'a', 'b']),
    expect: [{ kind: 'topic', name: 'clumped', status: 'fail', severity: 'high', message: '1 partition(s) have replicas in fewer racks than they could' }],
  },
  { name: 'an internal topic in one rack only warns', snapshot: () => setBrokers(withTopics([topicInfo('__consumer_offsets', [{ replicas: [1, 2] }])]), ['a', 'a', 'b']), expect: [{ kind: 'topic', name: '__consumer_offsets', status: 'warn' }] },
  { name: 'warns a broker without a rack while others have one', snapshot: () => setBrokers(withTopics([topicInfo('t', [{ replicas: [1, 2] }])]), ['a', 'b', null]), expect: [{ kind: 'broker', name: '3', status: 'warn', message: 'broker 3 has no broker.rack while others do' }] },
  { name: 'fails the cluster when no broker has a rack', snapshot: () => setBrokers(makeSnapshot(), [null, null, null]), expect: [{ kind: 'cluster', name: 'cluster', status: 'fail', message: 'no broker declares broker.rack: replica placement ignores zones' }] },
  { name: 'passes replicas spread over three racks', snapshot: makeSnapshot(), expect: [] },
  { name: 'unknown on a single broker without racks', snapshot: () => setBrokers(makeSnapshot(), [null]), expect: { status: 'unknown', reason: 'a single broker has no racks to spread over' } },
  { name: 'unknown when cluster metadata is denied', snapshot: () => makeSnapshot({ cluster: denied('DescribeCluster') }), expect: { status: 'unknown', missing: ['cluster'] } },
]);
