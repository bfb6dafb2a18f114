import { describe, expect, it } from 'vitest';
import replicationThrottles from '../../../checks/replication/replication-throttles.js';
import { cfg, makeSnapshot, TOPIC_DEFAULTS, topicInfo } from '../../helpers/snapshot.js';
import { findingFor, runCheck } from '../../helpers/run-check.js';

const snap = (topicValues: Record<string, string>, brokerValues: Record<string, string> = {}) =>
  makeSnapshot({
    topics: { ok: true, value: [topicInfo('t', [{ replicas: [1, 2, 3] }])] },
    topicConfigs: { ok: true, value: { t: cfg({ ...TOPIC_DEFAULTS, 'leader.replication.throttled.replicas': '', 'follower.replication.throttled.replicas': '', ...topicValues }, 'topic') } },
    brokerConfigs: { ok: true, value: { '1': cfg(brokerValues, 'dynamic-broker') } },
  });

describe('replication/replication-throttles', () => {
  it('passes topics without throttled replicas', () => {
    const r = runCheck(replicationThrottles, snap({}));
    expect(r.status).toBe('pass');
    expect(r.counts.resources).toBe(1);
  });

  it('warns throttled replicas left on a topic, with the config and its source', () => {
    const f = findingFor(runCheck(replicationThrottles, snap({ 'leader.replication.throttled.replicas': '0:1,1:2' })), 't')!;
    expect(f).toMatchObject({ status: 'warn', evidence: { config: 'leader.replication.throttled.replicas', source: 'topic', observed: 'leader.replication.throttled.replicas=0:1,1:2' } });
  });

  it('warns a broker throttle rate when the broker reports one', () => {
    const r = runCheck(replicationThrottles, snap({}, { 'follower.replication.throttled.rate': '1048576' }));
    expect(findingFor(r, '1')).toMatchObject({ status: 'warn', resource: { kind: 'broker' }, evidence: { config: 'follower.replication.throttled.rate', source: 'dynamic-broker' } });
  });
});
