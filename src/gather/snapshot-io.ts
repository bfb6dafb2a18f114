// Snapshot files. Version 2 is JSON Lines: a header line, then one record per line, each a few thousand
// items at most, then an end line with the record count (a truncated file is detected). Nothing is ever
// one big string, so size is bounded by memory, not by V8's string limit; a name ending in .gz is gzipped.
// Large artifacts are encoded compactly (partitions and offsets as tuples) and topic configs are stored as
// the entries every topic shares ("common") plus what differs per topic, so source and synonyms survive.
// Every line is checked against the snapshot schema (./snapshot-schema.ts, written to schema/snapshot.schema.json)
// on read. Version 1 (one JSON document) is still read. The in-memory Snapshot is the same whichever version was read.

import { createReadStream, createWriteStream, mkdirSync, readFileSync } from 'node:fs';
import { once } from 'node:events';
import path from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import { createGunzip, createGzip } from 'node:zlib';
import type { Readable, Writable } from 'node:stream';
import { Ajv, type ValidateFunction } from 'ajv';
import { ConfigError } from '../errors.js';
import { buildSnapshotSchema } from './snapshot-schema.js';
import { dict, setKey, toDict } from '../model/dict.js';
import {
  type Artifact,
  type ConfigEntry,
  type ConfigMap,
  type GroupOffsetsArtifact,
  type LogDirInfo,
  type OffsetSample,
  type PartitionInfo,
  type PartitionOffsets,
  type Snapshot,
  type TopicInfo,
  SNAPSHOT_VERSION,
  artifactsStoredAs,
} from '../model/snapshot.js';

export const SNAPSHOT_FORMAT = 'kafka-readiness-snapshot';
/** File version 3 = version 2 plus offset samples as deltas (offsetDeltas/groupOffsetDeltas); 2 is still read. */
export const SNAPSHOT_FILE_VERSION = 3;
/** Artifacts written as chunks of list items (the catalog's `file: 'items'`). */
const STORED_AS_ITEMS: ReadonlySet<string> = new Set(artifactsStoredAs('items'));
/** Items per record line: small enough for cheap lines, large enough that record overhead is negligible. */
const CHUNK = 1000;

// ---------------------------------------------------------------------------------------------------------
// Compact encodings

/** [partition, leader, leaderEpoch, replicas, isr?, offline?, error?]; isr omitted when equal to replicas. */
type PartitionTuple = [number, number, number, number[], (number[] | null)?, number[]?, string?];
type OffsetTuple = [string | null, string | null, (string | null | 0)?, string?];

const sameList = (a: number[], b: number[]) => a.length === b.length && a.every((x, i) => x === b[i]);

function encodePartition(p: PartitionInfo): PartitionTuple {
  const t: PartitionTuple = [p.partition, p.leader, p.leaderEpoch, p.replicas];
  const offline = p.offline ?? [];
  if (!sameList(p.isr, p.replicas) || offline.length || p.error !== undefined) t.push(sameList(p.isr, p.replicas) ? null : p.isr);
  if (offline.length || p.error !== undefined) t.push(offline);
  if (p.error !== undefined) t.push(p.error);
  return t;
}

function decodePartition(t: PartitionTuple): PartitionInfo {
  const [partition, leader, leaderEpoch, replicas, isr, offline, error] = t;
  const p: PartitionInfo = { partition, leader, leaderEpoch, replicas, isr: isr ?? replicas, offline: offline ?? [] };
  if (error !== undefined) p.error = error;
  return p;
}

function encodeOffsets(o: PartitionOffsets): OffsetTuple {
  const t: OffsetTuple = [o.earliest, o.latest];
  // 0 marks an absent `stable` (offsets are strings or null, never numbers).
  if (o.stable !== undefined || o.error !== undefined) t.push(o.stable === undefined ? 0 : o.stable);
  if (o.error !== undefined) t.push(o.error);
  return t;
}

/** Thrown by the decoders on a value the schema types but cannot constrain further; push names the line. */
class BadValue extends Error {}
const DECIMAL = /^-?\d{1,20}$/;
/** Offsets are decimal strings (64-bit): the engine does BigInt arithmetic on them. */
function offsetValue<T extends string | null | undefined>(v: T): T {
  if (typeof v === 'string' && !DECIMAL.test(v)) throw new BadValue(`offset ${JSON.stringify(v.slice(0, 40))} must be a decimal offset string or null`);
  return v;
}

function decodeOffsets(t: OffsetTuple): PartitionOffsets {
  offsetValue(t[0]);
  offsetValue(t[1]);
  if (t[2] !== 0) offsetValue(t[2]);
  const o: PartitionOffsets = { earliest: t[0], latest: t[1] };
  if (t.length > 2 && t[2] !== 0) o.stable = t[2] as string | null;
  if (t[3] !== undefined) o.error = t[3];
  return o;
}

/** A record keyed "0".."n-1" in order becomes an array; anything else stays an object. */
function isDense(keys: string[]): boolean {
  for (let i = 0; i < keys.length; i++) if (keys[i] !== String(i)) return false;
  return true;
}

