// ClusterClient adapter over @platformatic/kafka's connection pool and low-level protocol APIs.
// We use the per-API functions (not the high-level Admin) so that every request is one we chose:
// batching, per-broker addressing and per-resource errors stay under our control.

import { randomInt } from 'node:crypto';
import { promisify } from 'node:util';
import type { ConnectionOptions as TlsConnectOptions } from 'node:tls';
import {
  AuthenticationError,
  ConnectionPool,
  MultipleErrors,
  NetworkError,
  ProtocolError,
  Reader,
  TimeoutError,
  UnsupportedApiError,
  Writer,
  connectionsApiChannel,
  consumerGroupDescribeV0,
  createAPI,
  describeAclsV2,
  describeAclsV3,
  describeClientQuotasV0,
  describeClusterV0,
  describeClusterV1,
  describeGroupsV5,
  describeLogDirsV2,
  describeLogDirsV3,
  describeLogDirsV4,
  describeQuorumV2,
  describeUserScramCredentialsV0,
  listGroupsV4,
  listGroupsV5,
  listOffsetsV5,
  listOffsetsV6,
  listOffsetsV7,
  listOffsetsV8,
  listOffsetsV9,
  metadataV10,
  metadataV11,
  metadataV12,
  metadataV9,
  offsetFetchV8,
  offsetFetchV9,
  protocolAPIsById,
  type Connection,
} from './kafka-lib.js';
import { ConnectionError, errorMessage } from '../errors.js';
import { dict } from '../model/dict.js';
import type {
  AclBinding,
  ArtifactErrorReason,
  BrokerApiVersions,
  BrokerInfo,
  LogDirInfo,
  QuorumArtifact,
  QuotaEntry,
  ScramUserInfo,
} from '../model/snapshot.js';
import { type DescribedResource, DescribeConfigsDecoder, describeConfigsApis } from './describe-configs.js';
import { decodeConsumerAssignment, parseApiVersionsResponse, type ParsedApiVersions } from './codec.js';
import { tokenSourceFor } from './oauth.js';
import { listOffsetsRequest, type ListOffsetsTopic } from './list-offsets.js';
import { type ConnectionOptions, parseHostPort } from '../model/connection.js';
import {
  type ClusterClient,
  type ConfigResourceRef,
  type ConfigResult,
  type DescribeClusterResult,
  type DescribedGroup,
  type GroupOffsetsResult,
  KafkaRequestError,
  type ListedGroup,
  type MetadataResult,
  type OffsetResult,
} from './port.js';

type AnyApi = { async: (connection: Connection, ...args: any[]) => Promise<any>; key: number; version: number };

// API families this adapter can speak, newest first. The version used is the newest one the broker accepts.
const FAMILIES = {
  Metadata: [metadataV12, metadataV11, metadataV10, metadataV9],
  DescribeCluster: [describeClusterV1, describeClusterV0],
  DescribeQuorum: [describeQuorumV2],
  // Our own decoder (describe-configs.ts); the client swaps in its instance's API of the picked version.
  DescribeConfigs: [4, 3, 2].map((version) => ({ api: { key: 32, version } as AnyApi })),
  DescribeAcls: [describeAclsV3, describeAclsV2],
  DescribeLogDirs: [describeLogDirsV4, describeLogDirsV3, describeLogDirsV2],
  ListOffsets: [listOffsetsV9, listOffsetsV8, listOffsetsV7, listOffsetsV6, listOffsetsV5],
  ListGroups: [listGroupsV5, listGroupsV4],
  DescribeGroups: [describeGroupsV5],
  ConsumerGroupDescribe: [consumerGroupDescribeV0],
  OffsetFetch: [offsetFetchV9, offsetFetchV8],
  DescribeClientQuotas: [describeClientQuotasV0],
  DescribeUserScramCredentials: [describeUserScramCredentialsV0],
} satisfies Record<string, { api: AnyApi }[]>;

type Family = keyof typeof FAMILIES;

/**
 * Requests a broker may hold for long or never answer get a connection of their own, because a broker answers a
 * connection's requests one at a time: DescribeQuorum is forwarded to the quorum leader (stopped leader → the
 * broker holds it until the timeout), and Kafka 4.1 never answers DescribeUserScramCredentials for a principal
 * without DESCRIBE on the Cluster. Queued behind either, every other "any broker" request would time out too.
 */
const ISOLATED: ReadonlySet<Family> = new Set<Family>(['DescribeQuorum', 'DescribeUserScramCredentials']);

/** How long close() waits for a graceful close before it destroys the sockets. */
const CLOSE_GRACE_MS = 1000;

