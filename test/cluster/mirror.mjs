// Two single-node KRaft clusters and a MirrorMaker 2 between them, for the migration (compare) integration test.
// One node each keeps a pair (plus MM2) within a 2-core machine; PLAINTEXT with the StandardAuthorizer on and
// User:ANONYMOUS as super user, so ACLs can be created and read without credentials. Everything listens on 127.0.0.1.
import { spawn, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { REPO_ROOT, clusterInfo, ensureKafka, portOpen, runJavaCli } from './cluster.mjs';

const HOST = '127.0.0.1';
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const alive = (pid) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** MirrorMaker 2 jars (connect-mirror and its runtime) from Maven Central, via fetch-mirror-maker.sh. */
export function ensureMirrorMaker(version = '4.1.1') {
  const out = execFileSync('bash', [path.join(REPO_ROOT, 'test/cluster/fetch-mirror-maker.sh'), version], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  return out.trim().split('\n').pop();
}

function spawnJava(java, args, dir, name) {
  const out = fs.openSync(path.join(dir, `${name}.log`), 'a');
  let child;
  try {
    child = spawn(java, args, { cwd: dir, detached: true, stdio: ['ignore', out, out] });
  } finally {
    fs.closeSync(out);
  }
  child.unref();
  if (!child.pid) throw new Error(`could not start ${name}`);
  return child.pid;
}

/** Stop by PID: SIGTERM to the process group, SIGKILL after the grace period. */
export async function stopPid(pid, graceMs = 15_000) {
  if (!pid || !alive(pid)) return;
  try {
    process.kill(-pid, 'SIGTERM');
  } catch {
    try {
      process.kill(pid, 'SIGTERM');
    } catch {}
  }
  const deadline = Date.now() + graceMs;
  while (alive(pid) && Date.now() < deadline) await sleep(100);
  if (alive(pid)) {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {}
    }
    while (alive(pid)) await sleep(50);
  }
}

/**
 * Start a one-node KRaft cluster in `dir` (broker+controller), PLAINTEXT on `port`, controller on `port + 1`.
 * @returns {Promise<{ pid: number, bootstrap: string, props: string, dir: string }>}
 */
export async function startSingleNode({ dir, port, heap = process.env.KAFKA_HEAP_OPTS ?? '-Xms128m -Xmx400m', timeoutMs = 120_000 }) {
  const libs = await ensureKafka({});
  const { java } = clusterInfo({});
  fs.mkdirSync(dir, { recursive: true });
  const serverProps = path.join(dir, 'server.properties');
  fs.writeFileSync(
    serverProps,
    [
      'process.roles=broker,controller',
      'node.id=1',
      `controller.quorum.voters=1@${HOST}:${port + 1}`,
      `listeners=PLAINTEXT://${HOST}:${port},CONTROLLER://${HOST}:${port + 1}`,
      `advertised.listeners=PLAINTEXT://${HOST}:${port}`,
      'controller.listener.names=CONTROLLER',
      'listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT',
      'inter.broker.listener.name=PLAINTEXT',
      `log.dirs=${path.join(dir, 'data')}`,
      'offsets.topic.replication.factor=1',
      'offsets.topic.num.partitions=3',
      'transaction.state.log.replication.factor=1',
      'transaction.state.log.min.isr=1',
      'group.initial.rebalance.delay.ms=0',
      'auto.create.topics.enable=false',
      'authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer',
      'super.users=User:ANONYMOUS',
      'allow.everyone.if.no.acl.found=false',
      '',
    ].join('\n'),
  );
  const fmt = await runJavaCli('kafka.tools.StorageTool', ['format', '-t', 'bWlncmF0aW9uLXRlc3QtMQ', '-c', serverProps, '--ignore-formatted'], { quiet: true });
  if (fmt.code !== 0) throw new Error(`format ${dir}: ${fmt.stderr || fmt.stdout}`);
  const pid = spawnJava(java, [...heap.split(/\s+/).filter(Boolean), '-XX:+UseSerialGC', '-XX:TieredStopAtLevel=1', '-cp', `${libs}/*`, 'kafka.Kafka', serverProps], dir, 'broker');
  const props = path.join(dir, 'client.properties');
  fs.writeFileSync(props, `bootstrap.servers=${HOST}:${port}\nsecurity.protocol=PLAINTEXT\n`);
  const deadline = Date.now() + timeoutMs;
  while (!(await portOpen(port))) {
    if (!alive(pid)) throw new Error(`broker in ${dir} exited: see ${path.join(dir, 'broker.log')}`);
    if (Date.now() > deadline) {
      await stopPid(pid);
      throw new Error(`broker in ${dir} did not listen on ${port} within ${timeoutMs} ms`);
    }
    await sleep(300);
  }
  return { pid, bootstrap: `${HOST}:${port}`, props, dir };
}

/** Start MirrorMaker 2's dedicated driver (org.apache.kafka.connect.mirror.MirrorMaker) with `properties`. */
export function startMirrorMaker({ dir, properties, libs, heap = '-Xms64m -Xmx256m' }) {
  const { java } = clusterInfo({});
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'mm2.properties');
  fs.writeFileSync(file, properties);
  const log4j = path.join(dir, 'log4j2.properties');
  // WARN only, but the MirrorMaker classes at INFO: the log shows what it replicated when a test fails.
  fs.writeFileSync(log4j, ['rootLogger.level=WARN', 'rootLogger.appenderRef.out.ref=OUT', 'appender.out.type=Console', 'appender.out.name=OUT', 'appender.out.layout.type=PatternLayout', 'appender.out.layout.pattern=[%d] %p %m (%c)%n', 'logger.mm.name=org.apache.kafka.connect.mirror', 'logger.mm.level=INFO', ''].join('\n'));
  return spawnJava(java, [...heap.split(/\s+/).filter(Boolean), '-XX:+UseSerialGC', '-XX:TieredStopAtLevel=1', `-Dlog4j2.configurationFile=${log4j}`, '-cp', `${libs}/*`, 'org.apache.kafka.connect.mirror.MirrorMaker', file], dir, 'mirror-maker');
}
