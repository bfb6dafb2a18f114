// Type declarations for cluster.mjs (so TypeScript tests can import it without allowJs).

import type { ConnectionOptions } from 'node:tls';
import type { TlsFiles } from './tls.mjs';
export type { TlsFiles } from './tls.mjs';

export interface ClusterOptions {
  /** Kafka version, e.g. "4.1.1", "3.9.1"; aliases "4" and "3.9". Default $KAFKA_VERSION or DEFAULT_KAFKA_4. */
  version?: string;
  /** Cluster working dir. Default $KR_CLUSTER_DIR or <repo>/.cache/cluster-<version>. */
  dir?: string;
  /**
   * Port base: PLAINTEXT = base+90+N, SASL_PLAINTEXT = base+190+N, CONTROLLER = base+290+N, SSL = base+390+N,
   * SASL_SSL = base+490+N. Default $KR_PORT_BASE or 19000.
   */
  portBase?: number;
  /**
   * TLS listeners (SSL with mutual TLS, SASL_SSL) and their certificates. Start: default $KR_TLS (0/false/no/off =
   * off), else on. Other calls: what the running cluster was started with (cluster.json), unless given.
   */
  tls?: boolean;
  /** Classpath cache. Default $KAFKA_CACHE_DIR or <repo>/.cache/kafka. */
  cacheDir?: string;
  /** server.properties overrides for all nodes ('*') or one node (its id), applied last. */
  serverOverrides?: Record<string, Record<string, string>>;
  /** Format storage at this metadata release (StorageTool --release-version), e.g. "3.8" on 3.9 binaries. Default $KR_RELEASE_VERSION. */
  releaseVersion?: string;
  /** Start / startBroker readiness timeout. Default $KR_START_TIMEOUT_MS or 120000. */
  timeoutMs?: number;
  /** Grace period after SIGTERM before SIGKILL. Default $KR_STOP_TIMEOUT_MS or 30000. */
  stopTimeoutMs?: number;
  /** Broker heap flags. Default $KAFKA_HEAP_OPTS or "-Xms256m -Xmx512m". */
  heapOpts?: string | string[];
  /** Other broker JVM flags. Default $KAFKA_JVM_OPTS or "-XX:+UseSerialGC -XX:+ExitOnOutOfMemoryError -Djava.awt.headless=true". */
  jvmOpts?: string | string[];
  /** Java binary. Default $JAVA_HOME/bin/java or "java". */
  java?: string;
  /** No progress lines on stderr (also $KR_QUIET=1). */
  quiet?: boolean;
  /** Progress sink instead of stderr. */
  log?: (msg: string) => void;
  /** Additional listeners (port = portBase + offset + node id); configure them with serverOverrides. Kept for startBroker. */
  extraListeners?: { name: string; protocol: string; offset: number }[];
  /** Directories or jars appended to the broker classpath. Kept for startBroker. */
  extraClasspath?: string[];
  /** Additional broker JVM flags (e.g. -D system properties). Kept for startBroker. */
  extraJvmOpts?: string | string[];
  /** startCluster: leave the processes running when readiness fails (for debugging). */
  keepOnFailure?: boolean;
}

export type ListenerKey = 'plaintext' | 'sasl' | 'controller' | 'ssl' | 'saslSsl';
export type NodePorts = Record<ListenerKey, number>;

export interface Credential {
  username: string;
  password: string;
  principal: string;
  plain: boolean;
  scram: string[];
  superUser: boolean;
}

export interface ListenerInfo {
  securityProtocol: string;
  bootstrap: string;
  ports: number[];
  /** PLAINTEXT: "User:ANONYMOUS"; SSL: "User:scanner" (the scanner client certificate, after principal mapping). */
  principal?: string;
  mechanisms?: string[];
  controllerOnly?: boolean;
  /** TLS listeners: ssl.client.auth ("required" on SSL, "none" on SASL_SSL). */
  clientAuth?: 'required' | 'none';
}

export interface Bootstrap {
  plaintext: string;
  sasl: string;
  controller: string;
  /** SSL (mutual TLS) listener; absent when the cluster runs without TLS. */
  ssl?: string;
  /** SASL_SSL listener; absent when the cluster runs without TLS. */
  saslSsl?: string;
}

