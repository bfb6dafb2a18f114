import check from '../../../../checks/compatibility/metadata-mode.js';
import { checkCases } from '../../../helpers/check-tester.js';
import { zkSnapshot } from '../../../helpers/builders.js';
import { makeSnapshot } from '../../../helpers/snapshot.js';

checkCases(check, [
  { name: 'passes KRaft', snapshot: makeSnapshot(), expect: [] },
  { name: 'warns ZooKeeper mode', snapshot: zkSnapshot, expect: [{ kind: 'cluster', name: 'cluster', status: 'warn' }] },
  { name: 'fails ZooKeeper mode when 4.x readiness is required', snapshot: zkSnapshot, options: { requireKafka4Ready: true }, expect: [{ kind: 'cluster', name: 'cluster', status: 'fail' }] },
]);
