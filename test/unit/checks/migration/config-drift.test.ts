import check from '../../../../checks/migration/config-drift.js';
import { checkCases } from '../../../helpers/check-tester.js';
import { deniedArtifact, paired, PREFIX } from '../../../helpers/migration.js';
import { cfg, TOPIC_DEFAULTS, topicInfo } from '../../../helpers/snapshot.js';

const three = [{ replicas: [1, 2, 3] }, { replicas: [2, 3, 1] }, { replicas: [3, 1, 2] }];
const targetCfg = (values: Record<string, string>) => ({ topicConfigs: { ok: true as const, value: { orders: { ...cfg(TOPIC_DEFAULTS), ...cfg(values, 'topic') } } } });
checkCases(check, [
  { name: 'same configs: pass', snapshot: paired(), expect: [] , counts: { pass: 1 } },
  { name: 'retention changed on the target: warn with both values and sources', snapshot: paired({}, targetCfg({ 'retention.ms': '3600000' })), expect: [{ kind: 'topic', name: 'orders', status: 'warn', severity: 'medium', message: /retention.ms 604800000 → 3600000/, evidence: { config: 'retention.ms' } }] },
  { name: 'cleanup policy changed: fail', snapshot: paired({}, targetCfg({ 'cleanup.policy': 'compact' })), expect: [{ kind: 'topic', name: 'orders', status: 'fail', severity: 'medium' }] },
  { name: 'lower replication factor on the target: fail', snapshot: paired({}, { topics: { ok: true, value: [topicInfo('orders', [{ replicas: [1] }, { replicas: [2] }, { replicas: [3] }])] } }), expect: [{ kind: 'topic', name: 'orders', status: 'fail' }] },
  { name: 'prefix policy compares src.orders', snapshot: paired({}, { topics: { ok: true, value: [topicInfo('src.orders', three)] }, topicConfigs: { ok: true, value: { 'src.orders': { ...cfg(TOPIC_DEFAULTS), ...cfg({ 'min.insync.replicas': '1' }, 'topic') } } } }, PREFIX), expect: [{ kind: 'topic', name: 'orders', status: 'fail' }] },
  { name: 'allowTopics accepts an intended difference', snapshot: paired({}, targetCfg({ 'retention.ms': '1' })), options: { allowTopics: ['orders'] }, expect: { status: 'not-applicable' } },
  { name: 'source configs unreadable: unknown', snapshot: paired({ topicConfigs: deniedArtifact('DescribeConfigs') }), expect: { status: 'unknown', reason: /source topic configs unavailable/ } },
  { name: 'target configs unreadable: unknown', snapshot: paired({}, { topicConfigs: deniedArtifact('DescribeConfigs') }), expect: { status: 'unknown', missing: ['topicConfigs'] } },
]);