function encodeByPartition<V, E>(m: Record<string, V>, enc: (v: V) => E): E[] | Record<string, E> {
  const keys = Object.keys(m);
  if (isDense(keys)) return keys.map((k) => enc(m[k]!));
  const out = dict<E>();
  for (const k of keys) out[k] = enc(m[k]!);
  return out;
}

function decodeByPartition<E, V>(e: E[] | Record<string, E>, dec: (x: E) => V): Record<string, V> {
  const out: Record<string, V> = Array.isArray(e) ? {} : dict<V>();
  if (Array.isArray(e)) for (let i = 0; i < e.length; i++) out[indexKey(i)] = dec(e[i]!);
  else for (const k of Object.keys(e)) out[k] = dec(e[k]!);
  return out;
}

const identity = <T>(x: T): T => x;

function encodeOffsetMap(v: Record<string, Record<string, PartitionOffsets>>): [string, OffsetTuple[] | Record<string, OffsetTuple>][] {
  return Object.entries(v).map(([t, parts]) => [t, encodeByPartition(parts, encodeOffsets)]);
}

/** group → topic → partition → offset, with dense partitions as arrays. */
function encodeGroupOffsets(v: GroupOffsetsArtifact): [string, Record<string, string[] | Record<string, string>>][] {
  return Object.entries(v).map(([g, topics]) => {
    const out = dict<string[] | Record<string, string>>();
    for (const [t, parts] of Object.entries(topics)) out[t] = encodeByPartition(parts, identity);
    return [g, out];
  });
}

function decodeGroupTopics(topics: Record<string, string[] | Record<string, string>>): Record<string, Record<string, string>> {
  const out = dict<Record<string, string>>();
  for (const [t, parts] of Object.entries(topics)) out[t] = decodeByPartition(parts, offsetValue);
  return out;
}

// Offset samples as deltas. A sample's offsets differ from the scan's (the first sample) by what was appended
// or committed in between: small numbers instead of 64-bit decimal strings (a 5-sample snapshot of 200k
// partitions was half samples). Exact by construction: a value is a delta only when it and its base are
// canonical decimals below 10^15 (< 2^53), so Number arithmetic is exact; anything else (null, an error, a
// partition the scan lacks, a huge offset) keeps the plain string encoding, chosen per topic or group.

/** The number a decimal offset string is when Number arithmetic on it is exact and it round-trips, else undefined. */
function exactNumber(v: string | null | undefined): number | undefined {
  if (typeof v !== 'string' || v.length > 15) return undefined;
  const n = Number(v);
  return Number.isInteger(n) && String(n) === v ? n : undefined;
}

type DeltaTuple = [number, number] | [number, number, number];

function offsetDelta(o: PartitionOffsets, base: PartitionOffsets | undefined): DeltaTuple | undefined {
  if (!base || o.error !== undefined || base.error !== undefined || (o.stable === undefined) !== (base.stable === undefined)) return undefined;
  const e = exactNumber(o.earliest);
  const l = exactNumber(o.latest);
  const be = exactNumber(base.earliest);
  const bl = exactNumber(base.latest);
  if (e === undefined || l === undefined || be === undefined || bl === undefined) return undefined;
  if (o.stable === undefined) return [e - be, l - bl];
  const st = exactNumber(o.stable);
  const bs = exactNumber(base.stable);
  return st === undefined || bs === undefined ? undefined : [e - be, l - bl, st - bs];
}

/** A topic's offsets as deltas from the base, or undefined when one partition cannot be (then the topic is written plainly). */
function topicDeltas(parts: Record<string, PartitionOffsets>, base: Record<string, PartitionOffsets> | undefined): DeltaTuple[] | Record<string, DeltaTuple> | undefined {
  if (!base) return undefined;
  const out = dict<DeltaTuple>();
  for (const p of Object.keys(parts)) {
    const d = offsetDelta(parts[p]!, base[p]);
    if (!d) return undefined;
    out[p] = d;
  }
  return encodeByPartition(out, identity);
}

function groupDeltas(topics: Record<string, Record<string, string>>, base: Record<string, Record<string, string>> | undefined): Record<string, number[] | Record<string, number>> | undefined {
  if (!base) return undefined;
  const out = dict<number[] | Record<string, number>>();
  for (const [t, parts] of Object.entries(topics)) {
    const b = Object.hasOwn(base, t) ? base[t] : undefined;
    if (!b) return undefined;
    const d = dict<number>();
    for (const p of Object.keys(parts)) {
      const v = exactNumber(parts[p]);
      const bv = exactNumber(Object.hasOwn(b, p) ? b[p] : undefined);
      if (v === undefined || bv === undefined) return undefined;
      d[p] = v - bv;
    }
    out[t] = encodeByPartition(d, identity);
  }
  return out;
}

