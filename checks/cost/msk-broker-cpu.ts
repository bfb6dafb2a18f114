import { cwMissing, cwSeries, defineCheck, fail, pass, unknown, warn } from '../../src/sdk.js';

export default defineCheck({
  meta: {
    id: 'cost/msk-broker-cpu',
    area: 'cost',
    title: 'MSK brokers have CPU headroom',
    failureTitle: 'MSK brokers are short of CPU headroom',
    description:
      'AWS recommends keeping CpuUser + CpuSystem under 60 % so a broker can absorb the load of a failed peer or a rolling ' +
      'update. Sustained higher CPU means the instance size is too small for the workload — the main cost driver on MSK.',
    remediation: 'Move to a larger broker instance type or add brokers (and reassign partitions); enable producer compression and larger batches to cut CPU.',
    references: [{ title: 'Amazon MSK best practices: monitor CPU usage', url: 'https://docs.aws.amazon.com/msk/latest/developerguide/bestpractices.html' }],
    severity: 'high',
    requires: ['cloudwatch'],
    defaultOptions: { warnPercent: 60, failPercent: 80 },
    optionsSchema: { type: 'object', additionalProperties: false, properties: { warnPercent: { type: 'number', minimum: 0, maximum: 100 }, failPercent: { type: 'number', minimum: 0, maximum: 100 } } },
  },
  evaluate({ cloudwatch: cw }, { options }) {
    const missing = cwMissing(cw, ['CpuUser', 'CpuSystem']);
    if (missing) return unknown(missing);
    const user = cwSeries(cw, 'CpuUser');
    const system = cwSeries(cw, 'CpuSystem');
    return user
      .filter((u) => u.values.length > 0)
      .map((u) => {
        const id = u.dimensions['Broker ID'] ?? '?';
        const sys = system.find((s) => s.dimensions['Broker ID'] === id);
        const total = u.values.map((v, i) => v + (sys?.values[i] ?? 0));
        const avg = total.reduce((a, b) => a + b, 0) / total.length;
        const peak = Math.max(...total);
        const evidence = { observed: `${avg.toFixed(1)} % average, ${peak.toFixed(1)} % peak (user + system)`, expected: `< ${options.warnPercent} %` };
        const res = { kind: 'broker', name: id };
        if (avg >= options.failPercent) return fail(res, `CPU ${avg.toFixed(1)} % on average`, evidence);
        if (avg >= options.warnPercent || peak >= options.failPercent) return warn(res, `CPU ${avg.toFixed(1)} % on average, ${peak.toFixed(1)} % at peak`, evidence);
        return pass(res, `CPU ${avg.toFixed(1)} % on average`, evidence);
      });
  },
});
