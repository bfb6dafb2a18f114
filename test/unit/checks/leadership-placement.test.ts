import { describe, expect, it } from 'vitest';
import leadershipPlacement from '../../../checks/replication/leadership-placement.js';
import { makeSnapshot, topicInfo } from '../../helpers/snapshot.js';
import { findingFor, runCheck } from '../../helpers/run-check.js';

const rotated = (name: string, n: number) => topicInfo(name, Array.from({ length: n }, (_, i) => ({ replicas: [1, 2, 3].map((b) => ((b + i - 1) % 3) + 1) })));
const snap = (...topics: ReturnType<typeof topicInfo>[]) => makeSnapshot({ topics: { ok: true, value: topics } });

describe('replication/leadership-placement', () => {
  it('passes preferred leaders rotated over the brokers, topic and cluster', () => {
    const r = runCheck(leadershipPlacement, snap(rotated('a', 6), rotated('b', 3)));
    expect(r.status).toBe('pass');
    expect(r.findings).toEqual([]);
    expect(r.counts.resources).toBe(4); // 2 topics + current and preferred leaders
  });

  it('warns a topic whose preferred leaders all sit on one broker, even when leadership is on them', () => {
    const hot = topicInfo('hot', [{ replicas: [1, 2, 3] }, { replicas: [1, 3, 2] }, { replicas: [1, 2, 3] }]);
    const r = runCheck(leadershipPlacement, snap(hot, rotated('a', 6)));
    expect(findingFor(r, 'hot')).toMatchObject({ status: 'warn', evidence: { observed: { preferredLeaders: [1], partitions: 3 } } });
    expect(findingFor(r, 'a')).toBeUndefined();
  });

  it('warns when most of the cluster\'s current leaders sit on one broker', () => {
    // Preferred leaders rotate, but broker 1 leads 10 of 12 partitions now.
    const t = topicInfo('a', Array.from({ length: 12 }, (_, i) => ({ replicas: [1, 2, 3].map((b) => ((b + i - 1) % 3) + 1), leader: i < 10 ? 1 : ((i % 3) + 1) })));
    const r = runCheck(leadershipPlacement, snap(t));
    expect(findingFor(r, 'current leaders')).toMatchObject({ status: 'warn', evidence: { observed: '83.3 % (10 of 12 partitions) on broker 1' } });
    expect(findingFor(r, 'preferred leaders')).toBeUndefined();
  });

  it('skips single-partition topics and topics on one broker; not applicable on one broker', () => {
    const r = runCheck(leadershipPlacement, snap(topicInfo('one', [{ replicas: [1, 2, 3] }]), topicInfo('pinned', [{ replicas: [3] }, { replicas: [3] }])));
    expect(r.status).toBe('not-applicable');
    const single = makeSnapshot({ cluster: { ok: true, value: { clusterId: 'c', controllerId: 1, brokers: [{ id: 1, host: 'h', port: 1, rack: null }], authorizedOperations: null } } });
    expect(runCheck(leadershipPlacement, single).status).toBe('not-applicable');
  });
});
