import check from '../../../../checks/consumer-lag/msk-offset-lag.js';
import { checkCases } from '../../../helpers/check-tester.js';
import { cloudwatch } from '../../../helpers/builders-observe.js';
import { makeSnapshot } from '../../../helpers/snapshot.js';

const lag = (peaks: Record<string, number>) =>
  cloudwatch(Object.entries(peaks).flatMap(([grp, s]) => [
    { metric: 'EstimatedMaxTimeLag', dimensions: { 'Consumer Group': grp, Topic: 'orders' }, values: [0, s] },
    { metric: 'MaxOffsetLag', dimensions: { 'Consumer Group': grp, Topic: 'orders' }, values: [0, 10] },
  ]));

checkCases(check, [
  {
    name: 'fails above 30 min, warns above 5 min of time lag',
    snapshot: () => makeSnapshot({ cloudwatch: lag({ fast: 10, slow: 600, stuck: 3600 }) }),
    expect: [
      { kind: 'group', name: 'slow on orders', status: 'warn' },
      { kind: 'group', name: 'stuck on orders', status: 'fail', severity: 'medium' },
    ],
    counts: { pass: 1 },
  },
  { name: 'is not applicable without --cloudwatch', snapshot: () => makeSnapshot(), expect: { status: 'not-applicable' } },
  { name: 'is unknown when the metrics are absent', snapshot: () => makeSnapshot({ cloudwatch: cloudwatch([]) }), expect: { status: 'unknown', reason: 'CloudWatch has no EstimatedMaxTimeLag/MaxOffsetLag for MSK cluster c in eu-west-1 (monitoring level too low, or wrong cluster name)' } },
  { name: 'is unknown when CloudWatch was denied', snapshot: () => makeSnapshot({ cloudwatch: { ok: false, error: { reason: 'denied', message: 'AccessDenied' } } }), expect: { status: 'unknown', missing: ['cloudwatch'] } },
]);
