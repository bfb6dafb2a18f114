import check from '../../../../checks/cost/partitions-per-broker.js';
import { checkCases } from '../../../helpers/check-tester.js';
import { denied } from '../../../helpers/builders.js';
import { makeSnapshot, topicInfo } from '../../../helpers/snapshot.js';

// `n` partitions, every one on brokers 1 and 2: broker 3 holds no replica.
const onTwo = (n: number) => makeSnapshot({ topics: { ok: true, value: [topicInfo('big', Array.from({ length: n }, () => ({ replicas: [1, 2] })))] } });

checkCases(check, [
  {
    name: 'fails brokers above the maximum and counts an empty broker as 0',
    snapshot: () => onTwo(12),
    options: { recommended: 5, maximum: 10 },
    expect: [
      { kind: 'broker', name: '1', status: 'fail', severity: 'medium', message: '12 partition replicas exceed the maximum 10', evidence: { observed: 12, expected: '<= 5 (maximum 10)' } },
      { kind: 'broker', name: '2', status: 'fail', severity: 'medium' },
    ],
    counts: { resources: 3, pass: 1 },
  },
  {
    name: 'warns between the recommended count and the maximum',
    snapshot: () => onTwo(12),
    options: { recommended: 10, maximum: 15 },
    expect: [
      { kind: 'broker', name: '1', status: 'warn', message: '12 partition replicas exceed the recommended 10' },
      { kind: 'broker', name: '2', status: 'warn' },
    ],
  },
  { name: 'passes the default limits', snapshot: makeSnapshot(), expect: [], counts: { resources: 3, pass: 3 } },
  {
    name: 'takes the limits of a known MSK instance type (kafka. prefix optional)',
    snapshot: () => onTwo(301),
    options: { instanceType: 't3.small' },
    expect: [
      { kind: 'broker', name: '1', status: 'fail', evidence: { expected: '<= 300 (maximum 300)', details: { instanceType: 't3.small' } } },
      { kind: 'broker', name: '2', status: 'fail' },
    ],
  },
  { name: '4xlarge and larger share the top limits', snapshot: () => onTwo(4001), options: { instanceType: 'kafka.m7g.8xlarge' }, expect: [{ kind: 'broker', name: '1', status: 'warn' }, { kind: 'broker', name: '2', status: 'warn' }] },
  {
    name: 'fails an unknown instance type instead of guessing its limits',
    snapshot: makeSnapshot(),
    options: { instanceType: 'kafka.x9.huge' },
    expect: [{ kind: 'config', name: 'instanceType', status: 'fail', message: /^unknown MSK instance type "kafka\.x9\.huge"/ }],
  },
  { name: 'unknown when topics are denied', snapshot: () => makeSnapshot({ topics: denied('Metadata') }), expect: { status: 'unknown', missing: ['topics'] } },
]);
