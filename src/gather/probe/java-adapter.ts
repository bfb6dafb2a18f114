// Kafka's own Java client in the probe: probe-java/Probe.java run as a single-file source program
// (java -cp <kafka-clients + codec jars> Probe.java; Java 11+, no javac step, no Maven) against the jars of a Kafka
// distribution on this machine. No Java or no distribution: the client is unavailable with the reason, never a failure.
// Credentials reach the child on stdin (never its command line, visible in ps); its stderr (which can hold config
// dumps) is never copied anywhere: only its exit and a fixed classification of it are reported.

import { spawn, spawnSync } from 'node:child_process';
import { createPrivateKey } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ConnectionOptions } from '../../connect/options.js';
import { PROBE_CAPABILITIES, type ProbeCapability, type ProbeCell, type ProbeCellStatus, type ProbeClientInfo } from '../snapshot.js';
import { authorizationCell, cell, type ProbeAdapter, type ProbeContext } from './types.js';

const NAME = 'java';
export const END_OF_SETTINGS = '#kafka-readiness-end';
/**
 * kafka-clients and its runtime dependencies; slf4j-api without a binding logs nothing (its NOP default). Jackson
 * parses the token endpoint's answer in Kafka's OIDC login handler (KIP-768); jose4j is on the same path in some versions.
 */
const JAR_PREFIXES = ['kafka-clients-', 'lz4-java-', 'snappy-java-', 'zstd-jni-', 'slf4j-api-', 'jackson-core-', 'jackson-databind-', 'jackson-annotations-', 'jose4j-'];
const STATUSES: readonly ProbeCellStatus[] = ['pass', 'fail', 'unsupported', 'denied', 'not-run', 'error'];
/** Cells the child reports (authorization-failure is derived here from them, as for the other clients). */
const CHILD_CAPABILITIES: readonly ProbeCapability[] = PROBE_CAPABILITIES.filter((c) => c !== 'authorization-failure');

/** The package root, found by walking up (this file runs from src/ in tests and dist/src/ in the CLI). */
export function packageRoot(): string | null {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    try {
      if ((JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name?: string }).name === 'kafka-readiness') return dir;
    } catch {
      // not here; keep walking up
    }
    dir = path.dirname(dir);
  }
  return null;
}

export interface KafkaLibs {
  dir: string;
  /** From the kafka-clients-<version>.jar name. */
  version: string;
  jars: string[];
}

/** kafka-clients-<version>.jar and its codec/logging jars in one libs directory, or null. */
export function libsIn(dir: string): KafkaLibs | null {
  let files: string[];
  try {
    files = readdirSync(dir);
  } catch {
    return null;
  }
  const clients = files.map((f) => /^kafka-clients-(\d[\w.-]*?)\.jar$/.exec(f)).find((m) => m !== null);
  if (!clients) return null;
  const jars = JAR_PREFIXES.map((p) => files.find((f) => f.startsWith(p) && f.endsWith('.jar') && (p !== 'kafka-clients-' || f === clients[0]))).filter((f): f is string => !!f);
  return { dir, version: clients[1]!, jars: jars.map((f) => path.join(dir, f)) };
}

export function compareVersions(a: string, b: string): number {
  const pa = a.split(/[.-]/).map((x) => Number.parseInt(x, 10) || 0);
  const pb = b.split(/[.-]/).map((x) => Number.parseInt(x, 10) || 0);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) if ((pa[i] ?? 0) !== (pb[i] ?? 0)) return (pa[i] ?? 0) - (pb[i] ?? 0);
  return 0;
}

/**
 * Where the Java client's jars are: KAFKA_READINESS_JAVA_LIBS (a libs directory) if set; else the newest complete
 * distribution the project's scripts fetched (KAFKA_CACHE_DIR or <package>/.cache/kafka, as test/cluster/fetch-kafka.sh);
 * else $KAFKA_HOME/libs of an installed Kafka.
 */
