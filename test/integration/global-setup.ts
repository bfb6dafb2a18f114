// Starts the real 3-broker KRaft clusters for the integration tests — Apache Kafka 4.x (the main one) and 3.9.x
// (for version differences) — seeds the workload and its faults, and stops everything afterwards. A cluster
// that cannot start fails the run: these tests never skip.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { CREDENTIALS, requireTls, startCluster, stopCluster } from '../cluster/cluster.mjs';
// @ts-expect-error plain JavaScript seed script without type declarations
import { grantReadOnlyScan, grantScanWithoutClusterConfigs, seedLegacyFaults, seedWorkload } from '../../scripts/seed.mjs';
import type { ItCluster } from './cluster-context.js';
import { startOidcProvider } from '../oidc/provider.mjs';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
/** The OAUTHBEARER listener's ports: portBase + 40 + node id (below the harness's own listener offsets). */
const OAUTH_LISTENER_OFFSET = 40;
/** The MSK-IAM-token listener's ports: portBase + 60 + node id. */
const MSK_LISTENER_OFFSET = 60;
/** The one AWS key the test MSK IAM validator accepts (AWS's documented example key id; the secret is made up). */
const MSK_TEST_KEY = { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'kr/MSK+test+secret+access+key+EXAMPLE0000', region: 'eu-west-1' };

function scramProps(file: string, bootstrap: string, user: { username: string; password: string }, mechanism: 'SCRAM-SHA-512' | 'PLAIN') {
  const module = mechanism === 'PLAIN' ? 'org.apache.kafka.common.security.plain.PlainLoginModule' : 'org.apache.kafka.common.security.scram.ScramLoginModule';
  writeFileSync(
    file,
    [`bootstrap.servers=${bootstrap}`, 'security.protocol=SASL_PLAINTEXT', `sasl.mechanism=${mechanism}`, `sasl.jaas.config=${module} required username="${user.username}" password="${user.password}";`, ''].join('\n'),
  );
}

async function startAndSeed(opts: { version: string; dir: string; portBase: number; log: (m: string) => void }) {
  const t0 = Date.now();
  const info = await startCluster(opts);
  process.stderr.write(`[cluster] Apache Kafka ${info.version} ready in ${Date.now() - t0} ms: SASL ${info.bootstrap.sasl}, PLAINTEXT ${info.bootstrap.plaintext}\n`);
  const workDir = path.join(opts.dir, 'it');
  mkdirSync(workDir, { recursive: true });
  const adminProps = path.join(workDir, 'scanner.properties');
  scramProps(adminProps, info.bootstrap.sasl, info.users.admin, 'SCRAM-SHA-512');
  const conn = { bootstrap: info.bootstrap.sasl, username: info.users.admin.username, password: info.users.admin.password, mechanism: 'SCRAM-SHA-512' };
  const t1 = Date.now();
  await seedWorkload(conn, { log: (m: string) => process.stderr.write(`[seed ${info.version}] ${m}\n`) });
  process.stderr.write(`[seed ${info.version}] workload and faults seeded in ${Date.now() - t1} ms\n`);
  return { info, workDir, adminProps, conn };
}

