// The options commands share, declared once for commander: connection, report and gate, CloudWatch and probe
// flags, and the help headings they are grouped under. Parsing their values is ./flags.ts.

import { type Command, Option } from 'commander';
import { PROFILE_NAMES } from '../config/profiles.js';
import { FORMATS, JUNIT_WARN_AS } from '../report/render.js';
import { SASL_MECHANISMS, SECURITY_PROTOCOLS, TOKEN_MECHANISMS } from '../model/connection.js';
import { SEVERITIES } from '../sdk.js';

/** Every --sasl-mechanism the tool accepts (password and token mechanisms), in --help and README order. */
export const CLI_SASL_MECHANISMS = [...SASL_MECHANISMS, ...TOKEN_MECHANISMS];
import { DEFAULT_CLIENT_SECRET_ENV, DEFAULT_PASSWORD_ENV } from './connection.js';

/** "a, b or c": a choice list in help text, from the constant the choices come from. */
export function orList(items: readonly string[]): string {
  return items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} or ${items.at(-1)}`;
}

export function addConnectionOptions(cmd: Command): Command {
  return cmd
    .option('-b, --bootstrap-server <list>', 'comma-separated host:port list (env KAFKA_READINESS_BOOTSTRAP)')
    .option('--command-config <file>', 'Kafka client .properties file (bootstrap.servers, security.protocol, sasl.*, ssl.* PEM settings)')
    .option('--command-property <key=value>', 'a client property added to or overriding --command-config (repeatable; not for passwords or keys)', collect)
    .option('--security-protocol <protocol>', orList(SECURITY_PROTOCOLS))
    .option('--sasl-mechanism <mechanism>', orList(CLI_SASL_MECHANISMS.map((m) => (m === 'OAUTHBEARER' ? 'OAUTHBEARER (OIDC)' : m))))
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
export function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

/** Help headings for the options of a command, by long flag name, shown in the order given (others last). */
export function groupOptions(cmd: Command, groups: Record<string, string[]>): Command {
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

export const CONNECTION_FLAGS = ['bootstrap-server', 'command-config', 'command-property', 'security-protocol', 'sasl-mechanism', 'username', 'password-file', 'password-env', 'ca-file', 'cert-file', 'key-file', 'verify-hostname', 'no-verify-hostname', 'timeout', 'connect-timeout', 'request-timeout'];
export const REPORT_FLAGS = ['config', 'profile', 'format', 'output', 'out-dir', 'max-findings', 'verbose', 'quiet'];
export const GATE_FLAGS = ['fail-under', 'fail-on', 'min-coverage', 'fail-on-new'];
export const OPTION_GROUPS = {
  'Connection options:': CONNECTION_FLAGS,
  'Scan options:': ['observe', 'samples', 'cloudwatch', 'cloudwatch-region', 'cloudwatch-endpoint', 'cloudwatch-window', 'snapshot-out', 'baseline', 'probe', 'allow-writes', 'probe-prefix', 'probe-topic', 'probe-records', 'probe-consumers'],
  'Report options:': REPORT_FLAGS,
  'Gate options (exit 1 when a rule fails):': GATE_FLAGS,
};

export function addReportOptions(cmd: Command): Command {
  return cmd
    .option('-c, --config <file>', 'readiness.yaml (default: ./readiness.yaml when present)')
    .addOption(new Option('--profile <name>', `built-in policy profile under readiness.yaml (${PROFILE_NAMES.join(', ')})`).choices(PROFILE_NAMES))
    .option('-f, --format <formats>', `${orList(FORMATS)}; several with --out-dir, e.g. text,json,sarif`, 'text')
    .option('-o, --output <file>', 'write the report to this file instead of stdout')
    .option('--out-dir <dir>', 'write report.<ext> for each format into this directory')
    .option('--fail-under <score>', 'exit 1 when the overall score is below this (0–100)')
    .addOption(new Option('--fail-on <severity>', 'exit 1 when any open finding fails at this severity or worse').choices(SEVERITIES))
    .option('--min-coverage <percent>', 'exit 1 when coverage (share of applicable checks that could run) is below this')
    .option('--max-findings <n>', 'findings shown per check in text output (default 10; JSON has all)')
    .addOption(new Option('--junit-warn <mapping>', 'JUnit: a warn finding is a failure, skipped, or pass (default failure)').choices(JUNIT_WARN_AS))
    .option('--plugin-timeout <duration>', 'time budget per plugin check; a plugin check that takes longer is stopped and reported as error (default 5s)');
}

export function addCloudWatchOptions(cmd: Command): Command {
  return cmd
    .option('--cloudwatch <cluster-name>', 'also read Amazon MSK metrics (AWS/Kafka) of this MSK cluster from CloudWatch; AWS credentials from the standard chain')
    .option('--cloudwatch-region <region>', 'AWS region of the MSK cluster (default: AWS_REGION, AWS_DEFAULT_REGION, then the AWS profile)')
    .option('--cloudwatch-endpoint <url>', 'CloudWatch endpoint URL (a VPC endpoint, or a local stand-in such as moto)')
    .option('--cloudwatch-window <duration>', 'metrics look-back, e.g. 24h or 7d (default 7d, at most 63d)');
}

/** The write probe's flags (scan --probe and the probe command). */
export function addProbeOptions(cmd: Command): Command {
  return cmd
    .option('--allow-writes', 'allow the probe to create a prefixed topic and groups, write records, and remove them afterwards')
    .option('--probe-prefix <prefix>', 'name prefix of everything the probe creates (default kafka-readiness.probe.)')
    .option('--probe-topic <topic>', 'write to this existing topic instead of creating one (principals that may not create topics)')
    .option('--probe-records <n>', 'records the burst produces at full speed with acks=all (default 20000; 0 skips the burst)')
    .option('--probe-consumers <n>', 'consumers of one group that read the burst back from the earliest offset (default 3, 1 to 64)');
}
