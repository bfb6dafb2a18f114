#!/usr/bin/env node
// Real 3-node Apache Kafka (KRaft, combined broker+controller) cluster on 127.0.0.1 for tests.
//
// Plain JavaScript ES module, node: built-ins only. Both a library and a CLI:
//
//   node test/cluster/cluster.mjs start|stop|status [--version X] [--dir D] [--port-base P] [--timeout S] [--no-tls]
//   node test/cluster/cluster.mjs stop-broker N | start-broker N [--version X] [--dir D]
//   node test/cluster/cluster.mjs stop --all                # every cluster under <repo>/.cache
//   node test/cluster/cluster.mjs [--version X] tool <Class|Alias> [tool args...]
//
//   import { startCluster, stopCluster, clusterInfo, javaCli } from '../test/cluster/cluster.mjs';
//
// The broker classpath comes from Maven Central through fetch-kafka.sh (cached); the TLS listeners' certificates
// are made at start by tls.mjs (openssl CLI). See README.md.

import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import tls from 'node:tls';
import { fileURLToPath } from 'node:url';
import { generateTls, tlsFiles, PRINCIPAL_MAPPING_RULES, SCANNER_PRINCIPAL } from './tls.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const REPO_ROOT = path.resolve(HERE, '..', '..');
export const FETCH_SCRIPT = path.join(HERE, 'fetch-kafka.sh');

export const DEFAULT_KAFKA_4 = '4.1.1';
export const DEFAULT_KAFKA_39 = '3.9.1';
export const DEFAULT_PORT_BASE = 19000;
export const DEFAULT_START_TIMEOUT_MS = 120_000;
export const DEFAULT_STOP_TIMEOUT_MS = 30_000;
export const HOST = '127.0.0.1';
export const NODE_IDS = Object.freeze([1, 2, 3]);
export const RACKS = Object.freeze({ 1: 'rack-a', 2: 'rack-b', 3: 'rack-c' });
export const DEFAULT_HEAP_OPTS = '-Xms256m -Xmx512m';
export const DEFAULT_JVM_OPTS = '-XX:+UseSerialGC -XX:+ExitOnOutOfMemoryError -Djava.awt.headless=true';
const TOOL_JVM_OPTS = ['-Xmx256m', '-XX:+UseSerialGC', '-XX:TieredStopAtLevel=1', '-Djava.awt.headless=true'];

/** Users known to the cluster. PLAIN users live in the JAAS config; SCRAM ones are written at format time. */
export const CREDENTIALS = Object.freeze({
  admin: Object.freeze({
    username: 'admin',
    password: 'admin-secret',
    principal: 'User:admin',
    plain: true,
    scram: Object.freeze(['SCRAM-SHA-512', 'SCRAM-SHA-256']),
    superUser: true,
  }),
  alice: Object.freeze({
    username: 'alice',
    password: 'alice-secret',
    principal: 'User:alice',
    plain: true,
    scram: Object.freeze([]),
    superUser: false,
  }),
  // A Confluent-Cloud-style API key/secret pair (PLAIN, a secret with spaces and base64 characters).
  ccloud: Object.freeze({
    username: 'CCLOUDKEY4READINESS',
    password: 'cc secret with spaces/+=',
    principal: 'User:CCLOUDKEY4READINESS',
    plain: true,
    scram: Object.freeze([]),
    superUser: false,
  }),
});
export const SUPER_USERS = Object.freeze(['User:admin']);
export const SASL_MECHANISMS = Object.freeze(['SCRAM-SHA-512', 'SCRAM-SHA-256', 'PLAIN']);

/**
 * Listener table: port = portBase + offset + nodeId. The TLS listeners (`tls: true`: SSL with mutual TLS, SASL_SSL)
 * are on unless the cluster is started with `tls: false` / KR_TLS=0; their certificates are made at start
 * (tls.mjs) in <dir>/tls.
 */
export const LISTENERS = Object.freeze([
  { key: 'plaintext', name: 'PLAINTEXT', protocol: 'PLAINTEXT', offset: 90, enabled: true, advertised: true, tls: false },
  { key: 'sasl', name: 'SASL_PLAINTEXT', protocol: 'SASL_PLAINTEXT', offset: 190, enabled: true, advertised: true, tls: false },
  { key: 'controller', name: 'CONTROLLER', protocol: 'SASL_PLAINTEXT', offset: 290, enabled: true, advertised: false, tls: false },
  { key: 'ssl', name: 'SSL', protocol: 'SSL', offset: 390, enabled: true, advertised: true, tls: true },
  { key: 'saslSsl', name: 'SASL_SSL', protocol: 'SASL_SSL', offset: 490, enabled: true, advertised: true, tls: true },
]);
/** Listeners of a cluster with (tls = true) or without the TLS listeners. */
const activeListeners = (withTls) => LISTENERS.filter((l) => l.enabled && (withTls || !l.tls));

/** TLS listeners on? $KR_TLS=0/false/no/off turns them off; default on. */
function envTls() {
  const v = process.env.KR_TLS;
  if (v == null || v === '') return null;
  return !/^(0|false|no|off)$/i.test(v.trim());
}

// ---------------------------------------------------------------------------------------------------------------
// Options / context

/** "4" / "4.x" -> 4.1.1, "3.9" / "3.9.x" -> 3.9.1; anything else is taken as an exact version. */
export function resolveVersion(v) {
  const s = String(v ?? '').trim();
  if (s === '' ) return DEFAULT_KAFKA_4;
  if (s === '4' || s === '4.x') return DEFAULT_KAFKA_4;
  if (s === '3.9' || s === '3.9.x') return DEFAULT_KAFKA_39;
  if (!/^(4\.\d+\.\d+|3\.9\.\d+)$/.test(s)) throw new Error(`unsupported Kafka version '${s}' (4.x or 3.9.x)`);
  return s;
}

export function kafkaMajor(version) {
  return Number.parseInt(String(version).split('.')[0], 10);
}

function defaultDir(version) {
  return path.join(REPO_ROOT, '.cache', `cluster-${version}`);
}

function readState(dir) {
  try {
    return JSON.parse(fs.readFileSync(path.join(dir, 'cluster.json'), 'utf8'));
  } catch {
    return null;
  }
}

/**
 * Resolve options into a context. For everything but `start`, a cluster.json in the directory (written by start)
 * is authoritative for version and port base unless they are given explicitly.
 */
function context(opts = {}, { forStart = false } = {}) {
  const envVersion = process.env.KAFKA_VERSION;
  let version = resolveVersion(opts.version ?? envVersion ?? DEFAULT_KAFKA_4);
  const dir = path.resolve(opts.dir ?? process.env.KR_CLUSTER_DIR ?? defaultDir(version));
  const state = forStart ? null : readState(dir);
  if (state && opts.version == null) version = state.version;
  let portBase = Number(opts.portBase ?? process.env.KR_PORT_BASE ?? DEFAULT_PORT_BASE);
  if (state && opts.portBase == null && process.env.KR_PORT_BASE == null) portBase = state.portBase;
  // TLS listeners: explicit option, else (not for start) what cluster.json recorded, else $KR_TLS, else on.
  // A cluster.json without the field predates the TLS listeners: no TLS.
  let withTls = opts.tls ?? envTls() ?? true;
  if (state && opts.tls == null) withTls = state.tls === true;
  if (!Number.isInteger(portBase) || portBase < 1024 || portBase > 64_000) throw new Error(`bad port base ${portBase}`);
  const cacheDir = path.resolve(opts.cacheDir ?? process.env.KAFKA_CACHE_DIR ?? path.join(REPO_ROOT, '.cache', 'kafka'));
  const kafkaHome = path.join(cacheDir, `kafka-${version}`);
  const quiet = opts.quiet ?? process.env.KR_QUIET === '1';
  const log = opts.log ?? (quiet ? () => {} : (m) => process.stderr.write(`[kafka-cluster] ${m}\n`));
  return {
    version,
    major: kafkaMajor(version),
    dir,
    portBase,
    tls: !!withTls,
    cacheDir,
    kafkaHome,
    libsDir: path.join(kafkaHome, 'libs'),
    java: opts.java ?? (process.env.JAVA_HOME ? path.join(process.env.JAVA_HOME, 'bin', 'java') : 'java'),
    heapOpts: splitArgs(opts.heapOpts ?? process.env.KAFKA_HEAP_OPTS ?? DEFAULT_HEAP_OPTS),
    jvmOpts: splitArgs(opts.jvmOpts ?? process.env.KAFKA_JVM_OPTS ?? DEFAULT_JVM_OPTS),
    timeoutMs: Number(opts.timeoutMs ?? process.env.KR_START_TIMEOUT_MS ?? DEFAULT_START_TIMEOUT_MS),
    // Format at an older metadata release (e.g. "3.8" on 3.9 binaries): a cluster whose upgrade is not finalized.
    releaseVersion: opts.releaseVersion ?? process.env.KR_RELEASE_VERSION ?? null,
    // server.properties overrides: { '*': { key: value }, <nodeId>: { key: value } }.
    serverOverrides: opts.serverOverrides ?? null,
    // Additional listeners [{ name, protocol, offset }] (port = portBase + offset + node id) and JVM flags, e.g. an
    // OAUTHBEARER listener and the system property that allows its JWKS URL. Kept in cluster.json so that
    // startBroker brings a node back with them.
    extraListeners: opts.extraListeners ?? state?.extraListeners ?? [],
    extraJvmOpts: splitArgs(opts.extraJvmOpts ?? state?.extraJvmOpts ?? []),
    // Directories/jars added to the broker classpath (e.g. a test SASL callback handler).
    extraClasspath: opts.extraClasspath ?? state?.extraClasspath ?? [],
    stopTimeoutMs: Number(opts.stopTimeoutMs ?? process.env.KR_STOP_TIMEOUT_MS ?? DEFAULT_STOP_TIMEOUT_MS),
    log,
    state,
  };
}

function splitArgs(s) {
  return Array.isArray(s) ? s : String(s).split(/\s+/).filter(Boolean);
}

// ---------------------------------------------------------------------------------------------------------------
// Endpoints

