// The list-offsets-by-timestamp cell: which timestamp it writes and asks for, and which answers are right,
// for topics whose timestamps the client sets (CreateTime) and those the broker sets (LogAppendTime).
import { describe, expect, it } from 'vitest';
import { LIST_OFFSETS_AHEAD_MS, listOffsetsPassed, listOffsetsPlan, listOffsetsProblem } from '../../src/gather/probe/types.js';

describe('list-offsets-by-timestamp cell', () => {
  const now = 1_800_000_000_000;

  it('CreateTime: writes ahead of the clock and wants exactly the record it wrote', () => {
    expect(listOffsetsPlan(false, now)).toEqual({ timestamp: now + LIST_OFFSETS_AHEAD_MS, exact: true, writtenNote: 'record with the newest timestamp written' });
    expect(listOffsetsProblem(41n, 41n, true)).toBeNull();
    // The log start (what an old timestamp would have let through) is a wrong answer.
    expect(listOffsetsProblem(0n, 41n, true)).toBe('ListOffsets(timestamp) returned 0, expected 41 (the record with the newest timestamp)');
    expect(listOffsetsProblem(42n, 41n, true)).toMatch(/returned 42, expected 41/);
    expect(listOffsetsPassed(41n, 41n, true)).toBe('ListOffsets by timestamp returned offset 41, the record written with the newest timestamp');
  });

  it('LogAppendTime: asks for an hour back and accepts any answer not after the record', () => {
    expect(listOffsetsPlan(true, now)).toEqual({ timestamp: now - 3_600_000, exact: false, writtenNote: 'record written (the broker sets its timestamp)' });
    expect(listOffsetsProblem(0n, 41n, false)).toBeNull();
    expect(listOffsetsProblem(41n, 41n, false)).toBeNull();
    expect(listOffsetsProblem(42n, 41n, false)).toBe('ListOffsets(timestamp) returned 42, after the record written at 41');
    expect(listOffsetsPassed(3n, 41n, false)).toMatch(/^ListOffsets by timestamp returned offset 3, not after the record written at 41 \(LogAppendTime topic/);
  });

  it('no answer, -1 (no such offset) or an unknown write offset is a failure either way', () => {
    for (const exact of [true, false]) {
      expect(listOffsetsProblem(undefined, 41n, exact)).toMatch(/returned nothing/);
      expect(listOffsetsProblem(-1n, 41n, exact)).toMatch(/returned -1/);
      expect(listOffsetsProblem(5n, undefined, exact)).toMatch(/\(unknown\)/);
    }
  });
});
