import check from '../../../../checks/acl/super-users.js';
import { checkCases } from '../../../helpers/check-tester.js';
import { withBrokerConfig } from '../../../helpers/builders.js';
import { makeSnapshot } from '../../../helpers/snapshot.js';

checkCases(check, [
  { name: 'passes one named super user', snapshot: makeSnapshot(), expect: [] },
  { name: 'fails a wildcard super user', snapshot: () => withBrokerConfig({ 'super.users': 'User:admin;User:*' }), expect: [{ kind: 'broker', name: '1', status: 'fail' }] },
  { name: 'warns a long list (medium)', snapshot: () => withBrokerConfig({ 'super.users': 'User:a;User:b;User:c;User:d' }), expect: [{ kind: 'broker', name: '1', status: 'warn', severity: 'medium' }] },
]);