export function nodePorts(portBase, id) {
  const ports = {};
  for (const l of LISTENERS) ports[l.key] = portBase + l.offset + id;
  return ports;
}

/**
 * Endpoints for a cluster with the given options (no cluster needs to run). With a number (port base), the TLS
 * listeners are included unless $KR_TLS turns them off; with options, as context() resolves `tls`.
 */
export function endpoints(opts = {}) {
  if (typeof opts === 'number') return endpointsFor(opts, envTls() ?? true);
  const ctx = context(opts);
  return endpointsFor(ctx.portBase, ctx.tls);
}

function endpointsFor(portBase, withTls) {
  const active = activeListeners(withTls);
  const nodes = NODE_IDS.map((id) => ({ id, rack: RACKS[id], ports: nodePorts(portBase, id) }));
  const bootstrap = {};
  for (const l of active) bootstrap[l.key] = nodes.map((n) => `${HOST}:${n.ports[l.key]}`).join(',');
  const listeners = {};
  for (const l of active) {
    listeners[l.name] = {
      securityProtocol: l.protocol,
      bootstrap: bootstrap[l.key],
      ports: nodes.map((n) => n.ports[l.key]),
      ...(l.key === 'plaintext' ? { principal: 'User:ANONYMOUS' } : {}),
      ...(l.key === 'sasl' ? { mechanisms: [...SASL_MECHANISMS] } : {}),
      ...(l.key === 'controller' ? { mechanisms: ['PLAIN'], controllerOnly: true } : {}),
      ...(l.key === 'ssl' ? { principal: SCANNER_PRINCIPAL, clientAuth: 'required' } : {}),
      ...(l.key === 'saslSsl' ? { mechanisms: [...SASL_MECHANISMS], clientAuth: 'none' } : {}),
    };
  }
  return {
    host: HOST,
    portBase,
    tls: withTls,
    nodes,
    bootstrap,
    listeners,
    controllerQuorumVoters: nodes.map((n) => `${n.id}@${HOST}:${n.ports.controller}`).join(','),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Files

const nodeDir = (ctx, id) => path.join(ctx.dir, `node-${id}`);
const pidFile = (ctx, id) => path.join(ctx.dir, `node-${id}.pid`);
const serverLog = (ctx, id) => path.join(nodeDir(ctx, id), 'logs', 'server.log');

function clientPropertyFiles(dir, withTls = false) {
  return {
    admin: path.join(dir, 'admin.properties'),
    adminPlain: path.join(dir, 'admin-plain.properties'),
    adminScram256: path.join(dir, 'admin-scram256.properties'),
    alicePlain: path.join(dir, 'alice-plain.properties'),
    plaintext: path.join(dir, 'plaintext.properties'),
    ...(withTls
      ? {
          adminSaslSsl: path.join(dir, 'admin-sasl-ssl.properties'),
          adminSaslSslPlain: path.join(dir, 'admin-sasl-ssl-plain.properties'),
          scannerMtls: path.join(dir, 'scanner-mtls.properties'),
          scannerMtlsEncryptedKey: path.join(dir, 'scanner-mtls-encrypted-key.properties'),
          intruderMtls: path.join(dir, 'intruder-mtls.properties'),
          sslNoClientCert: path.join(dir, 'ssl-no-client-cert.properties'),
        }
      : {}),
  };
}

function plainJaas(user) {
  const users = Object.values(CREDENTIALS)
    .filter((c) => c.plain)
    .map((c) => `user_${c.username}="${c.password}"`)
    .join(' ');
  return `org.apache.kafka.common.security.plain.PlainLoginModule required username="${user.username}" password="${user.password}" ${users};`;
}

function serverProperties(ctx, id) {
  const ep = endpointsFor(ctx.portBase, ctx.tls);
  const active = activeListeners(ctx.tls);
  const ports = nodePorts(ctx.portBase, id);
  const nd = nodeDir(ctx, id);
  const admin = CREDENTIALS.admin;
  const p = [];
  const add = (k, v) => p.push(`${k}=${v}`);
  p.push(`# Generated by test/cluster/cluster.mjs for Kafka ${ctx.version}, node ${id}. Regenerated on every start.`);
  add('process.roles', 'broker,controller');
  add('node.id', id);
  add('broker.rack', RACKS[id]);
  add('controller.quorum.voters', ep.controllerQuorumVoters);
  const extra = ctx.extraListeners.map((l) => ({ ...l, url: `${l.name}://${HOST}:${ctx.portBase + l.offset + id}` }));
  add('listeners', [...active.map((l) => `${l.name}://${HOST}:${ports[l.key]}`), ...extra.map((l) => l.url)].join(','));
  add(
    'advertised.listeners',
    [...active.filter((l) => l.advertised).map((l) => `${l.name}://${HOST}:${ports[l.key]}`), ...extra.map((l) => l.url)].join(','),
  );
  add('listener.security.protocol.map', [...active.map((l) => `${l.name}:${l.protocol}`), ...extra.map((l) => `${l.name}:${l.protocol}`)].join(','));
  add('controller.listener.names', 'CONTROLLER');
  add('inter.broker.listener.name', 'SASL_PLAINTEXT');
  p.push('');
  p.push('# SASL. Brokers and controllers talk to each other with PLAIN as User:admin (a super user); SCRAM');
  p.push('# credentials live in the metadata log, so the controller quorum cannot bootstrap with them.');
  add('sasl.enabled.mechanisms', SASL_MECHANISMS.join(','));
  add('sasl.mechanism.inter.broker.protocol', 'PLAIN');
  add('sasl.mechanism.controller.protocol', 'PLAIN');
  add('listener.name.controller.sasl.enabled.mechanisms', 'PLAIN');
  add('listener.name.controller.plain.sasl.jaas.config', plainJaas(admin));
  add('listener.name.sasl_plaintext.sasl.enabled.mechanisms', SASL_MECHANISMS.join(','));
  add('listener.name.sasl_plaintext.plain.sasl.jaas.config', plainJaas(admin));
  add('listener.name.sasl_plaintext.scram-sha-512.sasl.jaas.config', 'org.apache.kafka.common.security.scram.ScramLoginModule required;');
  add('listener.name.sasl_plaintext.scram-sha-256.sasl.jaas.config', 'org.apache.kafka.common.security.scram.ScramLoginModule required;');
  if (ctx.tls) {
    const t = tlsFiles(ctx.dir);
    p.push('');
    p.push('# TLS (certificates from test/cluster/tls.mjs, made at start in <dir>/tls). PEM stores; the key is');
    p.push('# unencrypted PKCS#8, so no ssl.key.password. Shared by both TLS listeners (inter-broker stays SASL_PLAINTEXT).');
    add('ssl.keystore.type', 'PEM');
    add('ssl.keystore.location', t.serverKeystore);
    add('ssl.truststore.type', 'PEM');
    add('ssl.truststore.location', t.caCert);
    p.push('# SSL listener: mutual TLS required; subject CN=<x>,OU=clients,O=kafka-readiness-test -> User:<x>.');
    add('listener.name.ssl.ssl.client.auth', 'required');
    add('ssl.principal.mapping.rules', PRINCIPAL_MAPPING_RULES);
    p.push('# SASL_SSL listener: server-authenticated TLS, same SASL users as SASL_PLAINTEXT.');
    add('listener.name.sasl_ssl.ssl.client.auth', 'none');
    add('listener.name.sasl_ssl.sasl.enabled.mechanisms', SASL_MECHANISMS.join(','));
    add('listener.name.sasl_ssl.plain.sasl.jaas.config', plainJaas(admin));
    add('listener.name.sasl_ssl.scram-sha-512.sasl.jaas.config', 'org.apache.kafka.common.security.scram.ScramLoginModule required;');
    add('listener.name.sasl_ssl.scram-sha-256.sasl.jaas.config', 'org.apache.kafka.common.security.scram.ScramLoginModule required;');
  }
  p.push('');
  p.push('# Authorization. PLAINTEXT clients are User:ANONYMOUS and, with no ACLs, may do nothing.');
  add('authorizer.class.name', 'org.apache.kafka.metadata.authorizer.StandardAuthorizer');
  add('super.users', SUPER_USERS.join(';'));
  add('allow.everyone.if.no.acl.found', 'false');
  p.push('');
  p.push('# Storage and topic defaults');
  add('log.dirs', path.join(nd, 'data'));
  add('num.partitions', 3);
  add('default.replication.factor', 3);
  add('min.insync.replicas', 2);
  add('auto.create.topics.enable', 'false');
  add('offsets.topic.num.partitions', 6);
  add('offsets.topic.replication.factor', 3);
  add('transaction.state.log.num.partitions', 6);
  add('transaction.state.log.replication.factor', 3);
  add('transaction.state.log.min.isr', 2);
  if (ctx.major >= 4) {
    add('share.coordinator.state.topic.num.partitions', 6);
    add('share.coordinator.state.topic.replication.factor', 3);
    add('share.coordinator.state.topic.min.isr', 2);
  }
  add('log.retention.check.interval.ms', 5000);
  add('log.segment.delete.delay.ms', 1000);
  p.push('');
  p.push('# Small machine');
  add('num.network.threads', 2);
  add('num.io.threads', 2);
  add('num.replica.fetchers', 1);
  add('background.threads', 2);
  add('log.cleaner.threads', 1);
  add('log.cleaner.dedupe.buffer.size', 16 * 1024 * 1024);
  add('group.initial.rebalance.delay.ms', 0);
  // Overrides last, so a test can build a deliberately misconfigured cluster ({ '*': {...}, 3: {...} }).
  const overrides = { ...(ctx.serverOverrides?.['*'] ?? {}), ...(ctx.serverOverrides?.[id] ?? {}) };
  for (const [k, v] of Object.entries(overrides)) {
    const i = p.findIndex((line) => line.startsWith(`${k}=`));
    if (i >= 0) p.splice(i, 1);
    add(k, v);
  }
  return p.join('\n') + '\n';
}

function serverLogConfig(ctx) {
  if (ctx.major >= 4) {
    // log4j2 properties format (no extra jars needed); ${sys:kafka.logs.dir} is set per node on the command line.
    return [
      'status = warn',
      'name = kafka-test-node',
      'appender.server.type = File',
      'appender.server.name = SERVER',
      'appender.server.fileName = ${sys:kafka.logs.dir}/server.log',
      'appender.server.layout.type = PatternLayout',
      'appender.server.layout.pattern = [%d] %p %m (%c)%n',
      'appender.authorizer.type = File',
      'appender.authorizer.name = AUTHORIZER',
      'appender.authorizer.fileName = ${sys:kafka.logs.dir}/kafka-authorizer.log',
      'appender.authorizer.layout.type = PatternLayout',
      'appender.authorizer.layout.pattern = [%d] %p %m (%c)%n',
      'rootLogger.level = INFO',
      'rootLogger.appenderRef.server.ref = SERVER',
      'logger.authorizer.name = kafka.authorizer.logger',
      'logger.authorizer.level = INFO',
      'logger.authorizer.additivity = false',
      'logger.authorizer.appenderRef.authorizer.ref = AUTHORIZER',
      'logger.request.name = kafka.request.logger',
      'logger.request.level = WARN',
      '',
    ].join('\n');
  }
  return [
    'log4j.rootLogger=INFO, server',
    'log4j.appender.server=org.apache.log4j.FileAppender',
    'log4j.appender.server.File=${kafka.logs.dir}/server.log',
    'log4j.appender.server.layout=org.apache.log4j.PatternLayout',
    'log4j.appender.server.layout.ConversionPattern=[%d] %p %m (%c)%n',
    'log4j.appender.authorizer=org.apache.log4j.FileAppender',
    'log4j.appender.authorizer.File=${kafka.logs.dir}/kafka-authorizer.log',
    'log4j.appender.authorizer.layout=org.apache.log4j.PatternLayout',
    'log4j.appender.authorizer.layout.ConversionPattern=[%d] %p %m (%c)%n',
    'log4j.logger.kafka.authorizer.logger=INFO, authorizer',
    'log4j.additivity.kafka.authorizer.logger=false',
    'log4j.logger.kafka.request.logger=WARN',
    '',
  ].join('\n');
}

/** Tool (CLI) logging: WARN and above to stderr, so stdout carries only the tool's output. */
function toolLogConfigFile(ctx) {
  const file = path.join(ctx.kafkaHome, ctx.major >= 4 ? 'tools-log4j2.properties' : 'tools-log4j.properties');
  if (!fs.existsSync(file)) {
    const text =
      ctx.major >= 4
        ? [
            'status = error',
            'name = kafka-test-tools',
            'appender.stderr.type = Console',
            'appender.stderr.name = STDERR',
            'appender.stderr.target = SYSTEM_ERR',
            'appender.stderr.layout.type = PatternLayout',
            'appender.stderr.layout.pattern = [%d] %p %m (%c)%n',
            'rootLogger.level = WARN',
            'rootLogger.appenderRef.stderr.ref = STDERR',
            '',
          ].join('\n')
        : [
            'log4j.rootLogger=WARN, stderr',
            'log4j.appender.stderr=org.apache.log4j.ConsoleAppender',
            'log4j.appender.stderr.Target=System.err',
            'log4j.appender.stderr.layout=org.apache.log4j.PatternLayout',
            'log4j.appender.stderr.layout.ConversionPattern=[%d] %p %m (%c)%n',
            '',
          ].join('\n');
    fs.mkdirSync(ctx.kafkaHome, { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, text);
    fs.renameSync(tmp, file);
  }
  return file;
}

function logConfigArgs(ctx, file) {
  return ctx.major >= 4 ? [`-Dlog4j2.configurationFile=${file}`] : [`-Dlog4j.configuration=file:${file}`];
}

function clientProperties(mechanism, user, protocol = 'SASL_PLAINTEXT') {
  if (protocol === 'PLAINTEXT') return 'security.protocol=PLAINTEXT\n';
  const module =
    mechanism === 'PLAIN'
      ? 'org.apache.kafka.common.security.plain.PlainLoginModule'
      : 'org.apache.kafka.common.security.scram.ScramLoginModule';
  return [
    `security.protocol=${protocol}`,
    `sasl.mechanism=${mechanism}`,
    `sasl.jaas.config=${module} required username="${user.username}" password="${user.password}";`,
    '',
  ].join('\n');
}

/**
 * TLS client settings, PEM only (what both the Java clients and our CLI read): truststore = our CA; with
 * `keystore`, a PEM file holding the private key and the certificate chain (+ ssl.key.password if encrypted).
 */
function tlsClientProperties(t, { keystore = null, keyPassword = null } = {}) {
  return [
    'ssl.truststore.type=PEM',
    `ssl.truststore.location=${t.caCert}`,
    'ssl.endpoint.identification.algorithm=https',
    ...(keystore ? ['ssl.keystore.type=PEM', `ssl.keystore.location=${keystore}`] : []),
    ...(keyPassword ? [`ssl.key.password=${keyPassword}`] : []),
  ];
}

function writeClientProperties(ctx) {
  const dir = ctx.dir;
  const f = clientPropertyFiles(dir, ctx.tls);
  fs.writeFileSync(f.admin, clientProperties('SCRAM-SHA-512', CREDENTIALS.admin));
  fs.writeFileSync(f.adminScram256, clientProperties('SCRAM-SHA-256', CREDENTIALS.admin));
  fs.writeFileSync(f.adminPlain, clientProperties('PLAIN', CREDENTIALS.admin));
  fs.writeFileSync(f.alicePlain, clientProperties('PLAIN', CREDENTIALS.alice));
  fs.writeFileSync(f.plaintext, clientProperties(null, null, 'PLAINTEXT'));
  // Without TLS, drop the TLS files of an earlier TLS run.
  for (const [k, file] of Object.entries(clientPropertyFiles(dir, true))) if (!(k in f)) fs.rmSync(file, { force: true });
  if (!ctx.tls) return;
  const ep = endpointsFor(ctx.portBase, true);
  const t = tlsFiles(dir);
  const write = (file, lines) => fs.writeFileSync(file, ['# Generated by test/cluster/cluster.mjs', ...lines, ''].join('\n'));
  const saslSsl = (mech) => [`bootstrap.servers=${ep.bootstrap.saslSsl}`, clientProperties(mech, CREDENTIALS.admin, 'SASL_SSL').trimEnd(), ...tlsClientProperties(t)];
  write(f.adminSaslSsl, saslSsl('SCRAM-SHA-512'));
  write(f.adminSaslSslPlain, saslSsl('PLAIN'));
  const ssl = (tlsOpts) => [`bootstrap.servers=${ep.bootstrap.ssl}`, 'security.protocol=SSL', ...tlsClientProperties(t, tlsOpts)];
  write(f.scannerMtls, ssl({ keystore: t.clientKeystore }));
  write(f.scannerMtlsEncryptedKey, ssl({ keystore: t.clientKeystoreEncrypted, keyPassword: t.keyPassword }));
  write(f.intruderMtls, ssl({ keystore: t.intruderKeystore }));
  write(f.sslNoClientCert, ssl({}));
}

/** A Kafka cluster id: 16 random bytes, base64url without padding (what `StorageTool random-uuid` prints). */
function randomClusterId() {
  for (;;) {
    const id = crypto.randomBytes(16).toString('base64url');
    if (!id.startsWith('-')) return id;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Tool class names differing between 3.9 and 4.x

/** Fully qualified main class of a Kafka CLI for the given version (aliases: short names as below). */
export function toolClass(name, version = DEFAULT_KAFKA_4) {
  const v4 = kafkaMajor(resolveVersion(version)) >= 4;
  const map = {
    StorageTool: 'kafka.tools.StorageTool',
    TopicCommand: 'org.apache.kafka.tools.TopicCommand',
    ConfigCommand: 'kafka.admin.ConfigCommand',
    AclCommand: v4 ? 'org.apache.kafka.tools.AclCommand' : 'kafka.admin.AclCommand',
    BrokerApiVersionsCommand: v4 ? 'org.apache.kafka.tools.BrokerApiVersionsCommand' : 'kafka.admin.BrokerApiVersionsCommand',
    MetadataQuorumCommand: 'org.apache.kafka.tools.MetadataQuorumCommand',
    ConsumerGroupCommand: 'org.apache.kafka.tools.consumer.group.ConsumerGroupCommand',
    LogDirsCommand: 'org.apache.kafka.tools.LogDirsCommand',
    FeatureCommand: 'org.apache.kafka.tools.FeatureCommand',
    ClusterTool: 'org.apache.kafka.tools.ClusterTool',
    ConsoleProducer: v4 ? 'org.apache.kafka.tools.ConsoleProducer' : 'kafka.tools.ConsoleProducer',
    ConsoleConsumer: 'org.apache.kafka.tools.consumer.ConsoleConsumer',
    ProducerPerformance: 'org.apache.kafka.tools.ProducerPerformance',
    ConsumerPerformance: 'org.apache.kafka.tools.ConsumerPerformance',
    GetOffsetShell: 'org.apache.kafka.tools.GetOffsetShell',
    DeleteRecordsCommand: 'org.apache.kafka.tools.DeleteRecordsCommand',
    LeaderElectionCommand: 'org.apache.kafka.tools.LeaderElectionCommand',
    ReassignPartitionsCommand: 'org.apache.kafka.tools.reassign.ReassignPartitionsCommand',
    TransactionsCommand: 'org.apache.kafka.tools.TransactionsCommand',
    DelegationTokenCommand: 'org.apache.kafka.tools.DelegationTokenCommand',
    DumpLogSegments: 'kafka.tools.DumpLogSegments',
  };
  return map[name] ?? name;
}

const TOOL_NAMES = [
  'StorageTool', 'TopicCommand', 'ConfigCommand', 'AclCommand', 'BrokerApiVersionsCommand', 'MetadataQuorumCommand',
  'ConsumerGroupCommand', 'LogDirsCommand', 'FeatureCommand', 'ClusterTool', 'ConsoleProducer', 'ConsoleConsumer',
  'ProducerPerformance', 'ConsumerPerformance', 'GetOffsetShell', 'DeleteRecordsCommand', 'LeaderElectionCommand',
  'ReassignPartitionsCommand', 'TransactionsCommand', 'DelegationTokenCommand', 'DumpLogSegments',
];

// ---------------------------------------------------------------------------------------------------------------
// Kafka distribution (classpath)

function kafkaFetched(ctx) {
  return fs.existsSync(path.join(ctx.kafkaHome, '.complete'));
}

/** Fetch the classpath for the version if it is not cached yet (runs fetch-kafka.sh). Returns the libs dir. */
export async function ensureKafka(opts = {}) {
  const ctx = opts.libsDir && opts.kafkaHome ? opts : context(opts);
  if (kafkaFetched(ctx)) return ctx.libsDir;
  ctx.log(`fetching Kafka ${ctx.version} into ${ctx.kafkaHome} ...`);
  const t0 = Date.now();
  const r = await run('bash', [FETCH_SCRIPT, ctx.version], {
    env: { ...process.env, KAFKA_CACHE_DIR: ctx.cacheDir },
    timeoutMs: 15 * 60_000,
  });
  if (r.code !== 0 || !kafkaFetched(ctx)) {
    throw new Error(`fetch-kafka.sh ${ctx.version} failed (exit ${r.code}):\n${tail(r.stderr, 40)}`);
  }
  ctx.log(`fetched Kafka ${ctx.version} in ${((Date.now() - t0) / 1000).toFixed(1)}s`);
  return ctx.libsDir;
}

// ---------------------------------------------------------------------------------------------------------------
// Child processes

function run(cmd, args, { env, cwd, timeoutMs = 120_000, input } = {}) {
  return new Promise((resolve) => {
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    let child;
    try {
      child = spawn(cmd, args, { env, cwd, stdio: ['pipe', 'pipe', 'pipe'] });
    } catch (err) {
      resolve({ code: -1, signal: null, stdout, stderr: String(err), timedOut });
      return;
    }
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.stdout.setEncoding('utf8').on('data', (d) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d) => (stderr += d));
    child.on('error', (err) => {
      stderr += String(err);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code: code ?? -1, signal, stdout, stderr, timedOut });
    });
    child.stdin.on('error', () => {});
    if (input != null) child.stdin.end(input);
    else child.stdin.end();
  });
}

/**
 * Run a Kafka Java CLI with the cluster's classpath. Never throws for a non-zero exit.
 * @returns {Promise<{code:number, signal:string|null, stdout:string, stderr:string, timedOut:boolean, command:string[]}>}
 */
export async function runJavaCli(mainClass, args = [], opts = {}) {
  const ctx = context(opts);
  await ensureKafka(ctx);
  const cls = toolClass(mainClass, ctx.version);
  const command = [
    ...TOOL_JVM_OPTS,
    '-cp',
    `${ctx.libsDir}/*`,
    ...logConfigArgs(ctx, toolLogConfigFile(ctx)),
    cls,
    ...args.map(String),
  ];
  const r = await run(ctx.java, command, {
    env: { ...process.env, ...(opts.env ?? {}) },
    cwd: opts.cwd,
    timeoutMs: opts.timeoutMs ?? 120_000,
    input: opts.input,
  });
  return { ...r, command: [ctx.java, ...command] };
}

/**
 * Run a Kafka Java CLI (class name or alias, e.g. 'TopicCommand', 'AclCommand') with the cluster classpath and
 * return its stdout. Throws (with stderr in the message and `.result` on the error) on a non-zero exit or timeout.
 * opts: { version, dir, input, timeoutMs (default 120000), env }.
 */
export async function javaCli(mainClass, args = [], opts = {}) {
  const r = await runJavaCli(mainClass, args, opts);
  if (r.code !== 0 || r.timedOut) {
    const err = new Error(
      `${mainClass} ${args.join(' ')} ${r.timedOut ? 'timed out' : `exited ${r.code}`}:\n${tail(r.stderr || r.stdout, 30)}`,
    );
    err.result = r;
    throw err;
  }
  return r.stdout;
}

// ---------------------------------------------------------------------------------------------------------------
// Process bookkeeping

function procState(pid) {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
  } catch {
    return null;
  }
}

function procCmdline(pid) {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
  } catch {
    return null;
  }
}

