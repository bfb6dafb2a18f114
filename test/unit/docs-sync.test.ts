// Hand-written docs that name a shape from the code: pinned to the code so they cannot drift.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { builtInChecks } from '../../checks/index.js';
import { ARTIFACT_TABLE_START, renderArtifactTable, withArtifactTable } from '../../src/commands/artifacts-doc.js';
import { CHECKS_FORMATS } from '../../src/commands/checks-command.js';
import { REPLICATION_POLICY_FLAGS } from '../../src/commands/compare.js';
import { DIFF_FORMAT_NAMES } from '../../src/commands/diff-command.js';
import { CLI_SASL_MECHANISMS } from '../../src/commands/program-options.js';
import { PROFILE_NAMES } from '../../src/config/profiles.js';
import { buildEditorSchema } from '../../src/config/editor-schema.js';
import { parseReadinessConfig, READINESS_SCHEMA } from '../../src/config/readiness.js';
import { renderStarterConfig } from '../../src/commands/init.js';
import { SECURITY_PROTOCOLS } from '../../src/model/connection.js';
import { ARTIFACT_NAMES, MAPPING_POLICY_NAMES } from '../../src/model/snapshot.js';
import { FORMATS, JUNIT_WARN_AS } from '../../src/report/render.js';
import { REQUIREMENTS } from '../../src/sdk.js';

const root = path.resolve(import.meta.dirname, '..', '..');

describe('docs/report-format.md', () => {
  const doc = readFileSync(path.join(root, 'docs', 'report-format.md'), 'utf8');

  it('holds the artifact table generated from the artifact catalog (npm run docs:checks)', () => {
    expect(doc).toContain(ARTIFACT_TABLE_START);
    expect(withArtifactTable(doc)).toBe(doc);
  });

  it('the table names every snapshot artifact, in the order of ARTIFACT_NAMES', () => {
    const named = [...renderArtifactTable().matchAll(/^\| `([A-Za-z]+)` \|/gm)].map((m) => m[1]);
    expect(named).toEqual([...ARTIFACT_NAMES]);
  });
});

describe('README.md choice lists', () => {
  const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
  const reEscape = (t: string) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  /** Every "<anchor> a|b|c" in the README (table cells escape the bar as \|; YAML-ish lists use " | "). */
  const listsAfter = (anchor: string): string[][] =>
    [...readme.matchAll(new RegExp(`${reEscape(anchor)} ((?:[\\w-]+ ?\\\\?\\| ?)+[\\w-]+)`, 'g'))].map((m) => m[1]!.split(/ ?\\?\| ?/));

  // Each anchor is the text right before a list of choices, and the constant the CLI (or readiness.yaml) takes them from.
  const pinned: [string, readonly string[]][] = [
    ['kafka-readiness diff base.json head.json [--format', DIFF_FORMAT_NAMES],
    ['kafka-readiness checks [--format', CHECKS_FORMATS],
    ['`-f/--format', FORMATS],
    ['`--profile', PROFILE_NAMES],
    ['JSON has all), `--junit-warn', JUNIT_WARN_AS],
    ['`--security-protocol', SECURITY_PROTOCOLS],
    ['`--sasl-mechanism', CLI_SASL_MECHANISMS],
    ['`policy:', MAPPING_POLICY_NAMES],
    ['`--replication-policy', REPLICATION_POLICY_FLAGS.map((p) => p.flag)],
  ];
  it.each(pinned)('"%s" lists exactly the choices of the code', (anchor, choices) => {
    const found = listsAfter(anchor);
    expect(found.length, `README.md has no list after ${anchor}`).toBeGreaterThan(0);
    for (const list of found) expect(list).toEqual([...choices]);
  });
});

/** The enums readiness.yaml is validated against: what the README's example and init's comments must list. */
const { properties: P } = READINESS_SCHEMA;
const YAML_CHOICES: [key: string, choices: readonly string[]][] = [
  ['severity', P.checks.additionalProperties.properties.severity.enum],
  ['profile', P.profile.enum],
  ['platform', P.platform.enum],
  ['requirements', P.requirements.items.enum],
  ['policy', P.migration.properties.policy.enum],
];

describe("README.md's readiness.yaml example", () => {
  const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
  const example = /^## readiness\.yaml\n+```yaml\n([\s\S]*?)^```/m.exec(readme)?.[1] ?? '';

  /**
   * The names a line `key: value  # comment` offers: the comment's list (notes in parentheses and a lead-in such as
   * "…extends:" dropped), plus the value when the comment adds to it ("# or …", "# also: …").
   */
  const choicesOnLine = (key: string): string[] => {
    const line = example.split('\n').find((l) => l.trimStart().startsWith(`${key}:`));
    if (!line) return [];
    const [value = '', comment = ''] = line.slice(line.indexOf(':') + 1).split(/\s+# /);
    const adds = /^(?:or |also: )/.test(comment);
    const list = comment.replace(/\([^)]*\)/g, '').replace(/^(?:or |.*: )/, '');
    return [...new Set(`${adds ? value : ''} ${list}`.split(/[\s,|[\]]+/).filter(Boolean))].sort();
  };

  it.each(YAML_CHOICES)('the %s line names exactly the choices readiness.yaml accepts', (key, choices) => {
    expect(choicesOnLine(key)).toEqual([...choices].sort());
  });

  it('is valid against the generated schema and loads, and shows every top-level section (a new one needs an example)', () => {
    const validate = new Ajv({ strict: true, allowUnionTypes: true }).compile(buildEditorSchema(builtInChecks));
    const data = parse(example) as Record<string, unknown>;
    expect(validate(data), JSON.stringify(validate.errors)).toBe(true);
    // The loader's checks beyond the schema too (calendar dates, patterns that compile, the migration rules).
    expect(() => parseReadinessConfig(example, 'README.md')).not.toThrow();
    expect(Object.keys(data).sort()).toEqual(Object.keys(READINESS_SCHEMA.properties).sort());
  });
});

describe("init's starter readiness.yaml comments", () => {
  const comments = renderStarterConfig().split('\n').filter((l) => l.startsWith('#'));

  it('name every profile, requirement and mapping policy, in the order of the code', () => {
    const line = (start: string) => comments.find((l) => l.startsWith(start)) ?? '';
    expect(line('# Built-in policy profile').match(/: ([\w| -]+) \(/)?.[1]?.split(' | ')).toEqual([...PROFILE_NAMES]);
    expect(line('# Capabilities').match(/: ([\w, -]+)\.$/)?.[1]?.split(', ')).toEqual([...REQUIREMENTS]);
    const policies = comments.flatMap((l) => /^# (?:policy:|\s+\|) (\w+) \(/.exec(l)?.[1] ?? []);
    expect(policies).toEqual([...MAPPING_POLICY_NAMES]);
  });
});
