// CloudWatch-backed checks on metrics read through the real AWS SDK from moto (seeded by global-setup):
// they judge the seeded values, turn unknown when the metrics are absent, and are not applicable when
// --cloudwatch was not asked for. Also the CLI path: `gather --cloudwatch` against moto.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { fetchMskMetrics } from '../../src/connect/cloudwatch.js';
import { defaultConfig } from '../../src/config/readiness.js';
import { buildRegistry } from '../../src/engine/registry.js';
import type { CloudWatchArtifact } from '../../src/gather/snapshot.js';
import { evaluateSnapshot } from '../../src/pipeline.js';
import type { Report } from '../../src/report/model.js';
import { makeSnapshot } from '../helpers/snapshot.js';

const cw = inject('cloudwatch');
const saved = { ...process.env };
const CW_CHECKS = ['replication/msk-partition-metrics', 'replication/msk-active-controller', 'retention/msk-disk-used', 'cost/msk-broker-cpu', 'consumer-lag/msk-offset-lag'];

beforeAll(() => {
  for (const k of Object.keys(process.env)) if (k.startsWith('AWS_')) delete process.env[k];
  Object.assign(process.env, { AWS_ACCESS_KEY_ID: 'testing', AWS_SECRET_ACCESS_KEY: 'testing', AWS_REGION: 'us-east-1', AWS_EC2_METADATA_DISABLED: 'true', AWS_CONFIG_FILE: '/nonexistent', AWS_SHARED_CREDENTIALS_FILE: '/nonexistent' });
});
afterAll(() => {
  for (const k of Object.keys(process.env)) if (!(k in saved)) delete process.env[k];
  Object.assign(process.env, saved);
});

async function reportWith(artifact: CloudWatchArtifact | null): Promise<Report> {
  const snapshot = makeSnapshot(artifact ? { cloudwatch: { ok: true, value: artifact } } : {});
  return evaluateSnapshot(snapshot, { config: defaultConfig(), registry: await buildRegistry(defaultConfig()) });
}
const check = (r: Report, id: string) => r.checks.find((c) => c.id === id)!;

describe('CloudWatch-backed checks against moto', () => {
  it('judge the seeded MSK metrics', async () => {
    const metrics = await fetchMskMetrics({ clusterName: 'readiness-msk', endpoint: cw.endpoint, windowMs: 6 * 3_600_000, now: new Date(cw.seededAt) });
    const r = await reportWith(metrics);
    for (const id of CW_CHECKS) expect(check(r, id).status, id).not.toMatch(/unknown|error|not-applicable/);
    const cpu = check(r, 'cost/msk-broker-cpu');
    expect(cpu.findings.map((f) => f.resource.name)).toEqual(['3']); // 75 % on broker 3, 35 % elsewhere
    const disk = check(r, 'retention/msk-disk-used');
    expect(disk.findings.find((f) => f.resource.name === '3')).toMatchObject({ status: 'fail' }); // 90 %
    const partitions = check(r, 'replication/msk-partition-metrics');
    expect(partitions.findings.some((f) => f.resource.name.startsWith('UnderReplicatedPartitions') && f.status === 'fail')).toBe(true); // 2 for 20 min
    expect(check(r, 'replication/msk-active-controller').status).toBe('pass');
    expect(r.snapshot.stats).toBeDefined();
  });

  it('turn unknown when the cluster has no metrics, and not applicable without --cloudwatch', async () => {
    const none = await fetchMskMetrics({ clusterName: 'no-such-cluster', endpoint: cw.endpoint, windowMs: 3_600_000 });
    const r = await reportWith(none);
    for (const id of CW_CHECKS) {
      expect(check(r, id).status, id).toBe('unknown');
      expect(check(r, id).reason).toMatch(/CloudWatch has no .* for MSK cluster no-such-cluster/);
    }
    const notAsked = await reportWith(null);
    for (const id of CW_CHECKS) expect(check(notAsked, id)).toMatchObject({ status: 'not-applicable', reason: expect.stringMatching(/not requested/) });
    expect(r.summary.coverage).toBeLessThan(notAsked.summary.coverage);
  });
});