/**
 * Base + delta as the decimal string the engine reads. The base passed the decimal check when its record was
 * read, so up to 15 digits it is an exact Number (no round-trip check needed on this hot path). Throws a
 * DeltaFault without context: the caller names the partition (no message is built per offset).
 */
function applyDelta(base: string | null | undefined, d: number): string {
  if (typeof base !== 'string' || base.length > 15) throw new DeltaFault('a delta needs an exact base offset');
  // Unchanged (a log start that did not move): the base's own string, no new one to hold.
  if (d === 0) return base;
  const v = Number(base) + d;
  if (!Number.isSafeInteger(v)) throw new DeltaFault('offset out of range');
  return String(v);
}

class DeltaFault extends Error {}

/** A base offset a zero delta may stand on (what applyDelta accepts). */
const exactBase = (v: string | null | undefined): boolean => typeof v === 'string' && v.length <= 15;

function partialOf(p: NonNullable<OffsetSample['partial']>): NonNullable<OffsetSample['partial']> {
  return { ...p, partitions: toDict(p.partitions) };
}

/** "0", "1", …: partition keys of dense records, made once. */
const INDEX_KEYS: string[] = [];
const indexKey = (i: number): string => (INDEX_KEYS[i] ??= String(i));

/** Field-by-field equality of two config entries (cheap: this runs for every entry of every topic). */
function sameEntry(a: ConfigEntry, b: ConfigEntry): boolean {
  if (a === b) return true;
  if (a.value !== b.value || a.source !== b.source || a.sensitive !== b.sensitive || a.readOnly !== b.readOnly) return false;
  const x = a.synonyms;
  const y = b.synonyms;
  if (x.length !== y.length) return false;
  for (let i = 0; i < x.length; i++) if (x[i]!.name !== y[i]!.name || x[i]!.value !== y[i]!.value || x[i]!.source !== y[i]!.source) return false;
  return true;
}

/** Distinct entries tracked per config name; a name with more variants than this has no common entry worth it. */
const MAX_VARIANTS = 16;

/**
 * The entry most topics share for each config name (in practice the broker/cluster default, with its
 * synonyms), so each topic stores only its differences; the chosen entries are written once.
 */
function commonConfigs(all: Record<string, ConfigMap>): Record<string, ConfigEntry> {
  const variants = new Map<string, { n: number; entry: ConfigEntry }[]>();
  for (const map of Object.values(all)) {
    for (const name of Object.keys(map)) {
      const entry = map[name]!;
      let list = variants.get(name);
      if (!list) variants.set(name, (list = []));
      const slot = list.find((v) => sameEntry(v.entry, entry));
      if (slot) slot.n++;
      else if (list.length < MAX_VARIANTS) list.push({ n: 1, entry });
    }
  }
  const common = dict<ConfigEntry>();
  for (const [name, list] of variants) {
    let best: { n: number; entry: ConfigEntry } | undefined;
    for (const v of list) if (!best || v.n > best.n) best = v;
    if (best && best.n > 1) common[name] = best.entry;
  }
  return common;
}

// ---------------------------------------------------------------------------------------------------------
// Writer

type Line = Record<string, unknown>;

function* chunks<T>(items: T[], size = CHUNK): Generator<T[]> {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size);
}

/** The records of a snapshot, one object per line (header first, end marker last). */
export function* encodeSnapshot(snapshot: Snapshot): Generator<Line> {
  let count = 0;
  const header = { format: SNAPSHOT_FORMAT, snapshotVersion: SNAPSHOT_FILE_VERSION, tool: snapshot.tool, takenAt: snapshot.takenAt, target: snapshot.target, stats: snapshot.stats };
  yield header;
  const a = snapshot.artifacts as unknown as Record<string, Artifact<unknown>>;
  for (const name of Object.keys(a)) {
    const art = a[name];
    if (!art) continue;
    if (!art.ok) {
      count++;
      yield { artifact: name, error: art.error };
      continue;
    }
    count++;
    // visibility (whether a permission-filtered list is whole) travels with the start record: without it a
    // snapshot read back would let checks pass on a list the principal could only partly see.
    yield { artifact: name, ok: true, ...(art.issues ? { issues: art.issues } : {}), ...(art.visibility ? { visibility: art.visibility } : {}) };
    for (const line of encodeValue(name, art.value, snapshot)) {
      count++;
      yield line;
    }
  }
  yield { end: true, records: count };
}

