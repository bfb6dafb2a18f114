// `gather`: read a snapshot of the cluster (read-only) and write it to a file, for `evaluate` later.

import type { Command } from 'commander';
import { ExitCode } from '../errors.js';
import { buildConnectionOptions, type ConnectionFlags } from './connection.js';
import { type CommandContext, writeSnapshot } from './context.js';
import { type CloudWatchFlags, type ObserveFlags, parseCloudWatch, parseObserve } from './flags.js';
import { checkWritable } from './output.js';
import { addCloudWatchOptions, addConnectionOptions } from './program-options.js';

export function registerGather(program: Command, ctx: CommandContext): void {
  const { io, setExit, log, gatherShown } = ctx;
  addCloudWatchOptions(addConnectionOptions(program.command('gather')))
    .description('gather a snapshot of the cluster (read-only) and write it as JSON')
    .requiredOption('-o, --output <file>', 'snapshot file to write')
    .option('--observe <duration>', 'sample offsets and group commits over this window')
    .option('--samples <n>', 'number of samples over the --observe window')
    .option('-v, --verbose', 'detailed log lines on stderr (each artifact read, with timings)')
    .option('-q, --quiet', 'no progress status on stderr (it is shown only on a terminal anyway)')
    .action(async (flags: ConnectionFlags & ObserveFlags & CloudWatchFlags & { output: string; verbose?: boolean; quiet?: boolean }) => {
      checkWritable(flags.output, 'file', '--output');
      const conn = buildConnectionOptions(flags);
      const observe = parseObserve(flags);
      const cloudwatch = parseCloudWatch(flags);
      const logger = log(flags.verbose);
      const snapshot = await gatherShown(conn, flags, { ...(logger ? { log: logger } : {}), ...(observe ? { observe } : {}), ...(cloudwatch ? { cloudwatch } : {}) });
      await writeSnapshot(flags.output, snapshot);
      io.stderr.write(`wrote ${flags.output} (${snapshot.stats.totalRequests} requests, ${snapshot.stats.durationMs} ms)\n`);
      setExit(ExitCode.ok);
    });
}
