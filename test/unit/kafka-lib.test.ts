import * as Kafka from '@platformatic/kafka';
import { describe, expect, it } from 'vitest';
import * as lib from '../../src/connect/kafka-lib.js';

// kafka-lib.ts loads @platformatic/kafka's own modules instead of its index (start-up CPU): what it hands out
// must be the very objects the index exports, or instanceof checks on the library's errors would silently fail.
describe('kafka-lib', () => {
  it('exports the same objects as the package index', () => {
    const names = Object.keys(lib).filter((k) => k !== 'KAFKA_MODULES');
    expect(names.length).toBeGreaterThan(30);
    for (const name of names) {
      const ours = (lib as Record<string, unknown>)[name];
      expect(ours, name).toBeDefined();
      expect(ours, name).toBe((Kafka as Record<string, unknown>)[name]);
    }
  });
});
