import check from '../../../../checks/migration/topics-mirrored.js';
import { checkCases } from '../../../helpers/check-tester.js';
import { deniedArtifact, paired, PREFIX } from '../../../helpers/migration.js';
import { makeSnapshot, topicInfo } from '../../../helpers/snapshot.js';
import { parseReadinessConfig } from '../../../../src/config/readiness.js';

// The explicit table as readiness.yaml declares it (the real parser), renaming orders and keeping audit.
const EXPLICIT = parseReadinessConfig('migration:\n  policy: explicit\n  topics:\n    orders: orders-v2\n', 'readiness.yaml').migration!;

const three = [{ replicas: [1] }, { replicas: [2] }, { replicas: [3] }];
checkCases(check, [
  { name: 'same topics, identity names: pass', snapshot: paired(), expect: [], counts: { pass: 1 } },
  { name: 'topic missing on the target', snapshot: paired({ topics: { ok: true, value: [topicInfo('orders', three), topicInfo('audit', [{ replicas: [1] }])] } }), expect: [{ kind: 'topic', name: 'audit', status: 'fail', severity: 'high' }] },
  { name: 'other partition count', snapshot: paired({}, { topics: { ok: true, value: [topicInfo('orders', [{ replicas: [1] }])] } }), expect: [{ kind: 'topic', name: 'orders', status: 'fail', severity: 'high', message: /3 partitions on the source but orders has 1/ }] },
  { name: 'prefix policy: src.orders on the target passes', snapshot: paired({}, { topics: { ok: true, value: [topicInfo('src.orders', three)] } }, PREFIX), expect: [] },
  { name: 'prefix policy: identical name on the target is not the mirror', snapshot: paired({}, {}, PREFIX), expect: [{ kind: 'topic', name: 'orders', status: 'fail' }] },
  { name: 'replication infrastructure and reverse-replicated topics are not migrated', snapshot: paired({ topics: { ok: true, value: [topicInfo('orders', three), topicInfo('heartbeats', [{ replicas: [1] }]), topicInfo('mm2-offset-syncs.tgt.internal', [{ replicas: [1] }]), topicInfo('tgt.orders', three)] } }, { topics: { ok: true, value: [topicInfo('src.orders', three)] } }, PREFIX), expect: [] },
  { name: 'explicit table: the renamed topic is matched, no missing finding', snapshot: paired({ topics: { ok: true, value: [topicInfo('orders', three), topicInfo('audit', [{ replicas: [1] }])] } }, { topics: { ok: true, value: [topicInfo('orders-v2', three), topicInfo('audit', [{ replicas: [1] }])] } }, EXPLICIT), expect: [] },
  { name: 'explicit table: the old name on the target is not the renamed topic', snapshot: paired({}, {}, EXPLICIT), expect: [{ kind: 'topic', name: 'orders', status: 'fail', severity: 'high', message: /orders-v2/ }] },
  { name: 'explicit table: partition counts compare under the new name', snapshot: paired({}, { topics: { ok: true, value: [topicInfo('orders-v2', [{ replicas: [1] }])] } }, EXPLICIT), expect: [{ kind: 'topic', name: 'orders', status: 'fail', severity: 'high', message: /orders-v2 has 1/ }] },
  { name: 'allowTopics leaves a topic behind', snapshot: paired({ topics: { ok: true, value: [topicInfo('orders', three), topicInfo('audit', [{ replicas: [1] }])] } }), options: { allowTopics: ['audit'] }, expect: [] },
  { name: 'source topics unreadable: unknown', snapshot: paired({ topics: deniedArtifact('Metadata') }), expect: { status: 'unknown', reason: /source topics unavailable/ } },
  { name: 'target topics unreadable: unknown', snapshot: paired({}, { topics: deniedArtifact('Metadata') }), expect: { status: 'unknown', missing: ['topics'] } },
  { name: 'ordinary scan: migration not requested', snapshot: makeSnapshot(), expect: { status: 'not-applicable' } },
]);
