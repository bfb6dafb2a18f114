import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtInChecks } from '../../checks/index.js';
import { checkRows, renderChecksMarkdown } from '../../src/commands/checks-list.js';
import { validateCheck } from '../../src/engine/registry.js';
import { BUILT_IN_AREAS } from '../../src/sdk.js';

const root = path.resolve(import.meta.dirname, '..', '..');

describe('built-in check catalogue', () => {
  it('has one valid check per file, named after its id, at least two per area', () => {
    const files = BUILT_IN_AREAS.flatMap((area) => readdirSync(path.join(root, 'checks', area)).map((f) => `${area}/${f.replace(/\.ts$/, '')}`));
    expect(builtInChecks.map((c) => c.meta.id).sort()).toEqual(files.sort());
    for (const c of builtInChecks) {
      expect(() => validateCheck(c, 'built-in')).not.toThrow();
      expect(c.meta.references?.length ?? 0, c.meta.id).toBeGreaterThanOrEqual(c.meta.id === 'cost/empty-topics' ? 0 : 1);
    }
    for (const area of BUILT_IN_AREAS.filter((a) => a !== 'attestation')) expect(builtInChecks.filter((c) => c.meta.area === area).length, area).toBeGreaterThanOrEqual(2);
  });

  it('every check that takes options declares a closed optionsSchema covering exactly its defaultOptions', () => {
    const problems: string[] = [];
    for (const c of builtInChecks) {
      const { defaultOptions, optionsSchema } = c.meta;
      if (defaultOptions === undefined && optionsSchema === undefined) continue;
      if (!optionsSchema) {
        problems.push(`${c.meta.id}: has defaultOptions but no optionsSchema`);
        continue;
      }
      const schema = optionsSchema as { additionalProperties?: unknown; properties?: Record<string, unknown> };
      // Closed, so a misspelt option is a config error instead of a silent default.
      if (schema.additionalProperties !== false) problems.push(`${c.meta.id}: optionsSchema must set additionalProperties: false`);
      const declared = Object.keys(schema.properties ?? {}).sort();
      const defaults = Object.keys(defaultOptions ?? {}).sort();
      if (JSON.stringify(declared) !== JSON.stringify(defaults)) problems.push(`${c.meta.id}: schema properties ${declared.join(',')} != defaultOptions ${defaults.join(',')}`);
    }
    expect(problems).toEqual([]);
  });

  it('imports nothing but the check SDK', () => {
    for (const c of builtInChecks) {
      const src = readFileSync(path.join(root, 'checks', `${c.meta.id}.ts`), 'utf8');
      const imports = [...src.matchAll(/from '([^']+)'/g)].map((m) => m[1]);
      expect(imports, c.meta.id).toEqual(['../../src/sdk.js']);
    }
  });

  // Issue 13: every check has its own table test (checkCases), named after the check; the failure names the check.
  it('has one test file per check (test/unit/checks/<area>/<name>.test.ts)', () => {
    const problems = builtInChecks.flatMap((c) => {
      const file = path.join(root, 'test', 'unit', 'checks', `${c.meta.id}.test.ts`);
      if (!existsSync(file)) return [`${c.meta.id} has no test/unit/checks/${c.meta.id}.test.ts`];
      // The file must test the check it is named after, not merely exist.
      return readFileSync(file, 'utf8').includes(`checks/${c.meta.id}.js'`) ? [] : [`test/unit/checks/${c.meta.id}.test.ts does not import checks/${c.meta.id}.js`];
    });
    expect(problems).toEqual([]);
  });

  it('docs/checks.md is generated from the current checks (npm run docs:checks)', () => {
    expect(readFileSync(path.join(root, 'docs', 'checks.md'), 'utf8')).toBe(renderChecksMarkdown(checkRows(builtInChecks.map((check) => ({ check, origin: 'built-in' })), null)));
  });
});
