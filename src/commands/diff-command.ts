// `diff`: two JSON reports → new, fixed and changed findings and the score change.

import { type Command, Option } from 'commander';
import { diffReports, type ReportDiff } from '../engine/diff.js';
import { readingFile } from '../engine/input-shape.js';
import { ExitCode } from '../errors.js';
import { renderDiffHtml, renderDiffMarkdown, renderDiffText } from '../report/diff-render.js';
import { escapeStrings } from '../report/escape.js';
import type { CommandContext } from './context.js';
import { orList } from './program-options.js';
import { readReportFile } from './report-file.js';

// Cluster strings in the diff are escaped for every format but JSON (report/escape.ts).
/** diff --format: the renderer of each format, in the order --help lists them; the choices come from here. */
export const DIFF_FORMATS = {
  text: (d: ReportDiff) => renderDiffText(d),
  json: (d: ReportDiff) => `${JSON.stringify(d, null, 2)}\n`,
  markdown: (d: ReportDiff) => renderDiffMarkdown(escapeStrings(d)),
  html: (d: ReportDiff) => renderDiffHtml(escapeStrings(d)),
};
type DiffFormat = keyof typeof DIFF_FORMATS;
export const DIFF_FORMAT_NAMES = Object.keys(DIFF_FORMATS) as DiffFormat[];

export function registerDiff(program: Command, ctx: CommandContext): void {
  const { io, setExit } = ctx;
  program
    .command('diff')
    .description('compare two JSON reports: new, fixed and changed findings and the score change')
    .argument('<base>', 'the earlier report (e.g. from the main branch)')
    .argument('<head>', 'the later report')
    .addOption(new Option('-f, --format <format>', orList(DIFF_FORMAT_NAMES.map((f) => (f === 'markdown' ? 'markdown (a PR comment)' : f)))).choices(DIFF_FORMAT_NAMES).default('text'))
    .option('--fail-on-new', 'exit 1 when head has findings that base does not')
    .action((baseFile: string, headFile: string, flags: { format: DiffFormat; failOnNew?: boolean }) => {
      const base = readReportFile(baseFile);
      const head = readReportFile(headFile);
      const d = readingFile(`${baseFile}, ${headFile}`, 'report', () => diffReports(base, head));
      const render = DIFF_FORMATS[flags.format] ?? DIFF_FORMATS.text;
      io.stdout.write(readingFile(`${baseFile}, ${headFile}`, 'report', () => render(d)));
      setExit(flags.failOnNew && d.newFindings.length > 0 ? ExitCode.gateFailed : ExitCode.ok);
    });
}
