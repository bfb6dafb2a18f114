#!/usr/bin/env node
// Writes a synthetic snapshot shaped like the seeded test cluster, scaled up: the seeded topics (with their
// real configs, faults included) recur under numbered names, about 10 partitions each, on the same three
// brokers and racks; consumer groups read them, some far behind or below the log start; with --samples the
// offsets move over an observation window. Built from bench/fixtures/seeded-4.1.1.v1.json.gz, a real
// snapshot of the seeded 4.1.1 test cluster (log-dir paths neutralised), so configs and synonyms are real.
//
//   node bench/synthetic-snapshot.mjs --partitions 200000 --groups 10000 --samples 5 -o /tmp/s.json[.gz|.jsonl]
//
// The file is written in the current snapshot format (--format v1 writes the old single-JSON format, for
// comparisons). Plain JavaScript over dist/ (run `npm run build` first) so it needs no TypeScript runtime.

import { createWriteStream, readFileSync } from 'node:fs';
import { once } from 'node:events';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { parseArgs } from 'node:util';

const here = path.dirname(fileURLToPath(import.meta.url));

const { values: args } = parseArgs({
  options: {
    partitions: { type: 'string', default: '200000' },
    groups: { type: 'string', default: '10000' },
    samples: { type: 'string', default: '1' },
    'per-topic': { type: 'string', default: '10' },
    format: { type: 'string', default: 'current' },
    output: { type: 'string', short: 'o' },
    seed: { type: 'string', default: '1' },
  },
});
if (!args.output) {
  process.stderr.write('usage: node bench/synthetic-snapshot.mjs --partitions N --groups G --samples S [--format v1|current] -o FILE\n');
  process.exit(2);
}
const N = Number(args.partitions);
const G = Number(args.groups);
const S = Math.max(1, Number(args.samples));
const PER_TOPIC = Number(args['per-topic']);

// Deterministic pseudo-random numbers (mulberry32) so runs are comparable.
let state = Number(args.seed) >>> 0;
function rand() {
  state = (state + 0x6d2b79f5) >>> 0;
  let t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}

export function buildSnapshot(template, { partitions, groups, samples, perTopic }) {
  const a = template.artifacts;
  const seededTopics = a.topics.value.filter((t) => !t.internal);
  const internal = a.topics.value.filter((t) => t.internal);
  const brokers = a.cluster.value.brokers.map((b) => b.id);
  const topicCount = Math.max(1, Math.ceil(partitions / perTopic));
  const topics = [...internal];
  const topicConfigs = {};
  for (const t of internal) topicConfigs[t.name] = a.topicConfigs.value[t.name];
  const offsets = {};
  const logDirTopics = Object.fromEntries(brokers.map((b) => [b, {}]));
  const empty = new Set(['unused.placeholder']);
  let remaining = partitions;
  for (let i = 0; i < topicCount; i++) {
    const tt = seededTopics[i % seededTopics.length];
    const name = `${tt.name}.${String(i).padStart(6, '0')}`;
    const count = Math.min(perTopic, remaining);
    remaining -= count;
    const rf = tt.partitions[0].replicas.length;
    const pinned = rf === 1 ? tt.partitions[0].replicas : null; // the single-replica fault stays pinned to one rack
    const parts = [];
    const off = {};
    for (let p = 0; p < count; p++) {
      const first = (i + p) % brokers.length;
      const replicas = pinned ?? Array.from({ length: rf }, (_, r) => brokers[(first + r) % brokers.length]);
      parts.push({ partition: p, leader: replicas[0], leaderEpoch: 0, replicas, isr: replicas, offline: [] });
      const latest = empty.has(tt.name) ? 0 : Math.floor(rand() * 1_000_000);
      const earliest = tt.name === 'benefits.claims' ? Math.floor(latest / 2) : 0;
      off[String(p)] = { earliest: String(earliest), latest: String(latest), stable: String(latest) };
      for (const b of replicas) (logDirTopics[b][name] ??= {})[String(p)] = latest * 120;
    }
    topics.push({ name, id: `${(i + 1).toString(16).padStart(8, '0')}-synthetic-topic-id`, internal: false, partitions: parts });
    // Shared, not copied: identical configs serialize identically, and the generator stays small in memory.
    topicConfigs[name] = a.topicConfigs.value[tt.name];
    offsets[name] = off;
  }
  for (const t of internal) offsets[t.name] = a.offsets.value[t.name];
  const logDirs = Object.fromEntries(
    Object.entries(a.logDirs.value).map(([b, dirs]) => [b, dirs.map((d) => ({ ...d, topics: { ...d.topics, ...logDirTopics[Number(b)] } }))]),
  );

  // Groups: each reads one topic; one in 20 lags far behind with no members, one in 50 is below the log start.
  const userTopics = topics.filter((t) => !t.internal);
  const groupList = [];
  const committed = {};
  const kinds = [];
  for (let g = 0; g < groups; g++) {
    const t = userTopics[g % userTopics.length];
    const groupId = `svc-${String(g).padStart(6, '0')}`;
    const kind = g % 50 === 7 ? 'below-start' : g % 20 === 3 ? 'lagging' : 'ok';
    kinds.push(kind);
    const members = kind === 'lagging' ? [] : [{ memberId: `${groupId}-m1`, clientId: `${groupId}-client`, clientHost: '/10.0.0.1', assignment: { [t.name]: t.partitions.map((p) => p.partition) } }];
    groupList.push({ groupId, type: 'classic', protocolType: 'consumer', state: members.length ? 'Stable' : 'Empty', coordinator: brokers[g % brokers.length], members });
    const pos = {};
    for (const p of t.partitions) {
      const o = offsets[t.name][String(p.partition)];
      const latest = Number(o.latest);
      const c = kind === 'lagging' ? Math.floor(latest / 10) : kind === 'below-start' ? Math.max(0, Number(o.earliest) - 10) : latest;
      pos[String(p.partition)] = String(c);
    }
    committed[groupId] = { [t.name]: pos };
  }
  groupList.sort((x, y) => x.groupId.localeCompare(y.groupId));

  // Samples every 5 s: the log end grows by a per-partition rate; healthy groups keep up, lagging ones stall.
  const taken = Date.parse(template.takenAt);
  const sampleList = [];
  for (let k = 0; k < samples; k++) {
    const at = new Date(taken + k * 5000).toISOString();
    let sOffsets = offsets;
    let sCommitted = committed;
    if (k > 0) {
      sOffsets = {};
      for (const [t, parts] of Object.entries(offsets)) {
        const next = {};
        for (const [p, o] of Object.entries(parts)) {
          const latest = o.latest === null ? null : String(Number(o.latest) + k * 50);
          next[p] = { earliest: o.earliest, latest, stable: latest };
        }
        sOffsets[t] = next;
      }
      sCommitted = {};
      groupList.forEach((g) => {
        const byTopic = committed[g.groupId];
        const kind = kinds[Number(g.groupId.slice(4))];
        if (kind !== 'ok') {
          sCommitted[g.groupId] = byTopic;
          return;
        }
        const out = {};
        for (const [t, parts] of Object.entries(byTopic)) out[t] = Object.fromEntries(Object.keys(parts).map((p) => [p, sOffsets[t][p].latest]));
        sCommitted[g.groupId] = out;
      });
    }
    sampleList.push({
      at,
      offsets: sOffsets,
      groupOffsets: sCommitted,
      groupStates: Object.fromEntries(groupList.map((g) => [g.groupId, g.state])),
      groupMembers: Object.fromEntries(groupList.map((g) => [g.groupId, g.members.length])),
    });
  }

  return {
    ...template,
    artifacts: {
      ...a,
      topics: { ok: true, value: topics },
      topicConfigs: { ok: true, value: topicConfigs },
      logDirs: { ok: true, value: logDirs },
      offsets: { ok: true, value: offsets },
      groups: { ok: true, value: groupList },
      groupOffsets: { ok: true, value: committed },
      samples: { ok: true, value: sampleList },
    },
  };
}

