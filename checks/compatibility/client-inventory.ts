import { type ArtifactValues, defineCheck, evaluateClient, fail, findClientBaseline, guessKafkaVersion, notApplicable, parseVersion, pass, warn, type ResourceResult } from '../../src/sdk.js';

/** What the write probe measured for one client library, when it ran that library (the same release line or not). */
function probed(probe: ArtifactValues['probe'] | undefined, library: string, version: string) {
  const baseline = findClientBaseline(library);
  if (!probe || !baseline) return null;
  const client = probe.clients.find((c) => c.available && c.version && (findClientBaseline(c.library) ?? findClientBaseline(c.name))?.id === baseline.id);
  if (!client?.version) return null;
  const cells = probe.cells.filter((c) => c.client === client.name);
  const line = (v: string) => parseVersion(v)?.release.slice(0, 2).join('.') ?? null;
  return {
    client: client.name,
    version: client.version,
    /** Same major.minor as the application's: the measurement speaks for its release line. */
    sameLine: line(client.version) !== null && line(client.version) === line(version),
    passed: cells.filter((c) => c.status === 'pass').map((c) => c.capability),
    failed: cells.filter((c) => c.status === 'fail').map((c) => `${c.capability}: ${c.message}`),
  };
}

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
      'older cluster (it works today and breaks at the upgrade). When the write probe ran the same library and release line ' +
      '(major.minor) against this cluster, a capability it measured failing fails the entry, and what passed is noted.',
    remediation: 'Upgrade the client library of each failing or warned application before the cluster moves to (or launches on) Kafka 4.x.',
    references: [{ title: 'KIP-896: Remove old client protocol API versions in Kafka 4.0', url: 'https://cwiki.apache.org/confluence/display/KAFKA/KIP-896%3A+Remove+old+client+protocol+API+versions+in+Kafka+4.0' }],
    severity: 'high',
    requires: ['apiVersions'],
    // The write probe's measurements, when the scan ran it: a client library it ran is judged by what it did too.
    uses: ['probe'],
  },
  evaluate({ apiVersions, probe }, { policy }) {
    if (policy.clients.length === 0) return notApplicable('no client inventory (`clients`) in readiness.yaml');
    // The oldest broker decides: a client must work with every broker it may be routed to.
    const guesses = Object.values(apiVersions.brokers).map((b) => guessKafkaVersion(b.apis, b.supportedFeatures).version);
    const release = guesses.includes(null) ? null : (guesses as string[]).sort()[0] ?? null;
    return policy.clients.map((c): ResourceResult => {
      const v = evaluateClient({ library: c.library, version: c.version }, release);
      const res = { kind: 'client', name: `${c.app} (${c.library} ${c.version})` };
      const m = probed(probe, c.library, c.version);
      const measured = m ? { probe: { client: m.client, version: m.version, sameReleaseLine: m.sameLine, passed: m.passed.length, failed: m.failed } } : {};
      const evidence = { observed: `${c.library} ${c.version}`, expected: v.minimumFor4x ? `>= ${v.minimumFor4x} for Kafka 4.x` : 'a known client library', details: { clusterRelease: release, reference: v.reference, ...measured } };
      // Measured beats attested: the probe ran this release line against this cluster and a capability failed.
      if (m?.sameLine && m.failed.length > 0) return fail(res, `the write probe ran ${m.client} ${m.version} against this cluster and ${m.failed.length} capability(ies) failed: ${m.failed.slice(0, 3).join('; ')}`, evidence);
      const note = m?.sameLine && m.passed.length > 0 ? ` (measured: the write probe's ${m.client} ${m.version} passed ${m.passed.length} capability(ies) against this cluster)` : '';
      if (v.status === 'pass') return pass(res, `${v.message}${note}`, evidence);
      if (v.status === 'fail') return fail(res, v.message, evidence);
      return warn(res, v.message, evidence, v.status === 'unknown' ? 'medium' : undefined);
    });
  },
});
