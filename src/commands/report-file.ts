// Reads a JSON report from disk (--baseline, `diff`): file I/O stays in the command layer, the engine compares.

import { readFileSync } from 'node:fs';
import { assertReportShape } from '../engine/input-shape.js';
import { ConfigError } from '../errors.js';
import type { Report } from '../report/model.js';

export function readReportFile(file: string): Report {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new ConfigError(`${file}: cannot read a JSON report (${(err as NodeJS.ErrnoException).code ?? (err as Error).message.split('\n')[0]})`);
  }
  const r = data as Partial<Report>;
  if (!r || typeof r !== 'object' || r.reportVersion !== 1 || !Array.isArray(r.checks) || !r.summary) throw new ConfigError(`${file}: not a kafka-readiness JSON report (reportVersion 1)`);
  assertReportShape(r, file);
  return r as Report;
}
