import check from '../../../../checks/compatibility/uniform-broker-versions.js';
import type { BrokerApiVersions } from '../../../../src/gather/snapshot.js';
import { checkCases } from '../../../helpers/check-tester.js';
import { makeSnapshot } from '../../../helpers/snapshot.js';

checkCases(check, [
  { name: 'passes identical API ranges', snapshot: makeSnapshot(), expect: [] },
  {
    name: 'flags the broker whose API ranges differ',
    snapshot: () => {
      const s = makeSnapshot();
      const b = (s.artifacts.apiVersions as { ok: true; value: { brokers: Record<string, BrokerApiVersions> } }).value.brokers;
      b['3'] = { ...b['3']!, apis: [{ key: 0, name: 'Produce', min: 3, max: 11 }, { key: 55, name: 'DescribeQuorum', min: 0, max: 2 }] };
      return s;
    },
    expect: [{ kind: 'broker', name: '3', status: 'warn', evidence: { observed: ['Produce v3-11'] } }],
  },
]);