function* encodeValue(name: string, value: unknown, snapshot: Snapshot): Generator<Line> {
  const artifact = name;
  switch (name) {
    case 'topics':
      for (const c of chunks(value as TopicInfo[])) {
        yield { artifact, items: c.map((t) => [t.name, t.id, t.internal, t.partitions.map(encodePartition), ...(t.error !== undefined ? [t.error] : [])]) };
      }
      return;
    case 'topicConfigs':
    case 'brokerConfigs': {
      const all = value as Record<string, ConfigMap>;
      const common = commonConfigs(all);
      const names = Object.keys(common);
      yield { artifact, common };
      const entries = Object.keys(all).map((topic) => {
        const map = all[topic]!;
        // A plain object (most stay empty); setKey keeps a config named __proto__ an entry.
        const own: Record<string, ConfigEntry> = {};
        let shared = 0;
        for (const k of Object.keys(map)) {
          const c = common[k];
          if (c !== undefined) shared++;
          if (c === undefined || !sameEntry(c, map[k]!)) setKey(own, k, map[k]!);
        }
        // Every common name present (the usual case): nothing to list as absent.
        const absent = shared === names.length ? [] : names.filter((k) => !Object.hasOwn(map, k));
        return absent.length ? [topic, own, absent] : [topic, own];
      });
      for (const c of chunks(entries)) yield { artifact, entries: c };
      return;
    }
    case 'logDirs':
      for (const [broker, dirs] of Object.entries(value as Record<string, LogDirInfo[]>)) {
        yield { artifact, broker, dirs: dirs.map(({ topics: _t, ...d }) => d) };
        for (let i = 0; i < dirs.length; i++) {
          // topic → [partition, bytes, partition, bytes, …]
          const entries = Object.entries(dirs[i]!.topics).map(([t, parts]) => [t, Object.entries(parts).flatMap(([p, size]) => [Number(p), size])]);
          for (const c of chunks(entries)) yield { artifact, broker, dir: i, entries: c };
        }
      }
      return;
    case 'offsets':
      for (const c of chunks(encodeOffsetMap(value as Record<string, Record<string, PartitionOffsets>>))) yield { artifact, entries: c };
      return;
    case 'groupOffsets':
      for (const c of chunks(encodeGroupOffsets(value as GroupOffsetsArtifact))) yield { artifact, entries: c };
      return;
    case 'samples': {
      const offsets = snapshot.artifacts.offsets.ok ? snapshot.artifacts.offsets.value : undefined;
      const groupOffsets = snapshot.artifacts.groupOffsets.ok ? snapshot.artifacts.groupOffsets.value : undefined;
      const samples = value as OffsetSample[];
      for (let index = 0; index < samples.length; index++) {
        const s = samples[index]!;
        // The first sample is the scan itself: the same objects as the offsets and groupOffsets artifacts.
        const sameOffsets = s.offsets === offsets;
        const sameGroups = s.groupOffsets === groupOffsets;
        // partial (partitions a sample lacks) must survive: without it, missing offsets would read as unchanged.
        yield { artifact, sample: index, at: s.at, groupStates: s.groupStates, groupMembers: s.groupMembers, ...(s.partial ? { partial: s.partial } : {}), ...(sameOffsets ? { offsets: 'offsets' } : {}), ...(sameGroups ? { groupOffsets: 'groupOffsets' } : {}) };
        if (!sameOffsets) {
          const plain = dict<Record<string, PartitionOffsets>>();
          const deltas: [string, DeltaTuple[] | Record<string, DeltaTuple>][] = [];
          for (const [t, parts] of Object.entries(s.offsets)) {
            const d = topicDeltas(parts, offsets && Object.hasOwn(offsets, t) ? offsets[t] : undefined);
            if (d) deltas.push([t, d]);
            else plain[t] = parts;
          }
          for (const c of chunks(deltas)) yield { artifact, sample: index, offsetDeltas: c };
          for (const c of chunks(encodeOffsetMap(plain))) yield { artifact, sample: index, offsets: c };
        }
        if (!sameGroups) {
          const plain: GroupOffsetsArtifact = dict();
          const deltas: [string, Record<string, number[] | Record<string, number>>][] = [];
          for (const [g, topics] of Object.entries(s.groupOffsets)) {
            const d = groupDeltas(topics, groupOffsets && Object.hasOwn(groupOffsets, g) ? groupOffsets[g] : undefined);
            if (d) deltas.push([g, d]);
            else plain[g] = topics;
          }
          for (const c of chunks(deltas)) yield { artifact, sample: index, groupOffsetDeltas: c };
          for (const c of chunks(encodeGroupOffsets(plain))) yield { artifact, sample: index, groupOffsets: c };
        }
      }
      return;
    }
    default:
      // Lists the catalog stores as `items` go in chunks, so no line grows with the cluster.
      if (STORED_AS_ITEMS.has(name) && Array.isArray(value)) {
        for (const c of chunks(value)) yield { artifact, items: c };
        return;
      }
      break;
  }
  yield { artifact, value };
}

async function writeLines(out: Writable, lines: Iterable<Line>): Promise<void> {
  let buf: string[] = [];
  let size = 0;
  for (const line of lines) {
    const s = JSON.stringify(line);
    buf.push(s, '\n');
    size += s.length + 1;
    if (size >= 1 << 20) {
      if (!out.write(buf.join(''))) await once(out, 'drain');
      buf = [];
      size = 0;
    }
  }
  out.end(buf.join(''));
}

