import { cluster, defineCheck, fail, pass, warn } from '../../src/sdk.js';

// ZooKeeper-only inter-broker APIs (LeaderAndIsr, StopReplica, UpdateMetadata, ControlledShutdown); gone in KRaft and 4.x.
const ZK_ONLY_KEYS = [4, 5, 6, 7];
const DESCRIBE_QUORUM = 55;

export default defineCheck({
  meta: {
    id: 'compatibility/metadata-mode',
    area: 'compatibility',
    title: 'The cluster runs in KRaft mode',
    failureTitle: 'The cluster does not run in KRaft mode',
    description:
      'Apache Kafka 4.0 removed ZooKeeper mode. A cluster still on ZooKeeper must migrate to KRaft before it can upgrade, ' +
      'and a migration after go-live is a risky operation on a production event backbone.',
    remediation: 'Migrate to KRaft (KIP-866) on a 3.9.x release before launch, or launch on a KRaft cluster.',
    references: [{ title: 'Kafka docs: ZooKeeper to KRaft migration', url: 'https://kafka.apache.org/39/documentation.html#kraft_zk_migration' }],
    severity: 'high',
    requires: ['apiVersions'],
    defaultOptions: { requireKafka4Ready: false },
    optionsSchema: { type: 'object', additionalProperties: false, properties: { requireKafka4Ready: { type: 'boolean' } } },
  },
  evaluate({ apiVersions }, { options }) {
    const brokers = Object.values(apiVersions.brokers);
    const zk = brokers.some((b) => b.apis.some((a) => ZK_ONLY_KEYS.includes(a.key)));
    const kraft =
      brokers.some((b) => b.finalizedFeatures.some((f) => f.name === 'metadata.version')) ||
      brokers.some((b) => b.apis.some((a) => a.key === DESCRIBE_QUORUM));
    const evidence = {
      observed: zk ? 'ZooKeeper' : kraft ? 'KRaft' : 'undetermined',
      expected: 'KRaft',
      details: { zkOnlyApisAdvertised: zk, describeQuorumOrMetadataVersion: kraft },
    };
    if (zk) {
      const msg = 'the brokers advertise ZooKeeper-only APIs: the cluster runs in ZooKeeper mode, which Kafka 4.x removed';
      return [options.requireKafka4Ready ? fail(cluster(), msg, evidence) : warn(cluster(), msg, evidence)];
    }
    if (!kraft) return [warn(cluster(), 'metadata mode could not be determined from ApiVersions', evidence)];
    return [pass(cluster(), 'KRaft mode', evidence)];
  },
});
