// Kafka client .properties files (the --command-config of Kafka's own CLI tools) → ConnectionOptions.
// Only settings a read-only admin scan needs are honoured; anything we cannot do is refused by name.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ConfigError, UsageError } from '../errors.js';
import { JaasSyntaxError, parseClientJaas } from './jaas.js';
import {
  type ConnectionOptions,
  SASL_MECHANISMS,
  SECURITY_PROTOCOLS,
  type SaslMechanism,
  Secret,
  type SecurityProtocol,
  TOKEN_MECHANISMS,
  type TokenMechanism,
} from '../model/connection.js';

export interface ParsedProperties {
  values: Map<string, string>;
  lines: Map<string, number>;
}

/** java.util.Properties text format: `key=value`, `key: value`, `key value`, # and ! comments, \ continuations. */
export function parseProperties(text: string): ParsedProperties {
  const values = new Map<string, string>();
  const lines = new Map<string, number>();
  const physical = text.split(/\r?\n/);
  for (let i = 0; i < physical.length; i++) {
    let line = physical[i]!.replace(/^\s+/, '');
    const startLine = i + 1;
    if (line === '' || line.startsWith('#') || line.startsWith('!')) continue;
    while (/(^|[^\\])(\\\\)*\\$/.test(line) && i + 1 < physical.length) {
      line = line.slice(0, -1) + physical[++i]!.replace(/^\s+/, '');
    }
    const m = /^((?:\\.|[^=:\s\\])+)\s*[=:\s]\s*(.*)$/.exec(line) ?? /^((?:\\.|[^=:\s\\])+)$/.exec(line);
    if (!m) continue;
    const key = unescapeProperty(m[1]!);
    values.set(key, unescapeProperty(m[2] ?? ''));
    lines.set(key, startLine);
  }
  return { values, lines };
}

function unescapeProperty(s: string): string {
  return s.replace(/\\(u[0-9a-fA-F]{4}|.)/g, (_, c: string) => {
    if (c.startsWith('u') && c.length === 5) return String.fromCharCode(parseInt(c.slice(1), 16));
    return { t: '\t', n: '\n', r: '\r', f: '\f' }[c] ?? c;
  });
}

/** Reads a sasl.jaas.config value (one login module) as Kafka's JaasConfig does; null when Kafka would refuse it. */
export function parseJaas(value: string): { module: string; options: Map<string, string> } | null {
  try {
    const entry = parseClientJaas(value);
    return { module: entry.loginModule, options: entry.options };
  } catch (err) {
    if (err instanceof JaasSyntaxError) return null;
    throw err;
  }
}

const PEM_STORE = 'PEM';

/** Settings we read; anything else that changes how to connect is refused so a scan never half-applies a config. */
const UNSUPPORTED: Record<string, string> = {
  'sasl.kerberos.service.name': 'Kerberos (GSSAPI) is not supported',
  'enable.ssl.certificate.verification': 'broker certificates are always verified (use --ca-file / ssl.ca.location to trust a private CA)',
  'sasl.oauthbearer.extensions': 'SASL OAUTHBEARER extensions are not supported',
  'ssl.keystore.password': 'only PEM keystores are supported (ssl.keystore.type=PEM); a keystore password implies JKS/PKCS12',
  'ssl.truststore.password': 'only PEM truststores are supported (ssl.truststore.type=PEM); a truststore password implies JKS/PKCS12',
};

// Callback handlers that only select what this tool does natively (Kafka's OIDC login, the MSK IAM client).
const OAUTH_LOGIN_HANDLERS = [
  'org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginCallbackHandler',
  'org.apache.kafka.common.security.oauthbearer.secured.OAuthBearerLoginCallbackHandler',
];
const MSK_IAM_CLIENT_HANDLER = 'software.amazon.msk.auth.iam.IAMClientCallbackHandler';

export interface PropertiesConnection {
  bootstrap?: string[];
  securityProtocol?: SecurityProtocol;
  sasl?: { mechanism: SaslMechanism | TokenMechanism; username?: string; password?: Secret };
  /** OAUTHBEARER (OIDC client credentials) or AWS_MSK_IAM settings found in the file. */
  oauth?: { tokenEndpoint?: string; clientId?: string; clientSecret?: Secret; scope?: string; audience?: string; profile?: string };
  tls?: ConnectionOptions['tls'];
}

