import { boolConfig, defineCheck, fail, notApplicable, pass, readConfig, type BrokerApiVersions, type ConfigMap, type Requirement, type ResourceResult } from '../../src/sdk.js';

interface Need {
  apis?: { key: number; name: string }[];
  feature?: { name: string; min: number };
  brokerConfig?: { key: string; expect: boolean };
  why: string;
}

// What each declared requirement needs from the cluster, by API key (Kafka protocol), feature flag or broker config.
const NEEDS: Record<Requirement, Need> = {
  idempotence: { apis: [{ key: 22, name: 'InitProducerId' }], why: 'idempotent producers need InitProducerId' },
  transactions: {
    apis: [
      { key: 22, name: 'InitProducerId' },
      { key: 24, name: 'AddPartitionsToTxn' },
      { key: 25, name: 'AddOffsetsToTxn' },
      { key: 26, name: 'EndTxn' },
      { key: 28, name: 'TxnOffsetCommit' },
    ],
    why: 'exactly-once needs the transaction APIs',
  },
  compaction: { brokerConfig: { key: 'log.cleaner.enable', expect: true }, why: 'compacted topics need the log cleaner' },
  'kip848-groups': { apis: [{ key: 68, name: 'ConsumerGroupHeartbeat' }], feature: { name: 'group.version', min: 1 }, why: 'the KIP-848 consumer protocol needs ConsumerGroupHeartbeat and group.version >= 1' },
  'tiered-storage': { brokerConfig: { key: 'remote.log.storage.system.enable', expect: true }, why: 'tiered storage must be enabled on the brokers' },
  'share-groups': { apis: [{ key: 76, name: 'ShareGroupHeartbeat' }], feature: { name: 'share.version', min: 1 }, why: 'share groups (KIP-932) need ShareGroupHeartbeat and share.version >= 1' },
};

function missingOn(brokers: Record<string, BrokerApiVersions>, brokerConfigs: Record<string, ConfigMap>, need: Need): string[] {
  const missing: string[] = [];
  for (const [id, b] of Object.entries(brokers)) {
    for (const api of need.apis ?? []) if (!b.apis.some((a) => a.key === api.key)) missing.push(`broker ${id} lacks ${api.name}`);
    if (need.feature) {
      const level = b.finalizedFeatures.find((f) => f.name === need.feature!.name)?.max ?? 0;
      if (level < need.feature.min) missing.push(`broker ${id}: ${need.feature.name} finalized at ${level} (< ${need.feature.min})`);
    }
  }
  if (need.brokerConfig) {
    for (const [id, configs] of Object.entries(brokerConfigs)) {
      const v = boolConfig(configs, need.brokerConfig.key);
      if (v !== need.brokerConfig.expect) missing.push(`broker ${id}: ${need.brokerConfig.key}=${readConfig(configs, need.brokerConfig.key).value ?? 'unset'}`);
    }
  }
  return missing;
}

export default defineCheck({
  meta: {
    id: 'compatibility/required-features',
    area: 'compatibility',
    title: 'The cluster offers the capabilities the workload declares',
    failureTitle: 'The cluster lacks capabilities the workload declares',
    description:
      'readiness.yaml `requirements` lists what the applications rely on — idempotence, transactions, compaction, KIP-848 ' +
      'consumer groups, tiered storage, share groups. Each is checked against the APIs every broker advertises, the finalized ' +
      'feature levels and the broker configuration, so a missing capability is found before the first deploy, not in it.',
    remediation: 'Upgrade or reconfigure the cluster (e.g. `kafka-features.sh upgrade --feature group.version=1`), or change the application design.',
    references: [{ title: 'Kafka protocol guide: API keys', url: 'https://kafka.apache.org/protocol#protocol_api_keys' }],
    severity: 'high',
    requires: ['apiVersions', 'brokerConfigs'],
    judges: [
      { config: 'log.cleaner.enable', scope: 'broker', threshold: 'false while readiness.yaml requires compaction → fail', source: 'Kafka docs log.cleaner.enable' },
      { config: 'remote.log.storage.system.enable', scope: 'broker', threshold: 'false while readiness.yaml requires tiered storage → fail', source: 'KIP-405' },
    ],
  },
  evaluate({ apiVersions, brokerConfigs }, { policy }) {
    if (policy.requirements.length === 0) return notApplicable('no requirements declared in readiness.yaml');
    return policy.requirements.map((r): ResourceResult => {
      const need = NEEDS[r];
      const missing = missingOn(apiVersions.brokers, brokerConfigs, need);
      const evidence = {
        observed: missing.length ? missing.slice(0, 10) : 'offered by every broker',
        expected: need.why,
        details: { apis: need.apis?.map((a) => a.name) ?? [], feature: need.feature ?? null, brokerConfig: need.brokerConfig?.key ?? null },
      };
      const res = { kind: 'requirement', name: r };
      return missing.length ? fail(res, `${r} is not available: ${missing[0]}${missing.length > 1 ? ` (+${missing.length - 1} more)` : ''}`, evidence) : pass(res, `${r} is available`, evidence);
    });
  },
});
