// DescribeConfigs (v2–v4) with our own response decoder. The library's decoder builds an object for every config
// and synonym of every resource, then we normalised each into a snapshot entry: a third of a 5000-topic scan's
// client CPU. Nearly all topics answer the same bytes for a config (the broker/cluster default and its synonyms),
// so an entry is decoded once per distinct byte sequence and the normalised, redacted ConfigEntry is shared by
// every resource that answered those bytes. Same bytes, same fields, same entry: the snapshot is unchanged
// (and the snapshot writer's "same entry as the common one" test mostly becomes an identity check).

import { type Reader, Writer, createAPI } from './kafka-lib.js';
import type { ConfigEntry, ConfigMap } from '../model/snapshot.js';
import { normalizeEntry, type RawConfig } from './configs.js';
import { setKey } from '../model/dict.js';

export interface ConfigResourceRequest {
  resourceType: number;
  resourceName: string;
}

export interface DescribedResource {
  errorCode: number;
  errorMessage: string | null;
  resourceType: number;
  resourceName: string;
  configs: ConfigMap;
}

/** Distinct entries remembered per client; past this, new ones are still decoded, just not remembered. */
const MAX_CACHED = 50_000;

type Cached = { name: string; entry: ConfigEntry };

class Truncated extends Error {
  constructor() {
    super('DescribeConfigs response is truncated or malformed');
  }
}

/**
 * Decodes DescribeConfigs responses. One instance per client: its cache maps the raw bytes of a config entry
 * to the entry they decode to, so entries repeated across resources (and across chunked requests) are decoded once.
 */
export class DescribeConfigsDecoder {
  readonly #cache = new Map<string, Cached>();
  /** Per entry index: the bytes and entry the last resource answered there (resources list configs in one order). */
  readonly #previous: ({ bytes: Buffer; item: Cached } | undefined)[] = [];
  #previousVersion = -1;
  #b: Buffer = Buffer.alloc(0);
  #p = 0;
  #flexible = true;

  decode(buffer: Buffer, version: number): DescribedResource[] {
    this.#b = buffer;
    this.#p = 0;
    this.#flexible = version >= 4;
    // Byte layouts differ between versions: remembered entries only match within one version.
    if (version !== this.#previousVersion) {
      this.#previous.length = 0;
      this.#previousVersion = version;
    }
    try {
      this.#int32(); // throttle_time_ms
      const n = this.#arrayLength();
      const out: DescribedResource[] = new Array(n);
      for (let i = 0; i < n; i++) {
        const errorCode = this.#int16();
        const errorMessage = this.#string();
        const resourceType = this.#int8();
        const resourceName = this.#string() ?? '';
        const count = this.#arrayLength();
        const items: Cached[] = new Array(count);
        let sorted = true;
        for (let j = 0; j < count; j++) {
          const item = this.#entry(version, j);
          items[j] = item;
          if (sorted && j > 0 && items[j - 1]!.name > item.name) sorted = false;
        }
        // Ordinal order (config names are ASCII); brokers usually answer sorted already.
        if (!sorted) items.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
        const configs: ConfigMap = {};
        // A plain object (topics' maps share V8's shape); setKey keeps a config named __proto__ an entry.
        for (const { name, entry } of items) setKey(configs, name, entry);
        this.#tags();
        out[i] = { errorCode, errorMessage, resourceType, resourceName, configs };
      }
      return out;
    } finally {
      this.#b = Buffer.alloc(0);
    }
  }

