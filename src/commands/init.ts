// `kafka-readiness init`: a commented starter readiness.yaml; with a cluster connection, the topics and groups
// it finds become patterns to fill in. Names read from the cluster are data: the file is built as a YAML
// document and written by the yaml serializer (quoting, escaping), never by pasting strings into YAML text.

import { Document, isMap, isScalar, type Pair, type Scalar, type YAMLMap, type YAMLSeq } from 'yaml';
import type { Snapshot } from '../model/snapshot.js';
import { escapeControl } from '../report/escape.js';
import { YAML_LANGUAGE_SERVER_LINE } from '../config/editor-schema.js';
import { PROFILE_NAMES, PROFILES } from '../config/profiles.js';
import { READINESS_SCHEMA } from '../config/readiness.js';
import { DEFAULT_PRICES } from '../engine/cost.js';
import { MAPPING_POLICY_NAMES, type MappingPolicy } from '../model/snapshot.js';
import { REQUIREMENTS } from '../sdk.js';

// The choices the comments list come from the constants the loader validates against, so they cannot drift.
/** How the migration comment explains each policy (a Record: a new policy does not compile without its line). */
const MAPPING_POLICY_NOTES: Record<MappingPolicy, string> = {
  identity: 'same names: IdentityReplicationPolicy',
  prefix: '"<sourceAlias>.<topic>": MirrorMaker 2\'s default',
  explicit: 'the topics table, identical names otherwise',
};
const CHECK_OVERRIDE_KEYS = Object.keys(READINESS_SCHEMA.properties.checks.additionalProperties.properties);

function prefixes(names: string[]): { prefix: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const n of names) {
    const m = /^([^._-]+[._-])/.exec(n);
    const p = m ? `${m[1]}*` : n;
    counts.set(p, (counts.get(p) ?? 0) + 1);
  }
  return [...counts.entries()].map(([prefix, count]) => ({ prefix, count })).sort((a, b) => a.prefix.localeCompare(b.prefix));
}

/** Comment text for YAML: one "# " line per line (the serializer adds the "#"). */
const lines = (...text: string[]) => text.map((t) => ` ${t}`).join('\n');

function pairOf(map: unknown, key: string): Pair<Scalar, unknown> {
  if (!isMap(map)) throw new Error(`init: ${key} is not in a mapping`);
  const pair = (map as YAMLMap<Scalar, unknown>).items.find((p) => isScalar(p.key) && p.key.value === key);
  if (!pair) throw new Error(`init: no key ${key}`);
  return pair;
}

/** A comment block (after a blank line) before `key` in `map`. */
function before(map: unknown, key: string, ...text: string[]): Pair<Scalar, unknown> {
  const pair = pairOf(map, key);
  pair.key.spaceBefore = true;
  pair.key.commentBefore = lines(...text);
  return pair;
}

function policy(topics: string) {
  return { topics, retention: { min: '7d', max: '30d' }, cleanupPolicy: 'delete', replicationFactor: { min: 3 }, minInsyncReplicas: { min: 2 } };
}

