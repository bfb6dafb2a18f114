// Starts the real 3-broker KRaft cluster for the integration tests, seeds the workload and its faults,
// and stops everything afterwards. A cluster that cannot start fails the run: these tests never skip.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { startCluster, stopCluster } from '../cluster/cluster.mjs';
// @ts-expect-error plain JavaScript seed script without type declarations
import { grantScanWithoutClusterConfigs, seedWorkload } from '../../scripts/seed.mjs';
import type { ItCluster } from './cluster-context.js';

const ROOT = path.resolve(import.meta.dirname, '..', '..');

export default async function setup(project: TestProject) {
  // The CLI tests run the compiled program, so compile it first.
  execFileSync(process.execPath, [path.join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', ROOT], { stdio: 'inherit' });

  const opts = {
    version: process.env.KAFKA_VERSION ?? '4',
    dir: path.join(ROOT, '.cache', 'it-cluster'),
    portBase: Number(process.env.KR_IT_PORT_BASE ?? 29000),
    log: (m: string) => process.stderr.write(`[cluster] ${m}\n`),
  };
  const t0 = Date.now();
  const info = await startCluster(opts);
  process.stderr.write(`[cluster] Apache Kafka ${info.version} ready in ${Date.now() - t0} ms: SASL ${info.bootstrap.sasl}, PLAINTEXT ${info.bootstrap.plaintext}\n`);

  const workDir = path.join(opts.dir, 'it');
  mkdirSync(workDir, { recursive: true });
  const admin = info.users.admin;
  const alice = info.users.alice;
  const adminProps = path.join(workDir, 'scanner.properties');
  writeFileSync(
    adminProps,
    [
      `bootstrap.servers=${info.bootstrap.sasl}`,
      'security.protocol=SASL_PLAINTEXT',
      'sasl.mechanism=SCRAM-SHA-512',
      `sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="${admin.username}" password="${admin.password}";`,
      '',
    ].join('\n'),
  );
  const aliceProps = path.join(workDir, 'limited.properties');
  writeFileSync(
    aliceProps,
    [
      `bootstrap.servers=${info.bootstrap.sasl}`,
      'security.protocol=SASL_PLAINTEXT',
      'sasl.mechanism=PLAIN',
      `sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="${alice.username}" password="${alice.password}";`,
      '',
    ].join('\n'),
  );

  const conn = { bootstrap: info.bootstrap.sasl, username: admin.username, password: admin.password, mechanism: 'SCRAM-SHA-512' };
  const t1 = Date.now();
  await seedWorkload(conn, { log: (m: string) => process.stderr.write(`[seed] ${m}\n`) });
  await grantScanWithoutClusterConfigs(conn, 'User:alice');
  process.stderr.write(`[seed] workload and faults seeded in ${Date.now() - t1} ms\n`);

  const ctx: ItCluster = {
    version: info.version,
    saslBootstrap: info.bootstrap.sasl,
    plaintextBootstrap: info.bootstrap.plaintext,
    adminProps,
    aliceProps,
    admin: { username: admin.username, password: admin.password },
    alice: { username: alice.username, password: alice.password },
    workDir,
    root: ROOT,
  };
  project.provide('cluster', ctx);

  return async () => {
    const res = await stopCluster(opts);
    process.stderr.write(`[cluster] stopped in ${res.ms} ms\n`);
  };
}
