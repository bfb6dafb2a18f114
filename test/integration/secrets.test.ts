// A security reviewer must be able to read every output without ever seeing a secret: the scanning
// principal's password, other users' passwords (which sit in the brokers' JAAS configs), or any sensitive
// broker config value.
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
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
});
