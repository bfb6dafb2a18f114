// What every command module gets from the program: the output streams, the exit-code setter (only cli.ts
// turns it into the process exit code) and the gather with its terminal status line.

import type { ConnectionOptions } from '../connect/options.js';
import { ExitCode } from '../errors.js';
import type { GatherEvent } from '../gather/gather.js';
import type { Snapshot } from '../model/snapshot.js';
import { gatherFromCluster } from '../pipeline.js';
import { escapeControl } from '../report/escape.js';
import type { Report } from '../report/model.js';
import { createProgress, progressWanted } from './progress.js';

export interface CommandIo {
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WriteStream;
}

export interface CommandContext {
  io: CommandIo;
  setExit: (code: number) => void;
  /** --verbose log lines for stderr, or undefined without --verbose. */
  log: (verbose?: boolean) => ((line: string) => void) | undefined;
  /** gatherFromCluster with a status line on stderr when it is a terminal (commands/progress.ts). */
  gatherShown: (conn: ConnectionOptions, flags: { quiet?: boolean; verbose?: boolean }, opts?: Parameters<typeof gatherFromCluster>[1]) => Promise<Snapshot>;
}

export function createCommandContext(io: CommandIo, setExit: (code: number) => void): CommandContext {
  // Progress lines can name topics and groups: cluster data, shown escaped.
  const log = (verbose?: boolean) => (verbose ? (line: string) => io.stderr.write(`${escapeControl(line)}\n`) : undefined);

  const gatherShown = async (conn: ConnectionOptions, flags: { quiet?: boolean; verbose?: boolean }, opts: Parameters<typeof gatherFromCluster>[1] = {}) => {
    const progress = progressWanted(io.stderr, flags) ? createProgress(io.stderr, { target: conn.bootstrap.join(',') }) : undefined;
    let summary: string | undefined;
    try {
      const snapshot = await gatherFromCluster(conn, { ...opts, ...(progress ? { progress: (e: GatherEvent) => progress.onEvent(e) } : {}) });
      summary = `gathered ${Object.keys(snapshot.artifacts).length} artifacts with ${snapshot.stats.totalRequests} requests`;
      return snapshot;
    } finally {
      progress?.finish(summary);
    }
  };
  return { io, setExit, log, gatherShown };
}

/** The snapshot writer (and its schema validator) loads only when a snapshot is written. */
export async function writeSnapshot(file: string, snapshot: Snapshot): Promise<void> {
  await (await import('../gather/snapshot-io.js')).writeSnapshotFile(file, snapshot);
}

export function gateExit(report: Report): number {
  return report.gate.passed ? ExitCode.ok : ExitCode.gateFailed;
}
