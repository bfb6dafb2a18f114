// Burst and catch-up: a volume produced at full speed with acks=all (throughput and per-batch latency), then read
// back from the earliest offset by N consumers of one group (the catch-up read rate, the time to drain the backlog).

import { Consumer, type Message, MessagesStreamModes, Producer } from '@platformatic/kafka';
import type { ProbeBurst } from '../snapshot.js';
import { platformaticClientOptions } from './platformatic-adapter.js';
import { percentile, type ProbeContext } from './types.js';

export interface BurstOptions {
  records: number;
  recordBytes: number;
  consumers: number;
  /** Records per produce request. */
  batch?: number;
  /** Produce requests in flight at once. */
  inFlight?: number;
}

export async function runBurst(ctx: ProbeContext, opts: BurstOptions, groupId: string): Promise<ProbeBurst> {
  const base = platformaticClientOptions(ctx.conn, `kafka-readiness-probe-${ctx.runId}-burst`);
  const batch = opts.batch ?? 200;
  const inFlight = opts.inFlight ?? 4;
  const value = Buffer.alloc(opts.recordBytes, 0x62);
  const producer = new Producer({ ...base, acks: -1 });
  const latencies: number[] = [];
  let next = 0;
  const t0 = performance.now();
  try {
    const lane = async () => {
      while (next < opts.records) {
        const n = Math.min(batch, opts.records - next);
        const start = next;
        next += n;
        const messages = Array.from({ length: n }, (_, i) => ({ topic: ctx.topic, partition: (start + i) % ctx.partitions, key: Buffer.from(String(start + i)), value }));
        const s = performance.now();
        await producer.send({ messages, acks: -1 });
        latencies.push(performance.now() - s);
      }
    };
    await Promise.all(Array.from({ length: inFlight }, lane));
  } finally {
    await producer.close().catch(() => {});
  }
  const produceMs = performance.now() - t0;

  const consumers = Array.from({ length: opts.consumers }, (_, i) => new Consumer({ ...base, clientId: `${base.clientId}-c${i}`, groupId, autocommit: false, sessionTimeout: 10_000, heartbeatInterval: 1000, maxWaitTime: 200 } as never));
  const streams: { close(): Promise<void> }[] = [];
  let read = 0;
  const r0 = performance.now();
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`catch-up read ${read} of ${opts.records} records within ${ctx.cellTimeoutMs * 6} ms`)), ctx.cellTimeoutMs * 6);
      for (const c of consumers) {
        c.consume({ topics: [ctx.topic], mode: MessagesStreamModes.EARLIEST } as never)
          .then((stream) => {
            streams.push(stream);
            stream.on('data', (m: Message<Buffer, Buffer, Buffer, Buffer>) => {
              if (m.value?.length !== opts.recordBytes) return; // the matrix's own records on partition 0
              if (++read >= opts.records) {
                clearTimeout(timer);
                resolve();
              }
            });
            stream.on('error', (e: unknown) => {
              clearTimeout(timer);
              reject(e);
            });
          })
          .catch((e: unknown) => {
            clearTimeout(timer);
            reject(e);
          });
      }
    });
  } finally {
    // A consumer with an open stream refuses to leave its group ("Cannot leave group while consuming"): close the
    // streams, then leave (force closes any stream still opening), so the group is empty when cleanup deletes it.
    await Promise.allSettled(streams.map((s) => s.close()));
    await Promise.allSettled(consumers.map((c) => c.close(true)));
  }
  const drainMs = performance.now() - r0;
  const sorted = [...latencies].sort((a, b) => a - b);
  const mb = (opts.records * opts.recordBytes) / 1_048_576;
  const round = (x: number) => Math.round(x * 10) / 10;
  return {
    client: 'platformatic',
    records: opts.records,
    recordBytes: opts.recordBytes,
    produceMs: Math.round(produceMs),
    produceRecordsPerSec: Math.round(opts.records / (produceMs / 1000)),
    produceMBPerSec: round(mb / (produceMs / 1000)),
    latencyMs: { p50: round(percentile(sorted, 50)), p99: round(percentile(sorted, 99)), max: round(sorted[sorted.length - 1] ?? 0) },
    consumers: opts.consumers,
    drainMs: Math.round(drainMs),
    readRecordsPerSec: Math.round(opts.records / (drainMs / 1000)),
    readMBPerSec: round(mb / (drainMs / 1000)),
  };
}
