// Flag values → what the pipeline takes, with one-line usage errors (exit 2) for values out of range.

import { UsageError } from '../errors.js';
import { durationFlag } from '../duration.js';
import type { Severity } from '../sdk.js';
import type { CloudWatchSettings } from '../connect/port.js';
import type { ConnectionOptions } from '../connect/options.js';
import type { GatherContext } from '../gather/gather.js';
import { DEFAULT_PLUGIN_BUDGET_MS } from '../engine/plugin-host.js';
import type { OutputFlags } from './output.js';

export interface ReportFlags extends OutputFlags {
  config?: string;
  profile?: string;
  failUnder?: string;
  failOn?: Severity;
  minCoverage?: string;
  verbose?: boolean;
  pluginTimeout?: string;
}

/** --plugin-timeout → the per-check budget plugins run under (bounded: Node timers overflow past 2^31 ms). */
export function pluginOptions(flags: ReportFlags): { budgetMs?: number } {
  if (flags.pluginTimeout === undefined) return {};
  return { budgetMs: durationFlag(flags.pluginTimeout, '--plugin-timeout', { fallback: DEFAULT_PLUGIN_BUDGET_MS, max: 600_000 }) };
}

export interface CloudWatchFlags {
  cloudwatch?: string;
  cloudwatchRegion?: string;
  cloudwatchEndpoint?: string;
  cloudwatchWindow?: string;
}

/** --cloudwatch and friends → the settings the pipeline builds the metrics port from (or undefined when not asked). */
export function parseCloudWatch(f: CloudWatchFlags): CloudWatchSettings | undefined {
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

export interface ProbeFlags {
  probe?: boolean;
  allowWrites?: boolean;
  probePrefix?: string;
  probeTopic?: string;
  probeRecords?: string;
  probeConsumers?: string;
}

/** --probe: the only path that writes, and only with --allow-writes (the probe module loads only then). */
export function parseProbe(f: ProbeFlags, conn: ConnectionOptions, log: (line: string) => void): GatherContext['probe'] | undefined {
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
    return (await import('../gather/probe/run.js')).runProbe(
      { conn, prefix, ...(f.probeTopic ? { topic: f.probeTopic } : {}), burst: records > 0 ? { records, recordBytes: 1024, consumers } : null, log },
      { topicConfigs: seen.topicConfigs, brokerConfigs: seen.brokerConfigs, kip848 },
    );
  };
}

export interface ObserveFlags {
  observe?: string;
  samples?: string;
}

/** --observe 30s → samples spread over 30 s (one every 5 s by default, at least 3, at most 13). */
export function parseObserve(flags: ObserveFlags): { windowMs: number; samples: number } | undefined {
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

export function parsePercent(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!/^\s*\d+(\.\d+)?\s*$/.test(value) || !Number.isFinite(n) || n < 0 || n > 100) throw new UsageError(`${flag} must be a number from 0 to 100 (got "${value}")`);
  return n;
}

/** Gate flags for buildReport; each overrides its readiness.yaml `gate:` entry. */
export function gateFlags(flags: ReportFlags): { failUnder?: number; failOn?: Severity; minCoverage?: number } {
  const failUnder = parsePercent(flags.failUnder, '--fail-under');
  const minCoverage = parsePercent(flags.minCoverage, '--min-coverage');
  return { ...(failUnder !== undefined ? { failUnder } : {}), ...(flags.failOn ? { failOn: flags.failOn } : {}), ...(minCoverage !== undefined ? { minCoverage } : {}) };
}
