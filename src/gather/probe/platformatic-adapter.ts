// The @platformatic/kafka adapter of the probe: its high-level Producer and Consumer, exactly as an application
// using the library would call them (the scan itself uses its low-level API, see src/connect/platformatic.ts).

import { createRequire } from 'node:module';
import { Consumer, FetchIsolationLevels, type Message, MessagesStreamModes, Producer } from '@platformatic/kafka';
import { buildTls } from '../../connect/platformatic.js';
import { tokenSourceFor } from '../../connect/oauth.js';
import type { ConnectionOptions } from '../../connect/options.js';
import type { ProbeCapability, ProbeCell } from '../snapshot.js';
import { authorizationCell, cell, listOffsetsPassed, listOffsetsPlan, listOffsetsProblem, type ProbeAdapter, type ProbeContext, runCell } from './types.js';

const NAME = 'platformatic';
const COMPRESSIONS = ['gzip', 'snappy', 'lz4', 'zstd'] as const;

export function platformaticClientOptions(conn: ConnectionOptions, clientId: string) {
  const tls = buildTls(conn);
  const tokens = conn.oauth ? tokenSourceFor(conn) : null;
  const sasl = conn.sasl
    ? { mechanism: conn.sasl.mechanism, username: conn.sasl.username, password: () => conn.sasl!.password.reveal() }
    : tokens
      ? { mechanism: 'OAUTHBEARER' as const, token: () => tokens.token() }
      : undefined;
  return {
    clientId,
    bootstrapBrokers: conn.bootstrap,
    connectTimeout: conn.connectTimeoutMs,
    timeout: conn.requestTimeoutMs,
    retries: 2,
    ...(tls ? { tls } : {}),
    ...(sasl ? { sasl } : {}),
  };
}

export function platformaticVersion(): string | null {
  try {
    return (createRequire(import.meta.url)('@platformatic/kafka/package.json') as { version: string }).version;
  } catch {
    return null;
  }
}

type Rec = Message<Buffer, Buffer, Buffer, Buffer>;

/** Reads partition 0 from `from` with a consumer of this group until `done` says every expected record arrived. */
async function readBack(
  ctx: ProbeContext,
  groupId: string,
  from: bigint,
  done: (seen: Rec[]) => boolean,
  opts: { isolation?: 0 | 1; protocol?: 'classic' | 'consumer'; commit?: boolean } = {},
): Promise<{ records: Rec[]; consumer: Consumer }> {
  const consumer = new Consumer({
    ...platformaticClientOptions(ctx.conn, `kafka-readiness-probe-${ctx.runId}`),
    groupId,
    ...(opts.protocol === 'consumer' ? { groupProtocol: 'consumer' as const } : { sessionTimeout: 10_000, heartbeatInterval: 1000 }),
    maxBytes: Math.max(ctx.maxMessageBytes * 2, 4 * 1024 * 1024),
    maxBytesPerPartition: Math.max(ctx.maxMessageBytes * 2, 4 * 1024 * 1024),
    maxWaitTime: 500,
    isolationLevel: opts.isolation ?? FetchIsolationLevels.READ_UNCOMMITTED,
    autocommit: false,
  } as never);
  const records: Rec[] = [];
  try {
    const stream = await consumer.consume({ topics: [ctx.topic], mode: MessagesStreamModes.MANUAL, offsets: [{ topic: ctx.topic, partition: 0, offset: from }] } as never);
    await new Promise<void>((resolve, reject) => {
      stream.on('data', (m: Rec) => {
        if (m.partition !== 0 || m.offset < from) return;
        records.push(m);
        if (done(records)) resolve();
      });
      stream.on('error', reject);
    });
    await stream.close();
  } catch (err) {
    await consumer.close().catch(() => {});
    throw err;
  }
  return { records, consumer };
}

const key = (m: { key?: Buffer | null }) => m.key?.toString() ?? '';

