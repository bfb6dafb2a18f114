import { describe, expect, it } from 'vitest';
import { parseDuration } from '../../src/config/readiness.js';

// Moved from the grouped retention-more.test.ts: readiness.yaml durations (topicPolicies retention bounds).
describe('readiness.yaml durations', () => {
  it('parses durations', () => {
    expect(parseDuration('7d')).toBe(604_800_000);
    expect(parseDuration('36h')).toBe(129_600_000);
    expect(parseDuration(1000)).toBe(1000);
    expect(parseDuration('soon')).toBeNull();
  });
});
