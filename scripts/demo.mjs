// The demo: start a local 3-broker Kafka cluster, seed a realistic public-sector event workload (with the
// kinds of faults real clusters have), scan it over SASL/SCRAM and write the report. Stops the cluster at the
// end unless DEMO_KEEP_CLUSTER=1.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startCluster, stopCluster } from '../test/cluster/cluster.mjs';
import { seedWorkload } from './seed.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = path.resolve(process.env.DEMO_OUT_DIR ?? path.join(root, 'reports'));
const opts = {
  version: process.env.KAFKA_VERSION ?? '4',
  dir: path.join(root, '.cache', 'demo-cluster'),
  portBase: Number(process.env.KR_PORT_BASE ?? 19000),
  // The demo scans over SASL_PLAINTEXT: no TLS listeners, so no certificates and no openssl.
  tls: false,
  log: (m) => process.stderr.write(`[cluster] ${m}\n`),
};

let exitCode = 1;
try {
  const info = await startCluster(opts);
  const admin = info.users.admin;
  mkdirSync(outDir, { recursive: true });
  // The scanner's client properties, as a platform engineer would hand them to Kafka's own CLI tools.
  const props = path.join(opts.dir, 'scanner.properties');
  writeFileSync(
    props,
    `bootstrap.servers=${info.bootstrap.sasl}\nsecurity.protocol=SASL_PLAINTEXT\nsasl.mechanism=SCRAM-SHA-512\n` +
      `sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="${admin.username}" password="${admin.password}";\n`,
    { mode: 0o600 },
  );
  await seedWorkload({ bootstrap: info.bootstrap.sasl, username: admin.username, password: admin.password }, { log: (m) => process.stderr.write(`[seed] ${m}\n`) });
  process.stderr.write(`[demo] scanning ${info.bootstrap.sasl} as ${admin.username} (SCRAM-SHA-512)\n\n`);
  const scan = spawnSync(
    process.execPath,
    [path.join(root, 'bin', 'kafka-readiness.js'), 'scan', '--command-config', props, '--format', 'text,json', '--out-dir', outDir, '--snapshot-out', path.join(outDir, 'snapshot.jsonl')],
    { stdio: 'inherit' },
  );
  exitCode = scan.status ?? 1;
  process.stderr.write(`\n[demo] JSON report: ${path.join(outDir, 'report.json')}\n[demo] text report: ${path.join(outDir, 'report.txt')}\n[demo] snapshot (evaluate offline with \`kafka-readiness evaluate\`): ${path.join(outDir, 'snapshot.jsonl')}\n`);
} finally {
  if (process.env.DEMO_KEEP_CLUSTER === '1') {
    process.stderr.write(`[demo] cluster left running (stop it with: node test/cluster/cluster.mjs stop --dir ${opts.dir})\n`);
  } else {
    await stopCluster(opts);
    process.stderr.write('[demo] cluster stopped\n');
  }
}
process.exit(exitCode);