/** Writes the snapshot in the current format (gzipped when the name ends in .gz). */
export async function writeSnapshotFile(file: string, snapshot: Snapshot): Promise<void> {
  // The output path was checked before the gather; a folder that does not exist yet is created, as for reports.
  try {
    mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  } catch (err) {
    throw new ConfigError(`${file}: cannot write snapshot (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  const fileStream = createWriteStream(file);
  const failed = new Promise<never>((_, reject) => fileStream.once('error', reject));
  const done = once(fileStream, 'finish');
  const gzip = file.endsWith('.gz') ? createGzip({ level: 6 }) : null;
  if (gzip) gzip.pipe(fileStream);
  failed.catch(() => undefined);
  await Promise.race([writeLines(gzip ?? fileStream, encodeSnapshot(snapshot)).then(() => done), failed]).catch((err: NodeJS.ErrnoException) => {
    throw new ConfigError(`${file}: cannot write snapshot (${err.code ?? err.message})`);
  });
}

// ---------------------------------------------------------------------------------------------------------
// Reader

let validators: { header: ValidateFunction; record: ValidateFunction } | undefined;
function getValidators() {
  if (!validators) {
    const schema = buildSnapshotSchema();
    // The schema is ours and pinned by a test: checking it against the JSON Schema meta-schema at every read
    // would cost start-up time for nothing (validateSchema), and unoptimised code compiles faster for one file.
    const ajv = new Ajv({ allErrors: false, strict: false, validateSchema: false, code: { optimize: false } });
    ajv.addSchema(schema, 'snapshot');
    validators = { header: ajv.getSchema('snapshot#/definitions/header')!, record: ajv.getSchema('snapshot#/definitions/record')! };
  }
  return validators;
}

function schemaError(v: ValidateFunction): string {
  const e = v.errors?.[0];
  return e ? `${e.instancePath || '/'} ${e.message ?? 'is invalid'}` : 'is invalid';
}

/**
 * Artifacts of a decoded version-2 snapshot whose every value the record schema typed (built from typed
 * records, never from a free `value` record): the engine's shape check need not walk them again.
 */
const schemaTyped = new WeakMap<object, ReadonlySet<string>>();
// Offsets (decimal strings) and sample times are checked by the decoder as it builds them.
const TYPED_BY_SCHEMA = artifactsStoredAs('codec');
export function schemaTypedArtifacts(snapshot: unknown): ReadonlySet<string> {
  return (snapshot !== null && typeof snapshot === 'object' && schemaTyped.get(snapshot)) || new Set();
}

/** Builds a Snapshot from version-2 record lines (already split); `where(n)` names line n in errors. */
export class SnapshotDecoder {
  private snapshot: Snapshot | undefined;
  private artifacts: Record<string, Artifact<unknown>> = dict();
  private line = 0;
  private records = 0;
  private ended = false;
  private common: Record<string, { entries: Record<string, ConfigEntry>; names: string[] }> = dict();
  private untyped = new Set<string>();
  private fileVersion = SNAPSHOT_FILE_VERSION;

  constructor(private readonly where: (line: number) => string) {}

  private fail(message: string): never {
    throw new ConfigError(`${this.where(this.line)}: ${message}`);
  }

  push(text: string): void {
    this.line++;
    if (text.trim() === '') return;
    if (this.ended) this.fail('data after the end record');
    let rec: Record<string, unknown>;
    try {
      rec = JSON.parse(text) as Record<string, unknown>;
    } catch (err) {
      this.fail(`not valid JSON (${(err as Error).message.split('\n')[0]})`);
    }
    const { header, record } = getValidators();
    if (!this.snapshot) {
      if (!header(rec)) this.fail(`not a kafka-readiness snapshot header: ${schemaError(header)}`);
      this.fileVersion = rec.snapshotVersion as number;
      const h = rec as unknown as Snapshot;
      this.snapshot = { snapshotVersion: SNAPSHOT_VERSION, tool: h.tool, takenAt: h.takenAt, target: h.target, artifacts: this.artifacts as never, stats: h.stats };
      return;
    }
    if (!record(rec)) this.fail(`invalid snapshot record: ${schemaError(record)}`);
    if (rec.end === true) {
      if (rec.records !== this.records) this.fail(`end record counts ${String(rec.records)} records, the file has ${this.records}`);
      this.ended = true;
      return;
    }
    this.records++;
    try {
      this.apply(rec);
    } catch (err) {
      if (err instanceof BadValue) this.fail(`invalid snapshot record: ${err.message}`);
      throw err;
    }
  }

  private apply(rec: Record<string, unknown>): void {
    const name = rec.artifact as string;
    if ('error' in rec) {
      this.artifacts[name] = { ok: false, error: rec.error as never };
      return;
    }
    if (rec.ok === true) {
      if (this.artifacts[name]) this.fail(`artifact ${name} appears twice`);
      // Data records fill it in: lists for `items` artifacts and the codec's lists, objects otherwise.
      // Objects are keyed by topic, group or broker: null-prototype maps, so a topic called __proto__ is an entry.
      const empty = STORED_AS_ITEMS.has(name) || name === 'topics' || name === 'samples' ? [] : dict();
      this.artifacts[name] = { ok: true, value: empty, ...(rec.issues ? { issues: rec.issues as never } : {}), ...(rec.visibility ? { visibility: rec.visibility as never } : {}) };
      return;
    }
    const art = this.artifacts[name];
    if (!art || !art.ok) this.fail(`data for artifact ${name} before its start record`);
    const value = art.value as never;
    if ('value' in rec) {
      this.untyped.add(name);
      art.value = rec.value;
      return;
    }
    switch (name) {
      case 'topics':
        for (const t of rec.items as [string, string, boolean, PartitionTuple[], string?][]) {
          const info: TopicInfo = { name: t[0], id: t[1], internal: t[2], partitions: t[3].map(decodePartition) };
          if (t[4] !== undefined) info.error = t[4];
          (value as TopicInfo[]).push(info);
        }
        return;
      case 'topicConfigs':
      case 'brokerConfigs': {
        if (rec.common) {
          const entries = toDict(rec.common as Record<string, ConfigEntry>);
          this.common[name] = { entries, names: Object.keys(entries) };
          return;
        }
        const common = this.common[name];
        if (!common) this.fail(`${name} entries before its common record`);
        for (const [topic, own, absent] of rec.entries as [string, Record<string, ConfigEntry>, string[]?][]) {
          // Entries shared by every topic are the same objects in memory: read-only to checks anyway.
          // A plain object (the same key order for every topic: one V8 shape); setKey and a key loop instead of
          // Object.assign, which would take an own `__proto__` entry for the prototype.
          const map: ConfigMap = {};
          const skip = absent ? new Set(absent) : undefined;
          for (const k of common.names) if (!skip?.has(k)) setKey(map, k, common.entries[k]!);
          for (const k of Object.keys(own)) setKey(map, k, own[k]!);
          (value as Record<string, ConfigMap>)[topic] = map;
        }
        return;
      }
      case 'logDirs': {
        const broker = rec.broker as string;
        const v = value as Record<string, LogDirInfo[]>;
        if (rec.dirs) {
          v[broker] = (rec.dirs as Omit<LogDirInfo, 'topics'>[]).map((d) => ({ ...d, topics: dict() }));
          return;
        }
        const dir = v[broker]?.[rec.dir as number];
        if (!dir) this.fail(`log dir ${String(rec.dir)} of broker ${broker} not declared`);
        for (const [t, flat] of rec.entries as [string, number[]][]) {
          const parts: Record<string, number> = (dir.topics[t] ??= {});
          for (let i = 0; i + 1 < flat.length; i += 2) parts[String(flat[i])] = flat[i + 1]!;
        }
        return;
      }
      case 'offsets':
        for (const [t, parts] of rec.entries as [string, OffsetTuple[] | Record<string, OffsetTuple>][]) (value as Record<string, unknown>)[t] = decodeByPartition(parts, decodeOffsets);
        return;
      case 'groupOffsets':
        for (const [g, topics] of rec.entries as [string, Record<string, string[] | Record<string, string>>][]) (value as Record<string, unknown>)[g] = decodeGroupTopics(topics);
        return;
      case 'samples': {
        const list = value as OffsetSample[];
        const index = rec.sample as number;
        if ('at' in rec) {
          if (index !== list.length) this.fail(`sample ${index} out of order`);
          if (Number.isNaN(Date.parse(rec.at as string))) this.fail(`sample ${index}: at must be an ISO 8601 time`);
          const ref = (n: 'offsets' | 'groupOffsets') => {
            const a = this.artifacts[n];
            if (!a?.ok) this.fail(`sample ${index} refers to ${n}, which is not in the snapshot`);
            return a.value as never;
          };
          list.push({
            at: rec.at as string,
            offsets: rec.offsets === 'offsets' ? ref('offsets') : dict(),
            groupOffsets: rec.groupOffsets === 'groupOffsets' ? ref('groupOffsets') : dict(),
            groupStates: toDict(rec.groupStates as Record<string, string>),
            groupMembers: toDict(rec.groupMembers as Record<string, number>),
            ...(rec.partial ? { partial: partialOf(rec.partial as NonNullable<OffsetSample['partial']>) } : {}),
          });
          return;
        }
        const s = list[index];
        if (!s) this.fail(`data for sample ${index} before its start record`);
        if (Array.isArray(rec.offsets)) for (const [t, parts] of rec.offsets as [string, OffsetTuple[] | Record<string, OffsetTuple>][]) s.offsets[t] = decodeByPartition(parts, decodeOffsets);
        if (rec.offsetDeltas || rec.groupOffsetDeltas) {
          if (this.fileVersion < 3) this.fail('offset deltas need snapshot file version 3');
          this.applyDeltas(s, rec);
        }
        if (Array.isArray(rec.groupOffsets)) for (const [g, topics] of rec.groupOffsets as [string, Record<string, string[] | Record<string, string>>][]) s.groupOffsets[g] = decodeGroupTopics(topics);
        return;
      }
      default:
        if (Array.isArray(value) && Array.isArray(rec.items)) {
          (value as unknown[]).push(...(rec.items as unknown[]));
          return;
        }
        this.fail(`unexpected record for artifact ${name}`);
    }
  }

  /** Sample offsets written as deltas from the scan's offsets and commits (file version 3). */
  private applyDeltas(s: OffsetSample, rec: Record<string, unknown>): void {
    const offsets = this.artifacts.offsets;
    const groupOffsets = this.artifacts.groupOffsets;
    if (rec.offsetDeltas) {
      if (!offsets?.ok) this.fail(`sample ${String(rec.sample)}: offset deltas without an offsets artifact`);
      const baseAll = offsets.value as Record<string, Record<string, PartitionOffsets>>;
      for (const [t, parts] of rec.offsetDeltas as [string, DeltaTuple[] | Record<string, DeltaTuple>][]) {
        const base = Object.hasOwn(baseAll, t) ? baseAll[t] : undefined;
        const out: Record<string, PartitionOffsets> = Array.isArray(parts) ? {} : dict();
        let p = '';
        const one = (d: DeltaTuple) => {
          const b = base && Object.hasOwn(base, p) ? base[p] : undefined;
          if (!b) throw new DeltaFault('a delta needs the partition in the offsets artifact');
          // A partition nothing happened to is the scan's own object (read-only to checks, like shared configs).
          if (d[0] === 0 && d[1] === 0 && (d.length > 2 ? d[2] === 0 && exactBase(b.stable) : b.stable === undefined) && exactBase(b.earliest) && exactBase(b.latest)) {
            out[p] = b;
            return;
          }
          const o: PartitionOffsets = { earliest: applyDelta(b.earliest, d[0]), latest: applyDelta(b.latest, d[1]) };
          if (d.length > 2) o.stable = applyDelta(b.stable, d[2]!);
          out[p] = o.earliest === b.earliest && o.latest === b.latest && o.stable === b.stable ? b : o;
        };
        try {
          if (Array.isArray(parts)) {
            for (let i = 0; i < parts.length; i++) {
              p = indexKey(i);
              one(parts[i]!);
            }
          } else {
            for (p of Object.keys(parts)) one(parts[p]!);
          }
        } catch (err) {
          if (err instanceof DeltaFault) throw new BadValue(`offsets of ${t}-${p}: ${err.message}`);
          throw err;
        }
        s.offsets[t] = out;
      }
    }
    if (rec.groupOffsetDeltas) {
      if (!groupOffsets?.ok) this.fail(`sample ${String(rec.sample)}: group offset deltas without a groupOffsets artifact`);
      const baseAll = groupOffsets.value as GroupOffsetsArtifact;
      for (const [g, topics] of rec.groupOffsetDeltas as [string, Record<string, number[] | Record<string, number>>][]) {
        const out = dict<Record<string, string>>();
        const ofGroup = Object.hasOwn(baseAll, g) ? baseAll[g] : undefined;
        for (const [t, parts] of Object.entries(topics)) {
          const base = ofGroup && Object.hasOwn(ofGroup, t) ? ofGroup[t] : undefined;
          const where = () => `committed offsets of ${g} on ${t}`;
          if (!base) throw new BadValue(`${where()}: a delta needs them in the groupOffsets artifact`);
          const committed: Record<string, string> = Array.isArray(parts) ? {} : dict();
          try {
            if (Array.isArray(parts)) {
              for (let i = 0; i < parts.length; i++) {
                const p = indexKey(i);
                committed[p] = applyDelta(base[p], parts[i]!);
              }
            } else for (const p of Object.keys(parts)) committed[p] = applyDelta(Object.hasOwn(base, p) ? base[p] : undefined, parts[p]!);
          } catch (err) {
            if (err instanceof DeltaFault) throw new BadValue(`${where()}: ${err.message}`);
            throw err;
          }
          out[t] = committed;
        }
        s.groupOffsets[g] = out;
      }
    }
  }

  finish(): Snapshot {
    if (!this.snapshot) this.fail('empty file: not a kafka-readiness snapshot');
    if (!this.ended) this.fail('truncated: no end record');
    schemaTyped.set(this.snapshot, new Set(TYPED_BY_SCHEMA.filter((n) => this.artifacts[n]?.ok && !this.untyped.has(n))));
    return this.snapshot;
  }
}

async function* lines(stream: Readable): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8');
  // Pieces of the line still open: searched once each, joined when its newline arrives (a record line can be
  // many chunks long; re-scanning a growing string per chunk was quadratic).
  let open: string[] = [];
  for await (const chunk of stream) {
    const text = decoder.write(chunk as Buffer);
    let start = 0;
    for (let nl = text.indexOf('\n'); nl !== -1; nl = text.indexOf('\n', start)) {
      const piece = text.slice(start, nl);
      if (open.length) {
        open.push(piece);
        yield open.join('');
        open = [];
      } else yield piece;
      start = nl + 1;
    }
    if (start < text.length) open.push(text.slice(start));
  }
  open.push(decoder.end());
  const rest = open.join('');
  if (rest) yield rest;
}

function openText(file: string): Readable {
  const raw = createReadStream(file, { highWaterMark: 1 << 20 });
  if (!file.endsWith('.gz')) return raw;
  const gunzip = createGunzip();
  raw.on('error', (err) => gunzip.destroy(err));
  return raw.pipe(gunzip);
}

async function firstLine(file: string): Promise<string> {
  const stream = openText(file);
  try {
    for await (const l of lines(stream)) return l;
    return '';
  } finally {
    stream.destroy();
  }
}

function fileError(file: string, err: unknown): ConfigError {
  if (err instanceof ConfigError) return err;
  const e = err as NodeJS.ErrnoException;
  if (e.code === 'ERR_STRING_TOO_LONG') return new ConfigError(`${file}: version-1 snapshot too large to read (rewrite it with a current tool)`);
  return new ConfigError(`${file}: cannot read snapshot (${e.code ?? e.message})`);
}

/**
 * Reads a snapshot file of any supported version. Version 1 is returned as parsed (the caller checks its
 * shape); version 2 is decoded and validated line by line.
 */
export async function readSnapshotData(file: string): Promise<unknown> {
  let head: string;
  try {
    head = await firstLine(file);
  } catch (err) {
    throw fileError(file, err);
  }
  let isV2 = false;
  try {
    const h = JSON.parse(head) as { format?: unknown };
    isV2 = h !== null && typeof h === 'object' && h.format === SNAPSHOT_FORMAT;
  } catch {
    // a pretty-printed version-1 document does not parse line by line
  }
  if (!isV2) return readV1(file);
  const decoder = new SnapshotDecoder((n) => `${file}:${n}`);
  try {
    for await (const l of lines(openText(file))) decoder.push(l);
  } catch (err) {
    throw fileError(file, err);
  }
  return decoder.finish();
}

async function readV1(file: string): Promise<unknown> {
  let text: string;
  try {
    if (file.endsWith('.gz')) {
      const parts: string[] = [];
      const decoder = new StringDecoder('utf8');
      for await (const chunk of openText(file)) parts.push(decoder.write(chunk as Buffer));
      parts.push(decoder.end());
      text = parts.join('');
    } else text = readFileSync(file, 'utf8');
  } catch (err) {
    throw fileError(file, err);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    const pos = /position (\d+)/.exec((err as Error).message);
    let where = '';
    if (pos) {
      const before = text.slice(0, Number(pos[1]));
      where = `:${before.split('\n').length}:${before.length - before.lastIndexOf('\n')}`;
    }
    throw new ConfigError(`${file}${where}: not valid JSON (${(err as Error).message.split('\n')[0]})`);
  }
  nameKeyedToDicts(data);
  return data;
}

const plainObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
const asDict = (v: unknown) => (plainObject(v) ? toDict(v) : v);
const okValue = (a: unknown): unknown => (plainObject(a) && a.ok === true ? a.value : undefined);

/**
 * A version-1 file parses into plain objects: an entry named `__proto__` is an own key there, but a lookup of an
 * absent `constructor` still finds Object's. The maps keyed by topic or group become null-prototype maps, as the
 * gather and the version-2 reader make them (model/dict.ts). The shape is checked later: anything unexpected is left.
 */
function nameKeyedToDicts(data: unknown): void {
  if (!plainObject(data) || !plainObject(data.artifacts)) return;
  const a = data.artifacts;
  const setValue = (name: string, f: (v: unknown) => unknown) => {
    const art = a[name];
    if (plainObject(art) && art.ok === true) art.value = f(art.value);
  };
  const groupOffsets = (v: unknown) => {
    const d = asDict(v);
    if (plainObject(d)) for (const g of Object.keys(d)) d[g] = asDict(d[g]);
    return d;
  };
  setValue('topicConfigs', asDict);
  setValue('offsets', asDict);
  setValue('groupOffsets', groupOffsets);
  const logDirs = okValue(a.logDirs);
  if (plainObject(logDirs)) for (const dirs of Object.values(logDirs)) if (Array.isArray(dirs)) for (const d of dirs) if (plainObject(d)) d.topics = asDict(d.topics);
  const groups = okValue(a.groups);
  if (Array.isArray(groups)) for (const g of groups) if (plainObject(g) && Array.isArray(g.members)) for (const m of g.members) if (plainObject(m) && plainObject(m.assignment)) m.assignment = toDict(m.assignment);
  const samples = okValue(a.samples);
  if (Array.isArray(samples)) {
    for (const smp of samples) {
      if (!plainObject(smp)) continue;
      smp.offsets = asDict(smp.offsets);
      smp.groupOffsets = groupOffsets(smp.groupOffsets);
      smp.groupStates = asDict(smp.groupStates);
      smp.groupMembers = asDict(smp.groupMembers);
      if (plainObject(smp.partial)) smp.partial.partitions = asDict(smp.partial.partitions);
    }
  }
}
