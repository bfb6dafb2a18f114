import check from '../../../../checks/compatibility/required-features.js';
import { checkCases } from '../../../helpers/check-tester.js';
import { makeSnapshot } from '../../../helpers/snapshot.js';

checkCases(check, [
  {
    name: 'fails requirements the cluster cannot serve and passes the rest',
    snapshot: makeSnapshot,
    configure: (c) => {
      c.policy.requirements = ['idempotence', 'kip848-groups', 'compaction'];
    },
    expect: [
      { kind: 'requirement', name: 'idempotence', status: 'fail', message: /broker 1 lacks InitProducerId/ },
      { kind: 'requirement', name: 'kip848-groups', status: 'fail', message: /lacks ConsumerGroupHeartbeat/ },
      { kind: 'requirement', name: 'compaction', status: 'fail', message: /log.cleaner.enable=unset/ },
    ],
  },
  { name: 'is not applicable without declared requirements', snapshot: makeSnapshot, expect: { status: 'not-applicable' } },
]);
