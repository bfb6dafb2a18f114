// The command-line program. This is the ONLY place that decides the process exit code.

import { existsSync, writeFileSync } from 'node:fs';
import { renderStarterConfig } from './commands/init.js';
import { parseReadinessConfig } from './config/readiness.js';
import { Command, CommanderError, Option } from 'commander';
import { builtInChecks } from '../checks/index.js';
import { buildConnectionOptions, type ConnectionFlags, DEFAULT_PASSWORD_ENV, parseMs } from './commands/connection.js';
import { checkRows, renderCheckExplanation, renderChecksMarkdown, renderChecksText } from './commands/checks-list.js';
import { checkOutputFlags, type OutputFlags, writeReport } from './commands/output.js';
import { fetchMskMetrics } from './connect/cloudwatch.js';
import { diffReports, readReportFile, renderDiffText } from './engine/diff.js';
import { ExitCode, ReadinessError, UsageError } from './errors.js';
import type { CloudWatchArtifact } from './gather/snapshot.js';
import type { Severity } from './sdk.js';
import { evaluateSnapshot, gatherFromCluster, loadSetup, readSnapshotFile } from './pipeline.js';
import { writeSnapshotFile } from './gather/snapshot-io.js';
import type { Report } from './report/model.js';
import { TOOL_VERSION } from './version.js';

const EXIT_HELP = `
Exit codes:
  0  gate passed (or no gate configured)
  1  gate failed (score below --fail-under / scoring.failUnder)
  2  usage or configuration error (bad flag, malformed readiness.yaml, properties or snapshot file)
  3  cannot connect to or authenticate with the cluster
  4  internal error (a bug: please report it)`;

interface ReportFlags extends OutputFlags {
  config?: string;
  profile?: string;
  failUnder?: string;
  failOn?: Severity;
  minCoverage?: string;
  verbose?: boolean;
}

function addConnectionOptions(cmd: Command): Command {
  return cmd
    .option('-b, --bootstrap-server <list>', 'comma-separated host:port list (env KAFKA_READINESS_BOOTSTRAP)')
    .option('--command-config <file>', 'Kafka client .properties file (bootstrap.servers, security.protocol, sasl.*, ssl.* PEM settings)')
    .option('--security-protocol <protocol>', 'PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL')
    .option('--sasl-mechanism <mechanism>', 'PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512')
    .option('--username <name>', 'SASL user name (env KAFKA_READINESS_USERNAME)')
    .option('--password-file <file>', 'read the SASL password from this file')
    .option('--password-env <VAR>', `read the SASL password from this environment variable (default ${DEFAULT_PASSWORD_ENV})`)
    .option('--ca-file <file>', 'PEM file of CA certificates to trust (TLS)')
    .option('--cert-file <file>', 'PEM client certificate (mutual TLS)')
    .option('--key-file <file>', 'PEM client private key (mutual TLS)')
    .option('--no-verify-hostname', 'do not check the broker certificate host name (like ssl.endpoint.identification.algorithm=)')
    .option('--timeout <duration>', 'connect and request timeout, e.g. 10s (sets both below)')
    .option('--connect-timeout <duration>', 'TCP/TLS/SASL connect timeout (default 10s)')
    .option('--request-timeout <duration>', 'per-request timeout (default 30s)');
}

