import { describe, expect, it } from 'vitest';
import minIsr from '../../../checks/replication/min-insync-replicas.js';
import partitionHealth from '../../../checks/replication/partition-health.js';
import rackSpread from '../../../checks/replication/rack-spread.js';
import { cfg, makeSnapshot, topicInfo } from '../../helpers/snapshot.js';
import { findingFor, runCheck } from '../../helpers/run-check.js';

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
    expect(r.counts).toEqual({ resources: 4, pass: 1, warn: 1, fail: 2, waived: 0 });
    expect(findingFor(r, 't-1')?.message).toMatch(/under-replicated.*broker\(s\) 3.*one more failure/);
    expect(findingFor(r, 't-2')?.message).toMatch(/ISR 1 < min.insync.replicas 2/);
    expect(findingFor(r, 't-3')?.message).toMatch(/offline/);
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
