// Client library compatibility with Kafka 4.x (KIP-896 removed old protocol versions): pure data plus lookups.
//
// KIP-896 (https://cwiki.apache.org/confluence/display/KAFKA/KIP-896%3A+Remove+old+client+protocol+API+versions+in+Kafka+4.0)
// sets the baseline at Kafka 2.1 but keeps whatever "the latest client release at the end of 2021" of
// librdkafka, KafkaJS, Sarama and kafka-python uses. Those releases are librdkafka 1.8.2 (tag 2021-10-11, next
// 1.9.0 2022-06-07), KafkaJS 1.15.0 (2020-11-24, next 1.16.0 2022-02-09; its request versions equal the KIP's
// KafkaJS column), Sarama 1.30.1 (2021-12-04, next 1.31.0 2022-01-18) and kafka-python 2.0.2.
//
// Each baseline says how far its minimum can be trusted (`floor`):
// - 'protocol': older releases cannot speak a request version that 4.x still accepts (read from their source);
// - 'kip-896': the release KIP-896 analysed and kept working; older ones were not analysed, so they are treated
//   as failing on 4.x (conservative);
// - 'known-good': the oldest release anyone confirmed against 4.x; older ones are simply unchecked.

export type CompatStatus = 'pass' | 'warn' | 'fail' | 'unknown';

export interface ClientBaseline {
  /** Canonical name used in messages. */
  id: string;
  /** Lower-case names and package coordinates people write for it (readiness.yaml `clients[].library`). */
  aliases: readonly string[];
  /** Oldest release known to work against Kafka 4.x; null when nobody has established one. */
  minimumFor4x: string | null;
  /** True when `minimumFor4x` is backed by the KIP, the library's own source/changelog, or a test we ran. */
  verified: boolean;
  floor: 'protocol' | 'kip-896' | 'known-good';
  /** Status for releases below the minimum on a 4.x cluster when it is not 'fail' (e.g. only one feature breaks). */
  belowMinimumOn4x?: 'warn' | 'unknown';
  /** Releases from `minimumFor4x` up to (not including) this one work only when `condition` holds. */
  conditionUntil?: string;
  condition?: string;
  /** How the library's version relates to librdkafka, for wrappers. */
  versionMapping?: string;
  /** Version strings that do not follow the library's own numbering (evaluated as 'unknown' with this message). */
  foreignVersion?: { pattern: RegExp; message: string };
  /** Why the minimum is what it is (or why it is unverified), with sources. */
  why: string;
  reference: string;
}

const KIP_896 = 'https://cwiki.apache.org/confluence/display/KAFKA/KIP-896%3A+Remove+old+client+protocol+API+versions+in+Kafka+4.0';
const LIBRDKAFKA_WHY =
  'KIP-896 kept the versions used by librdkafka 1.8.2, the latest release at the end of 2021 (tag v1.8.2, 2021-10-11). ' +
  'librdkafka <= 1.7 always sends ListOffsets v0 (src/rdkafka_request.c @v1.7.0), which Kafka 4.0 removed, so offset ' +
  'lookups (auto.offset.reset, watermarks) fail.';

