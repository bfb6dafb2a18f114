// The command-line program. This is the ONLY place that decides the process exit code.

import { existsSync } from 'node:fs';
import { Command, CommanderError, Option } from 'commander';
import { builtInChecks } from '../checks/index.js';
import { buildConnectionOptions, type ConnectionFlags, DEFAULT_CLIENT_SECRET_ENV, DEFAULT_PASSWORD_ENV } from './commands/connection.js';
import { checkRows, renderCheckExplanation, renderChecksMarkdown, renderChecksText } from './commands/checks-list.js';
import { renderConfigCoverage } from './commands/config-coverage.js';
import { EXIT_HELP } from './commands/exit-help.js';
import { checkOutputFlags, checkWritable, type OutputFlags, writeFileChecked, writeReport } from './commands/output.js';
import { applyBaseline, diffReports } from './engine/diff.js';
import { readReportFile } from './commands/report-file.js';
import { renderDiffHtml, renderDiffMarkdown, renderDiffText } from './report/diff-render.js';
import { escapeStrings } from './report/escape.js';
import { ExitCode, ReadinessError, UsageError } from './errors.js';
import { readingFile } from './engine/input-shape.js';
import type { Snapshot } from './model/snapshot.js';
import type { CloudWatchSettings } from './connect/port.js';
import { SEVERITIES, type Severity } from './sdk.js';
import { evaluateSnapshot, gatherFromCluster, loadSetup, readSnapshotFile } from './pipeline.js';
import type { Report } from './report/model.js';
import { TOOL_VERSION } from './version.js';
import { durationFlag } from './duration.js';
import { didYouMean } from './suggest.js';
import { createProgress, progressWanted } from './commands/progress.js';
import { type CompareFlags, compareInputs, compareMapping, pairSnapshots } from './commands/compare.js';
import type { ConnectionOptions } from './connect/options.js';
import type { GatherContext, GatherEvent } from './gather/gather.js';
import { escapeControl } from './report/escape.js';
import { DEFAULT_PLUGIN_BUDGET_MS } from './engine/plugin-host.js';

interface ReportFlags extends OutputFlags {
  config?: string;
  profile?: string;
  failUnder?: string;
  failOn?: Severity;
  minCoverage?: string;
  verbose?: boolean;
  pluginTimeout?: string;
}

function addConnectionOptions(cmd: Command): Command {
  return cmd
    .option('-b, --bootstrap-server <list>', 'comma-separated host:port list (env KAFKA_READINESS_BOOTSTRAP)')
    .option('--command-config <file>', 'Kafka client .properties file (bootstrap.servers, security.protocol, sasl.*, ssl.* PEM settings)')
    .option('--command-property <key=value>', 'a client property added to or overriding --command-config (repeatable; not for passwords or keys)', collect)
    .option('--security-protocol <protocol>', 'PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL')
    .option('--sasl-mechanism <mechanism>', 'PLAIN, SCRAM-SHA-256, SCRAM-SHA-512, OAUTHBEARER (OIDC) or AWS_MSK_IAM')
    .option('--username <name>', 'SASL user name (env KAFKA_READINESS_USERNAME)')
    .option('--password-file <file>', 'read the SASL password from this file')
    .option('--password-env <VAR>', `read the SASL password from this environment variable (default ${DEFAULT_PASSWORD_ENV})`)
    .option('--ca-file <file>', 'PEM file of CA certificates to trust (TLS)')
    .option('--cert-file <file>', 'PEM client certificate (mutual TLS)')
    .option('--key-file <file>', 'PEM client private key (mutual TLS)')
    .option('--no-verify-hostname', 'do not check the broker certificate host name (like ssl.endpoint.identification.algorithm=)')
    .option('--oauth-token-endpoint <url>', 'OAUTHBEARER: OIDC token endpoint for the client-credentials grant (sasl.oauthbearer.token.endpoint.url)')
    .option('--oauth-client-id <id>', 'OAUTHBEARER: OAuth client id (env KAFKA_READINESS_OAUTH_CLIENT_ID)')
    .option('--oauth-client-secret-file <file>', 'OAUTHBEARER: read the OAuth client secret from this file')
    .option('--oauth-client-secret-env <VAR>', `OAUTHBEARER: read the OAuth client secret from this environment variable (default ${DEFAULT_CLIENT_SECRET_ENV})`)
    .option('--oauth-scope <scope>', 'OAUTHBEARER: scope to request (space-separated)')
    .option('--oauth-audience <audience>', 'OAUTHBEARER: audience / resource to request the token for')
    .option('--aws-region <region>', 'AWS_MSK_IAM: region to sign for (default: from the MSK host name, AWS_REGION)')
    .option('--aws-profile <name>', 'AWS_MSK_IAM: AWS profile for credentials (default: the standard AWS credential chain)')
    .option('--timeout <duration>', 'connect and request timeout, e.g. 10s (sets both below)')
    .option('--connect-timeout <duration>', 'TCP/TLS/SASL connect timeout (default 10s)')
    .option('--request-timeout <duration>', 'per-request timeout (default 30s)');
}

