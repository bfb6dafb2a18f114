// The auth paths managed clusters use, against the real test cluster: OAUTHBEARER with tokens from a real OpenID
// provider (oidc-provider, client credentials) validated by Kafka's own OAuthBearerValidatorCallbackHandler,
// token refresh across an --observe window longer than a token's life, a Confluent-Cloud-shaped client file over
// SASL_SSL/PLAIN, and an AWS MSK IAM token presented to a broker that cannot accept it.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { tokenSourceFor } from '../../src/connect/oauth.js';
import { Secret, type ConnectionOptions } from '../../src/connect/options.js';
import { PlatformaticClusterClient } from '../../src/connect/platformatic.js';
import { readSnapshotFile } from '../../src/pipeline.js';
import type { Report } from '../../src/report/model.js';
import { cluster, runCli } from './cluster-context.js';

const c = cluster();
const work = mkdtempSync(path.join(c.workDir, 'auth-'));

const oidcFlags = (client: { clientId: string }) => [
  '-b', c.oauth.bootstrap,
  '--security-protocol', 'SASL_SSL',
  '--sasl-mechanism', 'OAUTHBEARER',
  '--ca-file', c.tls.caCert,
  '--oauth-token-endpoint', c.oauth.tokenEndpoint,
  '--oauth-client-id', client.clientId,
  '--oauth-client-secret-env', 'KR_TEST_CLIENT_SECRET',
  '--oauth-scope', 'kafka',
  '--oauth-audience', c.oauth.audience,
];

async function tokenRequests(clientId: string): Promise<number> {
  const stats = (await (await fetch(c.oauth.statsUrl)).json()) as { tokenRequests: Record<string, number> };
  return stats.tokenRequests[clientId] ?? 0;
}

describe('OAUTHBEARER with an OpenID provider', () => {
  it('scans over the OAUTHBEARER listener with client credentials from flags and the secret from the environment', async () => {
    const run = await runCli(['scan', ...oidcFlags(c.oauth.scanner), '--format', 'json'], { env: { KR_TEST_CLIENT_SECRET: c.oauth.scanner.clientSecret } });
    expect(run.code, run.stderr).toBe(0);
    const r = JSON.parse(run.stdout) as Report;
    expect(r.snapshot.target).toMatchObject({ securityProtocol: 'SASL_SSL', saslMechanism: 'OAUTHBEARER', principal: c.oauth.scanner.clientId });
    expect(r.cluster.brokers).toBe(3);
    expect(r.cluster.topics).toBeGreaterThan(10);
    expect(r.cluster.platform.platform).toBe('apache-kafka');
    expect(r.permissions.missing).toEqual([]);
    expect(r.summary.coverage).toBeGreaterThan(90);
  });

  it('reads the same from a Java client file (token endpoint URL, single-quoted OAuthBearerLoginModule options)', async () => {
    const props = path.join(work, 'oauth.properties');
    writeFileSync(
      props,
      [
        `bootstrap.servers=${c.oauth.bootstrap}`,
        'security.protocol=SASL_SSL',
        'sasl.mechanism=OAUTHBEARER',
        `sasl.oauthbearer.token.endpoint.url=${c.oauth.tokenEndpoint}`,
        'sasl.login.callback.handler.class=org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginCallbackHandler',
        `sasl.jaas.config=org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginModule required clientId='${c.oauth.scanner.clientId}' clientSecret='${c.oauth.scanner.clientSecret}' scope='kafka';`,
        'ssl.truststore.type=PEM',
        `ssl.truststore.location=${c.tls.caCert}`,
        '',
      ].join('\n'),
    );
    const run = await runCli(['scan', '--command-config', props, '--format', 'json']);
    expect(run.code, run.stderr).toBe(0);
    expect((JSON.parse(run.stdout) as Report).snapshot.target).toMatchObject({ saslMechanism: 'OAUTHBEARER', principal: c.oauth.scanner.clientId });
  });

  it('a wrong client secret exits 3 with one clear line and no secret', async () => {
    const run = await runCli(['scan', ...oidcFlags(c.oauth.scanner), '--timeout', '10s'], { env: { KR_TEST_CLIENT_SECRET: 'definitely-the-wrong-secret' } });
    expect(run.code).toBe(3);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain(`authentication failed: OAuth token endpoint ${c.oauth.tokenEndpoint} rejected the client credentials of client "${c.oauth.scanner.clientId}" (HTTP 401 invalid_client`);
    expect(run.stderr).not.toContain('definitely-the-wrong-secret');
  });

  it(`keeps working over an --observe window longer than the token lifetime (tokens refreshed at half-life; the broker ends sessions at token expiry)`, async () => {
    const ttl = c.oauth.short.tokenTtlSeconds;
    const before = await tokenRequests(c.oauth.short.clientId);
    const snapshotFile = path.join(work, 'observe-snapshot.json');
    const windowS = ttl * 2 + 6;
    const run = await runCli(['scan', ...oidcFlags(c.oauth.short), '--observe', `${windowS}s`, '--samples', '4', '--format', 'json', '--snapshot-out', snapshotFile], {
      env: { KR_TEST_CLIENT_SECRET: c.oauth.short.clientSecret },
      timeoutMs: 180_000,
    });
    expect(run.code, run.stderr).toBe(0);
    const snapshot = await readSnapshotFile(snapshotFile);
    expect(snapshot.target.principal).toBe(c.oauth.short.clientId);
    // Every sample over the window was read: the sessions outlived several tokens.
    expect(snapshot.artifacts.samples.ok).toBe(true);
    const samples = snapshot.artifacts.samples.ok ? snapshot.artifacts.samples.value : [];
    expect(samples).toHaveLength(4);
    const last = samples[samples.length - 1]!;
    expect(Object.keys(last.offsets).length).toBeGreaterThan(10);
    const spanMs = Date.parse(last.at) - Date.parse(samples[0]!.at);
    expect(spanMs).toBeGreaterThan(ttl * 1000);
    // Tokens are refreshed at half their life: a window of ~2 lifetimes needs at least 3 of them.
    const fetched = (await tokenRequests(c.oauth.short.clientId)) - before;
    expect(fetched).toBeGreaterThanOrEqual(3);
    process.stderr.write(`[auth] --observe ${windowS}s with ${ttl}s tokens: ${fetched} tokens fetched, samples span ${spanMs} ms\n`);
  }, 200_000);
});

