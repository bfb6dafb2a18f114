import { defineCheck, fail, formatDuration, notApplicable, partition, pass, warn, windowMs } from '../../src/sdk.js';

export default defineCheck({
  meta: {
    id: 'consumer-lag/hanging-transactions',
    area: 'consumer-lag',
    title: 'No transaction holds back read_committed consumers',
    failureTitle: 'A transaction holds back read_committed consumers',
    description:
      'While a transaction is open, read_committed consumers cannot read past its first record: the last stable offset (LSO) ' +
      'stays behind the high watermark. A gap that does not move over the observation window is a hanging transaction ' +
      '(a producer that died mid-transaction, or a KIP-890 bug on old clients): every read_committed consumer of that partition is stuck.',
    remediation: 'Find the producer (`kafka-transactions.sh describe-producers`), and abort the hanging transaction (`kafka-transactions.sh abort`) if it does not complete.',
    references: [{ title: 'KIP-664: tools to detect and abort hanging transactions', url: 'https://cwiki.apache.org/confluence/display/KAFKA/KIP-664%3A+Provide+tooling+to+detect+and+abort+hanging+transactions' }],
    severity: 'high',
    requires: ['samples'],
  },
  evaluate({ samples }) {
    const last = samples[samples.length - 1];
    if (!last) return notApplicable('no offset sample');
    const results = [];
    // Keys, not entries: this visits every partition, and nearly all have no open transaction.
    for (const topicName of Object.keys(last.offsets)) {
      const parts = last.offsets[topicName]!;
      for (const p of Object.keys(parts)) {
        const o = parts[p]!;
        if (o.stable === undefined || o.stable === null || o.latest === null) continue;
        const gap = BigInt(o.latest) - BigInt(o.stable);
        if (gap <= 0n) continue;
        const history = samples.map((s) => s.offsets[topicName]?.[p]?.stable).filter((x): x is string => !!x);
        const stuck = samples.length >= 2 && history.length === samples.length && history.every((x) => x === history[0]);
        const evidence = { observed: { lastStableOffset: o.stable, highWatermark: o.latest, gap: String(gap) }, expected: 'last stable offset = high watermark, or moving', details: { samples: samples.length, window: formatDuration(windowMs(samples)) } };
        if (stuck) results.push(fail(partition(topicName, p), `last stable offset stuck at ${o.stable} (${gap} record(s) behind the high watermark) for ${formatDuration(windowMs(samples))}`, evidence));
        else results.push(warn(partition(topicName, p), samples.length < 2 ? `open transaction (${gap} record(s) not yet stable); observe to tell a hanging one from one in flight` : `open transaction; the last stable offset moved during the window`, evidence, 'low'));
      }
    }
    if (results.length === 0) {
      const measured = Object.values(last.offsets).some((parts) => Object.values(parts).some((o) => o.stable !== undefined && o.stable !== null));
      return measured ? [pass({ kind: 'cluster', name: 'cluster' }, 'no open transaction: every last stable offset equals its high watermark', { observed: 'no gap', expected: 'no gap' })] : notApplicable('last stable offsets were not read');
    }
    return results;
  },
});
