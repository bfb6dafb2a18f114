import check from '../../../../checks/cost/msk-broker-cpu.js';
import { checkCases } from '../../../helpers/check-tester.js';
import { denied } from '../../../helpers/builders.js';
import { cloudwatch } from '../../../helpers/builders-observe.js';
import { makeSnapshot } from '../../../helpers/snapshot.js';

// CpuUser and CpuSystem datapoints per broker id.
const cpu = (brokers: Record<string, { user: number[]; system: number[] }>) =>
  makeSnapshot({
    cloudwatch: cloudwatch(Object.entries(brokers).flatMap(([id, b]) => [
      { metric: 'CpuUser', dimensions: { 'Broker ID': id }, values: b.user },
      { metric: 'CpuSystem', dimensions: { 'Broker ID': id }, values: b.system },
    ])),
  });
const fleet = () =>
  cpu({
    '1': { user: [20, 20], system: [10, 10] },
    '2': { user: [50, 50], system: [20, 20] },
    '3': { user: [70, 70], system: [20, 20] },
    '4': { user: [10, 80], system: [5, 5] },
  });

checkCases(check, [
  {
    name: 'fails an average above 80 %, warns above 60 % or a peak above 80 %',
    snapshot: fleet,
    expect: [
      { kind: 'broker', name: '2', status: 'warn', message: 'CPU 70.0 % on average, 70.0 % at peak', evidence: { observed: '70.0 % average, 70.0 % peak (user + system)', expected: '< 60 %' } },
      { kind: 'broker', name: '3', status: 'fail', severity: 'high', message: 'CPU 90.0 % on average' },
      { kind: 'broker', name: '4', status: 'warn', message: 'CPU 50.0 % on average, 85.0 % at peak' },
    ],
    counts: { resources: 4, pass: 1 },
  },
  { name: 'takes the thresholds from options', snapshot: fleet, options: { warnPercent: 95, failPercent: 99 }, expect: [], counts: { pass: 4 } },
  { name: 'not applicable without --cloudwatch', snapshot: makeSnapshot(), expect: { status: 'not-applicable', reason: /^CloudWatch metrics were not requested/ } },
  { name: 'unknown when the metrics are not published', snapshot: () => makeSnapshot({ cloudwatch: cloudwatch([]) }), expect: { status: 'unknown', reason: 'CloudWatch has no CpuUser/CpuSystem for MSK cluster c in eu-west-1 (monitoring level too low, or wrong cluster name)' } },
  { name: 'unknown when no datapoint is in the window', snapshot: () => cpu({ '1': { user: [], system: [] } }), expect: { status: 'unknown', reason: 'no CpuUser/CpuSystem datapoint between 2026-11-22T11:00:00.000Z and 2026-11-22T12:00:00.000Z' } },
  { name: 'unknown when CloudWatch was denied', snapshot: () => makeSnapshot({ cloudwatch: denied('GetMetricData') }), expect: { status: 'unknown', missing: ['cloudwatch'] } },
]);