export const CLIENT_BASELINES: readonly ClientBaseline[] = [
  {
    // Kafka 4.0 upgrade notes (apache/kafka#18543, docs/upgrade.html): Java clients, including Connect and
    // Kafka Streams, must be 2.1+ before brokers move to 4.0; 2.1 is KIP-896's baseline.
    id: 'kafka-clients (Java)',
    aliases: ['java', 'kafka-clients', 'org.apache.kafka:kafka-clients', 'apache-kafka-java', 'kafka-streams', 'org.apache.kafka:kafka-streams', 'kafka-connect', 'connect'],
    minimumFor4x: '2.1.0',
    verified: true,
    floor: 'protocol',
    // Confluent Platform ships kafka-clients as "<CP version>-ccs", which is not the Apache Kafka version.
    foreignVersion: { pattern: /-ccs$/i, message: 'a Confluent Platform build ("-ccs") carries the Confluent Platform version, not the Apache Kafka one: evaluate the Apache Kafka version it is based on' },
    why: 'Kafka 4.0 upgrade notes (apache/kafka#18543): Java clients incl. Connect and Kafka Streams must be 2.1 or newer; KIP-896 removed the request versions only older Java clients send.',
    reference: 'https://github.com/apache/kafka/pull/18543',
  },
  {
    id: 'librdkafka',
    aliases: ['librdkafka', 'librdkafka++', 'confluent-kafka-c', 'librdkafka.redist'],
    minimumFor4x: '1.8.2',
    verified: true,
    floor: 'kip-896',
    why: LIBRDKAFKA_WHY,
    reference: KIP_896,
  },
  {
    // CHANGELOG.md v1.8.2: "confluent-kafka-python is based on librdkafka v1.8.2".
    id: 'confluent-kafka-python',
    aliases: ['confluent-kafka', 'confluent-kafka-python', 'confluent_kafka', 'python-confluent-kafka'],
    minimumFor4x: '1.8.2',
    verified: true,
    floor: 'kip-896',
    versionMapping: 'release X.Y.Z bundles librdkafka X.Y.Z in its wheels; a build from source links the system librdkafka, whose version is the one that counts',
    why: `confluent-kafka-python v1.8.2 is based on librdkafka v1.8.2 (CHANGELOG.md). ${LIBRDKAFKA_WHY}`,
    reference: 'https://github.com/confluentinc/confluent-kafka-python/blob/master/CHANGELOG.md',
  },
  {
    // CHANGELOG.md v1.8.2: "Bundles librdkafka v1.8.2"; there were no Go releases 1.8.0 and 1.8.1.
    id: 'confluent-kafka-go',
    aliases: ['confluent-kafka-go', 'github.com/confluentinc/confluent-kafka-go', 'github.com/confluentinc/confluent-kafka-go/kafka'],
    minimumFor4x: '1.8.2',
    verified: true,
    floor: 'kip-896',
    versionMapping: 'release X.Y.Z bundles librdkafka X.Y.Z (unless built with -tags dynamic against the system librdkafka)',
    why: `confluent-kafka-go v1.8.2 bundles librdkafka v1.8.2 (CHANGELOG.md). ${LIBRDKAFKA_WHY}`,
    reference: 'https://github.com/confluentinc/confluent-kafka-go/blob/master/CHANGELOG.md',
  },
  {
    // CHANGELOG.md 1.8.2: "References librdkafka.redist 1.8.2"; 1.8.0 and 1.8.1 reference librdkafka 1.8.0.
    id: 'Confluent.Kafka (.NET)',
    aliases: ['confluent.kafka', 'confluent-kafka-dotnet', 'confluent-kafka-net', 'dotnet'],
    minimumFor4x: '1.8.2',
    verified: true,
    floor: 'kip-896',
    versionMapping: 'release X.Y.Z references librdkafka.redist X.Y.Z',
    why: `Confluent.Kafka 1.8.2 references librdkafka.redist 1.8.2 (CHANGELOG.md; 1.8.0/1.8.1 use librdkafka 1.8.0). ${LIBRDKAFKA_WHY}`,
    reference: 'https://github.com/confluentinc/confluent-kafka-dotnet/blob/master/CHANGELOG.md',
  },
  {
    // package.json history: 2024 pre-releases build librdkafka master, v0.2.0+ pin librdkafka 2.5.3 and newer.
    id: '@confluentinc/kafka-javascript',
    aliases: ['@confluentinc/kafka-javascript', 'confluent-kafka-javascript', 'confluentinc-kafka-javascript'],
    minimumFor4x: '0.0.0',
    verified: true,
    floor: 'protocol',
    versionMapping: 'its own versions; package.json "librdkafka" names the bundled librdkafka (2.x in every release)',
    why: 'Every release bundles librdkafka 2.x (package.json "librdkafka": "master" in the 2024 devel releases, "2.5.3" from v0.2.0), far above librdkafka 1.8.2.',
    reference: 'https://github.com/confluentinc/confluent-kafka-javascript',
  },
  {
    // package.json "librdkafka": "1.8.2" at v2.13.0 (2022-05-22); v2.12.0 bundled 1.7.0.
    id: 'node-rdkafka',
    aliases: ['node-rdkafka'],
    minimumFor4x: '2.13.0',
    verified: true,
    floor: 'kip-896',
    versionMapping: 'v2.12.0 → librdkafka 1.7.0, v2.13.0 → 1.8.2, v2.13.1 → 1.9.2 (package.json "librdkafka")',
    why: `node-rdkafka v2.13.0 is the first release bundling librdkafka 1.8.2 (package.json @v2.13.0). ${LIBRDKAFKA_WHY}`,
    reference: 'https://github.com/Blizzard/node-rdkafka',
  },
  {
    // changelog.md 0.28.0 (2021-11-27) + Cargo.toml @v0.28.0: rdkafka-sys 4.2.0+1.8.2; 0.27.0 used rdkafka-sys 4.1.0+1.7.0.
    id: 'rdkafka (Rust)',
    aliases: ['rust-rdkafka', 'rdkafka-rust', 'rdkafka-rs', 'crates.io/rdkafka', 'fede1024/rust-rdkafka'],
    minimumFor4x: '0.28.0',
    verified: true,
    floor: 'kip-896',
    versionMapping: 'rdkafka 0.28.0 depends on rdkafka-sys 4.2.0+1.8.2; with the dynamic-linking feature the system librdkafka counts',
    why: `rdkafka 0.28.0 (2021-11-27) is the first crate release on rdkafka-sys 4.2.0+1.8.2 (bundled librdkafka 1.8.2). ${LIBRDKAFKA_WHY}`,
    reference: 'https://github.com/fede1024/rust-rdkafka/blob/master/rdkafka-sys/changelog.md',
  },
  {
    // Request versions per tag (src/protocol/requests/<api>/vN): every release since v1.8.0 implements at least
    // the version 4.x still accepts for each API it uses; v1.5–v1.7 top out at CreateTopics v1, DeleteTopics v0,
    // DescribeConfigs v0, JoinGroup v0 (v1.4: also ListOffsets v0). Smoke test on 2026-11-22 against Kafka 4.1.1
    // (create topic, produce incl. gzip, group consume + commit, fetch offsets): 1.10.0, 1.14.0 and 2.2.4 passed,
    // 1.5.0 failed at CreateTopics (broker closed the connection).
    id: 'kafkajs',
    aliases: ['kafkajs'],
    minimumFor4x: '1.8.0',
    verified: true,
    floor: 'protocol',
    why: 'kafkajs >= 1.8.0 implements a request version Kafka 4.x accepts for every API it uses (src/protocol/requests @v1.8.0); 1.10.0 and 1.14.0 passed a produce/consume/admin smoke test against Kafka 4.1.1. KIP-896 analysed 1.15.0.',
    reference: 'https://github.com/tulios/kafkajs',
  },
  {
    // utils.go: DefaultVersion = V1_0_0_0 up to v1.40.1, V2_1_0_0 from v1.41.0 (2023-08-15), whose release notes
    // say it prepares for Kafka 4.0 dropping versions older than 2.1. Sarama's own functional tests (functional_consumer_test.go) clamp
    // config.Version to V2_1_0_0 against 4.0+ ("KIP-896 dictates a minimum lower bound of 2.1 protocol").
    id: 'sarama',
    aliases: ['sarama', 'ibm/sarama', 'shopify/sarama', 'github.com/ibm/sarama', 'github.com/shopify/sarama'],
    minimumFor4x: '1.30.1',
    verified: true,
    floor: 'kip-896',
    conditionUntil: '1.41.0',
    condition: 'config.Version is sarama.V2_1_0_0 or newer (the default before 1.41.0 is V1_0_0_0)',
    why: 'KIP-896 kept the versions Sarama 1.30.1 (2021-12-04) uses; Sarama picks request versions from config.Version, which must be >= V2_1_0_0 (the default since 1.41.0, see IBM/sarama discussion #2617).',
    reference: 'https://github.com/IBM/sarama/discussions/2617',
  },
  {
    // KIP-896 analysed 2.0.2; Kafka 4.0 keeps Metadata v0+ because kafka-python sends v0/v1 (ijuma on
    // kafka-python-ng/kafka-python-ng#208). Smoke test 2026-11-22: 2.0.2 against Kafka 4.1.1 passed (admin
    // create topic, produce incl. gzip, group consume, commit, list group offsets).
    id: 'kafka-python',
    aliases: ['kafka-python', 'kafka_python', 'dpkp/kafka-python'],
    minimumFor4x: '2.0.2',
    verified: true,
    floor: 'kip-896',
    why: 'KIP-896 kept the versions kafka-python 2.0.2 uses (Kafka 4.0 even restored Metadata v0 for it, kafka-python-ng#208); 2.0.2 passed a produce/consume/admin smoke test against Kafka 4.1.1.',
    reference: 'https://github.com/kafka-python-ng/kafka-python-ng/issues/208',
  },
  {
    // CHANGELOG.md v1.19.2: transactions did not work against 4.0 clusters whose transaction.version is below 2
    // until the client read that feature (commit dda08fd9). Other request versions are negotiated via ApiVersions.
    id: 'franz-go',
    aliases: ['franz-go', 'franz', 'kgo', 'github.com/twmb/franz-go', 'github.com/twmb/franz-go/pkg/kgo', 'twmb/franz-go'],
    minimumFor4x: '1.19.2',
    verified: true,
    floor: 'known-good',
    belowMinimumOn4x: 'warn',
    why: 'franz-go negotiates every request version from ApiVersions; before v1.19.2 transactions failed on 4.0 clusters whose transaction.version is below 2 (CHANGELOG.md v1.19.2, dda08fd9). Non-transactional use of older releases was not checked.',
    reference: 'https://github.com/twmb/franz-go/blob/master/CHANGELOG.md',
  },
  {
    id: 'segmentio/kafka-go',
    aliases: ['kafka-go', 'segmentio/kafka-go', 'github.com/segmentio/kafka-go'],
    minimumFor4x: null,
    verified: false,
    floor: 'known-good',
    why: 'Unverified: no maintainer statement (segmentio/kafka-go#1360 asked about JoinGroup v1). Its Conn negotiates JoinGroup v1–v2, Fetch v2/v5/v10, Produce v2/v3/v7 (conn.go), which 4.0.1+ accept, but no release was tested.',
    reference: 'https://github.com/segmentio/kafka-go/issues/1360',
  },
  {
    // faust-streaming/faust#655 (2026-07-19): aiokafka 0.14.0 produce/consume round-trip against Apache Kafka
    // 4.0.0; an aiokafka maintainer (aio-libs/aiokafka#1085, 2026-03-02) says the current version works with 4.x.
    id: 'aiokafka',
    aliases: ['aiokafka', 'aio-libs/aiokafka'],
    minimumFor4x: '0.14.0',
    verified: true,
    floor: 'known-good',
    belowMinimumOn4x: 'unknown',
    why: 'aiokafka 0.14.0 passed a round-trip against Kafka 4.0.0 (faust-streaming/faust#655) and its maintainers say current releases work with 4.x (aio-libs/aiokafka#1085); older releases are unchecked (0.13.0 changed API version resolution).',
    reference: 'https://github.com/aio-libs/aiokafka/issues/1085',
  },
  {
    // README.md of @platformatic/kafka 1.35.0: "Supported Kafka version are from 3.5.0 to 4.1.0"; this project's
    // gather command (built on 1.35.0) read a Kafka 4.1.1 cluster.
    id: '@platformatic/kafka',
    aliases: ['@platformatic/kafka', 'platformatic-kafka', 'platformatic/kafka'],
    minimumFor4x: '1.35.0',
    verified: true,
    floor: 'known-good',
    belowMinimumOn4x: 'unknown',
    why: '@platformatic/kafka 1.35.0 documents support for Kafka 3.5.0–4.1.0 (README.md) and is what kafka-readiness itself scans 4.1.1 with; older releases are unchecked.',
    reference: 'https://github.com/platformatic/kafka',
  },
];

