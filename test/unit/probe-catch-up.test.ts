// The burst's catch-up read (src/gather/probe/catch-up.ts) with fake streams: a stream that ends with a retriable
// error is reopened and the read still counts each record once; what it recovered from is reported; a refusal,
// too many failures or the deadline still fail the read with the errors seen.
import { EventEmitter } from 'node:events';
import { NetworkError, TimeoutError, UserError } from '@platformatic/kafka';
import { describe, expect, it } from 'vitest';
import { type CatchUpStream, catchUp, retriable } from '../../src/gather/probe/catch-up.js';

type Rec = { partition: number; offset: bigint; value: Buffer };
const rec = (partition: number, offset: number, size = 4): Rec => ({ partition, offset: BigInt(offset), value: Buffer.alloc(size) });

/** A stream that emits its records, then (optionally) an error, on the next turns of the event loop. */
function fakeStream(records: Rec[], error?: unknown): CatchUpStream & { closed: boolean } {
  const e = new EventEmitter();
  const s = Object.assign(e, { closed: false, close: async () => void (s.closed = true) });
  setImmediate(() => {
    for (const r of records) e.emit('data', r);
    if (error) e.emit('error', error);
  });
  return s as unknown as CatchUpStream & { closed: boolean };
}

const opts = { records: 6, counts: (m: { value?: Buffer | null }) => m.value?.length === 4, deadlineMs: 2000, maxReopens: 2, reopenDelayMs: 1 };
const multi = (msg: string, errors: unknown[]) => Object.assign(new Error(msg), { errors, canRetry: true });

describe('burst catch-up read', () => {
  it('reads every record once across consumers, ignoring records that are not part of the backlog', async () => {
    const streams = [fakeStream([rec(0, 0), rec(0, 1), rec(0, 2, 99), rec(0, 3)]), fakeStream([rec(1, 0), rec(1, 1), rec(1, 2)])];
    const r = await catchUp(streams.map((s) => async () => s), opts);
    expect(r.recovered).toEqual([]);
    expect(streams.every((s) => s.closed)).toBe(true);
  });

  it('reopens a stream that ended with a retriable network error and does not count the records it reads again', async () => {
    const opened: string[] = [];
    const first = fakeStream([rec(0, 0), rec(0, 1)], multi('fetch failed 6 times.', [new NetworkError('Connection closed'), new TimeoutError('Request timed out')]));
    let again: ReturnType<typeof fakeStream> | undefined;
    let n = 0;
    const r = await catchUp(
      [async () => (opened.push(`c1#${n}`), n++ === 0 ? first : (again = fakeStream([rec(0, 0), rec(0, 1), rec(0, 2)]))), async () => fakeStream([rec(1, 0), rec(1, 1), rec(1, 2)])],
      opts,
    );
    expect(opened).toEqual(['c1#0', 'c1#1']);
    expect(r.recovered).toEqual(['consumer 1: fetch failed 6 times. (Connection closed; Request timed out)']);
    expect(first.closed && again?.closed).toBe(true);
  });

  it('fails with the error when it is not retriable (a refusal is not retried)', async () => {
    const denied = Object.assign(new Error('fetch failed'), { canRetry: false, apiId: 'TOPIC_AUTHORIZATION_FAILED' });
    await expect(catchUp([async () => fakeStream([rec(0, 0)], denied)], opts)).rejects.toThrow(/consumer 1 not retriable after reading 1 of 6 records: TOPIC_AUTHORIZATION_FAILED: fetch failed/);
    await expect(catchUp([async () => fakeStream([], new UserError('Cannot find broker with node id 4'))], opts)).rejects.toThrow(/not retriable/);
  });

  it('fails once a consumer used up its reopens, naming what it recovered from before', async () => {
    const err = () => new NetworkError('Connection to 127.0.0.1:1 failed.');
    await expect(catchUp([async () => fakeStream([rec(0, 0)], err())], opts)).rejects.toThrow(
      'consumer 1 still failing after 2 reopen(s) after reading 1 of 6 records: Connection to 127.0.0.1:1 failed.; recovered before from: consumer 1: Connection to 127.0.0.1:1 failed.; consumer 1: Connection to 127.0.0.1:1 failed.',
    );
  });

  it('fails at the deadline when the backlog is not read (a consumer that never gets records)', async () => {
    await expect(catchUp([async () => fakeStream([rec(0, 0)])], { ...opts, deadlineMs: 50 })).rejects.toThrow('catch-up read 1 of 6 records within 50 ms');
  });

  it('an error is retriable only when every error in its chain is', () => {
    expect(retriable(new NetworkError('Connection closed'))).toBe(true);
    expect(retriable(multi('x', [new TimeoutError('t'), new NetworkError('n')]))).toBe(true);
    expect(retriable(multi('x', [new TimeoutError('t'), new UserError('u')]))).toBe(false);
    expect(retriable(new TimeoutError('Request timed out'))).toBe(true);
    expect(retriable(new Error('plain'))).toBe(false);
  });
});
