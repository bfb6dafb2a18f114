// Burst and catch-up: a volume produced at full speed with acks=all (throughput and per-batch latency), then read
// back from the earliest offset by N consumers of one group (the catch-up read rate, the time to drain the backlog).

import { Consumer, ListOffsetTimestamps, MessagesStreamModes, Producer } from '@platformatic/kafka';
import type { ProbeBurst } from '../snapshot.js';
import { type CatchUpStream, catchUp } from './catch-up.js';
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

/** Fetch retries of the catch-up consumers (the scan's clients use 2) and the pause between them. */
const CONSUMER_RETRIES = 5;
const CONSUMER_RETRY_DELAY_MS = 1000;
/** Reopens per consumer after its stream ended with a retriable error. */
const MAX_REOPENS = 3;

export async function runBurst(ctx: ProbeContext, opts: BurstOptions, groupId: string): Promise<ProbeBurst> {
  const base = platformaticClientOptions(ctx.conn, `kafka-readiness-probe-${ctx.runId}-burst`);
  const batch = opts.batch ?? 200;
  const inFlight = opts.inFlight ?? 4;
  const value = Buffer.alloc(opts.recordBytes, 0x62);
  // Fetches get a longer retry budget than the scan's clients (a loaded broker can be slow to answer for a few
  // seconds); a stream that still fails with a retriable error is reopened by catchUp (bounded, reported).
  const consumers = Array.from({ length: opts.consumers }, (_, i) => new Consumer({ ...base, retries: CONSUMER_RETRIES, retryDelay: CONSUMER_RETRY_DELAY_MS, clientId: `${base.clientId}-c${i}`, groupId, autocommit: false, sessionTimeout: 10_000, heartbeatInterval: 1000, maxWaitTime: 200 } as never));
  // A consumer's own 'error' (a failed rejoin) would otherwise be an unhandled event: its stream's error decides.
  for (const c of consumers) c.on('error', () => {});
  // The backlog is what the burst produces: the catch-up starts at the end offsets from before it, never at the
  // earliest offset. Older records (the matrix's, an operator's topic's own) are not part of it, and some cannot be
  // read by this client at all (Kafka's Java client frames snappy batches the xerial way, which
  // @platformatic/kafka's snappy decoder fails on with "RuntimeError: unreachable").
  let from: bigint[];
  try {
    from = ((await consumers[0]!.listOffsets({ topics: [ctx.topic], timestamp: ListOffsetTimestamps.LATEST } as never)) as Map<string, bigint[]>).get(ctx.topic) ?? [];
  } catch (err) {
    await Promise.allSettled(consumers.map((c) => c.close(true)));
    throw err;
  }
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
  } catch (err) {
    await Promise.allSettled(consumers.map((c) => c.close(true)));
    throw err;
  } finally {
    await producer.close().catch(() => {});
  }
  const produceMs = performance.now() - t0;

  let read: Awaited<ReturnType<typeof catchUp>>;
  try {
    read = await catchUp(
      consumers.map((c) => () => c.consume({ topics: [ctx.topic], mode: MessagesStreamModes.MANUAL, offsets: from.map((offset, partition) => ({ topic: ctx.topic, partition, offset })) } as never) as unknown as Promise<CatchUpStream>),
      { records: opts.records, counts: (m) => m.offset >= (from[m.partition] ?? 0n), deadlineMs: ctx.cellTimeoutMs * 6, maxReopens: MAX_REOPENS, reopenDelayMs: 1000 },
    );
  } finally {
    // catchUp closed the streams; a consumer with an open stream refuses to leave its group ("Cannot leave group
    // while consuming"), force closes any stream still opening, so the group is empty when cleanup deletes it.
    await Promise.allSettled(consumers.map((c) => c.close(true)));
  }
  const drainMs = read.drainMs;
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
    ...(read.recovered.length ? { recovered: read.recovered } : {}),
  };
}
