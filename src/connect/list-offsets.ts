// ListOffsets requests (v5–v9) written straight into one buffer. The library's writer appends every field as a
// buffer of its own (an 8-byte one per 64-bit timestamp): for the three ListOffsets requests per leader of a
// 5000-partition scan that was a noticeable share of client CPU. Same bytes as the library's createRequest
// (test/unit/list-offsets.test.ts compares them); the response is still parsed by the library.

import { Writer } from './kafka-lib.js';

export interface ListOffsetsTopic {
  name: string;
  partitions: { partitionIndex: number; currentLeaderEpoch: number; timestamp: bigint }[];
}

function uvarintSize(n: number): number {
  let size = 1;
  while (n >= 0x80) {
    n = Math.floor(n / 128);
    size++;
  }
  return size;
}

/** The request body of ListOffsets `version` (v6+ flexible: compact arrays and strings, empty tagged fields). */
export function listOffsetsRequest(version: number, replica: number, isolationLevel: number, topics: ListOffsetsTopic[]): Writer {
  const flexible = version >= 6;
  const names = topics.map((t) => Buffer.from(t.name, 'utf8'));
  let size = 5 + (flexible ? uvarintSize(topics.length + 1) + 1 : 4);
  for (let i = 0; i < topics.length; i++) {
    const n = topics[i]!.partitions.length;
    size += flexible ? uvarintSize(names[i]!.length + 1) + names[i]!.length + uvarintSize(n + 1) + 1 + n * 17 : 2 + names[i]!.length + 4 + n * 16;
  }
  const b = Buffer.allocUnsafe(size);
  let p = 0;
  const uvarint = (n: number) => {
    while (n >= 0x80) {
      b[p++] = (n & 0x7f) | 0x80;
      n = Math.floor(n / 128);
    }
    b[p++] = n;
  };
  p = b.writeInt32BE(replica, p);
  p = b.writeInt8(isolationLevel, p);
  if (flexible) uvarint(topics.length + 1);
  else p = b.writeInt32BE(topics.length, p);
  for (let i = 0; i < topics.length; i++) {
    const name = names[i]!;
    const parts = topics[i]!.partitions;
    if (flexible) uvarint(name.length + 1);
    else p = b.writeInt16BE(name.length, p);
    p += name.copy(b, p);
    if (flexible) uvarint(parts.length + 1);
    else p = b.writeInt32BE(parts.length, p);
    for (const part of parts) {
      p = b.writeInt32BE(part.partitionIndex, p);
      p = b.writeInt32BE(part.currentLeaderEpoch, p);
      p = b.writeBigInt64BE(part.timestamp, p);
      if (flexible) b[p++] = 0;
    }
    if (flexible) b[p++] = 0;
  }
  if (flexible) b[p++] = 0;
  return Writer.create().append(b.subarray(0, p));
}
