// Apache Kafka release fingerprints and feature levels: pure data plus lookups, no I/O.
//
// How the tables were derived (every row names its source):
// - 2.0, 2.1: protocol schemas were still Java then; max versions from franz-go's pkg/kversion/requests.go
//   (twmb/franz-go@adb3a18, functions z20/z21), checked against `schemaVersions()` of each
//   clients/src/main/java/org/apache/kafka/common/requests/*Request.java at the 2.0.0 / 2.1.0 tags.
// - 2.2 … 3.8: `validVersions` of clients/src/main/resources/common/message/*Request.json at the X.Y.0 tag of
//   apache/kafka (the last version dropped when `latestVersionUnstable` is set, as brokers do by default),
//   limited to the zkBroker/broker listeners. Identical to franz-go's z*/b* tables for every key used here.
// - 3.9 … 4.4: `ApiKeys` of the released org.apache.kafka:kafka-clients jar from Maven Central (stable versions,
//   BROKER listener), which is exactly what a broker advertises; 3.9.1 and 4.1.1 also match a real broker's
//   ApiVersions (test/fixtures/apiversions/), 4.0–4.2 match franz-go's b40–b42, 3.9 matches the 3.9 branch JSON.
//   4.0.0 = 4.0.2, 4.1.0 = 4.1.1 and 4.3.0 = 4.3.1 for every key here. 4.4.0 is the newest release we could read.
// Only max versions are compared: 4.x brokers still advertise Produce v0 (librdkafka disables compression
// otherwise, confluentinc/librdkafka#4956) while rejecting v0–v2, so min versions do not tell releases apart.

/** The API keys whose max versions the release table records, in column order. */
export const FINGERPRINT_API_KEYS = [
  0, 1, 2, 3, 4, 8, 9, 10, 11, 13, 15, 16, 18, 19, 20, 22, 23, 24, 26, 28, 29, 32, 35, 37, 42, 45, 55, 60, 66, 68, 69,
] as const;

export const FINGERPRINT_API_NAMES: Readonly<Record<number, string>> = {
  0: 'Produce', 1: 'Fetch', 2: 'ListOffsets', 3: 'Metadata', 4: 'LeaderAndIsr', 8: 'OffsetCommit', 9: 'OffsetFetch',
  10: 'FindCoordinator', 11: 'JoinGroup', 13: 'LeaveGroup', 15: 'DescribeGroups', 16: 'ListGroups', 18: 'ApiVersions',
  19: 'CreateTopics', 20: 'DeleteTopics', 22: 'InitProducerId', 23: 'OffsetForLeaderEpoch', 24: 'AddPartitionsToTxn',
  26: 'EndTxn', 28: 'TxnOffsetCommit', 29: 'DescribeAcls', 32: 'DescribeConfigs', 35: 'DescribeLogDirs',
  37: 'CreatePartitions', 42: 'DeleteGroups', 45: 'AlterPartitionReassignments', 55: 'DescribeQuorum',
  60: 'DescribeCluster', 66: 'ListTransactions', 68: 'ConsumerGroupHeartbeat', 69: 'ConsumerGroupDescribe',
};

export interface KafkaRelease {
  /** "major.minor": patch releases do not change API versions (checked for 4.0.0/4.0.2, 4.1.0/4.1.1, 4.3.0/4.3.1). */
  version: string;
  /** API key → highest version a broker of this release advertises; keys the release lacks are absent. */
  maxVersions: ReadonlyMap<number, number>;
  /** Highest production `metadata.version` level the release supports (its ApiVersions supportedFeatures max); null before 3.3. */
  metadataVersionMax: number | null;
  source: string;
}

const _ = null;
type Cell = number | null;

