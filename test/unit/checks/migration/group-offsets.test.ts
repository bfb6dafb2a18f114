import check from '../../../../checks/migration/group-offsets.js';
import { checkCases } from '../../../helpers/check-tester.js';
import { deniedArtifact, paired, PREFIX } from '../../../helpers/migration.js';

const go = (value: Record<string, Record<string, Record<string, string>>>) => ({ groupOffsets: { ok: true as const, value } });
const source = go({ billing: { orders: { '0': '10', '1': '10', '2': '10' } } });
checkCases(check, [
  { name: 'translated offsets equal the source: pass', snapshot: paired(source, go({ billing: { orders: { '0': '10', '1': '10', '2': '10' } } })), expect: [], counts: { pass: 1 } },
  { name: 'group unknown on the target: fail', snapshot: paired(source, go({})), expect: [{ kind: 'group', name: 'billing', status: 'fail', severity: 'high', message: /none on the target/ }] },
  { name: 'some partitions untranslated: fail', snapshot: paired(source, go({ billing: { orders: { '0': '10' } } })), expect: [{ kind: 'group', name: 'billing', status: 'fail', message: /2 of 3/ }] },
  { name: 'equal offsets stay within a zero bound: pass', snapshot: paired(source, go({ billing: { orders: { '0': '10', '1': '10', '2': '10' } } })), options: { maxRecordsBehind: 0 }, expect: [] },
  { name: 'behind beyond the bound: warn', snapshot: paired(go({ billing: { orders: { '0': '5000' } } }), go({ billing: { orders: { '0': '10' } } })), expect: [{ kind: 'group', name: 'billing', status: 'warn' }] },
  { name: 'ahead of the source beyond the bound: fail (skips)', snapshot: paired(go({ billing: { orders: { '0': '10' } } }), go({ billing: { orders: { '0': '5000' } } })), expect: [{ kind: 'group', name: 'billing', status: 'fail', message: /ahead/ }] },
  { name: 'prefix policy: offsets on src.orders', snapshot: paired(source, go({ billing: { 'src.orders': { '0': '10', '1': '10', '2': '10' } } }), PREFIX), expect: [] },
  { name: 'prefix policy: offsets on the unprefixed name do not count', snapshot: paired(source, go({ billing: { orders: { '0': '10', '1': '10', '2': '10' } } }), PREFIX), expect: [{ kind: 'group', name: 'billing', status: 'fail' }] },
  { name: 'allowGroups leaves a group out', snapshot: paired(go({ billing: { orders: { '0': '10' } }, legacy: { orders: { '0': '3' } } }), go({ billing: { orders: { '0': '10' } } })), options: { allowGroups: ['legacy'] }, expect: [] },
  { name: 'source offsets unreadable: unknown', snapshot: paired({ groupOffsets: deniedArtifact('OffsetFetch') }), expect: { status: 'unknown', reason: /source group offsets unavailable/ } },
  { name: 'target offsets unreadable: unknown', snapshot: paired(source, { groupOffsets: deniedArtifact('OffsetFetch') }), expect: { status: 'unknown', missing: ['groupOffsets'] } },
]);
