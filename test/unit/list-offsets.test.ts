import { listOffsetsV5, listOffsetsV6, listOffsetsV9 } from '@platformatic/kafka';
import { describe, expect, it } from 'vitest';
import { listOffsetsRequest } from '../../src/connect/list-offsets.js';

const topics = [
  { name: 'orders', partitions: [0, 1, 2].map((p) => ({ partitionIndex: p, currentLeaderEpoch: -1, timestamp: -1n })) },
  // A long, non-ASCII name (multi-byte varint length) and many partitions.
  { name: `ü${'x'.repeat(200)}`, partitions: Array.from({ length: 150 }, (_, p) => ({ partitionIndex: p, currentLeaderEpoch: 7, timestamp: -2n })) },
  { name: 'empty', partitions: [] },
];

describe('ListOffsets request encoder', () => {
  it('writes the same bytes as the library for v5 (classic) and v6–v9 (flexible)', () => {
    for (const [version, lib] of [[5, listOffsetsV5], [6, listOffsetsV6], [9, listOffsetsV9]] as const) {
      for (const isolation of [0, 1]) {
        for (const t of [topics, [], Array.from({ length: 130 }, (_, i) => ({ name: `t${i}`, partitions: [{ partitionIndex: 0, currentLeaderEpoch: -1, timestamp: -1n }] }))]) {
          expect(listOffsetsRequest(version, -1, isolation, t).buffer, `v${version}`).toEqual(lib.createRequest(-1, isolation, t).buffer);
        }
      }
    }
  });
});
