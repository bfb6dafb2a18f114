// Writes one report in one or more formats: to stdout, to -o <file>, or to --out-dir <dir>/report.<ext>.

import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { UsageError } from '../errors.js';
import type { Report } from '../report/model.js';
import { type Format, FORMAT_EXTENSIONS, FORMATS, renderers } from '../report/render.js';

export interface OutputFlags {
  format?: string;
  output?: string;
  outDir?: string;
  maxFindings?: string;
  /** JUnit: what a warn finding becomes (failure, skipped or pass). */
  junitWarn?: 'failure' | 'skipped' | 'pass';
}

export function parseFormats(value: string | undefined): Format[] {
  const list = (value ?? 'text').split(',').map((s) => s.trim().toLowerCase()).filter(Boolean);
  for (const f of list) if (!FORMATS.includes(f as Format)) throw new UsageError(`unknown format "${f}" (formats: ${FORMATS.join(', ')})`);
  return [...new Set(list)] as Format[];
}

export function checkOutputFlags(flags: OutputFlags): Format[] {
  const formats = parseFormats(flags.format);
  if (flags.output && flags.outDir) throw new UsageError('use either --output or --out-dir, not both');
  if (formats.length > 1 && !flags.outDir) throw new UsageError('several formats need --out-dir <dir> (one file per format)');
  if (flags.maxFindings !== undefined && !/^\d+$/.test(flags.maxFindings)) throw new UsageError('--max-findings must be a whole number');
  return formats;
}

export function colorEnabled(stream: NodeJS.WriteStream, env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0') return true;
  return Boolean(stream.isTTY);
}

export function writeReport(
  report: Report,
  formats: Format[],
  flags: OutputFlags,
  io: { stdout: NodeJS.WriteStream; stderr: NodeJS.WriteStream },
  config?: { file: string | null; locate: (path: (string | number)[]) => string },
): string[] {
  const written: string[] = [];
  const maxFindings = flags.maxFindings !== undefined ? Number(flags.maxFindings) : undefined;
  // SARIF locations are repository-relative: name the config file relative to where the tool runs.
  const configFile = config?.file ? path.relative(process.cwd(), config.file) || config.file : null;
  const render = (f: Format, color: boolean) =>
    renderers[f](report, { color, ...(maxFindings !== undefined ? { maxFindings } : {}), ...(flags.junitWarn ? { junitWarn: flags.junitWarn } : {}), configFile, ...(config ? { locate: config.locate } : {}) });
  if (flags.outDir) {
    mkdirSync(flags.outDir, { recursive: true });
    for (const f of formats) {
      const file = path.join(flags.outDir, `report.${FORMAT_EXTENSIONS[f]}`);
      writeFileSync(file, render(f, false));
      written.push(file);
    }
    // With --out-dir the text report still goes to the screen: a person ran this.
    if (formats.includes('text')) io.stdout.write(render('text', colorEnabled(io.stdout)));
    for (const file of written) io.stderr.write(`wrote ${file}\n`);
  } else if (flags.output) {
    mkdirSync(path.dirname(path.resolve(flags.output)), { recursive: true });
    writeFileSync(flags.output, render(formats[0]!, false));
    written.push(flags.output);
    io.stderr.write(`wrote ${flags.output}\n`);
  } else {
    io.stdout.write(render(formats[0]!, colorEnabled(io.stdout)));
  }
  return written;
}
