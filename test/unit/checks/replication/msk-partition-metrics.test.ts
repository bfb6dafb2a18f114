import check from '../../../../checks/replication/msk-partition-metrics.js';
import { checkCases } from '../../../helpers/check-tester.js';
import { denied } from '../../../helpers/builders.js';
import { makeSnapshot } from '../../../helpers/snapshot.js';
import { series, withCloudWatch } from './helpers.js';

const healthy = [series('OfflinePartitionsCount', [0, 0]), series('UnderMinIsrPartitionCount', [0, 0]), series('UnderReplicatedPartitions', [0, 0], { 'Broker ID': '1' })];
const zeros = (n: number) => Array<number>(n).fill(0);

checkCases(check, [
  { name: 'passes a healthy window', snapshot: () => withCloudWatch(healthy), expect: [], counts: { resources: 3, pass: 3 } },
  {
    name: 'fails offline and under-min-ISR partitions',
    snapshot: () => withCloudWatch([series('OfflinePartitionsCount', [0, 2]), series('UnderMinIsrPartitionCount', [1, 0]), healthy[2]!]),
    expect: [
      { kind: 'metric', name: 'OfflinePartitionsCount (cluster)', status: 'fail', severity: 'critical', message: 'up to 2 offline partition(s) in the window' },
      { kind: 'metric', name: 'UnderMinIsrPartitionCount (cluster)', status: 'fail', severity: 'critical', message: 'up to 1 partition(s) under min.insync.replicas: acks=all writes were rejected' },
    ],
  },
  {
    name: 'fails under-replication for 15 min in a row (high)',
    snapshot: () => withCloudWatch([...healthy.slice(0, 2), series('UnderReplicatedPartitions', [0, 3, 3, 3, 0], { 'Broker ID': '2' })]),
    expect: [{ kind: 'metric', name: 'UnderReplicatedPartitions (Broker ID 2)', status: 'fail', severity: 'high', message: 'under-replicated for 15 min in a row' }],
  },
  {
    name: 'warns brief under-replication (low)',
    snapshot: () => withCloudWatch([...healthy.slice(0, 2), series('UnderReplicatedPartitions', [...zeros(3), 1], { 'Broker ID': '2' })]),
    expect: [{ kind: 'metric', name: 'UnderReplicatedPartitions (Broker ID 2)', status: 'warn', severity: 'low', message: 'briefly under-replicated (5 min)' }],
  },
  { name: 'honours urpMinutes', snapshot: () => withCloudWatch([...healthy.slice(0, 2), series('UnderReplicatedPartitions', [1], { 'Broker ID': '2' })]), options: { urpMinutes: 5 }, expect: [{ kind: 'metric', name: 'UnderReplicatedPartitions (Broker ID 2)', status: 'fail', severity: 'high' }] },
  { name: 'not applicable without --cloudwatch', snapshot: makeSnapshot(), expect: { status: 'not-applicable', reason: /^CloudWatch metrics were not requested/ } },
  { name: 'unknown when none of the metrics is published', snapshot: () => withCloudWatch([], []), expect: { status: 'unknown', reason: /^CloudWatch has no UnderReplicatedPartitions\/UnderMinIsrPartitionCount\/OfflinePartitionsCount for MSK cluster prod/ } },
  { name: 'unknown when CloudWatch was denied', snapshot: () => makeSnapshot({ cloudwatch: denied('GetMetricData') }), expect: { status: 'unknown', missing: ['cloudwatch'] } },
]);
