import { describe, expect, it } from 'vitest';
import requiredFeatures from '../../../checks/compatibility/required-features.js';
import { defaultConfig } from '../../../src/config/readiness.js';
import { evaluateChecks } from '../../../src/engine/evaluate.js';
import { detectPlatform } from '../../../src/engine/platform.js';
import type { ConfigMap } from '../../../src/gather/snapshot.js';
import { cfg, makeSnapshot } from '../../helpers/snapshot.js';

describe('compatibility/required-features', () => {
  it('fails requirements the cluster cannot serve and passes the rest', () => {
    const config = defaultConfig();
    config.policy.requirements = ['idempotence', 'kip848-groups', 'compaction'];
    const s = makeSnapshot();
    const [r] = evaluateChecks(s, [{ check: requiredFeatures, origin: 'built-in' }], config);
    const byName = Object.fromEntries(r!.findings.map((f) => [f.resource.name, f]));
    expect(byName['idempotence']?.message).toMatch(/broker 1 lacks InitProducerId/);
    expect(byName['kip848-groups']?.message).toMatch(/lacks ConsumerGroupHeartbeat/);
    expect(byName['compaction']?.message).toMatch(/log.cleaner.enable=unset/);
  });
});

describe('platform detection', () => {
  it('recognises Redpanda, MSK, AutoMQ, Confluent and WarpStream fingerprints, else Apache Kafka', () => {
    const s = makeSnapshot();
    expect(detectPlatform(s).platform).toBe('apache-kafka');
    const rp = makeSnapshot();
    if (rp.artifacts.cluster.ok) rp.artifacts.cluster.value.clusterId = 'redpanda.3e1b5c2a-0000-4000-8000-000000000000';
    expect(detectPlatform(rp)).toMatchObject({ platform: 'redpanda' });
    const msk = makeSnapshot();
    msk.target.bootstrap = ['b-1.prod.abc123.c2.kafka.eu-west-1.amazonaws.com:9096'];
    expect(detectPlatform(msk)).toMatchObject({ platform: 'msk', evidence: expect.stringContaining('amazonaws.com') });
    const automq = makeSnapshot();
    const b = (automq.artifacts.brokerConfigs as { ok: true; value: Record<string, ConfigMap> }).value;
    b['1'] = { ...b['1']!, ...cfg({ 'elasticstream.enable': 'true' }) };
    expect(detectPlatform(automq).platform).toBe('automq');
    const warp = makeSnapshot({ apiVersions: { ok: true, value: { requestVersion: 3, brokers: { '1': { apis: [{ key: 0, name: 'Produce', min: 0, max: 11 }], supportedFeatures: [], finalizedFeatures: [], finalizedFeaturesEpoch: null } } } } });
    expect(detectPlatform(warp).platform).toBe('warpstream');
  });
});

describe('compatibility/broker-version on ApiVersions captured from real brokers', () => {
  it('identifies 4.1 and 3.9 and warns below the minimum release', async () => {
    const { readFileSync } = await import('node:fs');
    const path = await import('node:path');
    const { default: brokerVersion } = await import('../../../checks/compatibility/broker-version.js');
    const { runCheck } = await import('../../helpers/run-check.js');
    for (const [file, release] of [['kafka-4.1.1.json', '4.1'], ['kafka-3.9.1.json', '3.9']] as const) {
      const value = JSON.parse(readFileSync(path.resolve(import.meta.dirname, '..', '..', 'fixtures', 'apiversions', file), 'utf8'));
      const s = makeSnapshot({ apiVersions: { ok: true, value } });
      const r = runCheck(brokerVersion, s);
      expect(r.status, file).toBe('pass');
      expect(r.counts.resources).toBe(3);
      const strict = runCheck(brokerVersion, s, { options: { minimumRelease: '4.0' } });
      expect(strict.status).toBe(release === '3.9' ? 'warn' : 'pass');
      if (release === '3.9') expect(strict.findings[0]!.message).toBe('runs Apache Kafka 3.9, older than 4.0');
    }
  });
});
