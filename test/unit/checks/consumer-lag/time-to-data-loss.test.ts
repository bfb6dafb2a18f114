import check from '../../../../checks/consumer-lag/time-to-data-loss.js';
import { checkCases } from '../../../helpers/check-tester.js';
import { denied } from '../../../helpers/builders.js';
import { obsGroup as g, obsSnap as snap, samples } from '../../../helpers/builders-observe.js';
import { makeSnapshot, TOPIC_DEFAULTS } from '../../../helpers/snapshot.js';

const s = () => samples([10_000, 10_100, 10_200], { stopped: [7200, 7200, 7200] });

checkCases(check, [
  { name: 'fails critical when unread records are deleted within the hour', snapshot: () => snap(s(), [g('stopped')], { ...TOPIC_DEFAULTS, 'retention.ms': '360000' }), expect: [{ kind: 'group', name: 'stopped', status: 'fail', severity: 'critical' }] },
  { name: 'fails high under a day', snapshot: () => snap(s(), [g('stopped')], { ...TOPIC_DEFAULTS, 'retention.ms': '7200000' }), expect: [{ kind: 'group', name: 'stopped', status: 'fail', severity: 'high' }] },
  { name: 'warns medium under two days', snapshot: () => snap(s(), [g('stopped')], { ...TOPIC_DEFAULTS, 'retention.ms': String(36 * 3_600_000) }), expect: [{ kind: 'group', name: 'stopped', status: 'warn', severity: 'medium' }] },
  { name: 'passes with 7 d retention', snapshot: () => snap(s(), [g('stopped')]), expect: [], counts: { pass: 1 } },
  { name: 'is not applicable on infinite retention', snapshot: () => snap(s(), [g('stopped')], { ...TOPIC_DEFAULTS, 'retention.ms': '-1' }), expect: { status: 'not-applicable' } },
  { name: 'is unknown when topic configs were denied', snapshot: () => makeSnapshot({ topicConfigs: denied('DescribeConfigs') }), expect: { status: 'unknown', missing: ['topicConfigs'] } },
]);