const ACL_RESOURCE_TYPES: Record<number, string> = { 0: 'UNKNOWN', 1: 'ANY', 2: 'TOPIC', 3: 'GROUP', 4: 'CLUSTER', 5: 'TRANSACTIONAL_ID', 6: 'DELEGATION_TOKEN', 7: 'USER' };
const ACL_PATTERN_TYPES: Record<number, string> = { 0: 'UNKNOWN', 1: 'ANY', 2: 'MATCH', 3: 'LITERAL', 4: 'PREFIXED' };
const ACL_OPERATIONS: Record<number, string> = {
  0: 'UNKNOWN', 1: 'ANY', 2: 'ALL', 3: 'READ', 4: 'WRITE', 5: 'CREATE', 6: 'DELETE', 7: 'ALTER', 8: 'DESCRIBE',
  9: 'CLUSTER_ACTION', 10: 'DESCRIBE_CONFIGS', 11: 'ALTER_CONFIGS', 12: 'IDEMPOTENT_WRITE', 13: 'CREATE_TOKENS', 14: 'DESCRIBE_TOKENS',
};
const ACL_PERMISSIONS: Record<number, string> = { 0: 'UNKNOWN', 1: 'ANY', 2: 'DENY', 3: 'ALLOW' };
const SCRAM_MECHANISMS: Record<number, string> = { 0: 'UNKNOWN', 1: 'SCRAM-SHA-256', 2: 'SCRAM-SHA-512' };

const apiVersionsV4Raw = createAPI<[], ParsedApiVersions>(18, 4, () => clientInfoRequest(), parseApiVersionsResponse, true, false);
const apiVersionsV3Raw = createAPI<[], ParsedApiVersions>(18, 3, () => clientInfoRequest(), parseApiVersionsResponse, true, false);

function clientInfoRequest(): Writer {
  return Writer.create().appendString('kafka-readiness').appendString('1').appendTaggedFields();
}

/** Decodes the 32-bit authorized-operations bit field (KIP-430) into operation names. */
export function decodeAuthorizedOperations(bits: number): string[] | null {
  if (bits === -2147483648 || bits < 0) return null; // INT32_MIN: not requested / not supported
  const ops: string[] = [];
  for (const [bit, name] of Object.entries(ACL_OPERATIONS)) {
    if (bits & (1 << Number(bit))) ops.push(name);
  }
  return ops;
}

export function classifyError(api: string, err: unknown): KafkaRequestError {
  if (err instanceof KafkaRequestError) return err;
  if (err instanceof TimeoutError || (err as { code?: string })?.code === 'PLT_KFK_TIMEOUT') {
    return new KafkaRequestError(api, 'timeout', `${api} timed out`);
  }
  const protocol = findProtocolError(err);
  if (protocol) {
    const code = String(protocol.apiId ?? 'UNKNOWN');
    const server = protocol.serverErrorMessage ? `: ${protocol.serverErrorMessage}` : '';
    return new KafkaRequestError(api, reasonForCode(code), `${api} failed with ${code}${server}`, code);
  }
  if (err instanceof UnsupportedApiError) return new KafkaRequestError(api, 'unsupported', `${api} is not supported by the broker`);
  if (err instanceof NetworkError || err instanceof AuthenticationError) {
    return new KafkaRequestError(api, 'unreachable', `${api} could not be sent: ${describeNetworkError(err)}`);
  }
  return new KafkaRequestError(api, 'error', `${api} failed: ${errorMessage(err)}`);
}

function findProtocolError(err: unknown): ProtocolError | null {
  if (err instanceof ProtocolError) return err;
  if (err instanceof MultipleErrors) {
    for (const inner of err.errors) {
      const found = findProtocolError(inner);
      if (found) return found;
    }
  }
  const cause = (err as { cause?: unknown })?.cause;
  return cause && cause !== err ? findProtocolError(cause) : null;
}

export function reasonForCode(code: string): ArtifactErrorReason {
  if (code.endsWith('_AUTHORIZATION_FAILED') || code === 'SASL_AUTHENTICATION_FAILED') return 'denied';
  if (code === 'UNSUPPORTED_VERSION' || code === 'INVALID_REQUEST' || code === 'UNSUPPORTED_FOR_MESSAGE_FORMAT') return 'unsupported';
  if (code === 'REQUEST_TIMED_OUT') return 'timeout';
  return 'error';
}

function codeName(errorCode: number): string {
  if (errorCode === 0) return 'NONE';
  try {
    return String(new ProtocolError(errorCode).apiId ?? errorCode);
  } catch {
    return `ERROR_${errorCode}`;
  }
}

function describeNetworkError(err: unknown): string {
  const parts: string[] = [];
  let cur: unknown = err;
  for (let i = 0; cur && i < 5; i++) {
    const e = cur as { message?: string; code?: string; cause?: unknown; errors?: unknown[] };
    if (e.code && /^E[A-Z]+$/.test(e.code)) parts.push(e.code);
    if (e.message) parts.push(e.message);
    cur = e.cause ?? e.errors?.[0];
  }
  return [...new Set(parts)].join(' — ') || 'network error';
}

