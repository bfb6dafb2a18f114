import { defineCheck, isInternalTopic, matchesAny, pass, topic, warn } from '../../src/sdk.js';

export default defineCheck({
  meta: {
    id: 'cost/empty-topics',
    area: 'cost',
    title: 'Every topic holds data',
    failureTitle: 'Topics hold no data',
    description:
      'A topic whose partitions hold no records (log start offset = log end offset everywhere) still costs partition replicas, ' +
      'metadata and monitoring. Before launch it is often a leftover of a test or a renamed service. ' +
      'A topic that has seen no new records over an observation window is reported by the idle-topic check (`--observe`).',
    remediation: 'Delete topics nobody writes to, or list topics that are legitimately empty at launch under this check\'s `allowTopics` option.',
    severity: 'low',
    requires: ['topics', 'offsets'],
    defaultOptions: { allowTopics: [] as string[] },
    optionsSchema: { type: 'object', additionalProperties: false, properties: { allowTopics: { type: 'array', items: { type: 'string' } } } },
  },
  evaluate({ topics, offsets }, { options }) {
    const results = [];
    for (const t of topics) {
      if (isInternalTopic(t) || matchesAny(t.name, options.allowTopics)) continue;
      const parts = Object.values(offsets[t.name] ?? {});
      if (parts.length === 0 || parts.some((p) => p.earliest === null || p.latest === null)) continue;
      const records = parts.reduce((s, p) => s + (BigInt(p.latest!) - BigInt(p.earliest!)), 0n);
      const written = parts.reduce((s, p) => s + BigInt(p.latest!), 0n);
      const evidence = { observed: { retainedRecords: String(records), offsetsEverWritten: String(written) }, expected: 'retained records > 0', details: { partitions: parts.length } };
      results.push(
        records === 0n
          ? warn(topic(t.name), written === 0n ? 'no record was ever written' : 'all records have been deleted by retention', evidence)
          : pass(topic(t.name), `${records} record(s) retained`, evidence),
      );
    }
    return results;
  },
});
