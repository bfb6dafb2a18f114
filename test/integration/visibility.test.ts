// Truth under partial visibility, on the real cluster: Kafka leaves out of Metadata and ListGroups what a
// principal may not DESCRIBE, without an error. Scanning as such principals (SCRAM users and ACLs made here,
// removed afterwards), every check that needs the filtered list is `unknown` with the reason, the permission
// section names the grant, and nothing passes or is "not applicable" because of what could not be seen.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtInChecks } from '../../checks/index.js';
import { javaCli } from '../cluster/cluster.mjs';
// @ts-expect-error plain JavaScript seed script without type declarations
import { grantPartialScan, revokeAll } from '../../scripts/seed.mjs';
import { NOT_REQUESTED_MESSAGES, type Snapshot } from '../../src/model/snapshot.js';
import { readSnapshotFile } from '../../src/pipeline.js';
import type { Report } from '../../src/report/model.js';
import { cluster, runCli } from './cluster-context.js';

const c = cluster();
const dir = mkdtempSync(path.join(c.workDir, 'visibility-'));
const conn = { bootstrap: c.saslBootstrap, username: c.admin.username, password: c.admin.password, mechanism: 'SCRAM-SHA-512' };
const USERS = {
  // No DESCRIBE on groups and none on the Cluster (which would let ListGroups list every group).
  'blind-groups': { groups: false, clusterDescribe: false, topicPrefix: null },
  // DESCRIBE on the topics starting with "cases." only.
  'blind-topics': { groups: true, clusterDescribe: true, topicPrefix: 'cases.' },
} as const;
const password = (user: string) => `${user}-pw-${process.pid}`;

async function scramUser(user: string, add: boolean): Promise<void> {
  const args = add ? ['--add-config', `SCRAM-SHA-512=[iterations=4096,password=${password(user)}]`] : ['--delete-config', 'SCRAM-SHA-512'];
  await javaCli('ConfigCommand', ['--bootstrap-server', c.saslBootstrap, '--command-config', c.adminProps, '--alter', ...args, '--entity-type', 'users', '--entity-name', user], c.harness);
}

async function scanAs(user: string): Promise<{ report: Report; snapshot: Snapshot }> {
  const props = path.join(dir, `${user}.properties`);
  writeFileSync(
    props,
    [`bootstrap.servers=${c.saslBootstrap}`, 'security.protocol=SASL_PLAINTEXT', 'sasl.mechanism=SCRAM-SHA-512', `sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="${user}" password="${password(user)}";`, ''].join('\n'),
  );
  const out = path.join(dir, user);
  mkdirSync(out, { recursive: true });
  // These principals see too little for the default minimum coverage, so the gate would fail closed (exit 1);
  // this file is about what the scan records, not the gate, so it opts out explicitly.
  const run = await runCli(['scan', '--command-config', props, '--format', 'json', '--min-coverage', '0', '--out-dir', out, '--snapshot-out', path.join(out, 'snapshot.json')]);
  expect(run.code, run.stderr).toBe(0);
  return { report: JSON.parse(readFileSync(path.join(out, 'report.json'), 'utf8')), snapshot: await readSnapshotFile(path.join(out, 'snapshot.json')) };
}

/** Checks that read these artifacts, less those that also need an artifact a scan is never asked for (migration: compare): those are not-applicable, correctly. */
function dependents(artifacts: string[]): string[] {
  const notRequested = (r: string) => r in NOT_REQUESTED_MESSAGES;
  return builtInChecks.filter((ch) => ch.meta.requires.some((r: string) => artifacts.includes(r)) && !ch.meta.requires.some(notRequested)).map((ch) => ch.meta.id);
}

function filteredArtifacts(s: Snapshot): string[] {
  return Object.entries(s.artifacts).filter(([, a]) => a.ok && a.visibility?.status === 'possibly-filtered').map(([n]) => n);
}

const scans: Record<string, { report: Report; snapshot: Snapshot }> = {};

beforeAll(async () => {
  for (const [user, grants] of Object.entries(USERS)) {
    await scramUser(user, true);
    await grantPartialScan(conn, `User:${user}`, grants);
  }
  // SCRAM credentials and ACLs reach every broker through the metadata log within moments.
  await new Promise((r) => setTimeout(r, 2000));
  for (const user of Object.keys(USERS)) scans[user] = await scanAs(user);
}, 240_000);

afterAll(async () => {
  for (const user of Object.keys(USERS)) {
    await revokeAll(conn, `User:${user}`);
    await scramUser(user, false).catch(() => {});
  }
}, 120_000);

