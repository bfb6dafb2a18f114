import { describe, expect, it } from 'vitest';
import segmentRolling from '../../../checks/retention/segment-rolling.js';
import { cfg, makeSnapshot, TOPIC_DEFAULTS, topicInfo } from '../../helpers/snapshot.js';
import { findingFor, runCheck } from '../../helpers/run-check.js';

const ROLL_DEFAULTS = { 'segment.ms': '604800000', 'segment.index.bytes': '10485760', 'index.interval.bytes': '4096' };
const one = (values: Record<string, string>) =>
  makeSnapshot({ topics: { ok: true, value: [topicInfo('t', [{ replicas: [1, 2, 3] }])] }, topicConfigs: { ok: true, value: { t: cfg({ ...TOPIC_DEFAULTS, ...ROLL_DEFAULTS, ...values }, 'topic') } } });

describe('retention/segment-rolling', () => {
  it('passes Kafka defaults (7 d segments, 7 d retention, 10 MiB index for 1 GiB segments)', () => {
    const r = runCheck(segmentRolling, one({}));
    expect(r.status).toBe('pass');
    expect(r.counts.resources).toBe(1);
  });

  it('warns when segment.ms outlives retention.ms, naming the config and its source', () => {
    const r = runCheck(segmentRolling, one({ 'retention.ms': '3600000' }));
    expect(findingFor(r, 't')).toMatchObject({ status: 'warn', evidence: { config: 'segment.ms', source: 'topic', observed: { 'segment.ms': 604800000, 'retention.ms': 3600000 } } });
    expect(findingFor(r, 't')!.message).toMatch(/segment\.ms 7 d > retention\.ms 60 min/);
  });

  it('does not compare with retention on compact-only topics, nor with infinite retention', () => {
    expect(runCheck(segmentRolling, one({ 'retention.ms': '3600000', 'cleanup.policy': 'compact' })).status).toBe('pass');
    expect(runCheck(segmentRolling, one({ 'retention.ms': '-1' })).status).toBe('pass');
  });

  it('warns an index too small for its segment, and very short segments', () => {
    const small = runCheck(segmentRolling, one({ 'segment.index.bytes': '4096' }));
    expect(findingFor(small, 't')).toMatchObject({ status: 'warn', evidence: { config: 'segment.index.bytes' } });
    expect(findingFor(small, 't')!.message).toMatch(/fills before a 1\.0 GiB segment/);
    expect(runCheck(segmentRolling, one({ 'segment.ms': '60000', 'retention.ms': '86400000' })).findings[0]!.message).toMatch(/rolls a new segment file/);
    expect(runCheck(segmentRolling, one({ 'segment.ms': '60000' }), { options: { minSegmentMs: 1000 } }).status).toBe('pass');
  });

  it('skips internal topics', () => {
    const s = makeSnapshot({ topics: { ok: true, value: [topicInfo('__consumer_offsets', [{ replicas: [1, 2, 3] }])] }, topicConfigs: { ok: true, value: { __consumer_offsets: cfg({ ...ROLL_DEFAULTS, 'retention.ms': '1000' }) } } });
    expect(runCheck(segmentRolling, s).status).toBe('not-applicable');
  });
});
