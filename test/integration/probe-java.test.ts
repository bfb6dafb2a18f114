// Kafka's own Java client in the write probe, against the real 4.1.1 and 3.9.1 clusters (the shared ones global-setup
// starts). Runs the probe in-process with only the java client, so the other clients' matrix is not repeated here.
import { mkdtempSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Admin } from '@platformatic/kafka';
import { describe, expect, it } from 'vitest';
import { buildConnectionOptions } from '../../src/commands/connection.js';
import { runProbe } from '../../src/gather/probe/run.js';
import type { ProbeArtifact } from '../../src/model/snapshot.js';
import { cluster } from './cluster-context.js';

const notGathered = { ok: false as const, error: { reason: 'error' as const, message: 'not gathered by this test' } };

async function state(bootstrap: string) {
  const c = cluster();
  const admin = new Admin({ clientId: 'probe-java-test', bootstrapBrokers: bootstrap.split(','), sasl: { mechanism: 'SCRAM-SHA-512', username: c.admin.username, password: c.admin.password } });
  try {
    return { topics: (await admin.listTopics({ includeInternals: true })).sort(), groups: [...(await admin.listGroups()).keys()].sort() };
  } finally {
    await admin.close();
  }
}

async function probeJava(props: string, kip848: boolean, topic?: string): Promise<{ probe: ProbeArtifact; log: string[]; ms: number }> {
  const log: string[] = [];
  const t0 = Date.now();
  const probe = await runProbe(
    { conn: buildConnectionOptions({ commandConfig: props }), prefix: 'kafka-readiness.probe.', ...(topic ? { topic } : {}), burst: null, clients: ['java'], log: (l) => log.push(l) },
    { topicConfigs: notGathered, brokerConfigs: notGathered, kip848 },
  );
  return { probe, log, ms: Date.now() - t0 };
}

const ALL_PASS = ['produce-consume', 'idempotent-producer', 'transactions', 'compression-gzip', 'compression-snappy', 'compression-lz4', 'compression-zstd', 'headers', 'group-classic', 'offset-commit-fetch', 'list-offsets-by-timestamp', 'large-record'];

describe('write probe: Kafka Java client', () => {
  const clusters = [
    { name: '4.1.1', props: () => cluster().adminProps, bootstrap: () => cluster().saslBootstrap, kip848: true },
    { name: '3.9.1 (legacy)', props: () => cluster().legacy.adminProps, bootstrap: () => cluster().legacy.saslBootstrap, kip848: false },
  ];
  for (const k of clusters) {
    it(`${k.name}: every capability passes with kafka-clients, and the topics and groups are as before`, async () => {
      const before = await state(k.bootstrap());
      const { probe, log, ms } = await probeJava(k.props(), k.kip848);
      const java = probe.clients.find((c) => c.name === 'java');
      process.stderr.write(`[probe-java ${k.name}] ${ms} ms total; ${log.filter((l) => l.includes('Java client')).join('; ')}\n${probe.cells.map((c) => `  ${c.capability} ${c.status} (${c.ms ?? '-'} ms): ${c.message}`).join('\n')}\n`);
      expect(java).toMatchObject({ library: 'java', available: true });
      expect(java?.version).toMatch(/^\d+\.\d+\.\d+/);
      const status = (cap: string) => `${cap} ${probe.cells.find((c) => c.client === 'java' && c.capability === cap)?.status}`;
      for (const cap of ALL_PASS) expect(status(cap)).toBe(`${cap} pass`);
      expect(status('group-consumer')).toBe(k.kip848 ? 'group-consumer pass' : 'group-consumer not-run');
      // A super user is refused nothing: the refusal cell is not-run with its reason (the denied case is below).
      expect(status('authorization-failure')).toBe('authorization-failure not-run');
      expect(probe.cleanup.failures).toEqual([]);
      const after = await state(k.bootstrap());
      expect({ ...after, topics: after.topics.filter((t) => t !== '__transaction_state' || before.topics.includes(t)) }).toEqual(before);
    }, 240_000);
  }

  it('4.1.1 over SASL_SSL OAUTHBEARER: Kafka\'s own OIDC login handler gets a token from the OpenID provider and every capability passes', async () => {
    const c = cluster();
    const before = await state(c.saslBootstrap);
    const dir = mkdtempSync(path.join(c.workDir, 'probe-java-oidc-'));
    const secretFile = path.join(dir, 'client-secret');
    writeFileSync(secretFile, `${c.oauth.prober.clientSecret}\n`);
    const conn = buildConnectionOptions({ bootstrapServer: c.oauth.bootstrap, securityProtocol: 'SASL_SSL', saslMechanism: 'OAUTHBEARER', caFile: c.tls.caCert, oauthTokenEndpoint: c.oauth.tokenEndpoint, oauthClientId: c.oauth.prober.clientId, oauthClientSecretFile: secretFile, oauthScope: 'kafka' });
    const log: string[] = [];
    const probe = await runProbe({ conn, prefix: 'kafka-readiness.probe.', burst: null, clients: ['java'], log: (l) => log.push(l) }, { topicConfigs: notGathered, brokerConfigs: notGathered, kip848: true });
    process.stderr.write(`[probe-java oidc] ${log.filter((l) => l.includes('Java client')).join('; ')}\n${probe.cells.map((x) => `  ${x.capability} ${x.status} (${x.ms ?? '-'} ms): ${x.message}`).join('\n')}\n`);
    expect(probe.clients.find((x) => x.name === 'java')).toMatchObject({ available: true });
    const status = (cap: string) => `${cap} ${probe.cells.find((x) => x.client === 'java' && x.capability === cap)?.status}`;
    // The adapter hands the JVM no token, only the client credentials: a pass means Kafka's login handler got one.
    for (const cap of [...ALL_PASS, 'group-consumer']) expect(status(cap)).toBe(`${cap} pass`);
    expect(probe.cleanup.failures).toEqual([]);
    const after = await state(c.saslBootstrap);
    expect({ ...after, topics: after.topics.filter((t) => t !== '__transaction_state' || before.topics.includes(t)) }).toEqual(before);
  }, 240_000);

  it('a principal without WRITE: the Java client reports the refusal as an authorization error', async () => {
    const c = cluster();
    const topics = (await state(c.saslBootstrap)).topics.filter((t) => !t.startsWith('__') && !t.startsWith('kafka-readiness'));
    const { probe } = await probeJava(c.aliceProps, true, topics[0]!);
    const get = (cap: string) => probe.cells.find((x) => x.client === 'java' && x.capability === cap);
    expect(get('produce-consume')).toMatchObject({ status: 'denied', error: 'TOPIC_AUTHORIZATION_FAILED' });
    expect(get('authorization-failure')?.status).toBe('pass');
    // The runner may not delete the announced groups as this principal (they never formed: nothing was written):
    // the cleanup says so, and the super user sees none of them.
    for (const f of probe.cleanup.failures) expect(f).toMatch(/^group .*GROUP_AUTHORIZATION_FAILED/);
    expect((await state(c.saslBootstrap)).groups.filter((g) => g.startsWith(probe.planned[0]!.name.split('.java.')[0]!))).toEqual([]);
  }, 240_000);
});
