import check from '../../../../checks/retention/infinite-retention.js';
import { checkCases } from '../../../helpers/check-tester.js';
import { denied } from '../../../helpers/builders.js';
import { cfg, makeSnapshot, TOPIC_DEFAULTS, topicInfo } from '../../../helpers/snapshot.js';

const twoTopics = () =>
  makeSnapshot({
    topics: { ok: true, value: [topicInfo('orders', [{ replicas: [1, 2, 3] }]), topicInfo('forever', [{ replicas: [1, 2, 3] }])] },
    topicConfigs: { ok: true, value: { orders: cfg(TOPIC_DEFAULTS), forever: cfg({ ...TOPIC_DEFAULTS, 'retention.ms': '-1' }, 'topic') } },
  });

checkCases(check, [
  {
    name: 'warns an unlimited delete-policy topic, with the config source',
    snapshot: twoTopics,
    expect: [{ kind: 'topic', name: 'forever', status: 'warn', severity: 'medium', message: 'retention is unlimited: the topic grows until the disk is full', evidence: { source: 'topic' } }],
    counts: { pass: 1 },
  },
  { name: 'passes a topic listed in allowTopics', snapshot: twoTopics, options: { allowTopics: ['forev*'] }, expect: [], counts: { pass: 2 } },
  {
    name: 'ignores compacted topics (not applicable when nothing else is left)',
    snapshot: () => makeSnapshot({ topicConfigs: { ok: true, value: { orders: cfg({ ...TOPIC_DEFAULTS, 'retention.ms': '-1', 'cleanup.policy': 'compact' }) } } }),
    expect: { status: 'not-applicable' },
  },
  { name: 'is unknown when topic configs were denied', snapshot: () => makeSnapshot({ topicConfigs: denied('DescribeConfigs') }), expect: { status: 'unknown', missing: ['topicConfigs'] } },
]);
