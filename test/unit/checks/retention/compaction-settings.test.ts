import check from '../../../../checks/retention/compaction-settings.js';
import { checkCases } from '../../../helpers/check-tester.js';
import { denied } from '../../../helpers/builders.js';
import { oneTopic } from '../../../helpers/builders-observe.js';
import { makeSnapshot } from '../../../helpers/snapshot.js';

checkCases(check, [
  {
    name: 'fails min.compaction.lag.ms above max.compaction.lag.ms on a compacted topic',
    snapshot: () => oneTopic('c', { 'cleanup.policy': 'compact', 'min.compaction.lag.ms': '7200000', 'max.compaction.lag.ms': '3600000' }),
    expect: [{ kind: 'topic', name: 'c', status: 'fail', severity: 'high', message: 'min.compaction.lag.ms (2 h) exceeds max.compaction.lag.ms (60 min)' }],
  },
  { name: 'passes consistent lags', snapshot: () => oneTopic('c', { 'cleanup.policy': 'compact', 'min.compaction.lag.ms': '0', 'max.compaction.lag.ms': '3600000' }), expect: [], counts: { pass: 1 } },
  { name: 'is not applicable without compacted topics', snapshot: () => oneTopic('d', {}), expect: { status: 'not-applicable' } },
  { name: 'is unknown when topic configs were denied', snapshot: () => makeSnapshot({ topicConfigs: denied('DescribeConfigs') }), expect: { status: 'unknown', missing: ['topicConfigs'] } },
]);
