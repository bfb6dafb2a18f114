// schema/report.schema.json against the Report type (src/report/model.ts), through reports the engine builds:
// every property a report has is declared by the schema, and every property the schema declares occurs in a
// report (none left over from an older shape).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { applyProfile } from '../../src/config/profiles.js';
import { defaultConfig } from '../../src/config/readiness.js';
import { applyBaseline } from '../../src/engine/diff.js';
import { buildRegistry } from '../../src/engine/registry.js';
import { ARTIFACT_NAMES } from '../../src/model/snapshot.js';
import { evaluateSnapshot } from '../../src/pipeline.js';
import { fail, topic, unknownResource } from '../../src/sdk.js';
import { demoReport, demoSnapshot, realisticReport } from '../browser/report-fixture.js';
import { deniedArtifact, paired, PREFIX } from '../helpers/migration.js';
import { probeArtifact } from '../helpers/probe.js';
import { makeSnapshot, topicInfo } from '../helpers/snapshot.js';

type Schema = { $ref?: string; type?: string | string[]; properties?: Record<string, Schema>; items?: Schema; additionalProperties?: boolean | Schema; definitions?: Record<string, Schema> };
const root = JSON.parse(readFileSync(path.resolve(import.meta.dirname, '..', '..', 'schema', 'report.schema.json'), 'utf8')) as Schema;

function resolve(s: Schema): [Schema, string | null] {
  if (!s.$ref) return [s, null];
  const name = s.$ref.replace('#/definitions/', '');
  return [root.definitions![name]!, `#/definitions/${name}`];
}

/** Walks a value with its schema: declared property paths that occur, and value keys the schema does not declare. */
function walk(schema: Schema, value: unknown, at: string, seen: Set<string>, undeclared: Set<string>): void {
  const [s, ref] = resolve(schema);
  const here = ref ?? at;
  if (Array.isArray(value)) {
    if (s.items) for (const v of value) walk(s.items, v, `${here}[]`, seen, undeclared);
    return;
  }
  if (value === null || typeof value !== 'object') return;
  for (const [k, v] of Object.entries(value)) {
    if (v === undefined) continue;
    const prop = s.properties?.[k];
    if (prop) {
      seen.add(`${here}.${k}`);
      walk(prop, v, `${here}.${k}`, seen, undeclared);
    } else if (s.properties && s.additionalProperties === undefined) undeclared.add(`${here}.${k}`);
    else if (typeof s.additionalProperties === 'object') walk(s.additionalProperties, v, `${here}.*`, seen, undeclared);
  }
}

function declared(schema: Schema, at: string, out: Set<string>, visited = new Set<string>()): void {
  const [s, ref] = resolve(schema);
  const here = ref ?? at;
  if (ref) {
    if (visited.has(ref)) return;
    visited.add(ref);
  }
  for (const [k, p] of Object.entries(s.properties ?? {})) {
    out.add(`${here}.${k}`);
    declared(p, `${here}.${k}`, out, visited);
  }
  if (s.items) declared(s.items, `${here}[]`, out, visited);
  if (typeof s.additionalProperties === 'object') declared(s.additionalProperties, `${here}.*`, out, visited);
}

