// Recognises the platform behind the Kafka protocol from what a scan can see, so that checks that make no
// sense there (replication on shared storage, KRaft quorum on Redpanda…) become not-applicable with a reason.
// Pure: reads the snapshot only.

import type { ConfigMap, Snapshot } from '../model/snapshot.js';
import type { PlatformInfo } from '../sdk.js';

const DESCRIBE_LOG_DIRS = 35;
const DESCRIBE_QUORUM = 55;
const ALTER_PARTITION_REASSIGNMENTS = 45;

function anyConfig(brokerConfigs: Record<string, ConfigMap> | null, test: (name: string) => boolean): string | null {
  if (!brokerConfigs) return null;
  for (const configs of Object.values(brokerConfigs)) for (const name of Object.keys(configs)) if (test(name)) return name;
  return null;
}

export function detectPlatform(snapshot: Snapshot): PlatformInfo {
  const a = snapshot.artifacts;
  const clusterId = a.cluster?.ok ? a.cluster.value.clusterId : null;
  const hosts = [...(a.cluster?.ok ? a.cluster.value.brokers.map((b) => b.host) : []), ...snapshot.target.bootstrap.map((b) => b.replace(/:\d+$/, ''))];
  const brokerConfigs = a.brokerConfigs?.ok ? a.brokerConfigs.value : null;
  const apis = a.apiVersions?.ok ? Object.values(a.apiVersions.value.brokers)[0]?.apis ?? null : null;

  // MSK IAM authentication exists only on Amazon MSK.
  if (snapshot.target.saslMechanism === 'AWS_MSK_IAM') return { platform: 'msk', evidence: 'authenticated with AWS MSK IAM' };
  if (clusterId?.startsWith('redpanda.')) return { platform: 'redpanda', evidence: `cluster id ${clusterId} has the redpanda. prefix` };
  const redpandaKey = anyConfig(brokerConfigs, (n) => n.startsWith('redpanda.') || n === 'kafka_enable_authorization');
  if (redpandaKey) return { platform: 'redpanda', evidence: `broker config ${redpandaKey}` };

  const automqKey = anyConfig(brokerConfigs, (n) => n === 'elasticstream.enable' || n.startsWith('s3.') || n.startsWith('automq.'));
  if (automqKey) return { platform: 'automq', evidence: `broker config ${automqKey}` };

  const msk = hosts.find((h) => /\.kafka(-serverless)?\.[a-z0-9-]+\.amazonaws\.com(\.cn)?$/i.test(h));
  if (msk) return { platform: 'msk', evidence: `broker host ${msk}` };

  const confluentHost = hosts.find((h) => /\.confluent\.cloud$/i.test(h));
  if (confluentHost) return { platform: 'confluent', evidence: `broker host ${confluentHost}` };
  const confluentKey = anyConfig(brokerConfigs, (n) => n.startsWith('confluent.'));
  if (confluentKey) return { platform: 'confluent', evidence: `broker config ${confluentKey}` };

  const warp = hosts.find((h) => /warpstream/i.test(h));
  if (warp) return { platform: 'warpstream', evidence: `broker host ${warp}` };
  if (apis) {
    const has = (k: number) => apis.some((x) => x.key === k);
    if (!has(DESCRIBE_LOG_DIRS) && !has(DESCRIBE_QUORUM) && !has(ALTER_PARTITION_REASSIGNMENTS)) {
      return { platform: 'warpstream', evidence: 'no DescribeLogDirs, DescribeQuorum or AlterPartitionReassignments API (stateless agents)' };
    }
    return { platform: 'apache-kafka', evidence: 'Apache Kafka API set and no vendor fingerprint' };
  }
  return { platform: 'unknown', evidence: 'ApiVersions unavailable' };
}
