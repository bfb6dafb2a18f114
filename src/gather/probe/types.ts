// Shared shapes of the write probe (kafka-readiness probe, scan --probe): one adapter per client library runs
// the same capability matrix against the probe topic and reports one cell per capability.

import type { ConnectionOptions } from '../../connect/options.js';
import type { ProbeCapability, ProbeCell, ProbeCellStatus, ProbeClientInfo } from '../snapshot.js';

export const DEFAULT_PROBE_PREFIX = 'kafka-readiness.probe.';

/**
 * The list-offsets-by-timestamp cell writes its record this far ahead of the clock, so that it carries the newest
 * timestamp of the partition and ListOffsets(that timestamp) must return exactly its offset (an old timestamp would
 * let any answer up to it pass, the log start included). Well inside message.timestamp.after.max.ms (1 h in 4.x).
 */
export const LIST_OFFSETS_AHEAD_MS = 60_000;

/**
 * The timestamp the list-offsets cell writes with and asks for. On a LogAppendTime topic the broker replaces
 * the client's timestamp with its own clock, so no record can carry a chosen newest timestamp: the cell asks for
 * an hour back and can only check that the answer is not after the record (exact would be a false failure).
 */
export function listOffsetsPlan(logAppendTime: boolean, now = Date.now()): { timestamp: number; exact: boolean; writtenNote: string } {
  return logAppendTime
    ? { timestamp: now - 3_600_000, exact: false, writtenNote: 'record written (the broker sets its timestamp)' }
    : { timestamp: now + LIST_OFFSETS_AHEAD_MS, exact: true, writtenNote: 'record with the newest timestamp written' };
}

/** Why a ListOffsets(timestamp) answer is wrong for the record written at `written`, or null when it is right. */
export function listOffsetsProblem(got: bigint | undefined, written: bigint | undefined, exact: boolean): string | null {
  if (got === undefined || written === undefined || got < 0n) return `ListOffsets(timestamp) returned ${got ?? 'nothing'}, expected ${exact ? '' : 'at most '}${written ?? '(unknown)'}`;
  if (exact ? got === written : got <= written) return null;
  return exact ? `ListOffsets(timestamp) returned ${got}, expected ${written} (the record with the newest timestamp)` : `ListOffsets(timestamp) returned ${got}, after the record written at ${written}`;
}

/** The cell's pass message for an answer listOffsetsProblem accepted. */
export const listOffsetsPassed = (got: bigint, written: bigint, exact: boolean): string =>
  exact ? `ListOffsets by timestamp returned offset ${got}, the record written with the newest timestamp` : `ListOffsets by timestamp returned offset ${got}, not after the record written at ${written} (LogAppendTime topic: the broker sets timestamps, so only that bound is checked)`;

/** What every adapter gets: where to write, the names it may create, and the cluster's limits. */
export interface ProbeContext {
  conn: ConnectionOptions;
  topic: string;
  partitions: number;
  /** The topic's max.message.bytes (the large-record cell sends a record close to it). */
  maxMessageBytes: number;
  /** The topic's message.timestamp.type is LogAppendTime: the broker sets record timestamps (see listOffsetsPlan). */
  logAppendTime: boolean;
  /** Consumer group names this adapter may use (all announced beforehand, all deleted afterwards). */
  group: (purpose: string) => string;
  transactionalId: (purpose: string) => string;
  /** The cluster offers KIP-848 consumer groups (ConsumerGroupHeartbeat in ApiVersions). */
  kip848: boolean;
  runId: string;
  /** Upper bound for one cell (waiting for records, a group join). */
  cellTimeoutMs: number;
  log: (line: string) => void;
}

export interface ProbeAdapter {
  name: string;
  /** The library and version the adapter runs, or why it cannot run here (for this connection, when given). */
  info(conn?: ConnectionOptions): Promise<ProbeClientInfo>;
  /** The group and transactional-id purposes it will use (listed before anything is created). */
  groups: readonly string[];
  transactionalIds: readonly string[];
  run(ctx: ProbeContext): Promise<ProbeCell[]>;
}

export function cell(client: string, capability: ProbeCapability, status: ProbeCellStatus, message: string, extra: { error?: string; ms?: number } = {}): ProbeCell {
  return { client, capability, status, message, ...(extra.error !== undefined ? { error: extra.error } : {}), ...(extra.ms !== undefined ? { ms: extra.ms } : {}) };
}

