import { defineCheck, formatDuration, groupsWithOffsetsOn, ingressRate, isInternalTopic, matchesAny, notApplicable, pass, topic, warn, windowMs } from '../../src/sdk.js';

export default defineCheck({
  meta: {
    id: 'governance/deprecated-topics',
    area: 'governance',
    title: 'Topics without writes are reviewed for deprecation',
    failureTitle: 'Topics received no writes during the observation window: review for deprecation',
    description:
      'A topic with no record written during the `--observe` window is a candidate for deprecation: the producer moved, ' +
      'the feature was switched off, or the topic is legitimately quiet. The groups still committing offsets on it are ' +
      'named, since they are who a deprecation has to reach. Named for review (info severity: shown, weighs nothing in the score), not failed: quiet is not wrong. ' +
      'Observe over a window longer than the quietest legitimate producer\'s period (a day for daily batches).',
    remediation: 'Ask the owner (`governance/topic-ownership`) whether the topic is still needed; announce a deprecation date to the groups that read it, then delete it. List legitimately quiet topics under this check\'s `allowTopics` option.',
    references: [{ title: 'Kafka docs: deleting topics', url: 'https://kafka.apache.org/documentation/#basic_ops_add_topic' }],
    severity: 'info',
    requires: ['samples', 'topics', 'groupOffsets'],
    defaultOptions: { allowTopics: [] as string[] },
    optionsSchema: { type: 'object', additionalProperties: false, properties: { allowTopics: { type: 'array', items: { type: 'string' } } } },
  },
  evaluate({ samples, topics, groupOffsets }, { options }) {
    if (samples.length < 2) return notApplicable('needs an observation window: run with --observe <duration>');
    const window = formatDuration(windowMs(samples));
    const results = [];
    for (const t of topics) {
      if (isInternalTopic(t) || matchesAny(t.name, options.allowTopics)) continue;
      const rate = ingressRate(samples, t.name);
      // Null: a sample lacks some of its partitions, so "no writes" cannot be told from "not seen".
      if (rate === null) continue;
      const readers = [...groupsWithOffsetsOn(groupOffsets, t.name)];
      const evidence = { observed: { recordsPerSecond: Number(rate.toFixed(3)), groupsWithOffsets: readers }, expected: '> 0 records/s during the window', details: { window } };
      if (rate > 0) results.push(pass(topic(t.name), `${rate.toFixed(2)} records/s`, evidence));
      else results.push(warn(topic(t.name), `no write during ${window}; ${readers.length ? `still read by ${readers.length} group(s): ${readers.slice(0, 5).join(', ')}` : 'no group has offsets on it'}`, evidence));
    }
    return results;
  },
});
