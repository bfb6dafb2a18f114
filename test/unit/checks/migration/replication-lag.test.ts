import check from '../../../../checks/migration/replication-lag.js';
import { checkCases } from '../../../helpers/check-tester.js';
import { deniedArtifact, paired, PREFIX } from '../../../helpers/migration.js';
import { topicInfo } from '../../../helpers/snapshot.js';

const three = [{ replicas: [1, 2, 3] }, { replicas: [2, 3, 1] }, { replicas: [3, 1, 2] }];
const ends = (name: string, latest: [string, string, string]) => ({ offsets: { ok: true as const, value: { [name]: Object.fromEntries(latest.map((l, p) => [String(p), { earliest: '0', latest: l }])) } } });
const at = (iso: string, name: string, latest: [string, string, string]) => ({ at: iso, offsets: ends(name, latest).offsets.value, groupOffsets: {}, groupStates: {}, groupMembers: {} });
checkCases(check, [
  { name: 'same end offsets: pass', snapshot: paired(), expect: [], counts: { pass: 1 } },
  { name: 'within the bound: pass', snapshot: paired(ends('orders', ['20', '10', '10'])), expect: [] },
  { name: 'beyond the bound: fail', snapshot: paired(ends('orders', ['5000', '10', '10'])), expect: [{ kind: 'topic', name: 'orders', status: 'fail', severity: 'high', message: /4990 records behind/ }] },
  { name: 'a side without end offsets for a partition: warn', snapshot: paired({}, { offsets: { ok: true, value: { orders: { '0': { earliest: '0', latest: '10' } } } } }), expect: [{ kind: 'topic', name: 'orders', status: 'warn' }] },
  { name: 'prefix policy reads src.orders', snapshot: paired({}, { topics: { ok: true, value: [topicInfo('src.orders', three)] }, ...ends('src.orders', ['10', '10', '10']) }, PREFIX), expect: [] },
  {
    name: 'observed: lag growing over the window fails',
    snapshot: paired(
      { ...ends('orders', ['300', '10', '10']), samples: { ok: true, value: [at('2026-11-22T12:00:00.000Z', 'orders', ['100', '10', '10']), at('2026-11-22T12:05:00.000Z', 'orders', ['300', '10', '10'])] } },
      { samples: { ok: true, value: [at('2026-11-22T12:00:00.000Z', 'orders', ['50', '10', '10']), at('2026-11-22T12:05:00.000Z', 'orders', ['60', '10', '10'])] } },
    ),
    expect: [{ kind: 'topic', name: 'orders', status: 'fail', message: /falls behind: 50 → 240/ }],
  },
  {
    name: 'observed: lag shrinking passes',
    snapshot: paired(
      { ...ends('orders', ['300', '10', '10']), samples: { ok: true, value: [at('2026-11-22T12:00:00.000Z', 'orders', ['300', '10', '10']), at('2026-11-22T12:05:00.000Z', 'orders', ['300', '10', '10'])] } },
      { ...ends('orders', ['290', '10', '10']), samples: { ok: true, value: [at('2026-11-22T12:00:00.000Z', 'orders', ['100', '10', '10']), at('2026-11-22T12:05:00.000Z', 'orders', ['290', '10', '10'])] } },
    ),
    expect: [],
  },
  { name: 'source offsets unreadable: unknown', snapshot: paired({ offsets: deniedArtifact('ListOffsets') }), expect: { status: 'unknown', reason: /source offsets unavailable/ } },
  { name: 'target offsets unreadable: unknown', snapshot: paired({}, { offsets: deniedArtifact('ListOffsets') }), expect: { status: 'unknown', missing: ['offsets'] } },
]);