/** Wrappers whose compatibility follows another library: point people at the version that matters. */
export const CLIENT_WRAPPER_HINTS: Readonly<Record<string, string>> = {
  'spring-kafka': 'Spring Kafka uses the Java client: evaluate the kafka-clients version it brings in (must be >= 2.1.0)',
  'spring-cloud-stream-binder-kafka': 'uses the Java client: evaluate its kafka-clients version (>= 2.1.0)',
  faust: 'faust uses aiokafka: evaluate the aiokafka version',
  'faust-streaming': 'faust uses aiokafka: evaluate the aiokafka version',
  rdkafka: 'ambiguous: the Rust crate is "rust-rdkafka" here; the Ruby gem and PHP extension wrap librdkafka, so evaluate the librdkafka version',
  'rdkafka-ruby': 'wraps librdkafka: evaluate the librdkafka version it ships',
  karafka: 'Karafka wraps librdkafka (karafka-rdkafka): evaluate the librdkafka version',
  'php-rdkafka': 'wraps the system librdkafka: evaluate the librdkafka version',
  'ext-rdkafka': 'wraps the system librdkafka: evaluate the librdkafka version',
};

// Lowest request version Kafka 4.x brokers accept for the APIs KIP-896 touched, from the ApiKeys of
// kafka-clients 3.9.1 vs 4.0.0/4.0.1/4.0.2/4.1.1/4.4.0 (BROKER listener). Everything else still starts at v0.
export interface RemovedRequestVersions {
  key: number;
  name: string;
  /** Lowest version a 4.x broker accepts. */
  minIn4x: number;
  note?: string;
}

