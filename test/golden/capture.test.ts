// Re-captures the golden snapshots from the real test clusters (npm run golden:capture; see test/golden/README.md).
// Runs only in the `golden-capture` vitest project, which exists only when KR_GOLDEN_CAPTURE=1: a normal test run
// never rewrites the committed fixtures.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeSnapshotFile } from '../../src/gather/snapshot-io.js';
import { readSnapshotFile } from '../../src/pipeline.js';
import { cluster, runCli } from '../integration/cluster-context.js';
import { GOLDEN_CASES, GOLDEN_DIR, goldenReport, snapshotPath } from './golden.js';
import { normaliseSnapshot } from './normalise.js';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'kr-golden-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('golden capture', () => {
  for (const g of GOLDEN_CASES) {
    it(`captures ${g.name}`, async () => {
      const c = cluster();
      const props = g.principal === 'alice' ? c.aliceProps : g.cluster === 'legacy' ? c.legacy.adminProps : c.adminProps;
      const raw = path.join(tmp, `${g.name}.json`);
      const run = await runCli(['gather', '--command-config', props, '-o', raw, '-q']);
      expect(run.code, run.stderr).toBe(0);
      const snapshot = await readSnapshotFile(raw);
      const secrets = [c.admin.password, c.alice.password];
      const normalised = normaliseSnapshot(snapshot, {
        portBases: [c.harness.portBase, Number(process.env.KR_IT39_PORT_BASE ?? 0) || null].filter((p): p is number => p !== null),
        paths: [c.workDir, c.root, os.tmpdir()],
        clusterId: `golden-${g.name}`,
      });
      const text = JSON.stringify(normalised);
      for (const s of secrets) expect(text.includes(s), 'a password reached the snapshot').toBe(false);
      await writeSnapshotFile(snapshotPath(g), normalised);
      const report = await goldenReport(g);
      writeFileSync(path.join(GOLDEN_DIR, `${g.name}.report.json`), `${JSON.stringify(report, null, 2)}\n`);
    });
  }
});
