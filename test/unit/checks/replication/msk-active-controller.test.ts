import check from '../../../../checks/replication/msk-active-controller.js';
import { checkCases } from '../../../helpers/check-tester.js';
import { denied } from '../../../helpers/builders.js';
import { makeSnapshot } from '../../../helpers/snapshot.js';
import { series, withCloudWatch } from './helpers.js';

checkCases(check, [
  {
    name: 'fails periods without an active controller',
    snapshot: () => withCloudWatch([series('ActiveControllerCount', [1, 0, 1])]),
    expect: [{ kind: 'cluster', name: 'cluster', status: 'fail', severity: 'critical', message: 'no active controller in 1 five-minute period(s), first at 2026-11-22T11:50:00.000Z', evidence: { details: { periods: ['2026-11-22T11:50:00.000Z'] } } }],
  },
  { name: 'passes a controller in every period', snapshot: () => withCloudWatch([series('ActiveControllerCount', [1, 1, 1])]), expect: [] },
  { name: 'not applicable without --cloudwatch', snapshot: makeSnapshot(), expect: { status: 'not-applicable', reason: /^CloudWatch metrics were not requested/ } },
  { name: 'unknown when the metric is not published', snapshot: () => withCloudWatch([], []), expect: { status: 'unknown', reason: 'CloudWatch has no ActiveControllerCount for MSK cluster prod in eu-west-1 (monitoring level too low, or wrong cluster name)' } },
  { name: 'unknown when no datapoint is in the window', snapshot: () => withCloudWatch([series('ActiveControllerCount', [])]), expect: { status: 'unknown', reason: /^no ActiveControllerCount datapoint between/ } },
  { name: 'unknown when CloudWatch was denied', snapshot: () => makeSnapshot({ cloudwatch: denied('GetMetricData') }), expect: { status: 'unknown', missing: ['cloudwatch'] } },
]);
