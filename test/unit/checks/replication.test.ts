import { describe, expect, it } from 'vitest';
import rackSpread from '../../../checks/replication/rack-spread.js';
import { makeSnapshot, topicInfo } from '../../helpers/snapshot.js';
import { findingFor, runCheck } from '../../helpers/run-check.js';

describe('replication/rack-spread', () => {
  it('fails a topic whose replicas share one rack', () => {
    const s = makeSnapshot({
      cluster: {
        ok: true,
        value: {
          clusterId: 'x',
          controllerId: 1,
          authorizedOperations: null,
          brokers: [
            { id: 1, host: 'h', port: 1, rack: 'a' },
            { id: 2, host: 'h', port: 2, rack: 'a' },
            { id: 3, host: 'h', port: 3, rack: 'b' },
          ],
        },
      },
      topics: { ok: true, value: [topicInfo('spread', [{ replicas: [1, 3] }]), topicInfo('clumped', [{ replicas: [1, 2] }])] },
    });
    const r = runCheck(rackSpread, s);
    expect(findingFor(r, 'clumped')?.status).toBe('fail');
    expect(findingFor(r, 'spread')).toBeUndefined();
  });
  it('fails the cluster when no broker has a rack', () => {
    const s = makeSnapshot();
    if (s.artifacts.cluster.ok) for (const b of s.artifacts.cluster.value.brokers) b.rack = null;
    const r = runCheck(rackSpread, s);
    expect(r.findings[0]).toMatchObject({ resource: { kind: 'cluster' }, status: 'fail' });
  });
});
