// Writes one report in one or more formats: to stdout, to -o <file>, or to --out-dir <dir>/report.<ext>.

import { accessSync, constants, mkdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { UsageError } from '../errors.js';
import { didYouMean } from '../suggest.js';
import type { Report } from '../report/model.js';
import { type Format, FORMAT_EXTENSIONS, FORMATS, type JunitWarnAs, renderers } from '../report/render.js';

export interface OutputFlags {
  format?: string;
  output?: string;
  outDir?: string;
  maxFindings?: string;
  /** JUnit: what a warn finding becomes (failure, skipped or pass). */
  junitWarn?: JunitWarnAs;
}

export function parseFormats(value: string | undefined): Format[] {
  const list = (value ?? 'text').split(',').map((s) => s.trim().toLowerCase()).filter(Boolean);
  if (list.length === 0) throw new UsageError(`--format needs at least one format (formats: ${FORMATS.join(', ')})`);
  for (const f of list) if (!FORMATS.includes(f as Format)) throw new UsageError(`unknown format "${f}"${didYouMean(f, FORMATS)} (formats: ${FORMATS.join(', ')})`);
  return [...new Set(list)] as Format[];
}

export function checkOutputFlags(flags: OutputFlags): Format[] {
  const formats = parseFormats(flags.format);
  if (flags.output && flags.outDir) throw new UsageError('use either --output or --out-dir, not both');
  if (formats.length > 1 && !flags.outDir) throw new UsageError('several formats need --out-dir <dir> (one file per format)');
  if (flags.maxFindings !== undefined && !/^\d+$/.test(flags.maxFindings)) throw new UsageError('--max-findings must be a whole number');
  if (flags.output !== undefined) checkWritable(flags.output, 'file', '--output');
  if (flags.outDir !== undefined) checkWritable(flags.outDir, 'dir', '--out-dir');
  return formats;
}

/**
 * Fails now, before a gather that can take minutes, when `target` could not be written: an existing path of the
 * wrong kind or without write permission, or a missing one whose nearest existing ancestor is not a writable
 * folder. Creates nothing.
 */
export function checkWritable(target: string, kind: 'file' | 'dir', flag: string): void {
  const bad = (why: string): never => {
    throw new UsageError(`${flag} ${target}: ${why}`);
  };
  if (target.trim() === '') bad('the path is empty');
  let p = path.resolve(target);
  let st = statOrNull(p);
  if (st) {
    if (kind === 'file' && st.isDirectory()) bad('is a directory');
    if (kind === 'dir' && !st.isDirectory()) bad('exists and is not a directory');
    if (!canWrite(p)) bad('is not writable');
    return;
  }
  // Walk up to the first existing ancestor: it must be a folder we may create entries in.
  for (;;) {
    const parent = path.dirname(p);
    st = statOrNull(parent);
    if (st) {
      if (!st.isDirectory()) bad(`cannot be created (${parent} is not a directory)`);
      if (!canWrite(parent)) bad(`cannot be created (${parent} is not writable)`);
      return;
    }
    if (parent === p) bad('has no existing parent directory');
    p = parent;
  }
}

function statOrNull(p: string) {
  try {
    return statSync(p);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return null;
    // ENOTDIR (a file in the middle of the path), EACCES, ENAMETOOLONG, ELOOP: unusable.
    throw new UsageError(`${p}: cannot use this path (${code ?? 'error'})`);
  }
}

function canWrite(p: string): boolean {
  try {
    accessSync(p, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/** writeFileSync whose failure (disk full, permissions changed meanwhile) is a one-line usage error. */
export function writeFileChecked(file: string, data: string): void {
  try {
    mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    writeFileSync(file, data);
  } catch (err) {
    throw new UsageError(`cannot write ${file} (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
  }
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
    for (const f of formats) {
      const file = path.join(flags.outDir, `report.${FORMAT_EXTENSIONS[f]}`);
      writeFileChecked(file, render(f, false));
      written.push(file);
    }
    // With --out-dir the text report still goes to the screen: a person ran this.
    if (formats.includes('text')) io.stdout.write(render('text', colorEnabled(io.stdout)));
    for (const file of written) io.stderr.write(`wrote ${file}\n`);
  } else if (flags.output) {
    writeFileChecked(flags.output, render(formats[0]!, false));
    written.push(flags.output);
    io.stderr.write(`wrote ${flags.output}\n`);
  } else {
    io.stdout.write(render(formats[0]!, colorEnabled(io.stdout)));
  }
  return written;
}
