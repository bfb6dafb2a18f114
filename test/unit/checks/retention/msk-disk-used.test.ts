import check from '../../../../checks/retention/msk-disk-used.js';
import { checkCases } from '../../../helpers/check-tester.js';
import { cloudwatch } from '../../../helpers/builders-observe.js';
import { makeSnapshot } from '../../../helpers/snapshot.js';

const disk = (values: Record<string, number[]>) => cloudwatch(Object.entries(values).map(([id, v]) => ({ metric: 'KafkaDataLogsDiskUsed', dimensions: { 'Broker ID': id }, values: v })));

checkCases(check, [
  {
    name: 'fails at 85 % peak, warns at 70 %, passes below',
    snapshot: () => makeSnapshot({ cloudwatch: disk({ '1': [40, 50], '2': [60, 72], '3': [80, 90] }) }),
    expect: [
      { kind: 'broker', name: '2', status: 'warn', message: 'disk 72 % used at peak' },
      { kind: 'broker', name: '3', status: 'fail', severity: 'high', message: 'disk 90 % used at peak' },
    ],
    counts: { pass: 1 },
  },
  { name: 'passes low disk use', snapshot: () => makeSnapshot({ cloudwatch: disk({ '1': [10] }) }), expect: [], counts: { pass: 1 } },
  { name: 'is not applicable without --cloudwatch', snapshot: () => makeSnapshot(), expect: { status: 'not-applicable', reason: /not requested/ } },
  { name: 'is unknown when the cluster publishes no disk metric', snapshot: () => makeSnapshot({ cloudwatch: cloudwatch([]) }), expect: { status: 'unknown', reason: /CloudWatch has no KafkaDataLogsDiskUsed/ } },
  { name: 'is unknown when CloudWatch was denied', snapshot: () => makeSnapshot({ cloudwatch: { ok: false, error: { reason: 'denied', message: 'cloudwatch:GetMetricData AccessDenied' } } }), expect: { status: 'unknown', missing: ['cloudwatch'] } },
]);
