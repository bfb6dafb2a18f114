import { describe, expect, it } from 'vitest';
import leastPrivilege from '../../checks/acl/least-privilege.js';
import { defaultConfig, parseReadinessConfig } from '../../src/config/readiness.js';
import { evaluateChecks } from '../../src/engine/evaluate.js';
import { buildRegistry } from '../../src/engine/registry.js';
import { buildReport } from '../../src/engine/score.js';
import { evaluateSnapshot } from '../../src/pipeline.js';
import { renderText } from '../../src/report/renderers/text.js';
import { makeSnapshot, topicInfo } from '../helpers/snapshot.js';

const rf1 = () => makeSnapshot({ topics: { ok: true, value: [topicInfo('orders', [{ replicas: [1, 2, 3] }]), topicInfo('scratch.load', [{ replicas: [1] }])] } });
const waiverYaml = (expires: string) => `
waivers:
  - check: replication/replication-factor
    resource: "scratch.*"
    reason: load-test topic, deleted before launch
    owner: platform-team
    ticket: PLAT-101
    expires: ${expires}
  - check: acl/super-users
    resource: "*"
    reason: never matches anything in this test
    owner: security
    ticket: SEC-7
    expires: 2099-01-01
`;

describe('waivers', () => {
  it('an active waiver shows the finding, leaves it out of the score and the verdict', async () => {
    const config = parseReadinessConfig(waiverYaml('2099-12-31'), 'r.yaml');
    const report = evaluateSnapshot(rf1(), { config, registry: await buildRegistry(config) }, { generatedAt: '2026-11-22T12:00:00Z' });
    const rf = report.checks.find((c) => c.id === 'replication/replication-factor')!;
    expect(rf).toMatchObject({ status: 'waived', score: 100, counts: { resources: 1, pass: 1, fail: 0, waived: 1 } });
    expect(rf.findings[0]).toMatchObject({ resource: { name: 'scratch.load' }, waiver: { index: 0, owner: 'platform-team', ticket: 'PLAT-101', expires: '2099-12-31' } });
    expect(report.waivers.map((w) => [w.state, w.matched, w.at])).toEqual([['active', 1, 'r.yaml:3:5'], ['unused', 0, 'r.yaml:9:5']]);
    expect(report.gate.passed).toBe(true);
    expect(report.summary.verdictReasons.join(' ')).not.toContain('replication-factor');
    const text = renderText(report, { color: false });
    expect(text).toMatch(/\[0\] active replication\/replication-factor on "scratch\.\*" — load-test topic/);
    expect(text).toMatch(/waived \[0\] replication\/replication-factor: topic scratch\.load/);
  });

  it('an expired waiver stops applying and fails the gate, naming the waiver', async () => {
    const config = parseReadinessConfig(waiverYaml('2026-11-01'), 'r.yaml');
    const report = evaluateSnapshot(rf1(), { config, registry: await buildRegistry(config) }, { generatedAt: '2026-11-22T12:00:00Z' });
    const rf = report.checks.find((c) => c.id === 'replication/replication-factor')!;
    expect(rf.status).toBe('fail');
    expect(rf.findings[0]!.expiredWaiver?.ticket).toBe('PLAT-101');
    expect(report.gate.passed).toBe(false);
    expect(report.gate.reasons[0]).toBe('waiver for replication/replication-factor on "scratch.*" (PLAT-101, owner platform-team) expired on 2026-11-01 (r.yaml:3:5)');
    expect(renderText(report, { color: false })).toMatch(/\[0\] EXPIRED replication\/replication-factor/);
  });

  it('rejects malformed waivers with a location', () => {
    expect(() => parseReadinessConfig('waivers:\n  - { check: a/b, resource: x, reason: short, owner: o, ticket: t, expires: 2026-01-01 }\n', 'w.yaml')).toThrow(/^w\.yaml:2:\d+: .*reason must NOT have fewer than 10 characters/);
    expect(() => parseReadinessConfig('waivers:\n  - { check: a/b, resource: x, reason: long enough reason, owner: o, ticket: t, expires: next week }\n', 'w.yaml')).toThrow(/expires must match pattern/);
  });
});

describe('permission awareness', () => {
  it('names the missing cluster permissions, the checks they cost and the read-only ACLs', async () => {
    const s = makeSnapshot({
      brokerConfigs: { ok: false, error: { reason: 'denied', message: 'DescribeConfigs of broker 1 failed with CLUSTER_AUTHORIZATION_FAILED', api: 'DescribeConfigs' } },
      quotas: { ok: false, error: { reason: 'denied', message: 'DescribeClientQuotas failed with CLUSTER_AUTHORIZATION_FAILED', api: 'DescribeClientQuotas' } },
    });
    const report = evaluateSnapshot(s, { config: defaultConfig(), registry: await buildRegistry(defaultConfig()) });
    expect(report.permissions.principal).toBe('User:scanner');
    expect(report.permissions.missing).toHaveLength(1);
    expect(report.permissions.missing[0]).toMatchObject({ permission: 'DESCRIBE_CONFIGS on Cluster', artifacts: ['brokerConfigs', 'quotas'] });
    expect(report.permissions.missing[0]!.checks).toEqual(expect.arrayContaining(['acl/authorizer-enabled', 'acl/client-quotas']));
    const missingAcl = report.permissions.readOnlyAcls.filter((a) => a.missing);
    expect(missingAcl.map((a) => a.command)).toEqual(["kafka-acls.sh --bootstrap-server <bootstrap> --command-config <admin.properties> --add --allow-principal 'User:scanner' --operation DESCRIBE_CONFIGS --cluster"]);
    expect(report.permissions.readOnlyAcls).toHaveLength(5);
  });
});

describe('acl/least-privilege', () => {
  const acl = (principal: string, resourceType: string, patternType: string, resourceName: string, operation: string) => ({ principal, resourceType, patternType, resourceName, operation, permission: 'ALLOW', host: '*' });
  it('lists extra and missing grants per declared principal and flags undeclared ones', () => {
    const config = parseReadinessConfig(
      'principals:\n  "User:billing":\n    - { operations: [READ], topic: "billing.*" }\n    - { operations: [READ], group: "billing-*" }\n  "User:intake":\n    - { operations: [WRITE], topic: intake.events }\n',
      'p.yaml',
    );
    const s = makeSnapshot({
      acls: {
        ok: true,
        value: [
          acl('User:billing', 'TOPIC', 'PREFIXED', 'billing.', 'READ'),
          acl('User:billing', 'GROUP', 'PREFIXED', 'billing-', 'READ'),
          acl('User:billing', 'TOPIC', 'LITERAL', 'billing.invoices', 'DESCRIBE'), // implied by READ on billing.*: not extra
          acl('User:billing', 'TOPIC', 'LITERAL', '*', 'WRITE'), // extra
          acl('User:reporting', 'TOPIC', 'LITERAL', 'billing.invoices', 'READ'), // undeclared principal
        ],
      },
    });
    const [r] = evaluateChecks(s, [{ check: leastPrivilege, origin: 'built-in' }], config);
    const by = Object.fromEntries(r!.findings.map((f) => [f.resource.name, f]));
    expect(by['User:billing']).toMatchObject({ status: 'fail', evidence: { observed: { extraGrants: ['WRITE on TOPIC:LITERAL:*'], missingGrants: [] } } });
    expect(by['User:intake']).toMatchObject({ status: 'warn', evidence: { observed: { extraGrants: [], missingGrants: ['WRITE on TOPIC:intake.events'] } } });
    expect(by['User:reporting']?.message).toMatch(/principal the policy does not declare/);
  });
});
