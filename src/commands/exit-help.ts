// The exit codes as --help prints them. README.md's "Exit codes" table names the same exit-1 causes;
// test/unit/exit-help.test.ts compares the two, so a new gate rule cannot be documented in one place only.

import { ExitCode } from '../errors.js';

/** Every reason the gate fails (exit 1), in the README's words without markup. */
export const GATE_FAILURE_CAUSES = [
  'coverage below the minimum',
  'score below --fail-under',
  'a finding at --fail-on severity',
  'a new finding with --fail-on-new',
  'an expired waiver',
] as const;

export const EXIT_CODE_MEANINGS: Record<(typeof ExitCode)[keyof typeof ExitCode], string> = {
  [ExitCode.ok]: 'gate passed (or no gate configured)',
  [ExitCode.gateFailed]: `gate failed: ${GATE_FAILURE_CAUSES.join(', ')} (not assessable below the coverage minimum; gate: rules in readiness.yaml count the same)`,
  [ExitCode.usage]: 'usage or configuration error (bad flag, malformed readiness.yaml, properties, snapshot or report file)',
  [ExitCode.connection]: 'cannot connect to or authenticate with the cluster',
  [ExitCode.internal]: 'internal error (a bug: please report it)',
};

export const EXIT_HELP = `\nExit codes:\n${Object.entries(EXIT_CODE_MEANINGS)
  .map(([code, meaning]) => `  ${code}  ${meaning}`)
  .join('\n')}`;
