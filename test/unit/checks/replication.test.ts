import { describe, expect, it } from 'vitest';
import minIsr from '../../../checks/replication/min-insync-replicas.js';
import partitionHealth from '../../../checks/replication/partition-health.js';
import rackSpread from '../../../checks/replication/rack-spread.js';
import rf from '../../../checks/replication/replication-factor.js';
import unclean from '../../../checks/replication/unclean-leader-election.js';
import { cfg, makeSnapshot, TOPIC_DEFAULTS, topicInfo } from '../../helpers/snapshot.js';
import { findingFor, runCheck } from '../../helpers/run-check.js';

const topics = [
  topicInfo('good', [{ replicas: [1, 2, 3] }]),
  topicInfo('single', [{ replicas: [1] }]),
  topicInfo('double', [{ replicas: [1, 2] }]),
];

describe('replication/replication-factor', () => {
  it('fails RF 1, warns RF 2, passes RF 3 and ignores internal topics', () => {
    const s = makeSnapshot({ topics: { ok: true, value: [...topics, topicInfo('__consumer_offsets', [{ replicas: [1] }])] } });
    const r = runCheck(rf, s);
    expect(r.status).toBe('fail');
    expect(r.counts).toEqual({ resources: 3, pass: 1, warn: 1, fail: 1, waived: 0 });
    expect(findingFor(r, 'single')).toMatchObject({ status: 'fail', evidence: { observed: 1, expected: '>= 3' } });
    expect(findingFor(r, 'double')?.status).toBe('warn');
    expect(r.score).toBe(50);
  });
  it('honours the minReplicationFactor option', () => {
    const s = makeSnapshot({ topics: { ok: true, value: [topicInfo('double', [{ replicas: [1, 2] }])] } });
    expect(runCheck(rf, s, { options: { minReplicationFactor: 2 } }).status).toBe('pass');
  });
  it('is unknown when topics are missing', () => {
    const s = makeSnapshot({ topics: { ok: false, error: { reason: 'denied', message: 'Metadata failed with TOPIC_AUTHORIZATION_FAILED' } } });
    const r = runCheck(rf, s);
    expect(r.status).toBe('unknown');
    expect(r.reason).toMatch(/denied/);
    expect(r.score).toBeNull();
  });
});

describe('replication/min-insync-replicas', () => {
  it('fails min ISR >= RF with the config source, warns min ISR 1 on RF 3', () => {
    const s = makeSnapshot({
      topics: { ok: true, value: [topicInfo('a', [{ replicas: [1, 2, 3] }]), topicInfo('b', [{ replicas: [1, 2, 3] }]), topicInfo('c', [{ replicas: [1, 2, 3] }])] },
      topicConfigs: {
        ok: true,
        value: {
          a: cfg({ 'min.insync.replicas': '3' }, 'topic'),
          b: cfg({ 'min.insync.replicas': '1' }, 'static-broker'),
          c: cfg({ 'min.insync.replicas': '2' }, 'dynamic-default-broker'),
        },
      },
    });
    const r = runCheck(minIsr, s);
    expect(findingFor(r, 'a')).toMatchObject({ status: 'fail', evidence: { observed: 3, source: 'topic', config: 'min.insync.replicas' } });
    expect(findingFor(r, 'b')).toMatchObject({ status: 'warn', evidence: { source: 'static-broker' } });
    expect(findingFor(r, 'c')).toBeUndefined();
    expect(r.counts.pass).toBe(1);
  });
});

describe('replication/unclean-leader-election', () => {
  it('fails an enabled topic and names where the value came from', () => {
    const s = makeSnapshot({
      topicConfigs: { ok: true, value: { orders: cfg(TOPIC_DEFAULTS), risky: cfg({ 'unclean.leader.election.enable': 'true' }, 'topic') } },
    });
    const r = runCheck(unclean, s);
    expect(r.status).toBe('fail');
    expect(findingFor(r, 'risky')?.message).toContain('topic override');
    expect(findingFor(r, 'orders')).toBeUndefined();
  });
});

describe('replication/partition-health', () => {
  it('distinguishes offline, under-min-ISR and under-replicated partitions', () => {
    const s = makeSnapshot({
      topics: {
        ok: true,
        value: [
          topicInfo('t', [
            { replicas: [1, 2, 3] },
            { replicas: [1, 2, 3], isr: [1, 2] },
            { replicas: [1, 2, 3], isr: [1] },
            { replicas: [1, 2, 3], isr: [], leader: -1 },
          ]),
        ],
      },
      topicConfigs: { ok: true, value: { t: cfg({ 'min.insync.replicas': '2' }) } },
    });
    const r = runCheck(partitionHealth, s);
    // One finding per topic; its evidence names each affected partition and why.
    expect(r.counts).toEqual({ resources: 1, pass: 0, warn: 0, fail: 1, waived: 0 });
    const f = findingFor(r, 't')!;
    expect(f).toMatchObject({ resource: { kind: 'topic', name: 't' }, status: 'fail', severity: 'critical' });
    expect(f.message).toMatch(/^3 of 4 partition\(s\) unhealthy: 1 offline.*1 with ISR below min.insync.replicas 2.*1 under-replicated \(e.g. partition 1: broker\(s\) 3 not in sync; ISR at min.insync.replicas 2, one more failure/);
    expect(f.evidence?.observed).toEqual({ offline: 1, underMinIsr: 1, underReplicated: 1 });
    expect((f.evidence?.details as { partitions: { partition: number; state: string }[] }).partitions.map((p) => [p.partition, p.state])).toEqual([
      [1, 'under-replicated'],
      [2, 'under-min-isr'],
      [3, 'offline'],
    ]);
  });
  it('warns a topic whose partitions are only under-replicated and passes a healthy one', () => {
    const s = makeSnapshot({
      topics: { ok: true, value: [topicInfo('lagging', [{ replicas: [1, 2, 3], isr: [1, 2, 3] }, { replicas: [1, 2, 3], isr: [1, 2] }]), topicInfo('fine', [{ replicas: [1, 2, 3] }])] },
      topicConfigs: { ok: true, value: { lagging: cfg({ 'min.insync.replicas': '1' }), fine: cfg({}) } },
    });
    const r = runCheck(partitionHealth, s);
    expect(r.counts).toEqual({ resources: 2, pass: 1, warn: 1, fail: 0, waived: 0 });
    expect(findingFor(r, 'lagging')).toMatchObject({ resource: { kind: 'topic', name: 'lagging' }, status: 'warn' });
    expect(findingFor(r, 'fine')).toBeUndefined();
  });
});

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
