import check from '../../../../checks/retention/retention-bytes-vs-segment.js';
import { checkCases } from '../../../helpers/check-tester.js';
import { denied } from '../../../helpers/builders.js';
import { oneTopic } from '../../../helpers/builders-observe.js';
import { makeSnapshot } from '../../../helpers/snapshot.js';

checkCases(check, [
  {
    name: 'warns when retention.bytes is below one segment',
    snapshot: () => oneTopic('orders', { 'retention.bytes': '1048576' }),
    expect: [{ kind: 'topic', name: 'orders', status: 'warn', severity: 'low', message: 'retention.bytes 1.0 MiB is smaller than one segment (1.0 GiB)' }],
  },
  { name: 'passes retention.bytes of several segments', snapshot: () => oneTopic('orders', { 'retention.bytes': String(4 * 1073741824) }), expect: [], counts: { pass: 1 } },
  { name: 'is not applicable when no topic bounds its size', snapshot: () => oneTopic('orders', {}), expect: { status: 'not-applicable' } },
  { name: 'is unknown when topic configs were denied', snapshot: () => makeSnapshot({ topicConfigs: denied('DescribeConfigs') }), expect: { status: 'unknown', missing: ['topicConfigs'] } },
]);
