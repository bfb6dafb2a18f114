import check from '../../../../checks/retention/tiered-storage.js';
import { checkCases } from '../../../helpers/check-tester.js';
import { denied } from '../../../helpers/builders.js';
import { oneTopic } from '../../../helpers/builders-observe.js';
import { makeSnapshot } from '../../../helpers/snapshot.js';

checkCases(check, [
  {
    name: 'fails local retention above total retention',
    snapshot: () => oneTopic('t', { 'remote.storage.enable': 'true', 'retention.ms': '86400000', 'local.retention.ms': '172800000' }),
    expect: [{ kind: 'topic', name: 't', status: 'fail', severity: 'medium', message: 'local.retention.ms 2 d > retention.ms 24 h' }],
  },
  {
    name: 'fails local.retention.bytes above retention.bytes',
    snapshot: () => oneTopic('t', { 'remote.storage.enable': 'true', 'retention.bytes': '1048576', 'local.retention.bytes': '2097152' }),
    expect: [{ kind: 'topic', name: 't', status: 'fail', message: 'local.retention.bytes 2.0 MiB > retention.bytes 1.0 MiB' }],
  },
  { name: 'fails a tiered compacted topic', snapshot: () => oneTopic('t', { 'remote.storage.enable': 'true', 'cleanup.policy': 'compact' }), expect: [{ kind: 'topic', name: 't', status: 'fail', message: 'cleanup.policy=compact cannot be tiered' }] },
  { name: 'passes local retention -2 (same as retention)', snapshot: () => oneTopic('t', { 'remote.storage.enable': 'true', 'local.retention.ms': '-2' }), expect: [], counts: { pass: 1 } },
  { name: 'is not applicable without tiered topics', snapshot: () => oneTopic('t', {}), expect: { status: 'not-applicable', reason: 'no topic has remote.storage.enable=true' } },
  { name: 'is unknown when topic configs were denied', snapshot: () => makeSnapshot({ topicConfigs: denied('DescribeConfigs') }), expect: { status: 'unknown', missing: ['topicConfigs'] } },
]);
