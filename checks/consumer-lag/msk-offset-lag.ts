import { cwMissing, cwSeries, defineCheck, fail, formatDuration, pass, unknown, warn } from '../../src/sdk.js';

export default defineCheck({
  meta: {
    id: 'consumer-lag/msk-offset-lag',
    area: 'consumer-lag',
    title: 'MSK consumer lag stayed low over the metrics window',
    failureTitle: 'MSK consumer lag was high over the metrics window',
    description:
      'Amazon MSK publishes MaxOffsetLag and EstimatedMaxTimeLag per consumer group and topic. Over the window they show ' +
      'whether a group kept up at peak times, which a point-in-time scan cannot.',
    remediation: 'Scale the consumers of the groups named in the evidence, or fix their processing.',
    references: [{ title: 'Amazon MSK: consumer-lag monitoring', url: 'https://docs.aws.amazon.com/msk/latest/developerguide/consumer-lag.html' }],
    severity: 'medium',
    requires: ['cloudwatch'],
    defaultOptions: { warnTimeLagSeconds: 300, failTimeLagSeconds: 1800 },
    optionsSchema: { type: 'object', additionalProperties: false, properties: { warnTimeLagSeconds: { type: 'number', minimum: 0 }, failTimeLagSeconds: { type: 'number', minimum: 0 } } },
  },
  evaluate({ cloudwatch: cw }, { options }) {
    const missing = cwMissing(cw, ['EstimatedMaxTimeLag', 'MaxOffsetLag']);
    if (missing) return unknown(missing);
    const offsetLag = cwSeries(cw, 'MaxOffsetLag');
    return cwSeries(cw, 'EstimatedMaxTimeLag')
      .filter((s) => s.values.length > 0)
      .map((s) => {
        const g = s.dimensions['Consumer Group'] ?? '?';
        const t = s.dimensions.Topic ?? '?';
        const peak = Math.max(...s.values);
        const offsets = offsetLag.find((o) => o.dimensions['Consumer Group'] === g && o.dimensions.Topic === t);
        const evidence = { observed: { peakTimeLag: formatDuration(peak * 1000), peakOffsetLag: offsets ? Math.max(0, ...offsets.values) : null }, expected: `< ${formatDuration(options.warnTimeLagSeconds * 1000)}` };
        const res = { kind: 'group', name: `${g} on ${t}` };
        if (peak >= options.failTimeLagSeconds) return fail(res, `up to ${formatDuration(peak * 1000)} behind`, evidence);
        if (peak >= options.warnTimeLagSeconds) return warn(res, `up to ${formatDuration(peak * 1000)} behind`, evidence);
        return pass(res, `at most ${formatDuration(peak * 1000)} behind`, evidence);
      });
  },
});
