import { describe, expect, it } from 'vitest';
import messageSizeChain from '../../../checks/retention/message-size-chain.js';
import { cfg, makeSnapshot, TOPIC_DEFAULTS, topicInfo } from '../../helpers/snapshot.js';
import { findingFor, runCheck } from '../../helpers/run-check.js';

const BROKER = { 'message.max.bytes': '1048588', 'replica.fetch.max.bytes': '1048576', 'socket.request.max.bytes': '104857600' };
const snap = (topicMax: string, broker: Record<string, string> = {}) =>
  makeSnapshot({
    topics: { ok: true, value: [topicInfo('t', [{ replicas: [1, 2, 3] }])] },
    topicConfigs: { ok: true, value: { t: cfg({ ...TOPIC_DEFAULTS, 'max.message.bytes': topicMax }, 'topic') } },
    brokerConfigs: { ok: true, value: Object.fromEntries(['1', '2', '3'].map((id) => [id, cfg({ ...BROKER, ...(id === '2' ? broker : {}) }, 'static-broker')])) },
  });

describe('retention/message-size-chain', () => {
  it("passes Kafka's own defaults (message.max.bytes is 12 bytes of log overhead above replica.fetch.max.bytes)", () => {
    const r = runCheck(messageSizeChain, snap('1048588'));
    expect(r.status).toBe('pass');
    expect(r.counts.resources).toBe(4); // 3 brokers + 1 topic
  });

  it('warns a topic limit above the followers\' fetch size, naming the weakest broker and the config source', () => {
    const r = runCheck(messageSizeChain, snap('20971520', { 'replica.fetch.max.bytes': '524288' }));
    const f = findingFor(r, 't')!;
    expect(f).toMatchObject({ status: 'warn', evidence: { config: 'max.message.bytes', source: 'topic', observed: { 'max.message.bytes': 20971520, 'replica.fetch.max.bytes': 524288 } } });
    expect(f.message).toMatch(/\(broker 2\)/);
    expect(findingFor(r, '2')).toMatchObject({ status: 'warn', evidence: { config: 'message.max.bytes', source: 'static-broker' } });
  });

  it('fails a topic limit no request can carry (above socket.request.max.bytes)', () => {
    const f = findingFor(runCheck(messageSizeChain, snap('209715200')), 't')!;
    expect(f.status).toBe('fail');
    expect(f.message).toMatch(/no producer can send/);
  });

  it('compares with declared consumer fetch limits only when given', () => {
    expect(runCheck(messageSizeChain, snap('1048588'), { options: { consumerMaxPartitionFetchBytes: 524288 } }).findings.map((x) => x.resource.name)).toEqual(['t']);
  });

  it('is unknown without broker configs, not pass', () => {
    const s = snap('20971520');
    s.artifacts.brokerConfigs = { ok: false, error: { reason: 'denied', message: 'CLUSTER_AUTHORIZATION_FAILED' } };
    expect(runCheck(messageSizeChain, s).status).toBe('unknown');
  });
});
