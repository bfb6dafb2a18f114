import { readFileSync } from 'node:fs';
import path from 'node:path';
import check from '../../../../checks/compatibility/client-inventory.js';
import type { ReadinessConfig } from '../../../../src/config/readiness.js';
import { checkCases } from '../../../helpers/check-tester.js';
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
]);