describe('KIP-368 re-authentication', () => {
  it('an idle connection re-authenticates with a fresh token before the broker ends its session', async () => {
    const conn: ConnectionOptions = {
      bootstrap: c.oauth.bootstrap.split(','),
      securityProtocol: 'SASL_SSL',
      oauth: { mechanism: 'OAUTHBEARER', tokenEndpoint: c.oauth.tokenEndpoint, clientId: c.oauth.short.clientId, clientSecret: new Secret(c.oauth.short.clientSecret), scope: 'kafka' },
      tls: { ca: readFileSync(c.tls.caCert, 'utf8'), verifyHostname: false },
      clientId: 'kr-reauth-test',
      connectTimeoutMs: 10_000,
      requestTimeoutMs: 30_000,
    };
    const source = tokenSourceFor(conn);
    const asked = vi.spyOn(source, 'token');
    const fetchedBefore = await tokenRequests(c.oauth.short.clientId);
    const client = new PlatformaticClusterClient(conn);
    try {
      const first = await client.connect();
      expect(first.brokers).toHaveLength(3);
      const afterConnect = asked.mock.calls.length;
      // No request for longer than a token lives: only the library's re-authentication timer can ask for a token.
      await new Promise((r) => setTimeout(r, (c.oauth.short.tokenTtlSeconds + 3) * 1000));
      expect(asked.mock.calls.length).toBeGreaterThan(afterConnect);
      expect(await tokenRequests(c.oauth.short.clientId)).toBeGreaterThan(fetchedBefore + 1);
      // Requests keep working after the first token has expired.
      const again = await client.describeCluster();
      expect(again.brokers).toHaveLength(3);
      expect(client.requestCounts().DescribeCluster).toBe(1);
    } finally {
      await client.close();
    }
  }, 60_000);
});

