// Maps keyed by names the cluster chooses (topics, groups, principals, config names). `__proto__`, `constructor`,
// `toString` are legal Kafka topic and group names: on a plain `{}`, `m['__proto__'] = v` replaces the prototype
// instead of storing an entry, `m['constructor'] ??= {}` returns Object itself, and a lookup of a name that is
// absent finds Object.prototype's members. A null-prototype object has none of those: every key is an ordinary
// own property, and it serialises with JSON.stringify like any object.

/** An empty map with no prototype: safe for any string key. */
export function dict<V>(): Record<string, V> {
  return Object.create(null) as Record<string, V>;
}

/** Like Object.fromEntries, into a null-prototype map. */
export function dictFrom<V>(entries: Iterable<readonly [string, V]>): Record<string, V> {
  const out = dict<V>();
  for (const [k, v] of entries) out[k] = v;
  return out;
}

/** Copies a parsed object (JSON.parse makes `__proto__` an own key: safe to copy key by key) into a null-prototype map. */
export function toDict<V>(o: Record<string, V>): Record<string, V> {
  const out = dict<V>();
  for (const k of Object.keys(o)) out[k] = o[k]!;
  return out;
}

/** Own value of a key, never an inherited member (for maps that may be plain objects, e.g. from a version-1 file). */
export function own<V>(o: Record<string, V> | undefined, key: string): V | undefined {
  return o !== undefined && Object.hasOwn(o, key) ? o[key] : undefined;
}

/**
 * Stores an entry on a plain object (one whose shape V8 shares, e.g. a topic's config map) even when the key is
 * `__proto__`: as an own property, never as the prototype.
 */
export function setKey<V>(o: Record<string, V>, key: string, value: V): void {
  if (key === '__proto__') Object.defineProperty(o, key, { value, writable: true, enumerable: true, configurable: true });
  else o[key] = value;
}
