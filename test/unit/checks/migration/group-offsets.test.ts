import { expect } from 'vitest';
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

// The time bound: the source partition orders-0 produced 10 records/s over a 2 min observation window
// (log end 1000 → 1600 → 2200); the records between the target's and the source's offsets took that long to write.
const sample = (at: string, latest: string, extra: Record<string, unknown> = {}) => ({ at, offsets: { orders: { '0': { earliest: '0', latest } } }, groupOffsets: {}, groupStates: {}, groupMembers: {}, ...extra });
const window = (...latest: string[]) => ({ ok: true as const, value: latest.map((l, i) => sample(`2026-11-22T12:0${i}:00.000Z`, l)) });
const observed = (committed: Record<string, string>, samples = window('1000', '1600', '2200')) => ({ ...go({ billing: { orders: committed } }), samples });
const onTarget = (o: string) => go({ billing: { orders: { '0': o } } });
checkCases(check, [
  {
    name: 'time: 600 records interpolated at 60 s, within the default 5 min: pass',
    snapshot: paired(observed({ '0': '2200' }), onTarget('1600')),
    expect: [],
    counts: { pass: 1 },
  },
  {
    name: 'time: 60 s behind beyond a 30 s bound, interpolated between samples: warn with the bound and the method',
    snapshot: paired(observed({ '0': '2200' }), onTarget('1600')),
    options: { maxTimeBehindMs: 30_000 },
    expect: [
      {
        kind: 'group',
        name: 'billing',
        status: 'warn',
        severity: 'high',
        message: "group billing's offset on the target is 60 s of the source's produce time (600 records) behind the source on orders-0, beyond 30 s (interpolated between the source samples): switching re-reads those records",
        evidence: { observed: '60 s', expected: 'a committed offset on the target for each of the 1 partition(s), within 1000 records and 30 s of the source\'s', details: { timeBehind: { boundMs: 30_000, worstMs: 60_000, partition: 'orders-0', records: 600, samples: 3, window: '2026-11-22T12:00:00.000Z … 2026-11-22T12:02:00.000Z' } } },
      },
    ],
  },
  {
    name: 'time: offsets written before the window are placed at the observed produce rate (extrapolated)',
    snapshot: paired(observed({ '0': '1000' }), onTarget('400')),
    options: { maxTimeBehindMs: 30_000 },
    expect: [{ kind: 'group', name: 'billing', status: 'warn', message: /is 60 s of the source's produce time \(600 records\) behind the source on orders-0, beyond 30 s \(extrapolated at the source's observed produce rate of 10 records\/s\)/ }],
  },
  {
    name: 'time: target ahead by 60 s of produce time (within the record bound) beyond 30 s: fail (skips)',
    snapshot: paired(observed({ '0': '1600' }), onTarget('2200')),
    options: { maxTimeBehindMs: 30_000 },
    expect: [{ kind: 'group', name: 'billing', status: 'fail', message: /is 60 s of the source's produce time \(600 records\) ahead of the source on orders-0, beyond 30 s .*: switching skips those records/ }],
  },
  {
    name: 'time: no observation window and offsets apart: unknown (the time part is never a pass)',
    snapshot: paired(go({ billing: { orders: { '0': '2200' } } }), onTarget('1600')),
    expect: { status: 'unknown', reason: '1 of 1 resource(s) could not be judged (group billing: within 1000 records of its source position, but how far apart in time could not be measured (orders-0: no observation window (run compare with --observe <duration>)); maxTimeBehindMs: null judges records only)' },
    notJudged: [{ kind: 'group', name: 'billing', reason: /no observation window/ }],
    counts: { resources: 0, pass: 0 },
  },
  {
    name: 'time: maxTimeBehindMs null judges records only: pass without a window',
    snapshot: paired(go({ billing: { orders: { '0': '2200' } } }), onTarget('1600')),
    options: { maxTimeBehindMs: null },
    expect: [],
    counts: { pass: 1 },
  },
  {
    name: 'time: nothing produced during the window, offsets written before it: unknown',
    snapshot: paired(observed({ '0': '1000' }, window('1000', '1000', '1000')), onTarget('400')),
    notJudged: [{ kind: 'group', name: 'billing' }],
    expect: { status: 'unknown', reason: /group billing: within 1000 records .*\(orders-0: nothing was produced to orders-0 during the observation window, so when offsets 400…1000 were written is not known/ },
  },
  {
    name: 'time: a sample lacking the partition (broker did not answer): unknown',
    snapshot: paired(
      observed({ '0': '2200' }, { ok: true, value: [sample('2026-11-22T12:00:00.000Z', '1000'), sample('2026-11-22T12:01:00.000Z', '1600', { partial: { partitions: { orders: [0] }, reason: 'broker 1 timed out' } }), sample('2026-11-22T12:02:00.000Z', '2200')] }),
      onTarget('1600'),
    ),
    notJudged: [{ kind: 'group', name: 'billing' }],
    expect: { status: 'unknown', reason: /group billing: .*\(orders-0: a source sample lacks the end offset of orders-0/ },
  },
  {
    name: 'time: source samples unreadable: unknown for groups whose offsets differ',
    snapshot: paired(observed({ '0': '2200' }, deniedArtifact('ListOffsets') as never), onTarget('1600')),
    expect: { status: 'unknown', reason: /group billing: .*\(orders-0: source samples unavailable \(ListOffsets failed/ },
    notJudged: [{ kind: 'group', name: 'billing' }],
  },
  {
    name: 'time: a group seen to fail decides; the unmeasured group is not judged (never a pass)',
    snapshot: paired(go({ billing: { orders: { '0': '2200' } }, legacy: { orders: { '0': '5' } } }), onTarget('1600')),
    expect: [{ kind: 'group', name: 'legacy', status: 'fail', message: /none on the target/ }],
    counts: { resources: 1, pass: 0, fail: 1 },
    notJudged: [{ kind: 'group', name: 'billing', reason: /how far apart in time could not be measured \(orders-0: no observation window/ }],
    verify: (r) => expect(r.partial).toEqual([expect.stringMatching(/^not judged: 1 of 2 resource\(s\) \(group billing: /)]),
  },
]);
