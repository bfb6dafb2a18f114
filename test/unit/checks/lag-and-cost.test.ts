import { describe, expect, it } from 'vitest';
import committedBelow from '../../../checks/consumer-lag/committed-below-log-start.js';
import groupLag from '../../../checks/consumer-lag/group-lag.js';
import recompression from '../../../checks/cost/broker-recompression.js';
import emptyTopics from '../../../checks/cost/empty-topics.js';
import partitionsPerBroker from '../../../checks/cost/partitions-per-broker.js';
import type { GroupInfo } from '../../../src/gather/snapshot.js';
import { cfg, makeSnapshot, TOPIC_DEFAULTS, topicInfo } from '../../helpers/snapshot.js';
import { findingFor, runCheck } from '../../helpers/run-check.js';

const group = (groupId: string): GroupInfo => ({ groupId, type: 'classic', protocolType: 'consumer', state: 'Empty', coordinator: 1, members: [] });

describe('consumer-lag/group-lag', () => {
  it('reports lag per group against the log end offset', () => {
    const s = makeSnapshot({
      groups: { ok: true, value: [group('fast'), group('slow')] },
      groupOffsets: { ok: true, value: { fast: { orders: { '0': '10' } }, slow: { orders: { '0': '0', '1': '5' } } } },
      offsets: { ok: true, value: { orders: { '0': { earliest: '0', latest: '10' }, '1': { earliest: '0', latest: '5000' } } } },
    });
    const r = runCheck(groupLag, s);
    expect(findingFor(r, 'fast')).toBeUndefined();
    expect(findingFor(r, 'slow')).toMatchObject({ status: 'warn', evidence: { observed: { totalLag: 5005, maxPartitionLag: 4995 } } });
  });
  it('is not applicable when no group committed', () => {
    expect(runCheck(groupLag, makeSnapshot()).status).toBe('not-applicable');
  });
});

describe('consumer-lag/committed-below-log-start', () => {
  it('fails a group whose committed offset was deleted under it', () => {
    const s = makeSnapshot({
      groups: { ok: true, value: [group('late')] },
      groupOffsets: { ok: true, value: { late: { orders: { '0': '3' } } } },
      offsets: { ok: true, value: { orders: { '0': { earliest: '10', latest: '20' } } } },
    });
    const r = runCheck(committedBelow, s);
    expect(r.status).toBe('fail');
    expect(r.findings[0]!.message).toMatch(/^7 record\(s\) on 1 partition/);
  });
});

describe('cost checks', () => {
  it('counts replicas per broker against the limits', () => {
    const many = Array.from({ length: 12 }, () => ({ replicas: [1, 2] }));
    const s = makeSnapshot({ topics: { ok: true, value: [topicInfo('big', many)] } });
    const r = runCheck(partitionsPerBroker, s, { options: { recommended: 5, maximum: 10 } });
    expect(findingFor(r, '1')?.status).toBe('fail');
    expect(findingFor(r, '3')).toBeUndefined();
  });
  it('warns on broker-side recompression', () => {
    const s = makeSnapshot({ topicConfigs: { ok: true, value: { orders: cfg({ ...TOPIC_DEFAULTS, 'compression.type': 'gzip' }, 'topic') } } });
    expect(runCheck(recompression, s).findings[0]).toMatchObject({ status: 'warn', evidence: { observed: 'gzip', source: 'topic' } });
  });
  it('warns on topics that hold no records', () => {
    const s = makeSnapshot({
      topics: { ok: true, value: [topicInfo('orders', [{ replicas: [1, 2, 3] }]), topicInfo('unused', [{ replicas: [1, 2, 3] }])] },
      offsets: { ok: true, value: { orders: { '0': { earliest: '0', latest: '5' } }, unused: { '0': { earliest: '0', latest: '0' } } } },
    });
    const r = runCheck(emptyTopics, s);
    expect(findingFor(r, 'unused')?.message).toBe('no record was ever written');
    expect(findingFor(r, 'orders')).toBeUndefined();
  });
});

describe('consumer-lag/group-lag per group pattern', () => {
  it('applies the first matching groupThresholds entry', () => {
    const s = makeSnapshot({
      groups: { ok: true, value: [group('batch-nightly'), group('online')] },
      groupOffsets: { ok: true, value: { 'batch-nightly': { orders: { '0': '0' } }, online: { orders: { '0': '0' } } } },
      offsets: { ok: true, value: { orders: { '0': { earliest: '0', latest: '5000' } } } },
    });
    const r = runCheck(groupLag, s, { options: { groupThresholds: [{ groups: ['batch-*'], warnLag: 100000 }] } });
    expect(findingFor(r, 'batch-nightly')).toBeUndefined();
    expect(findingFor(r, 'online')?.status).toBe('warn');
  });
});
