// The Java client adapter of the probe without a JVM: where it finds the jars, what it hands the child (and what it
// never puts on the command line), and how it reads the child's output.
import { generateKeyPairSync } from 'node:crypto';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseJaas, parseProperties } from '../../src/config/properties.js';
import { type ConnectionOptions, Secret } from '../../src/connect/options.js';
import { assembleCells, childArgs, childSettings, describeExit, END_OF_SETTINGS, findKafkaLibs, javaAdapter, javaOauthUnavailable, parseChildLine, parseJavaMajor, propertyLine } from '../../src/gather/probe/java-adapter.js';

const PASSWORD = 'pa"ss\\wörd =#!x';
const conn = (extra: Partial<ConnectionOptions> = {}): ConnectionOptions => ({
  bootstrap: ['127.0.0.1:9092', '127.0.0.1:9093'],
  securityProtocol: 'SASL_PLAINTEXT',
  sasl: { mechanism: 'SCRAM-SHA-512', username: 'ad"min', password: new Secret(PASSWORD) },
  clientId: 'kr',
  connectTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
  ...extra,
});
const OIDC = { mechanism: 'OAUTHBEARER' as const, tokenEndpoint: 'http://127.0.0.1:4444/token', clientId: 'kr "client"', clientSecret: new Secret('s3cr=t "with" \\ and spaces'), scope: 'kafka' };
const ctx = { topic: 'kafka-readiness.probe.ab12', runId: 'ab12', maxMessageBytes: 1048588, logAppendTime: false, cellTimeoutMs: 20_000, kip848: true, group: (p: string) => `kafka-readiness.probe.ab12.java.${p}`, transactionalId: (p: string) => `kafka-readiness.probe.ab12.java.${p}` };

function libsDir(root: string, name: string, version: string, complete = true): string {
  const dir = path.join(root, name, 'libs');
  mkdirSync(dir, { recursive: true });
  for (const f of [`kafka-clients-${version}.jar`, 'lz4-java-1.8.0.jar', 'snappy-java-1.1.10.7.jar', 'zstd-jni-1.5.6-10.jar', 'slf4j-api-1.7.36.jar', 'log4j-core-2.24.3.jar', `kafka_2.13-${version}.jar`]) writeFileSync(path.join(dir, f), '');
  if (complete) writeFileSync(path.join(root, name, '.complete'), '');
  return dir;
}

