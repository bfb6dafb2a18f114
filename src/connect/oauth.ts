// Bearer tokens for SASL OAUTHBEARER: OIDC client credentials (RFC 6749 §4.4) or a signed Amazon MSK IAM token.
// A token is reused until half its lifetime has passed, then fetched/signed anew, so connections that
// re-authenticate (KIP-368: the broker ends a session when its token expires) always present a fresh one and an
// --observe window longer than one token's life keeps working. Tokens never leave this module except towards the
// broker; errors name the endpoint and the client id, never a secret or a token.

import { ConnectionError, errorMessage } from '../errors.js';
import type { ConnectionOptions, MskIamSettings, OidcSettings, TokenSettings, TokenSource } from '../model/connection.js';

interface CachedToken {
  value: string;
  obtainedAt: number;
  expiresAt: number;
}

/** With no expiry in the answer, assume a short life so a long window still refreshes. */
const FALLBACK_LIFETIME_MS = 5 * 60_000;

/** One token source per connection settings object, shared by the pipeline (principal) and the client (SASL). */
const sources = new WeakMap<TokenSettings, TokenSource>();

export function tokenSourceFor(options: Pick<ConnectionOptions, 'oauth' | 'bootstrap' | 'connectTimeoutMs' | 'requestTimeoutMs'>): TokenSource {
  const settings = options.oauth;
  if (!settings) throw new Error('tokenSourceFor needs OAUTHBEARER settings');
  let source = sources.get(settings);
  if (!source) {
    const timeoutMs = options.connectTimeoutMs + options.requestTimeoutMs;
    source = settings.mechanism === 'OAUTHBEARER' ? new OidcTokenSource(settings, timeoutMs) : new MskIamTokenSource(settings);
    sources.set(settings, source);
  }
  return source;
}

abstract class CachingTokenSource implements TokenSource {
  #cached: CachedToken | null = null;
  #inflight: Promise<CachedToken> | null = null;
  protected abstract fetchToken(): Promise<CachedToken>;

  async token(): Promise<string> {
    const now = Date.now();
    const c = this.#cached;
    if (c && now < c.obtainedAt + (c.expiresAt - c.obtainedAt) / 2) return c.value;
    // Concurrent connections share one request.
    this.#inflight ??= this.fetchToken().finally(() => (this.#inflight = null));
    this.#cached = await this.#inflight;
    return this.#cached.value;
  }

  abstract principal(): Promise<string | null>;

  toJSON(): string {
    return '[token source]';
  }
  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return '[token source]';
  }
}

/** Untrusted text from an identity provider, made safe for one line of stderr. */
function clean(text: unknown, max = 200): string {
  const s = String(text ?? '').replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, ' ').trim();
  return s.length > max ? `${s.slice(0, max)}…` : s;
}