export default async function setup(project: TestProject) {
  // The CLI tests run the compiled program, so compile it first.
  execFileSync(process.execPath, [path.join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', ROOT], { stdio: 'inherit' });
  const log = (m: string) => process.stderr.write(`[cluster] ${m}\n`);
  // A real OpenID provider for the OAUTHBEARER listener of the main cluster; started first, since the brokers
  // fetch its JWKS when they start. Two clients: one with a normal token life, one whose tokens expire within an
  // --observe window (the broker then ends sessions that do not re-authenticate, KIP-368).
  const oidcClients = {
    scanner: { clientId: 'kr-oidc-scanner', clientSecret: 'oidc client secret/with+spaces', tokenTtlSeconds: 300 },
    short: { clientId: 'kr-oidc-short', clientSecret: 'oidc short-lived client secret', tokenTtlSeconds: 12 },
    // A super user for the write probe over OAUTHBEARER (the scanner is read-only); '+', '/' and spaces test encoding.
    prober: { clientId: 'kr-oidc-prober', clientSecret: 'oidc prober secret/with+plus & spaces', tokenTtlSeconds: 300 },
  };
  const oidcAudience = 'urn:kafka:readiness-test';
  const oidc = await startOidcProvider({ audience: oidcAudience, clients: Object.values(oidcClients) });
  // A stand-in for MSK's IAM validator (test/fixtures/msk): checks the signed token's format, expiry and SigV4
  // signature; compiled here against the broker's kafka-clients and put on the brokers' classpath.
  const mskValidatorDir = path.join(ROOT, '.cache', 'it-msk-validator');
  mkdirSync(mskValidatorDir, { recursive: true });
  execFileSync('javac', ['-cp', path.join(ROOT, '.cache', 'kafka', 'kafka-4.1.1', 'libs', '*'), '-d', mskValidatorDir, path.join(ROOT, 'test', 'fixtures', 'msk', 'MskIamTokenValidator.java')], { stdio: 'inherit' });
  const main = {
    version: process.env.KAFKA_VERSION ?? '4',
    dir: path.join(ROOT, '.cache', 'it-cluster'),
    portBase: Number(process.env.KR_IT_PORT_BASE ?? 29000),
    log,
    // OAUTH: SASL_SSL with OAUTHBEARER only, tokens checked by Kafka's own validator against the provider's JWKS.
    extraListeners: [
      { name: 'OAUTH', protocol: 'SASL_SSL', offset: OAUTH_LISTENER_OFFSET },
      { name: 'MSKIAM', protocol: 'SASL_SSL', offset: MSK_LISTENER_OFFSET },
    ],
    extraClasspath: [mskValidatorDir],
    extraJvmOpts: [`-Dorg.apache.kafka.sasl.oauthbearer.allowed.urls=${oidc.jwksUri},${oidc.tokenEndpoint}`],
    serverOverrides: {
      '*': {
        'listener.name.oauth.ssl.client.auth': 'none',
        'listener.name.oauth.sasl.enabled.mechanisms': 'OAUTHBEARER',
        'listener.name.oauth.oauthbearer.sasl.jaas.config': 'org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginModule required;',
        'listener.name.oauth.oauthbearer.sasl.server.callback.handler.class': 'org.apache.kafka.common.security.oauthbearer.OAuthBearerValidatorCallbackHandler',
        'listener.name.oauth.oauthbearer.connections.max.reauth.ms': '60000',
        'sasl.oauthbearer.jwks.endpoint.url': oidc.jwksUri,
        'sasl.oauthbearer.expected.audience': oidcAudience,
        'sasl.oauthbearer.expected.issuer': oidc.issuer,
        'super.users': ['User:admin', `User:${oidcClients.short.clientId}`, `User:${oidcClients.prober.clientId}`, CREDENTIALS.ccloud.principal, `User:${MSK_TEST_KEY.accessKeyId}`].join(';'),
        'listener.name.mskiam.ssl.client.auth': 'none',
        'listener.name.mskiam.sasl.enabled.mechanisms': 'OAUTHBEARER',
        // The broker also logs in through this module; with options present its default (unsecured) login handler
        // needs a `sub` for its own token.
        'listener.name.mskiam.oauthbearer.sasl.jaas.config': `org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginModule required unsecuredLoginStringClaim_sub="broker" accessKeyId="${MSK_TEST_KEY.accessKeyId}" secretAccessKey="${MSK_TEST_KEY.secretAccessKey}" region="${MSK_TEST_KEY.region}";`,
        'listener.name.mskiam.oauthbearer.sasl.server.callback.handler.class': 'MskIamTokenValidator',
        'listener.name.mskiam.oauthbearer.connections.max.reauth.ms': '60000',
      },
    },
  };
  // The "legacy" cluster: 3.9 binaries with 3.8 metadata (a rolling upgrade never finalized) and the sloppy
  // server.properties old clusters accumulate — each line a broker-level fault the scan must find.
  const legacyOpts = {
    version: '3.9',
    releaseVersion: '3.8',
    dir: path.join(ROOT, '.cache', 'it-cluster-39'),
    portBase: Number(process.env.KR_IT39_PORT_BASE ?? 31000),
    log,
    serverOverrides: {
      '*': {
        'allow.everyone.if.no.acl.found': 'true',
        'super.users': 'User:admin;User:ANONYMOUS',
        'auto.create.topics.enable': 'true',
        'default.replication.factor': '1',
        'min.insync.replicas': '1',
        'auto.leader.rebalance.enable': 'false',
        'offsets.topic.replication.factor': '1',
        'transaction.state.log.replication.factor': '1',
        'transaction.state.log.min.isr': '1',
        'listener.name.ssl.ssl.client.auth': 'requested',
      },
      // Brokers 1 and 2 share a rack: a partition placed on both has a single failure domain.
      2: { 'broker.rack': 'rack-a' },
    },
  };
  const started: { dir: string }[] = [];
  const teardown = async () => {
    for (const o of started) {
      const res = await stopCluster(o);
      process.stderr.write(`[cluster] stopped ${o.dir} in ${res.ms} ms\n`);
    }
    await oidc.close();
  };
  try {
    started.push(main);
    const started0 = await startAndSeed(main);
    const m = { ...started0, info: requireTls(started0.info) };
    await grantScanWithoutClusterConfigs(m.conn, 'User:alice');
    await grantReadOnlyScan(m.conn, m.info.tls.principal);
    // The OIDC token's principal is its `sub` (the client id for client credentials) and gets the read-only scan
    // ACLs. The other auth-test principals are super users instead (see serverOverrides): ACL bindings show up as
    // findings in every report of this cluster, and other tests count findings.
    await grantReadOnlyScan(m.conn, `User:${oidcClients.scanner.clientId}`);
    const aliceProps = path.join(m.workDir, 'limited.properties');
    scramProps(aliceProps, m.info.bootstrap.sasl, m.info.users.alice, 'PLAIN');
    started.push(legacyOpts);
    const legacy = await startAndSeed(legacyOpts);
    await seedLegacyFaults(legacy.conn);

    const ctx: ItCluster = {
      version: m.info.version,
      saslBootstrap: m.info.bootstrap.sasl,
      plaintextBootstrap: m.info.bootstrap.plaintext,
      adminProps: m.adminProps,
      aliceProps,
      admin: { username: m.info.users.admin.username, password: m.info.users.admin.password },
      alice: { username: m.info.users.alice.username, password: m.info.users.alice.password },
      workDir: m.workDir,
      root: ROOT,
      readinessYaml: path.join(ROOT, 'test', 'fixtures', 'readiness.it.yaml'),
      legacy: { version: legacy.info.version, saslBootstrap: legacy.info.bootstrap.sasl, adminProps: legacy.adminProps },
      harness: { version: main.version, dir: main.dir, portBase: main.portBase },
      oauth: {
        bootstrap: [1, 2, 3].map((id) => `127.0.0.1:${main.portBase + OAUTH_LISTENER_OFFSET + id}`).join(','),
        tokenEndpoint: oidc.tokenEndpoint,
        issuer: oidc.issuer,
        statsUrl: `${oidc.issuer}/test-stats`,
        audience: oidcAudience,
        scanner: { clientId: oidcClients.scanner.clientId, clientSecret: oidcClients.scanner.clientSecret },
        short: { clientId: oidcClients.short.clientId, clientSecret: oidcClients.short.clientSecret, tokenTtlSeconds: oidcClients.short.tokenTtlSeconds },
        prober: { clientId: oidcClients.prober.clientId, clientSecret: oidcClients.prober.clientSecret },
      },
      ccloud: { username: m.info.users.ccloud.username, password: m.info.users.ccloud.password },
      mskIam: { bootstrap: [1, 2, 3].map((id) => `127.0.0.1:${main.portBase + MSK_LISTENER_OFFSET + id}`).join(','), ...MSK_TEST_KEY },
      tls: {
        saslSslBootstrap: m.info.bootstrap.saslSsl,
        sslBootstrap: m.info.bootstrap.ssl,
        adminSaslSslProps: m.info.clientProperties.adminSaslSsl,
        scannerMtlsProps: m.info.clientProperties.scannerMtls,
        scannerMtlsEncryptedKeyProps: m.info.clientProperties.scannerMtlsEncryptedKey,
        intruderMtlsProps: m.info.clientProperties.intruderMtls,
        noClientCertProps: m.info.clientProperties.sslNoClientCert,
        caCert: m.info.tls.caCert,
        clientKey: m.info.tls.clientKey,
        keyPassword: m.info.tls.keyPassword,
      },
    };
    project.provide('cluster', ctx);
  } catch (err) {
    await teardown();
    throw err;
  }
  return teardown;
}
