import check from '../../../../checks/replication/internal-topics.js';
import { checkCases } from '../../../helpers/check-tester.js';
import { denied, withBrokerConfig } from '../../../helpers/builders.js';
import { cfg, makeSnapshot, topicInfo } from '../../../helpers/snapshot.js';

// Broker settings as given, and __consumer_offsets with these replicas and min ISR (absent: not created yet).
function snap(broker: Record<string, string>, offsets?: { replicas: number[]; minIsr: string }) {
  const s = withBrokerConfig(broker);
  if (offsets) {
    s.artifacts.topics = { ok: true, value: [topicInfo('__consumer_offsets', [{ replicas: offsets.replicas }])] };
    s.artifacts.topicConfigs = { ok: true, value: { __consumer_offsets: cfg({ 'min.insync.replicas': offsets.minIsr }) } };
  }
  return s;
}

checkCases(check, [
  {
    name: 'fails an RF 1 offsets topic and a future transaction log with RF 1',
    snapshot: () => snap({ 'transaction.state.log.replication.factor': '1', 'transaction.state.log.min.isr': '1' }, { replicas: [1], minIsr: '2' }),
    expect: [
      // The message names the replication factor: that is the finding.
      { kind: 'topic', name: '__consumer_offsets', status: 'fail', severity: 'high', message: 'replication factor 1', evidence: { observed: { replicationFactor: 1, 'min.insync.replicas': 2 } } },
      { kind: 'config', name: 'transaction.state.log.replication.factor', status: 'fail', message: '__transaction_state does not exist yet and will be created with replication factor 1', evidence: { observed: 1, details: { topicExists: false } } },
    ],
  },
  {
    name: 'warns an offsets topic with RF 3 but min ISR 1',
    snapshot: () => snap({ 'transaction.state.log.replication.factor': '3' }, { replicas: [1, 2, 3], minIsr: '1' }),
    expect: [{ kind: 'topic', name: '__consumer_offsets', status: 'warn', message: 'min.insync.replicas is 1: an acknowledged write can live on one replica' }],
    counts: { resources: 2, pass: 1 },
  },
  { name: 'passes RF 3 settings for topics not created yet', snapshot: () => snap({ 'offsets.topic.replication.factor': '3', 'transaction.state.log.replication.factor': '3' }), expect: [], counts: { resources: 2, pass: 2 } },
  { name: 'nothing to evaluate without the topics or their settings', snapshot: makeSnapshot(), expect: { status: 'not-applicable', reason: 'nothing to evaluate' } },
  { name: 'is not applicable on AutoMQ', snapshot: makeSnapshot(), configure: (c) => void (c.platform = 'automq'), expect: { status: 'not-applicable', reason: /^automq: storage is shared/ } },
  { name: 'unknown when broker configs are denied', snapshot: () => makeSnapshot({ brokerConfigs: denied('DescribeConfigs') }), expect: { status: 'unknown', missing: ['brokerConfigs'] } },
]);
