import check from '../../../../checks/attestation/readiness-scorecard.js';
import { checkCases } from '../../../helpers/check-tester.js';
import { denied } from '../../../helpers/builders.js';
import { makeSnapshot } from '../../../helpers/snapshot.js';

// The snapshot is taken 2026-11-22: 2026-06-01 is 174 days before, 2026-05-01 205 days.
const attest = (item: string, date: string, owner = 'team-sre') => ({ item, owner, date, evidence: `https://wiki/${item}`, at: 'readiness.yaml:3:5' });

checkCases(check, [
  { name: 'not applicable without attestations when not required', snapshot: makeSnapshot(), expect: { status: 'not-applicable', reason: /^no attestations in readiness\.yaml/ } },
  {
    name: 'required: every item without an attestation fails',
    snapshot: makeSnapshot(),
    options: { required: true, items: ['runbooks', 'broker-loss-drill'] },
    expect: [
      { kind: 'attestation', name: 'runbooks', status: 'fail', severity: 'info', message: 'not attested' },
      { kind: 'attestation', name: 'broker-loss-drill', status: 'fail', severity: 'info', message: 'not attested' },
    ],
  },
  {
    name: 'passes a recent attestation and warns a stale one (the newest entry counts)',
    snapshot: makeSnapshot(),
    options: { items: ['runbooks', 'broker-loss-drill'] },
    configure: (c) => (c.policy.attestations = [attest('runbooks', '2025-01-01'), attest('runbooks', '2026-06-01'), attest('broker-loss-drill', '2026-05-01', 'team-kafka')]),
    expect: [{ kind: 'attestation', name: 'broker-loss-drill', status: 'warn', message: 'attested 205 days ago by team-kafka: stale (older than 180 days)', evidence: { details: { evidence: 'https://wiki/broker-loss-drill', at: 'readiness.yaml:3:5' } } }],
    counts: { resources: 2, pass: 1, warn: 1 },
  },
  { name: 'honours maxAgeDays', snapshot: makeSnapshot(), options: { items: ['runbooks'], maxAgeDays: 365 }, configure: (c) => (c.policy.attestations = [attest('runbooks', '2026-05-01')]), expect: [] },
  { name: 'unknown when the cluster metadata is denied', snapshot: () => makeSnapshot({ cluster: denied('DescribeCluster') }), configure: (c) => (c.policy.attestations = [attest('runbooks', '2026-06-01')]), expect: { status: 'unknown', missing: ['cluster'] } },
]);