type Parser = (correlationId: number, apiKey: number, apiVersion: number, reader: Reader) => unknown;
const contiguousApis = new Map<AnyApi, AnyApi>();
/** ListOffsets with our own request writer (list-offsets.ts), per library API version. */
const ownRequestApis = new Map<AnyApi, AnyApi>();

/**
 * The same API, its response parsed from one contiguous buffer. A large response (Metadata of 5000 topics,
 * ListOffsets of thousands of partitions) arrives in many socket chunks, and the library's reader walks its list
 * of chunks from the first on every read of a field: one copy makes every read a plain index. The API itself
 * (request, header flags, parser) is the library's: it is called with a connection whose send swaps the reader
 * (and, given `request`, the request writer: same arguments, same bytes).
 */
function contiguous(api: AnyApi, request?: (...args: any[]) => unknown): AnyApi {
  const cache = request ? ownRequestApis : contiguousApis;
  let out = cache.get(api);
  if (out) return out;
  const call = api as unknown as (connection: Connection, ...args: unknown[]) => void;
  const build = request;
  const fn = ((connection: Connection, ...args: unknown[]) => {
    const shim = {
      send: (key: number, version: number, request: unknown, parse: Parser, ...rest: unknown[]) =>
        (connection.send as (...a: unknown[]) => unknown)(key, version, build ? () => build(...args) : request, (c: number, k: number, v: number, reader: Reader) => parse(c, k, v, single(reader)), ...rest),
    };
    call(shim as unknown as Connection, ...args);
  }) as unknown as AnyApi & ((connection: Connection, ...args: unknown[]) => void);
  Object.assign(fn, { async: promisify(fn as (...a: unknown[]) => void), key: api.key, version: api.version });
  cache.set(api, fn);
  out = fn;
  return out;
}

function single(reader: Reader): Reader {
  const chunks = (reader.buffer as unknown as { buffers?: Buffer[] }).buffers;
  return chunks && chunks.length > 1 ? Reader.from(reader.buffer.slice(reader.position)) : reader;
}

/** Runs a protocol call; on a response carrying per-resource error codes, returns the parsed response anyway. */
async function callTolerant<T>(api: AnyApi, connection: Connection, args: unknown[]): Promise<T> {
  try {
    return (await api.async(connection, ...args)) as T;
  } catch (err) {
    const response = (err as { response?: unknown })?.response;
    if (err instanceof MultipleErrors && response && typeof response === 'object') return response as T;
    throw err;
  }
}

export class PlatformaticClusterClient implements ClusterClient {
  readonly #options: ConnectionOptions;
  readonly #ownerId = randomInt(1, 2 ** 31 - 1);
  readonly #pool: ConnectionPool;
  /** Extra pools (own connections) for requests that may hang: see ISOLATED. */
  readonly #lanes = new Map<Family, ConnectionPool>();
  /** Every connection any pool opened, so close() can end sockets the pools no longer track. */
  readonly #opened = new Set<Connection>();
  #bootstrapTarget: { host: string; port: number } | null = null;
  readonly #counts: Record<string, number> = {};
  /** DescribeConfigs with a per-client cache of decoded entries (shared across the chunked topic requests). */
  readonly #configApis: AnyApi[] = describeConfigsApis(new DescribeConfigsDecoder());
  readonly #versions = new Map<number, ParsedApiVersions>();
  #bootstrapVersions: ParsedApiVersions | null = null;
  #brokers: BrokerInfo[] = [];
  #bootstrapConnection: Connection | null = null;
  readonly #onRequest = (message: unknown) => {
    const diag = message as { connection?: Connection; apiKey?: number };
    if (diag.connection?.ownerId !== this.#ownerId || diag.apiKey === undefined) return;
    const name = protocolAPIsById[diag.apiKey] ?? `Api${diag.apiKey}`;
    this.#counts[name] = (this.#counts[name] ?? 0) + 1;
  };

  constructor(options: ConnectionOptions) {
    this.#options = options;
    const tls = buildTls(options);
    // OAUTHBEARER (OIDC or MSK IAM): the library asks for a token on every (re-)authentication; the source
    // hands out a fresh one before the old expires, so KIP-368 re-authentication keeps long sessions alive.
    const tokens = options.oauth ? tokenSourceFor(options) : null;
    const sasl = options.sasl
      ? { mechanism: options.sasl.mechanism, username: options.sasl.username, password: () => options.sasl!.password.reveal() }
      : tokens
        ? { mechanism: 'OAUTHBEARER' as const, token: () => tokens.token(), authBytesValidator: oauthBearerServerChallenge }
        : undefined;
    this.#poolOptions = {
      connectTimeout: options.connectTimeoutMs,
      requestTimeout: options.requestTimeoutMs,
      ownerId: this.#ownerId,
      ...(tls ? { tls } : {}),
      ...(sasl ? { sasl } : {}),
    };
    this.#pool = this.#newPool();
    connectionsApiChannel.start.subscribe(this.#onRequest);
  }

  readonly #poolOptions: ConstructorParameters<typeof ConnectionPool>[1];

