// The GitHub Actions example (examples/github-actions/kafka-readiness.yml) run for real: its `run:` steps,
// installing the package from the tarball `npm pack` makes of this checkout (into a temporary npm prefix, not
// the machine's), against the seeded test cluster over SASL_SSL. Also
// `diff` on two real scans before and after seeding a new fault.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { Admin } from '@platformatic/kafka';
import { parseReadinessConfig } from '../../src/config/readiness.js';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { cluster, runCli } from './cluster-context.js';

const c = cluster();

describe('the GitHub Actions example', () => {
  it('runs the workflow steps: install from the packed tarball, scan (gated), job summary, and files for SARIF upload and JUnit publishing', async () => {
    const workflow = parse(readFileSync(path.join(c.root, 'examples/github-actions/kafka-readiness.yml'), 'utf8')) as { jobs: { scan: { steps: { name?: string; run?: string; uses?: string }[] } } };
    const steps = workflow.jobs.scan.steps.filter((s) => s.run);
    expect(steps.map((s) => s.name)).toEqual(['Install kafka-readiness', 'Scan', 'Job summary', 'Leave waived findings out of code scanning']);
    const work = mkdtempSync(path.join(c.workDir, 'gha-'));
    // The tarball of this checkout (global setup has just compiled dist/, so the build on pack is skipped).
    const packed = JSON.parse(execFileSync('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', work], { cwd: c.root, encoding: 'utf8' })) as { filename: string }[];
    const prefix = path.join(work, 'npm-global');
    const summary = path.join(work, 'summary.md');
    const env = {
      ...process.env,
      // `npm install --global` installs into this prefix; its bin/ comes first on PATH, as on a runner.
      npm_config_prefix: prefix,
      npm_config_prefer_offline: 'true',
      KAFKA_READINESS_PACKAGE: path.join(work, packed[0]!.filename),
      PATH: `${path.join(prefix, 'bin')}:${process.env.PATH}`,
      NO_COLOR: '1',
      KAFKA_READINESS_BOOTSTRAP: c.tls.saslSslBootstrap,
      KAFKA_READINESS_USERNAME: c.admin.username,
      KAFKA_READINESS_PASSWORD: c.admin.password,
      // Runners trust public CAs; the test cluster's CA is added the same way Node always allows.
      NODE_EXTRA_CA_CERTS: c.tls.caCert,
      GITHUB_STEP_SUMMARY: summary,
    };
    // Asynchronous: installing takes a while and the test worker must keep answering vitest meanwhile.
    const install = await new Promise<{ status: number | null; stderr: string }>((resolve, reject) => {
      const child = spawn('bash', ['-e', '-c', steps[0]!.run!], { cwd: work, env, stdio: ['ignore', 'ignore', 'pipe'], timeout: 240_000 });
      let stderr = '';
      child.stderr.on('data', (d) => (stderr += d));
      child.on('error', reject);
      child.on('close', (status) => resolve({ status, stderr }));
    });
    expect(install.status, install.stderr).toBe(0);
    expect(execFileSync('bash', ['-c', 'command -v kafka-readiness'], { env, encoding: 'utf8' }).trim()).toBe(path.join(prefix, 'bin', 'kafka-readiness'));
    const results = steps.slice(1).map((s) => spawnSync('bash', ['-e', '-c', s.run!], { cwd: c.root, env, encoding: 'utf8', timeout: 120_000 }));
    // The seeded cluster has critical findings: the gated scan step fails the job, as it should; `if: always()` steps still run.
    expect(results[0]!.status, results[0]!.stderr).toBe(1);
    expect(results[1]!.status).toBe(0);
    expect(results[2]!.status, results[2]!.stderr).toBe(0);
    expect(JSON.parse(readFileSync(path.join(c.root, 'reports/code-scanning.sarif'), 'utf8')).runs[0].results.length).toBeGreaterThan(0);
    for (const ext of ['txt', 'json', 'junit.xml', 'sarif', 'md']) expect(existsSync(path.join(c.root, 'reports', `report.${ext}`)), ext).toBe(true);
    const report = JSON.parse(readFileSync(path.join(c.root, 'reports/report.json'), 'utf8'));
    expect(report.gate).toMatchObject({ passed: false, decidedBy: 'fail-on' });
    expect(report.summary.profile.name).toBe('production');
    // The external plugin from examples/ ran and shows in every format.
    const plugin = report.checks.find((x: { id: string }) => x.id === 'naming/topic-domain-prefix');
    expect(plugin).toMatchObject({ origin: './plugins/topic-naming.mjs' });
    expect(plugin.findings.map((f: { resource: { name: string } }) => f.resource.name)).toContain('scratch.single-replica');
    for (const ext of ['txt', 'junit.xml', 'sarif']) expect(readFileSync(path.join(c.root, 'reports', `report.${ext}`), 'utf8'), ext).toContain('naming/topic-domain-prefix');
    // The Markdown job summary caps findings (built-in areas first): the plugin shows there, or the cap says where the rest are.
    const md = readFileSync(path.join(c.root, 'reports', 'report.md'), 'utf8');
    if (!md.includes('naming/topic-domain-prefix')) expect(md).toMatch(/… \d+ more in the JSON report\./);
    const sarif = JSON.parse(readFileSync(path.join(c.root, 'reports/report.sarif'), 'utf8'));
    const pluginResult = sarif.runs[0].results.find((r: { ruleId: string }) => r.ruleId === 'naming/topic-domain-prefix');
    expect(pluginResult.locations[0].physicalLocation.artifactLocation.uri).toBe('examples/readiness.yaml');
    expect(pluginResult.locations[0].physicalLocation.region.startLine).toBeGreaterThan(1);
    expect(readFileSync(summary, 'utf8')).toMatch(/^### Kafka readiness: NOT-READY/);
    // …and in the HTML report too (the workflow does not render it).
    const html = spawnSync('node', [path.join(c.root, 'bin/kafka-readiness.js'), 'scan', '-c', 'examples/readiness.yaml', '--security-protocol', 'SASL_SSL', '--sasl-mechanism', 'SCRAM-SHA-512', '--format', 'html', '-o', path.join(work, 'report.html')], { cwd: c.root, env, encoding: 'utf8' });
    expect(html.status, html.stderr).toBe(1);
    expect(readFileSync(path.join(work, 'report.html'), 'utf8')).toContain('naming/topic-domain-prefix');
    rmSync(work, { recursive: true, force: true });
  }, 400_000);
});

