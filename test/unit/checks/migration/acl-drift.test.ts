import check from '../../../../checks/migration/acl-drift.js';
import { checkCases } from '../../../helpers/check-tester.js';
import { acl } from '../../../helpers/builders.js';
import { deniedArtifact, paired, PREFIX } from '../../../helpers/migration.js';

const acls = (...value: ReturnType<typeof acl>[]) => ({ acls: { ok: true as const, value } });
checkCases(check, [
  { name: 'no source ACLs: nothing to compare', snapshot: paired(), expect: { status: 'not-applicable' } },
  { name: 'same grant on both: pass', snapshot: paired(acls(acl('User:alice', 'READ')), acls(acl('User:alice', 'READ'))), expect: [], counts: { pass: 1 } },
  { name: 'grant only on the source: fail for the principal', snapshot: paired(acls(acl('User:alice', 'READ'), acl('User:billing', 'READ')), acls(acl('User:alice', 'READ'))), expect: [{ kind: 'principal', name: 'User:billing', status: 'fail', severity: 'high', message: /READ on TOPIC:LITERAL:orders/ }] },
  { name: 'ALL on the target covers READ', snapshot: paired(acls(acl('User:alice', 'READ')), acls(acl('User:alice', 'ALL'))), expect: [] },
  { name: 'prefixed pattern on the target covers the topic', snapshot: paired(acls(acl('User:alice', 'WRITE')), acls(acl('User:alice', 'WRITE', 'TOPIC', 'ord', 'PREFIXED'))), expect: [] },
  { name: 'prefix policy: the grant must name src.orders', snapshot: paired(acls(acl('User:alice', 'READ')), acls(acl('User:alice', 'READ')), PREFIX), expect: [{ kind: 'principal', name: 'User:alice', status: 'fail', message: /src\.orders/ }] },
  { name: 'prefix policy: src.orders grant passes; group grants keep their names', snapshot: paired(acls(acl('User:alice', 'READ'), acl('User:alice', 'READ', 'GROUP', 'billing')), acls(acl('User:alice', 'READ', 'TOPIC', 'src.orders'), acl('User:alice', 'READ', 'GROUP', 'billing')), PREFIX), expect: [] },
  { name: 'DENY missing on the target: warn', snapshot: paired(acls(acl('User:alice', 'WRITE', 'TOPIC', 'orders', 'LITERAL', 'DENY')), acls()), expect: [{ kind: 'principal', name: 'User:alice', status: 'warn' }] },
  { name: 'source ACLs unreadable: unknown', snapshot: paired({ acls: deniedArtifact('DescribeAcls') }), expect: { status: 'unknown', reason: /source ACLs unavailable/ } },
  { name: 'target ACLs unreadable: unknown', snapshot: paired(acls(acl('User:alice', 'READ')), { acls: deniedArtifact('DescribeAcls') }), expect: { status: 'unknown', missing: ['acls'] } },
]);
