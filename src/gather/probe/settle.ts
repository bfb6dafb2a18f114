// After DeleteTopics answered, each broker drops the topic from its metadata cache on its own schedule (seen on
// 3.9.1: still listed a moment later). The probe's cleanup waits, bounded, until no broker lists the topic, so
// that whoever looks right after the probe sees the state it left.

import { Admin } from '@platformatic/kafka';
import type { ConnectionOptions } from '../../connect/options.js';
import { platformaticClientOptions } from './platformatic-adapter.js';
import { errorText, sleep } from './types.js';

export interface SettleResult {
  /** Milliseconds until no broker listed the topic (or until the bound). */
  ms: number;
  /** Brokers (id) still listing the topic at the bound; empty when it settled. */
  stillListedBy: number[];
  /** A broker that could not be asked (its answer is unknown, not "gone"). */
  errors: string[];
}

/** Polls every broker's own metadata (one client per broker, never allowing auto-creation) until the topic is gone. */
export async function waitTopicGone(conn: ConnectionOptions, admin: Admin, topic: string, clientId: string, boundMs = 20_000, everyMs = 500): Promise<SettleResult> {
  const t0 = Date.now();
  const brokers = (await admin.metadata({ topics: [], forceUpdate: true })).brokers;
  const perBroker = [...brokers].map(([id, b]) => ({ id, admin: new Admin({ ...platformaticClientOptions(conn, `${clientId}-settle-${id}`), bootstrapBrokers: [`${b.host}:${b.port}`] }) }));
  let pending = perBroker.map((b) => b.id);
  const errors = new Map<number, string>();
  try {
    for (;;) {
      const still: number[] = [];
      await Promise.all(
        perBroker
          .filter((b) => pending.includes(b.id))
          .map(async (b) => {
            try {
              // Metadata of the whole topic list from this broker (a request naming the topic could auto-create it).
              const listed = await b.admin.listTopics({ includeInternals: false });
              errors.delete(b.id);
              if (listed.includes(topic)) still.push(b.id);
            } catch (err) {
              errors.set(b.id, `broker ${b.id}: ${errorText(err)}`);
              still.push(b.id);
            }
          }),
      );
      pending = still;
      if (pending.length === 0 || Date.now() - t0 >= boundMs) break;
      await sleep(everyMs);
    }
  } finally {
    await Promise.allSettled(perBroker.map((b) => b.admin.close()));
  }
  return { ms: Date.now() - t0, stillListedBy: pending.filter((id) => !errors.has(id)), errors: [...errors.values()] };
}
