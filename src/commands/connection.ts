// Builds ConnectionOptions from flags, environment and a client .properties file (flags win).
// Passwords come from a file, an environment variable or the properties file, never from argv.

import { readFileSync } from 'node:fs';
import { loadClientProperties } from '../config/properties.js';
import { loadConnectionProperties } from '../config/command-properties.js';
import {
  type ConnectionOptions,
  DEFAULT_CONNECT_TIMEOUT_MS,
  DEFAULT_REQUEST_TIMEOUT_MS,
  parseHostPort,
  SASL_MECHANISMS,
  type SaslMechanism,
  Secret,
  SECURITY_PROTOCOLS,
  type SecurityProtocol,
} from '../connect/options.js';
import { UsageError } from '../errors.js';
import { durationFlag } from '../duration.js';

export interface ConnectionFlags {
  bootstrapServer?: string;
  commandConfig?: string;
  securityProtocol?: string;
  saslMechanism?: string;
  username?: string;
  passwordFile?: string;
  passwordEnv?: string;
  caFile?: string;
  certFile?: string;
  keyFile?: string;
  verifyHostname?: boolean;
  timeout?: string;
  connectTimeout?: string;
  requestTimeout?: string;
  commandProperty?: string[];
}

export const DEFAULT_PASSWORD_ENV = 'KAFKA_READINESS_PASSWORD';

function readSecretFile(file: string, what: string): Secret {
  try {
    return new Secret(readFileSync(file, 'utf8').replace(/\r?\n$/, ''));
  } catch (err) {
    throw new UsageError(`${what}: cannot read ${file} (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
  }
}

function readText(file: string, what: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (err) {
    throw new UsageError(`${what}: cannot read ${file} (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
  }
}

/** A timeout flag in the tool's one duration syntax (see src/duration.ts); at most what a Node timer can hold. */
/** A connect or request timeout longer than this is a typo, not a wish: a hung broker would hold the run for it. */
export const MAX_NETWORK_TIMEOUT_MS = 600_000;

export function parseMs(value: string | undefined, flag: string, fallback: number): number {
  return durationFlag(value, flag, { fallback, max: MAX_NETWORK_TIMEOUT_MS });
}

export function buildConnectionOptions(flags: ConnectionFlags, env: NodeJS.ProcessEnv = process.env): ConnectionOptions {
  const fromFile = flags.commandProperty?.length ? loadConnectionProperties(flags.commandConfig, flags.commandProperty) : flags.commandConfig ? loadClientProperties(flags.commandConfig) : {};
  const bootstrapText = flags.bootstrapServer ?? env.KAFKA_READINESS_BOOTSTRAP;
  const bootstrap = bootstrapText ? bootstrapText.split(',').map((s) => s.trim()).filter(Boolean) : fromFile.bootstrap;
  if (!bootstrap || bootstrap.length === 0) {
    throw new UsageError('no bootstrap servers: pass --bootstrap-server host:port[,host:port] or bootstrap.servers in --command-config');
  }
  for (const b of bootstrap) if (!parseHostPort(b)) throw new UsageError(`bootstrap server "${b}" is not host:port`);

  const protocolText = (flags.securityProtocol ?? fromFile.securityProtocol ?? 'PLAINTEXT').toUpperCase();
  if (!SECURITY_PROTOCOLS.includes(protocolText as SecurityProtocol)) {
    throw new UsageError(`--security-protocol must be one of ${SECURITY_PROTOCOLS.join(', ')}`);
  }
  const securityProtocol = protocolText as SecurityProtocol;
  const usesSasl = securityProtocol.startsWith('SASL_');
  const usesTls = securityProtocol === 'SSL' || securityProtocol === 'SASL_SSL';

  const options: ConnectionOptions = {
    bootstrap,
    securityProtocol,
    clientId: 'kafka-readiness',
    connectTimeoutMs: parseMs(flags.connectTimeout ?? flags.timeout, '--connect-timeout', DEFAULT_CONNECT_TIMEOUT_MS),
    requestTimeoutMs: parseMs(flags.requestTimeout ?? flags.timeout, '--request-timeout', DEFAULT_REQUEST_TIMEOUT_MS),
  };

  if (usesSasl) {
    const mechText = (flags.saslMechanism ?? fromFile.sasl?.mechanism ?? '').toUpperCase();
    if (!mechText) throw new UsageError(`${securityProtocol} needs --sasl-mechanism (${SASL_MECHANISMS.join(', ')}) or sasl.mechanism in --command-config`);
    if (!SASL_MECHANISMS.includes(mechText as SaslMechanism)) throw new UsageError(`--sasl-mechanism must be one of ${SASL_MECHANISMS.join(', ')}`);
    const username = flags.username ?? env.KAFKA_READINESS_USERNAME ?? fromFile.sasl?.username;
    if (!username) throw new UsageError('SASL needs a user name: --username, KAFKA_READINESS_USERNAME or sasl.jaas.config in --command-config');
    let password: Secret | undefined;
    if (flags.passwordFile) password = readSecretFile(flags.passwordFile, '--password-file');
    else if (flags.passwordEnv) {
      const v = env[flags.passwordEnv];
      if (v === undefined) throw new UsageError(`--password-env ${flags.passwordEnv}: that environment variable is not set`);
      password = new Secret(v);
    } else if (fromFile.sasl?.password) password = fromFile.sasl.password;
    else if (env[DEFAULT_PASSWORD_ENV] !== undefined) password = new Secret(env[DEFAULT_PASSWORD_ENV]!);
    if (!password) {
      throw new UsageError(`SASL needs a password: --password-file <file>, --password-env <VAR>, ${DEFAULT_PASSWORD_ENV} or sasl.jaas.config in --command-config (never on the command line)`);
    }
    options.sasl = { mechanism: mechText as SaslMechanism, username, password };
  } else if (flags.saslMechanism || flags.username) {
    throw new UsageError(`--sasl-mechanism/--username need --security-protocol SASL_PLAINTEXT or SASL_SSL (got ${securityProtocol})`);
  }

  if (usesTls) {
    const tls = { verifyHostname: true, ...(fromFile.tls ?? {}) };
    if (flags.caFile) tls.ca = readText(flags.caFile, '--ca-file');
    if (flags.certFile) tls.cert = readText(flags.certFile, '--cert-file');
    if (flags.keyFile) tls.key = readSecretFile(flags.keyFile, '--key-file');
    if (flags.verifyHostname === false) tls.verifyHostname = false;
    options.tls = tls;
  } else if (flags.caFile || flags.certFile || flags.keyFile) {
    throw new UsageError(`--ca-file/--cert-file/--key-file need --security-protocol SSL or SASL_SSL (got ${securityProtocol})`);
  }
  return options;
}
