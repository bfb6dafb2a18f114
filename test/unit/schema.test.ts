import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/config/readiness.js';
import { buildRegistry } from '../../src/engine/registry.js';
import { evaluateSnapshot } from '../../src/pipeline.js';
import { makeSnapshot } from '../helpers/snapshot.js';
import { applyBaseline } from '../../src/engine/diff.js';
import { demoReport, realisticReport } from '../browser/report-fixture.js';

const schema = JSON.parse(readFileSync(path.resolve(import.meta.dirname, '..', '..', 'schema', 'report.schema.json'), 'utf8'));

describe('schema/report.schema.json', () => {
  it('compiles in strict mode and accepts a report, including unknown results', async () => {
    const ajv = new Ajv({ allErrors: true, strict: true });
    addFormats.default(ajv);
    const validate = ajv.compile(schema);
    const snapshot = makeSnapshot({ brokerConfigs: { ok: false, error: { reason: 'denied', message: 'denied', api: 'DescribeConfigs' } } });
    const report = evaluateSnapshot(snapshot, { config: defaultConfig(), registry: await buildRegistry(defaultConfig()) });
    expect(validate(report), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    expect(validate({ ...report, summary: { ...report.summary, verdict: 'maybe' } })).toBe(false);
  });

  it('accepts failure titles and a baseline comparison', async () => {
    const ajv = new Ajv({ allErrors: true, strict: true });
    addFormats.default(ajv);
    const validate = ajv.compile(schema);
    const head = await demoReport();
    const compared = applyBaseline(head, await realisticReport(), 'base.json', true);
    expect(compared.checks.some((c) => c.failureTitle)).toBe(true);
    expect(compared.baseline!.newFindings.length).toBeGreaterThan(0);
    expect(validate(compared), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    expect(validate({ ...compared, baseline: { ...compared.baseline, newFindings: [{ check: 'x' }] } })).toBe(false);
  });
});

describe('schema/snapshot.schema.json', () => {
  it('is a valid JSON Schema (the reader skips the meta-schema check at run time, so this test makes it)', () => {
    const snapshotSchema = JSON.parse(readFileSync(path.resolve(import.meta.dirname, '..', '..', 'schema', 'snapshot.schema.json'), 'utf8'));
    const ajv = new Ajv({ allErrors: true, strict: false });
    expect(ajv.validateSchema(snapshotSchema), JSON.stringify(ajv.errors?.slice(0, 3))).toBe(true);
    expect(() => ajv.compile(snapshotSchema)).not.toThrow();
  });
});
