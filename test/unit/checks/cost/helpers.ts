// Builders for the cost check tests (on top of makeSnapshot and the --observe builders).
import type { OffsetSample, Snapshot, TopicInfo } from '../../../../src/gather/snapshot.js';
import { samples } from '../../../helpers/builders-observe.js';
import { cfg, makeSnapshot, TOPIC_DEFAULTS, topicInfo } from '../../../helpers/snapshot.js';

/** Topic `name` with `n` partitions rotated over brokers 1-3. */
export const partitioned = (name: string, n: number): TopicInfo => topicInfo(name, Array.from({ length: n }, (_, i) => ({ replicas: [1, 2, 3].map((b) => ((b + i - 1) % 3) + 1) })));

/** Topic t with `partitions` partitions, observed through samples every 10 s whose t-0 log end is `latest[i]`. */
export function observed(latest: number[], partitions = 1, extra: TopicInfo[] = []): Snapshot {
  const topics = [partitioned('t', partitions), ...extra];
  return makeSnapshot({
    topics: { ok: true, value: topics },
    topicConfigs: { ok: true, value: Object.fromEntries(topics.map((t) => [t.name, cfg(TOPIC_DEFAULTS)])) },
    samples: { ok: true, value: samples(latest, {}) },
  });
}

/** The last sample lacks t-0 (its leader did not answer), as the gather layer records it. */
export function lastSampleLacksT0(s: Snapshot): Snapshot {
  if (!s.artifacts.samples.ok) throw new Error('samples');
  const list: OffsetSample[] = s.artifacts.samples.value;
  const last = list[list.length - 1]!;
  delete last.offsets.t!['0'];
  last.partial = { partitions: { t: [0] }, reason: 'broker 1: unreachable' };
  s.artifacts.samples.issues = [{ reason: 'unreachable', api: 'ListOffsets', message: `sample ${list.length} at ${last.at} is partial: no offsets for 1 partition(s) (t-0)` }];
  return s;
}
