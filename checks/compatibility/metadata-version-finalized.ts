import { cluster, defineCheck, metadataVersionName, pass, unknown, warn } from '../../src/sdk.js';

const named = (feature: string, level: number | undefined) => {
  if (level === undefined) return 'nothing';
  const name = feature === 'metadata.version' ? metadataVersionName(level) : null;
  return name ? `${level} (${name})` : String(level);
};

export default defineCheck({
  meta: {
    id: 'compatibility/metadata-version-finalized',
    area: 'compatibility',
    title: 'The last upgrade is finalized (metadata.version)',
    failureTitle: 'The last upgrade is not finalized (metadata.version)',
    description:
      'After a rolling upgrade the new release only turns on its metadata features once `metadata.version` is raised. ' +
      'A finalized level below what every broker supports means the upgrade is unfinished: new features stay off and a ' +
      'downgrade path is still assumed. Other feature flags (group.version, transaction.version, kraft.version) are reported as evidence.',
    remediation: 'When the upgrade is known good: `kafka-features.sh --bootstrap-server … upgrade --metadata <version>` (or `--release-version`).',
    references: [{ title: 'KIP-778: KRaft upgrades', url: 'https://cwiki.apache.org/confluence/display/KAFKA/KIP-778%3A+KRaft+to+KRaft+Upgrades' }],
    severity: 'medium',
    requires: ['apiVersions'],
    defaultOptions: { features: ['metadata.version'] },
    optionsSchema: { type: 'object', additionalProperties: false, properties: { features: { type: 'array', items: { type: 'string' } } } },
  },
  evaluate({ apiVersions }, { options }) {
    const brokers = Object.entries(apiVersions.brokers);
    const results = [];
    for (const feature of options.features) {
      const supportedMax = brokers.map(([, b]) => b.supportedFeatures.find((f) => f.name === feature)?.max).filter((n): n is number => n !== undefined);
      const finalized = brokers.map(([, b]) => b.finalizedFeatures.find((f) => f.name === feature)?.max).find((n) => n !== undefined);
      if (supportedMax.length === 0) continue;
      const commonMax = Math.min(...supportedMax);
      const allFeatures = Object.fromEntries(
        (brokers[0]?.[1].finalizedFeatures ?? []).map((f) => [f.name, f.max]),
      );
      const evidence = {
        observed: finalized ?? 'not finalized',
        expected: `${commonMax} (highest level every broker supports)`,
        details: { finalizedFeatures: allFeatures, apiVersionsRequestVersion: apiVersions.requestVersion },
      };
      const res = { kind: 'feature', name: feature };
      if (finalized === undefined || finalized < commonMax) {
        results.push(warn(res, `${feature} is finalized at ${named(feature, finalized)} while every broker supports ${named(feature, commonMax)}: upgrade not finalized`, evidence));
      } else {
        results.push(pass(res, `${feature} finalized at ${named(feature, finalized)}`, evidence));
      }
    }
    if (results.length === 0) {
      return apiVersions.requestVersion < 3
        ? unknown('the brokers do not report feature levels (ApiVersions < v3)')
        : [pass(cluster(), 'no versioned features advertised (ZooKeeper mode or pre-feature broker)', { observed: 'none', expected: 'n/a' })];
    }
    return results;
  },
});
