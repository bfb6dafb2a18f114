import check from '../../../../checks/retention/offsets-retention.js';
import { checkCases } from '../../../helpers/check-tester.js';
import { denied } from '../../../helpers/builders.js';
import { cfg, makeSnapshot, TOPIC_DEFAULTS, topicInfo } from '../../../helpers/snapshot.js';

const snap = (foreverMs = '-1') =>
  makeSnapshot({
    topics: { ok: true, value: [topicInfo('orders', [{ replicas: [1, 2, 3] }]), topicInfo('forever', [{ replicas: [1, 2, 3] }])] },
    topicConfigs: { ok: true, value: { orders: cfg(TOPIC_DEFAULTS), forever: cfg({ ...TOPIC_DEFAULTS, 'retention.ms': foreverMs }) } },
    groupOffsets: { ok: true, value: { g1: { orders: { '0': '1' }, forever: { '0': '1' } } } },
  });

checkCases(check, [
  {
    name: 'warns on the cluster when a consumed topic keeps data longer than committed offsets',
    snapshot: () => snap(),
    expect: [
      {
        kind: 'cluster',
        name: 'cluster',
        status: 'warn',
        severity: 'medium',
        message: 'committed offsets expire after 7 d but 1 consumed topic(s) keep data longer (e.g. forever: indefinite)',
        evidence: { observed: { 'offsets.retention.minutes': 10080, topicsOutliving: [{ topic: 'forever', retention: 'indefinite' }] } },
      },
    ],
  },
  { name: 'passes when offsets retention covers every consumed topic', snapshot: () => snap('86400000'), expect: [], counts: { pass: 1 } },
  { name: 'is not applicable when no group committed', snapshot: () => makeSnapshot(), expect: { status: 'not-applicable' } },
  {
    name: 'is unknown when no broker reports offsets.retention.minutes',
    snapshot: () => {
      const s = snap();
      s.artifacts.brokerConfigs = { ok: true, value: { '1': cfg({}) } };
      return s;
    },
    expect: { status: 'unknown', reason: 'offsets.retention.minutes is not reported by any broker' },
  },
  { name: 'is unknown when group offsets were denied', snapshot: () => makeSnapshot({ groupOffsets: denied('OffsetFetch') }), expect: { status: 'unknown', missing: ['groupOffsets'] } },
]);
