// Generated schema files: pinned to the code that they are generated from.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { builtInChecks } from '../../checks/index.js';
import { renderStarterConfig } from '../../src/commands/init.js';
import { buildEditorSchema, READINESS_SCHEMA_PATH, renderEditorSchema, YAML_LANGUAGE_SERVER_LINE } from '../../src/config/editor-schema.js';
import { renderSnapshotSchema, SNAPSHOT_SCHEMA_PATH } from '../../src/gather/snapshot-schema.js';
import { artifactsStoredAs } from '../../src/model/snapshot.js';
import { acl } from '../helpers/builders.js';
import { makeSnapshot, topicInfo } from '../helpers/snapshot.js';

const root = path.resolve(import.meta.dirname, '..', '..');

describe('schema/readiness.schema.json', () => {
  it('is generated from the config schema and the built-in checks (npm run schema:generate)', () => {
    expect(readFileSync(path.join(root, READINESS_SCHEMA_PATH), 'utf8')).toBe(renderEditorSchema(builtInChecks));
  });

  it('lists every built-in check id with its options schema, and judges what the loader judges', () => {
    const schema = buildEditorSchema(builtInChecks) as { properties: { checks: { properties: Record<string, { properties: { options: unknown } }> } } };
    expect(Object.keys(schema.properties.checks.properties).sort()).toEqual(builtInChecks.map((c) => c.meta.id).sort());
    for (const c of builtInChecks) if (c.meta.optionsSchema) expect(schema.properties.checks.properties[c.meta.id]!.properties.options).toEqual(c.meta.optionsSchema);
    const validate = new Ajv({ strict: true, allowUnionTypes: true }).compile(schema);
    // The committed example and init's starter file (without and with a cluster's names) are valid; a typo inside a nested option is not.
    const cluster = makeSnapshot({
      topics: { ok: true, value: [topicInfo('billing.invoices', [{ replicas: [1, 2, 3] }]), topicInfo('orders', [{ replicas: [1] }])] },
      groups: { ok: true, value: [{ groupId: 'billing-app', type: 'classic', protocolType: 'consumer', state: 'Stable', coordinator: 1, members: [] }] },
      acls: { ok: true, value: [acl('User:billing', 'READ')] },
    });
    expect(renderStarterConfig(cluster)).toContain('- topics: billing.*');
    for (const text of [readFileSync(path.join(root, 'examples', 'readiness.yaml'), 'utf8'), renderStarterConfig(), renderStarterConfig(cluster)]) {
      expect(validate(parse(text)), JSON.stringify(validate.errors)).toBe(true);
    }
    expect(validate({ checks: { 'consumer-lag/group-lag': { options: { groupThresholds: [{ groups: ['batch-*'], warnLagg: 1 }] } } } })).toBe(false);
    expect(validate({ checks: { 'retention/disk-headroom': { options: { warnFree: 0.3 } } } })).toBe(false);
    // Plugin check ids are not known here: any id is allowed, with the generic override shape.
    expect(validate({ checks: { 'naming/topic-domain-prefix': { options: { domains: ['a'] } } } })).toBe(true);
  });
});

describe('schema/snapshot.schema.json', () => {
  it('is generated from src/gather/snapshot-schema.ts and the artifact catalog (npm run schema:generate)', () => {
    expect(readFileSync(path.join(root, SNAPSHOT_SCHEMA_PATH), 'utf8')).toBe(renderSnapshotSchema());
    // The list-chunk record accepts exactly the artifacts the catalog stores as items.
    const record = (JSON.parse(renderSnapshotSchema()) as { definitions: { record: { anyOf: { properties?: Record<string, { enum?: string[] }> }[] } } }).definitions.record;
    const chunk = record.anyOf.find((r) => r.properties?.items && r.properties.artifact?.enum);
    expect(chunk?.properties?.artifact?.enum).toEqual(artifactsStoredAs('items'));
  });
});

describe('init', () => {
  it('starts readiness.yaml with a yaml-language-server $schema line pointing at the installed package', () => {
    const text = renderStarterConfig();
    expect(text.split('\n')[0]).toBe(YAML_LANGUAGE_SERVER_LINE);
    expect(YAML_LANGUAGE_SERVER_LINE).toBe('# yaml-language-server: $schema=./node_modules/kafka-readiness/schema/readiness.schema.json');
    // The path names a file the package ships: package.json "files" includes schema/.
    const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { files: string[] };
    expect(pkg.files).toContain('schema/');
  });
});
