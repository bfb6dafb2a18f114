import check from '../../../../checks/compatibility/metadata-version-finalized.js';
import type { BrokerApiVersions } from '../../../../src/gather/snapshot.js';
import { checkCases } from '../../../helpers/check-tester.js';
import { makeSnapshot } from '../../../helpers/snapshot.js';

checkCases(check, [
  {
    name: 'warns when metadata.version is below what every broker supports',
    snapshot: () => {
      const s = makeSnapshot();
      const b = (s.artifacts.apiVersions as { ok: true; value: { brokers: Record<string, BrokerApiVersions> } }).value.brokers;
      b['1'] = { ...b['1']!, finalizedFeatures: [{ name: 'metadata.version', min: 21, max: 21 }] };
      return s;
    },
    expect: [{ kind: 'feature', name: 'metadata.version', status: 'warn', message: /finalized at 21 \(3\.9-IV0\) while every broker supports 27 \(4\.1-IV1\)/ }],
  },
  { name: 'passes when finalized at the supported maximum', snapshot: makeSnapshot(), expect: [] },
]);
