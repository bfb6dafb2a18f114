import { describe, expect, it } from 'vitest';
import internalTopics from '../../../checks/replication/internal-topics.js';
import kraftQuorum from '../../../checks/replication/kraft-quorum.js';
import leaderBalance from '../../../checks/replication/preferred-leader-balance.js';
import topicPolicy from '../../../checks/replication/topic-policy.js';
import zoneLoss from '../../../checks/replication/zone-loss.js';
import type { ConfigMap } from '../../../src/gather/snapshot.js';
import { cfg, makeSnapshot, TOPIC_DEFAULTS, topicInfo } from '../../helpers/snapshot.js';
import { findingFor, runCheck } from '../../helpers/run-check.js';
import { defaultConfig } from '../../../src/config/readiness.js';
import { evaluateChecks } from '../../../src/engine/evaluate.js';

function brokerSnapshot(values: Record<string, string>) {
  const s = makeSnapshot();
  const base = (s.artifacts.brokerConfigs as { ok: true; value: Record<string, ConfigMap> }).value['1']!;
  s.artifacts.brokerConfigs = { ok: true, value: { '1': { ...base, ...cfg(values, 'static-broker') } } };
  return s;
}

describe('replication/zone-loss', () => {
  it('names the partitions each rack would take offline, block or under-replicate', () => {
    const s = makeSnapshot({
      topics: {
        ok: true,
        value: [
          topicInfo('spread', [{ replicas: [1, 2, 3] }]),
          topicInfo('strict', [{ replicas: [1, 2, 3] }]),
          topicInfo('single', [{ replicas: [3] }]),
        ],
      },
      topicConfigs: { ok: true, value: { spread: cfg({ 'min.insync.replicas': '2' }), strict: cfg({ 'min.insync.replicas': '3' }), single: cfg({ 'min.insync.replicas': '1' }) } },
    });
    const r = runCheck(zoneLoss, s);
    const c = findingFor(r, 'rack-c')!;
    expect(c.status).toBe('fail');
    expect(c.evidence?.details).toMatchObject({ brokers: [3], offline: ['single-0'], writesBlocked: ['strict-0'], underReplicated: ['spread-0', 'strict-0', 'single-0'] });
    expect(findingFor(r, 'rack-a')?.evidence?.details).toMatchObject({ offline: [], writesBlocked: ['strict-0'] });
  });
  it('treats each broker as a zone when there are no racks', () => {
    const s = makeSnapshot();
    if (s.artifacts.cluster.ok) for (const b of s.artifacts.cluster.value.brokers) b.rack = null;
    const r = runCheck(zoneLoss, s);
    expect(r.counts.resources).toBe(3);
    expect(r.status).toBe('pass');
  });
  it('is not applicable on shared-storage platforms', () => {
    const config = defaultConfig();
    config.platform = 'automq';
    const [r] = evaluateChecks(makeSnapshot(), [{ check: zoneLoss, origin: 'built-in' }], config);
    expect(r).toMatchObject({ status: 'not-applicable', reason: expect.stringMatching(/^automq: data lives on shared storage/) });
  });
});

describe('replication/preferred-leader-balance', () => {
  it('warns a broker that leads few of its preferred partitions', () => {
    const parts = [{ replicas: [1, 2, 3], leader: 2 }, { replicas: [1, 2, 3], leader: 1 }, { replicas: [2, 3, 1] }];
    const r = runCheck(leaderBalance, makeSnapshot({ topics: { ok: true, value: [topicInfo('t', parts)] } }));
    expect(findingFor(r, '1')).toMatchObject({ status: 'warn', evidence: { observed: '50 % (1 of 2 preferred partitions led elsewhere)' } });
    expect(findingFor(r, '2')).toBeUndefined();
  });
});

describe('replication/internal-topics', () => {
  it('fails an RF 1 offsets topic and a future transaction log with RF 1', () => {
    const s = brokerSnapshot({ 'transaction.state.log.replication.factor': '1', 'transaction.state.log.min.isr': '1' });
    s.artifacts.topics = { ok: true, value: [topicInfo('__consumer_offsets', [{ replicas: [1] }])] };
    s.artifacts.topicConfigs = { ok: true, value: { __consumer_offsets: cfg({ 'min.insync.replicas': '2' }) } };
    const r = runCheck(internalTopics, s);
    expect(findingFor(r, '__consumer_offsets')?.message).toBe('replication factor 1');
    expect(findingFor(r, 'transaction.state.log.replication.factor')?.message).toMatch(/does not exist yet and will be created with replication factor 1/);
  });
});

describe('replication/kraft-quorum', () => {
  const now = Date.parse('2026-11-22T12:00:00.000Z');
  // A lagging voter still fetches (lastFetchTimestamp recent); one that stopped fetching is down (kraft-quorum.test.ts).
  const voter = (id: number, leo: string, caught: string) => ({ id, logEndOffset: leo, lastFetchTimestamp: String(now), lastCaughtUpTimestamp: caught });
  it('passes 3 caught-up voters, fails 1, warns even counts and lagging voters', () => {
    const q = (voters: ReturnType<typeof voter>[]) => makeSnapshot({ quorum: { ok: true, value: { leaderId: 1, leaderEpoch: 3, highWatermark: '100', voters, observers: [] } } });
    expect(runCheck(kraftQuorum, q([voter(1, '100', String(now)), voter(2, '100', String(now)), voter(3, '99', String(now - 100))])).status).toBe('pass');
    expect(runCheck(kraftQuorum, q([voter(1, '100', String(now))])).status).toBe('fail');
    expect(runCheck(kraftQuorum, q([voter(1, '100', String(now)), voter(2, '100', String(now))])).findings[0]!.message).toMatch(/2 voters tolerate no more failures than 1/);
    const lagging = runCheck(kraftQuorum, q([voter(1, '50000', String(now)), voter(2, '50000', String(now)), voter(3, '10', String(now - 600_000))]));
    expect(findingFor(lagging, '3')).toMatchObject({ status: 'warn', evidence: { observed: { offsetLag: 49990, msSinceCaughtUp: 600000 } } });
  });
});

describe('replication/topic-policy', () => {
  it('checks RF and min ISR of matching topics against the declared policy', () => {
    const config = defaultConfig();
    config.policy.topicPolicies = [{ topics: ['payments.*'], origin: 'r.yaml:3:5', replicationFactor: { min: 3 }, minInsyncReplicas: { min: 2 } }];
    const s = makeSnapshot({
      topics: { ok: true, value: [topicInfo('payments.in', [{ replicas: [1, 2] }]), topicInfo('payments.ok', [{ replicas: [1, 2, 3] }]), topicInfo('other', [{ replicas: [1] }])] },
      topicConfigs: { ok: true, value: { 'payments.in': cfg(TOPIC_DEFAULTS), 'payments.ok': cfg(TOPIC_DEFAULTS), other: cfg(TOPIC_DEFAULTS) } },
    });
    const [r] = evaluateChecks(s, [{ check: topicPolicy, origin: 'built-in' }], config);
    expect(r!.counts).toEqual({ resources: 2, pass: 1, warn: 0, fail: 1, waived: 0 });
    expect(r!.findings[0]).toMatchObject({ resource: { name: 'payments.in' }, evidence: { details: { policyAt: 'r.yaml:3:5' } } });
    expect(runCheck(topicPolicy, s).status).toBe('not-applicable');
  });
});
