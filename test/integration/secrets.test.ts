// A security reviewer must be able to read every output without ever seeing a secret: the scanning
// principal's password, other users' passwords (which sit in the brokers' JAAS configs), or any sensitive
// broker config value.
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { buildConnectionOptions } from '../../src/commands/connection.js';
import { runProbe } from '../../src/gather/probe/run.js';
import { readSnapshotFile } from '../../src/pipeline.js';
import { cluster, runCli } from './cluster-context.js';

const c = cluster();

describe('no secret in any output', () => {
  it('scan in every format, the snapshot, stdout and stderr contain no password or sensitive value', async () => {
    const dir = mkdtempSync(path.join(c.workDir, 'secrets-'));
    const pwFile = path.join(dir, 'pw');
    writeFileSync(pwFile, `${c.admin.password}\n`);
    const runs = [
      await runCli(['scan', '--command-config', c.adminProps, '--format', 'text,json,html,markdown', '--out-dir', dir, '--snapshot-out', path.join(dir, 'snapshot.json'), '-v']),
      await runCli(['scan', '-b', c.saslBootstrap, '--security-protocol', 'SASL_PLAINTEXT', '--sasl-mechanism', 'SCRAM-SHA-512', '--username', 'admin', '--password-file', pwFile, '--format', 'json', '-v']),
      await runCli(['scan', '--command-config', c.aliceProps, '--format', 'text', '-v']),
      await runCli(['gather', '--command-config', c.adminProps, '-o', path.join(dir, 'gathered.json'), '-v']),
    ];
    for (const r of runs) expect(r.code, r.stderr).toBe(0);
    const outputs = [
      ...runs.flatMap((r) => [r.stdout, r.stderr]),
      ...readdirSync(dir).filter((f) => f !== 'pw').map((f) => readFileSync(path.join(dir, f), 'utf8')),
    ];
    const secrets = [c.admin.password, c.alice.password];
    for (const out of outputs) for (const s of secrets) expect(out.includes(s), `secret found in output`).toBe(false);

    // The brokers' listener JAAS configs (which hold every PLAIN password) are in the snapshot only as redacted entries.
    const snapshot = await readSnapshotFile(path.join(dir, 'snapshot.json'));
    const broker1 = snapshot.artifacts.brokerConfigs.ok ? snapshot.artifacts.brokerConfigs.value['1']! : {};
    const jaasKeys = Object.keys(broker1).filter((k) => k.endsWith('sasl.jaas.config'));
    expect(jaasKeys.length).toBeGreaterThan(0);
    for (const k of jaasKeys) expect(broker1[k]).toMatchObject({ value: null, sensitive: true });
    const sensitive = Object.values(broker1 as Record<string, { value: string | null; sensitive: boolean }>).filter((e) => e.sensitive);
    expect(sensitive.every((e) => e.value === null)).toBe(true);
  });

  it('token and cloud credentials: OIDC client secret, access tokens, AWS keys, session token, signed MSK token, Confluent-style secret', async () => {
    const dir = mkdtempSync(path.join(c.workDir, 'secrets-auth-'));
    const secretFile = path.join(dir, 'client-secret');
    writeFileSync(secretFile, `${c.oauth.scanner.clientSecret}\n`);
    const aws = { AWS_ACCESS_KEY_ID: 'AKIAIOSFODNN7EXAMPLE', AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYSECRETKEY', AWS_SESSION_TOKEN: 'IQoJb3JpZ2luX2VjSESSIONTOKENSECRET', AWS_CONFIG_FILE: '/nonexistent', AWS_SHARED_CREDENTIALS_FILE: '/nonexistent' };
    const oidc = (clientSecretArgs: string[]) => ['-b', c.oauth.bootstrap, '--security-protocol', 'SASL_SSL', '--sasl-mechanism', 'OAUTHBEARER', '--ca-file', c.tls.caCert, '--oauth-token-endpoint', c.oauth.tokenEndpoint, '--oauth-client-id', c.oauth.scanner.clientId, ...clientSecretArgs, '--oauth-scope', 'kafka'];
    const ccloudProps = path.join(dir, 'ccloud.properties');
    writeFileSync(ccloudProps, `bootstrap.servers=${c.tls.saslSslBootstrap}\nsecurity.protocol=SASL_SSL\nsasl.mechanisms=PLAIN\nsasl.username=${c.ccloud.username}\nsasl.password=${c.ccloud.password}\nssl.ca.location=${c.tls.caCert}\n`);
    const ok = [
      await runCli(['scan', ...oidc(['--oauth-client-secret-file', secretFile]), '--format', 'text,json,html,markdown,junit,sarif', '--out-dir', dir, '--snapshot-out', path.join(dir, 'snapshot.json'), '-v']),
      await runCli(['gather', ...oidc(['--oauth-client-secret-env', 'KR_SECRET']), '-o', path.join(dir, 'gathered.json'), '-v'], { env: { KR_SECRET: c.oauth.scanner.clientSecret } }),
      await runCli(['scan', '--command-config', ccloudProps, '--format', 'json', '-v']),
      // MSK IAM accepted by the test validator: the signed token travels and the scan completes.
      await runCli(['scan', '-b', c.mskIam.bootstrap, '--security-protocol', 'SASL_SSL', '--sasl-mechanism', 'AWS_MSK_IAM', '--aws-region', c.mskIam.region, '--ca-file', c.tls.caCert, '--format', 'json', '--snapshot-out', path.join(dir, 'msk-snapshot.json'), '-v'], {
        env: { ...aws, AWS_ACCESS_KEY_ID: c.mskIam.accessKeyId, AWS_SECRET_ACCESS_KEY: c.mskIam.secretAccessKey },
      }),
    ];
    for (const r of ok) expect(r.code, r.stderr).toBe(0);
    const failing = [
      await runCli(['scan', ...oidc(['--oauth-client-secret-env', 'KR_SECRET']), '-v', '--timeout', '10s'], { env: { KR_SECRET: `${c.oauth.scanner.clientSecret}-wrong` } }),
      await runCli(['scan', '-b', c.oauth.bootstrap, '--security-protocol', 'SASL_SSL', '--sasl-mechanism', 'AWS_MSK_IAM', '--aws-region', 'eu-west-1', '--ca-file', c.tls.caCert, '-v', '--timeout', '10s'], { env: aws }),
    ];
    for (const r of failing) expect(r.code, r.stderr).toBe(3);
    const outputs = [...ok, ...failing].flatMap((r) => [r.stdout, r.stderr]);
    outputs.push(...readdirSync(dir).filter((f) => !['client-secret', 'ccloud.properties'].includes(f)).map((f) => readFileSync(path.join(dir, f), 'utf8')));
    expect(outputs.length).toBeGreaterThan(12);
    const secrets = [c.oauth.scanner.clientSecret, c.ccloud.password, aws.AWS_SECRET_ACCESS_KEY, aws.AWS_SESSION_TOKEN, c.mskIam.secretAccessKey];
    for (const out of outputs) {
      for (const s of secrets) expect(out.includes(s), 'secret found in output').toBe(false);
      // Access tokens (JWTs: base64url header "eyJ…" . payload . signature) and signed MSK tokens (base64url of
      // "https://kafka.…" or the presigned URL itself) never appear either.
      expect(/eyJ[\w-]{10,}\.[\w-]{10,}\.[\w-]+/.test(out), 'access token found in output').toBe(false);
      expect(out.includes('aHR0cHM6Ly9rYWZrYS4') || out.includes('X-Amz-Signature') || out.includes('X-Amz-Security-Token'), 'MSK token found in output').toBe(false);
    }
  }, 180_000);

  it('probe with the in-process clients (@platformatic/kafka, kafkajs) over SASL_SSL/SCRAM: no password in any report format, the snapshot, stdout or stderr', async () => {
    const dir = mkdtempSync(path.join(c.workDir, 'secrets-probe-'));
    // The Java client has its own case below (ps sampled); here it is left out by pointing it at an empty libs dir.
    const noJava = mkdtempSync(path.join(c.workDir, 'secrets-no-java-'));
    const r = await runCli(
      ['probe', '--command-config', c.tls.adminSaslSslProps, '--allow-writes', '--probe-records', '2000', '--probe-consumers', '2', '--format', 'text,json,html,markdown,junit,sarif', '--out-dir', dir, '--snapshot-out', path.join(dir, 'snapshot.json'), '--min-coverage', '0', '-v'],
      { env: { KAFKA_READINESS_JAVA_LIBS: noJava }, timeoutMs: 240_000 },
    );
    expect([0, 1], r.stderr).toContain(r.code);
    // The probe really ran over TLS with SCRAM for both clients (their produce-consume cell passed) and the burst ran.
    const snapshot = await readSnapshotFile(path.join(dir, 'snapshot.json'));
    const probe = snapshot.artifacts.probe.ok ? snapshot.artifacts.probe.value : null;
    expect(probe, JSON.stringify(snapshot.artifacts.probe)).not.toBeNull();
    for (const client of ['platformatic', 'kafkajs']) expect(`${client} ${probe!.cells.find((x) => x.client === client && x.capability === 'produce-consume')?.status}`).toBe(`${client} pass`);
    expect(probe!.clients.find((x) => x.name === 'java')?.available).toBe(false);
    expect(probe!.burst?.ok, JSON.stringify(probe!.burst)).toBe(true);
    const files = readdirSync(dir);
    for (const f of ['report.txt', 'report.json', 'report.html', 'report.md', 'report.junit.xml', 'report.sarif']) {
      expect(files).toContain(f);
      // Each format carries the probe's results (the checks fed by it), so the scan over the reports means something.
      expect(readFileSync(path.join(dir, f), 'utf8'), f).toMatch(/compatibility\/client-matrix|client-matrix/);
    }
    const outputs = [r.stdout, r.stderr, ...files.map((f) => readFileSync(path.join(dir, f), 'utf8'))];
    expect(outputs.join('\n')).toMatch(/probe will create/);
    for (const out of outputs) expect(out.includes(c.admin.password), 'secret found in output').toBe(false);
  }, 260_000);

  it('probe over SASL_SSL OAUTHBEARER (OIDC) with every client, Java included: the client secret and tokens never on a command line (ps), in a report, the snapshot, stdout or stderr', async () => {
    const dir = mkdtempSync(path.join(c.workDir, 'secrets-probe-oidc-'));
    const secretFile = path.join(dir, 'client-secret');
    writeFileSync(secretFile, `${c.oauth.prober.clientSecret}\n`);
    const commandLines = new Set<string>();
    // Samples every process's command line while the probe runs (the JVM is its child), as anyone on the machine could.
    const sampler = setInterval(() => {
      for (const line of execFileSync('ps', ['-eo', 'args'], { encoding: 'utf8' }).split('\n')) if (line.includes('Probe.java') || line.includes('kafka-readiness.js')) commandLines.add(line);
    }, 150);
    let r;
    try {
      r = await runCli(
        ['probe', '-b', c.oauth.bootstrap, '--security-protocol', 'SASL_SSL', '--sasl-mechanism', 'OAUTHBEARER', '--ca-file', c.tls.caCert, '--oauth-token-endpoint', c.oauth.tokenEndpoint, '--oauth-client-id', c.oauth.prober.clientId, '--oauth-client-secret-file', secretFile, '--oauth-scope', 'kafka',
          '--allow-writes', '--probe-records', '1000', '--probe-consumers', '2', '--format', 'text,json,html,markdown,junit,sarif', '--out-dir', dir, '--snapshot-out', path.join(dir, 'snapshot.json'), '--min-coverage', '0', '-v'],
        { timeoutMs: 300_000 },
      );
    } finally {
      clearInterval(sampler);
    }
    expect([0, 1], r.stderr).toContain(r.code);
    const snapshot = await readSnapshotFile(path.join(dir, 'snapshot.json'));
    const probe = snapshot.artifacts.probe.ok ? snapshot.artifacts.probe.value : null;
    expect(probe, JSON.stringify(snapshot.artifacts.probe)).not.toBeNull();
    // All three clients really wrote and read over OAUTHBEARER, and the JVM was seen in ps.
    for (const client of ['platformatic', 'kafkajs', 'java']) expect(`${client} ${probe!.cells.find((x) => x.client === client && x.capability === 'produce-consume')?.status}`).toBe(`${client} pass`);
    expect([...commandLines].some((l) => l.includes('Probe.java'))).toBe(true);
    const files = readdirSync(dir).filter((f) => f !== 'client-secret');
    expect(files.length).toBeGreaterThanOrEqual(7);
    const outputs = [r.stdout, r.stderr, ...commandLines, ...files.map((f) => readFileSync(path.join(dir, f), 'utf8'))];
    for (const out of outputs) {
      expect(out.includes(c.oauth.prober.clientSecret), 'secret found in output').toBe(false);
      expect(out.includes(encodeURIComponent(c.oauth.prober.clientSecret)), 'encoded secret found in output').toBe(false);
      expect(/eyJ[\w-]{10,}\.[\w-]{10,}\.[\w-]+/.test(out), 'access token found in output').toBe(false);
    }
  }, 320_000);

  it('probe with the Java client over SASL_SSL: the password never on its command line (ps), in the log or in the result', async () => {
    const log: string[] = [];
    const commandLines = new Set<string>();
    // Samples every process's command line while the JVM runs, as anyone on the machine could.
    const sampler = setInterval(() => {
      for (const line of execFileSync('ps', ['-eo', 'args'], { encoding: 'utf8' }).split('\n')) if (line.includes('Probe.java')) commandLines.add(line);
    }, 150);
    const notGathered = { ok: false as const, error: { reason: 'error' as const, message: 'not gathered by this test' } };
    let probe;
    try {
      probe = await runProbe(
        { conn: buildConnectionOptions({ commandConfig: c.tls.adminSaslSslProps }), prefix: 'kafka-readiness.probe.', burst: null, clients: ['java'], log: (l) => log.push(l) },
        { topicConfigs: notGathered, brokerConfigs: notGathered, kip848: true },
      );
    } finally {
      clearInterval(sampler);
    }
    // The run really went over TLS with SCRAM (a cell passed), and the JVM was seen.
    expect(probe.cells.find((x) => x.client === 'java' && x.capability === 'produce-consume')?.status).toBe('pass');
    expect(commandLines.size).toBeGreaterThan(0);
    const outputs = [...commandLines, ...log, JSON.stringify(probe)];
    for (const out of outputs) expect(out.includes(c.admin.password), 'secret found in output').toBe(false);
  }, 180_000);
});