export function renderStarterConfig(snapshot?: Snapshot): string {
  const topics = snapshot?.artifacts.topics.ok ? snapshot.artifacts.topics.value.filter((t) => !t.name.startsWith('__')).map((t) => t.name) : [];
  const groups = snapshot?.artifacts.groups.ok ? snapshot.artifacts.groups.value.map((g) => g.groupId) : [];
  const principals = snapshot?.artifacts.acls.ok ? [...new Set(snapshot.artifacts.acls.value.map((a) => a.principal))].filter((p) => p !== 'User:*').sort() : [];
  const found = prefixes(topics);

  const doc = new Document({
    version: 1,
    profile: 'production',
    gate: { failOn: 'critical' },
    topicPolicies: found.length ? found.map((f) => policy(f.prefix)) : [policy('payments.*')],
    requirements: ['idempotence'],
    clients: [],
    principals: Object.fromEntries(principals.map((p) => [p, []])),
    migration: { policy: 'identity' },
    checks: { 'consumer-lag/group-lag': { options: { warnLag: 1000, failLag: 100000, ignoreGroups: [] } } },
    waivers: [],
    attestations: [],
    prices: { currency: DEFAULT_PRICES.currency, storagePerGbMonth: DEFAULT_PRICES.storagePerGbMonth, crossZonePerGb: DEFAULT_PRICES.crossZonePerGb },
  });
  const top = doc.contents;
  doc.commentBefore = lines(
    'readiness.yaml — what kafka-readiness checks and how strictly. Reference: README.md and docs/checks.md.',
    'Every key is optional; unknown keys are errors (with file:line:column), so typos never pass silently.',
  );
  before(top, 'profile', `Built-in policy profile this file extends: ${PROFILE_NAMES.join(' | ')} (or pass --profile).`);
  const gate = before(
    top,
    'gate',
    'CI gate (flags --fail-under, --fail-on, --min-coverage override these).',
    `Below the minimum coverage (profile production: ${PROFILES.production.gate.minCoverage} %) the verdict is not-assessable and the gate fails.`,
  );
  (gate.value as YAMLMap).comment = lines('failUnder: 80', 'minCoverage: 90');
  const tp = before(
    top,
    'topicPolicies',
    'Replay window and durability per topic pattern (globs or /regex/); the first matching entry applies.',
    ...(found.length ? [escapeControl(`Found on ${snapshot!.target.bootstrap.join(',')} at ${snapshot!.takenAt}: ${topics.length} topics.`)] : []),
  );
  for (const [i, item] of (tp.value as YAMLSeq).items.entries()) {
    const entry = item as YAMLMap;
    (pairOf(entry, 'retention').value as YAMLMap).flow = true;
    (pairOf(entry, 'replicationFactor').value as YAMLMap).flow = true;
    (pairOf(entry, 'minInsyncReplicas').value as YAMLMap).flow = true;
    if (found.length) {
      (pairOf(entry, 'topics').value as Scalar).comment = ` ${found[i]!.count} topic(s)`;
      (pairOf(entry, 'retention').value as YAMLMap).comment = ' fill in: your records schedule';
    }
  }
  (before(top, 'requirements', `Capabilities the applications rely on: ${REQUIREMENTS.join(', ')}.`).value as YAMLSeq).flow = true;
  before(top, 'clients', 'Kafka client of each application, checked against the cluster and the Kafka 4.x (KIP-896) minimums.', 'e.g. - { app: permit-portal, library: kafkajs, version: 2.2.4 }');
  const pr = before(
    top,
    'principals',
    'Intended grants per principal (least privilege). Extra and missing grants are reported.',
    ...(principals.length ? ['Fill in each principal, e.g. - { operations: [READ], topic: "billing.*" }'] : ['"User:billing":', '  - { operations: [READ], topic: "billing.*" }', '  - { operations: [READ], group: "billing-*" }']),
  );
  for (const item of (pr.value as YAMLMap).items) (item.value as YAMLSeq).flow = true;
  const migration = before(
    top,
    'migration',
    'Migration (`kafka-readiness compare`, ignored by scan): how a source topic is named on the target. Any of the',
    'flags --source-alias, --target-alias, --replication-policy, --separator replaces this section as a whole.',
    ...MAPPING_POLICY_NAMES.map((name, i) => `${i === 0 ? 'policy:' : '      |'} ${name} (${MAPPING_POLICY_NOTES[name]})${i === MAPPING_POLICY_NAMES.length - 1 ? '.' : ''}`),
    'e.g. policy: prefix, sourceAlias: onprem, targetAlias: cloud (targetAlias finds the reverse flow of a rollback)',
    'or   policy: explicit, topics: { orders: orders-v2 }',
  );
  (migration.value as YAMLMap).flow = true;
  const checks = before(top, 'checks', `Per-check settings: ${CHECK_OVERRIDE_KEYS.join(', ')} (see \`kafka-readiness checks --explain <id>\`).`);
  if (groups.length) {
    pairOf(checks.value, 'consumer-lag/group-lag').key.commentBefore = escapeControl(` ${groups.length} consumer group(s) found: ${groups.slice(0, 10).join(', ')}${groups.length > 10 ? ', …' : ''}`);
  }
  (pairOf(pairOf(checks.value, 'consumer-lag/group-lag').value, 'options').value as YAMLMap).flow = true;
  before(
    top,
    'waivers',
    'Accepted risks: shown in the report, not scored, and the gate fails once they expire.',
    'e.g. - { check: replication/replication-factor, resource: "scratch.*", reason: "load-test topic, deleted before launch", owner: platform-team, ticket: PLAT-1, expires: 2027-01-31 }',
  );
  before(top, 'attestations', 'Items a scan cannot measure (drills, reviews), attested with owner, date and evidence.', 'e.g. - { item: zone-loss-drill, owner: platform-team, date: 2026-11-01, evidence: "https://wiki.example/drills/2026-11" }');
  before(top, 'prices', `Prices for the cost estimate (${DEFAULT_PRICES.currency} defaults shown).`);
  // First line: editors with yaml-language-server complete check ids and options from the generated schema.
  return `${YAML_LANGUAGE_SERVER_LINE}\n${doc.toString({ lineWidth: 0 })}`;
}
