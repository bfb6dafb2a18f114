import check from '../../../../checks/migration/rollback-path.js';
import { checkCases } from '../../../helpers/check-tester.js';
import { deniedArtifact, paired, PREFIX } from '../../../helpers/migration.js';
import { topicInfo } from '../../../helpers/snapshot.js';

const R = 'reverse replication (target → source)';
const onSource = (...names: string[]) => ({ topics: { ok: true as const, value: [topicInfo('orders', [{ replicas: [1] }]), ...names.map((n) => topicInfo(n, [{ replicas: [1] }]))] } });
checkCases(check, [
  { name: 'no reverse flow: fail', snapshot: paired(), expect: [{ kind: 'cluster', name: R, status: 'fail', severity: 'high' }] },
  { name: 'a plain heartbeats topic (a disabled flow writes it) is no proof', snapshot: paired(onSource('heartbeats'), {}, PREFIX), expect: [{ kind: 'cluster', name: R, status: 'fail' }] },
  { name: 'the reverse flow\'s checkpoints on the source: pass', snapshot: paired(onSource('tgt.checkpoints.internal'), {}, PREFIX), expect: [] },
  { name: 'the target\'s heartbeats replicated back: pass', snapshot: paired(onSource('tgt.heartbeats'), {}, PREFIX), expect: [] },
  { name: 'reverse-replicated topics under the prefix policy: pass', snapshot: paired(onSource('tgt.orders'), {}, PREFIX), expect: [] },
  { name: 'source topics unreadable: unknown', snapshot: paired({ topics: deniedArtifact('Metadata') }), expect: { status: 'unknown', reason: /source topics unavailable/ } },
]);
