import check from '../../../../checks/acl/scram-iterations.js';
import { checkCases } from '../../../helpers/check-tester.js';
import { makeSnapshot } from '../../../helpers/snapshot.js';

const users = {
  ok: true as const,
  value: [
    { user: 'admin', credentials: [{ mechanism: 'SCRAM-SHA-512', iterations: 8192 }] },
    { user: 'legacy', credentials: [{ mechanism: 'SCRAM-SHA-256', iterations: 4095 }, { mechanism: 'SCRAM-SHA-512', iterations: 4096 }] },
  ],
};

checkCases(check, [
  {
    name: 'fails a credential below 4096 iterations, per user and mechanism',
    snapshot: () => makeSnapshot({ scramUsers: users }),
    expect: [{ kind: 'principal', name: 'User:legacy (SCRAM-SHA-256)', status: 'fail', severity: 'high', evidence: { observed: 4095, expected: '>= 4096' } }],
    counts: { resources: 3, pass: 2 },
  },
  {
    name: 'honours minIterations',
    snapshot: () => makeSnapshot({ scramUsers: users }),
    options: { minIterations: 8192 },
    expect: [
      { kind: 'principal', name: 'User:legacy (SCRAM-SHA-256)', status: 'fail' },
      { kind: 'principal', name: 'User:legacy (SCRAM-SHA-512)', status: 'fail' },
    ],
  },
  { name: 'is not applicable without SCRAM credentials', snapshot: makeSnapshot(), expect: { status: 'not-applicable' } },
  {
    name: 'is not applicable on MSK (Secrets Manager manages iterations)',
    snapshot: () => {
      const s = makeSnapshot({ scramUsers: users });
      s.target.bootstrap = ['b-1.prod.abc123.c2.kafka.eu-west-1.amazonaws.com:9096'];
      return s;
    },
    expect: { status: 'not-applicable', reason: /^msk: / },
  },
]);
