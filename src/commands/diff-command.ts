// `diff`: two JSON reports → new, fixed and changed findings and the score change.

import { type Command, Option } from 'commander';
import { diffReports } from '../engine/diff.js';
import { readingFile } from '../engine/input-shape.js';
import { ExitCode } from '../errors.js';
import { renderDiffHtml, renderDiffMarkdown, renderDiffText } from '../report/diff-render.js';
import { escapeStrings } from '../report/escape.js';
import type { CommandContext } from './context.js';
import { readReportFile } from './report-file.js';

export function registerDiff(program: Command, ctx: CommandContext): void {
  const { io, setExit } = ctx;
  program
    .command('diff')
    .description('compare two JSON reports: new, fixed and changed findings and the score change')
    .argument('<base>', 'the earlier report (e.g. from the main branch)')
    .argument('<head>', 'the later report')
    .addOption(new Option('-f, --format <format>', 'text, json, markdown (a PR comment) or html').choices(['text', 'json', 'markdown', 'html']).default('text'))
    .option('--fail-on-new', 'exit 1 when head has findings that base does not')
    .action((baseFile: string, headFile: string, flags: { format: string; failOnNew?: boolean }) => {
      const base = readReportFile(baseFile);
      const head = readReportFile(headFile);
      const d = readingFile(`${baseFile}, ${headFile}`, 'report', () => diffReports(base, head));
      // Cluster strings in the diff are escaped for every format but JSON (report/escape.ts).
      const render = { json: () => `${JSON.stringify(d, null, 2)}\n`, markdown: () => renderDiffMarkdown(escapeStrings(d)), html: () => renderDiffHtml(escapeStrings(d)), text: () => renderDiffText(d) }[flags.format] ?? (() => renderDiffText(d));
      io.stdout.write(readingFile(`${baseFile}, ${headFile}`, 'report', render));
      setExit(flags.failOnNew && d.newFindings.length > 0 ? ExitCode.gateFailed : ExitCode.ok);
    });
}
