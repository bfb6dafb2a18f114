// `init`: write a commented starter readiness.yaml (from the cluster's topics and groups when connected).

import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { ExitCode, UsageError } from '../errors.js';
import { gatherFromCluster } from '../pipeline.js';
import { buildConnectionOptions, type ConnectionFlags } from './connection.js';
import type { CommandContext } from './context.js';
import { checkWritable, writeFileChecked } from './output.js';
import { addConnectionOptions } from './program-options.js';

export function registerInit(program: Command, ctx: CommandContext): void {
  const { io, setExit } = ctx;
  addConnectionOptions(program.command('init'))
    .description('write a commented starter readiness.yaml; with connection flags, the topics and groups found become patterns to fill in')
    .option('-o, --output <file>', 'file to write', 'readiness.yaml')
    .option('--force', 'overwrite an existing file')
    .action(async (flags: ConnectionFlags & { output: string; force?: boolean }) => {
      if (existsSync(flags.output) && !flags.force) throw new UsageError(`${flags.output} exists; use --force to overwrite it`);
      checkWritable(flags.output, 'file', '--output');
      const connect = flags.bootstrapServer !== undefined || flags.commandConfig !== undefined || Boolean(flags.commandProperty?.length) || process.env.KAFKA_READINESS_BOOTSTRAP !== undefined;
      const snapshot = connect ? await gatherFromCluster(buildConnectionOptions(flags)) : undefined;
      const text = (await import('./init.js')).renderStarterConfig(snapshot);
      (await import('../config/readiness.js')).parseReadinessConfig(text, flags.output); // what init writes must load
      writeFileChecked(flags.output, text);
      io.stderr.write(`wrote ${flags.output}${snapshot ? ` (from ${snapshot.artifacts.topics.ok ? snapshot.artifacts.topics.value.length : 0} topics)` : ''}\n`);
      setExit(ExitCode.ok);
    });
}
