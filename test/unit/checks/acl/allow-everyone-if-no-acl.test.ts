import check from '../../../../checks/acl/allow-everyone-if-no-acl.js';
import { checkCases } from '../../../helpers/check-tester.js';
import { withBrokerConfig } from '../../../helpers/builders.js';
import { makeSnapshot } from '../../../helpers/snapshot.js';

checkCases(check, [
  { name: 'passes when closed', snapshot: makeSnapshot(), expect: [] },
  { name: 'fails when open', snapshot: () => withBrokerConfig({ 'allow.everyone.if.no.acl.found': 'true' }), expect: [{ kind: 'broker', name: '1', status: 'fail' }] },
]);
