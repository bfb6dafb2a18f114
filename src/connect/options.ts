// One ConnectionOptions value describes how to reach a cluster, whatever it was built from
// (flags, environment, a Kafka client .properties file).

export type SecurityProtocol = 'PLAINTEXT' | 'SSL' | 'SASL_PLAINTEXT' | 'SASL_SSL';
export type SaslMechanism = 'PLAIN' | 'SCRAM-SHA-256' | 'SCRAM-SHA-512';

export const SECURITY_PROTOCOLS: readonly SecurityProtocol[] = ['PLAINTEXT', 'SSL', 'SASL_PLAINTEXT', 'SASL_SSL'];
export const SASL_MECHANISMS: readonly SaslMechanism[] = ['PLAIN', 'SCRAM-SHA-256', 'SCRAM-SHA-512'];

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

export interface ConnectionOptions {
  bootstrap: string[];
  securityProtocol: SecurityProtocol;
  sasl?: SaslSettings;
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
