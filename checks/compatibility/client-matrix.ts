import { defineCheck, fail, pass, unknown, warn, type ResourceResult } from '../../src/sdk.js';

// Measured, not attested: what the write probe saw each real client library do against this cluster.
export default defineCheck({
  meta: {
    id: 'compatibility/client-matrix',
    area: 'compatibility',
    title: 'Real Kafka clients work against this cluster (measured by the write probe)',
    failureTitle: 'A real Kafka client fails a capability against this cluster',
    description:
      'A Kafka-compatible platform can advertise an API and still behave differently. `kafka-readiness probe --allow-writes` ' +
      'runs real client libraries (produce/consume with acks=all, idempotence, transactions, every compression codec, headers, ' +
      'consumer groups, offset commits, ListOffsets by timestamp, a record near max.message.bytes) against a probe topic and ' +
      'records each cell. A failed cell fails; a capability the client library itself lacks warns; a cell the cluster refused ' +
      '(authorization) or that could not run makes the check unknown: never a pass.',
    remediation: 'Fix the platform behaviour the failing cell names, or pin the client setting (codec, group protocol) the platform supports; grant the probe principal WRITE on the probe topic to measure refused cells.',
    references: [{ title: 'kafka-readiness: the write probe', url: 'README.md#the-write-probe' }],
    severity: 'high',
    requires: ['probe'],
  },
  evaluate({ probe }) {
    const measured = probe.cells.filter((c) => c.status !== 'not-run');
    const blocked = measured.filter((c) => c.status === 'denied' || c.status === 'error');
    if (blocked.length > 0) {
      return unknown(`${blocked.length} probe cell(s) could not be measured: ${blocked.slice(0, 5).map((c) => `${c.client} ${c.capability}: ${c.message}`).join('; ')}`);
    }
    if (measured.length === 0) return unknown('the probe measured no cell');
    const version = (client: string) => probe.clients.find((c) => c.name === client)?.version ?? 'unknown version';
    return measured.map((c): ResourceResult => {
      const res = { kind: 'client', name: `${c.client} ${version(c.client)}: ${c.capability}` };
      const evidence = { observed: c.message, expected: 'the capability works end to end', details: { client: c.client, version: version(c.client), ...(c.error ? { error: c.error } : {}) } };
      if (c.status === 'pass') return pass(res, c.message, evidence);
      if (c.status === 'unsupported') return warn(res, `not supported by the client library: ${c.message}`, evidence, 'low');
      return fail(res, c.message, evidence);
    });
  },
});