export const KAFKA_4_MIN_REQUEST_VERSIONS: readonly RemovedRequestVersions[] = [
  { key: 0, name: 'Produce', minIn4x: 3, note: 'still advertised from v0 (librdkafka disables compression otherwise, confluentinc/librdkafka#4956), but v0–v2 requests are rejected' },
  { key: 1, name: 'Fetch', minIn4x: 4 },
  { key: 2, name: 'ListOffsets', minIn4x: 1 },
  { key: 8, name: 'OffsetCommit', minIn4x: 2 },
  { key: 9, name: 'OffsetFetch', minIn4x: 1 },
  { key: 11, name: 'JoinGroup', minIn4x: 0, note: '4.0.0 alone rejected v0–v1; 4.0.1 restored them (KAFKA-19444)' },
  { key: 19, name: 'CreateTopics', minIn4x: 2 },
  { key: 20, name: 'DeleteTopics', minIn4x: 1 },
  { key: 23, name: 'OffsetForLeaderEpoch', minIn4x: 2 },
  { key: 29, name: 'DescribeAcls', minIn4x: 1 },
  { key: 30, name: 'CreateAcls', minIn4x: 1 },
  { key: 31, name: 'DeleteAcls', minIn4x: 1 },
  { key: 32, name: 'DescribeConfigs', minIn4x: 1 },
  { key: 34, name: 'AlterReplicaLogDirs', minIn4x: 1 },
  { key: 35, name: 'DescribeLogDirs', minIn4x: 1 },
  { key: 38, name: 'CreateDelegationToken', minIn4x: 1 },
  { key: 39, name: 'RenewDelegationToken', minIn4x: 1 },
  { key: 40, name: 'ExpireDelegationToken', minIn4x: 1 },
  { key: 41, name: 'DescribeDelegationToken', minIn4x: 1 },
];

