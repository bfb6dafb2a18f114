// Reads Amazon MSK metrics (namespace AWS/Kafka) from CloudWatch: ListMetrics finds which metric/dimension
// combinations exist for the cluster, GetMetricData reads the catalog's metrics over a window. The only code
// that imports the AWS SDK; every failure is a KafkaRequestError (api "CloudWatch.<Operation>") with a reason.
// Credentials and region come from the SDK's default chains; no message ever carries a credential.

import {
  CloudWatchClient,
  GetMetricDataCommand,
  ListMetricsCommand,
  type Metric,
  type MetricDataQuery,
  type MetricDataResult,
} from '@aws-sdk/client-cloudwatch';
import type { ArtifactErrorReason, CloudWatchArtifact, MetricSeries } from '../model/snapshot.js';
import { type CloudWatchSettings, KafkaRequestError, type MetricsPort } from './port.js';

export const MSK_NAMESPACE = 'AWS/Kafka';
export const DEFAULT_WINDOW_MS = 7 * 24 * 3600 * 1000;
/** GetMetricData limits: data points returned per call (then NextToken) and queries per call. */
export const MAX_POINTS_PER_CALL = 100_800;
export const MAX_QUERIES_PER_CALL = 500;
/** GetMetricData calls in flight at once (the API allows 50 TPS per account and region). */
const CONCURRENCY = 4;

const CLUSTER = 'Cluster Name';
const BROKER = 'Broker ID';
const GROUP = 'Consumer Group';
const TOPIC = 'Topic';
/** Dimension names in the order they appear in MetricSeries.dimensions. */
const DIMENSION_ORDER = [CLUSTER, BROKER, GROUP, TOPIC];

export type MskMetricLevel = 'cluster' | 'broker' | 'consumer-lag';
const LEVEL_DIMENSIONS: Record<MskMetricLevel, string[]> = {
  cluster: [CLUSTER],
  broker: [CLUSTER, BROKER],
  'consumer-lag': [CLUSTER, GROUP, TOPIC],
};

export interface MskMetricSpec {
  metric: string;
  level: MskMetricLevel;
  stat: 'Average' | 'Maximum' | 'Minimum';
  periodSeconds: number;
}

/**
 * What is read, at which dimensions, with which statistic. Only the exact dimension set is read: e.g.
 * BytesInPerSec also exists per topic (Cluster Name, Broker ID, Topic) at PER_TOPIC_PER_BROKER; that one is not.
 *
 * - Maximum for the cluster-level counts: every broker publishes them under the same "Cluster Name" dimension
 *   and only the active controller reports a non-zero value, so Minimum (and Average) would be 0 / 1/N on a
 *   healthy cluster. Maximum < 1 for ActiveControllerCount means no broker was the active controller during a
 *   whole period.
 * - Maximum for partition counts and consumer lag: a period with any under-replicated partition shows it.
 * - Average for CPU, disk and heap percentages (load over the period; the AWS alarm guidance is on sustained use).
 * - 3600 s Average for throughput: a week of hourly bytes-per-second for sizing.
 */
