// Governance checks on the real test cluster: naming rules and ownership from the seeded topics, groups and
// ACLs, plus one ACL this file adds (and removes) so that a topic has two unrelated writers.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { javaCli } from '../cluster/cluster.mjs';
import type { Report } from '../../src/report/model.js';
import { cluster, runCli } from './cluster-context.js';

const c = cluster();
const dir = mkdtempSync(path.join(c.workDir, 'governance-'));
const SECOND_WRITER = `User:gov-second-writer-${process.pid}`;
const acl = (op: '--add' | '--remove') =>
  javaCli('AclCommand', ['--bootstrap-server', c.saslBootstrap, '--command-config', c.adminProps, op, ...(op === '--remove' ? ['--force'] : []), '--allow-principal', SECOND_WRITER, '--operation', 'Write', '--topic', 'intake.events'], c.harness);

const YAML = `version: 1
naming:
  topics:
    allowed: ['/^[a-z]+\\.[a-z0-9-]+$/']
    reservedPrefixes: ['scratch.', 'unused.']
    maxLength: 21
  groups:
    allowed: ['*-processor', '*-ledger', '*-reviewer', '*-auditor']
owners:
  - owner: team-billing
    topics: ['billing.*']
    principals: ['User:billing']
  - owner: team-cases
    topics: ['cases.*']
    groups: ['cases-*']
    principals: ['User:alice']
`;

let report: Report;
const check = (id: string) => report.checks.find((ch) => ch.id === id)!;
const findings = (id: string) => Object.fromEntries(check(id).findings.map((f) => [`${f.resource.kind}:${f.resource.name}`, f.status]));

beforeAll(async () => {
  await acl('--add');
  await new Promise((r) => setTimeout(r, 1500));
  const yaml = path.join(dir, 'readiness.yaml');
  writeFileSync(yaml, YAML);
  const run = await runCli(['scan', '--command-config', c.adminProps, '-c', yaml, '--format', 'json,sarif,junit,markdown,html,text', '--min-coverage', '0', '--out-dir', dir]);
  expect([0, 1], run.stderr).toContain(run.code);
  report = JSON.parse(readFileSync(path.join(dir, 'report.json'), 'utf8')) as Report;
}, 240_000);

afterAll(async () => {
  await acl('--remove').catch(() => {});
}, 120_000);

describe('governance checks on the real cluster', () => {
  it('topic naming: pattern, reserved prefix and length breaches are found; conforming topics are not', () => {
    const f = findings('governance/topic-naming');
    expect(f['topic:scratch.single-replica']).toBe('fail'); // reserved prefix (and too long)
    expect(f['topic:unused.placeholder']).toBe('fail'); // reserved prefix
    expect(f['topic:segments.tiny-index']).toBeUndefined(); // 19 characters, matches
    expect(f['topic:billing.invoices-typo']).toBeUndefined(); // no such topic
    expect(f['topic:cases.events']).toBeUndefined();
    expect(f['topic:benefits.payments']).toBeUndefined();
    expect(f['topic:permits.applications']).toBeUndefined(); // 20 characters
  });

  it('group naming: seeded groups follow the rules', () => {
    expect(check('governance/group-naming').status).toBe('pass');
  });

  it('topic ownership: declared owners pass, two unrelated writers and no writer fail', () => {
    const f = findings('governance/topic-ownership');
    expect(f['topic:billing.invoices']).toBeUndefined(); // declared, written by User:billing only
    expect(f['topic:intake.events']).toBe('fail'); // User:intake-app (prefixed) and the second writer
    expect(f['topic:unused.placeholder']).toBe('fail'); // nobody may write it, nobody declared it
    expect(f['topic:cases.events']).toBe('warn'); // declared for team-cases, but no principal may write it
    const intake = check('governance/topic-ownership').findings.find((x) => x.resource.name === 'intake.events')!;
    expect(intake.evidence?.observed).toMatchObject({ writers: ['User:intake-app', SECOND_WRITER].sort() });
  });

  it('group ownership: the group alice reads with is owned; groups no principal may read with fail', () => {
    const f = findings('governance/group-ownership');
    expect(f['group:cases-processor']).toBeUndefined();
    expect(f['group:payments-ledger']).toBe('fail');
  });

  it('deprecation: without --observe neither check judges; over a window the idle seeded groups are named for review', async () => {
    expect(check('governance/deprecated-topics').status).toBe('not-applicable');
    expect(check('governance/deprecated-groups').status).toBe('not-applicable');
    const out = path.join(dir, 'observed');
    const run = await runCli(['scan', '--command-config', c.adminProps, '-c', path.join(dir, 'readiness.yaml'), '--observe', '4s', '--format', 'json', '--min-coverage', '0', '--out-dir', out], { timeoutMs: 120_000 });
    expect([0, 1], run.stderr).toContain(run.code);
    const observed = JSON.parse(readFileSync(path.join(out, 'report.json'), 'utf8')) as Report;
    const groups = observed.checks.find((x) => x.id === 'governance/deprecated-groups')!;
    // The seeded consumers of these groups committed and left: empty in every sample, offsets unmoved.
    const named = Object.fromEntries(groups.findings.map((f) => [`${f.resource.kind}:${f.resource.name}`, f.status]));
    expect(named['group:cases-processor']).toBe('warn');
    expect(named['group:payments-ledger']).toBe('warn');
    expect(groups.findings.every((x) => x.severity === 'info')).toBe(true);
    expect(observed.checks.find((x) => x.id === 'governance/deprecated-topics')!.status).not.toBe('not-applicable');
  }, 150_000);

  it('every report format carries the governance findings', () => {
    for (const file of ['report.sarif', 'report.junit.xml', 'report.md', 'report.html', 'report.txt']) {
      const text = readFileSync(path.join(dir, file), 'utf8');
      expect(text, file).toContain('governance/topic-ownership');
    }
  });
});
