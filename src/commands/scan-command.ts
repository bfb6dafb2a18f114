// `scan`: gather a snapshot (read-only unless --probe --allow-writes), evaluate it once, write the report.
// The probe command is this same path with the write probe switched on (./probe-command.ts).

import type { Command } from 'commander';
import { applyBaseline } from '../engine/diff.js';
import { readingFile } from '../engine/input-shape.js';
import { UsageError } from '../errors.js';
import { evaluateSnapshot, loadSetup } from '../pipeline.js';
import { escapeControl } from '../report/escape.js';
import { buildConnectionOptions, type ConnectionFlags } from './connection.js';
import { type CommandContext, gateExit, writeSnapshot } from './context.js';
import { EXIT_HELP } from './exit-help.js';
import { type CloudWatchFlags, gateFlags, type ObserveFlags, parseCloudWatch, parseObserve, parseProbe, pluginOptions, type ProbeFlags, type ReportFlags } from './flags.js';
import { checkOutputFlags, checkWritable, writeReport } from './output.js';
import { addCloudWatchOptions, addConnectionOptions, addProbeOptions, addReportOptions } from './program-options.js';
import { readReportFile } from './report-file.js';

export type ScanFlags = ConnectionFlags & ReportFlags & ObserveFlags & CloudWatchFlags & ProbeFlags & { snapshotOut?: string; baseline?: string; failOnNew?: boolean; quiet?: boolean };

const SCAN_EXAMPLES = `
Examples:
  # the same client properties file Kafka's own tools read
  kafka-readiness scan --command-config client.properties

  # SCRAM over TLS, password from the environment (never on the command line)
  KAFKA_READINESS_PASSWORD=… kafka-readiness scan -b broker1:9096 --security-protocol SASL_SSL \\
    --sasl-mechanism SCRAM-SHA-512 --username scanner --ca-file ca.pem

  # a properties file with one setting overridden
  kafka-readiness scan --command-config client.properties --command-property bootstrap.servers=broker2:9096

  # watch lag for 5 minutes, write every format, fail the CI job on a critical finding
  kafka-readiness scan --command-config client.properties --observe 5m \\
    --format text,json,sarif,junit --out-dir reports --fail-on critical

  # keep the snapshot and evaluate it later, offline
  kafka-readiness scan --command-config client.properties --snapshot-out snapshot.json
  kafka-readiness evaluate snapshot.json --profile regulated`;

/** The scan (and probe) action: one gather, one evaluation, then --baseline as a pure step on the report. */
export function scanAction(ctx: CommandContext): (flags: ScanFlags) => Promise<void> {
  const { io, setExit, log, gatherShown } = ctx;
  return async (flags: ScanFlags) => {
    const formats = checkOutputFlags(flags);
    const gate = gateFlags(flags);
    if (flags.failOnNew && !flags.baseline) throw new UsageError('--fail-on-new needs --baseline <report.json>');
    if (flags.snapshotOut !== undefined) checkWritable(flags.snapshotOut, 'file', '--snapshot-out');
    const baseline = flags.baseline ? readReportFile(flags.baseline) : undefined;
    const conn = buildConnectionOptions(flags);
    const observe = parseObserve(flags);
    const cloudwatch = parseCloudWatch(flags);
    const setup = await loadSetup(flags.config, flags.profile, pluginOptions(flags));
    const logger = log(flags.verbose);
    const probe = parseProbe(flags, conn, (line) => io.stderr.write(`${escapeControl(line)}\n`));
    const snapshot = await gatherShown(conn, flags, { ...(logger ? { log: logger } : {}), ...(observe ? { observe } : {}), ...(cloudwatch ? { cloudwatch } : {}), ...(probe ? { probe } : {}) });
    if (flags.snapshotOut) {
      await writeSnapshot(flags.snapshotOut, snapshot);
      io.stderr.write(`wrote ${flags.snapshotOut}\n`);
    }
    let report = evaluateSnapshot(snapshot, setup, gate);
    // With --fail-on-new only findings the baseline lacks decide the gate: long-accepted debt does not.
    if (baseline) report = readingFile(flags.baseline!, 'report', () => applyBaseline(report, baseline, flags.baseline!, Boolean(flags.failOnNew)));
    writeReport(report, formats, flags, io, setup.config);
    setExit(gateExit(report));
  };
}

export function registerScan(program: Command, ctx: CommandContext): void {
  addProbeOptions(addCloudWatchOptions(addReportOptions(addConnectionOptions(program.command('scan')))))
    .description('gather a snapshot of the cluster (read-only), evaluate every check and print the report')
    .option('--snapshot-out <file>', 'also save the gathered snapshot (for `evaluate` later)')
    .option('--baseline <report.json>', 'an earlier JSON report to compare with (see --fail-on-new)')
    .option('--fail-on-new', 'with --baseline: exit 1 only for findings the baseline does not have')
    .option('--observe <duration>', 'sample offsets and group commits over this window (e.g. 30s, 5m, up to 1h) for lag trends and ingress rates')
    .option('--samples <n>', 'number of samples over the --observe window (default: one every 5 s, 3 to 13)')
    .option('--probe', 'also run the client-compatibility and burst probe (WRITES to the cluster: needs --allow-writes)')
    .option('-v, --verbose', 'detailed log lines on stderr (each artifact read, with timings)')
    .option('-q, --quiet', 'no progress status on stderr (it is shown only on a terminal anyway)')
    .addHelpText('after', SCAN_EXAMPLES)
    .addHelpText('after', EXIT_HELP)
    .action(scanAction(ctx));
}