export const MSK_METRICS: readonly MskMetricSpec[] = [
  { metric: 'ActiveControllerCount', level: 'cluster', stat: 'Maximum', periodSeconds: 300 },
  { metric: 'OfflinePartitionsCount', level: 'cluster', stat: 'Maximum', periodSeconds: 300 },
  { metric: 'GlobalPartitionCount', level: 'cluster', stat: 'Maximum', periodSeconds: 300 },
  { metric: 'CpuUser', level: 'broker', stat: 'Average', periodSeconds: 300 },
  { metric: 'CpuSystem', level: 'broker', stat: 'Average', periodSeconds: 300 },
  { metric: 'KafkaDataLogsDiskUsed', level: 'broker', stat: 'Average', periodSeconds: 300 },
  { metric: 'HeapMemoryAfterGC', level: 'broker', stat: 'Average', periodSeconds: 300 },
  { metric: 'PartitionCount', level: 'broker', stat: 'Maximum', periodSeconds: 300 },
  { metric: 'UnderReplicatedPartitions', level: 'broker', stat: 'Maximum', periodSeconds: 300 },
  { metric: 'UnderMinIsrPartitionCount', level: 'broker', stat: 'Maximum', periodSeconds: 300 },
  { metric: 'BytesInPerSec', level: 'broker', stat: 'Average', periodSeconds: 3600 },
  { metric: 'BytesOutPerSec', level: 'broker', stat: 'Average', periodSeconds: 3600 },
  { metric: 'MaxOffsetLag', level: 'consumer-lag', stat: 'Maximum', periodSeconds: 300 },
  { metric: 'SumOffsetLag', level: 'consumer-lag', stat: 'Maximum', periodSeconds: 300 },
  { metric: 'EstimatedMaxTimeLag', level: 'consumer-lag', stat: 'Maximum', periodSeconds: 300 },
];

export interface FetchMskMetricsOptions {
  /** The MSK cluster name (the "Cluster Name" dimension), not its ARN. */
  clusterName: string;
  /** Falls back to AWS_REGION, AWS_DEFAULT_REGION, then the region of the AWS profile. */
  region?: string;
  /** e.g. http://127.0.0.1:5000 (moto) or a VPC endpoint; overrides the regional endpoint. */
  endpoint?: string;
  /** Look-back from `now`; default 7 days. The start is rounded down to the hour. */
  windowMs?: number;
  now?: Date;
  /** A ready client (tests, custom credentials); region and endpoint are then the client's own. */
  client?: CloudWatchClient;
}

/** The CloudWatch metrics port for --cloudwatch (the pipeline builds it, as it builds the Kafka client). */
export function cloudWatchPort(settings: CloudWatchSettings): MetricsPort {
  return { mskMetrics: () => fetchMskMetrics(settings) };
}

interface PlannedQuery {
  id: string;
  spec: MskMetricSpec;
  dimensions: Record<string, string>;
  query: MetricDataQuery;
}

