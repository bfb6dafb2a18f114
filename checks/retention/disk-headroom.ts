import { defineCheck, fail, formatBytes, pass, unknown, warn } from '../../src/sdk.js';

export default defineCheck({
  meta: {
    id: 'retention/disk-headroom',
    area: 'retention',
    title: 'Log directories have free space',
    failureTitle: 'Log directories are low on free space',
    description:
      'A broker whose log directory fills up takes its partitions offline. Headroom also has to absorb a broker loss: ' +
      'its replicas move to the remaining brokers. A log directory that reports an error is already offline.',
    remediation: 'Add disk or brokers, lower retention on the largest topics (see the cost area), or enable tiered storage.',
    references: [{ title: 'KIP-827: expose log dir total and usable space', url: 'https://cwiki.apache.org/confluence/display/KAFKA/KIP-827%3A+Expose+log+dirs+total+and+usable+space+via+Kafka+API' }],
    severity: 'high',
    requires: ['logDirs'],
    defaultOptions: { warnFreeRatio: 0.25, failFreeRatio: 0.1 },
    optionsSchema: { type: 'object', additionalProperties: false, properties: { warnFreeRatio: { type: 'number', minimum: 0, maximum: 1 }, failFreeRatio: { type: 'number', minimum: 0, maximum: 1 } } },
  },
  evaluate({ logDirs }, { options }) {
    const results = [];
    let measurable = 0;
    for (const [brokerId, dirs] of Object.entries(logDirs)) {
      for (const d of dirs) {
        const res = { kind: 'log-dir', name: `${brokerId}:${d.path}` };
        if (d.error) {
          results.push(fail(res, `log dir reports ${d.error}`, { observed: d.error, expected: 'no error' }));
          continue;
        }
        if (d.totalBytes <= 0 || d.usableBytes < 0) continue;
        measurable++;
        const free = d.usableBytes / d.totalBytes;
        const evidence = {
          observed: `${(free * 100).toFixed(1)} % free (${formatBytes(d.usableBytes)} of ${formatBytes(d.totalBytes)})`,
          expected: `>= ${options.warnFreeRatio * 100} % free`,
          details: { broker: Number(brokerId), usableBytes: d.usableBytes, totalBytes: d.totalBytes },
        };
        if (free < options.failFreeRatio) results.push(fail(res, `only ${(free * 100).toFixed(1)} % free`, evidence));
        else if (free < options.warnFreeRatio) results.push(warn(res, `only ${(free * 100).toFixed(1)} % free`, evidence));
        else results.push(pass(res, `${(free * 100).toFixed(1)} % free`, evidence));
      }
    }
    if (measurable === 0 && results.length === 0) {
      return unknown('the brokers do not report log dir totals (DescribeLogDirs v4, Kafka 3.3+)');
    }
    return results;
  },
});
