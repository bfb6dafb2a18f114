import check from '../../../../checks/acl/client-quotas.js';
import { checkCases } from '../../../helpers/check-tester.js';
import { makeSnapshot } from '../../../helpers/snapshot.js';

checkCases(check, [
  { name: 'passes a default quota', snapshot: makeSnapshot(), expect: [] },
  { name: 'warns (medium) when no quota exists', snapshot: () => makeSnapshot({ quotas: { ok: true, value: [] } }), expect: [{ kind: 'cluster', name: 'cluster', status: 'warn', severity: 'medium', message: 'no client quotas are defined' }] },
  {
    name: 'warns (low) named quotas without a default for unnamed clients',
    snapshot: () => makeSnapshot({ quotas: { ok: true, value: [{ entity: { user: 'billing' }, values: { producer_byte_rate: 1024 } }] } }),
    expect: [{ kind: 'cluster', name: 'cluster', status: 'warn', severity: 'low', evidence: { observed: { entries: 1, defaultEntries: 0 } } }],
  },
  { name: 'is unknown when quotas cannot be read', snapshot: () => makeSnapshot({ quotas: { ok: false, error: { reason: 'denied', message: 'DescribeClientQuotas failed' } } }), expect: { status: 'unknown', missing: ['quotas'] } },
]);