/** The claims of a JWT (not verified: the broker verifies; we only read exp and sub). */
export function jwtClaims(token: string): Record<string, unknown> | null {
  const parts = token.split('.');
  if (parts.length !== 3) return null;
  try {
    const claims = JSON.parse(Buffer.from(parts[1]!, 'base64url').toString('utf8'));
    return claims && typeof claims === 'object' ? (claims as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

export class OidcTokenSource extends CachingTokenSource {
  readonly #s: OidcSettings;
  readonly #timeoutMs: number;
  #sub: string | null = null;

  constructor(settings: OidcSettings, timeoutMs: number) {
    super();
    this.#s = settings;
    this.#timeoutMs = timeoutMs;
  }

  async principal(): Promise<string | null> {
    await this.token();
    return this.#sub ?? this.#s.clientId;
  }

  protected async fetchToken(): Promise<CachedToken> {
    const s = this.#s;
    const where = `OAuth token endpoint ${clean(s.tokenEndpoint)}`;
    const body = new URLSearchParams({ grant_type: 'client_credentials' });
    if (s.scope) body.set('scope', s.scope);
    if (s.audience) {
      // Providers differ: `audience` (Auth0, Okta…) or RFC 8707 `resource`; sending both is harmless to either.
      body.set('audience', s.audience);
      body.set('resource', s.audience);
    }
    // client_secret_basic (RFC 6749 §2.3.1): both parts URL-encoded before base64.
    const basic = Buffer.from(`${encodeURIComponent(s.clientId)}:${encodeURIComponent(s.clientSecret.reveal())}`).toString('base64');
    const obtainedAt = Date.now();
    let res: Response;
    try {
      res = await fetch(s.tokenEndpoint, {
        method: 'POST',
        headers: { authorization: `Basic ${basic}`, 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
        body,
        redirect: 'error',
        signal: AbortSignal.timeout(this.#timeoutMs),
      });
    } catch (err) {
      const cause = (err as { cause?: { code?: string; message?: string } }).cause;
      const timedOut = (err as Error).name === 'TimeoutError';
      throw new ConnectionError(`${where} unreachable (${timedOut ? `no answer within ${this.#timeoutMs} ms` : cause?.code ?? clean(cause?.message ?? errorMessage(err))})`);
    }
    let data: Record<string, unknown> = {};
    const text = await res.text().catch(() => '');
    try {
      const parsed = JSON.parse(text);
      if (parsed && typeof parsed === 'object') data = parsed as Record<string, unknown>;
    } catch {
      // not JSON: reported below by status or missing token
    }
    if (!res.ok) {
      const code = typeof data.error === 'string' ? clean(data.error, 60) : null;
      const desc = typeof data.error_description === 'string' ? `: ${clean(data.error_description)}` : '';
      const rejected = res.status === 401 || code === 'invalid_client' || code === 'unauthorized_client';
      throw new ConnectionError(
        rejected
          ? `authentication failed: ${where} rejected the client credentials of client "${clean(s.clientId, 100)}" (HTTP ${res.status}${code ? ` ${code}` : ''}${desc})`
          : `${where} answered HTTP ${res.status}${code ? ` ${code}` : ''}${desc}`,
      );
    }
    const token = data.access_token;
    if (typeof token !== 'string' || token === '') throw new ConnectionError(`${where} answered without an access_token`);
    const claims = jwtClaims(token);
    this.#sub = typeof claims?.sub === 'string' ? claims.sub : null;
    const expiresIn = typeof data.expires_in === 'number' ? data.expires_in : Number(data.expires_in);
    const expiresAt =
      Number.isFinite(expiresIn) && expiresIn > 0
        ? obtainedAt + expiresIn * 1000
        : typeof claims?.exp === 'number'
          ? claims.exp * 1000
          : obtainedAt + FALLBACK_LIFETIME_MS;
    return { value: token, obtainedAt, expiresAt };
  }
}

/** The AWS region of an MSK broker host name (b-1.name.abc123.c2.kafka.us-east-1.amazonaws.com). */
export function mskRegionFromHost(host: string): string | null {
  return /\.kafka(?:-serverless)?\.([a-z0-9-]+)\.amazonaws\.com(?:\.cn)?$/i.exec(host)?.[1]?.toLowerCase() ?? null;
}

export class MskIamTokenSource extends CachingTokenSource {
  readonly #s: MskIamSettings;

  constructor(settings: MskIamSettings) {
    super();
    this.#s = settings;
  }

  async principal(): Promise<string | null> {
    // The IAM identity is only known to AWS (STS); the scan does not call AWS for it.
    await this.token();
    return null;
  }

  protected async fetchToken(): Promise<CachedToken> {
    const region = this.#s.region;
    if (!region) throw new ConnectionError('AWS MSK IAM needs a region: --aws-region, AWS_REGION or an MSK broker host name');
    // Loaded only when MSK IAM is used: the AWS SDK is large and most scans never need it.
    const [{ generateAuthTokenFromCredentialsProvider }, { fromNodeProviderChain }] = await Promise.all([
      import('aws-msk-iam-sasl-signer-js'),
      import('@aws-sdk/credential-providers'),
    ]);
    const obtainedAt = Date.now();
    try {
      const { token, expiryTime } = await generateAuthTokenFromCredentialsProvider({
        region,
        awsCredentialsProvider: fromNodeProviderChain(this.#s.profile ? { profile: this.#s.profile } : {}),
      });
      return { value: token, obtainedAt, expiresAt: expiryTime > obtainedAt ? expiryTime : obtainedAt + FALLBACK_LIFETIME_MS };
    } catch (err) {
      // SDK messages name the providers tried, never the key material.
      throw new ConnectionError(`authentication failed: no AWS credentials for MSK IAM${this.#s.profile ? ` (profile ${clean(this.#s.profile, 80)})` : ''}: ${clean(errorMessage(err))}`);
    }
  }
}
