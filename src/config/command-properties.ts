// --command-property key=value (repeatable), as Kafka's own tools accept: each one adds a client property or
// overrides the one from --command-config. Secrets are refused here: argv is visible to every user of the
// machine (ps, /proc) and lands in shell history and CI logs, so passwords and keys stay in files or env.

import { readFileSync } from 'node:fs';
import { UsageError } from '../errors.js';
import { type ParsedProperties, parseProperties, type PropertiesConnection, propertiesToConnection } from './properties.js';

/** Keys that carry a secret (or a whole login config, which usually embeds one). */
const SECRET_KEY = /(^|[._])(password|secret|token|jaas|credentials?)([._]|$)|^ssl\.keystore\.key$|^ssl\.key\b/i;

export function isSecretProperty(key: string): boolean {
  return SECRET_KEY.test(key);
}

/** Parses `key=value` items; the value may contain `=`. Names the item that is wrong (never its value). */
export function parseCommandProperties(items: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const item of items) {
    const eq = item.indexOf('=');
    const key = (eq < 0 ? item : item.slice(0, eq)).trim();
    // The item itself is not echoed: a mistyped secret would otherwise land in logs.
    if (eq <= 0 || key === '') throw new UsageError(`--command-property must be key=value (item ${items.indexOf(item) + 1} ${eq < 0 ? 'has no "="' : 'has no key'})`);
    if (isSecretProperty(key)) {
      throw new UsageError(
        `--command-property ${key}: secrets are not taken from the command line (other users and shell history can read it); put it in the --command-config file or use --password-file/--password-env`,
      );
    }
    out.set(key, item.slice(eq + 1).trim());
  }
  return out;
}

/**
 * The connection settings of --command-config (if any) with --command-property items laid over it. Errors
 * about a file key name the file and line; about an overridden key, "--command-property".
 */
export function loadConnectionProperties(file: string | undefined, items: readonly string[]): PropertiesConnection {
  const overrides = parseCommandProperties(items);
  let props: ParsedProperties = { values: new Map(), lines: new Map() };
  if (file !== undefined) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (err) {
      throw new UsageError(`${file}: cannot read properties file (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
    }
    props = parseProperties(text);
  }
  for (const [key, value] of overrides) {
    props.values.set(key, value);
    props.lines.delete(key);
  }
  const display = file ?? '--command-property';
  try {
    return propertiesToConnection(props, display);
  } catch (err) {
    // A message about an overridden key would otherwise point at line 1 of the file.
    const prefix = `${display}:1: `;
    if (err instanceof Error && [...overrides.keys()].some((k) => err.message.startsWith(`${prefix}${k}`))) {
      err.message = `--command-property ${err.message.slice(prefix.length)}`;
    }
    throw err;
  }
}