export function findKafkaLibs(env: NodeJS.ProcessEnv, root: string | null): { libs: KafkaLibs } | { reason: string } {
  const explicit = env.KAFKA_READINESS_JAVA_LIBS;
  if (explicit) {
    const libs = libsIn(explicit);
    return libs ? { libs } : { reason: `KAFKA_READINESS_JAVA_LIBS names ${explicit}, which holds no kafka-clients-<version>.jar` };
  }
  const cache = env.KAFKA_CACHE_DIR ?? (root ? path.join(root, '.cache', 'kafka') : null);
  if (cache) {
    let entries: string[] = [];
    try {
      entries = readdirSync(cache);
    } catch {
      // no cache
    }
    const found = entries
      .filter((e) => /^kafka-\d/.test(e) && existsSync(path.join(cache, e, '.complete')))
      .map((e) => libsIn(path.join(cache, e, 'libs')))
      .filter((l): l is KafkaLibs => l !== null)
      .sort((a, b) => compareVersions(b.version, a.version));
    if (found[0]) return { libs: found[0] };
  }
  if (env.KAFKA_HOME) {
    const libs = libsIn(path.join(env.KAFKA_HOME, 'libs'));
    if (libs) return { libs };
  }
  return { reason: 'no Kafka distribution (kafka-clients jar) found: set KAFKA_READINESS_JAVA_LIBS to a Kafka libs directory or KAFKA_HOME to a Kafka installation, or run scripts/setup.sh' };
}

/** The major version from `java -version` output: 'version "17.0.15"' is 17, 'version "1.8.0_292"' is 8. */
export function parseJavaMajor(output: string): number | null {
  const m = /version "(\d+)(?:\.(\d+))?/.exec(output);
  if (!m) return null;
  const major = Number(m[1]);
  return major === 1 && m[2] ? Number(m[2]) : major;
}

/** One line of a java.util.Properties file: backslash escapes for line breaks, leading blanks and non-ASCII. */
export function propertyLine(key: string, value: string): string {
  const esc = (s: string, isKey: boolean) =>
    [...s]
      .map((ch, i) => {
        const c = ch.codePointAt(0)!;
        if (ch === '\\') return '\\\\';
        if (ch === '\n') return '\\n';
        if (ch === '\r') return '\\r';
        if (ch === '\t') return '\\t';
        if (ch === '\f') return '\\f';
        if ((isKey && ' =:#!'.includes(ch)) || (!isKey && i === 0 && (ch === ' ' || ch === '#' || ch === '!'))) return `\\${ch}`;
        if (c < 0x20 || c > 0x7e) return [...Array(ch.length).keys()].map((j) => `\\u${ch.charCodeAt(j).toString(16).padStart(4, '0')}`).join('');
        return ch;
      })
      .join('');
  return `${esc(key, true)}=${esc(value, false)}`;
}

