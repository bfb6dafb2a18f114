import check from '../../../../checks/acl/cluster-grants.js';
import { checkCases } from '../../../helpers/check-tester.js';
import { acl, aclName } from '../../../helpers/builders.js';
import { makeSnapshot } from '../../../helpers/snapshot.js';

const onCluster = (principal: string, op: string) => acl(principal, op, 'CLUSTER', 'kafka-cluster');
const appAlter = onCluster('User:app', 'ALTER_CONFIGS');
const grants = [appAlter, onCluster('User:admin', 'ALL'), onCluster('User:app', 'IDEMPOTENT_WRITE'), onCluster('User:scanner', 'DESCRIBE_CONFIGS')];

checkCases(check, [
  {
    name: 'fails a powerful Cluster grant to a non-super principal; super users and harmless operations pass',
    snapshot: () => makeSnapshot({ acls: { ok: true, value: grants } }),
    expect: [{ kind: 'acl', name: aclName(appAlter), status: 'fail', severity: 'high', message: 'User:app (not a super user) may ALTER_CONFIGS the Cluster' }],
    counts: { resources: 4, pass: 3 },
  },
  { name: 'is not applicable without Cluster grants', snapshot: () => makeSnapshot({ acls: { ok: true, value: [acl('User:app', 'ALL')] } }), expect: { status: 'not-applicable' } },
]);
