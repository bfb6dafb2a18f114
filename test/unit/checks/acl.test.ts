import { describe, expect, it } from 'vitest';
import allowEveryone from '../../../checks/acl/allow-everyone-if-no-acl.js';
import authorizer from '../../../checks/acl/authorizer-enabled.js';
import plaintext from '../../../checks/acl/plaintext-listeners.js';
import superUsers from '../../../checks/acl/super-users.js';
import wildcard from '../../../checks/acl/wildcard-principal.js';
import type { ConfigMap } from '../../../src/gather/snapshot.js';
import { cfg, makeSnapshot } from '../../helpers/snapshot.js';
import { findingFor, runCheck } from '../../helpers/run-check.js';

function withBrokerConfig(values: Record<string, string | null>) {
  const s = makeSnapshot();
  const base = (s.artifacts.brokerConfigs as { ok: true; value: Record<string, ConfigMap> }).value['1']!;
  const c = { ...base, ...cfg(values, 'static-broker') };
  s.artifacts.brokerConfigs = { ok: true, value: { '1': c } };
  return s;
}

describe('acl/authorizer-enabled', () => {
  it('fails without an authorizer and passes StandardAuthorizer', () => {
    expect(runCheck(authorizer, makeSnapshot()).status).toBe('pass');
    const r = runCheck(authorizer, withBrokerConfig({ 'authorizer.class.name': '' }));
    expect(r.status).toBe('fail');
    expect(r.findings[0]!.evidence).toMatchObject({ config: 'authorizer.class.name', source: 'static-broker' });
  });
  it('becomes unknown (not pass) when broker configs are denied', () => {
    const s = makeSnapshot({ brokerConfigs: { ok: false, error: { reason: 'denied', message: 'DescribeConfigs failed with CLUSTER_AUTHORIZATION_FAILED', api: 'DescribeConfigs' } } });
    const r = runCheck(authorizer, s);
    expect(r.status).toBe('unknown');
    expect(r.missing?.[0]).toMatchObject({ artifact: 'brokerConfigs', error: { reason: 'denied' } });
  });
});

describe('acl/allow-everyone-if-no-acl', () => {
  it('fails when open', () => {
    expect(runCheck(allowEveryone, withBrokerConfig({ 'allow.everyone.if.no.acl.found': 'true' })).status).toBe('fail');
    expect(runCheck(allowEveryone, makeSnapshot()).status).toBe('pass');
  });
});

describe('acl/super-users', () => {
  it('fails wildcard super users and warns long lists', () => {
    expect(runCheck(superUsers, withBrokerConfig({ 'super.users': 'User:admin;User:*' })).status).toBe('fail');
    const many = runCheck(superUsers, withBrokerConfig({ 'super.users': 'User:a;User:b;User:c;User:d' }));
    expect(many.findings[0]).toMatchObject({ status: 'warn', severity: 'medium' });
  });
});

describe('acl/wildcard-principal', () => {
  const acl = (principal: string, operation: string) => ({
    resourceType: 'TOPIC', resourceName: 'orders', patternType: 'LITERAL', principal, host: '*', operation, permission: 'ALLOW',
  });
  it('fails User:* grants with a severity that depends on the operation', () => {
    const s = makeSnapshot({ acls: { ok: true, value: [acl('User:*', 'WRITE'), acl('User:*', 'READ'), acl('User:billing', 'READ')] } });
    const r = runCheck(wildcard, s);
    expect(r.counts).toEqual({ resources: 3, pass: 1, warn: 0, fail: 2, waived: 0 });
    expect(r.findings.map((f) => f.severity).sort()).toEqual(['high', 'medium']);
  });
  it('is not applicable without ACLs', () => {
    expect(runCheck(wildcard, makeSnapshot()).status).toBe('not-applicable');
  });
});

describe('acl/plaintext-listeners', () => {
  it('fails PLAINTEXT and SASL_PLAINTEXT (critical with PLAIN), ignores the controller listener', () => {
    const s = withBrokerConfig({
      listeners: 'PLAINTEXT://127.0.0.1:1,SASL_PLAINTEXT://127.0.0.1:2,SSL://127.0.0.1:3,CONTROLLER://127.0.0.1:4',
      'listener.security.protocol.map': 'PLAINTEXT:PLAINTEXT,SASL_PLAINTEXT:SASL_PLAINTEXT,SSL:SSL,CONTROLLER:PLAINTEXT',
      'sasl.enabled.mechanisms': 'SCRAM-SHA-512,PLAIN',
    });
    const r = runCheck(plaintext, s);
    expect(r.counts).toEqual({ resources: 3, pass: 1, warn: 0, fail: 2, waived: 0 });
    expect(findingFor(r, 'broker 1 SASL_PLAINTEXT')?.severity).toBe('critical');
  });
});
