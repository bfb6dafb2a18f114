// A real OpenID provider (the certified `oidc-provider` package) on 127.0.0.1 for the OAUTHBEARER tests: the
// client-credentials grant issues JWT access tokens (RFC 9068) for one resource (the Kafka cluster), signed with a
// key made at start; Kafka brokers validate them against /jwks. A per-client token lifetime lets a test make tokens
// expire during an --observe window. The server also counts token requests per client (GET /test-stats), so
// tests can see that tokens were refreshed.

import { generateKeyPairSync, randomUUID } from 'node:crypto';
import http from 'node:http';
import Provider from 'oidc-provider';

/**
 * @param {{ audience: string, clients: { clientId: string, clientSecret: string, tokenTtlSeconds: number }[], port?: number }} opts
 */
export async function startOidcProvider(opts) {
  const server = http.createServer();
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', resolve);
  });
  const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
  const issuer = `http://127.0.0.1:${port}`;
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = { ...privateKey.export({ format: 'jwk' }), kid: randomUUID(), use: 'sig', alg: 'RS256' };
  const ttl = new Map(opts.clients.map((c) => [c.clientId, c.tokenTtlSeconds]));
  const provider = new Provider(issuer, {
    clients: opts.clients.map((c) => ({
      client_id: c.clientId,
      client_secret: c.clientSecret,
      grant_types: ['client_credentials'],
      redirect_uris: [],
      response_types: [],
      token_endpoint_auth_method: 'client_secret_basic',
    })),
    jwks: { keys: [jwk] },
    cookies: { keys: [randomUUID()] },
    ttl: { ClientCredentials: (_ctx, _token, client) => ttl.get(client.clientId) ?? 300 },
    scopes: ['kafka'],
    features: {
      devInteractions: { enabled: false },
      clientCredentials: { enabled: true },
      resourceIndicators: {
        enabled: true,
        defaultResource: () => opts.audience,
        useGrantedResource: () => true,
        getResourceServerInfo: (_ctx, resource, client) => {
          if (resource !== opts.audience) throw new Error(`unknown resource ${resource}`);
          return { scope: 'kafka', audience: opts.audience, accessTokenTTL: ttl.get(client.clientId) ?? 300, accessTokenFormat: 'jwt', jwt: { sign: { alg: 'RS256' } } };
        },
      },
    },
  });
  const callback = provider.callback();
  const tokenRequests = {};
  server.on('request', (req, res) => {
    if (req.url === '/test-stats') {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ tokenRequests }));
      return;
    }
    if (req.method === 'POST' && req.url === '/token') {
      const id = Buffer.from(String(req.headers.authorization ?? '').replace(/^Basic /, ''), 'base64').toString().split(':')[0] ?? '';
      const key = decodeURIComponent(id);
      tokenRequests[key] = (tokenRequests[key] ?? 0) + 1;
    }
    callback(req, res);
  });
  return {
    issuer,
    tokenEndpoint: `${issuer}/token`,
    jwksUri: `${issuer}/jwks`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve(undefined));
      }),
  };
}
