import { describe, expect, it } from 'vitest';
import { applyProfile } from '../../src/config/profiles.js';
import { defaultConfig, parseReadinessConfig, type ReadinessConfig } from '../../src/config/readiness.js';
import { buildRegistry } from '../../src/engine/registry.js';
import { evaluateSnapshot } from '../../src/pipeline.js';
import type { ArtifactError } from '../../src/gather/snapshot.js';
import { makeSnapshot } from '../helpers/snapshot.js';

const denied: { ok: false; error: ArtifactError } = { ok: false, error: { reason: 'denied', message: 'TOPIC_AUTHORIZATION_FAILED', api: 'Metadata' } };

/** What a principal without ACLs sees: cluster metadata, nothing else. */
function blindSnapshot() {
  return makeSnapshot({ topics: denied, topicConfigs: denied, brokerConfigs: denied, groups: denied, offsets: denied, acls: denied, groupOffsets: denied } as never);
}

async function run(config: ReadinessConfig, opts: Parameters<typeof evaluateSnapshot>[2] = {}) {
  return evaluateSnapshot(blindSnapshot(), { config, registry: await buildRegistry(config) }, opts);
}

describe('the gate fails closed on low coverage', () => {
  it('a blind scan is not assessable and fails even with --fail-on critical and --fail-under 90', async () => {
    const r = await run(defaultConfig(), { failOn: 'critical', failUnder: 90 });
    expect(r.summary.coverage).toBeLessThan(50);
    expect(r.summary.verdict).toBe('not-assessable');
    expect(r.summary.verdictReasons[0]).toMatch(/below the minimum 50 % \(default minimum coverage\)/);
    expect(r.gate.passed).toBe(false);
    expect(r.gate.decidedBy).toBe('min-coverage');
    expect(r.gate.rules[0]).toMatchObject({ rule: 'min-coverage', passed: false, origin: 'default minimum coverage' });
  });

  it('every profile has its own minimum, and the file and the flag win over it', async () => {
    for (const [name, min] of [['dev', 30], ['production', 80], ['regulated', 90]] as const) {
      const config = applyProfile(defaultConfig(), name);
      expect(config.gate.minCoverage).toBe(min);
      const r = await run(config);
      const rule = r.gate.rules.find((x) => x.rule === 'min-coverage')!;
      expect(rule.origin).toBe(`profile ${name}`);
      expect(r.summary.verdict === 'not-assessable').toBe(r.summary.coverage < min);
    }
    const fromFile = applyProfile(parseReadinessConfig('gate:\n  minCoverage: 5\n', 'r.yaml'), 'production');
    const r = await run(fromFile);
    expect(r.gate.rules[0]).toMatchObject({ rule: 'min-coverage', origin: 'gate.minCoverage (r.yaml:2:3)' });
    expect(r.summary.verdict).not.toBe('not-assessable');
    const flagged = await run(fromFile, { minCoverage: 99 });
    expect(flagged.gate.rules[0]).toMatchObject({ rule: 'min-coverage', passed: false, origin: '--min-coverage' });
    expect(flagged.summary.verdict).toBe('not-assessable');
  });

  it('a full scan keeps its verdict and passes the coverage rule', async () => {
    const config = defaultConfig();
    const r = evaluateSnapshot(makeSnapshot(), { config, registry: await buildRegistry(config) });
    expect(r.summary.verdict).not.toBe('not-assessable');
    expect(r.gate.rules[0]).toMatchObject({ rule: 'min-coverage', passed: true });
  });

  it('the baseline mode keeps the coverage rule', async () => {
    const r = await run(defaultConfig(), { newFindings: { count: 0, examples: [], origin: '--baseline b.json' } });
    expect(r.gate).toMatchObject({ passed: false, decidedBy: 'min-coverage' });
  });
});
