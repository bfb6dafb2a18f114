import { describe, expect, it } from 'vitest';
import { capEvidence, EVIDENCE_LIST_MAX, EVIDENCE_MORE_KEY, evaluateChecks } from '../../src/engine/evaluate.js';
import { defaultConfig } from '../../src/config/readiness.js';
import type { RegisteredCheck } from '../../src/engine/registry.js';
import { defineCheck, fail, topic } from '../../src/sdk.js';
import { makeSnapshot } from '../helpers/snapshot.js';

describe('evidence lists in findings are capped with a total', () => {
  it('keeps the first items of every long list and says how many more there are', () => {
    const parts = Array.from({ length: 107 }, (_, i) => `t-${i}`);
    const capped = capEvidence({ observed: parts.length, details: { offline: parts, brokers: [1, 2], nested: [{ list: parts }] } });
    expect(capped.details.offline).toHaveLength(EVIDENCE_LIST_MAX + 1);
    expect(capped.details.offline.slice(0, 2)).toEqual(['t-0', 't-1']);
    expect(capped.details.offline.at(-1)).toBe(`and ${107 - EVIDENCE_LIST_MAX} more`);
    expect(capped.details.brokers).toEqual([1, 2]);
    expect((capped.details.nested[0] as { list: string[] }).list.at(-1)).toBe(`and ${107 - EVIDENCE_LIST_MAX} more`);
    expect(capped.observed).toBe(107);
  });

  it('caps maps below details (partition → state) with a count under the "…" key, never the named fields', () => {
    const states = Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`orders-${i}`, 'STOP']));
    const fields = Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`field${i}`, i]));
    const capped = capEvidence({ observed: fields, expected: 'OK', details: { partitions: states, ...fields } });
    expect(Object.keys(capped.details.partitions)).toHaveLength(EVIDENCE_LIST_MAX + 1);
    expect(capped.details.partitions['orders-0']).toBe('STOP');
    expect(capped.details.partitions[EVIDENCE_MORE_KEY]).toBe(`and ${50 - EVIDENCE_LIST_MAX} more`);
    // observed and details are records of named fields: all 30 stay.
    expect(Object.keys(capped.observed)).toHaveLength(30);
    expect(Object.keys(capped.details)).toHaveLength(31);
    const small = { observed: 1, expected: 'x', details: { partitions: { a: 1, b: 2 } } };
    expect(capEvidence(small)).toBe(small);
    // Copy on write: short lists (the usual case) are not rebuilt either.
    const lists = { observed: [1, 2], expected: 'x', details: { partitions: [{ partition: 0, isr: [1] }], brokers: [1] } };
    expect(capEvidence(lists)).toBe(lists);
    const longInside = { observed: 1, expected: 'x', details: { partitions: [{ partition: 0, isr: [1] }, { list: Array.from({ length: 30 }, (_, i) => i) }] } };
    const c = capEvidence(longInside);
    expect(c.details.partitions[0]).toBe(longInside.details.partitions[0]);
    expect((c.details.partitions[1] as { list: unknown[] }).list).toHaveLength(EVIDENCE_LIST_MAX + 1);
    expect((longInside.details.partitions[1] as { list: unknown[] }).list).toHaveLength(30);
  });

  it('is applied where findings are made, so every report format gets the capped list', () => {
    const offline = Array.from({ length: 500 }, (_, i) => `orders-${i}`);
    const check = defineCheck({
      meta: { id: 'test/long-evidence', area: 'replication', title: 't', description: 'd', remediation: 'r', severity: 'high', requires: ['topics'] },
      evaluate: () => [fail(topic('orders'), 'many partitions offline', { observed: offline.length, expected: 'none offline', details: { offline } })],
    });
    const [result] = evaluateChecks(makeSnapshot(), [{ check, origin: 'test' } as RegisteredCheck], defaultConfig());
    const details = result!.findings[0]!.evidence!.details as { offline: string[] };
    expect(details.offline).toHaveLength(EVIDENCE_LIST_MAX + 1);
    expect(details.offline.at(-1)).toBe('and 480 more');
    expect(offline).toHaveLength(500); // the check's own data is not changed
  });
});
