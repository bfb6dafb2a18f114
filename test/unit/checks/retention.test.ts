import { describe, expect, it } from 'vitest';
import diskHeadroom from '../../../checks/retention/disk-headroom.js';
import infinite from '../../../checks/retention/infinite-retention.js';
import offsetsRetention from '../../../checks/retention/offsets-retention.js';
import bytesVsSegment from '../../../checks/retention/retention-bytes-vs-segment.js';
import { cfg, makeSnapshot, TOPIC_DEFAULTS, topicInfo } from '../../helpers/snapshot.js';
import { findingFor, runCheck } from '../../helpers/run-check.js';

const twoTopics = { ok: true as const, value: [topicInfo('orders', [{ replicas: [1, 2, 3] }]), topicInfo('forever', [{ replicas: [1, 2, 3] }])] };

describe('retention/infinite-retention', () => {
  it('warns on unlimited delete-policy topics unless allowed', () => {
    const s = makeSnapshot({
      topics: twoTopics,
      topicConfigs: { ok: true, value: { orders: cfg(TOPIC_DEFAULTS), forever: cfg({ ...TOPIC_DEFAULTS, 'retention.ms': '-1' }, 'topic') } },
    });
    const r = runCheck(infinite, s);
    expect(findingFor(r, 'forever')).toMatchObject({ status: 'warn', evidence: { source: 'topic' } });
    expect(findingFor(r, 'orders')).toBeUndefined();
    expect(runCheck(infinite, s, { options: { allowTopics: ['forev*'] } }).status).toBe('pass');
  });
  it('ignores compacted topics', () => {
    const s = makeSnapshot({ topicConfigs: { ok: true, value: { orders: cfg({ ...TOPIC_DEFAULTS, 'retention.ms': '-1', 'cleanup.policy': 'compact' }) } } });
    expect(runCheck(infinite, s).status).toBe('not-applicable');
  });
});

describe('retention/retention-bytes-vs-segment', () => {
  it('warns when retention.bytes is below one segment', () => {
    const s = makeSnapshot({ topicConfigs: { ok: true, value: { orders: cfg({ ...TOPIC_DEFAULTS, 'retention.bytes': '1048576' }, 'topic') } } });
    const r = runCheck(bytesVsSegment, s);
    expect(r.status).toBe('warn');
    expect(r.findings[0]!.message).toContain('1.0 MiB');
  });
});

describe('retention/disk-headroom', () => {
  it('fails below 10 %, warns below 25 %, fails on log dir errors', () => {
    const s = makeSnapshot({
      logDirs: {
        ok: true,
        value: {
          '1': [{ path: '/a', error: null, totalBytes: 1000, usableBytes: 50, topics: {} }],
          '2': [{ path: '/a', error: null, totalBytes: 1000, usableBytes: 200, topics: {} }],
          '3': [{ path: '/a', error: 'KAFKA_STORAGE_ERROR', totalBytes: -1, usableBytes: -1, topics: {} }],
        },
      },
    });
    const r = runCheck(diskHeadroom, s);
    expect(findingFor(r, '1:/a')?.status).toBe('fail');
    expect(findingFor(r, '2:/a')?.status).toBe('warn');
    expect(findingFor(r, '3:/a')?.message).toContain('KAFKA_STORAGE_ERROR');
  });
  it('is unknown when brokers report no totals', () => {
    const s = makeSnapshot({ logDirs: { ok: true, value: { '1': [{ path: '/a', error: null, totalBytes: -1, usableBytes: -1, topics: {} }] } } });
    expect(runCheck(diskHeadroom, s)).toMatchObject({ status: 'unknown', score: null });
  });
});

describe('retention/offsets-retention', () => {
  it('warns when a consumed topic keeps data longer than committed offsets', () => {
    const s = makeSnapshot({
      topics: twoTopics,
      topicConfigs: { ok: true, value: { orders: cfg(TOPIC_DEFAULTS), forever: cfg({ ...TOPIC_DEFAULTS, 'retention.ms': '-1' }) } },
      groupOffsets: { ok: true, value: { g1: { orders: { '0': '1' }, forever: { '0': '1' } } } },
    });
    const r = runCheck(offsetsRetention, s);
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0]).toMatchObject({ resource: { kind: 'cluster' }, status: 'warn', evidence: { observed: { 'offsets.retention.minutes': 10080, topicsOutliving: [{ topic: 'forever', retention: 'indefinite' }] } } });
    expect(r.findings[0]!.message).toMatch(/expire after 7 d but 1 consumed topic/);
  });
});
