import { describe, expect, it } from 'vitest';
import flushSettings from '../../../checks/replication/flush-settings.js';
import type { ConfigMap } from '../../../src/gather/snapshot.js';
import { cfg, makeSnapshot, TOPIC_DEFAULTS, topicInfo } from '../../helpers/snapshot.js';
import { findingFor, runCheck } from '../../helpers/run-check.js';

const NEVER = '9223372036854775807';
const snap = (topic: ConfigMap, broker: Record<string, string | null> = {}) =>
  makeSnapshot({
    topics: { ok: true, value: [topicInfo('t', [{ replicas: [1, 2, 3] }])] },
    topicConfigs: { ok: true, value: { t: topic } },
    brokerConfigs: { ok: true, value: { '1': cfg({ 'log.flush.interval.messages': NEVER, 'log.flush.interval.ms': null, ...broker }, 'static-broker') } },
  });

describe('replication/flush-settings', () => {
  it('passes the Kafka defaults (never force a flush)', () => {
    const r = runCheck(flushSettings, snap(cfg({ ...TOPIC_DEFAULTS, 'flush.messages': NEVER, 'flush.ms': NEVER })));
    expect(r.status).toBe('pass');
    expect(r.counts.resources).toBe(2);
  });

  it('warns a topic override and names where it came from', () => {
    const t = cfg({ ...TOPIC_DEFAULTS, 'flush.messages': '1', 'flush.ms': NEVER }, 'topic');
    t['flush.messages']!.synonyms = [{ name: 'flush.messages', value: '1', source: 'topic' }];
    const f = findingFor(runCheck(flushSettings, snap(t)), 't')!;
    expect(f).toMatchObject({ status: 'warn', evidence: { config: 'flush.messages', source: 'topic', observed: 'flush.messages=1', details: { from: 'topic override (flush.messages)' } } });
  });

  it('warns a broker-wide flush interval, and the topics inheriting it', () => {
    const t = cfg({ ...TOPIC_DEFAULTS, 'flush.messages': NEVER, 'flush.ms': '1000' }, 'static-broker');
    t['flush.ms']!.synonyms = [{ name: 'log.flush.interval.ms', value: '1000', source: 'static-broker' }];
    const r = runCheck(flushSettings, snap(t, { 'log.flush.interval.ms': '1000' }));
    expect(findingFor(r, '1')).toMatchObject({ status: 'warn', evidence: { config: 'log.flush.interval.ms', observed: 'log.flush.interval.ms=1000' } });
    expect(findingFor(r, 't')!.message).toMatch(/flush\.ms=1000 \(static broker config \(server\.properties\) \(log\.flush\.interval\.ms\)\)/);
  });
});
