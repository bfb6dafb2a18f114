// `compare`: a migration source and its target (two connections or two saved snapshots) → one report on the
// target with the migration checks. Mapping and inputs are ./compare.ts; the pairing is pure (engine).

import type { Command } from 'commander';
import type { Snapshot } from '../model/snapshot.js';
import { evaluateSnapshot, loadSetup, readSnapshotFile } from '../pipeline.js';
import { type CompareFlags, compareInputs, compareMapping, pairSnapshots, REPLICATION_POLICY_HELP } from './compare.js';
import { buildConnectionOptions } from './connection.js';
import { type CommandContext, gateExit, writeSnapshot } from './context.js';
import { EXIT_HELP } from './exit-help.js';
import { gateFlags, type ObserveFlags, parseObserve, pluginOptions, type ReportFlags } from './flags.js';
import { checkOutputFlags, checkWritable, writeReport } from './output.js';
import { addReportOptions } from './program-options.js';

export function registerCompare(program: Command, ctx: CommandContext): void {
  const { io, setExit, gatherShown } = ctx;
  addReportOptions(program.command('compare'))
    .description('compare a migration source with its target (two connections, or two saved snapshots offline): the migration checks on the target')
    .argument('[snapshots...]', 'offline: the source and target snapshot files')
    .option('--source-config <file>', 'client properties of the source cluster (like --command-config)')
    .option('--target-config <file>', 'client properties of the target cluster (like --command-config)')
    .option('--source-alias <alias>', 'MirrorMaker 2 alias of the source: target topics are "<alias>.<topic>" (DefaultReplicationPolicy)')
    .option('--target-alias <alias>', 'MirrorMaker 2 alias of the target (finds the reverse flow on the source)')
    .option('--replication-policy <policy>', REPLICATION_POLICY_HELP)
    .option('--separator <text>', 'replication.policy.separator (default ".")')
    .option('--source-snapshot-out <file>', 'also save the source snapshot')
    .option('--target-snapshot-out <file>', 'also save the target snapshot')
    .option('--observe <duration>', 'sample both clusters over this window: replication lag trend')
    .option('--samples <n>', 'number of samples over the --observe window')
    .option('-q, --quiet', 'no progress status on stderr')
    .addHelpText('after', EXIT_HELP)
    .action(async (files: string[], flags: ReportFlags & ObserveFlags & CompareFlags & { quiet?: boolean }) => {
      const formats = checkOutputFlags(flags);
      const gate = gateFlags(flags);
      const inputs = compareInputs(files, flags);
      const setup = await loadSetup(flags.config, flags.profile, pluginOptions(flags));
      const mapping = compareMapping(flags, setup.config.migration);
      for (const [flag, f] of [['--source-snapshot-out', flags.sourceSnapshotOut], ['--target-snapshot-out', flags.targetSnapshotOut]] as const) if (f !== undefined) checkWritable(f, 'file', flag);
      let source: Snapshot;
      let target: Snapshot;
      if (inputs.mode === 'offline') {
        [source, target] = [await readSnapshotFile(inputs.source), await readSnapshotFile(inputs.target)];
      } else {
        const observe = parseObserve(flags);
        const quiet = { quiet: true };
        // Both at once, so that --observe windows overlap and lag trends compare the same moments.
        [source, target] = await Promise.all([
          gatherShown(buildConnectionOptions({ commandConfig: flags.sourceConfig! }), quiet, observe ? { observe } : {}),
          gatherShown(buildConnectionOptions({ commandConfig: flags.targetConfig! }), quiet, observe ? { observe } : {}),
        ]);
        if (flags.sourceSnapshotOut) await writeSnapshot(flags.sourceSnapshotOut, source);
        if (flags.targetSnapshotOut) await writeSnapshot(flags.targetSnapshotOut, target);
      }
      const report = evaluateSnapshot(pairSnapshots(source, target, mapping), setup, gate);
      writeReport(report, formats, flags, io, setup.config);
      setExit(gateExit(report));
    });
}
