import { describe, expect, it } from 'vitest';
import metadataMode from '../../../checks/compatibility/metadata-mode.js';
import finalized from '../../../checks/compatibility/metadata-version-finalized.js';
import uniform from '../../../checks/compatibility/uniform-broker-versions.js';
import type { BrokerApiVersions } from '../../../src/gather/snapshot.js';
import { makeSnapshot } from '../../helpers/snapshot.js';
import { runCheck } from '../../helpers/run-check.js';

const zkBroker: BrokerApiVersions = {
  apis: [{ key: 4, name: 'LeaderAndIsr', min: 0, max: 7 }, { key: 0, name: 'Produce', min: 0, max: 9 }],
  supportedFeatures: [],
  finalizedFeatures: [],
  finalizedFeaturesEpoch: null,
};

describe('compatibility/metadata-mode', () => {
  it('passes KRaft and warns ZooKeeper (fails when 4.x readiness is required)', () => {
    expect(runCheck(metadataMode, makeSnapshot()).status).toBe('pass');
    const zk = makeSnapshot({ apiVersions: { ok: true, value: { requestVersion: 3, brokers: { '1': zkBroker } } } });
    expect(runCheck(metadataMode, zk).status).toBe('warn');
    expect(runCheck(metadataMode, zk, { options: { requireKafka4Ready: true } }).status).toBe('fail');
  });
});

describe('compatibility/metadata-version-finalized', () => {
  it('warns when metadata.version is below what every broker supports', () => {
    const s = makeSnapshot();
    const b = (s.artifacts.apiVersions as { ok: true; value: { brokers: Record<string, BrokerApiVersions> } }).value.brokers;
    b['1'] = { ...b['1']!, finalizedFeatures: [{ name: 'metadata.version', min: 21, max: 21 }] };
    const r = runCheck(finalized, s);
    expect(r.status).toBe('warn');
    expect(r.findings[0]!.message).toMatch(/finalized at 21 \(3\.9-IV0\) while every broker supports 27 \(4\.1-IV1\)/);
  });
  it('passes when finalized at the supported maximum', () => {
    expect(runCheck(finalized, makeSnapshot()).status).toBe('pass');
  });
});

describe('compatibility/uniform-broker-versions', () => {
  it('flags the broker whose API ranges differ', () => {
    const s = makeSnapshot();
    const b = (s.artifacts.apiVersions as { ok: true; value: { brokers: Record<string, BrokerApiVersions> } }).value.brokers;
    b['3'] = { ...b['3']!, apis: [{ key: 0, name: 'Produce', min: 3, max: 11 }, { key: 55, name: 'DescribeQuorum', min: 0, max: 2 }] };
    const r = runCheck(uniform, s);
    expect(r.findings.map((f) => f.resource.name)).toEqual(['3']);
    expect(r.findings[0]!.evidence?.observed).toEqual(['Produce v3-11']);
  });
});
