// Turns DescribeConfigs entries into snapshot ConfigMaps and strips every value that could be a secret.
// Brokers already hide sensitive values, but a misbehaving or non-Apache broker may not: we redact again.

import type { ConfigEntry, ConfigMap, ConfigSourceName } from '../model/snapshot.js';
import { setKey } from '../model/dict.js';

export interface RawConfig {
  name: string;
  value: string | null;
  readOnly: boolean;
  configSource: number;
  isSensitive: boolean;
  configType?: number;
  synonyms: { name: string; value: string | null; source: number }[];
}

const SOURCES: Record<number, ConfigSourceName> = {
  0: 'unknown',
  1: 'topic',
  2: 'dynamic-broker',
  3: 'dynamic-default-broker',
  4: 'static-broker',
  5: 'default',
  6: 'dynamic-broker-logger',
  7: 'client-metrics',
  8: 'group',
};

const PASSWORD_TYPE = 9;

/** Config names whose values are secrets even when a broker forgets to mark them sensitive. */
const SECRET_NAME = /(password|secret|jaas\.config|\.key$|keystore\.certificate\.chain|credentials?$)/i;

export function isSecretConfig(name: string, sensitive: boolean, configType?: number): boolean {
  return sensitive || configType === PASSWORD_TYPE || SECRET_NAME.test(name);
}

export function sourceName(code: number): ConfigSourceName {
  return SOURCES[code] ?? 'unknown';
}

/** One DescribeConfigs entry as the snapshot keeps it: source names, and every value that could be a secret dropped. */
export function normalizeEntry(c: RawConfig): ConfigEntry {
  const secret = isSecretConfig(c.name, c.isSensitive, c.configType);
  return {
    value: secret ? null : c.value,
    source: sourceName(c.configSource),
    sensitive: secret,
    readOnly: c.readOnly,
    synonyms: c.synonyms.map((s) => ({
      name: s.name,
      value: secret || isSecretConfig(s.name, false) ? null : s.value,
      source: sourceName(s.source),
    })),
  };
}

export function normalizeConfigs(raw: RawConfig[]): ConfigMap {
  const out: ConfigMap = {};
  // Ordinal order: config names are ASCII, and localeCompare was a noticeable share of a 5000-topic scan.
  for (const c of [...raw].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) setKey(out, c.name, normalizeEntry(c));
  return out;
}
