import check from '../../../../checks/migration/topics-mirrored.js';
import { checkCases } from '../../../helpers/check-tester.js';
import { deniedArtifact, paired, PREFIX } from '../../../helpers/migration.js';
import { makeSnapshot, topicInfo } from '../../../helpers/snapshot.js';

const three = [{ replicas: [1] }, { replicas: [2] }, { replicas: [3] }];
checkCases(check, [
  { name: 'same topics, identity names: pass', snapshot: paired(), expect: [], counts: { pass: 1 } },
  { name: 'topic missing on the target', snapshot: paired({ topics: { ok: true, value: [topicInfo('orders', three), topicInfo('audit', [{ replicas: [1] }])] } }), expect: [{ kind: 'topic', name: 'audit', status: 'fail', severity: 'high' }] },
  { name: 'other partition count', snapshot: paired({}, { topics: { ok: true, value: [topicInfo('orders', [{ replicas: [1] }])] } }), expect: [{ kind: 'topic', name: 'orders', status: 'fail', severity: 'high', message: /3 partitions on the source but orders has 1/ }] },
  { name: 'prefix policy: src.orders on the target passes', snapshot: paired({}, { topics: { ok: true, value: [topicInfo('src.orders', three)] } }, PREFIX), expect: [] },
  { name: 'prefix policy: identical name on the target is not the mirror', snapshot: paired({}, {}, PREFIX), expect: [{ kind: 'topic', name: 'orders', status: 'fail' }] },
  { name: 'replication infrastructure and reverse-replicated topics are not migrated', snapshot: paired({ topics: { ok: true, value: [topicInfo('orders', three), topicInfo('heartbeats', [{ replicas: [1] }]), topicInfo('mm2-offset-syncs.tgt.internal', [{ replicas: [1] }]), topicInfo('tgt.orders', three)] } }, { topics: { ok: true, value: [topicInfo('src.orders', three)] } }, PREFIX), expect: [] },
  { name: 'allowTopics leaves a topic behind', snapshot: paired({ topics: { ok: true, value: [topicInfo('orders', three), topicInfo('audit', [{ replicas: [1] }])] } }), options: { allowTopics: ['audit'] }, expect: [] },
  { name: 'source topics unreadable: unknown', snapshot: paired({ topics: deniedArtifact('Metadata') }), expect: { status: 'unknown', reason: /source topics unavailable/ } },
  { name: 'target topics unreadable: unknown', snapshot: paired({}, { topics: deniedArtifact('Metadata') }), expect: { status: 'unknown', missing: ['topics'] } },
  { name: 'ordinary scan: migration not requested', snapshot: makeSnapshot(), expect: { status: 'not-applicable' } },
]);
