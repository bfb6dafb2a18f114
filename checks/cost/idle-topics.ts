import { defineCheck, formatDuration, ingressRate, isInternalTopic, matchesAny, notApplicable, pass, topic, warn, windowMs } from '../../src/sdk.js';

export default defineCheck({
  meta: {
    id: 'cost/idle-topics',
    area: 'cost',
    title: 'Topics receive data during the observation window',
    failureTitle: 'Topics received no data during the observation window',
    description:
      'A topic that received no record during the `--observe` window still costs partition replicas, storage of what it holds ' +
      'and monitoring. Before launch idle topics are often leftovers; after launch they may mean a stopped producer.',
    remediation: 'Delete topics nobody writes to, or list topics that are legitimately quiet under this check\'s `allowTopics` option.',
    references: [{ title: 'Amazon MSK best practices: right-size partitions', url: 'https://docs.aws.amazon.com/msk/latest/developerguide/bestpractices.html' }],
    severity: 'low',
    requires: ['samples', 'topics'],
    defaultOptions: { allowTopics: [] as string[] },
    optionsSchema: { type: 'object', additionalProperties: false, properties: { allowTopics: { type: 'array', items: { type: 'string' } } } },
  },
  evaluate({ samples, topics }, { options }) {
    if (samples.length < 2) return notApplicable('needs an observation window: run with --observe <duration>');
    const results = [];
    for (const t of topics) {
      if (isInternalTopic(t) || matchesAny(t.name, options.allowTopics)) continue;
      const rate = ingressRate(samples, t.name);
      if (rate === null) continue;
      const evidence = { observed: `${rate.toFixed(2)} records/s`, expected: '> 0 records/s', details: { window: formatDuration(windowMs(samples)) } };
      results.push(rate > 0 ? pass(topic(t.name), `${rate.toFixed(2)} records/s`, evidence) : warn(topic(t.name), `no record written during ${formatDuration(windowMs(samples))}`, evidence));
    }
    return results;
  },
});