export interface ParsedVersion {
  /** Numeric release parts, e.g. [1, 8, 2]. */
  release: number[];
  /** Pre-release identifiers ("rc1", "beta.2"): sorts before the plain release. Empty when none. */
  pre: string[];
  /** A post-release marker (Python ".post1", "-p1"): sorts after the plain release. */
  post: number | null;
}

/** Parses "v1.8.2", "2.0.2.post1", "1.0.0-rc.1", "0.1.9-devel", "1.2+build"; null when there is no leading number. */
export function parseVersion(input: string): ParsedVersion | null {
  const text = input.trim().replace(/^v(?=\d)/i, '').replace(/\+.*$/, '');
  const match = /^(\d+(?:\.\d+)*)(.*)$/.exec(text);
  if (!match) return null;
  const release = match[1]!.split('.').map(Number);
  const rest = match[2]!.replace(/^[-._]/, '');
  if (rest === '') return { release, pre: [], post: null };
  const post = /^(?:post|p|patch)[-.]?(\d*)$/i.exec(rest);
  if (post) return { release, pre: [], post: post[1] ? Number(post[1]) : 0 };
  return { release, pre: rest.split(/[-.]/).filter((s) => s !== ''), post: null };
}

function comparePre(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 || b.length === 0) return (a.length === 0 ? 1 : 0) - (b.length === 0 ? 1 : 0);
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const x = a[i]!;
    const y = b[i]!;
    const nx = /^\d+$/.test(x);
    const ny = /^\d+$/.test(y);
    if (nx && ny) {
      const d = Number(x) - Number(y);
      if (d !== 0) return d;
    } else if (nx !== ny) {
      return nx ? -1 : 1; // semver: numeric identifiers sort before alphanumeric ones
    } else if (x !== y) {
      return x < y ? -1 : 1;
    }
  }
  return a.length - b.length;
}

