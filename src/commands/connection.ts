// Builds ConnectionOptions from flags, environment and a client .properties file (flags win).
// Passwords come from a file, an environment variable or the properties file, never from argv.

import { readFileSync } from 'node:fs';
import { loadClientProperties, type PropertiesConnection } from '../config/properties.js';
import { loadConnectionProperties } from '../config/command-properties.js';
import {
  type ConnectionOptions,
  type OidcSettings,
  DEFAULT_CONNECT_TIMEOUT_MS,
  DEFAULT_REQUEST_TIMEOUT_MS,
  parseHostPort,
  SASL_MECHANISMS,
  type SaslMechanism,
  Secret,
  SECURITY_PROTOCOLS,
  type SecurityProtocol,
  TOKEN_MECHANISMS,
  type TokenMechanism,
} from '../model/connection.js';
import { mskRegionFromHost } from '../connect/oauth.js';
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
  oauthTokenEndpoint?: string;
  oauthClientId?: string;
  oauthClientSecretFile?: string;
  oauthClientSecretEnv?: string;
  oauthScope?: string;
  oauthAudience?: string;
  awsRegion?: string;
  awsProfile?: string;
  timeout?: string;
  connectTimeout?: string;
  requestTimeout?: string;
  commandProperty?: string[];
}

export const DEFAULT_PASSWORD_ENV = 'KAFKA_READINESS_PASSWORD';
export const DEFAULT_CLIENT_SECRET_ENV = 'KAFKA_READINESS_OAUTH_CLIENT_SECRET';
const ALL_MECHANISMS = [...SASL_MECHANISMS, ...TOKEN_MECHANISMS];

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

  const oauthFlags = flags.oauthTokenEndpoint ?? flags.oauthClientId ?? flags.oauthClientSecretFile ?? flags.oauthClientSecretEnv ?? flags.oauthScope ?? flags.oauthAudience;
  const awsFlags = flags.awsRegion ?? flags.awsProfile;
  if (usesSasl) {
    const mechText = (flags.saslMechanism ?? fromFile.sasl?.mechanism ?? '').toUpperCase();
    if (!mechText) throw new UsageError(`${securityProtocol} needs --sasl-mechanism (${ALL_MECHANISMS.join(', ')}) or sasl.mechanism in --command-config`);
    if (!ALL_MECHANISMS.includes(mechText as SaslMechanism | TokenMechanism)) throw new UsageError(`--sasl-mechanism must be one of ${ALL_MECHANISMS.join(', ')}`);
    if (mechText === 'OAUTHBEARER' || mechText === 'AWS_MSK_IAM') {
      if (flags.username || flags.passwordFile || flags.passwordEnv) throw new UsageError(`--username/--password-file/--password-env do not apply to ${mechText}`);
      if (mechText === 'OAUTHBEARER') {
        if (awsFlags) throw new UsageError('--aws-region/--aws-profile apply to --sasl-mechanism AWS_MSK_IAM, not OAUTHBEARER');
        options.oauth = oidcSettings(flags, fromFile.oauth ?? {}, env);
      } else {
        if (oauthFlags) throw new UsageError('--oauth-* options apply to --sasl-mechanism OAUTHBEARER, not AWS_MSK_IAM');
        const region = flags.awsRegion ?? bootstrap.map((b) => mskRegionFromHost(parseHostPort(b)!.host)).find(Boolean) ?? env.AWS_REGION ?? env.AWS_DEFAULT_REGION;
        if (!region) throw new UsageError('AWS_MSK_IAM needs a region: --aws-region, AWS_REGION, or MSK broker host names in --bootstrap-server');
        if (!/^[a-z]{2}(-[a-z]+)+-\d+$/.test(region)) throw new UsageError(`--aws-region "${region}" is not an AWS region name like eu-west-1`);
        const profile = flags.awsProfile ?? fromFile.oauth?.profile;
        options.oauth = { mechanism: 'AWS_MSK_IAM', region, ...(profile ? { profile } : {}) };
      }
    } else {
      if (oauthFlags || awsFlags) throw new UsageError(`--oauth-*/--aws-* options need --sasl-mechanism OAUTHBEARER or AWS_MSK_IAM (got ${mechText})`);
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
    }
  } else if (flags.saslMechanism || flags.username || oauthFlags || awsFlags) {
    throw new UsageError(`--sasl-mechanism/--username/--oauth-*/--aws-* need --security-protocol SASL_PLAINTEXT or SASL_SSL (got ${securityProtocol})`);
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

function oidcSettings(flags: ConnectionFlags, file: NonNullable<PropertiesConnection['oauth']>, env: NodeJS.ProcessEnv): OidcSettings {
  const tokenEndpoint = flags.oauthTokenEndpoint ?? file.tokenEndpoint;
  if (!tokenEndpoint) throw new UsageError('OAUTHBEARER needs a token endpoint: --oauth-token-endpoint <url> or sasl.oauthbearer.token.endpoint.url in --command-config');
  let url: URL;
  try {
    url = new URL(tokenEndpoint);
  } catch {
    throw new UsageError(`OAuth token endpoint "${tokenEndpoint}" is not a URL`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new UsageError(`OAuth token endpoint must be an http(s) URL (got ${url.protocol})`);
  if (url.username || url.password) throw new UsageError('OAuth token endpoint must not carry credentials in the URL; use --oauth-client-secret-file or --oauth-client-secret-env');
  const clientId = flags.oauthClientId ?? env.KAFKA_READINESS_OAUTH_CLIENT_ID ?? file.clientId;
  if (!clientId) throw new UsageError('OAUTHBEARER needs a client id: --oauth-client-id, KAFKA_READINESS_OAUTH_CLIENT_ID or clientId in sasl.jaas.config');
  let clientSecret: Secret | undefined;
  if (flags.oauthClientSecretFile) clientSecret = readSecretFile(flags.oauthClientSecretFile, '--oauth-client-secret-file');
  else if (flags.oauthClientSecretEnv) {
    const v = env[flags.oauthClientSecretEnv];
    if (v === undefined) throw new UsageError(`--oauth-client-secret-env ${flags.oauthClientSecretEnv}: that environment variable is not set`);
    clientSecret = new Secret(v);
  } else if (file.clientSecret) clientSecret = file.clientSecret;
  else if (env[DEFAULT_CLIENT_SECRET_ENV] !== undefined) clientSecret = new Secret(env[DEFAULT_CLIENT_SECRET_ENV]!);
  if (!clientSecret) {
    throw new UsageError(`OAUTHBEARER needs a client secret: --oauth-client-secret-file <file>, --oauth-client-secret-env <VAR>, ${DEFAULT_CLIENT_SECRET_ENV} or clientSecret in sasl.jaas.config (never on the command line)`);
  }
  const scope = flags.oauthScope ?? file.scope;
  const audience = flags.oauthAudience ?? file.audience;
  return { mechanism: 'OAUTHBEARER', tokenEndpoint, clientId, clientSecret, ...(scope ? { scope } : {}), ...(audience ? { audience } : {}) };
}
