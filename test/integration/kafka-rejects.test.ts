// Some catalog faults cannot exist on Apache Kafka because the broker refuses the configuration. For those,
// the test seeds the fault for real, asserts that Kafka rejects it, and asserts what the scan then reports.
import { Admin } from '@platformatic/kafka';
import { afterAll, describe, expect, it } from 'vitest';
import { buildConnectionOptions } from '../../src/commands/connection.js';
import { defaultConfig } from '../../src/config/readiness.js';
import { buildRegistry } from '../../src/engine/registry.js';
import { evaluateSnapshot, gatherFromCluster } from '../../src/pipeline.js';
import { cluster } from './cluster-context.js';

const c = cluster();
const admin = new Admin({
  clientId: 'readiness-reject-test',
  bootstrapBrokers: c.saslBootstrap.split(','),
  sasl: { mechanism: 'SCRAM-SHA-512', username: c.admin.username, password: c.admin.password },
  retries: 0,
});
afterAll(() => admin.close());

async function rejection(topic: string, configs: Record<string, string>): Promise<string> {
  try {
    await admin.createTopics({ topics: [topic], partitions: 1, replicas: 3, configs: Object.entries(configs).map(([name, value]) => ({ name, value })) });
  } catch (err) {
    const inner = (err as { errors?: { apiId?: string; serverErrorMessage?: string }[] }).errors?.[0];
    return `${inner?.apiId ?? ''} ${inner?.serverErrorMessage ?? (err as Error).message}`;
  }
  await admin.deleteTopics({ topics: [topic] });
  return 'accepted';
}

describe('faults Apache Kafka refuses', () => {
  it('rejects min.compaction.lag.ms > max.compaction.lag.ms, and the compacted topics it holds pass', async () => {
    const why = await rejection('rejected.compaction', { 'cleanup.policy': 'compact', 'min.compaction.lag.ms': '7200000', 'max.compaction.lag.ms': '3600000' });
    expect(why).toMatch(/INVALID_CONFIG/);
    const report = evaluateSnapshot(await gatherFromCluster(buildConnectionOptions({ commandConfig: c.adminProps })), { config: defaultConfig(), registry: await buildRegistry(defaultConfig()) });
    const compaction = report.checks.find((x) => x.id === 'retention/compaction-settings')!;
    expect(compaction).toMatchObject({ status: 'pass', counts: { fail: 0 } });
    expect(compaction.counts.resources).toBeGreaterThanOrEqual(1); // registry.compacted was evaluated
  });

  it('rejects tiered storage on a cluster without it, and the scan reports the check not applicable', async () => {
    const why = await rejection('rejected.tiered', { 'remote.storage.enable': 'true' });
    expect(why).toMatch(/INVALID_CONFIG|Tiered Storage/i);
    const report = evaluateSnapshot(await gatherFromCluster(buildConnectionOptions({ commandConfig: c.adminProps })), { config: defaultConfig(), registry: await buildRegistry(defaultConfig()) });
    expect(report.checks.find((x) => x.id === 'retention/tiered-storage')).toMatchObject({ status: 'not-applicable', reason: 'no topic has remote.storage.enable=true' });
  });
});