/** The old format, written piecewise (as one string it would pass V8's string limit at these sizes). */
async function writeV1(snapshot, file) {
  const out = createWriteStream(file);
  let buf = [];
  let size = 0;
  const put = async (s) => {
    buf.push(s);
    size += s.length;
    if (size > 1 << 20) {
      if (!out.write(buf.join(''))) await once(out, 'drain');
      buf = [];
      size = 0;
    }
  };
  // Pretty-printed with two spaces like `gather -o`; containers above depth 6 are written one entry at a time.
  const write = async (value, pad, depth) => {
    if (value === null || typeof value !== 'object' || depth >= 6) {
      await put(JSON.stringify(value, null, 2).replaceAll('\n', `\n${pad}`));
      return;
    }
    const isArray = Array.isArray(value);
    const entries = isArray ? value.map((v, i) => [i, v]) : Object.entries(value).filter(([, v]) => v !== undefined);
    if (entries.length === 0) return put(isArray ? '[]' : '{}');
    await put(isArray ? '[\n' : '{\n');
    const inner = `${pad}  `;
    for (let i = 0; i < entries.length; i++) {
      const [k, v] = entries[i];
      await put(isArray ? inner : `${inner}${JSON.stringify(k)}: `);
      await write(v, inner, depth + 1);
      await put(i < entries.length - 1 ? ',\n' : '\n');
    }
    await put(`${pad}${isArray ? ']' : '}'}`);
  };
  await write(snapshot, '', 0);
  await put('\n');
  out.end(buf.join(''));
  await once(out, 'finish');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const template = JSON.parse(gunzipSync(readFileSync(path.join(here, 'fixtures', 'seeded-4.1.1.v1.json.gz'))).toString('utf8'));
  const t0 = performance.now();
  const snapshot = buildSnapshot(template, { partitions: N, groups: G, samples: S, perTopic: PER_TOPIC });
  if (args.format === 'v1') await writeV1(snapshot, args.output);
  else {
    const io = await import(path.join(here, '..', 'dist', 'src', 'gather', 'snapshot-io.js')).catch(() => null);
    if (!io) await writeV1(snapshot, args.output); // before the streamed format existed, the current format was v1
    else await io.writeSnapshotFile(args.output, snapshot);
  }
  const topics = snapshot.artifacts.topics.value.length;
  process.stderr.write(`wrote ${args.output}: ${topics} topics, ${N} partitions (+ internal), ${G} groups, ${S} samples in ${Math.round(performance.now() - t0)} ms\n`);
}