const HAVE_PROC = fs.existsSync('/proc/self/cmdline');

function alive(pid) {
  if (!pid) return false;
  if (HAVE_PROC) {
    const s = procState(pid);
    return s != null && s !== 'Z' && s !== 'X';
  }
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return e.code === 'EPERM';
  }
}

/** True when pid is the Kafka JVM of node `id` of this cluster dir (guards against pid reuse). */
function isNodeProcess(ctx, pid, id) {
  if (!alive(pid)) return false;
  if (!HAVE_PROC) return true;
  const cmd = procCmdline(pid);
  return !!cmd && cmd.includes('kafka.Kafka') && cmd.includes(path.join(nodeDir(ctx, id), 'server.properties'));
}

/** Scan /proc for Kafka JVMs of this cluster dir (finds nodes whose pid file was lost). */
function scanNodeProcesses(ctx) {
  const found = {};
  if (!HAVE_PROC) return found;
  let entries = [];
  try {
    entries = fs.readdirSync('/proc');
  } catch {
    return found;
  }
  for (const e of entries) {
    if (!/^\d+$/.test(e)) continue;
    const pid = Number(e);
    const cmd = procCmdline(pid);
    if (!cmd || !cmd.includes('kafka.Kafka')) continue;
    for (const id of NODE_IDS) {
      if (cmd.includes(path.join(nodeDir(ctx, id), 'server.properties')) && alive(pid)) found[id] = pid;
    }
  }
  return found;
}

