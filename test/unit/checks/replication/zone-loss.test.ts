import check from '../../../../checks/replication/zone-loss.js';
import { checkCases } from '../../../helpers/check-tester.js';
import { denied } from '../../../helpers/builders.js';
import { cfg, makeSnapshot, topicInfo } from '../../../helpers/snapshot.js';
import { setBrokers, withTopics } from './helpers.js';

const mixed = () =>
  withTopics([topicInfo('spread', [{ replicas: [1, 2, 3] }]), topicInfo('strict', [{ replicas: [1, 2, 3] }]), topicInfo('single', [{ replicas: [3] }])], {
    spread: cfg({ 'min.insync.replicas': '2' }),
    strict: cfg({ 'min.insync.replicas': '3' }),
    single: cfg({ 'min.insync.replicas': '1' }),
  });

checkCases(check, [
  {
    name: 'names the partitions each rack would take offline, block or under-replicate',
    snapshot: mixed,
    expect: [
      { kind: 'zone', name: 'rack-a', status: 'fail', severity: 'critical', message: 'losing rack-a (brokers 1) leaves 1 refusing acks=all writes (e.g. strict-0)', evidence: { details: { brokers: [1], offline: [], writesBlocked: ['strict-0'] } } },
      { kind: 'zone', name: 'rack-b', status: 'fail', evidence: { details: { brokers: [2], offline: [], writesBlocked: ['strict-0'] } } },
      {
        kind: 'zone',
        name: 'rack-c',
        status: 'fail',
        message: 'losing rack-c (brokers 3) leaves 1 partition(s) offline (e.g. single-0), 1 refusing acks=all writes (e.g. strict-0)',
        evidence: { observed: { offline: 1, writesBlocked: 1, underReplicated: 3 }, details: { brokers: [3], offline: ['single-0'], writesBlocked: ['strict-0'], underReplicated: ['spread-0', 'strict-0', 'single-0'] } },
      },
    ],
  },
  { name: 'maxListed caps the partitions listed, not the counts', snapshot: mixed, options: { maxListed: 1 }, expect: [{ kind: 'zone', name: 'rack-a', status: 'fail' }, { kind: 'zone', name: 'rack-b', status: 'fail' }, { kind: 'zone', name: 'rack-c', status: 'fail', evidence: { observed: { underReplicated: 3 }, details: { underReplicated: ['spread-0'] } } }] },
  { name: 'treats each broker as a zone when there are no racks', snapshot: () => setBrokers(makeSnapshot(), [null, null, null]), expect: [], counts: { resources: 3, pass: 3 } },
  { name: 'warns when every broker is in one zone', snapshot: () => setBrokers(withTopics([]), ['a', 'a', 'a']), expect: [{ kind: 'zone', name: 'a', status: 'warn', message: 'all brokers are in a: losing it takes the whole cluster down' }] },
  { name: 'is not applicable on shared-storage platforms', snapshot: makeSnapshot(), configure: (c) => void (c.platform = 'automq'), expect: { status: 'not-applicable', reason: /^automq: data lives on shared storage/ } },
  { name: 'unknown when topics are denied', snapshot: () => makeSnapshot({ topics: denied('Metadata') }), expect: { status: 'unknown', missing: ['topics'] } },
]);
