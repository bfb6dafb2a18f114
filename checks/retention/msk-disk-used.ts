import { cwMissing, cwSeries, defineCheck, fail, pass, seriesLabel, unknown, warn } from '../../src/sdk.js';

export default defineCheck({
  meta: {
    id: 'retention/msk-disk-used',
    area: 'retention',
    title: 'MSK broker disks keep headroom',
    failureTitle: 'MSK broker disks are running out of headroom',
    description:
      'KafkaDataLogsDiskUsed is the percentage of each broker\'s data volume in use. AWS recommends alarming at 85 %: a full ' +
      'volume stops the broker. The peak over the metrics window counts, not the current value.',
    remediation: 'Increase broker storage (MSK storage scaling), lower retention, or enable tiered storage.',
    references: [{ title: 'Amazon MSK: storage management', url: 'https://docs.aws.amazon.com/msk/latest/developerguide/bestpractices.html' }],
    severity: 'high',
    requires: ['cloudwatch'],
    defaultOptions: { warnPercent: 70, failPercent: 85 },
    optionsSchema: { type: 'object', additionalProperties: false, properties: { warnPercent: { type: 'number', minimum: 0, maximum: 100 }, failPercent: { type: 'number', minimum: 0, maximum: 100 } } },
  },
  evaluate({ cloudwatch: cw }, { options }) {
    const missing = cwMissing(cw, ['KafkaDataLogsDiskUsed']);
    if (missing) return unknown(missing);
    return cwSeries(cw, 'KafkaDataLogsDiskUsed')
      .filter((s) => s.values.length > 0)
      .map((s) => {
        const peak = Math.round(Math.max(...s.values) * 10) / 10;
        const res = { kind: 'broker', name: seriesLabel(s).replace(/^Broker ID /, '') };
        const evidence = { observed: `${peak} % at peak`, expected: `< ${options.warnPercent} %` };
        if (peak >= options.failPercent) return fail(res, `disk ${peak} % used at peak`, evidence);
        if (peak >= options.warnPercent) return warn(res, `disk ${peak} % used at peak`, evidence);
        return pass(res, `disk ${peak} % used at peak`, evidence);
      });
  },
});