/** A Kafka authorization error code in an error (either client's): TOPIC_AUTHORIZATION_FAILED and friends. */
export function authorizationCode(err: unknown): string | null {
  const seen = new Set<unknown>();
  const walk = (e: unknown): string | null => {
    if (!e || typeof e !== 'object' || seen.has(e)) return null;
    seen.add(e);
    const o = e as { type?: unknown; apiId?: unknown; code?: unknown; message?: unknown; errors?: unknown[]; cause?: unknown };
    for (const v of [o.type, o.apiId, o.code, o.message]) {
      const m = typeof v === 'string' ? /\b([A-Z_]*AUTHORIZATION_FAILED)\b/.exec(v) : null;
      if (m) return m[1]!;
    }
    // kafkajs: KafkaJSProtocolError.type; "not authorized" messages carry no code.
    if (typeof o.message === 'string' && /not authorized to access (topics|group)/i.test(o.message)) return /group/i.test(o.message) ? 'GROUP_AUTHORIZATION_FAILED' : 'TOPIC_AUTHORIZATION_FAILED';
    for (const inner of [...(Array.isArray(o.errors) ? o.errors : []), o.cause]) {
      const found = walk(inner);
      if (found) return found;
    }
    return null;
  };
  return walk(err);
}

export function errorText(err: unknown): string {
  const e = err as { type?: string; apiId?: string; message?: string; errors?: unknown[]; name?: string };
  // An engine error says little by its message alone (a WebAssembly decoder's trap is just "unreachable").
  const engine = err instanceof Error && /^(RuntimeError|CompileError|TypeError|RangeError)$/.test(e.name ?? '') ? e.name : undefined;
  const code = e?.type ?? e?.apiId ?? engine;
  const msg = (e?.message ?? String(err)).split('\n')[0]!;
  // A retried operation's MultipleErrors: every distinct attempt's error, so the reason says what each try met.
  const inner = Array.isArray(e?.errors) && e.errors.length ? ` (${[...new Set(e.errors.map((x) => errorText(x)))].slice(0, 3).join('; ')})` : '';
  return `${code && !msg.includes(code) ? `${code}: ` : ''}${msg}${inner}`.slice(0, 400);
}

/** Runs one cell: a thrown authorization error is `denied`, anything else thrown is `fail` with the error. */
export async function runCell(client: string, capability: ProbeCapability, timeoutMs: number, work: () => Promise<ProbeCell | string>): Promise<ProbeCell> {
  const t0 = performance.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    const out = await Promise.race([
      work(),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no result within ${timeoutMs} ms`)), timeoutMs);
      }),
    ]);
    const ms = Math.round(performance.now() - t0);
    return typeof out === 'string' ? cell(client, capability, 'pass', out, { ms }) : { ...out, ms };
  } catch (err) {
    const ms = Math.round(performance.now() - t0);
    const denied = authorizationCode(err);
    if (denied) return cell(client, capability, 'denied', `refused by the cluster: ${denied}`, { error: denied, ms });
    // The client library itself lacks it here (e.g. zstd needs Node.js 22's zlib): a client limit, not the cluster's.
    if (/not supported in the current Node\.js version|not implemented/i.test(errorText(err))) return cell(client, capability, 'unsupported', `the client cannot do this here: ${errorText(err)}`, { error: errorText(err), ms });
    return cell(client, capability, 'fail', `failed: ${errorText(err)}`, { error: errorText(err), ms });
  } finally {
    clearTimeout(timer);
  }
}

/** The authorization-failure cell, from what the other cells saw: a refusal must be reported as a refusal. */
export function authorizationCell(client: string, cells: ProbeCell[]): ProbeCell {
  const denied = cells.filter((c) => c.status === 'denied');
  if (denied.length > 0) {
    return cell(client, 'authorization-failure', 'pass', `the client reported the refusal as an authorization error (${[...new Set(denied.map((c) => c.error))].join(', ')}) in ${denied.length} cell(s)`);
  }
  return cell(client, 'authorization-failure', 'not-run', 'the cluster refused nothing this principal asked for (e.g. a super user): run the probe as a principal without WRITE to see how the client reports a refusal');
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}
