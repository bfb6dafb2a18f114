import { defineCheck, formatDuration, ingressRate, isInternalTopic, notApplicable, pass, topic, unknown, warn, windowMs } from '../../src/sdk.js';

export default defineCheck({
  meta: {
    id: 'cost/over-partitioned',
    area: 'cost',
    title: 'Partition counts match the traffic',
    failureTitle: 'Partition counts exceed the traffic',
    description:
      'Each partition costs replicas, file handles, controller work and (on managed platforms) counts towards an instance-size ' +
      'limit. A topic with many partitions but little traffic over the `--observe` window pays that cost for parallelism it does not use.',
    remediation: 'Create a smaller replacement topic and migrate (partition counts cannot shrink), or keep the count where consumer parallelism needs it and say so under this check\'s `allowTopics` option.',
    references: [{ title: 'Confluent: how to choose the number of partitions', url: 'https://www.confluent.io/blog/how-choose-number-topics-partitions-kafka-cluster/' }],
    severity: 'low',
    requires: ['topics', 'samples'],
    defaultOptions: { minPartitions: 12, minRecordsPerSecPerPartition: 1, allowTopics: [] as string[] },
    optionsSchema: { type: 'object', additionalProperties: false, properties: { minPartitions: { type: 'integer', minimum: 0 }, minRecordsPerSecPerPartition: { type: 'number', minimum: 0 }, allowTopics: { type: 'array', items: { type: 'string' } } } },
  },
  evaluate({ topics, samples }, { options }) {
    if (samples.length < 2) return notApplicable('needs an observation window: run with --observe <duration>');
    const results = [];
    const unmeasured: string[] = [];
    for (const t of topics) {
      if (isInternalTopic(t) || t.partitions.length < options.minPartitions || options.allowTopics.includes(t.name)) continue;
      const rate = ingressRate(samples, t.name);
      // No rate (a sample lacks some of the topic's partitions) is unknown traffic, never "0 records/s".
      if (rate === null) {
        unmeasured.push(t.name);
        continue;
      }
      const perPartition = rate / t.partitions.length;
      const evidence = { observed: `${t.partitions.length} partitions, ${rate.toFixed(2)} records/s`, expected: `>= ${options.minRecordsPerSecPerPartition} records/s per partition`, details: { window: formatDuration(windowMs(samples)) } };
      results.push(
        perPartition < options.minRecordsPerSecPerPartition
          ? warn(topic(t.name), `${t.partitions.length} partitions for ${rate.toFixed(2)} records/s`, evidence)
          : pass(topic(t.name), `${perPartition.toFixed(1)} records/s per partition`, evidence),
      );
    }
    if (results.length) return results;
    if (unmeasured.length) return unknown(`no ingress rate for ${unmeasured.join(', ')}: a sample lacks some of its partitions`);
    return notApplicable(`no topic has ${options.minPartitions} or more partitions`);
  },
});