/**
 * librdkafka / Confluent spellings accepted beside the Java ones, where they mean the same thing.
 * [Java key, librdkafka key, secret?]. Both present with different values is an error (never a silent pick).
 */
const ALIASES: [string, string, boolean][] = [
  ['bootstrap.servers', 'metadata.broker.list', false],
  ['sasl.mechanism', 'sasl.mechanisms', false],
  ['ssl.truststore.certificates', 'ssl.ca.pem', false],
  ['ssl.keystore.certificate.chain', 'ssl.certificate.pem', false],
  ['ssl.keystore.key', 'ssl.key.pem', true],
  ['sasl.oauthbearer.client.credentials.client.id', 'sasl.oauthbearer.client.id', false],
  ['sasl.oauthbearer.client.credentials.client.secret', 'sasl.oauthbearer.client.secret', true],
];

export function loadClientProperties(file: string): PropertiesConnection {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new UsageError(`${file}: cannot read properties file (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  return propertiesToConnection(parseProperties(text), file);
}

export function propertiesToConnection(props: ParsedProperties, file: string): PropertiesConnection {
  const at = (key: string) => `${file}:${props.lines.get(key) ?? 1}`;
  const get = (key: string) => props.values.get(key)?.trim();
  const out: PropertiesConnection = {};
  const dir = path.dirname(path.resolve(file));
  const readPem = (key: string) => {
    const p = get(key)!;
    try {
      return readFileSync(path.resolve(dir, p), 'utf8');
    } catch (err) {
      throw new ConfigError(`${at(key)}: ${key}: cannot read ${p} (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
    }
  };

  for (const [key, why] of Object.entries(UNSUPPORTED)) {
    if (props.values.has(key)) throw new ConfigError(`${at(key)}: ${key} — ${why}`);
  }

  // One spelling per setting: a Java key and its librdkafka alias must agree.
  // `a` may name an option inside a key ("sasl.jaas.config username"): its line is the key's, its value given.
  const conflict = (a: string, b: string, secret: boolean, aValue: string | undefined = get(a)) =>
    new ConfigError(
      `${at(b)}: ${b} and ${a} (line ${props.lines.get(a.split(' ')[0]!) ?? '?'}) are two spellings of one setting with different values` +
        `${secret ? '' : ` ("${get(b)}" vs "${aValue}")`}; keep one`,
    );
  for (const [java, alias, secret] of ALIASES) {
    if (!props.values.has(alias)) continue;
    if (props.values.has(java)) {
      const norm = (k: string) => (java === 'sasl.mechanism' ? get(k)?.toUpperCase() : get(k));
      if (norm(java) !== norm(alias)) throw conflict(java, alias, secret);
      continue;
    }
    props.values.set(java, props.values.get(alias)!);
    props.lines.set(java, props.lines.get(alias)!);
  }

  const bootstrap = get('bootstrap.servers');
  if (bootstrap) out.bootstrap = bootstrap.split(',').map((s) => s.trim()).filter(Boolean);

  const protocol = get('security.protocol')?.toUpperCase();
  if (protocol) {
    if (!SECURITY_PROTOCOLS.includes(protocol as SecurityProtocol)) {
      throw new ConfigError(`${at('security.protocol')}: security.protocol ${protocol} is not one of ${SECURITY_PROTOCOLS.join(', ')}`);
    }
    out.securityProtocol = protocol as SecurityProtocol;
  }

  const mechanism = get('sasl.mechanism')?.toUpperCase();
  const jaas = get('sasl.jaas.config');
  const loginHandler = get('sasl.login.callback.handler.class');
  const clientHandler = get('sasl.client.callback.handler.class');
  if (loginHandler && !OAUTH_LOGIN_HANDLERS.includes(loginHandler)) {
    throw new ConfigError(`${at('sasl.login.callback.handler.class')}: sasl.login.callback.handler.class ${loginHandler} is not supported (only Kafka's OAuthBearerLoginCallbackHandler for OIDC)`);
  }
  if (clientHandler && clientHandler !== MSK_IAM_CLIENT_HANDLER) {
    throw new ConfigError(`${at('sasl.client.callback.handler.class')}: sasl.client.callback.handler.class ${clientHandler} is not supported (only ${MSK_IAM_CLIENT_HANDLER} for MSK IAM)`);
  }
  if (mechanism || jaas || props.values.has('sasl.username')) {
    const mech = mechanism ?? 'GSSAPI';
    if (!SASL_MECHANISMS.includes(mech as SaslMechanism) && !TOKEN_MECHANISMS.includes(mech as TokenMechanism)) {
      throw new ConfigError(`${at('sasl.mechanism')}: sasl.mechanism ${mech} is not supported; use ${[...SASL_MECHANISMS, ...TOKEN_MECHANISMS].join(', ')}`);
    }
    const sasl: NonNullable<PropertiesConnection['sasl']> = { mechanism: mech as SaslMechanism | TokenMechanism };
    let jaasOptions = new Map<string, string>();
    if (jaas) {
      let entry;
      try {
        entry = parseClientJaas(jaas);
      } catch (err) {
        if (err instanceof JaasSyntaxError) throw new ConfigError(`${at('sasl.jaas.config')}: sasl.jaas.config: ${err.message}`);
        throw err;
      }
      const expected =
        mech === 'PLAIN' ? 'PlainLoginModule' : mech === 'OAUTHBEARER' ? 'OAuthBearerLoginModule' : mech === 'AWS_MSK_IAM' ? 'IAMLoginModule' : 'ScramLoginModule';
      if (entry.loginModule.split('.').pop() !== expected) {
        throw new ConfigError(`${at('sasl.jaas.config')}: sasl.jaas.config uses ${entry.loginModule.split('.').pop()}, expected ${expected} for ${mech}`);
      }
      jaasOptions = entry.options;
    }
    if (mech === 'OAUTHBEARER' || mech === 'AWS_MSK_IAM') {
      if (mech === 'AWS_MSK_IAM' && jaasOptions.has('awsRoleArn')) {
        throw new ConfigError(`${at('sasl.jaas.config')}: awsRoleArn in the IAMLoginModule is not supported; use a profile with role_arn (--aws-profile) or the AWS environment`);
      }
      out.oauth = oauthSettings(mech, jaasOptions, get, at, conflict);
    } else {
      // sasl.username / sasl.password (librdkafka) stand for the JAAS username / password.
      const username = pickJaasAlias(jaasOptions.get('username'), props.values.get('sasl.username'), () => conflict('sasl.jaas.config username', 'sasl.username', false, jaasOptions.get('username')));
      const password = pickJaasAlias(jaasOptions.get('password'), props.values.get('sasl.password'), () => conflict('sasl.jaas.config password', 'sasl.password', true));
      if (username) sasl.username = username;
      if (password !== undefined) sasl.password = new Secret(password);
    }
    out.sasl = sasl;
  }

  const tls: NonNullable<PropertiesConnection['tls']> = { verifyHostname: true };
  let tlsSet = false;
  // librdkafka file locations: PEM files by definition.
  const caLocation = get('ssl.ca.location');
  if (caLocation) {
    if (get('ssl.truststore.location') || get('ssl.truststore.certificates')) {
      throw conflict(get('ssl.truststore.location') ? 'ssl.truststore.location' : 'ssl.truststore.certificates', 'ssl.ca.location', false);
    }
    // "probe" asks librdkafka to find the system CA store, which is what no CA setting means here.
    if (caLocation !== 'probe') {
      tls.ca = readPem('ssl.ca.location');
      tlsSet = true;
    }
  }
  const certLocation = get('ssl.certificate.location');
  const keyLocation = get('ssl.key.location');
  if (certLocation || keyLocation) {
    for (const k of ['ssl.keystore.location', 'ssl.keystore.certificate.chain', 'ssl.keystore.key']) {
      if (get(k)) throw conflict(k, certLocation ? 'ssl.certificate.location' : 'ssl.key.location', false);
    }
    if (certLocation) tls.cert = readPem('ssl.certificate.location');
    if (keyLocation) tls.key = new Secret(readPem('ssl.key.location'));
    tlsSet = true;
  }
  const trustType = get('ssl.truststore.type')?.toUpperCase();
  if (get('ssl.truststore.location') || get('ssl.truststore.certificates')) {
    if (trustType !== PEM_STORE) {
      throw new ConfigError(
        `${at(props.values.has('ssl.truststore.type') ? 'ssl.truststore.type' : get('ssl.truststore.location') ? 'ssl.truststore.location' : 'ssl.truststore.certificates')}: ssl.truststore.type ${trustType ?? 'JKS (the default)'} is not supported; convert the truststore to PEM ` +
          '(keytool -exportcert -rfc …) and set ssl.truststore.type=PEM',
      );
    }
    tls.ca = get('ssl.truststore.certificates') ?? readPem('ssl.truststore.location');
    tlsSet = true;
  }
  const keyType = get('ssl.keystore.type')?.toUpperCase();
  if (get('ssl.keystore.location') || get('ssl.keystore.key') || get('ssl.keystore.certificate.chain')) {
    if (keyType !== PEM_STORE) {
      throw new ConfigError(
        `${at(props.values.has('ssl.keystore.type') ? 'ssl.keystore.type' : get('ssl.keystore.location') ? 'ssl.keystore.location' : 'ssl.keystore.key')}: ssl.keystore.type ${keyType ?? 'JKS (the default)'} is not supported; convert the keystore to PEM ` +
          '(openssl pkcs12 -in store.p12 -nodes …) and set ssl.keystore.type=PEM',
      );
    }
    if (get('ssl.keystore.location')) {
      const pem = readPem('ssl.keystore.location');
      tls.cert = pem;
      tls.key = new Secret(pem);
    } else {
      if (get('ssl.keystore.certificate.chain')) tls.cert = get('ssl.keystore.certificate.chain')!;
      if (get('ssl.keystore.key')) tls.key = new Secret(get('ssl.keystore.key')!);
    }
    tlsSet = true;
  }
  if (props.values.has('ssl.key.password')) {
    tls.keyPassword = new Secret(props.values.get('ssl.key.password')!);
    tlsSet = true;
  }
  if (props.values.has('ssl.endpoint.identification.algorithm')) {
    // Java: "https" or empty; librdkafka: "https" or "none".
    const algorithm = (get('ssl.endpoint.identification.algorithm') ?? '').toLowerCase();
    tls.verifyHostname = algorithm !== '' && algorithm !== 'none';
    tlsSet = true;
  }
  if (tlsSet) out.tls = tls;
  return out;
}