export interface Endpoints {
  host: string;
  portBase: number;
  nodes: { id: number; rack: string; ports: NodePorts }[];
  /** TLS listeners included. */
  tls: boolean;
  /** Comma-separated host:port lists, e.g. sasl = "127.0.0.1:19191,127.0.0.1:19192,127.0.0.1:19193". */
  bootstrap: Bootstrap;
  listeners: Record<'PLAINTEXT' | 'SASL_PLAINTEXT' | 'CONTROLLER', ListenerInfo> & Partial<Record<'SSL' | 'SASL_SSL', ListenerInfo>>;
  controllerQuorumVoters: string;
}

export interface NodeInfo {
  id: number;
  rack: string;
  ports: NodePorts;
  pid: number | null;
  running: boolean;
  dir: string;
  serverProperties: string;
  logFile: string;
}

export interface ClusterInfo {
  version: string;
  kafkaMajor: number;
  dir: string;
  clusterId: string | null;
  /** All three node processes alive. */
  running: boolean;
  host: string;
  portBase: number;
  /** The SSL / SASL_SSL listeners run (default). */
  tlsEnabled: boolean;
  bootstrap: Endpoints['bootstrap'];
  listeners: Endpoints['listeners'];
  controllerQuorumVoters: string;
  nodes: NodeInfo[];
  pids: Record<1 | 2 | 3, number | null>;
  users: { admin: Credential; alice: Credential; ccloud: Credential };
  superUsers: string[];
  saslMechanisms: string[];
  /** Client property files for --command-config / kafka clients. */
  clientProperties: {
    /** SASL_PLAINTEXT, SCRAM-SHA-512, admin */
    admin: string;
    /** SASL_PLAINTEXT, PLAIN, admin */
    adminPlain: string;
    /** SASL_PLAINTEXT, SCRAM-SHA-256, admin */
    adminScram256: string;
    /** SASL_PLAINTEXT, PLAIN, alice (no ACLs by default) */
    alicePlain: string;
    /** PLAINTEXT (User:ANONYMOUS) */
    plaintext: string;
  } & Partial<TlsClientProperties>;
  /** Certificate and key files of the TLS listeners (<dir>/tls); null without TLS. */
  tls: TlsFiles | null;
  libsDir: string;
  classpath: string;
  java: string;
  /** Fully qualified main classes of the Kafka CLIs for this version. */
  tools: Record<string, string>;
  /** tlsMs: certificate generation (0 without TLS). */
  timings: { fetchMs: number; tlsMs?: number; formatMs: number; startMs: number; totalMs: number } | null;
}

/**
 * Client property files for the TLS listeners, PEM only (read by both the Java clients and our CLI), each with
 * bootstrap.servers, ssl.truststore.type=PEM, ssl.truststore.location=<tls>/ca.pem and
 * ssl.endpoint.identification.algorithm=https.
 */
export interface TlsClientProperties {
  /** SASL_SSL, SCRAM-SHA-512, admin */
  adminSaslSsl: string;
  /** SASL_SSL, PLAIN, admin */
  adminSaslSslPlain: string;
  /** SSL + ssl.keystore.type=PEM, ssl.keystore.location=<tls>/scanner-keystore.pem (key + chain): User:scanner */
  scannerMtls: string;
  /** Same with the encrypted key (<tls>/scanner-encrypted-keystore.pem) and ssl.key.password */
  scannerMtlsEncryptedKey: string;
  /** SSL with the CN=intruder certificate from the other CA: rejected at handshake */
  intruderMtls: string;
  /** SSL with a truststore but no client certificate: rejected at handshake (client auth required) */
  sslNoClientCert: string;
}

/** ClusterInfo of a cluster with TLS listeners (see requireTls). */
export interface TlsClusterInfo extends ClusterInfo {
  tlsEnabled: true;
  bootstrap: Bootstrap & { ssl: string; saslSsl: string };
  listeners: Endpoints['listeners'] & Record<'SSL' | 'SASL_SSL', ListenerInfo>;
  clientProperties: ClusterInfo['clientProperties'] & TlsClientProperties;
  tls: TlsFiles;
}

export interface StartResult extends ClusterInfo {
  alreadyRunning: boolean;
}

