// End-to-end scans of the real cluster seeded by global-setup: every seeded fault is reported with its
// resource and evidence, the well-configured topics are clean, and missing permissions become `unknown`.
import { mkdtempSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error plain JavaScript seed script without type declarations
import { SEEDED_FAULTS, WELL_CONFIGURED_TOPICS } from '../../scripts/seed.mjs';
import { defaultConfig } from '../../src/config/readiness.js';
import { buildRegistry } from '../../src/engine/registry.js';
import { evaluateSnapshot, readSnapshotFile } from '../../src/pipeline.js';
import type { Report } from '../../src/report/model.js';
import type { Snapshot } from '../../src/gather/snapshot.js';
import { cluster, runCli } from './cluster-context.js';

const c = cluster();
let report: Report;
let snapshot: Snapshot;
let scanOut: { stdout: string; stderr: string; code: number | null; ms: number };

beforeAll(async () => {
  const dir = mkdtempSync(path.join(c.workDir, 'scan-'));
  scanOut = await runCli(['scan', '--command-config', c.adminProps, '-c', c.readinessYaml, '--format', 'text,json', '--out-dir', dir, '--snapshot-out', path.join(dir, 'snapshot.json')]);
  expect(scanOut.stderr).not.toMatch(/internal error/);
  expect(scanOut.code).toBe(0);
  report = JSON.parse(readFileSync(path.join(dir, 'report.json'), 'utf8')) as Report;
  snapshot = await readSnapshotFile(path.join(dir, 'snapshot.json'));
  process.stderr.write(`[scan] ${snapshot.stats.totalRequests} requests in ${snapshot.stats.durationMs} ms against Kafka ${c.version}\n`);
});

function findings(checkId: string) {
  const check = report.checks.find((ch) => ch.id === checkId);
  expect(check, `check ${checkId} in report`).toBeDefined();
  return check!.findings;
}

describe(`scan of the seeded cluster over SASL/SCRAM with a properties file`, () => {
  it('identifies the real cluster: id, 3 brokers, 3 racks, KRaft quorum, feature levels', () => {
    expect(report.cluster).toMatchObject({ brokers: 3, racks: ['rack-a', 'rack-b', 'rack-c'] });
    expect(report.cluster.clusterId).toMatch(/^[\w-]{22}$/);
    expect(snapshot.artifacts.quorum).toMatchObject({ ok: true, value: { voters: expect.arrayContaining([expect.objectContaining({ id: 1 })]) } });
    const av = snapshot.artifacts.apiVersions;
    expect(av.ok).toBe(true);
    if (av.ok) {
      expect(Object.keys(av.value.brokers)).toEqual(['1', '2', '3']);
      const mv = av.value.brokers['1']!.finalizedFeatures.find((f) => f.name === 'metadata.version');
      expect(mv?.max).toBeGreaterThanOrEqual(21);
    }
    expect(snapshot.target).toEqual({ bootstrap: c.saslBootstrap.split(','), securityProtocol: 'SASL_PLAINTEXT', saslMechanism: 'SCRAM-SHA-512', principal: 'admin' });
  });

  it('has score, per-area scores, coverage, verdict and requests per API in the JSON', () => {
    expect(report.reportVersion).toBe(1);
    expect(report.summary.score).toBeGreaterThan(0);
    expect(report.summary.score).toBeLessThan(100);
    // super.users and allow.everyone.if.no.acl.found are hidden by Apache Kafka: those two checks are unknown.
    expect(report.summary.coverage).toBeGreaterThan(90);
    expect(report.summary.coverage).toBeLessThan(100);
    expect(report.summary.verdict).toBe('not-ready');
    expect(report.areas.map((a) => a.area)).toEqual(['compatibility', 'replication', 'retention', 'acl', 'consumer-lag', 'cost', 'governance', 'migration', 'attestation']);
    // Without attestations in readiness.yaml (and no profile requiring them) the scorecard area is not applicable;
    // governance judges only the naming and owners rules a readiness.yaml states, and this scan has none;
    // migration compares two clusters (compare), which a scan never does.
    for (const a of report.areas.filter((x) => !['attestation', 'governance', 'migration'].includes(x.area))) expect(a.score).not.toBeNull();
    expect(report.areas.find((x) => x.area === 'governance')!.score).toBeNull();
    expect(report.areas.find((x) => x.area === 'migration')!.score).toBeNull();
    const req = report.snapshot.stats.requests;
    for (const api of ['ApiVersions', 'Metadata', 'DescribeConfigs', 'DescribeAcls', 'DescribeLogDirs', 'ListOffsets', 'ListGroups', 'OffsetFetch', 'DescribeQuorum', 'DescribeCluster']) {
      expect(req[api], api).toBeGreaterThan(0);
    }
    expect(req.SaslAuthenticate).toBeGreaterThan(0);
    expect(report.snapshot.stats.totalRequests).toBe(Object.values(req).reduce((a, b) => a + b, 0));
  });

  it('validates against the published JSON Schema', () => {
    const schema = JSON.parse(readFileSync(path.join(c.root, 'schema', 'report.schema.json'), 'utf8'));
    const ajv = new Ajv({ allErrors: true, strict: true });
    addFormats.default(ajv);
    const validate = ajv.compile(schema);
    expect(validate(report), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
  });

  it.each(SEEDED_FAULTS as { check: string; kind: string; name: string; observed?: unknown; source?: string; status?: string }[])(
    'reports $check on $kind $name with evidence',
    (fault) => {
      const f = findings(fault.check).find((x) => x.resource.kind === fault.kind && x.resource.name === fault.name);
      expect(f, `${fault.check} finding for ${fault.name}`).toBeDefined();
      expect(f!.message.length).toBeGreaterThan(10);
      expect(f!.evidence?.expected).toBeTruthy();
      if (fault.observed !== undefined) expect(f!.evidence?.observed).toEqual(fault.observed);
      if (fault.source) expect(f!.evidence?.source).toBe(fault.source);
      if (fault.status) expect(f!.status).toBe(fault.status);
    },
  );

  it('reports the group whose committed offset fell behind the log start with the missed records', () => {
    const f = findings('consumer-lag/committed-below-log-start').find((x) => x.resource.name === 'benefits-auditor')!;
    expect(f.message).toMatch(/^140 record\(s\) on 1 partition/);
    expect(f.severity).toBe('critical');
  });

  it('reports nothing about the well-configured topics, partitions or their up-to-date groups', () => {
    const names = new Set<string>(WELL_CONFIGURED_TOPICS);
    const about = report.checks.flatMap((ch) =>
      ch.findings
        .filter((f) => names.has(f.resource.name) || names.has(f.resource.name.replace(/-\d+$/, '')) || ['cases-processor', 'payments-ledger'].includes(f.resource.name))
        .map((f) => `${ch.id}: ${f.resource.name}: ${f.message}`),
    );
    expect(about).toEqual([]);
    // …and those topics were really evaluated, not skipped.
    const rf = report.checks.find((ch) => ch.id === 'replication/replication-factor')!;
    expect(rf.counts.resources).toBeGreaterThanOrEqual(WELL_CONFIGURED_TOPICS.length);
  });

  it('prints the report on screen with the verdict and the seeded faults', () => {
    expect(scanOut.stdout).toMatch(/Verdict {2}NOT-READY/);
    expect(scanOut.stdout).toContain('scratch.single-replica');
    expect(scanOut.stdout).toContain('Formula:');
  });

  it('evaluates the saved snapshot offline to the same result', async () => {
    const dir = mkdtempSync(path.join(c.workDir, 'eval-'));
    const snap = path.join(dir, 'snap.json');
    const gathered = await runCli(['gather', '--command-config', c.adminProps, '-o', snap]);
    expect(gathered.code).toBe(0);
    const evaluated = await runCli(['evaluate', snap, '-c', c.readinessYaml, '--format', 'json']);
    expect(evaluated.code).toBe(0);
    const offline = JSON.parse(evaluated.stdout) as Report;
    const key = (r: Report) => r.checks.map((ch) => [ch.id, ch.status, ch.findings.map((f) => f.resource.name).sort()]);
    expect(key(offline)).toEqual(key(report));
  });
});

describe('profiles on the same real snapshot', () => {
  it('--profile dev and --profile production give different verdicts, and the report says why', async () => {
    const dir = mkdtempSync(path.join(c.workDir, 'profiles-'));
    const snap = path.join(dir, 'snap.json');
    expect((await runCli(['gather', '--command-config', c.adminProps, '-o', snap])).code).toBe(0);
    const verdict = async (profile: string) => JSON.parse((await runCli(['evaluate', snap, '--profile', profile, '--format', 'json'])).stdout) as Report;
    const dev = await verdict('dev');
    const prod = await verdict('production');
    expect(dev.summary.profile?.name).toBe('dev');
    expect(prod.summary.profile?.name).toBe('production');
    expect(dev.summary.verdict).toBe('ready-with-risks');
    expect(prod.summary.verdict).toBe('not-ready');
    expect(prod.summary.verdictReasons[0]).toMatch(/critical finding\(s\)/);
    expect(dev.summary.verdictReasons.join(' ')).toMatch(/from profile dev: development clusters/);
    expect(prod.summary.verdictReasons.join(' ')).toMatch(/from profile production/);
    // Production also fails its default gate (fail-on critical); dev has no gate.
    expect(prod.gate).toMatchObject({ passed: false, decidedBy: 'fail-on' });
    expect(dev.gate.passed).toBe(true);
  });
});

describe('scan as a principal without DESCRIBE_CONFIGS on the Cluster', () => {
  let limited: Report;
  beforeAll(async () => {
    const run = await runCli(['scan', '--command-config', c.aliceProps, '--format', 'json']);
    expect(run.code).toBe(0);
    limited = JSON.parse(run.stdout) as Report;
  });

  it('marks the checks that need broker configs unknown with the reason', () => {
    const needBrokerConfigs = ['acl/authorizer-enabled', 'acl/allow-everyone-if-no-acl', 'acl/super-users', 'acl/plaintext-listeners', 'retention/offsets-retention'];
    for (const id of needBrokerConfigs) {
      const ch = limited.checks.find((x) => x.id === id)!;
      expect(ch.status, id).toBe('unknown');
      expect(ch.score).toBeNull();
      expect(ch.reason).toMatch(/brokerConfigs denied .*CLUSTER_AUTHORIZATION_FAILED/);
    }
    expect(limited.gaps.find((g) => g.artifact === 'brokerConfigs')).toMatchObject({ error: { reason: 'denied', api: 'DescribeConfigs' } });
  });

  it('lowers coverage and neither rewards nor punishes the score for them', async () => {
    expect(limited.summary.coverage).toBeLessThan(report.summary.coverage);
    expect(limited.summary.coverage).toBeLessThan(80);
    expect(limited.summary.verdictReasons.join(' ')).toMatch(/coverage .* is below 80 %/);
    // Same cluster data with broker configs missing ⇔ the same checks switched off: identical score.
    const registry = await buildRegistry(defaultConfig());
    const denied: Snapshot = structuredClone(snapshot);
    denied.artifacts.brokerConfigs = { ok: false, error: { reason: 'denied', message: 'DescribeConfigs failed with CLUSTER_AUTHORIZATION_FAILED', api: 'DescribeConfigs' } };
    const withUnknown = evaluateSnapshot(denied, { config: defaultConfig(), registry });
    const off = defaultConfig();
    for (const ch of withUnknown.checks.filter((x) => x.status === 'unknown')) off.checks[ch.id] = { enabled: false };
    const withDisabled = evaluateSnapshot(snapshot, { config: off, registry });
    expect(withUnknown.summary.score).toBe(withDisabled.summary.score);
    expect(withUnknown.summary.coverage).toBeLessThan(100);
  });
});
