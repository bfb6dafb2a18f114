// `evaluate`: a saved snapshot → the report, offline (no cluster access).

import type { Command } from 'commander';
import { applyBaseline } from '../engine/diff.js';
import { readingFile } from '../engine/input-shape.js';
import { UsageError } from '../errors.js';
import { evaluateSnapshot, loadSetup, readSnapshotFile } from '../pipeline.js';
import { type CommandContext, gateExit } from './context.js';
import { EXIT_HELP } from './exit-help.js';
import { gateFlags, pluginOptions, type ReportFlags } from './flags.js';
import { checkOutputFlags, writeReport } from './output.js';
import { addReportOptions } from './program-options.js';
import { readReportFile } from './report-file.js';

export function registerEvaluate(program: Command, ctx: CommandContext): void {
  const { io, setExit } = ctx;
  addReportOptions(program.command('evaluate'))
    .description('evaluate a saved snapshot offline (no cluster access) and print the report')
    .argument('<snapshot>', 'snapshot JSON written by `gather` or `scan --snapshot-out`')
    .option('--baseline <report.json>', 'an earlier JSON report to compare with: new and fixed findings (see --fail-on-new)')
    .option('--fail-on-new', 'with --baseline: exit 1 only for findings the baseline does not have')
    .addHelpText('after', EXIT_HELP)
    .action(async (file: string, flags: ReportFlags & { baseline?: string; failOnNew?: boolean }) => {
      const formats = checkOutputFlags(flags);
      const gate = gateFlags(flags);
      if (flags.failOnNew && !flags.baseline) throw new UsageError('--fail-on-new needs --baseline <report.json>');
      const baseline = flags.baseline ? readReportFile(flags.baseline) : undefined;
      const snapshot = await readSnapshotFile(file);
      const setup = await loadSetup(flags.config, flags.profile, pluginOptions(flags));
      let report = readingFile(file, 'snapshot', () => evaluateSnapshot(snapshot, setup, gate));
      if (baseline) report = readingFile(flags.baseline!, 'report', () => applyBaseline(report, baseline, flags.baseline!, Boolean(flags.failOnNew)));
      readingFile(file, 'snapshot', () => writeReport(report, formats, flags, io, setup.config));
      setExit(gateExit(report));
    });
}
