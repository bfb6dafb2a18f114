import { broker, compareReleases, defineCheck, guessKafkaVersion, pass, warn } from '../../src/sdk.js';

export default defineCheck({
  meta: {
    id: 'compatibility/broker-version',
    area: 'compatibility',
    title: 'Brokers run a supported Apache Kafka release',
    failureTitle: 'Brokers run an unsupported Apache Kafka release',
    description:
      'The release is inferred from the API versions each broker advertises (the newest version of each request type ' +
      'changes with every release), with the supported metadata.version as a tie-break. Old releases miss fixes and ' +
      'features, and each Apache Kafka release line is maintained for a limited time.',
    remediation: 'Upgrade to a maintained release (rolling upgrade, then finalize `metadata.version`) before launch.',
    references: [
      { title: 'Apache Kafka downloads and supported releases', url: 'https://kafka.apache.org/downloads' },
      { title: 'franz-go kversion: release detection from ApiVersions', url: 'https://github.com/twmb/franz-go/blob/master/pkg/kversion/kversion.go' },
    ],
    severity: 'medium',
    requires: ['apiVersions'],
    defaultOptions: { minimumRelease: '3.7' },
    optionsSchema: { type: 'object', additionalProperties: false, properties: { minimumRelease: { type: 'string', pattern: '^\\d+\\.\\d+(\\.\\d+)?$' } } },
    notApplicableOn: {
      redpanda: 'Redpanda advertises Kafka API versions of its own; its release is not an Apache Kafka release',
      warpstream: 'WarpStream advertises Kafka API versions of its own',
      automq: 'AutoMQ versions do not follow Apache Kafka releases',
    },
  },
  evaluate({ apiVersions }, { options }) {
    return Object.entries(apiVersions.brokers).map(([id, b]) => {
      const guess = guessKafkaVersion(b.apis, b.supportedFeatures);
      const evidence = {
        observed: guess.version ?? 'unidentified',
        expected: `>= ${options.minimumRelease}`,
        details: { exact: guess.exact, candidates: guess.candidates, basis: guess.basis },
      };
      if (!guess.version) return warn(broker(id), `release could not be identified: ${guess.basis}`, evidence);
      const comparable = guess.version.replace(/^[<>]=?\s*/, '');
      if (guess.version.startsWith('<') || compareReleases(comparable, options.minimumRelease) < 0) {
        return warn(broker(id), `runs Apache Kafka ${guess.version}, older than ${options.minimumRelease}`, evidence);
      }
      return pass(broker(id), `runs Apache Kafka ${guess.version}${guess.exact ? '' : ` (one of ${guess.candidates.join(', ')})`}`, evidence);
    });
  },
});
