// readiness.yaml `migration:`: the name mapping `compare` uses when no flag sets one, and where it came from.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { renderStarterConfig } from '../../src/commands/init.js';
import { parseReadinessConfig } from '../../src/config/readiness.js';
import { compareMapping } from '../../src/commands/compare.js';
import { ConfigError } from '../../src/errors.js';

const load = (text: string) => parseReadinessConfig(text, 'readiness.yaml');
const explicitYaml = 'version: 1\nmigration:\n  policy: explicit\n  sourceAlias: dc1\n  topics:\n    orders: orders-v2\n    "payments.in": payments\n';

describe('readiness.yaml migration section', () => {
  it('parses an explicit table with its origin as file:line:col', () => {
    expect(load(explicitYaml).migration).toEqual({
      policy: 'explicit',
      sourceAlias: 'dc1',
      targetAlias: null,
      separator: '.',
      topics: { orders: 'orders-v2', 'payments.in': 'payments' },
      origin: 'readiness.yaml:2:1',
    });
  });

  it('infers the policy: a table is explicit, an alias alone is prefix, nothing is identity', () => {
    expect(load('migration:\n  topics: { a: b }\n').migration?.policy).toBe('explicit');
    expect(load('migration:\n  sourceAlias: dc1\n  separator: _\n').migration).toMatchObject({ policy: 'prefix', sourceAlias: 'dc1', separator: '_' });
    expect(load('migration:\n  policy: identity\n').migration?.policy).toBe('identity');
    expect(load('version: 1\n').migration).toBeUndefined();
  });

  it.each([
    ['a typo in a key', 'version: 1\nmigration:\n  policy: explicit\n  topic:\n    a: b\n', 'readiness.yaml:4:3: ', /topic/],
    ['an unknown policy', 'migration:\n  policy: mirror\n', 'readiness.yaml:2:3: ', /policy/],
    ['a target name that is not a string', 'migration:\n  topics:\n    a: [b]\n', 'readiness.yaml:3:5: ', /string/],
    ['prefix without an alias', 'migration:\n  policy: prefix\n', 'readiness.yaml:2:3: ', /needs migration.sourceAlias/],
    ['explicit without a table', 'migration:\n  policy: explicit\n', 'readiness.yaml:2:3: ', /needs migration.topics/],
    ['a table under another policy (it would be ignored)', 'migration:\n  policy: identity\n  topics: { a: b }\n', 'readiness.yaml:3:3: ', /explicit policy's table/],
    ['two sources onto one target', 'migration:\n  topics:\n    a: x\n    b: x\n', 'readiness.yaml:4:5: ', /maps both "a" and "b" to "x"/],
    ['an alias with a space', 'migration:\n  sourceAlias: "dc 1"\n', 'readiness.yaml:2:3: ', /pattern|must match/],
  ])('rejects %s with file:line:col', (_name, text, where, message) => {
    let err: unknown;
    try {
      load(text);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ConfigError);
    expect((err as Error).message.startsWith(where), (err as Error).message).toBe(true);
    expect((err as Error).message).toMatch(message);
  });
});

describe('compare mapping: flags win over readiness.yaml', () => {
  const fromFile = load(explicitYaml).migration!;
  it('uses the file when no mapping flag is given', () => {
    expect(compareMapping({}, fromFile)).toBe(fromFile);
    expect(compareMapping({ sourceConfig: 's.properties', targetConfig: 't.properties' }, fromFile).origin).toBe('readiness.yaml:2:1');
  });
  it('any mapping flag replaces the section, and the origin names the flag', () => {
    expect(compareMapping({ sourceAlias: 'east' }, fromFile)).toMatchObject({ policy: 'prefix', sourceAlias: 'east', topics: {}, origin: '--source-alias' });
    expect(compareMapping({ replicationPolicy: 'identity' }, fromFile)).toMatchObject({ policy: 'identity', topics: {}, origin: '--replication-policy identity' });
  });
  it('without either, identical names', () => {
    expect(compareMapping({})).toMatchObject({ policy: 'identity', origin: 'default: identical names' });
  });
});

describe('compare (offline, through the CLI) reads the mapping from readiness.yaml unless a flag sets it', () => {
  it('an explicit table renames a topic: matched, no missing finding, origin file:line:col; --replication-policy identity overrides it', async () => {
    const { mkdtempSync, readFileSync, rmSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const path = (await import('node:path')).default;
    const { PassThrough } = await import('node:stream');
    const { main } = await import('../../src/cli.js');
    const { writeSnapshotFile } = await import('../../src/gather/snapshot-io.js');
    const { makeSnapshot, topicInfo } = await import('../helpers/snapshot.js');
    const dir = mkdtempSync(path.join(tmpdir(), 'kr-migration-config-'));
    const parts = [{ replicas: [1] }, { replicas: [2] }];
    await writeSnapshotFile(path.join(dir, 'source.jsonl'), makeSnapshot({ topics: { ok: true, value: [topicInfo('orders', parts), topicInfo('audit', parts)] } }));
    await writeSnapshotFile(path.join(dir, 'target.jsonl'), makeSnapshot({ topics: { ok: true, value: [topicInfo('orders-v2', parts)] } }));
    writeFileSync(path.join(dir, 'readiness.yaml'), 'version: 1\nmigration:\n  topics:\n    orders: orders-v2\n');
    const run = async (extra: string[]) => {
      const out = path.join(dir, `out-${extra.length}`);
      const before = process.exitCode;
      const code = await main(['node', 'kafka-readiness', 'compare', path.join(dir, 'source.jsonl'), path.join(dir, 'target.jsonl'), '-c', path.join(dir, 'readiness.yaml'), '--format', 'json', '--out-dir', out, '--min-coverage', '0', '-q', ...extra], { stdout: new PassThrough() as unknown as typeof process.stdout, stderr: new PassThrough() as unknown as typeof process.stderr });
      process.exitCode = before;
      expect(code).toBeLessThan(2);
      const report = JSON.parse(readFileSync(path.join(out, 'report.json'), 'utf8')) as import('../../src/report/model.js').Report;
      return report.checks.find((c) => c.id === 'migration/topics-mirrored')!;
    };
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    const fromFile = await run([]);
    // orders is matched as orders-v2; audit (not mirrored) is the only finding, naming the mapping's origin.
    expect(fromFile.findings.map((f) => [f.resource.name, f.status])).toEqual([['audit', 'fail']]);
    expect(JSON.stringify(fromFile.findings[0]!.evidence)).toContain('readiness.yaml:2:1');
    const overridden = await run(['--replication-policy', 'identity']);
    expect(overridden.findings.map((f) => [f.resource.name, f.status]).sort()).toEqual([['audit', 'fail'], ['orders', 'fail']]);
    expect(JSON.stringify(overridden.findings[0]!.evidence)).toContain('--replication-policy identity');
  });
});

describe('migration: in the shipped example and the init template', () => {
  it('examples/readiness.yaml names MirrorMaker 2 aliases (prefix policy), with its origin', () => {
    const text = readFileSync(path.resolve(import.meta.dirname, '..', '..', 'examples', 'readiness.yaml'), 'utf8');
    const line = text.split('\n').indexOf('migration:') + 1;
    expect(line).toBeGreaterThan(0);
    expect(parseReadinessConfig(text, 'examples/readiness.yaml').migration).toEqual({ policy: 'prefix', sourceAlias: 'onprem', targetAlias: 'cloud', separator: '.', topics: {}, origin: `examples/readiness.yaml:${line}:1` });
  });

  it('init writes an identity section (what compare does without one) with the other policies in its comment', () => {
    const text = renderStarterConfig();
    expect(text).toContain('\nmigration: { policy: identity }\n');
    const comment = text.slice(0, text.indexOf('\nmigration:'));
    expect(comment).toContain('# Migration (`kafka-readiness compare`, ignored by scan)');
    expect(comment).toContain('# e.g. policy: prefix, sourceAlias: onprem, targetAlias: cloud');
    expect(comment).toContain('# or   policy: explicit, topics: { orders: orders-v2 }');
    expect(parseReadinessConfig(text, 'readiness.yaml').migration).toMatchObject({ policy: 'identity', sourceAlias: null, topics: {} });
    // Each commented alternative, uncommented, is a valid section.
    expect(parseReadinessConfig('migration: { policy: prefix, sourceAlias: onprem, targetAlias: cloud }\n', 'r.yaml').migration?.policy).toBe('prefix');
    expect(parseReadinessConfig('migration: { policy: explicit, topics: { orders: orders-v2 } }\n', 'r.yaml').migration?.topics).toEqual({ orders: 'orders-v2' });
  });
});
