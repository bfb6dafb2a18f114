// Lag over time with real peers: a producer keeps writing while one consumer keeps up, one stops, one reads
// slowly, one group sits on a topic whose short retention deletes records under it, and a transaction stays
// open. `scan --observe` must give each its Burrow status and findings, and a cost section with prices.
import { Admin, Consumer, Producer, stringDeserializers, stringSerializers } from '@platformatic/kafka';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/report/model.js';
import { cluster, runCli } from './cluster-context.js';

const c = cluster();
const sasl = { mechanism: 'SCRAM-SHA-512' as const, username: c.admin.username, password: c.admin.password };
const base = { bootstrapBrokers: c.saslBootstrap.split(','), sasl, retries: 5 };
const OBSERVE_S = 20;

let stopProducing = false;
let producing: Promise<void> | undefined;
const closers: (() => Promise<unknown>)[] = [];
let report: Report;
let scanMs = 0;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function consumeFor(groupId: string, topic: string, opts: { delayMs?: number; untilMs?: number }) {
  const consumer = new Consumer({ ...base, clientId: groupId, groupId, deserializers: stringDeserializers, autocommit: 500, maxWaitTime: 200, highWaterMark: 1 });
  const stream = await consumer.consume({ topics: [topic], mode: 'committed', fallbackMode: 'earliest' });
  let open = true;
  const close = async () => {
    if (!open) return;
    open = false;
    await stream.close().catch(() => {});
    await consumer.close().catch(() => {});
  };
  closers.push(close);
  void (async () => {
    try {
      for await (const _m of stream) {
        if (!open) break;
        if (opts.delayMs) await sleep(opts.delayMs);
      }
    } catch {
      // closing the stream ends the loop
    }
  })();
  if (opts.untilMs) setTimeout(() => void close(), opts.untilMs);
  return close;
}

beforeAll(async () => {
  const admin = new Admin({ ...base, clientId: 'observe-setup' });
  closers.push(() => admin.close());
  await admin.createTopics({ topics: ['live.orders'], partitions: 3, replicas: 3, configs: [] });
  // Short retention and small segments: records are deleted seconds after they are written.
  await admin.createTopics({ topics: ['live.short'], partitions: 1, replicas: 3, configs: [{ name: 'retention.ms', value: '4000' }, { name: 'segment.ms', value: '1000' }, { name: 'segment.bytes', value: '1048576' }] });
  await admin.createTopics({ topics: ['live.txn'], partitions: 1, replicas: 3, configs: [] });
  await sleep(1500);

  const producer = new Producer({ ...base, clientId: 'observe-producer', serializers: stringSerializers, acks: -1 });
  closers.push(() => producer.close());
  let n = 0;
  producing = (async () => {
    while (!stopProducing) {
      const messages = [];
      for (let i = 0; i < 20; i++) messages.push({ topic: 'live.orders', key: `k${n % 50}`, value: `order ${n++}` });
      for (let i = 0; i < 10; i++) messages.push({ topic: 'live.short', key: `s${i}`, value: 'x'.repeat(200) });
      await producer.send({ messages }).catch(() => {});
      await sleep(200);
    }
  })();

  await admin.alterConsumerGroupOffsets({ groupId: 'short-reader', topics: [{ name: 'live.short', partitionOffsets: [{ partition: 0, offset: 0n }] }] });
  await consumeFor('keeps-up', 'live.orders', {});
  await consumeFor('stopped-reader', 'live.orders', { untilMs: 3000 });
  // Falling behind: the slow reader's position advances every second, but slower than the producer writes.
  let slowStep = 0;
  const slowTimer = setInterval(() => {
    slowStep += 20;
    void admin.alterConsumerGroupOffsets({ groupId: 'slow-reader', topics: [{ name: 'live.orders', partitionOffsets: [0, 1, 2].map((partition) => ({ partition, offset: BigInt(slowStep) })) }] }).catch(() => {});
  }, 1000);
  closers.push(async () => clearInterval(slowTimer));

  // An open transaction: its records stay above the last stable offset until it ends.
  // The client's request timeout doubles as the transaction timeout: keep the transaction open past the window.
  const txProducer = new Producer({ ...base, clientId: 'observe-tx', serializers: stringSerializers, transactionalId: 'readiness-open-tx', idempotent: true, acks: -1, timeout: 120_000 });
  closers.push(() => txProducer.close());
  const tx = await txProducer.beginTransaction();
  const sent = await tx.send({ messages: [{ topic: 'live.txn', key: 'a', value: 'pending' }, { topic: 'live.txn', key: 'b', value: 'pending' }] });
  process.stderr.write(`[observe] open transaction wrote ${JSON.stringify(sent, (_k, v) => (typeof v === 'bigint' ? String(v) : v))}\n`);
  closers.push(() => tx.abort().catch(() => {}));

  await sleep(10_000); // let consumers join, the stopped reader stop, and retention pass the short reader
  const t0 = Date.now();
  const run = await runCli(['scan', '--command-config', c.adminProps, '--observe', `${OBSERVE_S}s`, '--format', 'json'], { timeoutMs: 180_000 });
  scanMs = Date.now() - t0;
  expect(run.code, run.stderr).toBe(0);
  report = JSON.parse(run.stdout) as Report;
  writeFileSync(path.join(c.workDir, 'observe-report.json'), run.stdout);
  process.stderr.write(`[observe] scan --observe ${OBSERVE_S}s took ${scanMs} ms (${report.snapshot.stats.totalRequests} requests, ${report.snapshot.stats.artifactMs.samples} ms sampling)\n`);
}, 240_000);

