// The burst's catch-up read: N consumers of one group read the backlog until every record was seen once.
//
// A @platformatic/kafka stream is destroyed once one of its fetches has used up the client's retries (e.g. a
// connection a loaded broker dropped, a request that timed out); the consumer itself stays usable and a new
// consume() call continues (the library's documented recovery). On a loaded 2-core machine that happens now and
// then without anything being wrong with the cluster, so a stream that ends with a *retriable* error is reopened
// (bounded), and what it recovered from is reported with the numbers. A refusal (authorization), any other error,
// running out of reopens or the deadline still fails the read, with every error seen.

import { errorText } from './types.js';

export interface CatchUpStream {
  on(event: 'data', listener: (m: { partition: number; offset: bigint; value?: Buffer | null }) => void): unknown;
  on(event: 'error', listener: (e: unknown) => void): unknown;
  close(): Promise<void>;
}

export interface CatchUpOptions {
  /** Distinct records (partition, offset) that make the backlog read. */
  records: number;
  /** Which records belong to the backlog (the probe topic can hold the matrix's own records too). */
  counts: (m: { partition: number; offset: bigint; value?: Buffer | null }) => boolean;
  deadlineMs: number;
  /** Reopens allowed per consumer after a retriable stream error. */
  maxReopens: number;
  reopenDelayMs: number;
}

export interface CatchUpResult {
  /** From the first open to the moment the last distinct record arrived. */
  drainMs: number;
  /** The retriable errors streams were reopened after (empty when nothing went wrong). */
  recovered: string[];
}

/**
 * Every error in the chain is transient for a read: one the library marks retriable, or a network error — a
 * request timeout too, which the library does not retry on its own (for a write it may have been applied; a fetch
 * can simply be sent again). Protocol refusals and usage errors are not.
 */
export function retriable(err: unknown): boolean {
  const seen = new Set<unknown>();
  let any = false;
  const walk = (e: unknown): boolean => {
    if (!e || typeof e !== 'object' || seen.has(e)) return true;
    seen.add(e);
    const o = e as { canRetry?: unknown; code?: unknown; errors?: unknown[]; cause?: unknown };
    const network = o.code === 'PLT_KFK_NETWORK';
    if (o.canRetry === false && !network) return false;
    if (o.canRetry === true || network) any = true;
    return [...(Array.isArray(o.errors) ? o.errors : []), o.cause].every(walk);
  };
  return walk(err) && any;
}

/** Reads until `records` distinct records arrived; each opener opens (or reopens) one consumer's stream. */
export async function catchUp(openers: (() => Promise<CatchUpStream>)[], opts: CatchUpOptions): Promise<CatchUpResult> {
  const seen = new Set<string>();
  const recovered: string[] = [];
  const streams: CatchUpStream[] = [];
  const t0 = performance.now();
  try {
    return await new Promise<CatchUpResult>((resolve, reject) => {
      let done = false;
      const also = () => (recovered.length ? `; recovered before from: ${recovered.join('; ')}` : '');
      const finish = (err?: Error) => {
        if (done) return;
        done = true;
        clearTimeout(timer);
        if (err) reject(err);
        else resolve({ drainMs: performance.now() - t0, recovered });
      };
      const timer = setTimeout(() => finish(new Error(`catch-up read ${seen.size} of ${opts.records} records within ${opts.deadlineMs} ms${also()}`)), opts.deadlineMs);
      const failed = (i: number, reopens: number, e: unknown) => {
        if (done) return;
        const text = errorText(e);
        if (!retriable(e) || reopens >= opts.maxReopens) {
          const why = retriable(e) ? `still failing after ${reopens} reopen(s)` : 'not retriable';
          finish(Object.assign(new Error(`consumer ${i + 1} ${why} after reading ${seen.size} of ${opts.records} records: ${text}${also()}`), { cause: e }));
          return;
        }
        recovered.push(`consumer ${i + 1}: ${text}`);
        setTimeout(() => start(i, reopens + 1), opts.reopenDelayMs).unref();
      };
      const start = (i: number, reopens: number) => {
        if (done) return;
        openers[i]!().then(
          (stream) => {
            streams.push(stream);
            if (done) return;
            stream.on('data', (m) => {
              if (!opts.counts(m)) return;
              seen.add(`${m.partition}:${m.offset}`);
              if (seen.size >= opts.records) finish();
            });
            stream.on('error', (e) => failed(i, reopens, e));
          },
          (e: unknown) => failed(i, reopens, e),
        );
      };
      for (let i = 0; i < openers.length; i++) start(i, 0);
    });
  } finally {
    await Promise.allSettled(streams.map((s) => s.close()));
  }
}
