import { describe, expect, it } from 'vitest';
import { detectPlatform } from '../../src/engine/platform.js';
import type { ConfigMap } from '../../src/gather/snapshot.js';
import { cfg, makeSnapshot } from '../helpers/snapshot.js';

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