function release(version: string, cells: readonly Cell[], metadataVersionMax: number | null, source: string): KafkaRelease {
  if (cells.length !== FINGERPRINT_API_KEYS.length) throw new Error(`release table row ${version} has ${cells.length} cells`);
  const maxVersions = new Map<number, number>();
  cells.forEach((cell, i) => {
    if (cell !== null) maxVersions.set(FINGERPRINT_API_KEYS[i]!, cell);
  });
  return { version, maxVersions, metadataVersionMax, source };
}

const JSON_AT = (tag: string) => `apache/kafka clients/src/main/resources/common/message/*Request.json @${tag}`;
const JAR = (v: string) => `org.apache.kafka:kafka-clients:${v} ApiKeys (BROKER listener, stable versions), Maven Central`;

// Key 4 (LeaderAndIsr) is advertised by ZooKeeper-mode brokers only and 55 (DescribeQuorum) by KRaft brokers only;
// a key the broker does not advertise is not compared, so one row serves both modes (their other maxima agree).
// 3.3 and 3.4 differ only in LeaderAndIsr (ZooKeeper) and in metadata.version (KRaft, 7 vs 8).
export const KAFKA_RELEASES: readonly KafkaRelease[] = [
  //                0   1   2   3   4   8   9  10  11  13  15  16  18  19  20  22  23  24  26  28  29  32  35  37  42  45  55  60  66  68  69
  release('2.0', [  6,  8,  3,  6,  1,  4,  4,  2,  3,  2,  2,  2,  2,  3,  2,  1,  1,  1,  1,  1,  1,  2,  1,  1,  1,  _,  _,  _,  _,  _,  _], null, 'franz-go requests.go z20 (twmb/franz-go@adb3a18) + *Request.java schemaVersions() @2.0.0'),
  release('2.1', [  7, 10,  4,  7,  1,  6,  5,  2,  3,  2,  2,  2,  2,  3,  3,  1,  2,  1,  1,  2,  1,  2,  1,  1,  1,  _,  _,  _,  _,  _,  _], null, 'franz-go requests.go z21 (twmb/franz-go@adb3a18) + *Request.java schemaVersions() @2.1.0'),
  release('2.2', [  7, 10,  5,  7,  2,  6,  5,  2,  4,  2,  2,  2,  2,  3,  3,  1,  2,  1,  1,  2,  1,  2,  1,  1,  1,  _,  _,  _,  _,  _,  _], null, JSON_AT('2.2.0')),
  release('2.3', [  7, 11,  5,  8,  2,  7,  5,  2,  5,  2,  3,  2,  2,  3,  3,  1,  3,  1,  1,  2,  1,  2,  1,  1,  1,  _,  _,  _,  _,  _,  _], null, JSON_AT('2.3.0')),
  release('2.4', [  8, 11,  5,  9,  4,  8,  6,  3,  6,  4,  5,  3,  3,  5,  4,  2,  3,  1,  1,  2,  1,  2,  1,  1,  2,  0,  _,  _,  _,  _,  _], null, JSON_AT('2.4.0')),
  release('2.5', [  8, 11,  5,  9,  4,  8,  7,  3,  7,  4,  5,  3,  3,  5,  4,  3,  3,  1,  1,  3,  2,  2,  1,  2,  2,  0,  _,  _,  _,  _,  _], null, JSON_AT('2.5.0')),
  release('2.6', [  8, 11,  5,  9,  4,  8,  7,  3,  7,  4,  5,  4,  3,  5,  4,  3,  3,  1,  1,  3,  2,  3,  2,  2,  2,  0,  _,  _,  _,  _,  _], null, JSON_AT('2.6.0')),
  // DescribeQuorum's JSON exists at 2.7.0 but ApiKeys marks it disabled (isEnabled=false), so 2.7 brokers do not advertise it.
  release('2.7', [  8, 12,  5,  9,  4,  8,  7,  3,  7,  4,  5,  4,  3,  6,  5,  4,  3,  2,  2,  3,  2,  3,  2,  3,  2,  0,  _,  _,  _,  _,  _], null, JSON_AT('2.7.0') + ' + ApiKeys.java @2.7.0'),
  release('2.8', [  9, 12,  6, 11,  5,  8,  7,  3,  7,  4,  5,  4,  3,  7,  6,  4,  4,  3,  3,  3,  2,  4,  2,  3,  2,  0,  0,  0,  _,  _,  _], null, JSON_AT('2.8.0')),
  release('3.0', [  9, 12,  7, 11,  5,  8,  8,  4,  7,  4,  5,  4,  3,  7,  6,  4,  4,  3,  3,  3,  2,  4,  2,  3,  2,  0,  0,  0,  0,  _,  _], null, JSON_AT('3.0.0')),
  release('3.1', [  9, 13,  7, 12,  5,  8,  8,  4,  7,  4,  5,  4,  3,  7,  6,  4,  4,  3,  3,  3,  2,  4,  2,  3,  2,  0,  0,  0,  0,  _,  _], null, JSON_AT('3.1.0')),
  release('3.2', [  9, 13,  7, 12,  6,  8,  8,  4,  9,  5,  5,  4,  3,  7,  6,  4,  4,  3,  3,  3,  2,  4,  3,  3,  2,  0,  0,  0,  0,  _,  _], null, JSON_AT('3.2.0')),
  release('3.3', [  9, 13,  7, 12,  6,  8,  8,  4,  9,  5,  5,  4,  3,  7,  6,  4,  4,  3,  3,  3,  3,  4,  4,  3,  2,  0,  1,  0,  0,  _,  _],    7, JSON_AT('3.3.0')),
  release('3.4', [  9, 13,  7, 12,  7,  8,  8,  4,  9,  5,  5,  4,  3,  7,  6,  4,  4,  3,  3,  3,  3,  4,  4,  3,  2,  0,  1,  0,  0,  _,  _],    8, JSON_AT('3.4.0')),
  release('3.5', [  9, 15,  8, 12,  7,  8,  8,  4,  9,  5,  5,  4,  3,  7,  6,  4,  4,  3,  3,  3,  3,  4,  4,  3,  2,  0,  1,  0,  0,  _,  _],   11, JSON_AT('3.5.0')),
  release('3.6', [  9, 15,  8, 12,  7,  8,  8,  4,  9,  5,  5,  4,  3,  7,  6,  4,  4,  4,  3,  3,  3,  4,  4,  3,  2,  0,  1,  0,  0,  _,  _],   14, JSON_AT('3.6.0')),
  release('3.7', [ 10, 16,  8, 12,  7,  9,  9,  4,  9,  5,  5,  4,  3,  7,  6,  4,  4,  4,  3,  3,  3,  4,  4,  3,  2,  0,  1,  1,  0,  0,  _],   19, JSON_AT('3.7.0')),
  release('3.8', [ 11, 16,  8, 12,  7,  9,  9,  5,  9,  5,  5,  5,  3,  7,  6,  5,  4,  5,  4,  4,  3,  4,  4,  3,  2,  0,  1,  1,  1,  0,  0],   20, JSON_AT('3.8.0')),
  release('3.9', [ 11, 17,  9, 12,  7,  9,  9,  6,  9,  5,  5,  5,  4,  7,  6,  5,  4,  5,  4,  4,  3,  4,  4,  3,  2,  0,  2,  1,  1,  0,  0],   21, JAR('3.9.1') + '; LeaderAndIsr from ' + JSON_AT('3.9 branch')),
  release('4.0', [ 12, 17, 10, 13,  _,  9,  9,  6,  9,  5,  6,  5,  4,  7,  6,  5,  4,  5,  5,  5,  3,  4,  4,  3,  2,  0,  2,  2,  1,  1,  1],   25, JAR('4.0.2')),
  release('4.1', [ 13, 18, 10, 13,  _,  9,  9,  6,  9,  5,  6,  5,  4,  7,  6,  5,  4,  5,  5,  5,  3,  4,  4,  3,  2,  1,  2,  2,  2,  1,  1],   27, JAR('4.1.1')),
  release('4.2', [ 13, 18, 11, 13,  _, 10, 10,  6,  9,  5,  6,  5,  4,  7,  6,  5,  4,  5,  5,  5,  3,  4,  4,  3,  2,  1,  2,  2,  2,  1,  1],   29, JAR('4.2.0')),
  release('4.3', [ 13, 18, 11, 13,  _, 10, 10,  6,  9,  5,  6,  5,  4,  7,  6,  5,  4,  5,  5,  5,  3,  4,  5,  3,  2,  1,  2,  2,  2,  1,  1],   30, JAR('4.3.1')),
  release('4.4', [ 13, 18, 11, 13,  _, 10, 10,  6,  9,  5,  6,  5,  5,  7,  6,  5,  4,  5,  5,  6,  3,  4,  5,  3,  3,  1,  2,  2,  2,  1,  1],   33, JAR('4.4.0')),
];

