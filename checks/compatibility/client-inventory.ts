import { defineCheck, evaluateClient, fail, guessKafkaVersion, notApplicable, pass, warn, type ResourceResult } from '../../src/sdk.js';

export default defineCheck({
  meta: {
    id: 'compatibility/client-inventory',
    area: 'compatibility',
    title: 'Every application\'s Kafka client works with this cluster and with Kafka 4.x',
    failureTitle: 'An application\'s Kafka client does not work with this cluster or Kafka 4.x',
    description:
      'Kafka 4.0 removed old protocol versions (KIP-896): clients older than the KIP-896 baselines (e.g. Java 2.1, librdkafka ' +
      '1.8.2, Sarama 1.30.1 with config.Version >= 2.1) cannot produce or consume any more. readiness.yaml `clients` lists ' +
      'each application\'s library and version; each entry fails on a 4.x cluster when below the minimum, and warns on an ' +
      'older cluster (it works today and breaks at the upgrade).',
    remediation: 'Upgrade the client library of each failing or warned application before the cluster moves to (or launches on) Kafka 4.x.',
    references: [{ title: 'KIP-896: Remove old client protocol API versions in Kafka 4.0', url: 'https://cwiki.apache.org/confluence/display/KAFKA/KIP-896%3A+Remove+old+client+protocol+API+versions+in+Kafka+4.0' }],
    severity: 'high',
    requires: ['apiVersions'],
  },
  evaluate({ apiVersions }, { policy }) {
    if (policy.clients.length === 0) return notApplicable('no client inventory (`clients`) in readiness.yaml');
    // The oldest broker decides: a client must work with every broker it may be routed to.
    const guesses = Object.values(apiVersions.brokers).map((b) => guessKafkaVersion(b.apis, b.supportedFeatures).version);
    const release = guesses.includes(null) ? null : (guesses as string[]).sort()[0] ?? null;
    return policy.clients.map((c): ResourceResult => {
      const v = evaluateClient({ library: c.library, version: c.version }, release);
      const res = { kind: 'client', name: `${c.app} (${c.library} ${c.version})` };
      const evidence = { observed: `${c.library} ${c.version}`, expected: v.minimumFor4x ? `>= ${v.minimumFor4x} for Kafka 4.x` : 'a known client library', details: { clusterRelease: release, reference: v.reference } };
      if (v.status === 'pass') return pass(res, v.message, evidence);
      if (v.status === 'fail') return fail(res, v.message, evidence);
      return warn(res, v.message, evidence, v.status === 'unknown' ? 'medium' : undefined);
    });
  },
});
