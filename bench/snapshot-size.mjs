#!/usr/bin/env node
// Snapshot size per topic and per partition: writes the file in the current format and attributes every byte of
// it to what it grows with. Topic bytes: the topics records less their partition tuples, and the topicConfigs
// records (the common entries included); partition bytes: partition tuples, offsets, log-dir sizes; group bytes:
// groups and committed offsets; the rest (header, brokers' configs and API versions, ACLs, end) is fixed.
// Budget (issue 18): 1.5 KB per topic + 0.15 KB per partition (KB = 1024 bytes).
//
//   npm run build && node bench/snapshot-size.mjs FILE...   # any snapshot (any version), re-encoded in the current format
//   node bench/snapshot-size.mjs --seeded                     # bench/fixtures/seeded-4.1.1.v1.json.gz, the real seeded cluster

import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const { readSnapshotFile } = await import(path.join(root, 'dist', 'src', 'pipeline.js'));
const { encodeSnapshot } = await import(path.join(root, 'dist', 'src', 'gather', 'snapshot-io.js'));

const files = process.argv.slice(2).map((f) => (f === '--seeded' ? path.join(root, 'bench', 'fixtures', 'seeded-4.1.1.v1.json.gz') : f));
for (const file of files) {
  const s = await readSnapshotFile(file);
  const topics = s.artifacts.topics.ok ? s.artifacts.topics.value.length : 0;
  const partitions = s.artifacts.topics.ok ? s.artifacts.topics.value.reduce((n, t) => n + t.partitions.length, 0) : 0;
  const groups = s.artifacts.groups.ok ? s.artifacts.groups.value.length : 0;
  const bytes = { topic: 0, partition: 0, group: 0, samples: 0, fixed: 0 };
  let total = 0;
  for (const line of encodeSnapshot(s)) {
    const n = Buffer.byteLength(JSON.stringify(line)) + 1;
    total += n;
    const a = line.artifact;
    if (a === 'topics' && Array.isArray(line.items)) {
      // Each item is [name, id, internal, [partition tuples], error?]: the tuples are partition bytes.
      const parts = line.items.reduce((m, it) => m + Buffer.byteLength(JSON.stringify(it[3])), 0);
      bytes.partition += parts;
      bytes.topic += n - parts;
    } else if (a === 'topicConfigs') bytes.topic += n;
    else if (a === 'offsets' || a === 'logDirs') bytes.partition += n;
    else if (a === 'groups' || a === 'groupOffsets') bytes.group += n;
    else if (a === 'samples') bytes.samples += n;
    else bytes.fixed += n;
  }
  const kb = (b) => (b / 1024).toFixed(3);
  const budget = 1.5 * 1024 * topics + 0.15 * 1024 * partitions;
  process.stdout.write(
    `${path.relative(process.cwd(), file)}: ${topics} topics, ${partitions} partitions, ${groups} groups; ${(total / 1024).toFixed(1)} KB written\n` +
      `  per topic ${kb(bytes.topic / topics)} KB (topic records + topic configs), per partition ${kb(bytes.partition / partitions)} KB (tuples, offsets, log-dir sizes)\n` +
      `  groups ${kb(bytes.group)} KB${groups ? ` (${kb(bytes.group / groups)} KB each)` : ''}, samples ${kb(bytes.samples)} KB, fixed ${kb(bytes.fixed)} KB\n` +
      `  budget 1.5 KB x ${topics} + 0.15 KB x ${partitions} = ${(budget / 1024).toFixed(1)} KB: ${total <= budget ? 'within' : 'OVER'} (${((100 * total) / budget).toFixed(0)} %)\n`,
  );
}