/**
 * Compares dotted versions: negative when a < b, 0 when equal ("4.1" = "4.1.0"), positive when a > b.
 * A leading "v" and build metadata are ignored; pre-releases sort before their release, post-releases after.
 * Throws a TypeError when either side has no leading number.
 */
export function compareVersions(a: string, b: string): number {
  const pa = parseVersion(a);
  const pb = parseVersion(b);
  if (!pa || !pb) throw new TypeError(`not a version: ${JSON.stringify(pa ? b : a)}`);
  for (let i = 0; i < Math.max(pa.release.length, pb.release.length); i++) {
    const d = (pa.release[i] ?? 0) - (pb.release[i] ?? 0);
    if (d !== 0) return d;
  }
  const pre = comparePre(pa.pre, pb.pre);
  if (pre !== 0) return pre;
  return (pa.post ?? -1) - (pb.post ?? -1);
}

function normaliseLibrary(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .replace(/_/g, '-')
    .replace(/\/v\d+$/, ''); // Go major-version suffix: github.com/confluentinc/confluent-kafka-go/v2
}

/** The baseline for a library name or alias (case-insensitive), or null. */
export function findClientBaseline(library: string): ClientBaseline | null {
  const wanted = normaliseLibrary(library);
  return CLIENT_BASELINES.find((b) => b.aliases.some((alias) => normaliseLibrary(alias) === wanted)) ?? null;
}

/** The library ids evaluateClient knows, for messages and docs. */
export const KNOWN_CLIENT_LIBRARIES: readonly string[] = CLIENT_BASELINES.map((b) => b.id);

export interface ClientVerdict {
  status: CompatStatus;
  minimumFor4x: string | null;
  message: string;
  reference: string;
}

type ClusterLine = '4x' | 'pre4' | 'unknown';

/** Reads a release or a guessKafkaVersion() version: "4.1", "4.1.1", ">= 4.4", "< 2.0". */
function clusterLine(clusterRelease: string | null): ClusterLine {
  if (clusterRelease === null) return 'unknown';
  const text = clusterRelease.trim();
  const parsed = parseVersion(text.replace(/^(>=|>|<=|<|=)\s*/, ''));
  if (!parsed) return 'unknown';
  const atLeast4 = (parsed.release[0] ?? 0) >= 4;
  if (text.startsWith('<')) return atLeast4 && compareVersions(text.replace(/^<=?\s*/, ''), '4.0') > 0 ? 'unknown' : 'pre4';
  return atLeast4 ? '4x' : 'pre4';
}