/** Repeatable flags (commander calls this once per occurrence). */
function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

/** Help headings for the options of a command, by long flag name, shown in the order given (others last). */
function groupOptions(cmd: Command, groups: Record<string, string[]>): Command {
  const headings = Object.keys(groups);
  const rank = (o: Option) => {
    const i = headings.findIndex((h) => o.long !== undefined && groups[h]!.includes(o.long.slice(2)));
    if (i >= 0) o.helpGroup(headings[i]!);
    return i < 0 ? headings.length : i;
  };
  // commander lists groups in the order their first option was added; a stable sort puts them in ours.
  const sorted = [...cmd.options].map((o) => ({ o, r: rank(o) })).sort((a, b) => a.r - b.r).map((x) => x.o);
  (cmd.options as Option[]).splice(0, cmd.options.length, ...sorted);
  return cmd;
}

const CONNECTION_FLAGS = ['bootstrap-server', 'command-config', 'command-property', 'security-protocol', 'sasl-mechanism', 'username', 'password-file', 'password-env', 'ca-file', 'cert-file', 'key-file', 'verify-hostname', 'no-verify-hostname', 'timeout', 'connect-timeout', 'request-timeout'];
const REPORT_FLAGS = ['config', 'profile', 'format', 'output', 'out-dir', 'max-findings', 'verbose', 'quiet'];
const GATE_FLAGS = ['fail-under', 'fail-on', 'min-coverage', 'fail-on-new'];
const OPTION_GROUPS = {
  'Connection options:': CONNECTION_FLAGS,
  'Scan options:': ['observe', 'samples', 'cloudwatch', 'cloudwatch-region', 'cloudwatch-endpoint', 'cloudwatch-window', 'snapshot-out', 'baseline', 'probe', 'allow-writes', 'probe-prefix', 'probe-topic', 'probe-records', 'probe-consumers'],
  'Report options:': REPORT_FLAGS,
  'Gate options (exit 1 when a rule fails):': GATE_FLAGS,
};

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

function addReportOptions(cmd: Command): Command {
  return cmd
    .option('-c, --config <file>', 'readiness.yaml (default: ./readiness.yaml when present)')
    .addOption(new Option('--profile <name>', 'built-in policy profile under readiness.yaml (dev, production, regulated)').choices(['dev', 'production', 'regulated']))
    .option('-f, --format <formats>', 'text, json, html, markdown, junit or sarif; several with --out-dir, e.g. text,json,sarif', 'text')
    .option('-o, --output <file>', 'write the report to this file instead of stdout')
    .option('--out-dir <dir>', 'write report.<ext> for each format into this directory')
    .option('--fail-under <score>', 'exit 1 when the overall score is below this (0–100)')
    .addOption(new Option('--fail-on <severity>', 'exit 1 when any open finding fails at this severity or worse').choices(SEVERITIES))
    .option('--min-coverage <percent>', 'exit 1 when coverage (share of applicable checks that could run) is below this')
    .option('--max-findings <n>', 'findings shown per check in text output (default 10; JSON has all)')
    .addOption(new Option('--junit-warn <mapping>', 'JUnit: a warn finding is a failure, skipped, or pass (default failure)').choices(['failure', 'skipped', 'pass']))

    .option('--plugin-timeout <duration>', 'time budget per plugin check; a plugin check that takes longer is stopped and reported as error (default 5s)');
}

/** --plugin-timeout → the per-check budget plugins run under (bounded: Node timers overflow past 2^31 ms). */
function pluginOptions(flags: ReportFlags): { budgetMs?: number } {
  if (flags.pluginTimeout === undefined) return {};
  return { budgetMs: durationFlag(flags.pluginTimeout, '--plugin-timeout', { fallback: DEFAULT_PLUGIN_BUDGET_MS, max: 600_000 }) };
}

interface CloudWatchFlags {
  cloudwatch?: string;
  cloudwatchRegion?: string;
  cloudwatchEndpoint?: string;
  cloudwatchWindow?: string;
}

