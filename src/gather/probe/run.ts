// Runs the write probe: announces every name it will create, creates the probe topic (or uses the one the operator
// names), runs each client adapter and the burst, and removes what it created — also on SIGINT/SIGTERM and on
// failure. Transactional ids cannot be deleted in Kafka: they are listed as left to expire.

import { randomBytes } from 'node:crypto';
import { Admin } from '@platformatic/kafka';
import type { ConnectionOptions } from '../../connect/options.js';
import type { ProbeArtifact, SnapshotArtifacts } from '../snapshot.js';
import { type BurstOptions, runBurst } from './burst.js';
import { javaAdapter } from './java-adapter.js';
import { kafkajsAdapter } from './kafkajs-adapter.js';
import { platformaticAdapter, platformaticClientOptions } from './platformatic-adapter.js';
import { waitTopicGone } from './settle.js';
import { authorizationCode, errorText, type ProbeAdapter, type ProbeContext } from './types.js';

export interface ProbeOptions {
  conn: ConnectionOptions;
  prefix: string;
  /** An existing topic to write to instead of creating one (principals that may not create topics). */
  topic?: string;
  partitions?: number;
  burst: BurstOptions | null;
  cellTimeoutMs?: number;
  /** Only these clients (adapter names); all when absent. */
  clients?: readonly string[];
  /** Where the plan and the cleanup are announced (stderr). */
  log: (line: string) => void;
}

const ALL_ADAPTERS: ProbeAdapter[] = [platformaticAdapter, kafkajsAdapter, javaAdapter];

