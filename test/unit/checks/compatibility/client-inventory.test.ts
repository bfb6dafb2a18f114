import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import check from '../../../../checks/compatibility/client-inventory.js';
import type { ReadinessConfig } from '../../../../src/config/readiness.js';
import { checkCases } from '../../../helpers/check-tester.js';
import { probeArtifact } from '../../../helpers/probe.js';
import { makeSnapshot } from '../../../helpers/snapshot.js';

const on = (file: string) => () =>
  makeSnapshot({ apiVersions: { ok: true, value: JSON.parse(readFileSync(path.resolve(import.meta.dirname, '..', '..', '..', 'fixtures', 'apiversions', file), 'utf8')) } });
const inventory = (config: ReadinessConfig) => {
  config.policy.clients = [
    { app: 'billing', library: 'librdkafka', version: '1.7.0' },
    { app: 'intake', library: 'librdkafka', version: '1.8.2' },
    { app: 'legacy', library: 'kafka-clients', version: '7.5.0-ccs' },
  ];
};

checkCases(check, [
  {
    name: 'on 4.1: fails a client Kafka 4 no longer serves, warns (medium) an unrecognised version',
    snapshot: on('kafka-4.1.1.json'),
    configure: inventory,
    expect: [
      { kind: 'client', name: 'billing (librdkafka 1.7.0)', status: 'fail', message: /ListOffsets v0/ },
      { kind: 'client', name: 'legacy (kafka-clients 7.5.0-ccs)', status: 'warn', severity: 'medium' },
    ],
    counts: { pass: 1 },
  },
  {
    name: 'on 3.9: the same client only warns that it breaks on upgrade',
    snapshot: on('kafka-3.9.1.json'),
    configure: inventory,
    expect: [
      { kind: 'client', name: 'billing (librdkafka 1.7.0)', status: 'warn', message: /breaks on upgrade to Kafka 4\.x/ },
      { kind: 'client', name: 'legacy (kafka-clients 7.5.0-ccs)', status: 'warn', severity: 'medium' },
    ],
  },
  { name: 'is not applicable without a client inventory', snapshot: makeSnapshot, expect: { status: 'not-applicable' } },
  {
    // The probe's platformatic 1.35.0 failed zstd, its kafkajs 2.2.4 passed; kafkajs 2.1 is another release line.
    name: 'with the write probe: a measured failure of the same library and release line fails the entry, a pass is noted',
    snapshot: () => {
      const snap = on('kafka-4.1.1.json')();
      snap.artifacts.probe = { ok: true, value: probeArtifact() };
      return snap;
    },
    configure: (config) => {
      config.policy.clients = [
        { app: 'web', library: '@platformatic/kafka', version: '1.35.2' },
        { app: 'jobs', library: 'kafkajs', version: '2.2.4' },
        { app: 'old-jobs', library: 'kafkajs', version: '2.1.0' },
        { app: 'intake', library: 'librdkafka', version: '1.8.2' },
      ];
    },
    expect: [
      { kind: 'client', name: 'web (@platformatic/kafka 1.35.2)', status: 'fail', message: /write probe ran platformatic 1\.35\.0 .*compression-zstd/ },
    ],
    counts: { pass: 3, fail: 1 },
  },
  {
    name: 'a probe that could not run leaves the inventory judged by version alone',
    snapshot: () => {
      const snap = on('kafka-4.1.1.json')();
      snap.artifacts.probe = { ok: false, error: { reason: 'not-requested', message: 'the write probe was not asked for' } };
      return snap;
    },
    configure: inventory,
    expect: [
      { kind: 'client', name: 'billing (librdkafka 1.7.0)', status: 'fail', message: /ListOffsets v0/ },
      { kind: 'client', name: 'legacy (kafka-clients 7.5.0-ccs)', status: 'warn', severity: 'medium' },
    ],
    counts: { pass: 1 },
  },
]);

it('a pass measured by the probe on the same release line says so; another release line gets no such note', () => {
  const snap = on('kafka-4.1.1.json')();
  const apiVersions = snap.artifacts.apiVersions.ok ? snap.artifacts.apiVersions.value : null;
  const policy = { clients: [{ app: 'jobs', library: 'kafkajs', version: '2.2.4' }, { app: 'old-jobs', library: 'kafkajs', version: '2.1.0' }] };
  const out = check.evaluate({ apiVersions: apiVersions!, probe: probeArtifact() }, { policy } as never) as { message: string; evidence?: { details?: Record<string, unknown> } }[];
  expect(out[0]!.message).toMatch(/measured: the write probe's kafkajs 2\.2\.4 passed 1 capability/);
  expect(out[0]!.evidence?.details?.probe).toMatchObject({ client: 'kafkajs', version: '2.2.4', sameReleaseLine: true, passed: 1, failed: [] });
  expect(out[1]!.message).not.toMatch(/measured/);
  expect(out[1]!.evidence?.details?.probe).toMatchObject({ sameReleaseLine: false });
});
