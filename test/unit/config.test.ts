import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadReadinessConfig, parseReadinessConfig } from '../../src/config/readiness.js';
import { buildRegistry } from '../../src/engine/registry.js';
import { ConfigError } from '../../src/errors.js';

function errorOf(fn: () => unknown): ConfigError {
  try {
    fn();
  } catch (err) {
    if (err instanceof ConfigError) return err;
    throw err;
  }
  throw new Error('expected a ConfigError');
}

async function asyncErrorOf(p: Promise<unknown>): Promise<ConfigError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof ConfigError) return err;
    throw err;
  }
  throw new Error('expected a ConfigError');
}

describe('readiness.yaml', () => {
  it('reads overrides, areas, scoring and plugins', () => {
    const c = parseReadinessConfig(
      ['version: 1', 'checks:', '  replication/replication-factor:', '    severity: critical', '    options: { minReplicationFactor: 2 }', 'areas:', '  cost: { weight: 0.5 }', 'scoring:', '  failUnder: 70'].join('\n'),
      'r.yaml',
    );
    expect(c.checks['replication/replication-factor']).toEqual({ severity: 'critical', options: { minReplicationFactor: 2 } });
    expect(c.areas.cost!.weight).toBe(0.5);
    expect(c.scoring).toMatchObject({ failUnder: 70, readyScore: 90, notReadyBelow: 60 });
  });

  it('names file:line:column for YAML syntax errors', () => {
    const e = errorOf(() => parseReadinessConfig('checks:\n  a: [1, 2\nscoring: {}\n', 'bad.yaml'));
    expect(e.message).toMatch(/^bad\.yaml:\d+:\d+: /);
    expect(e.exitCode).toBe(2);
  });

  it('names file:line:column of an unknown key', () => {
    const e = errorOf(() => parseReadinessConfig('scoring:\n  failUnder: 50\n  failUndr: 60\n', 'r.yaml'));
    expect(e.message).toBe('r.yaml:3:3: unknown key "failUndr" in scoring');
  });

  it('names the location of a wrong value type', () => {
    const e = errorOf(() => parseReadinessConfig('checks:\n  acl/super-users:\n    severity: extreme\n', 'r.yaml'));
    expect(e.message).toMatch(/^r\.yaml:3:5: .*severity must be one of critical, high, medium, low, info/);
  });

  it('rejects duplicate keys with a location', () => {
    const e = errorOf(() => parseReadinessConfig('scoring:\n  failUnder: 1\n  failUnder: 2\n', 'dup.yaml'));
    expect(e.message).toMatch(/^dup\.yaml:3:\d+: .*[Mm]ap keys must be unique/);
  });

  it('validates check options against the check\'s optionsSchema: a typo inside groupThresholds is a config error at its location', async () => {
    const yaml = 'checks:\n  consumer-lag/group-lag:\n    options:\n      groupThresholds:\n        - groups: ["batch-*"]\n          warnLagg: 50000\n';
    const e = await asyncErrorOf(buildRegistry(parseReadinessConfig(yaml, 'r.yaml')));
    expect(e).toBeInstanceOf(ConfigError);
    expect(e.message).toBe('r.yaml:6:11: check consumer-lag/group-lag: unknown key "warnLagg" in groupThresholds.0');
    const wrongType = 'checks:\n  consumer-lag/group-lag:\n    options:\n      groupThresholds:\n        - groups: batch-*\n';
    expect((await asyncErrorOf(buildRegistry(parseReadinessConfig(wrongType, 'r.yaml')))).message).toBe('r.yaml:5:11: check consumer-lag/group-lag: groupThresholds.0.groups must be array');
    const good = 'checks:\n  consumer-lag/group-lag:\n    options:\n      warnLag: 10\n      groupThresholds:\n        - groups: ["batch-*"]\n          warnLag: 50000\n';
    await expect(buildRegistry(parseReadinessConfig(good, 'r.yaml'))).resolves.toBeDefined();
  });

  it('rejects unknown check ids and options at their location', async () => {
    const c1 = parseReadinessConfig('checks:\n  replication/replication-factr:\n    enabled: false\n', 'r.yaml');
    expect((await asyncErrorOf(buildRegistry(c1))).message).toBe('r.yaml:2:3: unknown check "replication/replication-factr" (did you mean replication/replication-factor?)');
    const c2 = parseReadinessConfig('checks:\n  retention/disk-headroom:\n    options:\n      warnFree: 0.3\n', 'r.yaml');
    expect((await asyncErrorOf(buildRegistry(c2))).message).toMatch(/^r\.yaml:4:7: check retention\/disk-headroom has no option "warnFree" \(options: warnFreeRatio, failFreeRatio\)$/);
    const c3 = parseReadinessConfig('checks:\n  retention/disk-headroom:\n    options:\n      warnFreeRatio: lots\n', 'r.yaml');
    expect((await asyncErrorOf(buildRegistry(c3))).message).toMatch(/^r\.yaml:4:7: option warnFreeRatio .* must be number$/);
  });

  it('loads plugin checks relative to the config file and validates them', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'kr-plugin-'));
    writeFileSync(
      path.join(dir, 'team-checks.mjs'),
      `export default [{ meta: { id: 'team/topic-prefix', area: 'team', title: 'Topics use a team prefix', description: 'd', remediation: 'r', severity: 'low', requires: ['topics'] },
        evaluate({ topics }) { return topics.map((t) => ({ resource: { kind: 'topic', name: t.name }, status: t.name.startsWith('team.') ? 'pass' : 'fail', message: 'prefix' })); } }];\n`,
    );
    writeFileSync(path.join(dir, 'broken.mjs'), `export default { meta: { id: 'Bad Id' }, evaluate() { return []; } };\n`);
    writeFileSync(path.join(dir, 'readiness.yaml'), 'plugins:\n  - ./team-checks.mjs\n');
    const registry = await buildRegistry(loadReadinessConfig(path.join(dir, 'readiness.yaml')));
    expect(registry.find((r) => r.check.meta.id === 'team/topic-prefix')?.origin).toBe('./team-checks.mjs');
    writeFileSync(path.join(dir, 'bad.yaml'), 'plugins:\n  - ./team-checks.mjs\n  - ./broken.mjs\n');
    const e = await asyncErrorOf(buildRegistry(loadReadinessConfig(path.join(dir, 'bad.yaml'))));
    expect(e.message).toMatch(/bad\.yaml:3:5: plugin "\.\/broken\.mjs": check id "Bad Id" must look like/);
    writeFileSync(path.join(dir, 'missing.yaml'), 'plugins:\n  - ./nope.mjs\n');
    expect((await asyncErrorOf(buildRegistry(loadReadinessConfig(path.join(dir, 'missing.yaml'))))).message).toMatch(/missing\.yaml:2:5: plugin "\.\/nope\.mjs" failed to load/);
  });

  it('validates plugin options against the plugin\'s optionsSchema; without one, against the keys and types of its defaults', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'kr-plugin-schema-'));
    const meta = (id: string, extra: string) => `{ id: '${id}', area: 'team', title: 't', description: 'd', remediation: 'r', severity: 'low', requires: ['topics'], ${extra} }`;
    writeFileSync(
      path.join(dir, 'checks.mjs'),
      `export default [
        { meta: ${meta('team/with-schema', "defaultOptions: { limits: [] }, optionsSchema: { type: 'object', additionalProperties: false, properties: { limits: { type: 'array', items: { type: 'object', additionalProperties: false, properties: { max: { type: 'integer' } } } } } }")}, evaluate() { return []; } },
        { meta: ${meta('team/without-schema', 'defaultOptions: { limits: [] }')}, evaluate() { return []; } },
      ];\n`,
    );
    writeFileSync(path.join(dir, 'bad-schema.mjs'), `export default { meta: ${meta('team/bad-schema', "defaultOptions: { max: 'x' }, optionsSchema: { type: 'object', properties: { max: { type: 'integer' } } }")}, evaluate() { return []; } };\n`);
    const load = async (yaml: string) => {
      writeFileSync(path.join(dir, 'r.yaml'), yaml);
      return buildRegistry(loadReadinessConfig(path.join(dir, 'r.yaml')));
    };
    const typo = 'plugins:\n  - ./checks.mjs\nchecks:\n  team/with-schema:\n    options:\n      limits:\n        - { maxx: 3 }\n';
    expect((await asyncErrorOf(load(typo))).message).toBe(`${path.join(dir, 'r.yaml')}:7:13: check team/with-schema: unknown key "maxx" in limits.0`);
    // Without a schema the nested typo is not seen (today's key/typeof validation), but an unknown top-level key is.
    await expect(load(typo.replace('team/with-schema', 'team/without-schema'))).resolves.toBeDefined();
    expect((await asyncErrorOf(load('plugins:\n  - ./checks.mjs\nchecks:\n  team/without-schema:\n    options: { limitz: [] }\n'))).message).toMatch(/:5:16: check team\/without-schema has no option "limitz"/);
    await expect(load('plugins:\n  - ./checks.mjs\nchecks:\n  team/with-schema:\n    options: { limits: [{ max: 3 }] }\n')).resolves.toBeDefined();
    // A schema that rejects the plugin's own defaults is the plugin's bug, reported at the plugin entry.
    expect((await asyncErrorOf(load('plugins:\n  - ./bad-schema.mjs\n'))).message).toMatch(/r\.yaml:2:5: plugin "\.\/bad-schema\.mjs": check team\/bad-schema: meta\.defaultOptions do not match meta\.optionsSchema: max must be integer/);
  });
});