export async function runProbe(opts: ProbeOptions, seen: { topicConfigs: SnapshotArtifacts['topicConfigs']; brokerConfigs: SnapshotArtifacts['brokerConfigs']; kip848: boolean }): Promise<ProbeArtifact> {
  const ADAPTERS = opts.clients ? ALL_ADAPTERS.filter((a) => opts.clients!.includes(a.name)) : ALL_ADAPTERS;
  const started = Date.now();
  const runId = randomBytes(4).toString('hex');
  const topic = opts.topic ?? `${opts.prefix}${runId}`;
  const partitions = opts.partitions ?? 3;
  const groupName = (client: string, purpose: string) => `${opts.prefix}${runId}.${client}.${purpose}`;
  const planned: ProbeArtifact['planned'] = [
    ...(opts.topic ? [] : [{ kind: 'topic' as const, name: topic }]),
    ...ADAPTERS.flatMap((a) => a.groups.map((g) => ({ kind: 'group' as const, name: groupName(a.name, g) }))),
    ...ADAPTERS.flatMap((a) => a.transactionalIds.map((t) => ({ kind: 'transactional-id' as const, name: groupName(a.name, t) }))),
    ...(opts.burst ? [{ kind: 'group' as const, name: groupName('burst', 'catch-up') }] : []),
  ];
  // Kafka creates its internal __transaction_state topic on the first transaction in the cluster; it is Kafka's, not
  // the probe's, and is never deleted: said before anything runs.
  opts.log('probe: the transactions cell makes Kafka create its internal topic __transaction_state if the cluster has none yet (it is not removed)');
  opts.log(`probe will create (and remove afterwards): ${planned.map((p) => `${p.kind} ${p.name}`).join(', ')}${opts.topic ? `; it writes records to the existing topic ${opts.topic}` : ''}`);

  const cleanup: ProbeArtifact['cleanup'] = { deletedTopics: [], deletedGroups: [], leftToExpire: planned.filter((p) => p.kind === 'transactional-id').map((p) => p.name), failures: [], interrupted: false };
  let createdTopic = false;
  // A CreateTopics in flight when Ctrl-C comes: the cleanup waits for its answer, so a topic created just then goes too.
  let creating: Promise<unknown> | null = null;
  let cleaned: Promise<void> | null = null;
  const admin = new Admin(platformaticClientOptions(opts.conn, `kafka-readiness-probe-${runId}-admin`));
  const doCleanup = () =>
    (cleaned ??= (async () => {
      await creating?.catch(() => {});
      const groups = planned.filter((p) => p.kind === 'group').map((p) => p.name);
      for (const g of groups) {
        try {
          // Members that just left may still be listed for a moment: NON_EMPTY_GROUP is retried briefly.
          for (let attempt = 0; ; attempt++) {
            try {
              await admin.deleteGroups({ groups: [g] });
              break;
            } catch (err) {
              if (attempt >= 10 || !/NON_EMPTY_GROUP/.test(errorText(err))) throw err;
              await new Promise((r) => setTimeout(r, 1000));
            }
          }
          cleanup.deletedGroups.push(g);
        } catch (err) {
          // A group that never formed (its cell did not run or was refused) has nothing to delete.
          if (!/GROUP_ID_NOT_FOUND|not.?found/i.test(errorText(err))) cleanup.failures.push(`group ${g}: ${errorText(err)}`);
        }
      }
      if (createdTopic) {
        try {
          await admin.deleteTopics({ topics: [topic] });
          cleanup.deletedTopics.push(topic);
          // Done only when no broker lists it any more (bounded): otherwise say which broker still does.
          const settled = await waitTopicGone(opts.conn, admin, topic, `kafka-readiness-probe-${runId}-admin`);
          if (settled.stillListedBy.length) cleanup.failures.push(`topic ${topic}: still listed by broker(s) ${settled.stillListedBy.join(', ')} ${Math.round(settled.ms / 1000)} s after DeleteTopics`);
          for (const e of settled.errors) cleanup.failures.push(`topic ${topic}: could not confirm the deletion on ${e}`);
        } catch (err) {
          cleanup.failures.push(`topic ${topic}: ${errorText(err)}`);
        }
      }
      if (cleanup.leftToExpire.length) opts.log(`probe: transactional ids cannot be deleted and are left to expire (transactional.id.expiration.ms): ${cleanup.leftToExpire.join(', ')}`);
      await admin.close().catch(() => {});
    })());
  // Ctrl-C or a kill during the probe: remove what exists, then end as the signal would.
  const onSignal = (signal: NodeJS.Signals) => {
    cleanup.interrupted = true;
    opts.log(`probe interrupted (${signal}): removing what it created`);
    void doCleanup().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  const cells: ProbeArtifact['cells'] = [];
  const clients: ProbeArtifact['clients'] = [];
  let burst: ProbeArtifact['burst'] = null;
  let maxMessageBytes: number | null = null;
  try {
    if (!opts.topic) {
      creating = admin.createTopics({ topics: [topic], partitions, replicas: -1 }).then(() => (createdTopic = true));
      await creating;
    }
    // The named topic's own setting, else the broker default a created topic takes.
    const effective = (topicKey: string, brokerKey: string) =>
      (opts.topic && seen.topicConfigs.ok ? seen.topicConfigs.value[opts.topic]?.[topicKey]?.value : null) ??
      (seen.brokerConfigs.ok ? Object.values(seen.brokerConfigs.value)[0]?.[brokerKey]?.value : null);
    maxMessageBytes = Number(effective('max.message.bytes', 'message.max.bytes') ?? 1048588);
    const logAppendTime = effective('message.timestamp.type', 'log.message.timestamp.type') === 'LogAppendTime';
    for (const adapter of ADAPTERS) {
      const info = await adapter.info(opts.conn);
      clients.push(info);
      // A client that cannot run here (no Java, no Kafka jars) is listed with the reason: no cell, never a failure.
      if (!info.available) continue;
      const ctx: ProbeContext = {
        conn: opts.conn, topic, partitions: opts.topic ? 1 : partitions, maxMessageBytes, logAppendTime, runId, kip848: seen.kip848,
        group: (p) => groupName(adapter.name, p), transactionalId: (p) => groupName(adapter.name, p),
        cellTimeoutMs: opts.cellTimeoutMs ?? 20_000, log: opts.log,
      };
      cells.push(...(await adapter.run(ctx)));
    }
    if (opts.burst) {
      const ctx: ProbeContext = {
        conn: opts.conn, topic, partitions: opts.topic ? 1 : partitions, maxMessageBytes, logAppendTime, runId, kip848: seen.kip848,
        group: (p) => groupName('burst', p), transactionalId: (p) => groupName('burst', p), cellTimeoutMs: opts.cellTimeoutMs ?? 20_000, log: opts.log,
      };
      try {
        burst = { ok: true, value: await runBurst(ctx, opts.burst, groupName('burst', 'catch-up')) };
      } catch (err) {
        const denied = authorizationCode(err);
        burst = { ok: false, error: { reason: denied ? 'denied' : 'error', message: `burst: ${errorText(err)}` } };
      }
    }
  } catch (err) {
    // The topic could not be created (or a set-up step failed): every cell says why, nothing is a pass.
    const denied = authorizationCode(err);
    for (const a of ADAPTERS) {
      if (!clients.some((c) => c.name === a.name)) clients.push(await a.info(opts.conn));
      cells.push({ client: a.name, capability: 'produce-consume', status: denied ? 'denied' : 'error', message: `the probe topic could not be set up: ${errorText(err)}${denied ? ' (name an existing topic with --probe-topic)' : ''}`, ...(denied ? { error: denied } : {}) });
    }
  } finally {
    await doCleanup();
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
  }
  return { prefix: opts.prefix, startedAt: new Date(started).toISOString(), durationMs: Date.now() - started, topic: { name: topic, created: createdTopic, partitions: opts.topic ? 1 : partitions, maxMessageBytes }, planned, cleanup, clients, cells, burst };
}
