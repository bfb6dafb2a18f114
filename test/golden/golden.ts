// The golden cases: snapshots captured from the real test clusters (test/golden/capture.test.ts), committed under
// test/fixtures/golden/, and the reviewed reports `evaluate` makes of them offline.
import path from 'node:path';
import { evaluateSnapshot, loadSetup, readSnapshotFile } from '../../src/pipeline.js';
import type { Report } from '../../src/report/model.js';
import { GOLDEN_TAKEN_AT } from './normalise.js';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
export const GOLDEN_DIR = path.join(ROOT, 'test', 'fixtures', 'golden');
/** The readiness.yaml the seeded workload is scanned with in the integration tests (topic policies, requirements). */
export const GOLDEN_CONFIG = path.join(ROOT, 'test', 'fixtures', 'readiness.it.yaml');

export interface GoldenCase {
  name: string;
  cluster: 'main' | 'legacy';
  principal: 'admin' | 'alice';
  description: string;
}

export const GOLDEN_CASES: GoldenCase[] = [
  { name: 'kafka-4.1.1-admin', cluster: 'main', principal: 'admin', description: 'the seeded 4.1.1 cluster, read by the admin scanner' },
  { name: 'kafka-3.9.1-admin', cluster: 'legacy', principal: 'admin', description: 'the legacy 3.9.1 cluster (3.8 metadata, sloppy broker settings), read by admin' },
  { name: 'kafka-4.1.1-alice', cluster: 'main', principal: 'alice', description: 'the seeded 4.1.1 cluster, read by alice (DESCRIBE only, no DESCRIBE_CONFIGS on the cluster)' },
];

export const snapshotPath = (g: GoldenCase) => path.join(GOLDEN_DIR, `${g.name}.snapshot.jsonl.gz`);
export const reportPath = (g: GoldenCase) => path.join(GOLDEN_DIR, `${g.name}.report.json`);

/** What `evaluate <snapshot> -c readiness.it.yaml --format json` reports, with the volatile fields fixed. */
export async function goldenReport(g: GoldenCase): Promise<Report> {
  const snapshot = await readSnapshotFile(snapshotPath(g));
  const setup = await loadSetup(GOLDEN_CONFIG);
  const report = evaluateSnapshot(snapshot, setup, { generatedAt: GOLDEN_TAKEN_AT });
  return normaliseReport(report);
}

export function normaliseReport(report: Report): Report {
  const r = JSON.parse(JSON.stringify(report)) as Report & { tool?: { version?: string } };
  if (r.tool && typeof r.tool === 'object') r.tool.version = 'golden';
  return JSON.parse(JSON.stringify(r).split(GOLDEN_CONFIG).join('readiness.it.yaml')) as Report;
}
