// The kafkajs adapter of the probe: kafkajs 2.x's Producer, Consumer and Admin, as an application would use them.
// kafkajs ships only the gzip codec (snappy, lz4 and zstd need codec packages the application registers) and has
// no KIP-848 consumer protocol: those cells are 'unsupported' for this client, never a cluster failure.

import { createRequire } from 'node:module';
import { CompressionTypes, type Consumer, type IHeaders, Kafka, type KafkaMessage, logLevel, type Producer, type SASLOptions } from 'kafkajs';
import { buildTls } from '../../connect/platformatic.js';
import { tokenSourceFor } from '../../connect/oauth.js';
import type { ConnectionOptions } from '../../connect/options.js';
import type { ProbeCapability, ProbeCell } from '../snapshot.js';
import { authorizationCell, cell, listOffsetsPassed, listOffsetsPlan, listOffsetsProblem, type ProbeAdapter, type ProbeContext, runCell } from './types.js';

const NAME = 'kafkajs';
const CODECS = { gzip: CompressionTypes.GZIP, snappy: CompressionTypes.Snappy, lz4: CompressionTypes.LZ4, zstd: CompressionTypes.ZSTD } as const;

export function kafkajsVersion(): string | null {
  try {
    return (createRequire(import.meta.url)('kafkajs/package.json') as { version: string }).version;
  } catch {
    return null;
  }
}

/** A kafkajs client for the connection; its own logger is silenced (no noise on stderr, nothing it might print). */
export function kafkajsClient(conn: ConnectionOptions, clientId: string): Kafka {
  const tls = buildTls(conn);
  const tokens = conn.oauth ? tokenSourceFor(conn) : null;
  const sasl: SASLOptions | undefined = conn.sasl
    ? ({ mechanism: conn.sasl.mechanism.toLowerCase(), username: conn.sasl.username, password: conn.sasl.password.reveal() } as SASLOptions)
    : tokens
      ? { mechanism: 'oauthbearer', oauthBearerProvider: async () => ({ value: await tokens.token() }) }
      : undefined;
  return new Kafka({
    clientId,
    brokers: conn.bootstrap,
    connectionTimeout: conn.connectTimeoutMs,
    requestTimeout: conn.requestTimeoutMs,
    retry: { retries: 2, initialRetryTime: 200, maxRetryTime: 2000 },
    logLevel: logLevel.NOTHING,
    logCreator: () => () => {},
    ...(tls ? { ssl: tls } : {}),
    ...(sasl ? { sasl } : {}),
  });
}

interface Rec {
  partition: number;
  message: KafkaMessage;
}
const key = (r: Rec) => r.message.key?.toString() ?? '';

/** Reads partition 0 from `from` in a classic group until `done` is satisfied; the consumer stays joined. */
async function readBack(kafka: Kafka, ctx: ProbeContext, groupId: string, from: bigint, done: (seen: Rec[]) => boolean, readUncommitted: boolean): Promise<{ records: Rec[]; consumer: Consumer }> {
  const big = Math.max(ctx.maxMessageBytes * 2, 4 * 1024 * 1024);
  const consumer = kafka.consumer({ groupId, sessionTimeout: 10_000, heartbeatInterval: 1000, maxWaitTimeInMs: 500, maxBytes: big, maxBytesPerPartition: big, readUncommitted, retry: { retries: 2 } });
  const records: Rec[] = [];
  try {
    await consumer.connect();
    await consumer.subscribe({ topics: [ctx.topic], fromBeginning: false });
    await new Promise<void>((resolve, reject) => {
      consumer.on(consumer.events.CRASH, (e) => reject((e.payload as { error: Error }).error));
      consumer
        .run({
          autoCommit: false,
          eachMessage: async ({ partition, message }) => {
            if (partition !== 0 || BigInt(message.offset) < from) return;
            records.push({ partition, message });
            if (done(records)) resolve();
          },
        })
        .then(() => consumer.seek({ topic: ctx.topic, partition: 0, offset: String(from) }))
        .catch(reject);
    });
    await consumer.pause([{ topic: ctx.topic }]);
  } catch (err) {
    await consumer.disconnect().catch(() => {});
    throw err;
  }
  return { records, consumer };
}