  #newPool(): ConnectionPool {
    const pool = new ConnectionPool(this.#options.clientId, this.#poolOptions);
    pool.on('connecting', ({ connection }: { connection: Connection }) => this.#opened.add(connection));
    // A connection that failed during set-up (e.g. a SASL handshake that timed out on a stopped broker) is only
    // half-closed by the library and dropped from the pool: its socket would keep the process alive until the
    // broker answers. End it for good. (Errors also arrive as callback/promise rejections.)
    pool.on('failed', ({ connection }: { connection: Connection }) => {
      connection.socket?.destroy();
      this.#opened.delete(connection);
    });
    return pool;
  }

  /** The pool a request goes through: isolated families get connections of their own. */
  #poolFor(family: Family | null): ConnectionPool {
    if (family === null || !ISOLATED.has(family)) return this.#pool;
    let pool = this.#lanes.get(family);
    if (!pool) {
      pool = this.#newPool();
      this.#lanes.set(family, pool);
    }
    return pool;
  }

  async connect(): Promise<MetadataResult> {
    const failures: string[] = [];
    for (const entry of this.#options.bootstrap) {
      const hp = parseHostPort(entry)!;
      try {
        const connection = await this.#withDeadline(this.#pool.get(hp), `connect to ${entry}`);
        const versions = await this.#rawApiVersions(connection);
        this.#bootstrapConnection = connection;
        this.#bootstrapTarget = hp;
        this.#bootstrapVersions = versions;
        return await this.metadata();
      } catch (err) {
        failures.push(`${entry}: ${this.#connectFailure(err)}`);
        if (authRefused(err)) break; // same credentials fail everywhere
      }
    }
    throw new ConnectionError(`cannot connect to the cluster (${failures.join('; ')})`);
  }

