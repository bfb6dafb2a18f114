// The tool's own TLS options against the real TLS listeners (certificates made when the cluster started):
// SASL_SSL with a PEM truststore, mutual TLS with a PEM keystore (plain and encrypted key), rejected
// certificates, and the listener checks on the secure baseline.
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/report/model.js';
import { cluster, runCli } from './cluster-context.js';

const c = cluster();

async function scanJson(args: string[]): Promise<Report> {
  const run = await runCli(['scan', ...args, '--format', 'json']);
  expect(run.code, run.stderr).toBe(0);
  return JSON.parse(run.stdout) as Report;
}

describe('connecting over TLS', () => {
  it('scans over SASL_SSL with a PEM truststore from the properties file', async () => {
    const r = await scanJson(['--command-config', c.tls.adminSaslSslProps]);
    expect(r.snapshot.target).toMatchObject({ securityProtocol: 'SASL_SSL', saslMechanism: 'SCRAM-SHA-512', principal: 'admin' });
    expect(r.summary.coverage).toBeGreaterThan(90);
  });

  it('scans over mutual TLS as the certificate principal, with a plain or an encrypted key', async () => {
    for (const props of [c.tls.scannerMtlsProps, c.tls.scannerMtlsEncryptedKeyProps]) {
      const r = await scanJson(['--command-config', props]);
      expect(r.snapshot.target).toMatchObject({ securityProtocol: 'SSL', saslMechanism: null, principal: 'CN=scanner,OU=clients,O=kafka-readiness-test' });
      expect(r.cluster.topics).toBeGreaterThan(10); // User:scanner was granted a read-only scan
      expect(r.permissions.missing).toEqual([]);
    }
  });

  it('takes TLS files from flags as well', async () => {
    const r = await scanJson(['-b', c.tls.sslBootstrap, '--security-protocol', 'SSL', '--ca-file', c.tls.caCert, '--cert-file', c.tls.clientKey.replace(/scanner\.key$/, 'scanner.pem'), '--key-file', c.tls.clientKey]);
    expect(r.cluster.brokers).toBe(3);
  });

  it('exits 3 with a one-line reason for a certificate from another CA, or none', async () => {
    for (const props of [c.tls.intruderMtlsProps, c.tls.noClientCertProps]) {
      const run = await runCli(['scan', '--command-config', props, '--timeout', '10s']);
      expect(run.code, run.stderr).toBe(3);
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
      expect(run.stderr).toMatch(/cannot connect to the cluster/);
    }
  });

  it('exits 3 when the server certificate is not trusted', async () => {
    const run = await runCli(['scan', '-b', c.tls.saslSslBootstrap, '--security-protocol', 'SASL_SSL', '--sasl-mechanism', 'SCRAM-SHA-512', '--username', 'admin', '--password-env', 'PW', '--timeout', '10s'], { env: { PW: c.admin.password } });
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(/self[- ]signed|unable to (get|verify)|certificate/i);
  });
});

describe('listener checks on the secure baseline', () => {
  it('the TLS listeners pass; only the PLAINTEXT and SASL_PLAINTEXT contrast listeners are reported', async () => {
    const r = await scanJson(['--command-config', c.tls.adminSaslSslProps]);
    const plain = r.checks.find((x) => x.id === 'acl/plaintext-listeners')!;
    expect(new Set(plain.findings.map((f) => f.resource.name.split(' ').pop()))).toEqual(new Set(['PLAINTEXT', 'SASL_PLAINTEXT']));
    expect(plain.counts.pass).toBe(12); // SSL, SASL_SSL and the two OAUTHBEARER listeners (SASL_SSL) on three brokers
    expect(r.checks.find((x) => x.id === 'acl/tls-settings')).toMatchObject({ status: 'pass' });
  });
});

describe('no private key or key password in any output', () => {
  it('an mTLS scan in every format, and its snapshot, never contain the key material', async () => {
    const dir = mkdtempSync(path.join(c.workDir, 'tls-secrets-'));
    const run = await runCli(['scan', '--command-config', c.tls.scannerMtlsEncryptedKeyProps, '--format', 'text,json,html,markdown', '--out-dir', dir, '--snapshot-out', path.join(dir, 'snapshot.json'), '-v']);
    expect(run.code, run.stderr).toBe(0);
    const key = readFileSync(c.tls.clientKey, 'utf8');
    const keyBody = key.split('\n').filter((l) => l && !l.startsWith('-----')).slice(0, 3);
    const outputs = [run.stdout, run.stderr, ...readdirSync(dir).map((f) => readFileSync(path.join(dir, f), 'utf8'))];
    expect(readdirSync(dir).sort()).toEqual(['report.html', 'report.json', 'report.md', 'report.txt', 'snapshot.json']);
    for (const out of outputs) {
      expect(out).not.toContain('PRIVATE KEY');
      for (const line of keyBody) expect(out.includes(line)).toBe(false);
      expect(out.includes(c.tls.keyPassword)).toBe(false);
    }
  });
});
