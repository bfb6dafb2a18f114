import check from '../../../../checks/cost/follower-fetching.js';
import { checkCases } from '../../../helpers/check-tester.js';
import { denied, withBrokerConfig } from '../../../helpers/builders.js';
import { makeSnapshot } from '../../../helpers/snapshot.js';
import { setBrokers } from '../replication/helpers.js';

const SELECTOR = 'org.apache.kafka.common.replica.RackAwareReplicaSelector';
const brokerSelectors = (...values: (string | null)[]) => {
  const s = makeSnapshot();
  const each = values.map((v) => withBrokerConfig({ 'replica.selector.class': v }).artifacts.brokerConfigs);
  s.artifacts.brokerConfigs = { ok: true, value: Object.fromEntries(each.map((a, i) => [String(i + 1), a.ok ? a.value['1']! : {}])) };
  return s;
};

checkCases(check, [
  { name: 'passes rack-aware replica selection on a 3-zone cluster', snapshot: makeSnapshot(), expect: [], counts: { resources: 1, pass: 1 } },
  {
    // The message carries the share of reads that cross zones: the point of the check.
    name: 'warns the cluster without follower fetching, with the share of cross-zone reads',
    snapshot: () => brokerSelectors(null, null, null),
    expect: [{ kind: 'cluster', name: 'cluster', status: 'warn', severity: 'low', message: 'no follower fetching on a 3-zone cluster: about 67 % of consumer reads cross zones', evidence: { observed: '(not set)', details: { zones: 3 } } }],
  },
  { name: 'warns when one broker lacks the selector', snapshot: () => brokerSelectors(SELECTOR, SELECTOR, ''), expect: [{ kind: 'cluster', name: 'cluster', status: 'warn' }] },
  { name: 'warns two zones (about half the reads cross)', snapshot: () => setBrokers(brokerSelectors(null, null, null), ['a', 'b', 'b']), expect: [{ kind: 'cluster', name: 'cluster', status: 'warn', message: 'no follower fetching on a 2-zone cluster: about 50 % of consumer reads cross zones' }] },
  { name: 'not applicable when the brokers are in one zone', snapshot: () => setBrokers(brokerSelectors(null, null, null), ['a', 'a', 'a']), expect: { status: 'not-applicable', reason: 'the brokers are in one zone (or declare no racks)' } },
  { name: 'not applicable when no broker declares a rack', snapshot: () => setBrokers(makeSnapshot(), [null, null, null]), expect: { status: 'not-applicable' } },
  { name: 'unknown when broker configs are denied', snapshot: () => makeSnapshot({ brokerConfigs: denied('DescribeConfigs') }), expect: { status: 'unknown', missing: ['brokerConfigs'] } },
]);