export async function fetchMskMetrics(opts: FetchMskMetricsOptions): Promise<CloudWatchArtifact> {
  const clusterName = opts.clusterName?.trim();
  if (!clusterName) throw new KafkaRequestError('CloudWatch', 'error', 'CloudWatch: an MSK cluster name is required');
  const windowMs = opts.windowMs ?? DEFAULT_WINDOW_MS;
  if (!Number.isFinite(windowMs) || windowMs <= 0) {
    throw new KafkaRequestError('CloudWatch', 'error', `CloudWatch: the metrics window must be a positive duration (got ${String(opts.windowMs)})`);
  }
  const now = opts.now ?? new Date();
  const end = new Date(Math.floor(now.getTime() / 1000) * 1000);
  // Hour-aligned start: aligned with both periods, so buckets start on 5-minute and hour boundaries.
  const start = new Date(Math.floor((end.getTime() - windowMs) / 3_600_000) * 3_600_000);

  const own = opts.client === undefined;
  const client = opts.client ?? createClient(opts);
  const calls: Record<string, number> = {};
  const count = (api: string) => {
    calls[api] = (calls[api] ?? 0) + 1;
  };
  try {
    const region = await resolveRegion(client);

    // 1. Which metric/dimension combinations exist for this cluster.
    const listed: Metric[] = [];
    let nextToken: string | undefined;
    do {
      count('ListMetrics');
      const page = await send('ListMetrics', () =>
        client.send(
          new ListMetricsCommand({ Namespace: MSK_NAMESPACE, Dimensions: [{ Name: CLUSTER, Value: clusterName }], ...(nextToken ? { NextToken: nextToken } : {}) }),
        ),
      );
      listed.push(...(page.Metrics ?? []));
      nextToken = nextPage('ListMetrics', page.NextToken, calls.ListMetrics ?? 0);
    } while (nextToken);

    // ListMetrics matches dimension subsets; keep only this cluster's metrics (exact value, defensive).
    const mine = listed.filter((m) => m.Namespace === undefined || m.Namespace === MSK_NAMESPACE).filter((m) => dimensionsOf(m)[CLUSTER] === clusterName);
    const available = [...new Set(mine.flatMap((m) => (m.MetricName ? [m.MetricName] : [])))].sort();

    // 2. GetMetricData for the catalog's metrics that exist, at their exact dimension sets.
    const planned = planQueries(mine);
    const batches = batchQueries(planned, start, end);
    const results = new Map<string, { timestamps: Date[]; values: number[] }>();
    await runPool(batches, CONCURRENCY, async (batch) => {
      let token: string | undefined;
      let pages = 0;
      do {
        pages++;
        count('GetMetricData');
        const page = await send('GetMetricData', () =>
          client.send(
            new GetMetricDataCommand({
              MetricDataQueries: batch.map((q) => q.query),
              StartTime: start,
              EndTime: end,
              ScanBy: 'TimestampAscending',
              ...(token ? { NextToken: token } : {}),
            }),
          ),
        );
        for (const r of page.MetricDataResults ?? []) collect(results, r);
        token = nextPage('GetMetricData', page.NextToken, pages);
      } while (token);
    });

    const series: MetricSeries[] = [];
    for (const q of planned) {
      const r = results.get(q.id);
      if (!r || r.timestamps.length === 0) continue; // listed, but no datapoint in the window
      const points = r.timestamps.map((t, i) => ({ t: t.getTime(), v: r.values[i] as number })).filter((p) => Number.isFinite(p.t) && typeof p.v === 'number');
      points.sort((a, b) => a.t - b.t);
      series.push({
        metric: q.spec.metric,
        dimensions: q.dimensions,
        stat: q.spec.stat,
        periodSeconds: q.spec.periodSeconds,
        timestamps: points.map((p) => new Date(p.t).toISOString()),
        values: points.map((p) => p.v),
      });
    }

    return { clusterName, region, windowStart: start.toISOString(), windowEnd: end.toISOString(), available, series, calls };
  } finally {
    if (own) client.destroy();
  }
}

/** Pages beyond which a NextToken is taken for a server fault rather than data (500 × 2000 = 1M metrics). */
const MAX_PAGES = 2000;

function nextPage(operation: string, token: string | undefined, pagesSoFar: number): string | undefined {
  if (!token) return undefined;
  if (pagesSoFar >= MAX_PAGES) {
    throw new KafkaRequestError(`CloudWatch.${operation}`, 'error', `CloudWatch.${operation}: still paging after ${MAX_PAGES} pages; giving up`);
  }
  return token;
}

function createClient(opts: FetchMskMetricsOptions): CloudWatchClient {
  const region = nonEmpty(opts.region) ?? nonEmpty(process.env.AWS_REGION) ?? nonEmpty(process.env.AWS_DEFAULT_REGION);
  if (opts.endpoint !== undefined) {
    let url: URL;
    try {
      url = new URL(opts.endpoint);
    } catch {
      throw new KafkaRequestError('CloudWatch', 'error', `CloudWatch: --cloudwatch-endpoint is not a URL: ${opts.endpoint}`);
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      throw new KafkaRequestError('CloudWatch', 'error', `CloudWatch: --cloudwatch-endpoint must be an http(s) URL: ${url.protocol}`);
    }
    if (url.username || url.password) throw new KafkaRequestError('CloudWatch', 'error', 'CloudWatch: --cloudwatch-endpoint must not carry credentials');
  }
  // The SDK warns on Node < 22 that its releases after early January 2027 will need Node 22; this tool supports
  // Node >= 20.19 with a pinned SDK version, so the warning is noise on stderr. Silenced for this construction
  // only, and only when the user has not set the variable.
  const QUIET = 'AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED';
  const quietSet = process.env[QUIET] === undefined;
  if (quietSet) process.env[QUIET] = 'true';
  try {
    return new CloudWatchClient({
      // Without a region here the SDK reads the profile's (shared config file); none at all fails in resolveRegion.
      ...(region ? { region } : {}),
      ...(opts.endpoint ? { endpoint: opts.endpoint } : {}),
      maxAttempts: 3,
      requestHandler: { connectionTimeout: 5_000, requestTimeout: 30_000, throwOnRequestTimeout: true },
    });
  } finally {
    if (quietSet) delete process.env[QUIET];
  }
}

