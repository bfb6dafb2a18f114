// Hand-written docs that name a shape from the code: pinned to the code so they cannot drift.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ARTIFACT_NAMES } from '../../src/model/snapshot.js';

const root = path.resolve(import.meta.dirname, '..', '..');

describe('docs/report-format.md', () => {
  it('names every snapshot artifact, in the order of ARTIFACT_NAMES', () => {
    const doc = readFileSync(path.join(root, 'docs', 'report-format.md'), 'utf8');
    const start = doc.indexOf('`artifacts` maps each artifact name (');
    expect(start).toBeGreaterThan(-1);
    // The list runs to the closing parenthesis of "(...)" before " to `{ok: true".
    const list = doc.slice(start, doc.indexOf(' to `{ok: true', start));
    const named = [...list.matchAll(/(?:\(|,\s+)`([A-Za-z]+)`/g)].map((m) => m[1]);
    expect(named).toEqual([...ARTIFACT_NAMES]);
  });
});
