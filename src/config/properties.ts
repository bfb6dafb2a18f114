// Kafka client .properties files (the --command-config of Kafka's own CLI tools) → ConnectionOptions.
// Only settings a read-only admin scan needs are honoured; anything we cannot do is refused by name.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ConfigError, UsageError } from '../errors.js';
import {
  type ConnectionOptions,
  SASL_MECHANISMS,
  SECURITY_PROTOCOLS,
  type SaslMechanism,
  Secret,
  type SecurityProtocol,
} from '../connect/options.js';

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
    const key = unescape(m[1]!);
    values.set(key, unescape(m[2] ?? ''));
    lines.set(key, startLine);
  }
  return { values, lines };
}

function unescape(s: string): string {
  return s.replace(/\\(u[0-9a-fA-F]{4}|.)/g, (_, c: string) => {
    if (c.startsWith('u') && c.length === 5) return String.fromCharCode(parseInt(c.slice(1), 16));
    return { t: '\t', n: '\n', r: '\r', f: '\f' }[c] ?? c;
  });
}

/** Reads username/password from a sasl.jaas.config value of the PLAIN or SCRAM login modules. */
export function parseJaas(value: string): { module: string; options: Map<string, string> } | null {
  const m = /^\s*([\w.$]+)\s+(required|requisite|sufficient|optional)\s*(.*?);?\s*$/s.exec(value);
  if (!m) return null;
  const options = new Map<string, string>();
  const re = /([\w.-]+)\s*=\s*(?:"((?:\\.|[^"\\])*)"|([^\s;]+))/g;
  let o: RegExpExecArray | null;
  while ((o = re.exec(m[3]!))) options.set(o[1]!, o[2] !== undefined ? o[2].replace(/\\(.)/g, '$1') : o[3]!);
  return { module: m[1]!, options };
}

const PEM_STORE = 'PEM';

/** Settings we read; anything else that changes how to connect is refused so a scan never half-applies a config. */
const UNSUPPORTED: Record<string, string> = {
  'sasl.kerberos.service.name': 'Kerberos (GSSAPI) is not supported',
  'sasl.login.callback.handler.class': 'custom SASL login callback handlers are not supported',
  'sasl.client.callback.handler.class': 'custom SASL client callback handlers (e.g. MSK IAM) are not supported',
  'ssl.keystore.password': 'only PEM keystores are supported (ssl.keystore.type=PEM); a keystore password implies JKS/PKCS12',
  'ssl.truststore.password': 'only PEM truststores are supported (ssl.truststore.type=PEM); a truststore password implies JKS/PKCS12',
};

export interface PropertiesConnection {
  bootstrap?: string[];
  securityProtocol?: SecurityProtocol;
  sasl?: { mechanism: SaslMechanism; username?: string; password?: Secret };
  tls?: ConnectionOptions['tls'];
}

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
  if (mechanism || jaas) {
    const mech = mechanism ?? 'GSSAPI';
    if (!SASL_MECHANISMS.includes(mech as SaslMechanism)) {
      const hint = mech === 'AWS_MSK_IAM' || mech === 'OAUTHBEARER' ? ' (MSK IAM and OAUTHBEARER are not supported yet; use SCRAM)' : '';
      throw new ConfigError(`${at('sasl.mechanism')}: sasl.mechanism ${mech} is not supported${hint}; use ${SASL_MECHANISMS.join(', ')}`);
    }
    const sasl: NonNullable<PropertiesConnection['sasl']> = { mechanism: mech as SaslMechanism };
    if (jaas) {
      const parsed = parseJaas(jaas);
      if (!parsed) throw new ConfigError(`${at('sasl.jaas.config')}: sasl.jaas.config is not a JAAS login module line`);
      const expected = mech === 'PLAIN' ? 'PlainLoginModule' : 'ScramLoginModule';
      if (!parsed.module.endsWith(expected)) {
        throw new ConfigError(`${at('sasl.jaas.config')}: sasl.jaas.config uses ${parsed.module.split('.').pop()}, expected ${expected} for ${mech}`);
      }
      const username = parsed.options.get('username');
      const password = parsed.options.get('password');
      if (username) sasl.username = username;
      if (password !== undefined) sasl.password = new Secret(password);
    }
    out.sasl = sasl;
  }

  const tls: NonNullable<PropertiesConnection['tls']> = { verifyHostname: true };
  let tlsSet = false;
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
    tls.verifyHostname = (get('ssl.endpoint.identification.algorithm') ?? '') !== '';
    tlsSet = true;
  }
  if (tlsSet) out.tls = tls;
  return out;
}