describe('schema/report.schema.json matches the reports the engine builds', () => {
  it('validates full reports with every status, declares every property they have, and has none that no report has', async () => {
    const config = defaultConfig();
    const registry = await buildRegistry(config);
    // Every artifact missing: every gap, unknown check and permission note the report can carry.
    const denied = makeSnapshot(Object.fromEntries(ARTIFACT_NAMES.map((a) => [a, { ok: false, error: { reason: 'denied', message: 'denied', api: 'Metadata' } }])));
    // MSK IAM (permission advice as a policy), a profile, a waiver by resource kind, a partly readable artifact.
    const msk = makeSnapshot({ topicConfigs: { ok: false, error: { reason: 'denied', message: 'denied', api: 'DescribeConfigs' } } });
    msk.target = { bootstrap: ['b-1.prod.abc123.c2.kafka.eu-west-1.amazonaws.com:9098'], securityProtocol: 'SASL_SSL', saslMechanism: 'AWS_MSK_IAM', principal: null };
    const profiled = applyProfile(defaultConfig(), 'production');
    profiled.waivers.push({ check: 'replication/replication-factor', resource: '*', kind: 'topic', reason: 'pilot cluster, accepted', owner: 'platform', ticket: 'OPS-1', expires: '2099-01-01' } as (typeof profiled.waivers)[number]);
    const partly = makeSnapshot();
    if (partly.artifacts.topicConfigs.ok) partly.artifacts.topicConfigs.issues = [{ reason: 'denied', message: 'one topic denied', api: 'DescribeConfigs' }];
    // A disabled check (skipped), a check that throws (error), every finding of a failing check waived (waived).
    const plain = evaluateSnapshot(demoSnapshot(), { config, registry });
    const failing = plain.checks.find((c) => c.status === 'fail' || c.status === 'warn')!;
    const special = defaultConfig();
    special.checks['cost/empty-topics'] = { enabled: false };
    special.waivers.push({ check: failing.id, resource: '*', reason: 'accepted for the test', owner: 'o', ticket: 'T-1', expires: '2099-01-01' } as (typeof special.waivers)[number]);
    const throwing = { meta: { ...registry[0]!.check.meta, id: 'test/throws', area: 'test' }, evaluate: () => { throw new Error('boom'); } };
    // A check that saw a resource it could not judge next to one that fails (notJudged beside findings).
    const unjudged = { meta: { ...registry[0]!.check.meta, id: 'test/not-judged', area: 'test' }, evaluate: () => [fail(topic('a'), 'a fails'), unknownResource(topic('b'), 'b could not be measured')] };
    const reports = [
      evaluateSnapshot(demoSnapshot(), { config: special, registry: [...(await buildRegistry(special)), { check: throwing, origin: 'test' }, { check: unjudged, origin: 'test' }] }),
      evaluateSnapshot(msk, { config, registry }),
      evaluateSnapshot(partly, { config: profiled, registry: await buildRegistry(profiled) }),
      await demoReport(),
      await realisticReport(),
      await realisticReport({ deniedAcls: true, waivers: false }),
      applyBaseline(await demoReport(), await realisticReport(), 'base.json', true),
      evaluateSnapshot(denied, { config, registry }),
      // compare: the cut-over checklist, with an item not met (a topic not mirrored) and one unknown (source ACLs denied).
      evaluateSnapshot(paired({ topics: { ok: true, value: [topicInfo('orders', [{ replicas: [1] }]), topicInfo('audit', [{ replicas: [1] }])] }, acls: deniedArtifact('DescribeAcls') }, { topics: { ok: true, value: [topicInfo('src.orders', [{ replicas: [1] }])] } }, PREFIX), { config, registry }),
      // The write probe's section: measured burst (with a recovered stream), a burst that could not be measured, a probe that did not run.
      evaluateSnapshot(makeSnapshot({ probe: { ok: true, value: probeArtifact() } }), { config, registry }),
      evaluateSnapshot(makeSnapshot({ probe: { ok: true, value: probeArtifact({ ok: false, error: { reason: 'error', message: 'burst: catch-up read 3 of 20000 records within 120000 ms' } }) } }), { config, registry }),
      evaluateSnapshot(makeSnapshot({ probe: { ok: false, error: { reason: 'denied', message: 'the probe topic could not be created' } } }), { config, registry }),
    ];
    expect(reports.at(-4)!.cutover?.phases.flatMap((p) => p.items.map((i) => i.status))).toEqual(expect.arrayContaining(['not-met', 'unknown']));
    const ajv = new Ajv({ allErrors: true, strict: true });
    addFormats.default(ajv);
    const validate = ajv.compile(root);
    for (const r of reports) expect(validate(r), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    // Together the reports carry every check status the schema allows, except those listed with the reason.
    const statuses = new Set(reports.flatMap((r) => r.checks.map((c) => c.status)));
    const enumStatuses = (root.definitions!.check!.properties!.status as { enum: string[] }).enum;
    expect(enumStatuses.filter((st) => !statuses.has(st as never))).toEqual([]);
    const seen = new Set<string>();
    const undeclared = new Set<string>();
    for (const r of reports) walk(root, r, '#', seen, undeclared);
    expect([...undeclared].sort()).toEqual([]);
    const all = new Set<string>();
    declared(root, '#', all);
    expect([...all].filter((p) => !seen.has(p)).sort()).toEqual([]);
  });
});