/**
 * Judges one client library release against the cluster's release (from guessKafkaVersion, or null when unknown):
 * below the 4.x minimum it fails on a 4.x cluster and warns on an older one (works today, breaks on upgrade).
 */
export function evaluateClient(entry: { library: string; version: string }, clusterRelease: string | null): ClientVerdict {
  const baseline = findClientBaseline(entry.library);
  if (!baseline) {
    const hint = CLIENT_WRAPPER_HINTS[normaliseLibrary(entry.library)];
    return {
      status: 'unknown',
      minimumFor4x: null,
      message: hint
        ? `${entry.library}: ${hint}.`
        : `${entry.library} is not a client library this check knows; known: ${KNOWN_CLIENT_LIBRARIES.join(', ')}.`,
      reference: KIP_896,
    };
  }
  const label = `${baseline.id} ${entry.version}`;
  const { minimumFor4x, reference } = baseline;
  if (minimumFor4x === null) {
    return { status: 'unknown', minimumFor4x, message: `${label}: no verified minimum version for Kafka 4.x. ${baseline.why}`, reference };
  }
  if (baseline.foreignVersion?.pattern.test(entry.version)) {
    return { status: 'unknown', minimumFor4x, message: `${label}: ${baseline.foreignVersion.message}; Kafka 4.x needs >= ${minimumFor4x}.`, reference };
  }
  if (!parseVersion(entry.version)) {
    return { status: 'unknown', minimumFor4x, message: `${baseline.id}: cannot read version "${entry.version}"; Kafka 4.x needs >= ${minimumFor4x}.`, reference };
  }

  const line = clusterLine(clusterRelease);
  if (compareVersions(entry.version, minimumFor4x) >= 0) {
    if (baseline.conditionUntil && baseline.condition && compareVersions(entry.version, baseline.conditionUntil) < 0) {
      return {
        status: 'warn',
        minimumFor4x,
        message: `${label} works with Kafka 4.x only if ${baseline.condition}; ${baseline.conditionUntil}+ does this by default.`,
        reference,
      };
    }
    return { status: 'pass', minimumFor4x, message: `${label} is at or above ${minimumFor4x}, the minimum for Kafka 4.x.`, reference };
  }

  const why =
    baseline.floor === 'protocol'
      ? `it cannot send request versions Kafka 4.x still accepts`
      : baseline.floor === 'kip-896'
        ? `it is older than ${minimumFor4x}, the release KIP-896 checked and kept working`
        : `it is older than ${minimumFor4x}, the oldest release confirmed against Kafka 4.x`;
  if (line === '4x') {
    const status = baseline.belowMinimumOn4x ?? 'fail';
    const lead = status === 'fail' ? 'is not compatible with this Kafka 4.x cluster' : status === 'warn' ? 'may misbehave on this Kafka 4.x cluster' : 'is unverified against Kafka 4.x';
    return { status, minimumFor4x, message: `${label} ${lead}: ${why}. Upgrade to >= ${minimumFor4x}. ${baseline.why}`, reference };
  }
  const status: CompatStatus = baseline.belowMinimumOn4x === 'unknown' ? 'unknown' : 'warn';
  const risk = status === 'unknown' ? 'is unverified against Kafka 4.x' : line === 'pre4' ? 'breaks on upgrade to Kafka 4.x' : 'breaks on Kafka 4.x';
  const now = line === 'pre4' ? `works with this Kafka ${clusterRelease} cluster but ${risk}` : `${risk} (cluster version unknown)`;
  return { status, minimumFor4x, message: `${label} ${now}: ${why}. Upgrade to >= ${minimumFor4x} first. ${baseline.why}`, reference };
}
