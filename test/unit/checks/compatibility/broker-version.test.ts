import { readFileSync } from 'node:fs';
import path from 'node:path';
import check from '../../../../checks/compatibility/broker-version.js';
import { checkCases } from '../../../helpers/check-tester.js';
import { makeSnapshot } from '../../../helpers/snapshot.js';

// ApiVersions captured from real brokers.
const captured = (file: string) => () =>
  makeSnapshot({ apiVersions: { ok: true, value: JSON.parse(readFileSync(path.resolve(import.meta.dirname, '..', '..', '..', 'fixtures', 'apiversions', file), 'utf8')) } });
const brokers = ['1', '2', '3'];

checkCases(check, [
  { name: 'identifies 4.1 brokers', snapshot: captured('kafka-4.1.1.json'), expect: [], counts: { resources: 3 } },
  { name: 'identifies 3.9 brokers', snapshot: captured('kafka-3.9.1.json'), expect: [], counts: { resources: 3 } },
  { name: '4.1 meets minimumRelease 4.0', snapshot: captured('kafka-4.1.1.json'), options: { minimumRelease: '4.0' }, expect: [] },
  {
    name: 'warns 3.9 below minimumRelease 4.0',
    snapshot: captured('kafka-3.9.1.json'),
    options: { minimumRelease: '4.0' },
    expect: brokers.map((name) => ({ kind: 'broker', name, status: 'warn' as const, message: 'runs Apache Kafka 3.9, older than 4.0' })),
  },
]);
