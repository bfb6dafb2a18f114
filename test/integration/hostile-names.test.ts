// Topics and groups named `__proto__`, `constructor`, `hasOwnProperty`, `toString` (legal Kafka names) on the real
// cluster: the scan must treat each like an ordinary topic. Each hostile topic has a twin with an ordinary name and
// the same settings; every check must say the same of both (same status and severity), in the scan and in an
// `evaluate` of the snapshot file it wrote, and the snapshot must hold them as plain entries.
import { Admin } from '@platformatic/kafka';
import { mkdtempSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSnapshotFile } from '../../src/pipeline.js';
import type { Report } from '../../src/report/model.js';
import type { Snapshot } from '../../src/gather/snapshot.js';
import { cluster, runCli } from './cluster-context.js';

const c = cluster();
const sasl = { mechanism: 'SCRAM-SHA-512' as const, username: c.admin.username, password: c.admin.password };
/**
 * Hostile name → its twin; odd ones get replication factor 1 (a finding), even ones 3. A leading `__` marks a topic
 * Kafka-internal by convention (checks judge those apart), so the twin of `__proto__` starts with `__` too.
 */
const TOPICS: [string, string, number][] = [
  ['__proto__', '__hostile-twin.proto', 1],
  ['constructor', 'hostile-twin.constructor', 3],
  ['hasOwnProperty', 'hostile-twin.hasown', 1],
  ['toString', 'hostile-twin.tostring', 3],
];
const GROUPS: [string, string, string][] = [
  ['__proto__', 'hostile-twin.group-proto', '__proto__'],
  ['constructor', 'hostile-twin.group-constructor', 'constructor'],
];
const twinTopic = new Map(TOPICS.map(([h, t]) => [h, t]));

let admin: Admin;
let report: Report;
let evaluated: Report;
let snapshot: Snapshot;

beforeAll(async () => {
  admin = new Admin({ clientId: 'hostile-names-setup', bootstrapBrokers: c.saslBootstrap.split(','), sasl, timeout: 60_000 });
  for (const [hostile, twin, rf] of TOPICS) await admin.createTopics({ topics: [hostile, twin], partitions: 2, replicas: rf });
  for (let i = 0; i < 60; i++) {
    const names = await admin.listTopics();
    if (TOPICS.every(([h, t]) => names.includes(h) && names.includes(t))) break;
    await new Promise((r) => setTimeout(r, 500));
  }
  await new Promise((r) => setTimeout(r, 1000));
  // Groups with committed positions (no members): the hostile group on the hostile topic, its twin on the twin topic.
  for (const [hostile, twin, topic] of GROUPS) {
    await admin.alterConsumerGroupOffsets({ groupId: hostile, topics: [{ name: topic, partitionOffsets: [{ partition: 0, offset: 0n }, { partition: 1, offset: 0n }] }] });
    await admin.alterConsumerGroupOffsets({ groupId: twin, topics: [{ name: twinTopic.get(topic)!, partitionOffsets: [{ partition: 0, offset: 0n }, { partition: 1, offset: 0n }] }] });
  }
  const dir = mkdtempSync(path.join(c.workDir, 'hostile-'));
  const scan = await runCli(['scan', '--command-config', c.adminProps, '-c', c.readinessYaml, '--format', 'json', '--out-dir', dir, '--snapshot-out', path.join(dir, 'snapshot.jsonl')]);
  expect(scan.stderr).not.toMatch(/internal error|TypeError|at .*\.js:\d+/);
  // Pass or gate failed (the seeded faults decide): what matters is that the report landed.
  expect([0, 1]).toContain(scan.code);
  report = JSON.parse(readFileSync(path.join(dir, 'report.json'), 'utf8')) as Report;
  const evalDir = path.join(dir, 'eval');
  const ev = await runCli(['evaluate', path.join(dir, 'snapshot.jsonl'), '-c', c.readinessYaml, '--format', 'json', '--out-dir', evalDir]);
  expect(ev.stderr).not.toMatch(/internal error|TypeError|at .*\.js:\d+/);
  expect(ev.code).toBe(scan.code);
  evaluated = JSON.parse(readFileSync(path.join(evalDir, 'report.json'), 'utf8')) as Report;
  snapshot = await readSnapshotFile(path.join(dir, 'snapshot.jsonl'));
});