describe('Confluent-Cloud-shaped client file over SASL_SSL/PLAIN', () => {
  it('single-quoted JAAS with a secret containing spaces, sasl.mechanisms and ssl.ca.location', async () => {
    const props = path.join(work, 'ccloud-client.properties');
    writeFileSync(
      props,
      [
        '# Required connection configs for Kafka producer, consumer, and admin',
        `bootstrap.servers=${c.tls.saslSslBootstrap}`,
        'security.protocol=SASL_SSL',
        `sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username='${c.ccloud.username}' password='${c.ccloud.password}';`,
        'sasl.mechanisms=PLAIN',
        `ssl.ca.location=${c.tls.caCert}`,
        '# Best practice for higher availability in librdkafka clients prior to 1.7',
        'session.timeout.ms=45000',
        'client.dns.lookup=use_all_dns_ips',
        '',
      ].join('\n'),
    );
    const run = await runCli(['scan', '--command-config', props, '--format', 'json']);
    expect(run.code, run.stderr).toBe(0);
    const r = JSON.parse(run.stdout) as Report;
    expect(r.snapshot.target).toMatchObject({ securityProtocol: 'SASL_SSL', saslMechanism: 'PLAIN', principal: c.ccloud.username });
    expect(r.permissions.missing).toEqual([]);
    expect(r.cluster.topics).toBeGreaterThan(10);
  });

  it('two spellings of one setting that disagree exit 2 before connecting', async () => {
    const props = path.join(work, 'ccloud-conflict.properties');
    writeFileSync(props, `bootstrap.servers=${c.tls.saslSslBootstrap}\nsecurity.protocol=SASL_SSL\nsasl.mechanism=PLAIN\nsasl.mechanisms=SCRAM-SHA-512\nsasl.username=${c.ccloud.username}\nsasl.password=${c.ccloud.password}\n`);
    const run = await runCli(['scan', '--command-config', props]);
    expect(run.code).toBe(2);
    expect(run.stderr.trim()).toBe(`kafka-readiness: ${props}:4: sasl.mechanisms and sasl.mechanism (line 3) are two spellings of one setting with different values ("SCRAM-SHA-512" vs "PLAIN"); keep one`);
  });
});

describe('AWS MSK IAM against a real broker', () => {
  const awsEnv = (secret: string) => ({
    AWS_ACCESS_KEY_ID: c.mskIam.accessKeyId,
    AWS_SECRET_ACCESS_KEY: secret,
    AWS_SESSION_TOKEN: '',
    AWS_PROFILE: '',
    AWS_CONFIG_FILE: '/nonexistent',
    AWS_SHARED_CREDENTIALS_FILE: '/nonexistent',
  });
  const mskArgs = ['-b', c.mskIam.bootstrap, '--security-protocol', 'SASL_SSL', '--sasl-mechanism', 'AWS_MSK_IAM', '--aws-region', c.mskIam.region, '--ca-file', c.tls.caCert];

  it('scans with a signed token that a broker-side validator verifies (format, expiry, SigV4 signature); platform msk, IAM policy advice', async () => {
    const run = await runCli(['scan', ...mskArgs, '--format', 'json'], { env: awsEnv(c.mskIam.secretAccessKey) });
    expect(run.code, run.stderr).toBe(0);
    const r = JSON.parse(run.stdout) as Report;
    expect(r.snapshot.target).toMatchObject({ securityProtocol: 'SASL_SSL', saslMechanism: 'AWS_MSK_IAM', principal: null });
    expect(r.cluster.platform).toEqual({ platform: 'msk', evidence: 'authenticated with AWS MSK IAM' });
    expect(r.cluster.topics).toBeGreaterThan(10);
    expect(r.permissions.missing).toEqual([]);
    expect(JSON.parse(r.permissions.iamPolicy!).Statement[0].Action).toContain('kafka-cluster:Connect');
    expect(r.permissions.readOnlyAcls.every((a) => a.command.startsWith('IAM policy: Allow kafka-cluster:'))).toBe(true);
  });

  it('a token signed with the wrong secret key is refused by the broker: exit 3 and an auth message', async () => {
    const run = await runCli(['scan', ...mskArgs, '--timeout', '10s'], { env: awsEnv('wrong/secret/key/EXAMPLE') });
    expect(run.code, run.stderr).toBe(3);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/cannot connect to the cluster \(.*authentication failed with AWS_MSK_IAM \(the broker refused the signed token/);
    expect(run.stderr).not.toContain('wrong/secret');
  });

  it('the signed token goes out as the OAUTHBEARER initial response; a broker that refuses it gives exit 3 and an auth message', async () => {
    const run = await runCli(['scan', '-b', c.oauth.bootstrap, '--security-protocol', 'SASL_SSL', '--sasl-mechanism', 'AWS_MSK_IAM', '--aws-region', 'eu-west-1', '--ca-file', c.tls.caCert, '--timeout', '10s'], {
      env: { AWS_ACCESS_KEY_ID: 'AKIAIOSFODNN7EXAMPLE', AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', AWS_SESSION_TOKEN: 'IQoJb3JpZ2luX2VjEXAMPLESESSION', AWS_PROFILE: '', AWS_CONFIG_FILE: '/nonexistent', AWS_SHARED_CREDENTIALS_FILE: '/nonexistent' },
    });
    expect(run.code, run.stderr).toBe(3);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/cannot connect to the cluster \(.*authentication failed with AWS_MSK_IAM \(the broker refused the signed token/);
  });
});