describe('java probe adapter', () => {
  it('finds the newest complete distribution, the explicit libs directory first, KAFKA_HOME last, and says why when none', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'kr-java-'));
    const cache = path.join(root, '.cache', 'kafka');
    libsDir(cache, 'kafka-3.9.1', '3.9.1');
    libsDir(cache, 'kafka-4.1.1', '4.1.1');
    libsDir(cache, 'kafka-4.2.0', '4.2.0', false); // still being fetched: no .complete marker
    const found = findKafkaLibs({}, root);
    expect('libs' in found && found.libs.version).toBe('4.1.1');
    // Only kafka-clients and its runtime jars: no log4j binding, no broker jars.
    expect('libs' in found && found.libs.jars.map((j) => path.basename(j)).sort()).toEqual(['kafka-clients-4.1.1.jar', 'lz4-java-1.8.0.jar', 'slf4j-api-1.7.36.jar', 'snappy-java-1.1.10.7.jar', 'zstd-jni-1.5.6-10.jar']);
    const explicit = findKafkaLibs({ KAFKA_READINESS_JAVA_LIBS: path.join(cache, 'kafka-3.9.1', 'libs') }, root);
    expect('libs' in explicit && explicit.libs.version).toBe('3.9.1');
    expect(findKafkaLibs({ KAFKA_READINESS_JAVA_LIBS: root }, root)).toEqual({ reason: expect.stringMatching(/holds no kafka-clients/) });
    const home = mkdtempSync(path.join(tmpdir(), 'kr-kafka-home-'));
    libsDir(path.dirname(home), path.basename(home), '3.8.0');
    const viaHome = findKafkaLibs({ KAFKA_HOME: home }, mkdtempSync(path.join(tmpdir(), 'kr-empty-')));
    expect('libs' in viaHome && viaHome.libs.version).toBe('3.8.0');
    expect(findKafkaLibs({}, mkdtempSync(path.join(tmpdir(), 'kr-empty-')))).toEqual({ reason: expect.stringMatching(/no Kafka distribution.*KAFKA_READINESS_JAVA_LIBS.*scripts\/setup\.sh/) });
  });

  it('reads the Java major version (old and new spellings)', () => {
    expect(parseJavaMajor('openjdk version "17.0.15" 2025-04-15\nOpenJDK Runtime')).toBe(17);
    expect(parseJavaMajor('java version "1.8.0_292"')).toBe(8);
    expect(parseJavaMajor('openjdk version "21" 2023-09-19')).toBe(21);
    expect(parseJavaMajor('nothing')).toBeNull();
  });

  it('hands the child Java client properties that read back exactly, with the password quoted in the JAAS line', () => {
    const s = childSettings(conn(), ctx, 'kafka-readiness-probe-ab12-java');
    expect(s.text.trimEnd().endsWith(END_OF_SETTINGS)).toBe(true);
    const p = parseProperties(s.text).values;
    expect(p.get('bootstrap.servers')).toBe('127.0.0.1:9092,127.0.0.1:9093');
    expect(p.get('security.protocol')).toBe('SASL_PLAINTEXT');
    expect(p.get('sasl.mechanism')).toBe('SCRAM-SHA-512');
    const jaas = parseJaas(p.get('sasl.jaas.config')!);
    expect(jaas?.module).toBe('org.apache.kafka.common.security.scram.ScramLoginModule');
    expect(jaas?.options.get('username')).toBe('ad"min');
    expect(jaas?.options.get('password')).toBe(PASSWORD);
    expect(p.get('probe.topic')).toBe(ctx.topic);
    expect(p.get('probe.group.kip848')).toBe('kafka-readiness.probe.ab12.java.kip848');
    expect(p.get('probe.txid.tx')).toBe('kafka-readiness.probe.ab12.java.tx');
    expect(p.get('probe.kip848')).toBe('true');
    expect(s.secrets).toContain(PASSWORD);
    // Non-ASCII travels as \u escapes; keys with separators are escaped.
    expect(propertyLine('a b=c', ' x\nü')).toBe('a\\ b\\=c=\\ x\\n\\u00fc');
    expect(parseProperties(propertyLine('a b=c', ' x\nü')).values.get('a b=c')).toBe(' x\nü');
  });

  it('TLS: PEM trust store, a PKCS#8 key (an encrypted PKCS#1 key converted), no host name check when disabled; every key form is a secret', () => {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 1024 });
    const encrypted = privateKey.export({ type: 'pkcs1', format: 'pem', cipher: 'aes-128-cbc', passphrase: 'kp-secret' }).toString();
    const s = childSettings(conn({ securityProtocol: 'SASL_SSL', tls: { ca: '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n', cert: '-----BEGIN CERTIFICATE-----\nMIIC\n-----END CERTIFICATE-----\n', key: new Secret(encrypted), keyPassword: new Secret('kp-secret'), verifyHostname: false } }), ctx, 'id');
    const p = parseProperties(s.text).values;
    expect(p.get('ssl.truststore.type')).toBe('PEM');
    expect(p.get('ssl.truststore.certificates')).toContain('MIIB');
    expect(p.get('ssl.keystore.type')).toBe('PEM');
    expect(p.get('ssl.keystore.key')).toMatch(/^-----BEGIN PRIVATE KEY-----\n/);
    expect(p.has('ssl.key.password')).toBe(false);
    expect(p.get('ssl.endpoint.identification.algorithm')).toBe('');
    expect(s.secrets).toEqual(expect.arrayContaining([encrypted, 'kp-secret', p.get('ssl.keystore.key')]));
  });

  it('never puts a credential on the command line (visible in ps)', () => {
    const s = childSettings(conn(), ctx, 'id');
    const args = childArgs({ dir: '/k/libs', version: '4.1.1', jars: ['/k/libs/kafka-clients-4.1.1.jar'] }, '/pkg/probe-java/Probe.java').join(' ');
    for (const secret of s.secrets) expect(args.includes(secret)).toBe(false);
    expect(args).toMatch(/-cp \/k\/libs\/kafka-clients-4\.1\.1\.jar \/pkg\/probe-java\/Probe\.java$/);
  });

  it('MSK IAM connections (and OIDC with an audience): the java client is unavailable with the reason, not failed', async () => {
    const info = await javaAdapter.info(conn({ sasl: undefined, oauth: { mechanism: 'AWS_MSK_IAM' } }));
    // Unavailable either way: no Java here, or the MSK IAM reason.
    expect(info).toMatchObject({ name: 'java', library: 'java', available: false, reason: expect.any(String) });
    expect(() => childSettings(conn({ sasl: undefined, oauth: { mechanism: 'AWS_MSK_IAM' } }), ctx, 'id')).toThrow(/aws-msk-iam-auth/);
    expect(javaOauthUnavailable({ oauth: { mechanism: 'AWS_MSK_IAM' } })).toMatch(/aws-msk-iam-auth/);
    expect(javaOauthUnavailable({ oauth: { ...OIDC, audience: 'urn:x' } })).toMatch(/audience/);
    expect(javaOauthUnavailable({ oauth: OIDC })).toBeNull();
  });

  it('OAUTHBEARER (OIDC): Kafka\'s login handler settings with the client secret on stdin only, the endpoint for allowed.urls', () => {
    const s = childSettings(conn({ sasl: undefined, securityProtocol: 'SASL_SSL', oauth: OIDC }), ctx, 'id');
    expect(s.secrets).toEqual([OIDC.clientSecret.reveal()]);
    const p = parseProperties(s.text).values;
    expect(p.get('sasl.mechanism')).toBe('OAUTHBEARER');
    expect(p.get('sasl.oauthbearer.token.endpoint.url')).toBe(OIDC.tokenEndpoint);
    expect(p.get('sasl.oauthbearer.header.urlencode')).toBe('true');
    expect(p.get('probe.oauth')).toBe('oidc');
    expect(p.get('probe.oauthTokenEndpoint')).toBe(OIDC.tokenEndpoint);
    const jaas = parseJaas(p.get('sasl.jaas.config')!);
    expect(jaas?.module).toBe('org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginModule');
    expect(Object.fromEntries(jaas!.options)).toEqual({ clientId: OIDC.clientId, clientSecret: OIDC.clientSecret.reveal(), scope: 'kafka' });
    const args = childArgs({ dir: '/k/libs', version: '4.1.1', jars: ['/k/libs/kafka-clients-4.1.1.jar'] }, '/pkg/probe-java/Probe.java').join(' ');
    expect(args.includes(OIDC.clientSecret.reveal())).toBe(false);
  });

  it('reads only well-formed cell lines; unknown capabilities, statuses and noise are ignored', () => {
    expect(parseChildLine('{"type":"hello","version":"4.1.1","java":"17.0.15"}')).toEqual({ type: 'hello', version: '4.1.1', java: '17.0.15' });
    expect(parseChildLine('{"type":"cell","capability":"headers","status":"pass","message":"ok","ms":12}')).toEqual({ type: 'cell', cell: { client: 'java', capability: 'headers', status: 'pass', message: 'ok', ms: 12 } });
    expect(parseChildLine('{"type":"cell","capability":"headers","status":"denied","message":"refused","error":"TOPIC_AUTHORIZATION_FAILED"}')).toMatchObject({ cell: { status: 'denied', error: 'TOPIC_AUTHORIZATION_FAILED' } });
    expect(parseChildLine('{"type":"cell","capability":"rm -rf","status":"pass","message":"x"}')).toBeNull();
    expect(parseChildLine('{"type":"cell","capability":"headers","status":"great","message":"x"}')).toBeNull();
    // authorization-failure is derived by the parent from the refusals, never taken from the child.
    expect(parseChildLine('{"type":"cell","capability":"authorization-failure","status":"pass","message":"x"}')).toBeNull();
    expect(parseChildLine('SLF4J: Failed to load class "org.slf4j.impl.StaticLoggerBinder".')).toBeNull();
    expect(parseChildLine('null')).toBeNull();
  });

  it('a child that ended early: every cell it did not report is an error with the reason; secrets are scrubbed', () => {
    const lines = [parseChildLine(`{"type":"cell","capability":"produce-consume","status":"fail","message":"failed: ${PASSWORD.replace(/["\\]/g, '\\$&')} leaked"}`)!];
    const cells = assembleCells(lines, [PASSWORD], describeExit(137, null, `sasl.jaas.config = ${PASSWORD}`, false));
    expect(cells).toHaveLength(13);
    expect(cells[0]).toMatchObject({ capability: 'produce-consume', status: 'fail', message: 'failed: [redacted] leaked' });
    expect(cells.filter((c) => c.status === 'error')).toHaveLength(12);
    for (const c of cells) expect(c.message.includes(PASSWORD)).toBe(false);
    expect(cells[1]?.message).toMatch(/exit code 137.*stderr is not copied/);
    const fatal = assembleCells([parseChildLine('{"type":"fatal","error":"ConfigException: bad"}')!], [], 'x');
    expect(fatal.every((c) => c.status === 'error' && c.message === 'the Java client stopped: ConfigException: bad')).toBe(true);
    expect(describeExit(1, null, 'Exception in thread "main" java.lang.UnsupportedClassVersionError: ...', false)).toMatch(/too old/);
    expect(describeExit(null, 'SIGKILL', '', true)).toMatch(/did not finish in time/);
  });
});