afterAll(async () => {
  stopProducing = true;
  await producing;
  for (const close of closers.reverse()) await close().catch(() => {});
  // Leave nothing that keeps changing (a short-retention topic empties itself) for the files after this one.
  const admin = new Admin({ ...base, clientId: 'observe-cleanup' });
  try {
    await admin.deleteGroups({ groups: ['keeps-up', 'stopped-reader', 'slow-reader', 'short-reader'] }).catch(() => {});
    await admin.deleteTopics({ topics: ['live.orders', 'live.short', 'live.txn'] });
    for (let i = 0; i < 40 && (await admin.listTopics()).some((t) => t.startsWith('live.')); i++) await sleep(500);
  } finally {
    await admin.close();
  }
}, 60_000);

const check = (id: string) => report.checks.find((x) => x.id === id)!;
const finding = (id: string, name: string) => check(id).findings.find((f) => f.resource.name === name);

describe(`scan --observe ${OBSERVE_S}s with real producers and consumers`, () => {
  it('takes about the window plus the normal scan time', () => {
    expect(scanMs).toBeGreaterThanOrEqual(OBSERVE_S * 1000);
    expect(scanMs).toBeLessThan(OBSERVE_S * 1000 + 15_000);
  });

  it('gives each group its Burrow status', () => {
    expect(finding('consumer-lag/burrow-status', 'keeps-up')).toBeUndefined();
    expect(finding('consumer-lag/burrow-status', 'stopped-reader')).toMatchObject({ status: 'fail', evidence: { observed: 'STOP' } });
    expect(finding('consumer-lag/burrow-status', 'slow-reader')).toMatchObject({ status: 'warn', evidence: { observed: 'WARN' } });
    const samples = (check('consumer-lag/burrow-status').findings[0]!.evidence!.details as { samples: number }).samples;
    expect(samples).toBeGreaterThanOrEqual(3);
  });

  it('reports the group whose records were deleted by retention before it read them', () => {
    expect(finding('consumer-lag/committed-below-log-start', 'short-reader')).toMatchObject({ status: 'fail', severity: 'critical' });
  });

  it('reports the empty group whose lag grows, and its time lag', () => {
    expect(finding('consumer-lag/empty-group-lag', 'stopped-reader')?.status).toBe('warn');
    expect(check('consumer-lag/time-lag').counts.resources).toBeGreaterThanOrEqual(3); // keeps-up, stopped-reader, slow-reader at least
  });

  it('reports the transaction that holds the last stable offset back', () => {
    const txn = check('consumer-lag/hanging-transactions');
    expect(finding('consumer-lag/hanging-transactions', 'live.txn-0'), JSON.stringify({ status: txn.status, findings: txn.findings.map((f) => f.resource.name) })).toMatchObject({ status: 'fail' });
  });

  it('measures ingress: the live topic is not idle, a topic nobody writes to is', () => {
    expect(finding('cost/idle-topics', 'live.orders')).toBeUndefined();
    expect(finding('cost/idle-topics', 'unused.placeholder')?.status).toBe('warn');
  });

  it('prices the cost drivers and says which prices and assumptions it used', () => {
    expect(report.cost.currency).toBe('USD');
    expect(report.cost.prices).toEqual({ storagePerGbMonth: 0.1, crossZonePerGb: 0.02, billReplicationTraffic: true });
    expect(report.cost.drivers.map((d) => d.driver)).toEqual(['storage (stored now)', 'storage (projected)', 'cross-zone replication', 'cross-zone consumer reads']);
    const live = report.cost.topTopics.find((t) => t.topic === 'live.orders');
    expect(live?.ingressBytesPerSec).toBeGreaterThan(0);
    expect(live?.crossZoneGbMonth).toBeGreaterThan(0);
    expect(report.cost.assumptions.join(' ')).toMatch(/ingress measured over \d+ s/);
  });
});
