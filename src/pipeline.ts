// connect → gather → snapshot → evaluate → score → render, as plain functions the CLI and tests share.

import { X509Certificate } from 'node:crypto';
import { existsSync } from 'node:fs';
import { applyProfile } from './config/profiles.js';
import { defaultConfig } from './config/defaults.js';
import type { ReadinessConfig } from './config/readiness.js';
import type { ConnectionOptions } from './model/connection.js';
import { tokenSourceFor } from './connect/oauth.js';
import type { CloudWatchSettings, ClusterClient, MetricsPort } from './connect/port.js';
import type { PluginOptions, RegisteredCheck } from './engine/registry.js';
import { evaluateChecks } from './engine/evaluate.js';
import { buildReport, type GateSettings } from './engine/score.js';
import type { Severity } from './sdk.js';
import { ConfigError } from './errors.js';
import { assertSnapshotShape } from './engine/input-shape.js';
import { type GatherContext, type GatherEvent, gatherSnapshot } from './gather/gather.js';
import { ARTIFACT_NAMES, absentArtifactError, SNAPSHOT_VERSION, type Snapshot } from './model/snapshot.js';
import type { Report } from './report/model.js';
import { TOOL_VERSION } from './version.js';

export const DEFAULT_CONFIG_FILE = 'readiness.yaml';

export async function loadSetup(configPath?: string, profile?: string, plugins: PluginOptions = {}): Promise<{ config: ReadinessConfig; registry: RegisteredCheck[] }> {
  let config = defaultConfig();
  // The YAML parser and schema validator load only when there is a file to read (start-up time).
  const file = configPath ?? (existsSync(DEFAULT_CONFIG_FILE) ? DEFAULT_CONFIG_FILE : undefined);
  if (file) config = (await import('./config/readiness.js')).loadReadinessConfig(file);
  const name = profile ?? config.profileName;
  if (name) config = applyProfile(config, name);
  // The registry imports every check module: loaded only by commands that evaluate (not by `gather`).
  const { buildRegistry } = await import('./engine/registry.js');
  return { config, registry: await buildRegistry(config, plugins) };
}

/** The client certificate's subject in RFC 2253 order (what Kafka's default principal builder uses for mTLS). */
function certificateSubject(pem: string): string | null {
  try {
    return new X509Certificate(pem).subject.split('\n').reverse().join(',');
  } catch {
    return null;
  }
}

export async function gatherFromCluster(
  conn: ConnectionOptions,
  opts: { log?: (line: string) => void; progress?: (event: GatherEvent) => void; client?: ClusterClient; observe?: { windowMs: number; samples: number }; cloudwatch?: CloudWatchSettings; metrics?: MetricsPort; probe?: GatherContext['probe'] } = {},
): Promise<Snapshot> {
  // The Kafka client compiles its protocol tables at import: only commands that connect pay for it.
  const client = opts.client ?? new (await import('./connect/platformatic.js')).PlatformaticClusterClient(conn);
  // Likewise the AWS SDK loads only when --cloudwatch asks for MSK metrics.
  const metrics = opts.metrics ?? (opts.cloudwatch ? (await import('./connect/cloudwatch.js')).cloudWatchPort(opts.cloudwatch) : undefined);
  try {
    // Token mechanisms: obtaining the first token here makes an identity-provider or AWS failure the error
    // (exit 3) rather than a broken connection, and gives the principal the broker will see (OIDC `sub`).
    const tokenPrincipal = conn.oauth ? await tokenSourceFor(conn).principal() : null;
    return await gatherSnapshot(client, {
      toolVersion: TOOL_VERSION,
      target: {
        bootstrap: conn.bootstrap,
        securityProtocol: conn.securityProtocol,
        saslMechanism: conn.sasl?.mechanism ?? conn.oauth?.mechanism ?? null,
        principal: conn.sasl?.username ?? tokenPrincipal ?? (conn.tls?.cert ? certificateSubject(conn.tls.cert) : null),
      },
      ...(opts.log ? { log: opts.log } : {}),
      ...(opts.progress ? { progress: opts.progress } : {}),
      ...(opts.observe ? { observe: opts.observe } : {}),
      ...(metrics ? { cloudwatch: metrics } : {}),
      ...(opts.probe ? { probe: opts.probe } : {}),
    });
  } finally {
    await client.close();
  }
}

export function evaluateSnapshot(
  snapshot: Snapshot,
  setup: { config: ReadinessConfig; registry: RegisteredCheck[] },
  opts: { failUnder?: number; failOn?: Severity; minCoverage?: number; newFindings?: GateSettings['newFindings']; generatedAt?: string } = {},
): Report {
  const checks = evaluateChecks(snapshot, setup.registry, setup.config);
  const { generatedAt, ...gate } = opts;
  return buildReport(snapshot, checks, setup.config, { toolVersion: TOOL_VERSION, generatedAt: generatedAt ?? new Date().toISOString(), ...gate });
}

export async function readSnapshotFile(file: string): Promise<Snapshot> {
  // The streaming reader (and its schema validator) loads only for commands that read a snapshot.
  const io = await import('./gather/snapshot-io.js');
  const data = await io.readSnapshotData(file);
  const s = data as Partial<Snapshot>;
  if (!s || typeof s !== 'object' || Array.isArray(s) || s.snapshotVersion === undefined || !s.artifacts || typeof s.artifacts !== 'object' || Array.isArray(s.artifacts)) {
    throw new ConfigError(`${file}: not a kafka-readiness snapshot (no snapshotVersion/artifacts)`);
  }
  if (s.snapshotVersion !== SNAPSHOT_VERSION && s.snapshotVersion !== 1) {
    throw new ConfigError(`${file}: snapshot version ${s.snapshotVersion} is not supported (this tool reads versions 1 and ${SNAPSHOT_VERSION})`);
  }
  for (const name of ARTIFACT_NAMES) {
    // Snapshots from older tools may lack newer artifacts: those checks become unknown (not-applicable for on-request
    // artifacts such as the probe, which an older tool cannot have been asked for), not crashes.
    // Through a plain record: indexing the typed artifacts by the name union is too complex for tsc past ~15 artifacts.
    (s.artifacts as Record<string, unknown>)[name] ??= { ok: false, error: absentArtifactError(name) };
  }
  assertSnapshotShape(s, file, io.schemaTypedArtifacts(s));
  return s as Snapshot;
}