export interface ClusterStatus extends ClusterInfo {
  healthy: boolean;
  nodes: (NodeInfo & {
    ports_open: Partial<Record<ListenerKey, boolean>>;
    brokersSeen: number[] | null;
    racksSeen?: Record<number, string | null>;
    probeError?: string;
  })[];
}

export interface JavaResult {
  code: number;
  signal: string | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
  command: string[];
}

export interface JavaCliOptions extends ClusterOptions {
  input?: string;
  env?: Record<string, string>;
  cwd?: string;
}

export interface MetadataResult {
  brokers: { nodeId: number; host: string; port: number; rack: string | null }[];
  clusterId: string | null;
  controllerId: number;
  /** Topics in the response (none unless allTopics; then only those the principal may Describe). */
  topics: { name: string | null; errorCode: number; isInternal: boolean; partitions: number }[];
}

export interface MetadataOptions {
  /** node:tls options, e.g. { ca, cert, key } read from ClusterInfo.tls, to probe the SSL listener. */
  tls?: ConnectionOptions;
  /** Ask for all topics instead of none. */
  allTopics?: boolean;
}

export const REPO_ROOT: string;
export const FETCH_SCRIPT: string;
export const DEFAULT_KAFKA_4: string;
export const DEFAULT_KAFKA_39: string;
export const DEFAULT_PORT_BASE: number;
export const DEFAULT_START_TIMEOUT_MS: number;
export const DEFAULT_STOP_TIMEOUT_MS: number;
export const DEFAULT_HEAP_OPTS: string;
export const DEFAULT_JVM_OPTS: string;
export const HOST: string;
export const NODE_IDS: readonly number[];
export const RACKS: Readonly<Record<number, string>>;
export const CREDENTIALS: Readonly<{ admin: Readonly<Credential>; alice: Readonly<Credential>; ccloud: Readonly<Credential> }>;
export const SUPER_USERS: readonly string[];
export const SASL_MECHANISMS: readonly string[];
export const LISTENERS: readonly {
  key: ListenerKey;
  name: string;
  protocol: string;
  offset: number;
  enabled: boolean;
  advertised: boolean;
  /** TLS listener: only on when the cluster runs with TLS. */
  tls: boolean;
}[];

export function resolveVersion(v?: string): string;
export function kafkaMajor(version: string): number;
export function nodePorts(portBase: number, id: number): NodePorts;
export function endpoints(opts?: ClusterOptions | number): Endpoints;
export function toolClass(name: string, version?: string): string;
export function ensureKafka(opts?: ClusterOptions): Promise<string>;
export function runJavaCli(mainClass: string, args?: (string | number)[], opts?: JavaCliOptions): Promise<JavaResult>;
export function javaCli(mainClass: string, args?: (string | number)[], opts?: JavaCliOptions): Promise<string>;
export function portOpen(port: number, host?: string, timeoutMs?: number): Promise<boolean>;
export function kafkaMetadata(port: number, host?: string, timeoutMs?: number, options?: MetadataOptions): Promise<MetadataResult>;
export function clusterInfo(opts?: ClusterOptions): ClusterInfo;
/** Returns `info` typed as TlsClusterInfo; throws when the cluster runs without TLS listeners. */
export function requireTls<T extends ClusterInfo>(info: T): T & TlsClusterInfo;
export function clusterStatus(opts?: ClusterOptions): Promise<ClusterStatus>;
export function startCluster(opts?: ClusterOptions): Promise<StartResult>;
export function stopCluster(opts?: ClusterOptions): Promise<{ stopped: number[]; killed: number[]; ms: number }>;
export function stopAllClusters(
  opts?: ClusterOptions,
): Promise<Record<string, { stopped: number[]; killed: number[]; ms: number }>>;
export function stopBroker(
  n: number,
  opts?: ClusterOptions,
): Promise<{ id: number; pid: number | null; killed: boolean; ms: number }>;
export function startBroker(
  n: number,
  opts?: ClusterOptions,
): Promise<{ id: number; pid: number; ms: number; alreadyRunning: boolean }>;
export function smokeTest(
  opts?: ClusterOptions & { keep?: boolean },
): Promise<{ version: string | null; passed: number; failed: number; results: { name: string; ok: boolean; ms: number; error?: string }[] }>;