function addCloudWatchOptions(cmd: Command): Command {
  return cmd
    .option('--cloudwatch <cluster-name>', 'also read Amazon MSK metrics (AWS/Kafka) of this MSK cluster from CloudWatch; AWS credentials from the standard chain')
    .option('--cloudwatch-region <region>', 'AWS region of the MSK cluster (default: AWS_REGION, AWS_DEFAULT_REGION, then the AWS profile)')
    .option('--cloudwatch-endpoint <url>', 'CloudWatch endpoint URL (a VPC endpoint, or a local stand-in such as moto)')
    .option('--cloudwatch-window <duration>', 'metrics look-back, e.g. 24h or 7d (default 7d, at most 63d)');
}

/** --cloudwatch and friends → the settings the pipeline builds the metrics port from (or undefined when not asked). */
function parseCloudWatch(f: CloudWatchFlags): CloudWatchSettings | undefined {
  if (f.cloudwatch === undefined) {
    if (f.cloudwatchRegion ?? f.cloudwatchEndpoint ?? f.cloudwatchWindow) throw new UsageError('--cloudwatch-region, --cloudwatch-endpoint and --cloudwatch-window need --cloudwatch <cluster-name>');
    return undefined;
  }
  const windowMs = durationFlag(f.cloudwatchWindow, '--cloudwatch-window', { min: 3_600_000, max: 63 * 86_400_000 });
  if (f.cloudwatchEndpoint !== undefined && !/^https?:\/\/[^\s]+$/.test(f.cloudwatchEndpoint)) throw new UsageError('--cloudwatch-endpoint must be an http(s) URL');
  const { cloudwatch: clusterName, cloudwatchRegion: region, cloudwatchEndpoint: endpoint } = f;
  // The AWS SDK loads only when metrics are asked for (start-up time).
  return { clusterName, ...(region ? { region } : {}), ...(endpoint ? { endpoint } : {}), ...(windowMs ? { windowMs } : {}) };
}

interface ProbeFlags {
  probe?: boolean;
  allowWrites?: boolean;
  probePrefix?: string;
  probeTopic?: string;
  probeRecords?: string;
  probeConsumers?: string;
}

/** --probe: the only path that writes, and only with --allow-writes (the probe module loads only then). */
function parseProbe(f: ProbeFlags, conn: ConnectionOptions, log: (line: string) => void): GatherContext['probe'] | undefined {
  if (!f.probe) {
    if (f.allowWrites || f.probePrefix !== undefined || f.probeTopic !== undefined || f.probeRecords !== undefined || f.probeConsumers !== undefined) {
      throw new UsageError('--allow-writes, --probe-prefix, --probe-topic, --probe-records and --probe-consumers need --probe (or the probe command)');
    }
    return undefined;
  }
  if (!f.allowWrites) throw new UsageError('the probe writes to the cluster: add --allow-writes to allow it');
  const prefix = f.probePrefix ?? 'kafka-readiness.probe.';
  if (!/^[A-Za-z0-9._-]{1,100}$/.test(prefix)) throw new UsageError('--probe-prefix may contain only letters, digits, ".", "_" and "-" (at most 100)');
  if (f.probeRecords !== undefined && (!/^\d{1,8}$/.test(f.probeRecords) || Number(f.probeRecords) > 10_000_000)) throw new UsageError('--probe-records must be a whole number from 0 to 10000000');
  if (f.probeConsumers !== undefined && (!/^\d{1,3}$/.test(f.probeConsumers) || Number(f.probeConsumers) < 1 || Number(f.probeConsumers) > 64)) throw new UsageError('--probe-consumers must be a whole number from 1 to 64');
  const records = f.probeRecords === undefined ? 20_000 : Number(f.probeRecords);
  const consumers = f.probeConsumers === undefined ? 3 : Number(f.probeConsumers);
  return async (seen) => {
    // KIP-848 is offered when every broker advertises ConsumerGroupHeartbeat AND has group.version >= 1 finalized:
    // 3.9 advertises the API without the feature and answers UNSUPPORTED_VERSION (as compatibility/required-features judges).
    const kip848 = seen.apiVersions.ok && Object.values(seen.apiVersions.value.brokers).every((b) => b.apis.some((a) => a.key === 68) && (b.finalizedFeatures.find((f) => f.name === 'group.version')?.max ?? 0) >= 1);
    return (await import('./gather/probe/run.js')).runProbe(
      { conn, prefix, ...(f.probeTopic ? { topic: f.probeTopic } : {}), burst: records > 0 ? { records, recordBytes: 1024, consumers } : null, log },
      { topicConfigs: seen.topicConfigs, brokerConfigs: seen.brokerConfigs, kip848 },
    );
  };
}

