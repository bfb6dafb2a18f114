import check from '../../../../checks/retention/timestamp-settings.js';
import { checkCases } from '../../../helpers/check-tester.js';
import { denied } from '../../../helpers/builders.js';
import { oneTopic } from '../../../helpers/builders-observe.js';
import { makeSnapshot } from '../../../helpers/snapshot.js';

checkCases(check, [
  {
    name: 'warns CreateTime topics that accept unlimited future timestamps',
    snapshot: () => oneTopic('t', { 'message.timestamp.type': 'CreateTime', 'message.timestamp.after.max.ms': '9223372036854775807' }),
    expect: [{ kind: 'topic', name: 't', status: 'warn', severity: 'low', message: /arbitrarily far in the future/, evidence: { observed: 'unlimited', config: 'message.timestamp.after.max.ms' } }],
  },
  {
    name: 'reads message.timestamp.difference.max.ms on brokers before 3.6',
    snapshot: () => oneTopic('t', { 'message.timestamp.type': 'CreateTime', 'message.timestamp.difference.max.ms': String(7 * 86_400_000) }),
    expect: [{ kind: 'topic', name: 't', status: 'warn', evidence: { config: 'message.timestamp.difference.max.ms' } }],
  },
  { name: 'passes CreateTime with future timestamps limited to 1 h', snapshot: () => oneTopic('t', { 'message.timestamp.type': 'CreateTime', 'message.timestamp.after.max.ms': '3600000' }), expect: [], counts: { pass: 1 } },
  { name: 'passes LogAppendTime', snapshot: () => oneTopic('t', { 'message.timestamp.type': 'LogAppendTime' }), expect: [], counts: { pass: 1 } },
  { name: 'is unknown when topic configs were denied', snapshot: () => makeSnapshot({ topicConfigs: denied('DescribeConfigs') }), expect: { status: 'unknown', missing: ['topicConfigs'] } },
]);