export const NEWEST_KNOWN_RELEASE: string = KAFKA_RELEASES[KAFKA_RELEASES.length - 1]!.version;
export const OLDEST_KNOWN_RELEASE: string = KAFKA_RELEASES[0]!.version;

/** Orders "major.minor[.patch]" release strings numerically (so "3.10" > "3.9"). */
export function compareReleases(a: string, b: string): number {
  const pa = a.split('.').map((s) => Number.parseInt(s, 10) || 0);
  const pb = b.split('.').map((s) => Number.parseInt(s, 10) || 0);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

export interface ApiVersionRange {
  key: number;
  min: number;
  max: number;
}

export interface KafkaVersionGuess {
  /**
   * The release ("4.1"), ">= X" for brokers newer than the table, "< 2.0" for older ones, or null when nothing
   * could be compared. When `exact` is false this is a lower bound: the oldest of the candidates.
   */
  version: string | null;
  /** True when every compared API max version equals exactly one release (after the metadata.version tie-break). */
  exact: boolean;
  /** Releases that fit equally well, oldest first. */
  candidates: string[];
  /** One sentence on how the guess was reached, for reports. */
  basis: string;
}

interface ReleaseFit {
  release: KafkaRelease;
  /** Keys where the broker advertises less than the release. */
  under: number[];
  /** Keys where the broker advertises more, or a key the release lacks. */
  over: number[];
  distance: number;
}

function fitRelease(observed: ReadonlyMap<number, number>, rel: KafkaRelease): ReleaseFit {
  const under: number[] = [];
  const over: number[] = [];
  let distance = 0;
  for (const [key, max] of observed) {
    const expected = rel.maxVersions.get(key);
    if (expected === undefined) {
      over.push(key);
      distance += max + 1;
    } else if (max < expected) {
      under.push(key);
      distance += expected - max;
    } else if (max > expected) {
      over.push(key);
      distance += max - expected;
    }
  }
  return { release: rel, under, over, distance };
}

const describeKeys = (keys: readonly number[]) => keys.map((k) => FINGERPRINT_API_NAMES[k] ?? `key ${k}`).join(', ');

/** The release whose newest production metadata.version is exactly `level`, if any. */
function releaseWithLatestMetadataLevel(level: number): string | null {
  return KAFKA_RELEASES.find((r) => r.metadataVersionMax === level)?.version ?? null;
}

/**
 * Guesses the Apache Kafka release of one broker from its ApiVersions answer by comparing the max version of
 * each fingerprint API key with the release table (franz-go's kversion approach). Keys the broker does not
 * advertise are skipped, because ZooKeeper and KRaft brokers (and Kafka-compatible servers) advertise
 * different sets. `supportedFeatures` (ApiVersions v3+) breaks ties through the highest metadata.version the
 * software supports, e.g. 3.3 vs 3.4 on KRaft.
 */
export function guessKafkaVersion(
  apis: readonly ApiVersionRange[],
  supportedFeatures?: readonly { name: string; max: number }[],
): KafkaVersionGuess {
  const fingerprintKeys = new Set<number>(FINGERPRINT_API_KEYS);
  const observed = new Map<number, number>();
  for (const api of apis) if (fingerprintKeys.has(api.key)) observed.set(api.key, api.max);
  if (observed.size === 0) {
    return { version: null, exact: false, candidates: [], basis: 'the broker advertised none of the API keys used to tell Kafka releases apart' };
  }

  const fits = KAFKA_RELEASES.map((rel) => fitRelease(observed, rel));
  const compared = `${observed.size} API keys`;
  const exactFits = fits.filter((f) => f.under.length === 0 && f.over.length === 0);

  if (exactFits.length > 0) {
    const candidates = exactFits.map((f) => f.release.version);
    if (candidates.length === 1) {
      return { version: candidates[0]!, exact: true, candidates, basis: `max versions of ${compared} match Kafka ${candidates[0]} exactly` };
    }
    const mvMax = supportedFeatures?.find((f) => f.name === 'metadata.version')?.max;
    const byFeature = mvMax === undefined ? null : releaseWithLatestMetadataLevel(mvMax);
    if (byFeature !== null && candidates.includes(byFeature)) {
      return {
        version: byFeature,
        exact: true,
        candidates: [byFeature],
        basis: `max versions of ${compared} match Kafka ${candidates.join(' and ')}; supported metadata.version up to ${mvMax} (${metadataVersionName(mvMax!)}) picks ${byFeature}`,
      };
    }
    return {
      version: candidates[0]!,
      exact: false,
      candidates,
      basis: `max versions of ${compared} are identical in Kafka ${candidates.join(' and ')}; without metadata.version in supportedFeatures the oldest is reported`,
    };
  }

  const newest = fits[fits.length - 1]!;
  if (newest.under.length === 0) {
    return {
      version: `>= ${newest.release.version}`,
      exact: false,
      candidates: [newest.release.version],
      basis: `advertises newer versions than Kafka ${newest.release.version}, the newest release known here (${describeKeys(newest.over)})`,
    };
  }
  const oldest = fits[0]!;
  if (oldest.over.length === 0) {
    return {
      version: `< ${oldest.release.version}`,
      exact: false,
      candidates: [oldest.release.version],
      basis: `advertises older versions than Kafka ${oldest.release.version}, the oldest release known here (${describeKeys(oldest.under)})`,
    };
  }

  // Newer than one release everywhere and older than the next everywhere: a patch release with a backport,
  // or a pre-release build.
  for (let i = 0; i + 1 < fits.length; i++) {
    const lower = fits[i]!;
    const upper = fits[i + 1]!;
    if (lower.under.length === 0 && upper.over.length === 0) {
      return {
        version: lower.release.version,
        exact: false,
        candidates: [lower.release.version, upper.release.version],
        basis: `between Kafka ${lower.release.version} and ${upper.release.version}: newer on ${describeKeys(lower.over)}, older on ${describeKeys(upper.under)}`,
      };
    }
  }

  // Mixed: some keys newer, some older than every release (Kafka-compatible servers, custom builds).
  const best = Math.min(...fits.map((f) => f.distance));
  const nearest = fits.filter((f) => f.distance === best);
  const first = nearest[0]!;
  const mismatched = [...new Set([...first.under, ...first.over])].sort((a, b) => a - b);
  return {
    version: first.release.version,
    exact: false,
    candidates: nearest.map((f) => f.release.version),
    basis: `no Kafka release matches; nearest by API versions: ${nearest.map((f) => f.release.version).join(', ')} (differs on ${describeKeys(mismatched)})`,
  };
}

// metadata.version feature levels (KRaft). Names and levels from `MetadataVersion` in
// server-common/src/main/java/org/apache/kafka/server/common/MetadataVersion.java: levels 1–21 at the 3.3.0 … 3.9
// tags of apache/kafka (each first production in the release its name carries: LATEST_PRODUCTION is 3.7-IV4 @3.7.0,
// 3.8-IV0 @3.8.0, 3.9-IV0 @3.9), levels 7–33 from the enum in kafka-server-common 4.0.0 … 4.4.0 (Maven Central),
// LATEST_PRODUCTION 4.0-IV3, 4.1-IV1, 4.2-IV1, 4.3-IV0, 4.4-IV2. Non-production levels (e.g. 34 = 4.5-IV0 in 4.4.0)
// are left out: unreleased levels may still change.
export const METADATA_VERSION_LEVELS: Readonly<Record<number, string>> = {
  1: '3.0-IV1', // MetadataVersion.java @3.3.0 (the first level; the feature itself arrived with KIP-778 in 3.3)
  2: '3.1-IV0', // @3.3.0
  3: '3.2-IV0', // @3.3.0
  4: '3.3-IV0', // @3.3.0
  5: '3.3-IV1', // @3.3.0
  6: '3.3-IV2', // @3.3.0
  7: '3.3-IV3', // @3.3.0; MINIMUM_VERSION in 4.0.0 … 4.4.0
  8: '3.4-IV0', // @3.4.0
  9: '3.5-IV0', // @3.5.0
  10: '3.5-IV1', // @3.5.0
  11: '3.5-IV2', // @3.5.0
  12: '3.6-IV0', // @3.6.0
  13: '3.6-IV1', // @3.6.0
  14: '3.6-IV2', // @3.6.0
  15: '3.7-IV0', // @3.7.0
  16: '3.7-IV1', // @3.7.0 (reserved)
  17: '3.7-IV2', // @3.7.0
  18: '3.7-IV3', // @3.7.0 (reserved, ELR moved to a later level)
  19: '3.7-IV4', // @3.7.0
  20: '3.8-IV0', // @3.8.0
  21: '3.9-IV0', // @3.9 branch; kafka-server-common 3.9.1
  22: '4.0-IV0', // kafka-server-common 4.0.0
  23: '4.0-IV1', // kafka-server-common 4.0.0
  24: '4.0-IV2', // kafka-server-common 4.0.0
  25: '4.0-IV3', // kafka-server-common 4.0.0
  26: '4.1-IV0', // kafka-server-common 4.1.0
  27: '4.1-IV1', // kafka-server-common 4.1.0
  28: '4.2-IV0', // kafka-server-common 4.2.0
  29: '4.2-IV1', // kafka-server-common 4.2.0
  30: '4.3-IV0', // kafka-server-common 4.3.0
  31: '4.4-IV0', // kafka-server-common 4.4.0
  32: '4.4-IV1', // kafka-server-common 4.4.0
  33: '4.4-IV2', // kafka-server-common 4.4.0
};

/** Lowest metadata.version a 4.x broker accepts (MetadataVersion.MINIMUM_VERSION = 3.3-IV3 in 4.0.0 … 4.4.0). */
export const MIN_METADATA_LEVEL_FOR_4X = 7;

/** "3.9-IV0" for 21; null for levels this table does not know. */
export function metadataVersionName(level: number): string | null {
  return METADATA_VERSION_LEVELS[level] ?? null;
}

/** The release a metadata.version level belongs to ("3.9" for 21): the prefix of its name. */
export function releaseForMetadataLevel(level: number): string | null {
  const name = metadataVersionName(level);
  return name === null ? null : name.slice(0, name.indexOf('-'));
}

/** Highest production metadata.version level of a release ("3.9" → 21), or null when unknown or before 3.3. */
export function latestMetadataLevelOf(releaseVersion: string): number | null {
  const majorMinor = releaseVersion.split('.').slice(0, 2).join('.');
  return KAFKA_RELEASES.find((r) => r.version === majorMinor)?.metadataVersionMax ?? null;
}

export interface FeatureLevel {
  level: number;
  meaning: string;
  /** metadata.version level a cluster needs before this level can be finalized, when the enum declares one. */
  requiresMetadataLevel?: number;
  /**
   * Release from which a cluster formatted at that release's metadata.version gets this level by default
   * (FeatureVersion.bootstrapMetadataVersion). Older clusters need an explicit feature upgrade.
   */
  bootstrapRelease: string;
}

// Other finalized features from the 4.x enums (share.version, streams.version) are left out: their meaning is
// not written in the sources we could read.
export const FEATURE_LEVELS: Readonly<Record<'kraft.version' | 'group.version' | 'transaction.version' | 'eligible.leader.replicas.version', readonly FeatureLevel[]>> = {
  // KRaftVersion.java (apache/kafka@1eb7644): "Version 1 enables KIP-853"; levels and dependency from
  // kafka-server-common 4.0.0 … 4.4.0 (KRAFT_VERSION_1 needs metadata.version 21, bootstrap 3.9-IV0).
  'kraft.version': [
    { level: 0, meaning: 'static controller quorum (controller.quorum.voters)', bootstrapRelease: '3.0' },
    // Only quorums formatted as dynamic get level 1; static controller.quorum.voters clusters stay at 0 even on 4.1
    // (test/fixtures/apiversions/kafka-4.1.1.json finalizes no kraft.version).
    { level: 1, meaning: 'dynamic controller quorum: voters can be added and removed (KIP-853)', requiresMetadataLevel: 21, bootstrapRelease: '3.9' },
  ],
  // GroupVersion.java (apache/kafka@1eb7644): "Version 1 enables the consumer rebalance protocol (KIP-848)";
  // GV_1 bootstrap 4.0-IV0 in kafka-server-common 4.0.0 … 4.4.0.
  'group.version': [
    { level: 0, meaning: 'classic group coordinator only (before KIP-848)', bootstrapRelease: '3.0' },
    { level: 1, meaning: 'KIP-848 consumer rebalance protocol (group.protocol=consumer) enabled', bootstrapRelease: '4.0' },
  ],
  // TransactionVersion.java (apache/kafka@1eb7644): TV_1 "flexible transactional state records (KIP-890)",
  // TV_2 "epoch bump per transaction and optimizations (KIP-890)"; both bootstrap 4.0-IV2 in 4.0.0 … 4.4.0.
  'transaction.version': [
    { level: 0, meaning: 'original transaction coordinator', bootstrapRelease: '3.0' },
    { level: 1, meaning: 'flexible transactional state records (KIP-890)', bootstrapRelease: '4.0' },
    { level: 2, meaning: 'KIP-890 part 2: producer epoch bumped on every commit/abort (server-side defense against hanging/zombie transactions)', bootstrapRelease: '4.0' },
  ],
  // EligibleLeaderReplicasVersion in kafka-server-common 4.0.0 … 4.4.0: ELRV_1 needs metadata.version 23 and
  // bootstraps at 4.1-IV0; MetadataVersion.java @3.8.0 names ELR as KIP-966.
  'eligible.leader.replicas.version': [
    { level: 0, meaning: 'eligible leader replicas off', bootstrapRelease: '3.0' },
    { level: 1, meaning: 'eligible leader replicas (KIP-966) tracked for safer leader election', requiresMetadataLevel: 23, bootstrapRelease: '4.1' },
  ],
};

/** What a finalized feature level means, or null for features/levels not documented here. */
export function describeFeatureLevel(feature: string, level: number): string | null {
  if (feature === 'metadata.version') return metadataVersionName(level);
  const levels = (FEATURE_LEVELS as Readonly<Record<string, readonly FeatureLevel[]>>)[feature];
  return levels?.find((l) => l.level === level)?.meaning ?? null;
}