export const platformaticAdapter: ProbeAdapter = {
  name: NAME,
  groups: ['read', 'read-committed', 'kip848'],
  transactionalIds: ['tx'],
  async info() {
    return { name: NAME, library: 'platformatic-kafka', version: platformaticVersion(), available: true };
  },
  async run(ctx) {
    const cells: ProbeCell[] = [];
    const base = platformaticClientOptions(ctx.conn, `kafka-readiness-probe-${ctx.runId}`);
    const mark = (cap: string) => `${ctx.runId}:${NAME}:${cap}`;
    const producer = new Producer({ ...base, acks: -1 });
    const idem = new Producer({ ...base, acks: -1, idempotent: true });
    // Offsets each produced cell wrote at (the read-back verifies them), and the first one.
    const written = new Map<ProbeCapability, { key: string; check: (m: Rec) => string | null }>();
    let first: bigint | null = null;
    const sendOne = async (p: Producer, cap: ProbeCapability, value: Buffer, extra: { compression?: (typeof COMPRESSIONS)[number]; headers?: Map<Buffer, Buffer>; timestamp?: bigint } = {}) => {
      const res = await p.send({ messages: [{ topic: ctx.topic, partition: 0, key: Buffer.from(mark(cap)), value, ...(extra.headers ? { headers: extra.headers } : {}), ...(extra.timestamp ? { timestamp: extra.timestamp } : {}) }], acks: -1, ...(extra.compression ? { compression: extra.compression } : {}) });
      const off = res.offsets?.[0]?.offset;
      if (off !== undefined && (first === null || off < first)) first = off;
      return off;
    };
    const produced: ProbeCell[] = [];
    const produceCell = async (cap: ProbeCapability, work: () => Promise<{ check: (m: Rec) => string | null; note: string }>) => {
      const c = await runCell(NAME, cap, ctx.cellTimeoutMs, async () => {
        const w = await work();
        written.set(cap, { key: mark(cap), check: w.check });
        return cell(NAME, cap, 'pass', w.note);
      });
      produced.push(c);
    };
    const payload = (cap: string) => Buffer.from(`kafka-readiness probe ${cap} `.repeat(20));
    const sameValue = (cap: string) => (m: Rec) => (m.value?.equals(payload(cap)) ? null : 'value read back differs from the value written');
    const ts = listOffsetsPlan(ctx.logAppendTime);
    const tsValue = BigInt(ts.timestamp);
    try {
      await produceCell('produce-consume', async () => (await sendOne(producer, 'produce-consume', payload('produce-consume')), { check: sameValue('produce-consume'), note: 'written with acks=all' }));
      await produceCell('idempotent-producer', async () => {
        await sendOne(idem, 'idempotent-producer', payload('idempotent-producer'));
        if (idem.producerId === undefined) throw new Error('no producer id was assigned (InitProducerId)');
        return { check: sameValue('idempotent-producer'), note: `idempotent write with producer id ${idem.producerId}` };
      });
      for (const codec of COMPRESSIONS) {
        const cap = `compression-${codec}` as ProbeCapability;
        await produceCell(cap, async () => (await sendOne(producer, cap, payload(cap), { compression: codec }), { check: sameValue(cap), note: `${codec} batch written` }));
      }
      await produceCell('headers', async () => {
        await sendOne(producer, 'headers', payload('headers'), { headers: new Map([[Buffer.from('kr-probe'), Buffer.from('h1')], [Buffer.from('kr-empty'), Buffer.alloc(0)]]) });
        return { check: (m) => (m.headers.size === 2 && [...m.headers].some(([k, v]) => k.toString() === 'kr-probe' && v.toString() === 'h1') ? null : `headers read back: ${[...m.headers].map(([k, v]) => `${k}=${v}`).join(', ') || 'none'}`), note: 'two headers written' };
      });
      const large = Buffer.alloc(Math.max(1, ctx.maxMessageBytes - 512), 0x61);
      await produceCell('large-record', async () => (await sendOne(producer, 'large-record', large), { check: (m) => (m.value?.length === large.length ? null : `read back ${m.value?.length} bytes, wrote ${large.length}`), note: `${large.length}-byte record (max.message.bytes ${ctx.maxMessageBytes})` }));
      let tsOffset: bigint | undefined;
      await produceCell('list-offsets-by-timestamp', async () => {
        tsOffset = await sendOne(producer, 'list-offsets-by-timestamp', payload('list-offsets-by-timestamp'), { timestamp: tsValue });
        return { check: () => null, note: ts.writtenNote };
      });

      // Read back everything written, with a classic group: that is also the group cell and the commit cell.
      const expected = [...written.keys()];
      let readConsumer: Consumer | null = null;
      const readCell = await runCell(NAME, 'group-classic', ctx.cellTimeoutMs * 2, async () => {
        if (first === null) throw new Error('nothing was written to read back');
        const want = new Set(expected.map((c) => mark(c)));
        const r = await readBack(ctx, ctx.group('read'), first, (seen) => [...want].every((k) => seen.some((m) => key(m) === k)));
        readConsumer = r.consumer;
        for (const c of produced) {
          if (c.status !== 'pass') continue;
          const w = written.get(c.capability)!;
          const m = r.records.find((x) => key(x) === w.key)!;
          const problem = w.check(m);
          if (problem) Object.assign(c, { status: 'fail', message: `${c.message}, but ${problem}` });
          else c.message = `${c.message} and read back`;
        }
        return `joined a classic group and read ${r.records.length} record(s) back`;
      });
      if (readCell.status !== 'pass') for (const c of produced) if (c.status === 'pass') Object.assign(c, { status: 'fail', message: `${c.message}, but it could not be read back: ${readCell.message}` });
      cells.push(...produced, readCell);

      cells.push(
        await runCell(NAME, 'offset-commit-fetch', ctx.cellTimeoutMs, async () => {
          const consumer = readConsumer as Consumer | null;
          if (!consumer) throw new Error('no consumer joined the group (see group-classic)');
          const at = (first ?? 0n) + 1n;
          await consumer.commit({ offsets: [{ topic: ctx.topic, partition: 0, offset: at, leaderEpoch: -1 }] });
          const committed = await consumer.listCommittedOffsets({ topics: [{ topic: ctx.topic, partitions: [0] }] });
          const got = committed.get(ctx.topic)?.[0];
          if (got !== at) throw new Error(`OffsetFetch returned ${got} after committing ${at}`);
          return `committed offset ${at} and fetched it back`;
        }),
      );
      cells.push(
        await runCell(NAME, 'list-offsets-by-timestamp', ctx.cellTimeoutMs, async () => {
          const consumer = readConsumer as Consumer | null;
          const c = produced.find((x) => x.capability === 'list-offsets-by-timestamp');
          if (c?.status !== 'pass' || tsOffset === undefined) throw new Error(c?.message ?? 'the timestamped record was not written');
          if (!consumer) throw new Error('no consumer (see group-classic)');
          const offsets = await consumer.listOffsets({ topics: [ctx.topic], partitions: { [ctx.topic]: [0] }, timestamp: tsValue });
          const got = offsets.get(ctx.topic)?.[0];
          const problem = listOffsetsProblem(got, tsOffset, ts.exact);
          if (problem) throw new Error(problem);
          return listOffsetsPassed(got!, tsOffset!, ts.exact);
        }),
      );
      // The produce-side cell of list-offsets is folded into the lookup above.
      cells.splice(cells.findIndex((x) => x.capability === 'list-offsets-by-timestamp'), 1);
      await (readConsumer as Consumer | null)?.close().catch(() => {});

      cells.push(
        await runCell(NAME, 'transactions', ctx.cellTimeoutMs * 2, async () => {
          const tx = new Producer({ ...base, acks: -1, idempotent: true, transactionalId: ctx.transactionalId('tx') });
          let sentinel: bigint | undefined;
          try {
            const t1 = await tx.beginTransaction();
            const c1 = await t1.send({ messages: [{ topic: ctx.topic, partition: 0, key: Buffer.from(mark('tx-committed')), value: Buffer.from('committed') }] });
            await t1.commit();
            const t2 = await tx.beginTransaction();
            await t2.send({ messages: [{ topic: ctx.topic, partition: 0, key: Buffer.from(mark('tx-aborted')), value: Buffer.from('aborted') }] });
            await t2.abort();
            sentinel = await sendOne(producer, 'transactions', Buffer.from('after the aborted transaction'));
            const from = c1.offsets?.[0]?.offset ?? 0n;
            const r = await readBack(ctx, ctx.group('read-committed'), from, (seen) => seen.some((m) => m.offset >= (sentinel ?? 0n)), { isolation: FetchIsolationLevels.READ_COMMITTED });
            await r.consumer.close().catch(() => {});
            const keys = r.records.map(key);
            if (!keys.includes(mark('tx-committed'))) throw new Error('read_committed did not see the committed batch');
            if (keys.includes(mark('tx-aborted'))) return cell(NAME, 'transactions', 'fail', 'read_committed returned a record of the aborted transaction');
            return 'read_committed saw the committed batch and not the aborted one';
          } finally {
            await tx.close().catch(() => {});
          }
        }),
      );

      cells.push(
        ctx.kip848
          ? await runCell(NAME, 'group-consumer', ctx.cellTimeoutMs * 2, async () => {
              const from = first ?? 0n;
              const r = await readBack(ctx, ctx.group('kip848'), from, (seen) => seen.length > 0, { protocol: 'consumer' });
              await r.consumer.close().catch(() => {});
              return `joined a KIP-848 (consumer protocol) group and read ${r.records.length} record(s)`;
            })
          : cell(NAME, 'group-consumer', 'not-run', 'the cluster does not offer KIP-848 consumer groups (ConsumerGroupHeartbeat with group.version >= 1 finalized on every broker)'),
      );
    } finally {
      await Promise.allSettled([producer.close(), idem.close()]);
    }
    cells.push(authorizationCell(NAME, cells));
    return cells;
  },
};