describe('init and checks --explain', () => {
  it('init writes a starter readiness.yaml from the live cluster that loads, and refuses to overwrite', async () => {
    const dir = mkdtempSync(path.join(c.workDir, 'init-'));
    const file = path.join(dir, 'readiness.yaml');
    const run = await runCli(['init', '-o', file, '--command-config', c.adminProps]);
    expect(run.code, run.stderr).toBe(0);
    const text = readFileSync(file, 'utf8');
    // Written by the YAML serializer: assert on what loads, not on its quoting style.
    const loaded = parseReadinessConfig(text, file);
    expect(loaded.policy.topicPolicies.map((p) => p.topics[0])).toContain('cases.*');
    expect(loaded.policy.principals['User:billing']).toEqual([]);
    expect(text).toMatch(/consumer group\(s\) found: .*cases-processor/);
    expect((await runCli(['checks', '-c', file])).code).toBe(0);
    expect((await runCli(['init', '-o', file])).code).toBe(2);
  });

  it('checks --explain prints one check in full, and names close ids for a typo', async () => {
    const run = await runCli(['checks', '--explain', 'replication/zone-loss']);
    expect(run.stdout).toMatch(/^replication\/zone-loss — Losing any one zone keeps every partition writable/);
    expect(run.stdout).toContain('Fix: ');
    expect(run.stdout).toContain('References:');
    const typo = await runCli(['checks', '--explain', 'replication/zone-los']);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toMatch(/unknown check "replication\/zone-los"/);
  });
});

describe('diff on two real scans', () => {
  it('lists exactly the newly seeded fault as new', async () => {
    const dir = mkdtempSync(path.join(c.workDir, 'diff-'));
    const before = path.join(dir, 'before.json');
    const after = path.join(dir, 'after.json');
    expect((await runCli(['scan', '--command-config', c.adminProps, '-c', c.readinessYaml, '-o', before, '--format', 'json'])).code).toBe(0);
    const admin = new Admin({ clientId: 'diff-test', bootstrapBrokers: c.saslBootstrap.split(','), sasl: { mechanism: 'SCRAM-SHA-512', username: c.admin.username, password: c.admin.password } });
    try {
      // The new fault: unclean leader election switched on for an existing, well-configured topic.
      await admin.alterConfigs({ resources: [{ resourceType: 2, resourceName: 'benefits.payments', configs: [{ name: 'unclean.leader.election.enable', value: 'true' }, { name: 'retention.ms', value: String(30 * 86_400_000) }, { name: 'message.timestamp.after.max.ms', value: '3600000' }] }] });
      await new Promise((r) => setTimeout(r, 1500));
      expect((await runCli(['scan', '--command-config', c.adminProps, '-c', c.readinessYaml, '-o', after, '--format', 'json'])).code).toBe(0);
      const diff = await runCli(['diff', before, after, '--format', 'json']);
      const d = JSON.parse(diff.stdout);
      expect(d.newFindings.map((f: { check: string; resource: string }) => `${f.check} ${f.resource}`)).toEqual(['replication/unclean-leader-election topic benefits.payments']);
      expect(d.fixedFindings).toEqual([]);
      expect((await runCli(['diff', before, after, '--fail-on-new'])).code).toBe(1);
      // A scan gated on new findings only fails for this one, not for the seeded debt.
      const gated = await runCli(['scan', '--command-config', c.adminProps, '-c', c.readinessYaml, '--baseline', before, '--fail-on-new', '--format', 'json']);
      expect(gated.code).toBe(1);
      // The coverage rule always applies (and passes here); the new finding decides.
      expect(JSON.parse(gated.stdout).gate).toMatchObject({ decidedBy: 'new-findings', rules: [{ rule: 'min-coverage', passed: true }, { rule: 'new-findings', message: expect.stringMatching(/^1 finding\(s\) not in the baseline/) }] });
      const again = await runCli(['scan', '--command-config', c.adminProps, '-c', c.readinessYaml, '--baseline', after, '--fail-on-new', '--format', 'json']);
      expect(again.code, JSON.stringify(JSON.parse(again.stdout).gate)).toBe(0);
    } finally {
      await admin.alterConfigs({ resources: [{ resourceType: 2, resourceName: 'benefits.payments', configs: [{ name: 'retention.ms', value: String(30 * 86_400_000) }, { name: 'message.timestamp.after.max.ms', value: '3600000' }] }] });
      await admin.close();
    }
  });
});