/** A JAAS option value in double quotes (Kafka's JaasConfig reads backslash escapes inside quotes). */
export function jaasQuote(s: string): string {
  return `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

export interface ChildSettings {
  /** The stdin text: Properties lines and the end marker. */
  text: string;
  /** Every secret in it, scrubbed from anything the child prints before it is used. */
  secrets: string[];
}

/** The child's settings: the Java client properties for this connection, then the probe's parameters. */
export function childSettings(conn: ConnectionOptions, ctx: Pick<ProbeContext, 'topic' | 'runId' | 'maxMessageBytes' | 'logAppendTime' | 'cellTimeoutMs' | 'kip848' | 'group' | 'transactionalId'>, clientId: string): ChildSettings {
  const props: [string, string][] = [
    ['bootstrap.servers', conn.bootstrap.join(',')],
    ['security.protocol', conn.securityProtocol],
    ['socket.connection.setup.timeout.ms', String(conn.connectTimeoutMs)],
    ['socket.connection.setup.timeout.max.ms', String(conn.connectTimeoutMs)],
  ];
  const secrets: string[] = [];
  const oauthReason = javaOauthUnavailable(conn);
  if (oauthReason) throw new Error(oauthReason);
  const probeExtra: [string, string][] = [];
  if (conn.oauth?.mechanism === 'OAUTHBEARER') {
    // Kafka's own OIDC client-credentials login (KIP-768): the handler class is chosen by Probe.java for the jars it
    // runs with; the secret is a JAAS option (kafka-clients 3.1+ read it there; 4.1 also as a config) on stdin only.
    const o = conn.oauth;
    const secret = o.clientSecret.reveal();
    secrets.push(secret);
    const scope = o.scope ? ` scope=${jaasQuote(o.scope)}` : '';
    props.push(
      ['sasl.mechanism', 'OAUTHBEARER'],
      ['sasl.jaas.config', `org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginModule required clientId=${jaasQuote(o.clientId)} clientSecret=${jaasQuote(secret)}${scope};`],
      ['sasl.oauthbearer.token.endpoint.url', o.tokenEndpoint],
      // client_secret_basic (RFC 6749 §2.3.1) URL-encodes both parts, as the in-process clients do (KIP-1025).
      ['sasl.oauthbearer.header.urlencode', 'true'],
      ['sasl.login.connect.timeout.ms', String(conn.connectTimeoutMs)],
      ['sasl.login.read.timeout.ms', String(conn.requestTimeoutMs)],
    );
    // Kafka 4.x refuses any token endpoint not listed in this JVM system property: Probe.java sets it to this one.
    probeExtra.push(['oauth', 'oidc'], ['oauthTokenEndpoint', o.tokenEndpoint]);
  }
  if (conn.sasl) {
    const module = conn.sasl.mechanism === 'PLAIN' ? 'org.apache.kafka.common.security.plain.PlainLoginModule' : 'org.apache.kafka.common.security.scram.ScramLoginModule';
    const password = conn.sasl.password.reveal();
    secrets.push(password);
    props.push(['sasl.mechanism', conn.sasl.mechanism], ['sasl.jaas.config', `${module} required username=${jaasQuote(conn.sasl.username)} password=${jaasQuote(password)};`]);
  }
  if (conn.securityProtocol === 'SSL' || conn.securityProtocol === 'SASL_SSL') {
    const t = conn.tls ?? { verifyHostname: true };
    if (t.ca) props.push(['ssl.truststore.type', 'PEM'], ['ssl.truststore.certificates', t.ca]);
    if (t.cert && t.key) {
      // Kafka's PEM key store reads PKCS#8 only: any key (PKCS#1, encrypted) is handed over as unencrypted PKCS#8.
      const original = t.key.reveal();
      const passphrase = t.keyPassword?.reveal();
      const pkcs8 = createPrivateKey({ key: original, ...(passphrase ? { passphrase } : {}) }).export({ type: 'pkcs8', format: 'pem' }).toString();
      secrets.push(original, pkcs8, ...(passphrase ? [passphrase] : []), ...[original, pkcs8].flatMap((pem) => pem.split('\n').filter((l) => l.length >= 16 && !l.startsWith('-----'))));
      props.push(['ssl.keystore.type', 'PEM'], ['ssl.keystore.certificate.chain', t.cert], ['ssl.keystore.key', pkcs8]);
    }
    if (!t.verifyHostname) props.push(['ssl.endpoint.identification.algorithm', '']);
  }
  const probe: [string, string][] = [
    ['topic', ctx.topic],
    ['runId', ctx.runId],
    ['maxMessageBytes', String(ctx.maxMessageBytes)],
    ['logAppendTime', String(ctx.logAppendTime)],
    ['cellTimeoutMs', String(ctx.cellTimeoutMs)],
    ['kip848', String(ctx.kip848)],
    ['clientId', clientId],
    ...javaAdapter.groups.map((g): [string, string] => [`group.${g}`, ctx.group(g)]),
    ...javaAdapter.transactionalIds.map((t): [string, string] => [`txid.${t}`, ctx.transactionalId(t)]),
    ...probeExtra,
  ];
  const lines = [...props.map(([k, v]) => propertyLine(k, v)), ...probe.map(([k, v]) => propertyLine(`probe.${k}`, v)), END_OF_SETTINGS];
  return { text: `${lines.join('\n')}\n`, secrets: secrets.filter((s) => s.length > 0) };
}

/** Why this connection cannot be handed to the Java client, or null when it can. */
export function javaOauthUnavailable(conn: Pick<ConnectionOptions, 'oauth'>): string | null {
  if (conn.oauth?.mechanism === 'AWS_MSK_IAM') {
    return 'AWS_MSK_IAM needs the aws-msk-iam-auth jar and the AWS SDK for Java on the client classpath, which the project does not fetch: the Java client is not run over MSK IAM (the in-process clients are)';
  }
  if (conn.oauth?.mechanism === 'OAUTHBEARER' && conn.oauth.audience) {
    return "Kafka's OIDC login handler sends no audience/resource parameter, so it cannot request the token this connection asks for (--oauth-audience): the Java client is not run";
  }
  return null;
}

export type ChildLine = { type: 'hello'; version: string; java: string } | { type: 'cell'; cell: ProbeCell } | { type: 'fatal'; error: string };

/** One stdout line of the child; anything not of the expected shape is ignored (null). */
export function parseChildLine(line: string): ChildLine | null {
  let o: Record<string, unknown>;
  try {
    o = JSON.parse(line) as Record<string, unknown>;
  } catch {
    return null;
  }
  if (!o || typeof o !== 'object') return null;
  const str = (v: unknown) => (typeof v === 'string' ? v.slice(0, 1000) : null);
  if (o.type === 'hello' && str(o.version)) return { type: 'hello', version: str(o.version)!, java: str(o.java) ?? '' };
  if (o.type === 'fatal') return { type: 'fatal', error: str(o.error) ?? 'unknown error' };
  if (o.type !== 'cell') return null;
  const capability = str(o.capability) as ProbeCapability | null;
  const status = str(o.status) as ProbeCellStatus | null;
  const message = str(o.message);
  if (!capability || !CHILD_CAPABILITIES.includes(capability) || !status || !STATUSES.includes(status) || message === null) return null;
  const error = str(o.error);
  const ms = typeof o.ms === 'number' && Number.isFinite(o.ms) ? Math.round(o.ms) : undefined;
  return { type: 'cell', cell: cell(NAME, capability, status, message, { ...(error !== null ? { error } : {}), ...(ms !== undefined ? { ms } : {}) }) };
}

export function scrub(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const s of secrets) if (s) out = out.split(s).join('[redacted]');
  return out;
}

/** Why the JVM ended without reporting, from its exit and a classification of its stderr (never the text itself). */
export function describeExit(code: number | null, signal: string | null, stderrTail: string, timedOut: boolean): string {
  if (timedOut) return 'the Java client did not finish in time and was stopped';
  if (/UnsupportedClassVersionError/.test(stderrTail)) return 'the Java runtime is too old for these kafka-clients jars (UnsupportedClassVersionError)';
  if (/error: compilation failed|Probe\.java:\d+: error/.test(stderrTail)) return 'Probe.java did not compile with this Java runtime';
  if (/ClassNotFoundException|NoClassDefFoundError/.test(stderrTail)) return 'a class of the Kafka client is missing from the libs directory';
  if (/OutOfMemoryError/.test(stderrTail)) return 'the JVM ran out of memory';
  return `the JVM ended (${signal ? `signal ${signal}` : `exit code ${code}`}) before reporting this cell (its stderr is not copied: it may hold client configuration)`;
}

/** The cells of one child run: what it reported (secrets scrubbed), an error for each cell it did not reach. */
export function assembleCells(lines: ChildLine[], secrets: readonly string[], endReason: string): ProbeCell[] {
  const cells: ProbeCell[] = [];
  const fatal = lines.find((l): l is Extract<ChildLine, { type: 'fatal' }> => l.type === 'fatal');
  for (const l of lines) {
    if (l.type !== 'cell' || cells.some((c) => c.capability === l.cell.capability)) continue;
    cells.push({ ...l.cell, message: scrub(l.cell.message, secrets), ...(l.cell.error !== undefined ? { error: scrub(l.cell.error, secrets) } : {}) });
  }
  const why = fatal ? `the Java client stopped: ${scrub(fatal.error, secrets)}` : endReason;
  for (const cap of CHILD_CAPABILITIES) if (!cells.some((c) => c.capability === cap)) cells.push(cell(NAME, cap, 'error', why));
  return cells;
}

/** The child's command line: JVM options, the jars and the source file; settings and credentials go on stdin. */
export function childArgs(libs: KafkaLibs, source: string): string[] {
  // C1 only, serial GC, a small heap: the JVM starts faster and stays light beside the Node.js process.
  return ['-XX:TieredStopAtLevel=1', '-XX:+UseSerialGC', '-Xmx256m', '-cp', libs.jars.join(path.delimiter), source];
}

interface JavaRuntime {
  java: string;
  source: string;
  libs: KafkaLibs;
}

let resolved: { runtime: JavaRuntime } | { reason: string } | null = null;

/** Java on the PATH (11+ for a single-file source launch), Probe.java in the package, and the jars. */
export function resolveJava(env: NodeJS.ProcessEnv = process.env): { runtime: JavaRuntime } | { reason: string } {
  const root = packageRoot();
  const source = root ? path.join(root, 'probe-java', 'Probe.java') : null;
  if (!source || !existsSync(source)) return { reason: 'probe-java/Probe.java is missing from the kafka-readiness package' };
  const v = spawnSync('java', ['-version'], { encoding: 'utf8', timeout: 15_000, env });
  if (v.error) return { reason: (v.error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no java on the PATH' : `java -version did not run (${(v.error as NodeJS.ErrnoException).code ?? 'error'})` };
  const major = parseJavaMajor(`${v.stderr}${v.stdout}`);
  if (major === null) return { reason: 'java -version printed no version' };
  if (major < 11) return { reason: `Java ${major} on the PATH: the probe's Java client needs Java 11+` };
  const libs = findKafkaLibs(env, root);
  if ('reason' in libs) return libs;
  return { runtime: { java: 'java', source, libs: libs.libs } };
}

