import { describe, expect, it } from 'vitest';
import compactionTombstones from '../../../checks/retention/compaction-tombstones.js';
import { cfg, makeSnapshot, TOPIC_DEFAULTS, topicInfo } from '../../helpers/snapshot.js';
import { findingFor, runCheck } from '../../helpers/run-check.js';

const COMPACT = { 'cleanup.policy': 'compact', 'delete.retention.ms': '86400000', 'min.cleanable.dirty.ratio': '0.5' };
const snap = (values: Record<string, string>, cleaner = 'true') =>
  makeSnapshot({
    topics: { ok: true, value: [topicInfo('c', [{ replicas: [1, 2, 3] }]), topicInfo('d', [{ replicas: [1, 2, 3] }])] },
    topicConfigs: { ok: true, value: { c: cfg({ ...TOPIC_DEFAULTS, ...COMPACT, ...values }, 'topic'), d: cfg(TOPIC_DEFAULTS) } },
    brokerConfigs: { ok: true, value: { '1': cfg({ 'log.cleaner.enable': cleaner }, 'static-broker') } },
  });

describe('retention/compaction-tombstones', () => {
  it('passes Kafka defaults on a compacted topic and ignores delete-policy topics', () => {
    const r = runCheck(compactionTombstones, snap({}));
    expect(r.status).toBe('pass');
    expect(r.counts.resources).toBe(2); // broker 1 + topic c
  });

  it('warns a short delete.retention.ms with its source', () => {
    const f = findingFor(runCheck(compactionTombstones, snap({ 'delete.retention.ms': '60000' })), 'c')!;
    expect(f).toMatchObject({ status: 'warn', evidence: { config: 'delete.retention.ms', source: 'topic' } });
    expect(f.message).toMatch(/tombstones are dropped 60 s after compaction/);
  });

  it('warns extreme dirty ratios', () => {
    expect(findingFor(runCheck(compactionTombstones, snap({ 'min.cleanable.dirty.ratio': '0.95' })), 'c')!.message).toMatch(/grows to ~20× its compacted size/);
    expect(findingFor(runCheck(compactionTombstones, snap({ 'min.cleanable.dirty.ratio': '0.01' })), 'c')!.message).toMatch(/almost continuously/);
  });

  it('fails a disabled log cleaner', () => {
    const f = findingFor(runCheck(compactionTombstones, snap({}, 'false')), '1')!;
    expect(f).toMatchObject({ status: 'fail', resource: { kind: 'broker' }, evidence: { config: 'log.cleaner.enable', source: 'static-broker' } });
  });
});
