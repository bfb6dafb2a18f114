// `checks`: list the checks (text, JSON, the Markdown of docs/checks.md, or config coverage), or explain one.

import { type Command, Option } from 'commander';
import { ExitCode, UsageError } from '../errors.js';
import { loadSetup } from '../pipeline.js';
import { didYouMean } from '../suggest.js';
import { checkRows, renderCheckExplanation, renderChecksMarkdown, renderChecksText } from './checks-list.js';
import { renderConfigCoverage } from './config-coverage.js';
import type { CommandContext } from './context.js';
import { orList } from './program-options.js';

/** checks --format, in the order --help lists them (json is handled with --explain too). */
export const CHECKS_FORMATS = ['text', 'json', 'markdown', 'config-coverage'] as const;

export function registerChecks(program: Command, ctx: CommandContext): void {
  const { io, setExit } = ctx;
  program
    .command('checks')
    .description('list the checks: id, area, severity and what each one looks at')
    .option('-c, --config <file>', 'readiness.yaml whose plugins and overrides to include')
    .addOption(new Option('-f, --format <format>', `${orList(CHECKS_FORMATS)} (which Kafka configs the checks judge)`).choices(CHECKS_FORMATS).default('text'))
    .option('--explain <id>', "print one check's full text: why it matters, the fix, options and references")
    .action(async (flags: { config?: string; format: (typeof CHECKS_FORMATS)[number]; explain?: string }) => {
      // Check modules load on use: every other command (gather) starts without them.
      const { builtInChecks } = await import('../../checks/index.js');
      const setup = flags.config ? await loadSetup(flags.config) : { registry: builtInChecks.map((check) => ({ check, origin: 'built-in' as const })), config: null };
      const rows = checkRows(setup.registry, setup.config);
      if (flags.explain !== undefined) {
        const row = rows.find((r) => r.id === flags.explain);
        if (!row) throw new UsageError(`unknown check "${flags.explain}"${didYouMean(flags.explain, rows.map((r) => r.id))}; list them with: kafka-readiness checks`);
        io.stdout.write(flags.format === 'json' ? `${JSON.stringify(row, null, 2)}\n` : renderCheckExplanation(row));
        setExit(ExitCode.ok);
        return;
      }
      if (flags.format === 'json') io.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
      else if (flags.format === 'markdown') io.stdout.write(renderChecksMarkdown(rows));
      else if (flags.format === 'config-coverage') io.stdout.write(renderConfigCoverage(setup.registry));
      else io.stdout.write(renderChecksText(rows));
      setExit(ExitCode.ok);
    });
}