describe('scan as a principal without DESCRIBE on groups', () => {
  it('records the group list as possibly filtered, with the probe answer and the missing grant', () => {
    const { snapshot } = scans['blind-groups']!;
    const groups = snapshot.artifacts.groups;
    expect(groups.ok && groups.value).toEqual([]); // Kafka answered an empty list, no error
    expect(groups.ok && groups.visibility).toMatchObject({ status: 'possibly-filtered', missingGrant: "DESCRIBE on Group '*'", selector: "--group '*'", operation: 'DESCRIBE' });
    expect(groups.ok && groups.visibility?.reason).toMatch(/GROUP_AUTHORIZATION_FAILED/);
    // The topics it may describe are all there: that list is whole.
    expect(snapshot.artifacts.topics.ok && snapshot.artifacts.topics.visibility?.status).toBe('complete');
  });

  it('turns every check that needs groups or their offsets into unknown with the reason, never pass or not-applicable', () => {
    const { report, snapshot } = scans['blind-groups']!;
    const filtered = filteredArtifacts(snapshot);
    expect(filtered).toEqual(expect.arrayContaining(['groups', 'groupOffsets', 'samples']));
    const ids = dependents(filtered);
    expect(ids).toEqual(expect.arrayContaining(['consumer-lag/group-lag', 'consumer-lag/rebalancing-groups', 'consumer-lag/committed-below-log-start', 'consumer-lag/time-to-data-loss']));
    for (const id of ids) {
      const ch = report.checks.find((x) => x.id === id)!;
      if (ch.status === 'skipped') continue;
      expect(ch.status, `${id}: ${ch.reason}`).toBe('unknown');
      expect(ch.score).toBeNull();
    }
    expect(report.checks.find((x) => x.id === 'consumer-lag/group-lag')!.reason).toMatch(/possibly filtered by permission: .*GROUP_AUTHORIZATION_FAILED.*needs DESCRIBE on Group '\*'/);
  });

  it("names the grant in the permission section, with the kafka-acls.sh command", () => {
    const { report } = scans['blind-groups']!;
    const missing = report.permissions.missing.find((m) => m.permission === "DESCRIBE on Group '*'");
    expect(missing?.artifacts).toEqual(expect.arrayContaining(['groups', 'groupOffsets']));
    expect(missing?.checks).toEqual(expect.arrayContaining(['consumer-lag/group-lag', 'consumer-lag/rebalancing-groups']));
    const acl = report.permissions.readOnlyAcls.find((a) => a.permission === "DESCRIBE on Group '*'")!;
    expect(acl).toMatchObject({ missing: true });
    expect(acl.command).toContain("--allow-principal 'User:blind-groups' --operation DESCRIBE --group '*'");
  });
});

describe('scan as a principal that may DESCRIBE only some topics', () => {
  it('records the topic list as possibly filtered: the probe was denied and log dirs hold unlisted topics', () => {
    const { snapshot } = scans['blind-topics']!;
    const topics = snapshot.artifacts.topics;
    const names = topics.ok ? topics.value.map((t) => t.name) : [];
    // cases.* by its grant, public.intake through the seeded User:* WRITE grant; the rest is hidden.
    expect(names).toContain('cases.events');
    expect(names).not.toContain('permits.applications');
    expect(topics.ok && topics.visibility).toMatchObject({ status: 'possibly-filtered', missingGrant: "DESCRIBE on Topic '*'" });
    expect(topics.ok && topics.visibility?.reason).toMatch(/\d+ topic\(s\) hold data in the brokers' log dirs but are not in the Metadata answer/);
    expect(topics.ok && topics.visibility?.reason).toMatch(/TOPIC_AUTHORIZATION_FAILED/);
    // The groups list is whole (DESCRIBE on the Cluster lists every group), but their offsets skip hidden topics.
    expect(snapshot.artifacts.groups.ok && snapshot.artifacts.groups.visibility?.status).toBe('complete');
    expect(snapshot.artifacts.groupOffsets.ok && snapshot.artifacts.groupOffsets.visibility?.status).toBe('possibly-filtered');
  });

  it('turns every check that needs a topic-derived list into unknown, never pass or not-applicable', () => {
    const { report, snapshot } = scans['blind-topics']!;
    const filtered = filteredArtifacts(snapshot);
    expect(filtered).toEqual(expect.arrayContaining(['topics', 'topicConfigs', 'offsets', 'groupOffsets', 'samples']));
    const ids = dependents(filtered);
    expect(ids.length).toBeGreaterThan(30);
    for (const id of ids) {
      const ch = report.checks.find((x) => x.id === id)!;
      if (ch.status === 'skipped') continue;
      expect(ch.status, `${id}: ${ch.reason}`).toBe('unknown');
    }
    expect(report.checks.find((x) => x.id === 'replication/replication-factor')!.reason).toMatch(/^topics possibly filtered by permission: .*needs DESCRIBE on Topic '\*'/);
    // A check that needs only broker configs still runs.
    expect(report.checks.find((x) => x.id === 'replication/auto-create-topics')!.status).not.toBe('unknown');
  });

  it("names DESCRIBE on Topic '*' in the permission section", () => {
    const { report } = scans['blind-topics']!;
    const missing = report.permissions.missing.find((m) => m.permission === "DESCRIBE on Topic '*'");
    expect(missing?.artifacts).toEqual(expect.arrayContaining(['topics', 'topicConfigs', 'offsets']));
    expect(missing?.checks).toContain('replication/replication-factor');
    expect(report.permissions.readOnlyAcls.find((a) => a.permission === "DESCRIBE on Topic '*'")).toMatchObject({ missing: true });
  });
});

describe('a full scan as the super user', () => {
  it('records every permission-filtered list as complete, and nothing missing', async () => {
    const out = path.join(dir, 'admin');
    mkdirSync(out, { recursive: true });
    const run = await runCli(['scan', '--command-config', c.adminProps, '--format', 'json', '--out-dir', out, '--snapshot-out', path.join(out, 'snapshot.json')]);
    expect(run.code, run.stderr).toBe(0);
    const snapshot = await readSnapshotFile(path.join(out, 'snapshot.json'));
    for (const name of ['topics', 'topicConfigs', 'offsets', 'groups', 'groupOffsets', 'samples'] as const) {
      const a = snapshot.artifacts[name];
      expect(a.ok && a.visibility?.status, name).toBe('complete');
    }
    const report = JSON.parse(readFileSync(path.join(out, 'report.json'), 'utf8')) as Report;
    expect(report.permissions.missing).toEqual([]);
    // The probe never creates the topic it asks about.
    expect(snapshot.artifacts.topics.ok && snapshot.artifacts.topics.value.some((t) => t.name.startsWith('kafka-readiness-visibility-probe'))).toBe(false);
  });
});