export const kafkajsAdapter: ProbeAdapter = {
  name: NAME,
  groups: ['read', 'read-committed'],
  transactionalIds: ['tx'],
  async info() {
    return { name: NAME, library: 'kafkajs', version: kafkajsVersion(), available: true };
  },
  async run(ctx) {
    const cells: ProbeCell[] = [];
    const kafka = kafkajsClient(ctx.conn, `kafka-readiness-probe-${ctx.runId}-kafkajs`);
    const mark = (cap: string) => `${ctx.runId}:${NAME}:${cap}`;
    const producer = kafka.producer({ allowAutoTopicCreation: false, retry: { retries: 2 } });
    const idem = kafka.producer({ allowAutoTopicCreation: false, idempotent: true, maxInFlightRequests: 1, retry: { retries: 2 } });
    const admin = kafka.admin({ retry: { retries: 2 } });
    const written = new Map<ProbeCapability, { key: string; check: (r: Rec) => string | null }>();
    let first: bigint | null = null;
    const sendOne = async (p: Producer, cap: ProbeCapability, value: Buffer, extra: { compression?: CompressionTypes; headers?: IHeaders; timestamp?: string } = {}) => {
      const res = await p.send({ topic: ctx.topic, acks: -1, ...(extra.compression !== undefined ? { compression: extra.compression } : {}), messages: [{ partition: 0, key: mark(cap), value, ...(extra.headers ? { headers: extra.headers } : {}), ...(extra.timestamp ? { timestamp: extra.timestamp } : {}) }] });
      const off = res[0]?.baseOffset !== undefined ? BigInt(res[0].baseOffset) : undefined;
      if (off !== undefined && (first === null || off < first)) first = off;
      return off;
    };
    const produced: ProbeCell[] = [];
    const produceCell = async (cap: ProbeCapability, work: () => Promise<{ check: (r: Rec) => string | null; note: string }>) => {
      const c = await runCell(NAME, cap, ctx.cellTimeoutMs, async () => {
        const w = await work();
        written.set(cap, { key: mark(cap), check: w.check });
        return cell(NAME, cap, 'pass', w.note);
      });
      produced.push(c);
    };
    const payload = (cap: string) => Buffer.from(`kafka-readiness probe ${cap} `.repeat(20));
    const sameValue = (cap: string) => (r: Rec) => (r.message.value?.equals(payload(cap)) ? null : 'value read back differs from the value written');
    const ts = listOffsetsPlan(ctx.logAppendTime);
    const tsValue = String(ts.timestamp);
    const connected = await runCell(NAME, 'produce-consume', ctx.cellTimeoutMs, async () => {
      await Promise.all([producer.connect(), idem.connect(), admin.connect()]);
      return 'connected';
    });
    try {
      if (connected.status !== 'pass') {
        cells.push(connected);
        return cells;
      }
      await produceCell('produce-consume', async () => (await sendOne(producer, 'produce-consume', payload('produce-consume')), { check: sameValue('produce-consume'), note: 'written with acks=all' }));
      await produceCell('idempotent-producer', async () => (await sendOne(idem, 'idempotent-producer', payload('idempotent-producer')), { check: sameValue('idempotent-producer'), note: 'idempotent write (InitProducerId, sequence numbers) acknowledged' }));
      for (const [codec, type] of Object.entries(CODECS)) {
        const cap = `compression-${codec}` as ProbeCapability;
        await produceCell(cap, async () => (await sendOne(producer, cap, payload(cap), { compression: type }), { check: sameValue(cap), note: `${codec} batch written` }));
      }
      await produceCell('headers', async () => {
        await sendOne(producer, 'headers', payload('headers'), { headers: { 'kr-probe': 'h1', 'kr-empty': '' } });
        return {
          check: (r) => {
            const h = r.message.headers ?? {};
            return Object.keys(h).length === 2 && String(h['kr-probe']) === 'h1' ? null : `headers read back: ${Object.entries(h).map(([k, v]) => `${k}=${String(v)}`).join(', ') || 'none'}`;
          },
          note: 'two headers written',
        };
      });
      const large = Buffer.alloc(Math.max(1, ctx.maxMessageBytes - 512), 0x61);
      await produceCell('large-record', async () => (await sendOne(producer, 'large-record', large), { check: (r) => (r.message.value?.length === large.length ? null : `read back ${r.message.value?.length} bytes, wrote ${large.length}`), note: `${large.length}-byte record (max.message.bytes ${ctx.maxMessageBytes})` }));
      let tsOffset: bigint | undefined;
      const tsWrite = await runCell(NAME, 'list-offsets-by-timestamp', ctx.cellTimeoutMs, async () => {
        tsOffset = await sendOne(producer, 'list-offsets-by-timestamp', payload('list-offsets-by-timestamp'), { timestamp: tsValue });
        return ts.writtenNote;
      });

      const expected = [...written.keys()];
      let readConsumer: Consumer | null = null;
      const readCell = await runCell(NAME, 'group-classic', ctx.cellTimeoutMs * 2, async () => {
        if (first === null) throw new Error('nothing was written to read back');
        const want = new Set(expected.map((c) => mark(c)));
        const r = await readBack(kafka, ctx, ctx.group('read'), first, (seen) => [...want].every((k) => seen.some((m) => key(m) === k)), true);
        readConsumer = r.consumer;
        for (const c of produced) {
          if (c.status !== 'pass') continue;
          const w = written.get(c.capability)!;
          const problem = w.check(r.records.find((x) => key(x) === w.key)!);
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
          const at = String((first ?? 0n) + 1n);
          await consumer.commitOffsets([{ topic: ctx.topic, partition: 0, offset: at }]);
          const fetched = await admin.fetchOffsets({ groupId: ctx.group('read'), topics: [ctx.topic] });
          const got = fetched.find((t) => t.topic === ctx.topic)?.partitions.find((p) => p.partition === 0)?.offset;
          if (got !== at) throw new Error(`OffsetFetch returned ${got} after committing ${at}`);
          return `committed offset ${at} and fetched it back`;
        }),
      );
      await (readConsumer as Consumer | null)?.disconnect().catch(() => {});

      cells.push(
        tsWrite.status !== 'pass'
          ? tsWrite
          : await runCell(NAME, 'list-offsets-by-timestamp', ctx.cellTimeoutMs, async () => {
              const offsets = await admin.fetchTopicOffsetsByTimestamp(ctx.topic, Number(tsValue));
              const found = offsets.find((p) => p.partition === 0)?.offset;
              const got = found === undefined ? undefined : BigInt(found);
              const problem = listOffsetsProblem(got, tsOffset, ts.exact);
              if (problem) throw new Error(problem);
              return listOffsetsPassed(got!, tsOffset!, ts.exact);
            }),
      );

      cells.push(
        await runCell(NAME, 'transactions', ctx.cellTimeoutMs * 2, async () => {
          const tx = kafka.producer({ allowAutoTopicCreation: false, idempotent: true, maxInFlightRequests: 1, transactionalId: ctx.transactionalId('tx'), retry: { retries: 2 } });
          try {
            await tx.connect();
            const t1 = await tx.transaction();
            const c1 = await t1.send({ topic: ctx.topic, acks: -1, messages: [{ partition: 0, key: mark('tx-committed'), value: 'committed' }] });
            await t1.commit();
            const t2 = await tx.transaction();
            await t2.send({ topic: ctx.topic, acks: -1, messages: [{ partition: 0, key: mark('tx-aborted'), value: 'aborted' }] });
            await t2.abort();
            const sentinel = (await sendOne(producer, 'transactions', Buffer.from('after the aborted transaction'))) ?? 0n;
            const from = BigInt(c1[0]?.baseOffset ?? '0');
            const r = await readBack(kafka, ctx, ctx.group('read-committed'), from, (seen) => seen.some((m) => BigInt(m.message.offset) >= sentinel), false);
            await r.consumer.disconnect().catch(() => {});
            const keys = r.records.map(key);
            if (!keys.includes(mark('tx-committed'))) throw new Error('read_committed did not see the committed batch');
            if (keys.includes(mark('tx-aborted'))) return cell(NAME, 'transactions', 'fail', 'read_committed returned a record of the aborted transaction');
            return 'read_committed saw the committed batch and not the aborted one';
          } finally {
            await tx.disconnect().catch(() => {});
          }
        }),
      );

      cells.push(
        ctx.kip848
          ? cell(NAME, 'group-consumer', 'unsupported', 'kafkajs 2.x has no KIP-848 consumer protocol (it joins classic groups only)')
          : cell(NAME, 'group-consumer', 'not-run', 'the cluster does not offer KIP-848 consumer groups (ConsumerGroupHeartbeat with group.version >= 1 finalized on every broker)'),
      );
    } finally {
      await Promise.allSettled([producer.disconnect(), idem.disconnect(), admin.disconnect()]);
    }
    cells.push(authorizationCell(NAME, cells));
    return cells;
  },
};