interface ObserveFlags {
  observe?: string;
  samples?: string;
}

/** --observe 30s → samples spread over 30 s (one every 5 s by default, at least 3, at most 13). */
function parseObserve(flags: ObserveFlags): { windowMs: number; samples: number } | undefined {
  if (flags.observe === undefined) {
    if (flags.samples !== undefined) throw new UsageError('--samples needs --observe <duration>');
    return undefined;
  }
  const windowMs = durationFlag(flags.observe, '--observe', { min: 1000, max: 3_600_000, fallback: 0 });
  let samples = Math.min(13, Math.max(3, Math.round(windowMs / 5000) + 1));
  if (flags.samples !== undefined) {
    if (!/^\d+$/.test(flags.samples) || Number(flags.samples) < 2 || Number(flags.samples) > 1000) throw new UsageError('--samples must be a whole number from 2 to 1000');
    samples = Number(flags.samples);
  }
  return { windowMs, samples };
}

function parsePercent(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!/^\s*\d+(\.\d+)?\s*$/.test(value) || !Number.isFinite(n) || n < 0 || n > 100) throw new UsageError(`${flag} must be a number from 0 to 100 (got "${value}")`);
  return n;
}

/** Gate flags for buildReport; each overrides its readiness.yaml `gate:` entry. */
function gateFlags(flags: ReportFlags): { failUnder?: number; failOn?: Severity; minCoverage?: number } {
  const failUnder = parsePercent(flags.failUnder, '--fail-under');
  const minCoverage = parsePercent(flags.minCoverage, '--min-coverage');
  return { ...(failUnder !== undefined ? { failUnder } : {}), ...(flags.failOn ? { failOn: flags.failOn } : {}), ...(minCoverage !== undefined ? { minCoverage } : {}) };
}

/** The snapshot writer (and its schema validator) loads only when a snapshot is written. */
async function writeSnapshot(file: string, snapshot: Snapshot): Promise<void> {
  await (await import('./gather/snapshot-io.js')).writeSnapshotFile(file, snapshot);
}

function gateExit(report: Report): number {
  return report.gate.passed ? ExitCode.ok : ExitCode.gateFailed;
}

