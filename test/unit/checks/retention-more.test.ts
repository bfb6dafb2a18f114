import { describe, expect, it } from 'vitest';
import compaction from '../../../checks/retention/compaction-settings.js';
import projectedDisk from '../../../checks/retention/projected-disk.js';
import tiered from '../../../checks/retention/tiered-storage.js';
import timestamps from '../../../checks/retention/timestamp-settings.js';
import topicPolicy from '../../../checks/retention/topic-policy.js';
import { defaultConfig, parseDuration } from '../../../src/config/readiness.js';
import { evaluateChecks } from '../../../src/engine/evaluate.js';
import { cfg, makeSnapshot, TOPIC_DEFAULTS, topicInfo } from '../../helpers/snapshot.js';
import { findingFor, runCheck } from '../../helpers/run-check.js';

const one = (name: string, values: Record<string, string>) =>
  makeSnapshot({ topics: { ok: true, value: [topicInfo(name, [{ replicas: [1, 2, 3] }])] }, topicConfigs: { ok: true, value: { [name]: cfg({ ...TOPIC_DEFAULTS, ...values }, 'topic') } } });

describe('retention/compaction-settings', () => {
  it('fails min.compaction.lag.ms above max.compaction.lag.ms on compacted topics', () => {
    expect(runCheck(compaction, one('c', { 'cleanup.policy': 'compact', 'min.compaction.lag.ms': '7200000', 'max.compaction.lag.ms': '3600000' })).status).toBe('fail');
    expect(runCheck(compaction, one('c', { 'cleanup.policy': 'compact', 'min.compaction.lag.ms': '0', 'max.compaction.lag.ms': '3600000' })).status).toBe('pass');
    expect(runCheck(compaction, one('d', {})).status).toBe('not-applicable');
  });
});

describe('retention/timestamp-settings', () => {
  it('warns CreateTime topics that accept unlimited future timestamps', () => {
    const r = runCheck(timestamps, one('t', { 'message.timestamp.type': 'CreateTime', 'message.timestamp.after.max.ms': '9223372036854775807' }));
    expect(r.findings[0]).toMatchObject({ status: 'warn', evidence: { observed: 'unlimited', config: 'message.timestamp.after.max.ms' } });
    expect(runCheck(timestamps, one('t', { 'message.timestamp.type': 'CreateTime', 'message.timestamp.after.max.ms': '3600000' })).status).toBe('pass');
    expect(runCheck(timestamps, one('t', { 'message.timestamp.type': 'LogAppendTime' })).status).toBe('pass');
  });
});

describe('retention/tiered-storage', () => {
  it('fails local retention above total retention and tiered compacted topics', () => {
    const r = runCheck(tiered, one('t', { 'remote.storage.enable': 'true', 'retention.ms': '86400000', 'local.retention.ms': '172800000' }));
    expect(r.findings[0]!.message).toMatch(/local.retention.ms 2 d > retention.ms 24 h/);
    expect(runCheck(tiered, one('t', { 'remote.storage.enable': 'true', 'cleanup.policy': 'compact' })).status).toBe('fail');
    expect(runCheck(tiered, one('t', { 'remote.storage.enable': 'true', 'local.retention.ms': '-2' })).status).toBe('pass');
    expect(runCheck(tiered, one('t', {})).status).toBe('not-applicable');
  });
});

describe('retention/projected-disk', () => {
  it('sums finite retention.bytes per broker against log dir capacity', () => {
    const s = one('big', { 'retention.bytes': '900' });
    const r = runCheck(projectedDisk, s);
    expect(r.findings.map((f) => f.status)).toEqual(['warn', 'warn', 'warn']); // 900 of 1000 bytes on each broker
    expect(runCheck(projectedDisk, one('big', { 'retention.bytes': '2000' })).status).toBe('fail');
    expect(runCheck(projectedDisk, one('big', { 'retention.bytes': '-1' })).findings).toEqual([]);
  });
});

describe('retention/topic-policy', () => {
  it('checks the replay window and cleanup policy of matching topics', () => {
    const config = defaultConfig();
    config.policy.topicPolicies = [{ topics: ['payments.*'], origin: 'r.yaml:2:5', retentionMs: { min: parseDuration('7d')!, max: parseDuration('30d')! }, cleanupPolicy: 'delete' }];
    const s = makeSnapshot({
      topics: { ok: true, value: ['payments.a', 'payments.b', 'payments.c'].map((n) => topicInfo(n, [{ replicas: [1, 2, 3] }])) },
      topicConfigs: {
        ok: true,
        value: {
          'payments.a': cfg({ ...TOPIC_DEFAULTS, 'retention.ms': String(14 * 86_400_000) }),
          'payments.b': cfg({ ...TOPIC_DEFAULTS, 'retention.ms': '-1' }),
          'payments.c': cfg({ ...TOPIC_DEFAULTS, 'retention.ms': String(86_400_000), 'cleanup.policy': 'compact' }),
        },
      },
    });
    const [r] = evaluateChecks(s, [{ check: topicPolicy, origin: 'built-in' }], config);
    expect(findingFor(r!, 'payments.a')).toBeUndefined();
    expect(findingFor(r!, 'payments.b')?.message).toMatch(/retention unlimited \(policy 7 d – 30 d\)/);
    expect(findingFor(r!, 'payments.c')?.message).toMatch(/retention 24 h .*cleanup.policy compact \(policy delete\)/);
  });
  it('parses durations', () => {
    expect(parseDuration('7d')).toBe(604_800_000);
    expect(parseDuration('36h')).toBe(129_600_000);
    expect(parseDuration(1000)).toBe(1000);
    expect(parseDuration('soon')).toBeNull();
  });
});