function addReportOptions(cmd: Command): Command {
  return cmd
    .option('-c, --config <file>', 'readiness.yaml (default: ./readiness.yaml when present)')
    .addOption(new Option('--profile <name>', 'built-in policy profile under readiness.yaml (dev, production, regulated)').choices(['dev', 'production', 'regulated']))
    .option('-f, --format <formats>', 'text, json, html, markdown, junit or sarif; several with --out-dir, e.g. text,json,sarif', 'text')
    .option('-o, --output <file>', 'write the report to this file instead of stdout')
    .option('--out-dir <dir>', 'write report.<ext> for each format into this directory')
    .option('--fail-under <score>', 'exit 1 when the overall score is below this (0–100)')
    .addOption(new Option('--fail-on <severity>', 'exit 1 when any open finding fails at this severity or worse').choices(['critical', 'high', 'medium', 'low', 'info']))
    .option('--min-coverage <percent>', 'exit 1 when coverage (share of applicable checks that could run) is below this')
    .option('--max-findings <n>', 'findings shown per check in text output (default 10; JSON has all)');
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

/** --cloudwatch and friends → the metrics reader the gather layer calls (or undefined when not asked). */
function parseCloudWatch(f: CloudWatchFlags): (() => Promise<CloudWatchArtifact>) | undefined {
  if (f.cloudwatch === undefined) {
    if (f.cloudwatchRegion ?? f.cloudwatchEndpoint ?? f.cloudwatchWindow) throw new UsageError('--cloudwatch-region, --cloudwatch-endpoint and --cloudwatch-window need --cloudwatch <cluster-name>');
    return undefined;
  }
  let windowMs: number | undefined;
  if (f.cloudwatchWindow !== undefined) {
    const m = /^(\d+)(h|d)$/.exec(f.cloudwatchWindow.trim());
    if (!m) throw new UsageError(`--cloudwatch-window must be like 24h or 7d (got "${f.cloudwatchWindow}")`);
    windowMs = Number(m[1]) * (m[2] === 'd' ? 86_400_000 : 3_600_000);
    if (windowMs < 3_600_000 || windowMs > 63 * 86_400_000) throw new UsageError('--cloudwatch-window must be from 1h to 63d');
  }
  if (f.cloudwatchEndpoint !== undefined && !/^https?:\/\/[^\s]+$/.test(f.cloudwatchEndpoint)) throw new UsageError('--cloudwatch-endpoint must be an http(s) URL');
  const { cloudwatch: clusterName, cloudwatchRegion: region, cloudwatchEndpoint: endpoint } = f;
  return () => fetchMskMetrics({ clusterName, ...(region ? { region } : {}), ...(endpoint ? { endpoint } : {}), ...(windowMs ? { windowMs } : {}) });
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
  const windowMs = parseMs(flags.observe, '--observe', 0);
  if (windowMs > 3_600_000) throw new UsageError('--observe is limited to 1h');
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
  if (value.trim() === '' || !Number.isFinite(n) || n < 0 || n > 100) throw new UsageError(`${flag} must be a number from 0 to 100 (got "${value}")`);
  return n;
}

/** Gate flags for buildReport; each overrides its readiness.yaml `gate:` entry. */
function gateFlags(flags: ReportFlags): { failUnder?: number; failOn?: Severity; minCoverage?: number } {
  const failUnder = parsePercent(flags.failUnder, '--fail-under');
  const minCoverage = parsePercent(flags.minCoverage, '--min-coverage');
  return { ...(failUnder !== undefined ? { failUnder } : {}), ...(flags.failOn ? { failOn: flags.failOn } : {}), ...(minCoverage !== undefined ? { minCoverage } : {}) };
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
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) })
    .exitOverride();

  const log = (verbose?: boolean) => (verbose ? (line: string) => io.stderr.write(`${line}\n`) : undefined);

  addCloudWatchOptions(addReportOptions(addConnectionOptions(program.command('scan'))))
    .description('gather a snapshot of the cluster (read-only), evaluate every check and print the report')
    .option('--snapshot-out <file>', 'also save the gathered snapshot (for `evaluate` later)')
    .option('--baseline <report.json>', 'an earlier JSON report to compare with (see --fail-on-new)')
    .option('--fail-on-new', 'with --baseline: exit 1 only for findings the baseline does not have')
    .option('--observe <duration>', 'sample offsets and group commits over this window (e.g. 30s, 5m) for lag trends and ingress rates')
    .option('--samples <n>', 'number of samples over the --observe window (default: one every 5 s, 3 to 13)')
    .option('-v, --verbose', 'progress on stderr')
    .addHelpText('after', EXIT_HELP)
    .action(async (flags: ConnectionFlags & ReportFlags & ObserveFlags & CloudWatchFlags & { snapshotOut?: string; baseline?: string; failOnNew?: boolean }) => {
      const formats = checkOutputFlags(flags);
      const gate = gateFlags(flags);
      if (flags.failOnNew && !flags.baseline) throw new UsageError('--fail-on-new needs --baseline <report.json>');
      const baseline = flags.baseline ? readReportFile(flags.baseline) : undefined;
      const conn = buildConnectionOptions(flags);
      const observe = parseObserve(flags);
      const cloudwatch = parseCloudWatch(flags);
      const setup = await loadSetup(flags.config, flags.profile);
      const logger = log(flags.verbose);
      const snapshot = await gatherFromCluster(conn, { ...(logger ? { log: logger } : {}), ...(observe ? { observe } : {}), ...(cloudwatch ? { cloudwatch } : {}) });
      if (flags.snapshotOut) {
        await writeSnapshotFile(flags.snapshotOut, snapshot);
        io.stderr.write(`wrote ${flags.snapshotOut}\n`);
      }
      let report = evaluateSnapshot(snapshot, setup, gate);
      if (baseline && flags.failOnNew) {
        // Only findings that are new relative to the baseline decide the gate: long-accepted debt does not.
        const d = diffReports(baseline, report);
        const newFindings = { count: d.newFindings.length, examples: d.newFindings.slice(0, 3).map((f) => `${f.check} on ${f.resource}`), origin: `--baseline ${flags.baseline}` };
        report = evaluateSnapshot(snapshot, setup, { ...gate, newFindings, generatedAt: report.generatedAt });
      }
      writeReport(report, formats, flags, io, setup.config);
      setExit(gateExit(report));
    });

  addCloudWatchOptions(addConnectionOptions(program.command('gather')))
    .description('gather a snapshot of the cluster (read-only) and write it as JSON')
    .requiredOption('-o, --output <file>', 'snapshot file to write')
    .option('--observe <duration>', 'sample offsets and group commits over this window')
    .option('--samples <n>', 'number of samples over the --observe window')
    .option('-v, --verbose', 'progress on stderr')
    .action(async (flags: ConnectionFlags & ObserveFlags & CloudWatchFlags & { output: string; verbose?: boolean }) => {
      const conn = buildConnectionOptions(flags);
      const observe = parseObserve(flags);
      const cloudwatch = parseCloudWatch(flags);
      const logger = log(flags.verbose);
      const snapshot = await gatherFromCluster(conn, { ...(logger ? { log: logger } : {}), ...(observe ? { observe } : {}), ...(cloudwatch ? { cloudwatch } : {}) });
      await writeSnapshotFile(flags.output, snapshot);
      io.stderr.write(`wrote ${flags.output} (${snapshot.stats.totalRequests} requests, ${snapshot.stats.durationMs} ms)\n`);
      setExit(ExitCode.ok);
    });

  addReportOptions(program.command('evaluate'))
    .description('evaluate a saved snapshot offline (no cluster access) and print the report')
    .argument('<snapshot>', 'snapshot JSON written by `gather` or `scan --snapshot-out`')
    .addHelpText('after', EXIT_HELP)
    .action(async (file: string, flags: ReportFlags) => {
      const formats = checkOutputFlags(flags);
      const gate = gateFlags(flags);
      const snapshot = await readSnapshotFile(file);
      const setup = await loadSetup(flags.config, flags.profile);
      const report = evaluateSnapshot(snapshot, setup, gate);
      writeReport(report, formats, flags, io, setup.config);
      setExit(gateExit(report));
    });

  addConnectionOptions(program.command('init'))
    .description('write a commented starter readiness.yaml; with connection flags, the topics and groups found become patterns to fill in')
    .option('-o, --output <file>', 'file to write', 'readiness.yaml')
    .option('--force', 'overwrite an existing file')
    .action(async (flags: ConnectionFlags & { output: string; force?: boolean }) => {
      if (existsSync(flags.output) && !flags.force) throw new UsageError(`${flags.output} exists; use --force to overwrite it`);
      const connect = flags.bootstrapServer !== undefined || flags.commandConfig !== undefined || process.env.KAFKA_READINESS_BOOTSTRAP !== undefined;
      const snapshot = connect ? await gatherFromCluster(buildConnectionOptions(flags)) : undefined;
      const text = renderStarterConfig(snapshot);
      parseReadinessConfig(text, flags.output); // what init writes must load
      writeFileSync(flags.output, text);
      io.stderr.write(`wrote ${flags.output}${snapshot ? ` (from ${snapshot.artifacts.topics.ok ? snapshot.artifacts.topics.value.length : 0} topics)` : ''}\n`);
      setExit(ExitCode.ok);
    });

  program
    .command('diff')
    .description('compare two JSON reports: new, fixed and changed findings and the score change')
    .argument('<base>', 'the earlier report (e.g. from the main branch)')
    .argument('<head>', 'the later report')
    .addOption(new Option('-f, --format <format>', 'text or json').choices(['text', 'json']).default('text'))
    .option('--fail-on-new', 'exit 1 when head has findings that base does not')
    .action((baseFile: string, headFile: string, flags: { format: string; failOnNew?: boolean }) => {
      const d = diffReports(readReportFile(baseFile), readReportFile(headFile));
      io.stdout.write(flags.format === 'json' ? `${JSON.stringify(d, null, 2)}\n` : renderDiffText(d));
      setExit(flags.failOnNew && d.newFindings.length > 0 ? ExitCode.gateFailed : ExitCode.ok);
    });

  program
    .command('checks')
    .description('list the checks: id, area, severity and what each one looks at')
    .option('-c, --config <file>', 'readiness.yaml whose plugins and overrides to include')
    .addOption(new Option('-f, --format <format>', 'text, json or markdown').choices(['text', 'json', 'markdown']).default('text'))
    .option('--explain <id>', "print one check's full text: why it matters, the fix, options and references")
    .action(async (flags: { config?: string; format: string; explain?: string }) => {
      const setup = flags.config ? await loadSetup(flags.config) : { registry: builtInChecks.map((check) => ({ check, origin: 'built-in' })), config: null };
      const rows = checkRows(setup.registry, setup.config);
      if (flags.explain !== undefined) {
        const row = rows.find((r) => r.id === flags.explain);
        if (!row) {
          const close = rows.filter((r) => r.id.includes(flags.explain!.split('/').pop() ?? '')).map((r) => r.id);
          throw new UsageError(`unknown check "${flags.explain}"${close.length ? ` (did you mean ${close.slice(0, 3).join(', ')}?)` : ''}; list them with: kafka-readiness checks`);
        }
        io.stdout.write(flags.format === 'json' ? `${JSON.stringify(row, null, 2)}\n` : renderCheckExplanation(row));
        setExit(ExitCode.ok);
        return;
      }
      if (flags.format === 'json') io.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
      else if (flags.format === 'markdown') io.stdout.write(renderChecksMarkdown(rows));
      else io.stdout.write(renderChecksText(rows));
      setExit(ExitCode.ok);
    });

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
    stderr.write(`kafka-readiness: ${err.message}\n`);
    return err.exitCode;
  }
  const message = err instanceof Error ? err.message.split('\n')[0] : String(err);
  stderr.write(`kafka-readiness: internal error: ${message}\n`);
  if (process.env.KAFKA_READINESS_DEBUG && err instanceof Error) stderr.write(`${err.stack}\n`);
  return ExitCode.internal;
}
