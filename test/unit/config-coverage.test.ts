import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtInChecks } from '../../checks/index.js';
import { configCoverage, KAFKA_41_TOPIC_CONFIGS, NOT_JUDGED, renderConfigCoverage, REVIEW_BROKER_CONFIGS } from '../../src/commands/config-coverage.js';
import { defineCheck, pass, topic } from '../../src/sdk.js';

const root = path.resolve(import.meta.dirname, '..', '..');
const registry = builtInChecks.map((check) => ({ check, origin: 'built-in' }));

describe('configuration surface (docs/config-coverage.md)', () => {
  it('docs/config-coverage.md is generated from the current checks (npm run docs:checks)', () => {
    expect(readFileSync(path.join(root, 'docs', 'config-coverage.md'), 'utf8')).toBe(renderConfigCoverage(registry));
  });

  it('judges or lists with a reason every topic config of Kafka 4.1 and every reviewed broker config', () => {
    const cov = configCoverage(registry);
    const unaccounted = [...cov.topic, ...cov.broker].filter((r) => r.judgedBy.length === 0 && r.reason === null).map((r) => `${r.scope} ${r.config}`);
    expect(unaccounted).toEqual([]);
    expect(cov.counts.topic.total).toBe(KAFKA_41_TOPIC_CONFIGS.length);
    expect(cov.counts.topic.judged + cov.counts.topic.listed).toBe(cov.counts.topic.total);
    expect(cov.counts.broker.total).toBeGreaterThanOrEqual(REVIEW_BROKER_CONFIGS.length);
  });

  it('a new topic config (e.g. from a newer Kafka) shows up as not accounted for, and fails the check above', () => {
    const cov = configCoverage(registry);
    const known = new Set(cov.topic.map((r) => r.config));
    expect(known.has('segment.ms') && known.has('flush.messages')).toBe(true);
    // Simulate Kafka adding a config no check judges: it must be reported, not silently absent.
    const withNew = configCoverage([...registry, { check: defineCheck({ meta: { id: 'x/y', area: 'x', title: 't', description: 'd', remediation: 'r', severity: 'low', requires: ['topics'], judges: [{ config: 'brand.new.config', scope: 'topic', threshold: 't', source: 's' }] }, evaluate: () => [pass(topic('a'), 'ok')] }), origin: 'plugin' }]);
    expect(withNew.topic.find((r) => r.config === 'brand.new.config')?.judgedBy[0]?.check).toBe('x/y');
    expect(renderConfigCoverage(registry)).toContain('| `preallocate` | Preallocates segment files');
  });

  it('lists no config both as judged and as not judged, and no reason for an unknown config', () => {
    const cov = configCoverage(registry);
    const both = [...cov.topic, ...cov.broker].filter((r) => r.judgedBy.length > 0 && r.reason !== null).map((r) => r.config);
    expect(both).toEqual([]);
    for (const n of NOT_JUDGED) expect(n.scope === 'topic' ? KAFKA_41_TOPIC_CONFIGS : REVIEW_BROKER_CONFIGS, n.config).toContain(n.config);
  });

  it('every judged config names a threshold and a source', () => {
    for (const c of builtInChecks) for (const j of c.meta.judges ?? []) {
      expect(j.threshold.length, `${c.meta.id} ${j.config}`).toBeGreaterThan(3);
      expect(j.source.length, `${c.meta.id} ${j.config}`).toBeGreaterThan(3);
    }
  });
});