  /** One config entry: from the cache when these exact bytes were seen before, else decoded and normalised. */
  #entry(version: number, j: number): Cached {
    const start = this.#p;
    // Fast path: the previous resource's entry at this index, compared byte for byte in place (no string, no
    // hash). The encoding is self-delimiting, so bytes equal to a whole earlier entry are that entry.
    const prev = this.#previous[j];
    if (prev !== undefined && start + prev.bytes.length <= this.#b.length && this.#b.compare(prev.bytes, 0, prev.bytes.length, start, start + prev.bytes.length) === 0) {
      this.#p = start + prev.bytes.length;
      return prev.item;
    }
    const item = this.#lookup(version, start);
    // A copy: the slot outlives this response buffer.
    this.#previous[j] = { bytes: Buffer.from(this.#b.subarray(start, this.#p)), item };
    return item;
  }

  #lookup(version: number, start: number): Cached {
    this.#skipEntry(version);
    const key = this.#b.toString('latin1', start, this.#p);
    const hit = this.#cache.get(key);
    if (hit) return hit;
    const end = this.#p;
    this.#p = start;
    const raw = this.#decodeEntry(version);
    this.#p = end;
    const item = { name: raw.name, entry: normalizeEntry(raw) };
    if (this.#cache.size < MAX_CACHED) this.#cache.set(key, item);
    return item;
  }

  #skipEntry(version: number): void {
    this.#skipString(); // name
    this.#skipString(); // value
    this.#need(3);
    this.#p += 3; // read_only, config_source, is_sensitive
    const synonyms = this.#arrayLength();
    for (let k = 0; k < synonyms; k++) {
      this.#skipString();
      this.#skipString();
      this.#need(1);
      this.#p += 1; // source
      this.#tags();
    }
    if (version >= 3) {
      this.#need(1);
      this.#p += 1; // config_type
      this.#skipString(); // documentation
    }
    this.#tags();
  }

  #decodeEntry(version: number): RawConfig {
    const name = this.#string() ?? '';
    const value = this.#string();
    const readOnly = this.#int8() === 1;
    const configSource = this.#int8();
    const isSensitive = this.#int8() === 1;
    const n = this.#arrayLength();
    const synonyms: RawConfig['synonyms'] = new Array(n);
    for (let k = 0; k < n; k++) {
      const sName = this.#string() ?? '';
      const sValue = this.#string();
      synonyms[k] = { name: sName, value: sValue, source: this.#int8() };
      this.#tags();
    }
    const raw: RawConfig = { name, value, readOnly, configSource, isSensitive, synonyms };
    if (version >= 3) {
      raw.configType = this.#int8();
      this.#skipString(); // documentation (not requested)
    }
    this.#tags();
    return raw;
  }

  #need(n: number): void {
    if (this.#p + n > this.#b.length) throw new Truncated();
  }

  #int8(): number {
    this.#need(1);
    return this.#b.readInt8(this.#p++);
  }

  #int16(): number {
    this.#need(2);
    const v = this.#b.readInt16BE(this.#p);
    this.#p += 2;
    return v;
  }

  #int32(): number {
    this.#need(4);
    const v = this.#b.readInt32BE(this.#p);
    this.#p += 4;
    return v;
  }

  #uvarint(): number {
    const b = this.#b;
    let value = 0;
    let shift = 0;
    for (;;) {
      if (this.#p >= b.length || shift > 28) throw new Truncated();
      const byte = b[this.#p++]!;
      value += (byte & 0x7f) * 2 ** shift;
      if (byte < 0x80) return value;
      shift += 7;
    }
  }

  /** Compact (flexible) or classic array length; a null array counts as empty. */
  #arrayLength(): number {
    const n = this.#flexible ? this.#uvarint() - 1 : this.#int32();
    if (n > this.#b.length - this.#p) throw new Truncated(); // every element takes at least a byte
    return n < 0 ? 0 : n;
  }

  /** Length of the next (nullable) string, the cursor on its first byte; -1 for null. */
  #stringLength(): number {
    const n = this.#flexible ? this.#uvarint() - 1 : this.#int16();
    if (n > 0) this.#need(n);
    return n;
  }

  #string(): string | null {
    const n = this.#stringLength();
    if (n < 0) return null;
    const s = this.#b.toString('utf8', this.#p, this.#p + n);
    this.#p += n;
    return s;
  }

  #skipString(): void {
    const n = this.#stringLength();
    if (n > 0) this.#p += n;
  }

  /** Tagged fields (flexible versions only): none are defined for DescribeConfigs, all are skipped. */
  #tags(): void {
    if (!this.#flexible) return;
    const count = this.#uvarint();
    for (let i = 0; i < count; i++) {
      this.#uvarint(); // tag
      const size = this.#uvarint();
      this.#need(size);
      this.#p += size;
    }
  }
}

function request(flexible: boolean) {
  return (resources: ConfigResourceRequest[], includeSynonyms: boolean, includeDocumentation: boolean): Writer => {
    const w = Writer.create().appendArray(
      resources,
      (rw, r) => {
        rw.appendInt8(r.resourceType)
          .appendString(r.resourceName, flexible)
          .appendArray(null, (kw, k: string) => kw.appendString(k, flexible), flexible, false);
      },
      flexible,
      flexible,
    );
    w.appendBoolean(includeSynonyms).appendBoolean(includeDocumentation);
    return flexible ? w.appendTaggedFields() : w;
  };
}

/** The three DescribeConfigs versions, each decoding with this decoder (v4 is flexible, v2–v3 are not). */
export function describeConfigsApis(decoder: DescribeConfigsDecoder) {
  const parse = (_c: number, _k: number, version: number, reader: Reader): DescribedResource[] =>
    // The reader may span many socket chunks: one copy into a single buffer makes every read a plain index.
    decoder.decode(reader.buffer.slice(reader.position), version);
  return [4, 3, 2].map((v) => createAPI<[ConfigResourceRequest[], boolean, boolean], DescribedResource[]>(32, v, request(v >= 4), parse, v >= 4, v >= 4));
}
