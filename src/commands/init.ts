// `kafka-readiness init`: a commented starter readiness.yaml; with a cluster connection, the topics and groups
// it finds become patterns to fill in.

import type { Snapshot } from '../gather/snapshot.js';

function prefixes(names: string[]): { prefix: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const n of names) {
    const m = /^([^._-]+[._-])/.exec(n);
    const p = m ? `${m[1]}*` : n;
    counts.set(p, (counts.get(p) ?? 0) + 1);
  }
  return [...counts.entries()].map(([prefix, count]) => ({ prefix, count })).sort((a, b) => a.prefix.localeCompare(b.prefix));
}

export function renderStarterConfig(snapshot?: Snapshot): string {
  const topics = snapshot?.artifacts.topics.ok ? snapshot.artifacts.topics.value.filter((t) => !t.name.startsWith('__')).map((t) => t.name) : [];
  const groups = snapshot?.artifacts.groups.ok ? snapshot.artifacts.groups.value.map((g) => g.groupId) : [];
  const principals = snapshot?.artifacts.acls.ok ? [...new Set(snapshot.artifacts.acls.value.map((a) => a.principal))].filter((p) => p !== 'User:*').sort() : [];
  const lines = [
    '# readiness.yaml — what kafka-readiness checks and how strictly. Reference: README.md and docs/checks.md.',
    '# Every key is optional; unknown keys are errors (with file:line:column), so typos never pass silently.',
    'version: 1',
    '',
    '# Built-in policy profile this file extends: dev | production | regulated (or pass --profile).',
    'profile: production',
    '',
    '# CI gate (flags --fail-under, --fail-on, --min-coverage override these).',
    'gate:',
    '  failOn: critical',
    '  # failUnder: 80',
    '  # minCoverage: 90',
    '',
    '# Replay window and durability per topic pattern (globs or /regex/); the first matching entry applies.',
    'topicPolicies:',
  ];
  const found = prefixes(topics);
  if (found.length) {
    lines.push(`  # Found on ${snapshot!.target.bootstrap.join(',')} at ${snapshot!.takenAt}: ${topics.length} topics.`);
    for (const { prefix, count } of found) {
      lines.push(`  - topics: "${prefix}"   # ${count} topic(s)`, '    retention: { min: 7d, max: 30d }   # fill in: your records schedule', '    cleanupPolicy: delete', '    replicationFactor: { min: 3 }', '    minInsyncReplicas: { min: 2 }');
    }
  } else {
    lines.push('  - topics: "payments.*"', '    retention: { min: 7d, max: 30d }', '    cleanupPolicy: delete', '    replicationFactor: { min: 3 }', '    minInsyncReplicas: { min: 2 }');
  }
  lines.push('', '# Capabilities the applications rely on: idempotence, transactions, compaction, kip848-groups, tiered-storage, share-groups.', 'requirements: [idempotence]', '');
  lines.push('# Kafka client of each application, checked against the cluster and the Kafka 4.x (KIP-896) minimums.', 'clients: []', '  # - { app: permit-portal, library: kafkajs, version: 2.2.4 }', '');
  lines.push('# Intended grants per principal (least privilege). Extra and missing grants are reported.');
  if (principals.length) {
    lines.push('principals:');
    for (const p of principals) lines.push(`  "${p}": []   # fill in, e.g. - { operations: [READ], topic: "billing.*" }`);
  } else lines.push('principals: {}', '  # "User:billing":', '  #   - { operations: [READ], topic: "billing.*" }', '  #   - { operations: [READ], group: "billing-*" }');
  lines.push('');
  lines.push('# Per-check settings: enabled, severity, weight, options (see `kafka-readiness checks --explain <id>`).', 'checks:');
  if (groups.length) {
    lines.push(`  # ${groups.length} consumer group(s) found: ${groups.slice(0, 10).join(', ')}${groups.length > 10 ? ', …' : ''}`);
  }
  lines.push('  consumer-lag/group-lag:', '    options: { warnLag: 1000, failLag: 100000, ignoreGroups: [] }', '');
  lines.push('# Accepted risks: shown in the report, not scored, and the gate fails once they expire.', 'waivers: []', '  # - { check: replication/replication-factor, resource: "scratch.*", reason: "load-test topic, deleted before launch", owner: platform-team, ticket: PLAT-1, expires: 2027-01-31 }', '');
  lines.push('# Items a scan cannot measure (drills, reviews), attested with owner, date and evidence.', 'attestations: []', '  # - { item: zone-loss-drill, owner: platform-team, date: 2026-11-01, evidence: "https://wiki.example/drills/2026-11" }', '');
  lines.push('# Prices for the cost estimate (USD defaults shown).', 'prices:', '  currency: USD', '  storagePerGbMonth: 0.10', '  crossZonePerGb: 0.02', '');
  return `${lines.join('\n')}`;
}