export const javaAdapter: ProbeAdapter = {
  name: NAME,
  groups: ['read', 'read-committed', 'kip848'],
  transactionalIds: ['tx'],
  async info(conn) {
    resolved ??= resolveJava();
    const base = { name: NAME, library: 'java' };
    if ('reason' in resolved) return { ...base, version: null, available: false, reason: resolved.reason };
    const oauthReason = conn ? javaOauthUnavailable(conn) : null;
    if (oauthReason) return { ...base, version: resolved.runtime.libs.version, available: false, reason: oauthReason };
    return { ...base, version: resolved.runtime.libs.version, available: true };
  },
  async run(ctx) {
    resolved ??= resolveJava();
    if ('reason' in resolved) return [];
    const rt = resolved.runtime;
    let settings: ChildSettings;
    try {
      settings = childSettings(ctx.conn, ctx, `kafka-readiness-probe-${ctx.runId}-java`);
    } catch (err) {
      return [cell(NAME, 'produce-consume', 'error', `the Java client's settings could not be made: ${(err as Error).message.split('\n')[0]}`)];
    }
    const args = childArgs(rt.libs, rt.source);
    const lines: ChildLine[] = [];
    let stderrTail = '';
    let timedOut = false;
    const t0 = performance.now();
    const child = spawn(rt.java, args, { stdio: ['pipe', 'pipe', 'pipe'] });
    const stop = () => child.kill('SIGTERM');
    const onExit = () => child.kill('SIGKILL');
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
    process.on('exit', onExit);
    // Every cell bounded inside the child; this bounds the whole child (JVM start and compile included).
    const limitMs = ctx.cellTimeoutMs * 20 + 60_000;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), 5000).unref();
    }, limitMs);
    let buf = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (d: string) => {
      buf += d;
      for (let i = buf.indexOf('\n'); i >= 0; i = buf.indexOf('\n')) {
        const parsed = parseChildLine(buf.slice(0, i));
        buf = buf.slice(i + 1);
        if (parsed) lines.push(parsed);
      }
    });
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (d: string) => (stderrTail = (stderrTail + d).slice(-8192)));
    // stdin stays open: the child ends when it closes (this process went away).
    child.stdin.on('error', () => {});
    child.stdin.write(settings.text);
    const ended = await new Promise<{ code: number | null; signal: string | null; spawnError?: string }>((resolve) => {
      child.on('error', (err) => resolve({ code: null, signal: null, spawnError: (err as NodeJS.ErrnoException).code ?? 'error' }));
      child.on('close', (code, signal) => resolve({ code, signal }));
    });
    clearTimeout(timer);
    process.removeListener('SIGINT', stop);
    process.removeListener('SIGTERM', stop);
    process.removeListener('exit', onExit);
    child.stdin.destroy();
    const hello = lines.find((l): l is Extract<ChildLine, { type: 'hello' }> => l.type === 'hello');
    ctx.log(`probe: Java client ${hello?.version ?? rt.libs.version} (Java ${hello?.java ?? '?'}) ran in ${Math.round(performance.now() - t0)} ms`);
    const reason = ended.spawnError ? `java could not be started (${ended.spawnError})` : describeExit(ended.code, ended.signal, stderrTail, timedOut);
    const cells = assembleCells(lines, settings.secrets, reason);
    cells.push(authorizationCell(NAME, cells));
    return cells;
  },
};
