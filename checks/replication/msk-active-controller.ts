import { cluster, cwMissing, cwSeries, defineCheck, fail, pass, unknown } from '../../src/sdk.js';

export default defineCheck({
  meta: {
    id: 'replication/msk-active-controller',
    area: 'replication',
    title: 'MSK always had an active controller',
    failureTitle: 'MSK was without an active controller',
    description:
      'Every broker publishes ActiveControllerCount; exactly one reports 1. A period in which no broker did means the cluster ' +
      'had no controller: no leader elections, no topic changes, no recovery from a broker failure.',
    remediation: 'Open an AWS support case with the periods in the evidence; check the cluster\'s controller and ZooKeeper/KRaft health.',
    references: [{ title: 'Amazon MSK: monitoring with CloudWatch', url: 'https://docs.aws.amazon.com/msk/latest/developerguide/metrics-details.html' }],
    severity: 'critical',
    requires: ['cloudwatch'],
  },
  evaluate({ cloudwatch: cw }) {
    const missing = cwMissing(cw, ['ActiveControllerCount']);
    if (missing) return unknown(missing);
    const series = cwSeries(cw, 'ActiveControllerCount').filter((s) => s.values.length > 0);
    const periods = series[0]?.timestamps.filter((_t, i) => (series[0]!.values[i] ?? 0) < 1) ?? [];
    const evidence = { observed: periods.length ? `${periods.length} period(s) without a controller` : 'a controller in every period', expected: 'Maximum of ActiveControllerCount >= 1 in every period', details: { periods: periods.slice(0, 20) } };
    return periods.length ? [fail(cluster(), `no active controller in ${periods.length} five-minute period(s), first at ${periods[0]}`, evidence)] : [pass(cluster(), 'an active controller in every period', evidence)];
  },
});
