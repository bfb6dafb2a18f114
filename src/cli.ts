// The command-line program: assembles the commands (one module each under src/commands/), parses argv and
// dispatches. This is the ONLY place that decides the process exit code.

import { Command, CommanderError } from 'commander';
import { registerChecks } from './commands/checks-command.js';
import { registerCompare } from './commands/compare-command.js';
import { type CommandIo, createCommandContext } from './commands/context.js';
import { registerDiff } from './commands/diff-command.js';
import { registerEvaluate } from './commands/evaluate-command.js';
import { EXIT_HELP } from './commands/exit-help.js';
import { registerGather } from './commands/gather-command.js';
import { registerInit } from './commands/init-command.js';
import { registerProbe } from './commands/probe-command.js';
import { groupOptions, OPTION_GROUPS } from './commands/program-options.js';
import { registerScan } from './commands/scan-command.js';
import { ExitCode, ReadinessError } from './errors.js';
import { escapeControl } from './report/escape.js';
import { TOOL_VERSION } from './version.js';

/** In the order `--help` lists them. */
const COMMANDS = [registerScan, registerProbe, registerGather, registerEvaluate, registerCompare, registerInit, registerDiff, registerChecks];

export function buildProgram(io: CommandIo, setExit: (code: number) => void): Command {
  const program = new Command('kafka-readiness')
    .description('Scan a Kafka-compatible cluster and report how ready it is for production, with evidence and fixes.')
    .version(TOOL_VERSION)
    .addHelpText('after', EXIT_HELP)
    .showHelpAfterError('(run with --help for usage)')
    // Errors stay one line: the message (flag values escaped) and the help hint that follows it on the same line.
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s), outputError: (s, write) => write(`${escapeControl(s.trimEnd())} `) })
    .exitOverride();
  const ctx = createCommandContext(io, setExit);
  for (const register of COMMANDS) register(program, ctx);
  for (const cmd of program.commands) groupOptions(cmd, OPTION_GROUPS);
  return program;
}

export async function main(argv: string[], io = { stdout: process.stdout, stderr: process.stderr }): Promise<number> {
  let code: number = ExitCode.ok;
  // A reader that closes the pipe early (`| head`) is not an error worth a stack trace.
  for (const stream of [io.stdout, io.stderr]) {
    stream.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code !== 'EPIPE') throw err;
    });
  }
  const program = buildProgram(io, (c) => (code = c));
  try {
    if (argv.length <= 2) {
      program.outputHelp();
      code = ExitCode.usage;
    } else {
      await program.parseAsync(argv);
    }
  } catch (err) {
    code = exitCodeFor(err, io.stderr);
  }
  process.exitCode = code;
  return code;
}

function exitCodeFor(err: unknown, stderr: NodeJS.WriteStream): number {
  if (err instanceof CommanderError) {
    // commander already printed its message; help and version are successes.
    if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help') return ExitCode.ok;
    return ExitCode.usage;
  }
  if (err instanceof ReadinessError) {
    // Messages quote file contents and flag values: a newline or escape sequence in them must not reach the terminal.
    stderr.write(`kafka-readiness: ${escapeControl(err.message)}\n`);
    return err.exitCode;
  }
  const message = err instanceof Error ? err.message.split('\n')[0] : String(err);
  stderr.write(`kafka-readiness: internal error: ${escapeControl(message ?? '')}\n`);
  if (process.env.KAFKA_READINESS_DEBUG && err instanceof Error) stderr.write(`${err.stack}\n`);
  return ExitCode.internal;
}