  #connectFailure(err: unknown): string {
    if (authRefused(err)) {
      const o = this.#options;
      const user = o.sasl
        ? ` as ${o.sasl.username} with ${o.sasl.mechanism}`
        : o.oauth?.mechanism === 'OAUTHBEARER'
          ? ` with OAUTHBEARER (client ${o.oauth.clientId}; the broker refused the token)`
          : o.oauth
            ? ' with AWS_MSK_IAM (the broker refused the signed token: check the IAM policy and the region)'
            : '';
      return `authentication failed${user}`;
    }
    if (err instanceof TimeoutError || (err as { code?: string })?.code === 'PLT_KFK_TIMEOUT' || /timed? ?out/i.test(errorMessage(err))) {
      return `no answer within the timeout (connect ${this.#options.connectTimeoutMs} ms, request ${this.#options.requestTimeoutMs} ms)`;
    }
    // A token that could not be obtained (identity provider, AWS credentials) says so itself.
    const tokenFailure = findConnectionError(err);
    if (tokenFailure) return tokenFailure.message;
    return describeNetworkError(err);
  }

  /** Bounds connect + handshake; the library's connect timeout does not cover a TLS/SASL stall. */
  async #withDeadline<T>(p: Promise<T>, what: string): Promise<T> {
    const ms = this.#options.connectTimeoutMs + this.#options.requestTimeoutMs;
    let timer: NodeJS.Timeout | undefined;
    try {
      return await Promise.race([
        p,
        new Promise<T>((_, reject) => {
          timer = setTimeout(() => reject(new TimeoutError(`${what} timed out after ${ms} ms`)), ms);
        }),
      ]);
    } finally {
      clearTimeout(timer);
    }
  }

  brokers(): BrokerInfo[] {
    return this.#brokers;
  }

  async #rawApiVersions(connection: Connection): Promise<ParsedApiVersions> {
    try {
      return await apiVersionsV4Raw.async(connection);
    } catch (err) {
      // Brokers before 3.9 answer v4 with UNSUPPORTED_VERSION; v3 is the oldest version with tagged feature fields.
      if ((err as { unsupportedVersion?: boolean }).unsupportedVersion) return await apiVersionsV3Raw.async(connection);
      throw err;
    }
  }

  async #connection(brokerId: number | null, family: Family | null = null): Promise<Connection> {
    const pool = this.#poolFor(family);
    if (brokerId === null && pool !== this.#pool && this.#bootstrapTarget) {
      // An isolated request for "any broker" goes to the bootstrap broker, on a connection of its own.
      try {
        return await this.#withDeadline(pool.get(this.#bootstrapTarget), `connect to ${this.#bootstrapTarget.host}:${this.#bootstrapTarget.port}`);
      } catch (err) {
        const reason = err instanceof TimeoutError ? 'timeout' : 'unreachable';
        throw new KafkaRequestError(family ?? 'connect', reason, `${family}: ${this.#bootstrapTarget.host}:${this.#bootstrapTarget.port} unreachable: ${describeNetworkError(err)}`);
      }
    }
    if (brokerId === null) {
      if (this.#bootstrapConnection?.isConnected()) return this.#bootstrapConnection;
      const first = this.#brokers[0];
      if (!first) throw new KafkaRequestError('connect', 'unreachable', 'no broker known');
      brokerId = first.id;
    }
    const broker = this.#brokers.find((b) => b.id === brokerId);
    if (!broker) throw new KafkaRequestError('connect', 'unreachable', `broker ${brokerId} is not in the metadata`);
    try {
      return await this.#withDeadline(pool.get({ host: broker.host, port: broker.port }), `connect to broker ${brokerId}`);
    } catch (err) {
      const reason = err instanceof TimeoutError ? 'timeout' : 'unreachable';
      throw new KafkaRequestError('connect', reason, `broker ${brokerId} (${broker.host}:${broker.port}) unreachable: ${describeNetworkError(err)}`);
    }
  }

  #versionsFor(brokerId: number | null): ParsedApiVersions | null {
    return (brokerId !== null ? this.#versions.get(brokerId) : undefined) ?? this.#bootstrapVersions;
  }

  #pick(family: Family, brokerId: number | null): AnyApi {
    const versions = this.#versionsFor(brokerId);
    const candidates = FAMILIES[family] as { api: AnyApi }[];
    const range = versions?.apis.find((a) => a.key === candidates[0]!.api.key);
    if (versions && !range) throw new KafkaRequestError(family, 'unsupported', `the broker does not offer ${family}`);
    for (const { api } of candidates) {
      if (!range || (api.version >= range.min && api.version <= range.max)) return api;
    }
    const offered = range ? `v${range.min}–v${range.max}` : 'none';
    const known = candidates.map((c) => c.api.version).join(', ');
    throw new KafkaRequestError(family, 'unsupported', `${family}: broker offers ${offered}, this tool speaks v${known}`);
  }

  async #call<T>(family: Family, brokerId: number | null, args: unknown[]): Promise<T> {
    let api = this.#pick(family, brokerId);
    if (family === 'DescribeConfigs') api = this.#configApis.find((a) => a.version === api.version)!;
    else if (family === 'ListOffsets') {
      const version = api.version;
      api = contiguous(api, (...a: [number, number, ListOffsetsTopic[]]) => listOffsetsRequest(version, ...a));
    } else api = contiguous(api);
    const connection = await this.#connection(brokerId, family);
    try {
      return await callTolerant<T>(api, connection, args);
    } catch (err) {
      throw classifyError(family, err);
    }
  }

  async apiVersions(brokerId: number): Promise<BrokerApiVersions & { requestVersion: number }> {
    const connection = await this.#connection(brokerId);
    // The bootstrap server is usually one of the brokers: its answer is already here.
    if (connection === this.#bootstrapConnection && this.#bootstrapVersions) {
      this.#versions.set(brokerId, this.#bootstrapVersions);
      return this.#bootstrapVersions;
    }
    try {
      const parsed = await this.#rawApiVersions(connection);
      this.#versions.set(brokerId, parsed);
      return parsed;
    } catch (err) {
      throw classifyError('ApiVersions', err);
    }
  }

  async metadata(): Promise<MetadataResult> {
    const api = this.#pick('Metadata', null);
    const connection = this.#bootstrapConnection ?? (await this.#connection(null));
    let res: any;
    try {
      res = await callTolerant<any>(contiguous(api), connection, [null, false, false]);
    } catch (err) {
      throw classifyError('Metadata', err);
    }
    const brokers: BrokerInfo[] = res.brokers.map((b: any) => ({ id: b.nodeId, host: b.host, port: b.port, rack: b.rack ?? null }));
    brokers.sort((a, b) => a.id - b.id);
    this.#brokers = brokers;
    return {
      clusterId: res.clusterId ?? null,
      controllerId: res.controllerId,
      brokers,
      topics: res.topics.map((t: any) => ({
        name: t.name,
        id: t.topicId,
        internal: t.isInternal,
        ...(t.errorCode ? { error: codeName(t.errorCode) } : {}),
        partitions: t.partitions
          .map((p: any) => ({
            partition: p.partitionIndex,
            leader: p.leaderId,
            leaderEpoch: p.leaderEpoch,
            replicas: p.replicaNodes,
            isr: p.isrNodes,
            offline: p.offlineReplicas,
            ...(p.errorCode ? { error: codeName(p.errorCode) } : {}),
          }))
          .sort((a: any, b: any) => a.partition - b.partition),
      })),
    };
  }

  async probeTopicDescribe(name: string): Promise<{ authorized: boolean; code: string }> {
    // allowAutoTopicCreation=false: the probe must never create the topic it asks about.
    const res = await this.#call<any>('Metadata', null, [[name], false, false]);
    const t = res.topics?.[0];
    const code = t ? codeName(t.errorCode ?? 0) : 'NONE';
    return { authorized: code !== 'TOPIC_AUTHORIZATION_FAILED', code };
  }

  async describeCluster(): Promise<DescribeClusterResult> {
    const api = this.#pick('DescribeCluster', null);
    const args = api.version >= 1 ? [true, 1] : [true];
    const res = await this.#call<any>('DescribeCluster', null, args);
    if (res.errorCode) throw new KafkaRequestError('DescribeCluster', reasonForCode(codeName(res.errorCode)), `DescribeCluster failed with ${codeName(res.errorCode)}`, codeName(res.errorCode));
    return {
      clusterId: res.clusterId ?? null,
      controllerId: res.controllerId,
      brokers: res.brokers.map((b: any) => ({ id: b.brokerId, host: b.host, port: b.port, rack: b.rack ?? null })),
      authorizedOperations: decodeAuthorizedOperations(res.clusterAuthorizedOperations),
    };
  }

  async describeQuorum(): Promise<QuorumArtifact> {
    const res = await this.#call<any>('DescribeQuorum', null, [[{ topicName: '__cluster_metadata', partitions: [{ partitionIndex: 0 }] }]]);
    const code = res.errorCode ? codeName(res.errorCode) : null;
    const partition = res.topics?.[0]?.partitions?.[0];
    const pcode = partition?.errorCode ? codeName(partition.errorCode) : null;
    if (code || pcode || !partition) {
      const c = code ?? pcode ?? 'UNKNOWN';
      throw new KafkaRequestError('DescribeQuorum', reasonForCode(c), `DescribeQuorum failed with ${c}`, c);
    }
    const voter = (v: any) => ({
      id: v.replicaId,
      logEndOffset: String(v.logEndOffset),
      lastFetchTimestamp: String(v.lastFetchTimestamp),
      lastCaughtUpTimestamp: String(v.lastCaughtUpTimestamp),
    });
    return {
      leaderId: partition.leaderId,
      leaderEpoch: partition.leaderEpoch,
      highWatermark: String(partition.highWatermark),
      voters: partition.currentVoters.map(voter),
      observers: partition.observers.map(voter),
    };
  }

  async describeConfigs(brokerId: number | null, resources: ConfigResourceRef[]): Promise<ConfigResult[]> {
    if (resources.length === 0) return [];
    const request = resources.map((r) => ({ resourceType: r.type === 'topic' ? 2 : 4, resourceName: r.name }));
    const results = await this.#call<DescribedResource[]>('DescribeConfigs', brokerId, [request, true, false]);
    return results.map((r): ConfigResult => {
      const type = r.resourceType === 2 ? 'topic' : 'broker';
      const configs = r.configs;
      if (r.errorCode) {
        const code = codeName(r.errorCode);
        const detail = r.errorMessage ? ` (${r.errorMessage})` : '';
        return { type, name: r.resourceName, configs, error: { reason: reasonForCode(code), code, message: `DescribeConfigs of ${type} ${r.resourceName} failed with ${code}${detail}` } };
      }
      return { type, name: r.resourceName, configs };
    });
  }

  async describeAcls(): Promise<AclBinding[]> {
    const filter = { resourceType: 1, resourceName: null, resourcePatternType: 1, principal: null, host: null, operation: 1, permissionType: 1 };
    const res = await this.#call<any>('DescribeAcls', null, [filter]);
    if (res.errorCode) {
      const code = codeName(res.errorCode);
      throw new KafkaRequestError('DescribeAcls', reasonForCode(code), `DescribeAcls failed with ${code}`, code);
    }
    const out: AclBinding[] = [];
    for (const r of res.resources) {
      for (const a of r.acls) {
        out.push({
          resourceType: ACL_RESOURCE_TYPES[r.resourceType] ?? String(r.resourceType),
          resourceName: r.resourceName,
          patternType: ACL_PATTERN_TYPES[r.resourcePatternType] ?? String(r.resourcePatternType),
          principal: a.principal,
          host: a.host,
          operation: ACL_OPERATIONS[a.operation] ?? String(a.operation),
          permission: ACL_PERMISSIONS[a.permissionType] ?? String(a.permissionType),
        });
      }
    }
    return out;
  }

  async describeLogDirs(brokerId: number): Promise<LogDirInfo[]> {
    const res = await this.#call<any>('DescribeLogDirs', brokerId, [null]);
    if (res.errorCode) {
      const code = codeName(res.errorCode);
      throw new KafkaRequestError('DescribeLogDirs', reasonForCode(code), `DescribeLogDirs failed with ${code}`, code);
    }
    return res.results.map((d: any) => {
      // Keyed by topic name (a topic may be called __proto__ or constructor: see model/dict.ts).
      const topics = dict<Record<string, number>>();
      for (const t of d.topics) {
        const parts: Record<string, number> = (topics[t.name] ??= {});
        for (const p of t.partitions) if (!p.isFutureKey) parts[String(p.partitionIndex)] = Number(p.partitionSize);
      }
      return {
        path: d.logDir,
        error: d.errorCode ? codeName(d.errorCode) : null,
        totalBytes: d.totalBytes === undefined ? -1 : Number(d.totalBytes),
        usableBytes: d.usableBytes === undefined ? -1 : Number(d.usableBytes),
        topics,
      };
    });
  }

  async listOffsets(brokerId: number, timestamp: -1 | -2, partitions: { topic: string; partitions: number[] }[], isolation: 'read_uncommitted' | 'read_committed' = 'read_uncommitted'): Promise<OffsetResult[]> {
    const topics = partitions.map((t) => ({
      name: t.topic,
      partitions: t.partitions.map((p) => ({ partitionIndex: p, currentLeaderEpoch: -1, timestamp: BigInt(timestamp) })),
    }));
    const res = await this.#call<any>('ListOffsets', brokerId, [-1, isolation === 'read_committed' ? 1 : 0, topics]);
    const out: OffsetResult[] = [];
    for (const t of res.topics) {
      for (const p of t.partitions) {
        out.push({
          topic: t.name,
          partition: p.partitionIndex,
          offset: p.errorCode ? null : String(p.offset),
          ...(p.errorCode ? { error: codeName(p.errorCode) } : {}),
        });
      }
    }
    return out;
  }

  async listGroups(brokerId: number): Promise<ListedGroup[]> {
    const api = this.#pick('ListGroups', brokerId);
    const res = await this.#call<any>('ListGroups', brokerId, api.version >= 5 ? [[], []] : [[]]);
    if (res.errorCode) {
      const code = codeName(res.errorCode);
      throw new KafkaRequestError('ListGroups', reasonForCode(code), `ListGroups failed with ${code}`, code);
    }
    return res.groups.map((g: any) => ({
      groupId: g.groupId,
      protocolType: g.protocolType,
      state: g.groupState ?? 'UNKNOWN',
      type: (g.groupType || 'classic').toLowerCase(),
    }));
  }

  async describeGroups(brokerId: number, groupIds: string[]): Promise<DescribedGroup[]> {
    if (groupIds.length === 0) return [];
    const res = await this.#call<any>('DescribeGroups', brokerId, [groupIds, false]);
    return res.groups.map((g: any) => ({
      groupId: g.groupId,
      protocolType: g.protocolType,
      state: g.groupState,
      ...(g.errorCode ? { error: codeName(g.errorCode) } : {}),
      members: g.members.map((m: any) => ({
        memberId: m.memberId,
        clientId: m.clientId,
        clientHost: m.clientHost,
        assignment: g.protocolType === 'consumer' ? decodeConsumerAssignment(m.memberAssignment) : null,
      })),
    }));
  }

  async consumerGroupDescribe(brokerId: number, groupIds: string[]): Promise<DescribedGroup[]> {
    if (groupIds.length === 0) return [];
    const res = await this.#call<any>('ConsumerGroupDescribe', brokerId, [groupIds, false]);
    return res.groups.map((g: any) => ({
      groupId: g.groupId,
      protocolType: 'consumer',
      state: g.groupState,
      ...(g.errorCode ? { error: codeName(g.errorCode) } : {}),
      members: g.members.map((m: any) => {
        const assignment = dict<number[]>();
        for (const tp of m.assignment?.topicPartitions ?? []) assignment[tp.topicName] = [...tp.partitions];
        return { memberId: m.memberId, clientId: m.clientId, clientHost: m.clientHost, assignment };
      }),
    }));
  }

  async offsetFetch(brokerId: number, groupIds: string[]): Promise<GroupOffsetsResult[]> {
    if (groupIds.length === 0) return [];
    const groups = groupIds.map((groupId) => ({ groupId, memberId: null, memberEpoch: -1, topics: null }));
    const res = await this.#call<any>('OffsetFetch', brokerId, [groups, false]);
    return res.groups.map((g: any): GroupOffsetsResult => {
      const offsets = dict<Record<string, string>>();
      for (const t of g.topics) {
        for (const p of t.partitions) {
          if (p.errorCode || p.committedOffset < 0n) continue;
          (offsets[t.name] ??= {})[String(p.partitionIndex)] = String(p.committedOffset);
        }
      }
      return { groupId: g.groupId, offsets, ...(g.errorCode ? { error: codeName(g.errorCode) } : {}) };
    });
  }

  async describeClientQuotas(): Promise<QuotaEntry[]> {
    const res = await this.#call<any>('DescribeClientQuotas', null, [[], false]);
    if (res.errorCode) {
      const code = codeName(res.errorCode);
      throw new KafkaRequestError('DescribeClientQuotas', reasonForCode(code), `DescribeClientQuotas failed with ${code}`, code);
    }
    return res.entries.map((e: any) => ({
      entity: Object.fromEntries(e.entity.map((x: any) => [x.entityType, x.entityName ?? null])),
      values: Object.fromEntries(e.values.map((v: any) => [v.key, v.value])),
    }));
  }

  async describeScramUsers(): Promise<ScramUserInfo[]> {
    const res = await this.#call<any>('DescribeUserScramCredentials', null, [null]);
    if (res.errorCode) {
      const code = codeName(res.errorCode);
      throw new KafkaRequestError('DescribeUserScramCredentials', reasonForCode(code), `DescribeUserScramCredentials failed with ${code}`, code);
    }
    return res.results
      .filter((r: any) => !r.errorCode)
      .map((r: any) => ({
        user: r.user,
        credentials: r.credentialInfos.map((c: any) => ({ mechanism: SCRAM_MECHANISMS[c.mechanism] ?? String(c.mechanism), iterations: c.iterations })),
      }));
  }

  requestCounts(): Record<string, number> {
    return { ...this.#counts };
  }

  async close(): Promise<void> {
    connectionsApiChannel.start.unsubscribe(this.#onRequest);
    const pools = [this.#pool, ...this.#lanes.values()];
    // A graceful close waits for the peer; a stopped broker never answers, so it gets a short, unref'd bound.
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      Promise.allSettled(pools.map((p) => p.close())),
      new Promise<void>((resolve) => {
        timer = setTimeout(resolve, CLOSE_GRACE_MS);
        timer.unref();
      }),
    ]);
    clearTimeout(timer);
    // Whatever is still open (half-closed sockets, connections still being set up) ends now: after close()
    // nothing of this client keeps the process alive.
    for (const connection of this.#opened) connection.socket?.destroy();
    this.#opened.clear();
  }
}

/**
 * RFC 7628 §3.2.2: a broker that refuses a bearer token answers the initial response with a JSON error challenge
 * ({"status":"invalid_token",…}) instead of failing at once; without this check the client would take the
 * challenge for success and its next request would meet ILLEGAL_SASL_STATE.
 */
function oauthBearerServerChallenge(authBytes: Buffer, callback: (error: Error | null, authBytes?: Buffer) => void): void {
  if (authBytes.length === 0) {
    callback(null, authBytes);
    return;
  }
  let status = 'error';
  try {
    const challenge = JSON.parse(authBytes.toString('utf8')) as { status?: unknown };
    if (typeof challenge.status === 'string') status = challenge.status.replace(/[^\w.-]/g, '').slice(0, 40);
  } catch {
    // not JSON: still not a success message for OAUTHBEARER
  }
  callback(new AuthenticationError(`the broker refused the OAUTHBEARER token (${status})`));
}

/** The library wraps a failed SASL exchange as NetworkError → AuthenticationError; look through the causes. */
function hasAuthenticationError(err: unknown): boolean {
  let cur: unknown = err;
  for (let i = 0; cur && i < 6; i++) {
    if (cur instanceof AuthenticationError) return true;
    const e = cur as { cause?: unknown; errors?: unknown[] };
    cur = e.cause ?? e.errors?.[0];
  }
  return false;
}

function findConnectionError(err: unknown): ConnectionError | null {
  let cur: unknown = err;
  for (let i = 0; cur && i < 6; i++) {
    if (cur instanceof ConnectionError) return cur;
    const e = cur as { cause?: unknown; errors?: unknown[] };
    cur = e.cause ?? e.errors?.[0];
  }
  return null;
}

/**
 * The broker refused the credentials. The library wraps every failure of a SASL exchange as an
 * AuthenticationError, a timeout included: a broker that stops answering mid-handshake (stopped, overloaded)
 * has not refused anything, and the next bootstrap server must still be tried.
 */
function authRefused(err: unknown): boolean {
  return (hasAuthenticationError(err) || isAuthFailure(err)) && !causedByTimeout(err);
}

function causedByTimeout(err: unknown): boolean {
  let cur: unknown = err;
  for (let i = 0; cur && i < 8; i++) {
    if (cur instanceof TimeoutError || (cur as { code?: string }).code === 'PLT_KFK_TIMEOUT' || /timed? ?out/i.test(errorMessage(cur))) return true;
    const e = cur as { cause?: unknown; errors?: unknown[] };
    cur = e.cause ?? e.errors?.[0];
  }
  return false;
}

function isAuthFailure(err: unknown): boolean {
  const code = findProtocolError(err)?.apiId;
  return code === 'SASL_AUTHENTICATION_FAILED' || code === 'ILLEGAL_SASL_STATE' || code === 'UNSUPPORTED_SASL_MECHANISM';
}

export function buildTls(options: ConnectionOptions): TlsConnectOptions | undefined {
  if (options.securityProtocol !== 'SSL' && options.securityProtocol !== 'SASL_SSL') return undefined;
  const t = options.tls ?? { verifyHostname: true };
  return {
    ...(t.ca ? { ca: t.ca } : {}),
    ...(t.cert ? { cert: t.cert } : {}),
    ...(t.key ? { key: t.key.reveal() } : {}),
    ...(t.keyPassword ? { passphrase: t.keyPassword.reveal() } : {}),
    rejectUnauthorized: true,
    ...(t.verifyHostname ? {} : { checkServerIdentity: () => undefined }),
  };
}
