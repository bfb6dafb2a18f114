// `probe`: scan with the client-compatibility and burst probe (writes, only with --allow-writes).

import type { Command } from 'commander';
import type { CommandContext } from './context.js';
import { EXIT_HELP } from './exit-help.js';
import { addCloudWatchOptions, addConnectionOptions, addProbeOptions, addReportOptions } from './program-options.js';
import { type ScanFlags, scanAction } from './scan-command.js';

export function registerProbe(program: Command, ctx: CommandContext): void {
  const scan = scanAction(ctx);
  addProbeOptions(addCloudWatchOptions(addReportOptions(addConnectionOptions(program.command('probe')))))
    .description('scan with the client-compatibility and burst probe (WRITES to the cluster: needs --allow-writes); same report as scan --probe')
    .option('--snapshot-out <file>', 'also save the gathered snapshot (for `evaluate` later)')
    .option('-v, --verbose', 'detailed log lines on stderr (each artifact read, with timings)')
    .option('-q, --quiet', 'no progress status on stderr (it is shown only on a terminal anyway)')
    .addHelpText('after', EXIT_HELP)
    .action((flags: ScanFlags) => scan({ ...flags, probe: true }));
}