async function resolveRegion(client: CloudWatchClient): Promise<string> {
  let region: string | undefined;
  try {
    region = await client.config.region();
  } catch {
    region = undefined;
  }
  if (!region) {
    throw new KafkaRequestError(
      'CloudWatch',
      'error',
      'CloudWatch: no AWS region: pass --cloudwatch-region, set AWS_REGION (or AWS_DEFAULT_REGION) or give the AWS profile a region',
    );
  }
  return region;
}

function nonEmpty(s: string | undefined): string | undefined {
  const t = s?.trim();
  return t ? t : undefined;
}

function dimensionsOf(m: Metric): Record<string, string> {
  const out: Record<string, string> = {};
  for (const d of m.Dimensions ?? []) if (d.Name !== undefined && d.Value !== undefined) out[d.Name] = d.Value;
  return out;
}

function orderedDimensions(dims: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k of DIMENSION_ORDER) if (k in dims) out[k] = dims[k] as string;
  return out;
}

const collator = new Intl.Collator('en', { numeric: true });

/** One query per catalog metric × exact dimension set ListMetrics found, in catalog then dimension order. */
export function planQueries(listed: Metric[]): PlannedQuery[] {
  const specs = new Map(MSK_METRICS.map((s) => [s.metric, s]));
  const seen = new Set<string>();
  const found: { spec: MskMetricSpec; dimensions: Record<string, string> }[] = [];
  for (const m of listed) {
    const spec = m.MetricName ? specs.get(m.MetricName) : undefined;
    if (!spec) continue;
    const dims = dimensionsOf(m);
    const names = Object.keys(dims).sort();
    const want = [...LEVEL_DIMENSIONS[spec.level]].sort();
    if (names.length !== want.length || names.some((n, i) => n !== want[i])) continue;
    const dimensions = orderedDimensions(dims);
    const key = `${spec.metric}\u0000${JSON.stringify(dimensions)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    found.push({ spec, dimensions });
  }
  const rank = new Map(MSK_METRICS.map((s, i) => [s.metric, i]));
  found.sort(
    (a, b) =>
      (rank.get(a.spec.metric) ?? 0) - (rank.get(b.spec.metric) ?? 0) ||
      DIMENSION_ORDER.reduce((acc, k) => acc || collator.compare(a.dimensions[k] ?? '', b.dimensions[k] ?? ''), 0),
  );
  return found.map(({ spec, dimensions }, i) => {
    const id = `q${i}`;
    return {
      id,
      spec,
      dimensions,
      query: {
        Id: id,
        ReturnData: true,
        MetricStat: {
          Metric: { Namespace: MSK_NAMESPACE, MetricName: spec.metric, Dimensions: Object.entries(dimensions).map(([Name, Value]) => ({ Name, Value })) },
          Period: spec.periodSeconds,
          Stat: spec.stat,
        },
      },
    };
  });
}

/**
 * Splits queries into GetMetricData calls: one period per call, at most 500 queries and at most 100,800
 * expected data points per call (a query whose window alone exceeds that goes alone and pages by NextToken).
 */
export function batchQueries<Q extends { spec: { periodSeconds: number } }>(queries: Q[], start: Date, end: Date): Q[][] {
  const byPeriod = new Map<number, Q[]>();
  for (const q of queries) {
    const list = byPeriod.get(q.spec.periodSeconds) ?? [];
    list.push(q);
    byPeriod.set(q.spec.periodSeconds, list);
  }
  const batches: Q[][] = [];
  for (const [period, list] of byPeriod) {
    const pointsPerQuery = Math.ceil((end.getTime() - start.getTime()) / (period * 1000)) + 1;
    const size = Math.max(1, Math.min(MAX_QUERIES_PER_CALL, Math.floor(MAX_POINTS_PER_CALL / pointsPerQuery)));
    for (let i = 0; i < list.length; i += size) batches.push(list.slice(i, i + size));
  }
  return batches;
}

function collect(results: Map<string, { timestamps: Date[]; values: number[] }>, r: MetricDataResult): void {
  if (r.StatusCode === 'Forbidden') {
    throw new KafkaRequestError('CloudWatch.GetMetricData', 'denied', `CloudWatch.GetMetricData: access to metric ${r.Label ?? r.Id ?? ''} is forbidden`, 'Forbidden');
  }
  if (r.StatusCode === 'InternalError') {
    throw new KafkaRequestError('CloudWatch.GetMetricData', 'error', `CloudWatch.GetMetricData: internal error reading ${r.Label ?? r.Id ?? ''}`, 'InternalError');
  }
  if (!r.Id) return;
  const acc = results.get(r.Id) ?? { timestamps: [], values: [] };
  const ts = r.Timestamps ?? [];
  const vs = r.Values ?? [];
  for (let i = 0; i < Math.min(ts.length, vs.length); i++) {
    const t = ts[i];
    acc.timestamps.push(t instanceof Date ? t : new Date(t as unknown as string | number));
    acc.values.push(vs[i] as number);
  }
  results.set(r.Id, acc);
}

async function runPool<T>(items: T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  let failed: unknown;
  const worker = async () => {
    while (failed === undefined && next < items.length) {
      const item = items[next++] as T;
      try {
        await work(item);
      } catch (err) {
        failed ??= err;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  if (failed !== undefined) throw failed;
}

async function send<T>(operation: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (err) {
    throw toCloudWatchError(`CloudWatch.${operation}`, err);
  }
}

const DENIED_CODES = new Set([
  'AccessDenied',
  'AccessDeniedException',
  'UnauthorizedOperation',
  'UnauthorizedException',
  'InvalidClientTokenId',
  'UnrecognizedClientException',
  'SignatureDoesNotMatch',
  'InvalidSignatureException',
  'IncompleteSignature',
  'MissingAuthenticationToken',
  'ExpiredToken',
  'ExpiredTokenException',
  'RequestExpired',
  'OptInRequired',
]);
const THROTTLING_CODES = new Set([
  'Throttling',
  'ThrottlingException',
  'ThrottledException',
  'RequestThrottled',
  'RequestThrottledException',
  'TooManyRequestsException',
  'RequestLimitExceeded',
  'LimitExceededException',
  'LimitExceededFault',
  'SlowDown',
]);
const UNREACHABLE_NET_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EHOSTDOWN',
  'ENETDOWN',
  'ECONNABORTED',
  'EADDRNOTAVAIL',
  'CERT_HAS_EXPIRED',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);
const TIMEOUT_NET_CODES = new Set(['ETIMEDOUT', 'ESOCKETTIMEDOUT', 'UND_ERR_CONNECT_TIMEOUT']);

interface ErrLike {
  name?: unknown;
  code?: unknown;
  Code?: unknown;
  message?: unknown;
  errors?: unknown;
  cause?: unknown;
  $metadata?: { httpStatusCode?: number };
  $fault?: unknown;
  $response?: unknown;
}

/** The first network error code in err, its AggregateError members or its cause chain. */
function netCode(err: unknown, depth = 0): string | undefined {
  if (!err || typeof err !== 'object' || depth > 4) return undefined;
  const e = err as ErrLike;
  if (typeof e.code === 'string' && (UNREACHABLE_NET_CODES.has(e.code) || TIMEOUT_NET_CODES.has(e.code))) return e.code;
  if (Array.isArray(e.errors)) for (const inner of e.errors) {
    const c = netCode(inner, depth + 1);
    if (c) return c;
  }
  return netCode(e.cause, depth + 1);
}

/** Removes anything that looks like a credential from a message and bounds its length. */
export function scrubMessage(message: string): string {
  let m = message;
  // AWS SignatureDoesNotMatch messages may echo the canonical request (which can carry the session token).
  const cut = m.search(/The Canonical String|The String-to-Sign|canonical request/i);
  if (cut >= 0) m = m.slice(0, cut).trim();
  m = m
    .replace(/\b(?:AKIA|ASIA|AROA|AIDA|ANPA|AGPA)[A-Z0-9]{12,}\b/g, '[redacted]')
    .replace(/(x-amz-security-token|aws_session_token|aws_secret_access_key|Signature|Credential)\s*[=:]\s*\S+/gi, '$1=[redacted]')
    .replace(/[A-Za-z0-9+/=_-]{40,}/g, '[redacted]');
  return m.length > 300 ? `${m.slice(0, 300)}…` : m;
}

/** Maps any SDK, network or credential failure to a KafkaRequestError with a reason. */
export function toCloudWatchError(api: string, err: unknown): KafkaRequestError {
  if (err instanceof KafkaRequestError) return err;
  const e = (err && typeof err === 'object' ? err : {}) as ErrLike;
  const name = typeof e.name === 'string' ? e.name : '';
  const code = typeof e.Code === 'string' ? e.Code : name;
  const raw = typeof e.message === 'string' && e.message ? e.message : String(err);
  const status = e.$metadata?.httpStatusCode;
  const mk = (reason: ArtifactErrorReason, message: string, c?: string) => new KafkaRequestError(api, reason, `${api}: ${scrubMessage(message)}`, c);

  if (name === 'CredentialsProviderError' || /could not load credentials|credential is missing/i.test(raw)) {
    const generic = /could not load credentials from any providers/i.test(raw);
    return mk(
      'denied',
      `no AWS credentials were found (environment, shared config and credentials files, SSO, web identity, container or instance metadata)${generic ? '' : `: ${raw}`}`,
      'CredentialsProviderError',
    );
  }
  if (/region is missing/i.test(raw)) {
    return mk('error', 'no AWS region: pass --cloudwatch-region, set AWS_REGION or give the AWS profile a region', 'RegionMissing');
  }
  const net = netCode(err);
  if (net && TIMEOUT_NET_CODES.has(net)) return mk('timeout', `request timed out (${net})`, net);
  if (net) return mk('unreachable', `cannot reach the CloudWatch endpoint (${net})`, net);
  if (name === 'TimeoutError' || name === 'AbortError') return mk('timeout', raw, name);

  const isService = e.$metadata !== undefined && (e.$fault !== undefined || e.$response !== undefined || typeof status === 'number');
  if (isService && typeof status === 'number' && (name === 'SyntaxError' || /deserialization error/i.test(raw))) {
    // An answer that is not CloudWatch's (e.g. a proxy's HTML page, or moto's XML auth errors): status only.
    const reason: ArtifactErrorReason = status === 401 || status === 403 ? 'denied' : status === 429 || status === 504 ? 'timeout' : 'error';
    return mk(reason, `HTTP ${status}${reason === 'denied' ? ' (access denied)' : ''}; the response body is not a CloudWatch answer`, `HTTP${status}`);
  }
  if (DENIED_CODES.has(code) || (isService && (status === 401 || status === 403))) return mk('denied', `${code}: ${raw}`, code);
  if (THROTTLING_CODES.has(code) || status === 429) return mk('timeout', `throttled: ${code || 'HTTP 429'}: ${raw}`, code || 'HTTP429');
  if (status === 504 || code === 'RequestTimeout' || code === 'RequestTimeoutException') return mk('timeout', `${code || 'HTTP 504'}: ${raw}`, code || 'HTTP504');
  if (isService) return mk('error', `${code}${status ? ` (HTTP ${status})` : ''}: ${raw}`, code || undefined);
  return mk('error', name && name !== 'Error' ? `${name}: ${raw}` : raw, name || undefined);
}
