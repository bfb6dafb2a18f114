// Exit codes a CI pipeline relies on: 2 for bad input (with file:line:col), 3 for connection and
// authentication failures — within the timeout, one line, no stack trace.
import { mkdtempSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cluster, runCli } from './cluster-context.js';

const c = cluster();
const dir = mkdtempSync(path.join(c.workDir, 'cli-'));

function oneLine(stderr: string) {
  const lines = stderr.trim().split('\n');
  expect(lines, stderr).toHaveLength(1);
  expect(stderr).not.toMatch(/\n\s+at /);
  return lines[0]!;
}

describe('exit code 2: usage and configuration errors', () => {
  it('a malformed readiness.yaml names file:line:column', async () => {
    const yaml = path.join(dir, 'readiness.yaml');
    writeFileSync(yaml, 'checks:\n  replication/replication-factor:\n    options: { minReplicationFactor: 3\nscoring: {}\n');
    const run = await runCli(['scan', '--command-config', c.adminProps, '-c', yaml]);
    expect(run.code).toBe(2);
    expect(oneLine(run.stderr)).toMatch(new RegExp(`^kafka-readiness: ${yaml.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}:\\d+:\\d+: `));
  });

  it('an unknown key names its line and column', async () => {
    const yaml = path.join(dir, 'unknown-key.yaml');
    writeFileSync(yaml, 'scoring:\n  failUnder: 80\nchecks:\n  acl/super-users:\n    enable: false\n');
    const run = await runCli(['evaluate', 'nonexistent.json', '-c', yaml]);
    expect(run.code).toBe(2);
    // The snapshot is read first; fix that and the config error shows.
    const snap = path.join(dir, 'snap.json');
    expect((await runCli(['gather', '--command-config', c.adminProps, '-o', snap])).code).toBe(0);
    const run2 = await runCli(['evaluate', snap, '-c', yaml]);
    expect(run2.code).toBe(2);
    expect(oneLine(run2.stderr)).toBe(`kafka-readiness: ${yaml}:5:5: unknown key "enable" in checks.acl/super-users`);
  });

  it('bad flags exit 2', async () => {
    expect((await runCli(['scan', '-b', c.saslBootstrap, '--fail-under', 'lots'])).code).toBe(2);
    expect((await runCli(['scan', '-b', c.saslBootstrap, '--format', 'pdf'])).code).toBe(2);
    expect((await runCli(['scan', '--no-such-flag'])).code).toBe(2);
    const noPassword = await runCli(['scan', '-b', c.saslBootstrap, '--security-protocol', 'SASL_PLAINTEXT', '--sasl-mechanism', 'PLAIN', '--username', 'admin'], { env: { KAFKA_READINESS_PASSWORD: undefined } });
    expect(noPassword.code).toBe(2);
    expect(oneLine(noPassword.stderr)).toMatch(/needs a password.*never on the command line/);
  });
});

describe('exit code 3: cannot connect or authenticate', () => {
  const sockets = new Set<net.Socket>();
  // Accepts connections and never answers: a broker that hangs.
  const silent = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  afterAll(async () => {
    for (const s of sockets) s.destroy();
    if (silent.listening) await new Promise<void>((r) => silent.close(() => r()));
  });

  it('an unreachable bootstrap exits 3 quickly with the address', async () => {
    const run = await runCli(['scan', '-b', '127.0.0.1:1', '--timeout', '3s']);
    expect(run.code).toBe(3);
    expect(oneLine(run.stderr)).toMatch(/^kafka-readiness: cannot connect to the cluster \(127\.0\.0\.1:1: .*ECONNREFUSED/);
    expect(run.ms).toBeLessThan(3000 + 2000);
  });

  it('a bootstrap that accepts but never answers exits 3 within the timeout', async () => {
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', () => r()));
    const port = (silent.address() as net.AddressInfo).port;
    const run = await runCli(['scan', '-b', `127.0.0.1:${port}`, '--connect-timeout', '2s', '--request-timeout', '2s']);
    expect(run.code).toBe(3);
    expect(oneLine(run.stderr)).toMatch(/no answer within the timeout/);
    // connect 2 s + request 2 s is the bound; allow process start-up on a loaded 2-core machine.
    expect(run.ms).toBeLessThan(4000 + 3000);
  });

  it('a wrong password exits 3 and does not echo it', async () => {
    const pw = path.join(dir, 'wrong-password');
    writeFileSync(pw, 'definitely-wrong-pw-123\n');
    const run = await runCli(['scan', '-b', c.saslBootstrap, '--security-protocol', 'SASL_PLAINTEXT', '--sasl-mechanism', 'SCRAM-SHA-512', '--username', 'admin', '--password-file', pw, '--timeout', '10s']);
    expect(run.code).toBe(3);
    expect(oneLine(run.stderr)).toMatch(/authentication failed as admin with SCRAM-SHA-512/);
    expect(run.stderr + run.stdout).not.toContain('definitely-wrong-pw-123');
  });
});

describe('exit code 1: the gate', () => {
  it('fails below --fail-under (or scoring.failUnder) and says why; passes at or above it', async () => {
    const high = await runCli(['scan', '--command-config', c.adminProps, '--format', 'json', '--fail-under', '99']);
    expect(high.code).toBe(1);
    const report = JSON.parse(high.stdout);
    // Failed rules first; the always-present coverage rule passed at the seeded cluster's normal coverage.
    expect(report.gate).toMatchObject({ passed: false, failUnder: 99, decidedBy: 'fail-under', reasons: [expect.stringMatching(/^score [\d.]+ is below --fail-under 99$/), expect.stringMatching(/^coverage [\d.]+ % >= 50 %$/)] });
    expect((await runCli(['scan', '--command-config', c.adminProps, '--format', 'json', '--fail-under', '10'])).code).toBe(0);
    const yaml = path.join(dir, 'gate.yaml');
    writeFileSync(yaml, 'scoring:\n  failUnder: 99.5\n');
    const fromConfig = await runCli(['scan', '--command-config', c.adminProps, '-c', yaml]);
    expect(fromConfig.code).toBe(1);
    expect(fromConfig.stdout).toMatch(/Gate: FAILED — score [\d.]+ is below scoring\.failUnder \(.*gate\.yaml:2:3\) 99\.5/);
  });
});