export function buildProgram(io: { stdout: NodeJS.WriteStream; stderr: NodeJS.WriteStream }, setExit: (code: number) => void): Command {
  const program = new Command('kafka-readiness')
    .description('Scan a Kafka-compatible cluster and report how ready it is for production, with evidence and fixes.')
    .version(TOOL_VERSION)
    .addHelpText('after', EXIT_HELP)
    .showHelpAfterError('(run with --help for usage)')
    // Errors stay one line: the message (flag values escaped) and the help hint that follows it on the same line.
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s), outputError: (s, write) => write(`${escapeControl(s.trimEnd())} `) })
    .exitOverride();

  // Progress lines can name topics and groups: cluster data, shown escaped.
  const log = (verbose?: boolean) => (verbose ? (line: string) => io.stderr.write(`${escapeControl(line)}\n`) : undefined);

  /** gatherFromCluster with a status line on stderr when it is a terminal (commands/progress.ts). */
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

  type ScanFlags = ConnectionFlags & ReportFlags & ObserveFlags & CloudWatchFlags & ProbeFlags & { snapshotOut?: string; baseline?: string; failOnNew?: boolean; quiet?: boolean };
  const addProbeOptions = (cmd: Command) =>
    cmd
      .option('--allow-writes', 'allow the probe to create a prefixed topic and groups, write records, and remove them afterwards')
      .option('--probe-prefix <prefix>', 'name prefix of everything the probe creates (default kafka-readiness.probe.)')
      .option('--probe-topic <topic>', 'write to this existing topic instead of creating one (principals that may not create topics)')
      .option('--probe-records <n>', 'records the burst produces at full speed with acks=all (default 20000; 0 skips the burst)')
      .option('--probe-consumers <n>', 'consumers of one group that read the burst back from the earliest offset (default 3, 1 to 64)');
  // scan and probe share one path: probe is scan with the write probe switched on (still only with --allow-writes).
  const scanAction = async (flags: ScanFlags) => {
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
    .action(scanAction);

  addProbeOptions(addCloudWatchOptions(addReportOptions(addConnectionOptions(program.command('probe')))))
    .description('scan with the client-compatibility and burst probe (WRITES to the cluster: needs --allow-writes); same report as scan --probe')
    .option('--snapshot-out <file>', 'also save the gathered snapshot (for `evaluate` later)')
    .option('-v, --verbose', 'detailed log lines on stderr (each artifact read, with timings)')
    .option('-q, --quiet', 'no progress status on stderr (it is shown only on a terminal anyway)')
    .addHelpText('after', EXIT_HELP)
    .action((flags: ScanFlags) => scanAction({ ...flags, probe: true }));

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

  addReportOptions(program.command('compare'))
    .description('compare a migration source with its target (two connections, or two saved snapshots offline): the migration checks on the target')
    .argument('[snapshots...]', 'offline: the source and target snapshot files')
    .option('--source-config <file>', 'client properties of the source cluster (like --command-config)')
    .option('--target-config <file>', 'client properties of the target cluster (like --command-config)')
    .option('--source-alias <alias>', 'MirrorMaker 2 alias of the source: target topics are "<alias>.<topic>" (DefaultReplicationPolicy)')
    .option('--target-alias <alias>', 'MirrorMaker 2 alias of the target (finds the reverse flow on the source)')
    .option('--replication-policy <policy>', 'identity (same names) or default (prefix with --source-alias)')
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

  addConnectionOptions(program.command('init'))
    .description('write a commented starter readiness.yaml; with connection flags, the topics and groups found become patterns to fill in')
    .option('-o, --output <file>', 'file to write', 'readiness.yaml')
    .option('--force', 'overwrite an existing file')
    .action(async (flags: ConnectionFlags & { output: string; force?: boolean }) => {
      if (existsSync(flags.output) && !flags.force) throw new UsageError(`${flags.output} exists; use --force to overwrite it`);
      checkWritable(flags.output, 'file', '--output');
      const connect = flags.bootstrapServer !== undefined || flags.commandConfig !== undefined || Boolean(flags.commandProperty?.length) || process.env.KAFKA_READINESS_BOOTSTRAP !== undefined;
      const snapshot = connect ? await gatherFromCluster(buildConnectionOptions(flags)) : undefined;
      const text = (await import('./commands/init.js')).renderStarterConfig(snapshot);
      (await import('./config/readiness.js')).parseReadinessConfig(text, flags.output); // what init writes must load
      writeFileChecked(flags.output, text);
      io.stderr.write(`wrote ${flags.output}${snapshot ? ` (from ${snapshot.artifacts.topics.ok ? snapshot.artifacts.topics.value.length : 0} topics)` : ''}\n`);
      setExit(ExitCode.ok);
    });

  program
    .command('diff')
    .description('compare two JSON reports: new, fixed and changed findings and the score change')
    .argument('<base>', 'the earlier report (e.g. from the main branch)')
    .argument('<head>', 'the later report')
    .addOption(new Option('-f, --format <format>', 'text, json, markdown (a PR comment) or html').choices(['text', 'json', 'markdown', 'html']).default('text'))
    .option('--fail-on-new', 'exit 1 when head has findings that base does not')
    .action((baseFile: string, headFile: string, flags: { format: string; failOnNew?: boolean }) => {
      const base = readReportFile(baseFile);
      const head = readReportFile(headFile);
      const d = readingFile(`${baseFile}, ${headFile}`, 'report', () => diffReports(base, head));
      // Cluster strings in the diff are escaped for every format but JSON (report/escape.ts).
      const render = { json: () => `${JSON.stringify(d, null, 2)}\n`, markdown: () => renderDiffMarkdown(escapeStrings(d)), html: () => renderDiffHtml(escapeStrings(d)), text: () => renderDiffText(d) }[flags.format] ?? (() => renderDiffText(d));
      io.stdout.write(readingFile(`${baseFile}, ${headFile}`, 'report', render));
      setExit(flags.failOnNew && d.newFindings.length > 0 ? ExitCode.gateFailed : ExitCode.ok);
    });

  program
    .command('checks')
    .description('list the checks: id, area, severity and what each one looks at')
    .option('-c, --config <file>', 'readiness.yaml whose plugins and overrides to include')
    .addOption(new Option('-f, --format <format>', 'text, json, markdown or config-coverage (which Kafka configs the checks judge)').choices(['text', 'json', 'markdown', 'config-coverage']).default('text'))
    .option('--explain <id>', "print one check's full text: why it matters, the fix, options and references")
    .action(async (flags: { config?: string; format: string; explain?: string }) => {
      const setup = flags.config ? await loadSetup(flags.config) : { registry: builtInChecks.map((check) => ({ check, origin: 'built-in' })), config: null };
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