function readPid(ctx, id) {
  try {
    const pid = Number.parseInt(fs.readFileSync(pidFile(ctx, id), 'utf8').trim(), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

/** { 1: pid|null, 2: ..., 3: ... } of running nodes. */
function runningPids(ctx) {
  const out = {};
  let scanned = null;
  for (const id of NODE_IDS) {
    const pid = readPid(ctx, id);
    if (pid && isNodeProcess(ctx, pid, id)) out[id] = pid;
    else {
      scanned ??= scanNodeProcesses(ctx);
      out[id] = scanned[id] ?? null;
    }
  }
  return out;
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function terminate(pids, timeoutMs, log) {
  const list = pids.filter(Boolean);
  for (const pid of list) {
    try {
      process.kill(pid, 'SIGTERM');
    } catch {}
  }
  const deadline = Date.now() + timeoutMs;
  while (list.some(alive) && Date.now() < deadline) await sleep(100);
  const killed = list.filter(alive);
  for (const pid of killed) {
    log(`pid ${pid} still running after ${timeoutMs} ms: SIGKILL`);
    try {
      process.kill(pid, 'SIGKILL');
    } catch {}
  }
  const killDeadline = Date.now() + 10_000;
  while (killed.some(alive) && Date.now() < killDeadline) await sleep(100);
  const left = list.filter(alive);
  if (left.length) throw new Error(`could not stop pid(s) ${left.join(', ')}`);
  return { stopped: list, killed };
}

function spawnNode(ctx, id) {
  const nd = nodeDir(ctx, id);
  fs.mkdirSync(path.join(nd, 'logs'), { recursive: true });
  const out = fs.openSync(path.join(nd, 'stdout.log'), 'a');
  const err = fs.openSync(path.join(nd, 'stderr.log'), 'a');
  const args = [
    ...ctx.heapOpts,
    ...ctx.jvmOpts,
    ...ctx.extraJvmOpts,
    '-cp',
    [`${ctx.libsDir}/*`, ...ctx.extraClasspath].join(path.delimiter),
    `-Dkafka.logs.dir=${path.join(nd, 'logs')}`,
    ...logConfigArgs(ctx, path.join(nd, ctx.major >= 4 ? 'log4j2.properties' : 'log4j.properties')),
    'kafka.Kafka',
    path.join(nd, 'server.properties'),
  ];
  let child;
  try {
    child = spawn(ctx.java, args, { cwd: nd, detached: true, stdio: ['ignore', out, err] });
  } finally {
    fs.closeSync(out);
    fs.closeSync(err);
  }
  child.on('error', (e) => ctx.log(`node ${id}: spawn failed: ${e.message}`));
  child.unref();
  if (!child.pid) throw new Error(`could not start ${ctx.java} for node ${id}`);
  fs.writeFileSync(pidFile(ctx, id), `${child.pid}\n`);
  return child.pid;
}

// ---------------------------------------------------------------------------------------------------------------
// Probes

/** TCP connect check. */
export function portOpen(port, host = HOST, timeoutMs = 1000) {
  return new Promise((resolve) => {
    const s = net.connect({ host, port });
    const done = (ok) => {
      s.destroy();
      resolve(ok);
    };
    s.setTimeout(timeoutMs, () => done(false));
    s.once('connect', () => done(true));
    s.once('error', () => done(false));
  });
}

/** Can we bind the port on 127.0.0.1 (i.e. nothing else listens there)? */
function portFree(port) {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.once('error', () => resolve(false));
    srv.listen({ port, host: HOST, exclusive: true }, () => srv.close(() => resolve(true)));
  });
}

/**
 * Minimal Kafka Metadata request (API key 3, v4 – supported by 3.9 and 4.x) with an empty topic list over an
 * unauthenticated (PLAINTEXT) connection. Resolves { brokers: [{nodeId, host, port, rack}], clusterId, controllerId,
 * topics }. Brokers are listed only once registered and unfenced, so this proves metadata is being served.
 * options.tls: node:tls connect options (e.g. { ca, cert, key }) to talk to the SSL listener instead (mTLS);
 * options.allTopics: ask for all topics (only those the principal may Describe come back) instead of none.
 */
export function kafkaMetadata(port, host = HOST, timeoutMs = 3000, options = {}) {
  return new Promise((resolve, reject) => {
    const clientId = Buffer.from('kr-cluster-probe');
    const body = Buffer.alloc(2 + 2 + 4 + 2 + clientId.length + 4 + 1);
    let o = 0;
    o = body.writeInt16BE(3, o); // api key Metadata
    o = body.writeInt16BE(4, o); // api version
    o = body.writeInt32BE(7, o); // correlation id
    o = body.writeInt16BE(clientId.length, o);
    o += clientId.copy(body, o);
    o = body.writeInt32BE(options.allTopics ? -1 : 0, o); // topics: null = all, or empty array
    body.writeInt8(0, o); // allow_auto_topic_creation
    const size = Buffer.alloc(4);
    size.writeInt32BE(body.length);
    let buf = Buffer.alloc(0);
    let settled = false;
    const s = options.tls ? tls.connect({ host, port, ...options.tls }) : net.connect({ host, port });
    const finish = (err, val) => {
      if (settled) return;
      settled = true;
      s.destroy();
      if (err) reject(err);
      else resolve(val);
    };
    s.setTimeout(timeoutMs, () => finish(new Error(`metadata probe ${host}:${port} timed out`)));
    s.once('error', (e) => finish(e));
    s.once('close', () => finish(new Error(`metadata probe ${host}:${port}: connection closed`)));
    s.once(options.tls ? 'secureConnect' : 'connect', () => s.write(Buffer.concat([size, body])));
    s.on('data', (d) => {
      buf = Buffer.concat([buf, d]);
      if (buf.length < 4) return;
      const n = buf.readInt32BE(0);
      if (buf.length < 4 + n) return;
      try {
        finish(null, parseMetadataV4(buf.subarray(4, 4 + n)));
      } catch (e) {
        finish(e);
      }
    });
  });
}

function parseMetadataV4(b) {
  let o = 0;
  const i32 = () => {
    const v = b.readInt32BE(o);
    o += 4;
    return v;
  };
  const str = () => {
    const len = b.readInt16BE(o);
    o += 2;
    if (len < 0) return null;
    const v = b.toString('utf8', o, o + len);
    o += len;
    return v;
  };
  i32(); // correlation id
  i32(); // throttle time
  const n = i32();
  const brokers = [];
  for (let k = 0; k < n; k++) brokers.push({ nodeId: i32(), host: str(), port: i32(), rack: str() });
  const clusterId = str();
  const controllerId = i32();
  brokers.sort((a, b2) => a.nodeId - b2.nodeId);
  const i16 = () => {
    const v = b.readInt16BE(o);
    o += 2;
    return v;
  };
  const topics = [];
  const nt = i32();
  for (let k = 0; k < nt; k++) {
    const errorCode = i16();
    const name = str();
    const isInternal = b.readInt8(o++) !== 0;
    const np = i32();
    for (let q = 0; q < np; q++) {
      o += 2 + 4 + 4; // error code, partition index, leader
      const replicas = i32();
      o += 4 * replicas;
      const isr = i32();
      o += 4 * isr;
    }
    topics.push({ name, errorCode, isInternal, partitions: np });
  }
  topics.sort((x, y) => (x.name < y.name ? -1 : x.name > y.name ? 1 : 0));
  return { brokers, clusterId, controllerId, topics };
}

function readFrom(file, offset = 0) {
  try {
    const fd = fs.openSync(file, 'r');
    try {
      const size = fs.fstatSync(fd).size;
      if (size <= offset) return '';
      const buf = Buffer.alloc(size - offset);
      fs.readSync(fd, buf, 0, buf.length, offset);
      return buf.toString('utf8');
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    return '';
  }
}

function fileSize(file) {
  try {
    return fs.statSync(file).size;
  } catch {
    return 0;
  }
}

function tail(text, lines = 40) {
  return String(text ?? '').split('\n').slice(-lines - 1).join('\n');
}

function nodeLogTail(ctx, id, lines = 40) {
  const nd = nodeDir(ctx, id);
  const parts = [];
  const sl = tail(readFrom(serverLog(ctx, id)), lines).trim();
  parts.push(`--- ${serverLog(ctx, id)} (tail) ---\n${sl || '(empty)'}`);
  for (const f of ['stdout.log', 'stderr.log']) {
    const t = tail(readFrom(path.join(nd, f)), 15).trim();
    if (t) parts.push(`--- ${path.join(nd, f)} (tail) ---\n${t}`);
  }
  return parts.join('\n');
}

const STARTED_RE = /Kafka Server started|\[KafkaRaftServer nodeId=\d+\] Kafka Server started/;

/** One node: listener ports accept TCP, its log (since `since`) says started. */
async function nodeReady(ctx, id, since) {
  const ports = nodePorts(ctx.portBase, id);
  const started = STARTED_RE.test(readFrom(serverLog(ctx, id), since ?? 0));
  if (!started) return { ready: false, why: 'log has no "Kafka Server started" yet' };
  for (const key of ctx.tls ? ['plaintext', 'sasl', 'ssl', 'saslSsl'] : ['plaintext', 'sasl']) {
    if (!(await portOpen(ports[key]))) return { ready: false, why: `${key} port ${ports[key]} not accepting` };
  }
  return { ready: true };
}

/**
 * Wait until every node in `ids` is ready and a Metadata request to each lists exactly `expectBrokers`.
 * Fails early when a process exits; the error carries the tail of the failing node's logs.
 */
async function waitReady(ctx, { ids, pids, since, expectBrokers, deadline }) {
  const status = {};
  let lastErr = '';
  for (;;) {
    let allReady = true;
    for (const id of ids) {
      if (!alive(pids[id])) {
        throw new Error(
          `Kafka ${ctx.version} node ${id} (pid ${pids[id]}) exited during startup.\n${nodeLogTail(ctx, id)}`,
        );
      }
      if (status[id]?.ready) continue;
      status[id] = await nodeReady(ctx, id, since[id]);
      if (!status[id].ready) allReady = false;
    }
    if (allReady) {
      let ok = true;
      for (const id of ids) {
        try {
          const md = await kafkaMetadata(nodePorts(ctx.portBase, id).plaintext);
          const seen = md.brokers.map((b) => b.nodeId).join(',');
          if (seen !== expectBrokers.join(',')) {
            ok = false;
            lastErr = `node ${id} lists brokers [${seen}], want [${expectBrokers.join(',')}]`;
            status[id] = { ready: true, why: lastErr };
          }
        } catch (e) {
          ok = false;
          lastErr = `node ${id} metadata probe: ${e.message}`;
        }
      }
      if (ok) return;
    }
    if (Date.now() > deadline) {
      const bad = ids.find((id) => !status[id]?.ready) ?? ids[0];
      const why = status[bad]?.ready === false ? status[bad].why : lastErr;
      throw new Error(
        `Kafka ${ctx.version} cluster in ${ctx.dir} not ready after ${ctx.timeoutMs} ms: node ${bad}: ${why}\n` +
          nodeLogTail(ctx, bad),
      );
    }
    await sleep(300);
  }
}

/** Serialise start/stop of one cluster dir across processes (e.g. parallel test files). */
async function withLock(ctx, fn) {
  fs.mkdirSync(ctx.dir, { recursive: true });
  const lock = path.join(ctx.dir, '.lock');
  const deadline = Date.now() + ctx.timeoutMs + ctx.stopTimeoutMs + 60_000;
  let announced = false;
  for (;;) {
    try {
      fs.writeFileSync(lock, `${process.pid}\n`, { flag: 'wx' });
      break;
    } catch (e) {
      if (e.code !== 'EEXIST') throw e;
      const holder = Number.parseInt(fs.readFileSync(lock, 'utf8'), 10);
      if (!holder || holder === process.pid || !alive(holder)) {
        fs.rmSync(lock, { force: true });
        continue;
      }
      if (Date.now() > deadline) throw new Error(`${lock} held by pid ${holder} for too long`);
      if (!announced) ctx.log(`waiting for pid ${holder} (holds ${lock})`);
      announced = true;
      await sleep(250);
    }
  }
  try {
    return await fn();
  } finally {
    fs.rmSync(lock, { force: true });
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Public API

/**
 * Describe the cluster in `opts.dir` (or the default dir for the version): endpoints, credentials, files, pids.
 * Synchronous and cheap: "running" means the recorded processes are alive (see clusterStatus for probing).
 */
export function clusterInfo(opts = {}) {
  const ctx = context(opts);
  const ep = endpointsFor(ctx.portBase, ctx.tls);
  const pids = runningPids(ctx);
  const state = ctx.state ?? {};
  const nodes = ep.nodes.map((n) => ({
    ...n,
    pid: pids[n.id],
    running: !!pids[n.id],
    dir: nodeDir(ctx, n.id),
    serverProperties: path.join(nodeDir(ctx, n.id), 'server.properties'),
    logFile: serverLog(ctx, n.id),
  }));
  return {
    version: ctx.version,
    kafkaMajor: ctx.major,
    dir: ctx.dir,
    clusterId: state.clusterId ?? null,
    running: nodes.every((n) => n.running),
    host: HOST,
    portBase: ctx.portBase,
    tlsEnabled: ctx.tls,
    bootstrap: ep.bootstrap,
    listeners: ep.listeners,
    controllerQuorumVoters: ep.controllerQuorumVoters,
    nodes,
    pids,
    users: JSON.parse(JSON.stringify(CREDENTIALS)),
    superUsers: [...SUPER_USERS],
    saslMechanisms: [...SASL_MECHANISMS],
    clientProperties: clientPropertyFiles(ctx.dir, ctx.tls),
    tls: ctx.tls ? tlsFiles(ctx.dir) : null,
    libsDir: ctx.libsDir,
    classpath: `${ctx.libsDir}/*`,
    java: ctx.java,
    tools: Object.fromEntries(TOOL_NAMES.map((t) => [t, toolClass(t, ctx.version)])),
    timings: state.timings ?? null,
  };
}

/**
 * The same info, asserting that the cluster has its TLS listeners (throws otherwise): for TypeScript callers this
 * narrows bootstrap.ssl / bootstrap.saslSsl / tls / the TLS clientProperties to non-optional.
 */
export function requireTls(info) {
  if (!info?.tlsEnabled || !info.tls || !info.bootstrap?.ssl) {
    throw new Error(`cluster in ${info?.dir} runs without TLS listeners (started with tls: false / KR_TLS=0)`);
  }
  return info;
}

/** clusterInfo plus a live probe of every node (ports and Metadata). */
export async function clusterStatus(opts = {}) {
  const info = clusterInfo(opts);
  let healthy = info.running;
  for (const n of info.nodes) {
    n.ports_open = {};
    for (const l of activeListeners(info.tlsEnabled)) n.ports_open[l.key] = n.running ? await portOpen(n.ports[l.key]) : false;
    n.brokersSeen = null;
    if (n.running) {
      try {
        const md = await kafkaMetadata(n.ports.plaintext);
        n.brokersSeen = md.brokers.map((b) => b.nodeId);
        n.racksSeen = Object.fromEntries(md.brokers.map((b) => [b.nodeId, b.rack]));
      } catch (e) {
        n.probeError = e.message;
      }
    }
    if (!n.running || n.brokersSeen?.length !== NODE_IDS.length) healthy = false;
  }
  return { ...info, healthy };
}

/**
 * Start a fresh 3-node cluster (data wiped, storage formatted, SCRAM users seeded) and wait until it serves
 * metadata. If a healthy cluster of the same version/ports already runs from this dir, return its info with
 * `alreadyRunning: true` instead.
 * opts: { version, dir, portBase, cacheDir, timeoutMs, stopTimeoutMs, heapOpts, jvmOpts, java, quiet, log }
 */
export async function startCluster(opts = {}) {
  const ctx = context(opts, { forStart: true });
  const t0 = Date.now();
  await ensureKafka(ctx);
  return withLock(ctx, () => startLocked(ctx, opts, t0));
}

async function startLocked(ctx, opts, t0) {
  const fetchMs = Date.now() - t0;

  const state = readState(ctx.dir);
  const pidsNow = runningPids(ctx);
  if (NODE_IDS.every((id) => pidsNow[id])) {
    if (state?.version === ctx.version && state?.portBase === ctx.portBase && (state?.tls === true) === ctx.tls) {
      const st = await clusterStatus({ ...opts, dir: ctx.dir, version: ctx.version, portBase: ctx.portBase, tls: ctx.tls });
      if (st.healthy) {
        ctx.log(`Kafka ${ctx.version} cluster already running from ${ctx.dir} (pids ${Object.values(pidsNow).join(', ')})`);
        return { ...clusterInfo({ ...opts, dir: ctx.dir, version: ctx.version, portBase: ctx.portBase, tls: ctx.tls }), alreadyRunning: true };
      }
    }
  }
  if (NODE_IDS.some((id) => pidsNow[id])) {
    ctx.log(`stopping leftover processes of ${ctx.dir}`);
    await terminate(Object.values(pidsNow), ctx.stopTimeoutMs, ctx.log);
  }

  const ep = endpointsFor(ctx.portBase, ctx.tls);
  const busy = [];
  for (const n of ep.nodes) {
    for (const l of activeListeners(ctx.tls)) if (!(await portFree(n.ports[l.key]))) busy.push(n.ports[l.key]);
  }
  if (busy.length) {
    throw new Error(
      `ports already in use on ${HOST}: ${busy.join(', ')} (another cluster? stop it, or set KR_PORT_BASE / portBase)`,
    );
  }

  // Fresh layout: remove only what we generate.
  fs.mkdirSync(ctx.dir, { recursive: true });
  for (const id of NODE_IDS) {
    fs.rmSync(nodeDir(ctx, id), { recursive: true, force: true });
    fs.rmSync(pidFile(ctx, id), { force: true });
  }
  fs.rmSync(path.join(ctx.dir, 'cluster.json'), { force: true });
  // Certificates for the TLS listeners: a fresh CA etc. on every fresh start (~1 s).
  let tlsMs = 0;
  if (ctx.tls) {
    const r = await generateTls(ctx.dir);
    tlsMs = r.ms;
    ctx.log(`generated TLS certificates in ${r.files.dir} (${(tlsMs / 1000).toFixed(1)}s)`);
  } else {
    fs.rmSync(tlsFiles(ctx.dir).dir, { recursive: true, force: true });
  }
  const clusterId = randomClusterId();
  for (const id of NODE_IDS) {
    const nd = nodeDir(ctx, id);
    fs.mkdirSync(path.join(nd, 'logs'), { recursive: true });
    fs.mkdirSync(path.join(nd, 'data'), { recursive: true });
    fs.writeFileSync(path.join(nd, 'server.properties'), serverProperties(ctx, id));
    fs.writeFileSync(path.join(nd, ctx.major >= 4 ? 'log4j2.properties' : 'log4j.properties'), serverLogConfig(ctx));
  }
  writeClientProperties(ctx);
  const writeState = (extra = {}) =>
    fs.writeFileSync(
      path.join(ctx.dir, 'cluster.json'),
      JSON.stringify({ version: ctx.version, portBase: ctx.portBase, tls: ctx.tls, clusterId, dir: ctx.dir, extraListeners: ctx.extraListeners, extraJvmOpts: ctx.extraJvmOpts, extraClasspath: ctx.extraClasspath, ...extra }, null, 2) + '\n',
    );
  writeState();

  // Format storage (SCRAM credentials for admin go into the bootstrap metadata).
  const tFormat = Date.now();
  const scramArgs = CREDENTIALS.admin.scram.flatMap((m) => [
    '-S',
    `${m}=[name=${CREDENTIALS.admin.username},password=${CREDENTIALS.admin.password}]`,
  ]);
  const formats = await Promise.all(
    NODE_IDS.map((id) =>
      runJavaCli(
        'kafka.tools.StorageTool',
        ['format', '-t', clusterId, '-c', path.join(nodeDir(ctx, id), 'server.properties'), ...scramArgs, ...(ctx.releaseVersion ? ['--release-version', ctx.releaseVersion] : [])],
        { version: ctx.version, dir: ctx.dir, cacheDir: ctx.cacheDir, java: ctx.java, quiet: true, timeoutMs: 120_000 },
      ),
    ),
  );
  formats.forEach((r, k) => {
    fs.writeFileSync(path.join(nodeDir(ctx, NODE_IDS[k]), 'format.log'), `${r.stdout}\n${r.stderr}`);
  });
  const bad = formats.findIndex((r) => r.code !== 0);
  if (bad >= 0) {
    const r = formats[bad];
    throw new Error(`StorageTool format failed for node ${NODE_IDS[bad]} (exit ${r.code}):\n${tail(r.stdout + r.stderr, 30)}`);
  }
  const formatMs = Date.now() - tFormat;

  // Start the nodes.
  const tStart = Date.now();
  const pids = {};
  const since = {};
  for (const id of NODE_IDS) {
    since[id] = fileSize(serverLog(ctx, id));
    pids[id] = spawnNode(ctx, id);
  }
  ctx.log(`started Kafka ${ctx.version} nodes (pids ${Object.values(pids).join(', ')}), waiting for readiness ...`);
  try {
    await waitReady(ctx, { ids: NODE_IDS, pids, since, expectBrokers: NODE_IDS, deadline: Date.now() + ctx.timeoutMs });
  } catch (e) {
    if (!opts.keepOnFailure) {
      try {
        await terminate(Object.values(pids), 5_000, ctx.log);
      } catch {}
      for (const id of NODE_IDS) fs.rmSync(pidFile(ctx, id), { force: true });
    }
    throw e;
  }
  const startMs = Date.now() - tStart;
  const timings = { fetchMs, tlsMs, formatMs, startMs, totalMs: Date.now() - t0 };
  writeState({ timings, startedAt: new Date().toISOString() });
  ctx.log(
    `Kafka ${ctx.version} ready in ${(timings.totalMs / 1000).toFixed(1)}s (${ctx.tls ? `certs ${(tlsMs / 1000).toFixed(1)}s, ` : ''}` +
      `format ${(formatMs / 1000).toFixed(1)}s, start ${(startMs / 1000).toFixed(1)}s); SASL bootstrap ${ep.bootstrap.sasl}` +
      (ctx.tls ? `, SSL (mTLS) ${ep.bootstrap.ssl}, SASL_SSL ${ep.bootstrap.saslSsl}` : ''),
  );
  return { ...clusterInfo({ ...opts, dir: ctx.dir, version: ctx.version, portBase: ctx.portBase, tls: ctx.tls }), alreadyRunning: false };
}

/**
 * Stop every node of the cluster: SIGTERM, wait up to stopTimeoutMs (30 s), then SIGKILL. Removes pid files.
 * Resolves { stopped: pid[], killed: pid[], ms }.
 */
export async function stopCluster(opts = {}) {
  const ctx = context(opts);
  if (!fs.existsSync(ctx.dir)) return { stopped: [], killed: [], ms: 0 };
  return withLock(ctx, () => stopLocked(ctx));
}

async function stopLocked(ctx) {
  const t0 = Date.now();
  const pids = runningPids(ctx);
  const list = Object.values(pids).filter(Boolean);
  let res = { stopped: [], killed: [] };
  if (list.length) {
    ctx.log(`stopping Kafka ${ctx.version} cluster in ${ctx.dir} (pids ${list.join(', ')})`);
    res = await terminate(list, ctx.stopTimeoutMs, ctx.log);
  }
  for (const id of NODE_IDS) fs.rmSync(pidFile(ctx, id), { force: true });
  const ms = Date.now() - t0;
  if (list.length) ctx.log(`stopped in ${(ms / 1000).toFixed(1)}s${res.killed.length ? ` (SIGKILLed ${res.killed.join(', ')})` : ''}`);
  return { ...res, ms };
}

/** Stop every cluster found under <repo>/.cache/cluster-* (and KR_CLUSTER_DIR). */
export async function stopAllClusters(opts = {}) {
  const dirs = new Set();
  const cache = path.join(REPO_ROOT, '.cache');
  try {
    for (const e of fs.readdirSync(cache)) if (e.startsWith('cluster-')) dirs.add(path.join(cache, e));
  } catch {}
  if (process.env.KR_CLUSTER_DIR) dirs.add(path.resolve(process.env.KR_CLUSTER_DIR));
  if (opts.dir) dirs.add(path.resolve(opts.dir));
  const results = {};
  for (const dir of dirs) results[dir] = await stopCluster({ ...opts, dir });
  return results;
}

function checkNodeId(n) {
  const id = Number(n);
  if (!NODE_IDS.includes(id)) throw new Error(`node id must be one of ${NODE_IDS.join(', ')}, got ${n}`);
  return id;
}

/** Stop one node (SIGTERM, then SIGKILL after stopTimeoutMs); its data stays. Resolves { id, pid, killed, ms }. */
export async function stopBroker(n, opts = {}) {
  const ctx = context(opts);
  const id = checkNodeId(n);
  const t0 = Date.now();
  const pid = runningPids(ctx)[id];
  let killed = false;
  if (pid) {
    ctx.log(`stopping node ${id} (pid ${pid})`);
    const r = await terminate([pid], ctx.stopTimeoutMs, ctx.log);
    killed = r.killed.length > 0;
  }
  fs.rmSync(pidFile(ctx, id), { force: true });
  return { id, pid: pid ?? null, killed, ms: Date.now() - t0 };
}

/**
 * Start one stopped node (same config and data) and wait until it is ready again and every running node's
 * metadata lists it. Resolves { id, pid, ms, alreadyRunning }.
 */
export async function startBroker(n, opts = {}) {
  const ctx = context(opts);
  const id = checkNodeId(n);
  if (!fs.existsSync(path.join(nodeDir(ctx, id), 'server.properties')) || !ctx.state) {
    throw new Error(`no cluster in ${ctx.dir} (run start first)`);
  }
  await ensureKafka(ctx);
  const t0 = Date.now();
  const pids = runningPids(ctx);
  if (pids[id]) return { id, pid: pids[id], ms: 0, alreadyRunning: true };
  const ports = nodePorts(ctx.portBase, id);
  for (const l of activeListeners(ctx.tls)) {
    if (!(await portFree(ports[l.key]))) throw new Error(`port ${ports[l.key]} of node ${id} is in use`);
  }
  const since = { [id]: fileSize(serverLog(ctx, id)) };
  pids[id] = spawnNode(ctx, id);
  ctx.log(`started node ${id} (pid ${pids[id]}), waiting for readiness ...`);
  const up = NODE_IDS.filter((k) => pids[k]);
  await waitReady(ctx, { ids: [id], pids, since, expectBrokers: up, deadline: Date.now() + ctx.timeoutMs });
  // The other running nodes must see it too.
  const deadline = Date.now() + ctx.timeoutMs;
  for (const k of up.filter((k) => k !== id)) {
    for (;;) {
      const md = await kafkaMetadata(nodePorts(ctx.portBase, k).plaintext).catch(() => null);
      if (md && md.brokers.some((b) => b.nodeId === id)) break;
      if (Date.now() > deadline) throw new Error(`node ${k} does not list restarted node ${id}`);
      await sleep(300);
    }
  }
  await restoreAdminScram(ctx, id);
  const ms = Date.now() - t0;
  ctx.log(`node ${id} ready in ${(ms / 1000).toFixed(1)}s`);
  return { id, pid: pids[id], ms, alreadyRunning: false };
}

/**
 * Kafka 4.1.1 (reproduced with this harness): a node restarted after any SCRAM credential was deleted rejects the
 * SCRAM credentials it replayed at start-up ("invalid credentials"), for good; credentials written after the
 * restart work. Tests delete their own SCRAM users, so a restarted node would lock the admin out for every file
 * that runs later. If the restarted node refuses the admin, write the admin's SCRAM credentials again (same
 * password; over PLAIN, whose users live in the JAAS config) and wait until the node accepts them.
 */
async function restoreAdminScram(ctx, id) {
  const files = clientPropertyFiles(ctx.dir, ctx.tls);
  const cli = { version: ctx.version, dir: ctx.dir, timeoutMs: 60_000 };
  const admin = CREDENTIALS.admin;
  const accepts = async () =>
    (await runJavaCli('ConfigCommand', ['--bootstrap-server', `${HOST}:${nodePorts(ctx.portBase, id).sasl}`, '--command-config', files.admin, '--describe', '--entity-type', 'users', '--entity-name', admin.username], cli)).code === 0;
  if (await accepts()) return;
  ctx.log(`node ${id} refuses the admin's SCRAM login after the restart; writing the admin's SCRAM credentials again`);
  const bootstrap = NODE_IDS.map((k) => `${HOST}:${nodePorts(ctx.portBase, k).sasl}`).join(',');
  // One mechanism per request: Kafka refuses to alter one user's credentials twice in a request.
  for (const m of admin.scram) {
    await javaCli('ConfigCommand', ['--bootstrap-server', bootstrap, '--command-config', files.adminPlain, '--alter', '--add-config', `${m}=[iterations=4096,password=${admin.password}]`, '--entity-type', 'users', '--entity-name', admin.username], cli);
  }
  const deadline = Date.now() + 30_000;
  while (!(await accepts())) {
    if (Date.now() > deadline) throw new Error(`node ${id} still refuses the admin's SCRAM login after its credentials were written again`);
    await sleep(1000);
  }
}


// ---------------------------------------------------------------------------------------------------------------
// Smoke test (also `node test/cluster/cluster.mjs smoke`)

/**
 * End-to-end check of a cluster with the Kafka Java CLIs: SCRAM/PLAIN auth, RF3 topic, racks, ACLs, ANONYMOUS
 * denied, wrong password rejected, TLS (chain, SASL_SSL, mTLS principal, foreign CA rejected), stop/start of node 2. Starts the cluster if needed and stops it again if it
 * started it (unless opts.keep). Resolves { version, passed, failed, results: [{name, ok, ms, error?}] }.
 */
export async function smokeTest(opts = {}) {
  const log = opts.quiet ? () => {} : (m) => process.stderr.write(`[smoke] ${m}\n`);
  const results = [];
  const check = async (name, fn) => {
    const t = Date.now();
    try {
      await fn();
      results.push({ name, ok: true, ms: Date.now() - t });
      log(`ok   ${name} (${Date.now() - t} ms)`);
    } catch (e) {
      results.push({ name, ok: false, ms: Date.now() - t, error: e.message });
      log(`FAIL ${name}: ${e.message}`);
    }
  };
  const must = (cond, msg) => {
    if (!cond) throw new Error(msg);
  };
  let info;
  await check('start cluster', async () => {
    info = await startCluster(opts);
  });
  if (!info) return { version: null, passed: 0, failed: 1, results };
  const o = { ...opts, dir: info.dir, version: info.version, portBase: info.portBase, tls: info.tlsEnabled, quiet: true };
  const sasl = info.bootstrap.sasl;
  const plaintext = info.bootstrap.plaintext;
  const admin = ['--command-config', info.clientProperties.admin];
  const topic = `smoke-${process.pid}-${Date.now()}`;
  const topics = (props) => javaCli('TopicCommand', ['--bootstrap-server', sasl, '--command-config', props, '--list'], o);

  await check('admin (SCRAM-SHA-512) creates an RF 3 topic', () =>
    javaCli('TopicCommand', ['--bootstrap-server', sasl, ...admin, '--create', '--topic', topic, '--partitions', '3', '--replication-factor', '3'], o),
  );
  await check('topic has 3 partitions with 3 in-sync replicas', async () => {
    const out = await javaCli('TopicCommand', ['--bootstrap-server', sasl, ...admin, '--describe', '--topic', topic], o);
    must((out.match(/Isr: \d,\d,\d\b/g) ?? []).length === 3, `unexpected describe output:\n${out}`);
  });
  await check('admin via SCRAM-SHA-256 and PLAIN sees the topic', async () => {
    must((await topics(info.clientProperties.adminScram256)).includes(topic), 'SCRAM-SHA-256 list lacks topic');
    must((await topics(info.clientProperties.adminPlain)).includes(topic), 'PLAIN list lacks topic');
  });
  await check('metadata lists brokers 1-3 with racks a-c on every node', async () => {
    for (const n of info.nodes) {
      const md = await kafkaMetadata(n.ports.plaintext);
      const got = md.brokers.map((b) => `${b.nodeId}:${b.rack}`).join(',');
      must(got === '1:rack-a,2:rack-b,3:rack-c', `node ${n.id}: ${got}`);
    }
  });
  await check('BrokerApiVersionsCommand shows racks', async () => {
    const out = await javaCli('BrokerApiVersionsCommand', ['--bootstrap-server', sasl, ...admin], o);
    for (const r of Object.values(RACKS)) must(out.includes(`rack: ${r}`), `no ${r} in output`);
  });
  await check('MetadataQuorumCommand: 3 voters, a leader', async () => {
    const out = await javaCli('MetadataQuorumCommand', ['--bootstrap-server', sasl, ...admin, 'describe', '--status'], o);
    must(/LeaderId:\s+[123]\b/.test(out), `no leader:\n${out}`);
    must((out.match(/"id": \d/g) ?? []).length >= 3, `voters:\n${out}`);
  });
  await check('ANONYMOUS (PLAINTEXT) may not create topics', async () => {
    const r = await runJavaCli('TopicCommand', ['--bootstrap-server', plaintext, '--create', '--topic', `${topic}-anon`], o);
    must(r.code !== 0 && /Authoriz/i.test(r.stdout + r.stderr), `exit ${r.code}: ${tail(r.stdout + r.stderr, 5)}`);
  });
  await check('ANONYMOUS (PLAINTEXT) sees no topics', async () => {
    const out = await javaCli('TopicCommand', ['--bootstrap-server', plaintext, '--list'], o);
    must(!out.includes(topic), 'ANONYMOUS sees the topic');
  });
  await check('wrong SCRAM password is rejected', async () => {
    const bad = path.join(info.dir, `bad-password-${process.pid}.properties`);
    fs.writeFileSync(
      bad,
      clientProperties('SCRAM-SHA-512', { username: 'admin', password: 'wrong' }),
    );
    try {
      const r = await runJavaCli('TopicCommand', ['--bootstrap-server', sasl, '--command-config', bad, '--list'], o);
      must(r.code !== 0 && /Authentication failed/i.test(r.stdout + r.stderr), `exit ${r.code}`);
    } finally {
      fs.rmSync(bad, { force: true });
    }
  });
  await check('alice (PLAIN) sees nothing before an ACL, the topic after AclCommand --add', async () => {
    must(!(await topics(info.clientProperties.alicePlain)).includes(topic), 'alice sees topic without ACL');
    await javaCli('AclCommand', ['--bootstrap-server', sasl, ...admin, '--add', '--allow-principal', 'User:alice', '--operation', 'Describe', '--topic', topic], o);
    const acls = await javaCli('AclCommand', ['--bootstrap-server', sasl, ...admin, '--list', '--topic', topic], o);
    must(acls.includes('User:alice'), `ACL not listed:\n${acls}`);
    must((await topics(info.clientProperties.alicePlain)).includes(topic), 'alice does not see topic with ACL');
  });
  if (info.tls) {
    const t = info.tls;
    const cp = info.clientProperties;
    const pem = (f) => fs.readFileSync(f);
    const sslPort = info.nodes[0].ports.ssl;
    const scannerTls = { ca: pem(t.caCert), cert: pem(t.clientCert), key: pem(t.clientKey) };
    const viaTls = (props) => javaCli('TopicCommand', ['--bootstrap-server', info.bootstrap.ssl, '--command-config', props, '--list'], o);
    const sClient = async (port, args = []) => {
      const r = await run(process.env.KR_OPENSSL ?? 'openssl', ['s_client', '-connect', `${HOST}:${port}`, '-CAfile', t.caCert,
        '-verify_return_error', '-verify_ip', HOST, ...args], { input: '', timeoutMs: 20_000 });
      must(/Verify return code: 0 \(ok\)/.test(r.stdout), `port ${port}: ${tail(r.stdout + r.stderr, 8)}`);
    };
    await check('TLS: openssl s_client verifies the broker chain (CA, SAN IP:127.0.0.1) on SSL and SASL_SSL', async () => {
      await sClient(sslPort, ['-cert', t.clientCert, '-key', t.clientKey]);
      await sClient(info.nodes[1].ports.saslSsl);
    });
    await check('TLS: admin over SASL_SSL (SCRAM-SHA-512, PLAIN) sees the topic', async () => {
      const list = (props) => javaCli('TopicCommand', ['--bootstrap-server', info.bootstrap.saslSsl, '--command-config', props, '--list'], o);
      must((await list(cp.adminSaslSsl)).includes(topic), 'SCRAM-SHA-512 over SASL_SSL lacks topic');
      must((await list(cp.adminSaslSslPlain)).includes(topic), 'PLAIN over SASL_SSL lacks topic');
    });
    await check('mTLS: scanner (User:scanner) sees nothing before an ACL, the topic after one (Java + node:tls)', async () => {
      must(!(await viaTls(cp.scannerMtls)).includes(topic), 'scanner sees topic without ACL');
      const md0 = await kafkaMetadata(sslPort, HOST, 5000, { tls: scannerTls, allTopics: true });
      must(md0.brokers.length === 3 && !md0.topics.some((x) => x.name === topic), 'node:tls metadata before ACL');
      await javaCli('AclCommand', ['--bootstrap-server', sasl, ...admin, '--add', '--allow-principal', t.principal, '--operation', 'Describe', '--topic', topic], o);
      must((await viaTls(cp.scannerMtls)).includes(topic), 'scanner does not see topic with ACL');
      must((await viaTls(cp.scannerMtlsEncryptedKey)).includes(topic), 'scanner (encrypted key, ssl.key.password) does not see topic');
      const md = await kafkaMetadata(sslPort, HOST, 5000, { tls: scannerTls, allTopics: true });
      must(md.topics.some((x) => x.name === topic), 'node:tls metadata lacks topic after ACL');
    });
    await check('mTLS: intruder cert (other CA) and no client cert are rejected at handshake', async () => {
      for (const props of [cp.intruderMtls, cp.sslNoClientCert]) {
        const r = await runJavaCli('TopicCommand', ['--bootstrap-server', info.bootstrap.ssl, '--command-config', props, '--list'], { ...o, timeoutMs: 60_000 });
        must(r.code !== 0 && /SslAuthenticationException/.test(r.stdout + r.stderr), `${path.basename(props)}: exit ${r.code}`);
      }
      for (const opt of [{ ca: pem(t.caCert), cert: pem(t.intruderCert), key: pem(t.intruderKey) }, { ca: pem(t.caCert) }]) {
        const err = await kafkaMetadata(sslPort, HOST, 5000, { tls: opt }).then(() => null, (e) => e);
        must(err && /ALERT_(CERTIFICATE_UNKNOWN|BAD_CERTIFICATE|UNKNOWN_CA|CERTIFICATE_REQUIRED)|ECONNRESET|closed/.test(`${err.code} ${err.message}`), `node:tls: ${err ? err.message : 'accepted'}`);
      }
    });
  }
  await check('stop-broker 2: metadata lists 1,3', async () => {
    await stopBroker(2, o);
    const md = await kafkaMetadata(info.nodes[0].ports.plaintext);
    must(md.brokers.map((b) => b.nodeId).join(',') === '1,3', `brokers ${md.brokers.map((b) => b.nodeId)}`);
  });
  await check('start-broker 2: back, all partitions fully in sync again', async () => {
    await startBroker(2, o);
    const deadline = Date.now() + 60_000;
    for (;;) {
      const out = await javaCli('TopicCommand', ['--bootstrap-server', sasl, ...admin, '--describe', '--topic', topic], o);
      if ((out.match(/Isr: \d,\d,\d\b/g) ?? []).length === 3) break;
      must(Date.now() < deadline, `ISR not restored:\n${out}`);
      await sleep(1000);
    }
  });
  if (info.alreadyRunning || opts.keep) {
    await check('clean up topic and ACL', async () => {
      for (const p of ['User:alice', ...(info.tls ? [info.tls.principal] : [])]) {
        await javaCli('AclCommand', ['--bootstrap-server', sasl, ...admin, '--remove', '--force', '--allow-principal', p, '--operation', 'Describe', '--topic', topic], o);
      }
      await javaCli('TopicCommand', ['--bootstrap-server', sasl, ...admin, '--delete', '--topic', topic], o);
    });
  } else {
    await check('stop leaves no process', async () => {
      await stopCluster(o);
      must(!clusterInfo(o).nodes.some((n) => n.running), 'a node still runs');
    });
  }
  const passed = results.filter((r) => r.ok).length;
  return { version: info.version, passed, failed: results.length - passed, results };
}

// ---------------------------------------------------------------------------------------------------------------
// CLI

const USAGE = `usage: node test/cluster/cluster.mjs <command> [options]
commands:
  start                 fresh-format and start the 3-node cluster (idempotent if already running and healthy)
  stop [--all]          stop the cluster (--all: every cluster under <repo>/.cache)
  status                print info + live probe (exit 0 healthy, 1 otherwise)
  info                  print info without probing
  stop-broker N         stop node N (1..3), data kept
  start-broker N        start node N again and wait until ready
  fetch                 fetch the Kafka classpath only
  smoke [--keep]        end-to-end check with the Kafka CLIs (starts/stops the cluster unless one runs)
  tool <Class> [args]   run a Kafka Java CLI with the cluster classpath (options must precede 'tool')
options:
  --version X           Kafka version (default $KAFKA_VERSION or ${DEFAULT_KAFKA_4}; aliases 4, 3.9)
  --dir D               cluster dir (default $KR_CLUSTER_DIR or <repo>/.cache/cluster-<version>)
  --port-base P         port base (default $KR_PORT_BASE or ${DEFAULT_PORT_BASE})
  --timeout S           start timeout in seconds (default 120)
  --no-tls | --tls      without / with the SSL (mTLS) and SASL_SSL listeners (default $KR_TLS, else on)
  --quiet               no progress on stderr
`;

async function main(argv) {
  const opts = {};
  const positional = [];
  let all = false;
  let toolArgs = null;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (positional[0] === 'tool' && positional.length >= 2) {
      toolArgs = argv.slice(i);
      break;
    }
    const val = () => {
      if (i + 1 >= argv.length) throw new Error(`${a} needs a value`);
      return argv[++i];
    };
    if (a === '--version') opts.version = val();
    else if (a === '--dir') opts.dir = val();
    else if (a === '--port-base') opts.portBase = Number(val());
    else if (a === '--timeout') opts.timeoutMs = Number(val()) * 1000;
    else if (a === '--quiet') opts.quiet = true;
    else if (a === '--no-tls') opts.tls = false;
    else if (a === '--tls') opts.tls = true;
    else if (a === '--all') all = true;
    else if (a === '--keep') opts.keep = true;
    else if (a === '-h' || a === '--help') {
      process.stdout.write(USAGE);
      return 0;
    } else positional.push(a);
  }
  const [cmd, arg] = positional;
  const print = (o) => process.stdout.write(JSON.stringify(o, null, 2) + '\n');
  switch (cmd) {
    case 'start':
      print(await startCluster(opts));
      return 0;
    case 'stop':
      print(all ? await stopAllClusters(opts) : await stopCluster(opts));
      return 0;
    case 'status': {
      const st = await clusterStatus(opts);
      print(st);
      return st.healthy ? 0 : 1;
    }
    case 'info':
      print(clusterInfo(opts));
      return 0;
    case 'stop-broker':
      print(await stopBroker(arg, opts));
      return 0;
    case 'start-broker':
      print(await startBroker(arg, opts));
      return 0;
    case 'fetch':
      process.stdout.write((await ensureKafka(opts)) + '\n');
      return 0;
    case 'smoke': {
      const r = await smokeTest(opts);
      print(r);
      process.stdout.write(`smoke: ${r.passed} passed, ${r.failed} failed\n`);
      return r.failed ? 1 : 0;
    }
    case 'tool': {
      if (!arg) throw new Error('tool needs a class name');
      const r = await runJavaCli(arg, toolArgs ?? [], opts);
      process.stdout.write(r.stdout);
      process.stderr.write(r.stderr);
      return r.code;
    }
    default:
      // Node's test runner (`node --test` without file arguments) runs every .mjs under test/ as a test file:
      // do nothing there instead of failing with the usage text.
      if (!cmd && process.env.NODE_TEST_CONTEXT) return 0;
      process.stderr.write(USAGE);
      return 2;
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (err) => {
      process.stderr.write(`error: ${err.message}\n`);
      process.exitCode = 1;
    },
  );
}
