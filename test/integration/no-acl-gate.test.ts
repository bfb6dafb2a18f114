// The gate fails closed on the real cluster: a SCRAM principal with no ACLs at all can see almost nothing, so
// its scan must not pass a CI gate (the README's `--fail-on critical`, or `--fail-under 90`) on the little it
// sees. The verdict says not-assessable and the coverage rule decides exit code 1.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { javaCli } from '../cluster/cluster.mjs';
import type { Report } from '../../src/report/model.js';
import { cluster, runCli } from './cluster-context.js';

const c = cluster();
const user = `no-acl-${process.pid}`;
const password = randomBytes(12).toString('hex');
let dir: string;
let props: string;

const configCommand = (args: string[]) =>
  javaCli('ConfigCommand', ['--bootstrap-server', c.saslBootstrap, '--command-config', c.adminProps, ...args, '--entity-type', 'users', '--entity-name', user], { version: c.harness.version, dir: c.harness.dir });

beforeAll(async () => {
  dir = mkdtempSync(path.join(c.workDir, 'no-acl-'));
  await configCommand(['--alter', '--add-config', `SCRAM-SHA-512=[iterations=8192,password=${password}]`]);
  props = path.join(dir, 'no-acl.properties');
  writeFileSync(
    props,
    [`bootstrap.servers=${c.saslBootstrap}`, 'security.protocol=SASL_PLAINTEXT', 'sasl.mechanism=SCRAM-SHA-512', `sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="${user}" password="${password}";`, ''].join('\n'),
  );
  // The credential reaches every broker through the metadata log: wait until a scan can log in.
  for (let i = 0; i < 20; i++) {
    const probe = await runCli(['scan', '--command-config', props, '--format', 'json', '--min-coverage', '0']);
    if (probe.code !== 3) break;
    await new Promise((r) => setTimeout(r, 500));
  }
}, 180_000);

afterAll(async () => {
  await configCommand(['--alter', '--delete-config', 'SCRAM-SHA-512']);
}, 120_000);

describe('a principal with no ACLs: the gate fails closed', () => {
  it('--fail-on critical: exit 1, verdict not-assessable, decided by min-coverage', async () => {
    const run = await runCli(['scan', '--command-config', props, '--fail-on', 'critical', '--format', 'json', '-o', path.join(dir, 'report.json'), '--snapshot-out', path.join(dir, 'snap.json')]);
    expect(run.stderr).not.toMatch(/internal error/);
    expect(run.code, run.stderr).toBe(1);
    const report = JSON.parse(readFileSync(path.join(dir, 'report.json'), 'utf8')) as Report;
    expect(report.snapshot.target.principal).toBe(user);
    expect(report.summary.coverage).toBeLessThan(50);
    expect(report.summary.verdict).toBe('not-assessable');
    expect(report.summary.verdictReasons[0]).toMatch(/coverage [\d.]+ % is below the minimum 50 % \(default minimum coverage\)/);
    expect(report.gate).toMatchObject({ passed: false, decidedBy: 'min-coverage' });
    // What it could see has no critical finding: without the coverage rule this gate would have passed.
    expect(report.gate.rules.find((r) => r.rule === 'fail-on')).toMatchObject({ passed: true });
    expect(report.permissions.missing.length).toBeGreaterThan(0);
    process.stderr.write(`[no-acl] coverage ${report.summary.coverage} %, score ${report.summary.score}, verdict ${report.summary.verdict}\n`);
  });

  it('--fail-under 90: exit 1 as well, and the text report says NOT-ASSESSABLE', async () => {
    const run = await runCli(['scan', '--command-config', props, '--fail-under', '90']);
    expect(run.code, run.stderr).toBe(1);
    expect(run.stdout).toMatch(/Verdict\s+NOT-ASSESSABLE/);
    expect(run.stdout).toMatch(/Gate: FAILED — coverage [\d.]+ % is below default minimum coverage 50 %: not assessable/);
  });

  it('profiles raise the minimum; only an explicit --min-coverage 0 opts out', async () => {
    const snap = path.join(dir, 'snap.json');
    const prod = await runCli(['evaluate', snap, '--profile', 'production', '--format', 'json']);
    expect(prod.code).toBe(1);
    expect(JSON.parse(prod.stdout).gate.rules[0]).toMatchObject({ rule: 'min-coverage', passed: false, origin: 'profile production' });
    const optOut = await runCli(['evaluate', snap, '--min-coverage', '0', '--fail-on', 'critical', '--format', 'json']);
    expect(JSON.parse(optOut.stdout).summary.verdict).not.toBe('not-assessable');
    expect(optOut.code).toBe(0);
  });
});
