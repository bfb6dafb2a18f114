// Golden reports: snapshots captured from the real test clusters (test/fixtures/golden/, re-captured with
// `npm run golden:capture`), evaluated offline, must give exactly the reviewed reports. After a deliberate change
// of check output, `npm run golden:update` rewrites the reports; review their diff before committing.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GOLDEN_CASES, goldenReport, reportPath, snapshotPath } from '../golden/golden.js';

const update = process.env.KR_GOLDEN_UPDATE === '1';

describe('golden reports from captured cluster snapshots', () => {
  for (const g of GOLDEN_CASES) {
    it(`${g.name}: ${g.description}`, async () => {
      expect(existsSync(snapshotPath(g)), `${snapshotPath(g)} (npm run golden:capture)`).toBe(true);
      const report = await goldenReport(g);
      const text = `${JSON.stringify(report, null, 2)}\n`;
      if (update) writeFileSync(reportPath(g), text);
      expect(text).toBe(readFileSync(reportPath(g), 'utf8'));
    });
  }
});
