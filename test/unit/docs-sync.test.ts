// Hand-written docs that name a shape from the code: pinned to the code so they cannot drift.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ARTIFACT_TABLE_START, renderArtifactTable, withArtifactTable } from '../../src/commands/artifacts-doc.js';
import { ARTIFACT_NAMES } from '../../src/model/snapshot.js';

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