afterAll(async () => {
  if (!admin) return;
  await admin.deleteGroups({ groups: GROUPS.flatMap(([h, t]) => [h, t]) }).catch(() => {});
  await admin.deleteTopics({ topics: TOPICS.flatMap(([h, t]) => [h, t]) }).catch(() => {});
  // Leave the cluster as other files expect it.
  for (let i = 0; i < 60 && (await admin.listTopics()).some((t) => twinTopic.has(t) || t.includes('hostile-twin.')); i++) await new Promise((r) => setTimeout(r, 500));
  await admin.close();
});

/** check id → status/severity of the findings on one resource (kind, name). */
function verdicts(r: Report, kind: string, name: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const ch of r.checks) {
    const f = ch.findings.filter((x) => x.resource.kind === kind && x.resource.name === name);
    if (f.length) out[ch.id] = f.map((x) => `${x.status}/${x.severity}`).sort().join(',');
  }
  return out;
}

describe('topics and groups named __proto__, constructor, hasOwnProperty, toString', () => {
  it('the snapshot holds them as plain entries of every name-keyed map', () => {
    const a = snapshot.artifacts;
    if (!a.topics.ok || !a.topicConfigs.ok || !a.offsets.ok || !a.groupOffsets.ok || !a.groups.ok || !a.logDirs.ok) throw new Error('an artifact failed');
    for (const [hostile, twin] of TOPICS) {
      expect(a.topics.value.find((t) => t.name === hostile)?.partitions).toHaveLength(2);
      expect(Object.hasOwn(a.topicConfigs.value, hostile)).toBe(true);
      // The same configs as the twin (all defaults), entry by entry.
      expect(a.topicConfigs.value[hostile]).toEqual(a.topicConfigs.value[twin]);
      expect(Object.keys(a.offsets.value[hostile]!)).toEqual(['0', '1']);
      const onDisk = Object.values(a.logDirs.value).flatMap((dirs) => dirs.filter((d) => Object.hasOwn(d.topics, hostile)));
      expect(onDisk.length).toBeGreaterThan(0);
    }
    for (const [hostile, , topic] of GROUPS) {
      expect(a.groups.value.some((g) => g.groupId === hostile)).toBe(true);
      expect(a.groupOffsets.value[hostile]![topic]).toEqual({ '0': '0', '1': '0' });
    }
    expect(a.topicConfigs.value['valueOf']).toBeUndefined();
    expect(a.groupOffsets.value['valueOf']).toBeUndefined();
  });

  it('every check says of each hostile topic and group what it says of its ordinary twin, in scan and evaluate', () => {
    for (const r of [report, evaluated]) {
      for (const [hostile, twin, rf] of TOPICS) {
        const got = verdicts(r, 'topic', hostile);
        expect(got, `${hostile} vs ${twin}`).toEqual(verdicts(r, 'topic', twin));
        // Replication factor 1 is a finding: the hostile topic is seen, not skipped.
        if (rf === 1) expect(Object.keys(got).length).toBeGreaterThan(0);
      }
      for (const [hostile, twin] of GROUPS) expect(verdicts(r, 'group', hostile), `${hostile} vs ${twin}`).toEqual(verdicts(r, 'group', twin));
    }
    // No check errored on them.
    for (const ch of report.checks) expect(ch.status, ch.id).not.toBe('error');
    expect(evaluated.checks.map((ch) => [ch.id, ch.status, ch.findings.length])).toEqual(report.checks.map((ch) => [ch.id, ch.status, ch.findings.length]));
  });
});
