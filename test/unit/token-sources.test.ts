// Token sources for SASL OAUTHBEARER: the OIDC client-credentials request and refresh policy (against a local
// HTTP token endpoint), and the MSK IAM token checked against the signer's documented format — a base64url,
// SigV4-presigned https://kafka.<region>.amazonaws.com/?Action=kafka-cluster:Connect URL — with the signature
// recomputed here from the static test credentials.
import { createHash, createHmac } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { MskIamTokenSource, OidcTokenSource, jwtClaims, mskRegionFromHost, tokenSourceFor } from '../../src/connect/oauth.js';
import { Secret } from '../../src/connect/options.js';
import { ConnectionError } from '../../src/errors.js';

const b64u = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
const jwt = (claims: object) => `${b64u({ alg: 'none' })}.${b64u(claims)}.sig`;

describe('OIDC client credentials', () => {
  let server: http.Server;
  let url = '';
  const requests: { auth: string; body: URLSearchParams }[] = [];
  let lifetime = 60;
  beforeAll(async () => {
    server = http.createServer((req, res) => {
      let body = '';
      req.on('data', (d) => (body += d));
      req.on('end', () => {
        const params = new URLSearchParams(body);
        requests.push({ auth: req.headers.authorization ?? '', body: params });
        const [id, secret] = Buffer.from((req.headers.authorization ?? '').replace(/^Basic /, ''), 'base64').toString().split(':').map(decodeURIComponent);
        res.setHeader('content-type', 'application/json');
        if (id !== 'scanner' || secret !== 'right secret/+') {
          res.statusCode = 401;
          res.end(JSON.stringify({ error: 'invalid_client', error_description: 'client authentication failed\u001b[31m' }));
          return;
        }
        res.end(JSON.stringify({ access_token: jwt({ sub: 'svc-scanner', n: requests.length }), token_type: 'Bearer', expires_in: lifetime }));
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/token`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  const settings = (secret: string) => ({ mechanism: 'OAUTHBEARER' as const, tokenEndpoint: url, clientId: 'scanner', clientSecret: new Secret(secret), scope: 'kafka', audience: 'urn:kafka' });

  it('sends the client-credentials grant with basic auth, scope and audience; principal is the sub claim', async () => {
    requests.length = 0;
    const src = new OidcTokenSource(settings('right secret/+'), 5000);
    const token = await src.token();
    expect(jwtClaims(token)).toMatchObject({ sub: 'svc-scanner' });
    expect(await src.principal()).toBe('svc-scanner');
    expect(requests).toHaveLength(1);
    expect(Object.fromEntries(requests[0]!.body)).toEqual({ grant_type: 'client_credentials', scope: 'kafka', audience: 'urn:kafka', resource: 'urn:kafka' });
  });

  it('reuses a token until half its lifetime, then fetches a new one; concurrent callers share one request', async () => {
    requests.length = 0;
    lifetime = 10;
    const src = new OidcTokenSource(settings('right secret/+'), 5000);
    const t0 = Date.now();
    const now = vi.spyOn(Date, 'now').mockReturnValue(t0);
    try {
      const [a, b] = await Promise.all([src.token(), src.token()]);
      expect(a).toBe(b);
      expect(requests).toHaveLength(1);
      now.mockReturnValue(t0 + 4_900);
      expect(await src.token()).toBe(a);
      now.mockReturnValue(t0 + 5_100);
      const c = await src.token();
      expect(c).not.toBe(a);
      expect(requests).toHaveLength(2);
    } finally {
      now.mockRestore();
      lifetime = 60;
    }
  });

  it('a wrong secret is an authentication failure (exit 3) naming endpoint and client, never the secret', async () => {
    const src = new OidcTokenSource(settings('wrong-secret-value'), 5000);
    const err = await src.token().catch((e: unknown) => e as Error);
    expect(err).toBeInstanceOf(ConnectionError);
    expect((err as ConnectionError).exitCode).toBe(3);
    expect((err as Error).message).toBe(`authentication failed: OAuth token endpoint ${url} rejected the client credentials of client "scanner" (HTTP 401 invalid_client: client authentication failed [31m)`);
    expect((err as Error).message).not.toContain('wrong-secret');
  });

  it('an unreachable endpoint is a connection error', async () => {
    const spare = http.createServer();
    await new Promise<void>((r) => spare.listen(0, '127.0.0.1', r));
    const port = (spare.address() as AddressInfo).port;
    await new Promise<void>((r) => spare.close(() => r()));
    const src = new OidcTokenSource({ ...settings('x'), tokenEndpoint: `http://127.0.0.1:${port}/token` }, 2000);
    await expect(src.token()).rejects.toThrow(`OAuth token endpoint http://127.0.0.1:${port}/token unreachable (ECONNREFUSED)`);
  });

  it('one source per settings object, and it never prints itself', () => {
    const opts = { oauth: settings('x'), bootstrap: ['h:1'], connectTimeoutMs: 1, requestTimeoutMs: 1 };
    expect(tokenSourceFor(opts)).toBe(tokenSourceFor(opts));
    expect(JSON.stringify({ s: tokenSourceFor(opts) })).toBe('{"s":"[token source]"}');
  });
});

describe('AWS MSK IAM token', () => {
  const creds = { AWS_ACCESS_KEY_ID: 'AKIAIOSFODNN7EXAMPLE', AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', AWS_SESSION_TOKEN: 'IQoJb3JpZ2luX2VjEXAMPLESESSIONTOKEN' };
  const saved: Record<string, string | undefined> = {};
  beforeAll(() => {
    for (const k of [...Object.keys(creds), 'AWS_PROFILE', 'AWS_CONFIG_FILE', 'AWS_SHARED_CREDENTIALS_FILE']) saved[k] = process.env[k];
    Object.assign(process.env, creds);
    delete process.env.AWS_PROFILE;
  });
  afterAll(() => {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  });

  it('region from MSK host names', () => {
    expect(mskRegionFromHost('b-2.prod.abc123.c3.kafka.eu-west-1.amazonaws.com')).toBe('eu-west-1');
    expect(mskRegionFromHost('boot-abc.c1.kafka-serverless.us-east-2.amazonaws.com')).toBe('us-east-2');
    expect(mskRegionFromHost('kafka.example.com')).toBeNull();
  });

  it('is a base64url presigned kafka-cluster:Connect URL whose SigV4 signature verifies with the credentials', async () => {
    const src = new MskIamTokenSource({ mechanism: 'AWS_MSK_IAM', region: 'eu-central-1' });
    const before = Date.now();
    const token = await src.token();
    expect(token).toMatch(/^[A-Za-z0-9_-]+$/);
    const url = new URL(Buffer.from(token, 'base64url').toString('utf8'));
    expect(url.origin).toBe('https://kafka.eu-central-1.amazonaws.com');
    expect(url.pathname).toBe('/');
    const q = url.searchParams;
    expect(q.get('Action')).toBe('kafka-cluster:Connect');
    expect(q.get('X-Amz-Algorithm')).toBe('AWS4-HMAC-SHA256');
    const date = q.get('X-Amz-Date')!;
    expect(date).toMatch(/^\d{8}T\d{6}Z$/);
    expect(q.get('X-Amz-Credential')).toBe(`${creds.AWS_ACCESS_KEY_ID}/${date.slice(0, 8)}/eu-central-1/kafka-cluster/aws4_request`);
    expect(q.get('X-Amz-Expires')).toBe('900');
    expect(q.get('X-Amz-SignedHeaders')).toBe('host');
    expect(q.get('X-Amz-Security-Token')).toBe(creds.AWS_SESSION_TOKEN);
    expect(q.get('User-Agent')).toMatch(/^aws-msk-iam-sasl-signer-js\//);
    const signed = new Date(`${date.slice(0, 4)}-${date.slice(4, 6)}-${date.slice(6, 8)}T${date.slice(9, 11)}:${date.slice(11, 13)}:${date.slice(13, 15)}Z`).getTime();
    expect(Math.abs(signed - before)).toBeLessThan(5_000);

    // SigV4 query-string signing (AWS docs), recomputed independently of the signer.
    const enc = (s: string) => encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
    const params = [...q.entries()].filter(([k]) => k !== 'X-Amz-Signature' && k !== 'User-Agent').sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    const canonical = ['GET', '/', params.map(([k, v]) => `${enc(k)}=${enc(v)}`).join('&'), `host:${url.host}`, '', 'host', createHash('sha256').update('').digest('hex')].join('\n');
    const scope = `${date.slice(0, 8)}/eu-central-1/kafka-cluster/aws4_request`;
    const toSign = ['AWS4-HMAC-SHA256', date, scope, createHash('sha256').update(canonical).digest('hex')].join('\n');
    let key: Buffer = createHmac('sha256', `AWS4${creds.AWS_SECRET_ACCESS_KEY}`).update(date.slice(0, 8)).digest();
    for (const part of ['eu-central-1', 'kafka-cluster', 'aws4_request']) key = createHmac('sha256', key).update(part).digest();
    expect(q.get('X-Amz-Signature')).toBe(createHmac('sha256', key).update(toSign).digest('hex'));

    // The secret key never appears in the token; the same token is reused while fresh.
    expect(Buffer.from(token, 'base64url').toString()).not.toContain(creds.AWS_SECRET_ACCESS_KEY);
    expect(await src.token()).toBe(token);
    expect(await src.principal()).toBeNull();
  });

  it('no credentials is an authentication failure naming the profile', async () => {
    const src = new MskIamTokenSource({ mechanism: 'AWS_MSK_IAM', region: 'eu-central-1', profile: 'kr-test-no-such-profile' });
    const prev = { ...process.env };
    process.env.AWS_CONFIG_FILE = '/nonexistent/kr-config';
    process.env.AWS_SHARED_CREDENTIALS_FILE = '/nonexistent/kr-credentials';
    try {
      const err = await src.token().catch((e: unknown) => e as Error);
      expect(err).toBeInstanceOf(ConnectionError);
      expect((err as Error).message).toMatch(/^authentication failed: no AWS credentials for MSK IAM \(profile kr-test-no-such-profile\): /);
    } finally {
      process.env.AWS_CONFIG_FILE = prev.AWS_CONFIG_FILE;
      process.env.AWS_SHARED_CREDENTIALS_FILE = prev.AWS_SHARED_CREDENTIALS_FILE;
      if (prev.AWS_CONFIG_FILE === undefined) delete process.env.AWS_CONFIG_FILE;
      if (prev.AWS_SHARED_CREDENTIALS_FILE === undefined) delete process.env.AWS_SHARED_CREDENTIALS_FILE;
    }
  });
});