function pickJaasAlias(fromJaas: string | undefined, fromAlias: string | undefined, conflict: () => Error): string | undefined {
  if (fromJaas !== undefined && fromAlias !== undefined && fromJaas !== fromAlias) throw conflict();
  return fromJaas ?? fromAlias;
}

/** OIDC client credentials (Java: token endpoint + JAAS clientId/clientSecret/scope; librdkafka: sasl.oauthbearer.*) or MSK IAM. */
function oauthSettings(
  mech: 'OAUTHBEARER' | 'AWS_MSK_IAM',
  jaas: Map<string, string>,
  get: (key: string) => string | undefined,
  at: (key: string) => string,
  conflict: (a: string, b: string, secret: boolean, aValue?: string) => Error,
): NonNullable<PropertiesConnection['oauth']> {
  if (mech === 'AWS_MSK_IAM') {
    const profile = jaas.get('awsProfileName');
    return profile ? { profile } : {};
  }
  const method = get('sasl.oauthbearer.method')?.toLowerCase();
  if (method && method !== 'oidc') {
    throw new ConfigError(`${at('sasl.oauthbearer.method')}: sasl.oauthbearer.method ${method} is not supported (only oidc: client credentials from a token endpoint)`);
  }
  const o: NonNullable<PropertiesConnection['oauth']> = {};
  const endpoint = get('sasl.oauthbearer.token.endpoint.url');
  if (endpoint) o.tokenEndpoint = endpoint;
  const clientId = pickJaasAlias(jaas.get('clientId'), get('sasl.oauthbearer.client.credentials.client.id'), () =>
    conflict('sasl.jaas.config clientId', 'sasl.oauthbearer.client.credentials.client.id', false, jaas.get('clientId')),
  );
  if (clientId) o.clientId = clientId;
  const secret = pickJaasAlias(jaas.get('clientSecret'), get('sasl.oauthbearer.client.credentials.client.secret'), () =>
    conflict('sasl.jaas.config clientSecret', 'sasl.oauthbearer.client.credentials.client.secret', true),
  );
  if (secret !== undefined) o.clientSecret = new Secret(secret);
  const scope = pickJaasAlias(jaas.get('scope'), get('sasl.oauthbearer.scope'), () => conflict('sasl.jaas.config scope', 'sasl.oauthbearer.scope', false, jaas.get('scope')));
  if (scope) o.scope = scope;
  return o;
}
