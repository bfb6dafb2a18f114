// One ConnectionOptions value describes how to reach a cluster, whatever it was built from
// (flags, environment, a Kafka client .properties file).

export type SecurityProtocol = 'PLAINTEXT' | 'SSL' | 'SASL_PLAINTEXT' | 'SASL_SSL';
export type SaslMechanism = 'PLAIN' | 'SCRAM-SHA-256' | 'SCRAM-SHA-512';

export const SECURITY_PROTOCOLS: readonly SecurityProtocol[] = ['PLAINTEXT', 'SSL', 'SASL_PLAINTEXT', 'SASL_SSL'];
export const SASL_MECHANISMS: readonly SaslMechanism[] = ['PLAIN', 'SCRAM-SHA-256', 'SCRAM-SHA-512'];
/** Token-based mechanisms: OAUTHBEARER with an OIDC client-credentials token, or AWS_MSK_IAM (OAUTHBEARER on the wire, with a signed MSK IAM token). */
export type TokenMechanism = 'OAUTHBEARER' | 'AWS_MSK_IAM';
export const TOKEN_MECHANISMS: readonly TokenMechanism[] = ['OAUTHBEARER', 'AWS_MSK_IAM'];

/** Holds a secret so that logging, JSON.stringify or util.inspect of an options object never shows it. */
export class Secret {
  readonly #value: string;
  constructor(value: string) {
    this.#value = value;
  }
  reveal(): string {
    return this.#value;
  }
  toString(): string {
    return '[redacted]';
  }
  toJSON(): string {
    return '[redacted]';
  }
  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return '[redacted]';
  }
}

export interface SaslSettings {
  mechanism: SaslMechanism;
  username: string;
  password: Secret;
}

export interface TlsSettings {
  /** PEM text of the trusted CA certificates; undefined means the system roots. */
  ca?: string;
  /** PEM text of the client certificate chain, for mutual TLS. */
  cert?: string;
  /** PEM text of the client private key. */
  key?: Secret;
  keyPassword?: Secret;
  /** ssl.endpoint.identification.algorithm=https (the default) verifies the host name. */
  verifyHostname: boolean;
}

/** OAUTHBEARER with the OAuth 2 client-credentials grant against an OpenID provider's token endpoint. */
export interface OidcSettings {
  mechanism: 'OAUTHBEARER';
  tokenEndpoint: string;
  clientId: string;
  clientSecret: Secret;
  scope?: string;
  audience?: string;
}

/** Amazon MSK IAM: a SigV4-presigned kafka-cluster:Connect URL as the OAUTHBEARER token; credentials from the AWS chain. */
export interface MskIamSettings {
  mechanism: 'AWS_MSK_IAM';
  /** undefined: taken from the MSK broker host name or the AWS configuration. */
  region?: string;
  profile?: string;
}

export type TokenSettings = OidcSettings | MskIamSettings;

/** Supplies bearer tokens for SASL OAUTHBEARER, refreshed before they expire; never exposes a token in logs. */
export interface TokenSource {
  /** A token valid for a while yet (fetched or signed anew when the cached one is past half its life). */
  token(): Promise<string>;
  /** The principal the broker will see, when the token says (OIDC `sub`); null when it cannot be known here. */
  principal(): Promise<string | null>;
}

export interface ConnectionOptions {
  bootstrap: string[];
  securityProtocol: SecurityProtocol;
  sasl?: SaslSettings;
  /** SASL OAUTHBEARER (OIDC or MSK IAM) instead of username/password. */
  oauth?: TokenSettings;
  tls?: TlsSettings;
  clientId: string;
  connectTimeoutMs: number;
  requestTimeoutMs: number;
}

export const DEFAULT_CONNECT_TIMEOUT_MS = 10_000;
export const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;

export function parseHostPort(entry: string): { host: string; port: number } | null {
  const m = /^\[?([^\]]+?)\]?:(\d{1,5})$/.exec(entry.trim());
  if (!m) return null;
  const port = Number(m[2]);
  if (port < 1 || port > 65535) return null;
  return { host: m[1]!, port };
}
