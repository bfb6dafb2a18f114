// fetchMskMetrics against moto (a local CloudWatch seeded with Amazon MSK metrics by global-setup.ts), plus its
// failure modes: unreachable endpoint, missing credentials or region, rejected credentials, timeouts. The SDK
// is only ever pointed at loopback endpoints. A few cases use a scripted client where moto cannot help
// (GetMetricData pagination, batching limits, service error codes).
import net from 'node:net';
import { CloudWatchClient, CloudWatchServiceException, GetMetricDataCommand, ListMetricsCommand, type Metric } from '@aws-sdk/client-cloudwatch';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  batchQueries,
  fetchMskMetrics,
  MAX_POINTS_PER_CALL,
  MAX_QUERIES_PER_CALL,
  MSK_METRICS,
  planQueries,
  scrubMessage,
  toCloudWatchError,
} from '../../src/connect/cloudwatch.js';
import { KafkaRequestError } from '../../src/connect/port.js';
import type { CloudWatchArtifact, MetricSeries } from '../../src/gather/snapshot.js';
import { freePort, startMoto } from '../cloudwatch/moto.mjs';
import { CW_CLUSTER } from './global-setup.js';

const cw = inject('cloudwatch');
const HOUR = 3_600_000;
const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';

// The default credential chain, isolated from the machine: env credentials only, no profile files, no IMDS.
const savedEnv = { ...process.env };
function isolateAwsEnv(extra: Record<string, string> = {}) {
  for (const k of Object.keys(process.env)) if (k.startsWith('AWS_')) delete process.env[k];
  Object.assign(process.env, {
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_CONFIG_FILE: '/nonexistent/aws/config',
    AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/aws/credentials',
    ...extra,
  });
}
const TEST_CREDS = { AWS_ACCESS_KEY_ID: 'testing', AWS_SECRET_ACCESS_KEY: 'testing' };

function restoreEnv() {
  for (const k of Object.keys(process.env)) if (!(k in savedEnv)) delete process.env[k];
  Object.assign(process.env, savedEnv);
}

async function rejection(p: Promise<unknown>): Promise<KafkaRequestError> {
  try {
    await p;
  } catch (err) {
    expect(err).toBeInstanceOf(KafkaRequestError);
    return err as KafkaRequestError;
  }
  throw new Error('expected a rejection');
}

function find(a: CloudWatchArtifact, metric: string, dims: Record<string, string> = {}): MetricSeries {
  const s = a.series.find((x) => x.metric === metric && Object.entries(dims).every(([k, v]) => x.dimensions[k] === v));
  if (!s) throw new Error(`no series ${metric} ${JSON.stringify(dims)}`);
  return s;
}

describe('fetchMskMetrics against moto', () => {
  let artifact: CloudWatchArtifact;
  let fetchMs = 0;
  const now = new Date(cw.seededAt);

  beforeAll(async () => {
    isolateAwsEnv(TEST_CREDS);
    const t0 = Date.now();
    artifact = await fetchMskMetrics({ clusterName: CW_CLUSTER, endpoint: cw.endpoint, region: 'us-east-1', windowMs: 6 * HOUR, now });
    fetchMs = Date.now() - t0;
    process.stderr.write(`[cw] fetchMskMetrics (6 h window): ${fetchMs} ms, calls ${JSON.stringify(artifact.calls)}, ${artifact.series.length} series\n`);
  });
  afterEach(() => isolateAwsEnv(TEST_CREDS));
  afterAll(restoreEnv);

  it('reports the window, the region and every metric name ListMetrics found for the cluster', () => {
    expect(artifact.clusterName).toBe(CW_CLUSTER);
    expect(artifact.region).toBe('us-east-1');
    expect(artifact.windowEnd).toBe(new Date(Math.floor(now.getTime() / 1000) * 1000).toISOString());
    // Start rounded down to the hour: buckets then start on 5-minute and hour boundaries.
    const start = Date.parse(artifact.windowStart);
    expect(start % HOUR).toBe(0);
    expect(now.getTime() - start).toBeGreaterThanOrEqual(6 * HOUR);
    expect(now.getTime() - start).toBeLessThan(7 * HOUR);
    // All 15 catalog metrics, plus MemoryUsed (outside the catalog: listed, not read).
    expect(artifact.available).toEqual([...MSK_METRICS.map((m) => m.metric), 'MemoryUsed'].sort());
  });

  it('reads each catalog metric at its exact dimension set, with the documented stat and period', () => {
    // 3 cluster-level + 9 per-broker × 3 brokers + 3 lag metrics × 2 group/topic pairs.
    expect(artifact.series).toHaveLength(3 + 27 + 6);
    for (const s of artifact.series) {
      const spec = MSK_METRICS.find((m) => m.metric === s.metric);
      expect(spec, s.metric).toBeDefined();
      expect(s.stat).toBe(spec?.stat);
      expect(s.periodSeconds).toBe(spec?.periodSeconds);
      expect(s.dimensions['Cluster Name']).toBe(CW_CLUSTER);
      const keys = Object.keys(s.dimensions);
      if (spec?.level === 'cluster') expect(keys).toEqual(['Cluster Name']);
      if (spec?.level === 'broker') expect(keys).toEqual(['Cluster Name', 'Broker ID']);
      if (spec?.level === 'consumer-lag') expect(keys).toEqual(['Cluster Name', 'Consumer Group', 'Topic']);
      expect(s.timestamps.length).toBe(s.values.length);
      expect(s.timestamps.length).toBeGreaterThan(0);
      // Oldest first, ISO 8601, on period boundaries.
      const ts = s.timestamps.map((t) => Date.parse(t));
      expect(ts).toEqual([...ts].sort((a, b) => a - b));
      expect(new Set(ts).size).toBe(ts.length);
      for (const t of ts) expect(t % (s.periodSeconds * 1000)).toBe(0);
      expect(s.timestamps[0]).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:00\.000Z$/);
    }
    // Not read: the per-topic BytesInPerSec (Cluster Name, Broker ID, Topic) and the other cluster's CpuUser.
    expect(artifact.series.filter((s) => 'Topic' in s.dimensions && s.metric.startsWith('Bytes'))).toEqual([]);
    expect(artifact.series.some((s) => Object.values(s.dimensions).includes('other-msk'))).toBe(false);
    // Catalog order, then Broker ID numerically.
    expect(artifact.series.slice(0, 6).map((s) => `${s.metric}:${s.dimensions['Broker ID'] ?? ''}`)).toEqual([
      'ActiveControllerCount:',
      'OfflinePartitionsCount:',
      'GlobalPartitionCount:',
      'CpuUser:1',
      'CpuUser:2',
      'CpuUser:3',
    ]);
  });

  it('returns the seeded values: health at 300 s, throughput at 3600 s', () => {
    const slots = cw.seed.slots;
    // Only the controller reports 1 under "Cluster Name": Maximum is 1 on every 5-minute period.
    const acc = find(artifact, 'ActiveControllerCount');
    expect(acc.values).toHaveLength(slots);
    expect(new Set(acc.values)).toEqual(new Set([1]));
    expect(acc.timestamps[0]).toBe(cw.seed.from);
    expect(new Set(find(artifact, 'OfflinePartitionsCount').values)).toEqual(new Set([0]));
    expect(new Set(find(artifact, 'GlobalPartitionCount').values)).toEqual(new Set([150]));

    for (const b of ['1', '2']) {
      expect(new Set(find(artifact, 'CpuUser', { 'Broker ID': b }).values)).toEqual(new Set([30]));
      expect(new Set(find(artifact, 'CpuSystem', { 'Broker ID': b }).values)).toEqual(new Set([5]));
      expect(new Set(find(artifact, 'KafkaDataLogsDiskUsed', { 'Broker ID': b }).values)).toEqual(new Set([40]));
      expect(new Set(find(artifact, 'UnderReplicatedPartitions', { 'Broker ID': b }).values)).toEqual(new Set([0]));
    }
    expect(new Set(find(artifact, 'CpuUser', { 'Broker ID': '3' }).values)).toEqual(new Set([65]));
    expect(new Set(find(artifact, 'CpuSystem', { 'Broker ID': '3' }).values)).toEqual(new Set([10]));
    expect(new Set(find(artifact, 'KafkaDataLogsDiskUsed', { 'Broker ID': '3' }).values)).toEqual(new Set([90]));
    expect(new Set(find(artifact, 'HeapMemoryAfterGC', { 'Broker ID': '3' }).values)).toEqual(new Set([45]));
    expect(new Set(find(artifact, 'PartitionCount', { 'Broker ID': '2' }).values)).toEqual(new Set([150]));
    for (const b of ['1', '2', '3']) expect(new Set(find(artifact, 'UnderMinIsrPartitionCount', { 'Broker ID': b }).values)).toEqual(new Set([0]));

    // URP 2 on broker 3 during the last 20 minutes (4 periods), 0 before.
    const urp = find(artifact, 'UnderReplicatedPartitions', { 'Broker ID': '3' });
    expect(urp.values.slice(-4)).toEqual([2, 2, 2, 2]);
    expect(new Set(urp.values.slice(0, -4))).toEqual(new Set([0]));
    expect(urp.timestamps[urp.timestamps.length - 4]).toBe(cw.seed.urpFrom);

    // Hourly averages of ~5 MB/s in, ~10 MB/s out.
    const bin = find(artifact, 'BytesInPerSec', { 'Broker ID': '3' });
    expect(bin.periodSeconds).toBe(3600);
    expect(bin.values.length).toBeGreaterThanOrEqual(3);
    expect(bin.values.length).toBeLessThanOrEqual(4);
    for (const v of bin.values) expect(v).toBeCloseTo(5_030_000, 0);
    for (const v of find(artifact, 'BytesOutPerSec', { 'Broker ID': '1' }).values) expect(v).toBeCloseTo(10_010_000, 0);

    // Lag of orders-processor on orders grows by 100 per period; billing stays at 5.
    const lag = find(artifact, 'MaxOffsetLag', { 'Consumer Group': 'orders-processor', Topic: 'orders' });
    expect(lag.values).toEqual(Array.from({ length: slots }, (_, i) => 100 * (i + 1)));
    expect(find(artifact, 'SumOffsetLag', { 'Consumer Group': 'orders-processor' }).values.at(-1)).toBe(300 * slots);
    expect(find(artifact, 'EstimatedMaxTimeLag', { 'Consumer Group': 'orders-processor' }).values.at(-1)).toBe(2 * slots);
    expect(new Set(find(artifact, 'MaxOffsetLag', { 'Consumer Group': 'billing', Topic: 'payments' }).values)).toEqual(new Set([5]));
  });

  it('counts its calls: ListMetrics pages and one GetMetricData per period', () => {
    // moto lists multi-dimension metrics once per datum (it does not de-duplicate them), so ListMetrics pages
    // (500 per page); the reader de-duplicates.
    expect(artifact.calls.ListMetrics).toBeGreaterThanOrEqual(1);
    expect(artifact.calls.GetMetricData).toBe(2);
    expect(Object.keys(artifact.calls).sort()).toEqual(['GetMetricData', 'ListMetrics']);
    expect(fetchMs).toBeLessThan(10_000);
  });

  it('reads the default 7-day window', async () => {
    const t0 = Date.now();
    const a = await fetchMskMetrics({ clusterName: CW_CLUSTER, endpoint: cw.endpoint, region: 'us-east-1', now });
    process.stderr.write(`[cw] fetchMskMetrics (default 7-day window): ${Date.now() - t0} ms\n`);
    expect(now.getTime() - Date.parse(a.windowStart)).toBeGreaterThanOrEqual(7 * 24 * HOUR);
    expect(a.series).toHaveLength(36);
    // 7 days at 300 s = 2017 points per query: 49 queries fit in 100,800 points, so the 30 health queries take 1 call.
    expect(a.calls.GetMetricData).toBe(2);
    expect(find(a, 'CpuUser', { 'Broker ID': '3' }).values).toHaveLength(cw.seed.slots);
  });

  it('takes the region from AWS_REGION, then AWS_DEFAULT_REGION', async () => {
    isolateAwsEnv({ ...TEST_CREDS, AWS_DEFAULT_REGION: 'us-east-1' });
    const a = await fetchMskMetrics({ clusterName: CW_CLUSTER, endpoint: cw.endpoint, windowMs: HOUR, now });
    expect(a.region).toBe('us-east-1');
    expect(a.series.length).toBeGreaterThan(0);
    isolateAwsEnv({ ...TEST_CREDS, AWS_REGION: 'eu-west-1', AWS_DEFAULT_REGION: 'us-east-1' });
    // moto keeps one store per region: nothing was seeded in eu-west-1.
    const b = await fetchMskMetrics({ clusterName: CW_CLUSTER, endpoint: cw.endpoint, windowMs: HOUR, now });
    expect(b.region).toBe('eu-west-1');
    expect(b.available).toEqual([]);
  });

  it('returns an empty artifact, not an error, for a cluster without metrics', async () => {
    const a = await fetchMskMetrics({ clusterName: 'no-such-msk', endpoint: cw.endpoint, region: 'us-east-1', now });
    expect(a.available).toEqual([]);
    expect(a.series).toEqual([]);
    expect(a.calls).toEqual({ ListMetrics: 1 });
  });

  it('fails fast with reason "unreachable" when nothing listens on the endpoint', async () => {
    const port = await freePort();
    const t0 = Date.now();
    const err = await rejection(fetchMskMetrics({ clusterName: CW_CLUSTER, endpoint: `http://127.0.0.1:${port}`, region: 'us-east-1' }));
    const ms = Date.now() - t0;
    process.stderr.write(`[cw] unreachable endpoint rejected in ${ms} ms\n`);
    expect(err.reason).toBe('unreachable');
    expect(err.api).toBe('CloudWatch.ListMetrics');
    expect(err.message).toMatch(/ECONNREFUSED/);
    expect(ms).toBeLessThan(5_000);
  });

  it('says no AWS credentials were found (reason "denied")', async () => {
    isolateAwsEnv();
    const err = await rejection(fetchMskMetrics({ clusterName: CW_CLUSTER, endpoint: cw.endpoint, region: 'us-east-1' }));
    expect(err.reason).toBe('denied');
    expect(err.api).toBe('CloudWatch.ListMetrics');
    expect(err.message).toMatch(/no AWS credentials were found/);
  });

  it('says which region flag or variable is missing', async () => {
    isolateAwsEnv(TEST_CREDS);
    const err = await rejection(fetchMskMetrics({ clusterName: CW_CLUSTER, endpoint: cw.endpoint }));
    expect(err.reason).toBe('error');
    expect(err.message).toMatch(/no AWS region.*--cloudwatch-region.*AWS_REGION/);
  });

  it('rejects a malformed endpoint before any request', async () => {
    const err = await rejection(fetchMskMetrics({ clusterName: CW_CLUSTER, endpoint: 'not a url', region: 'us-east-1' }));
    expect(err.reason).toBe('error');
    expect(err.message).toMatch(/--cloudwatch-endpoint/);
  });

  it('maps rejected credentials to "denied" without echoing them (moto enforcing IAM auth)', async () => {
    const strict = await startMoto({ env: { INITIAL_NO_AUTH_ACTION_COUNT: '0' } });
    try {
      isolateAwsEnv({ AWS_ACCESS_KEY_ID: 'AKIAIOSFODNN7EXAMPLE', AWS_SECRET_ACCESS_KEY: SECRET, AWS_SESSION_TOKEN: 'FwoGZXIvYXdzEXAMPLESESSIONTOKENVALUE0123456789abcdef' });
      const err = await rejection(fetchMskMetrics({ clusterName: CW_CLUSTER, endpoint: strict.endpoint, region: 'us-east-1' }));
      expect(err.reason).toBe('denied');
      expect(err.message).toMatch(/403/);
      for (const secret of [SECRET, 'AKIAIOSFODNN7EXAMPLE', 'FwoGZXIvYXdzEXAMPLESESSIONTOKENVALUE0123456789abcdef']) expect(err.message).not.toContain(secret);
    } finally {
      await strict.stop();
    }
  });

  it('maps a request timeout to "timeout"', async () => {
    // Accepts connections and never answers.
    const sockets = new Set<net.Socket>();
    const hole = net.createServer((s) => {
      sockets.add(s);
      s.on('error', () => {});
    });
    await new Promise<void>((r) => hole.listen(0, '127.0.0.1', r));
    const port = (hole.address() as net.AddressInfo).port;
    const client = new CloudWatchClient({
      endpoint: `http://127.0.0.1:${port}`,
      region: 'us-east-1',
      credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' },
      maxAttempts: 1,
      requestHandler: { requestTimeout: 300, throwOnRequestTimeout: true },
    });
    try {
      const t0 = Date.now();
      const err = await rejection(fetchMskMetrics({ clusterName: CW_CLUSTER, client }));
      expect(Date.now() - t0).toBeLessThan(5_000);
      expect(err.reason).toBe('timeout');
      expect(err.api).toBe('CloudWatch.ListMetrics');
    } finally {
      client.destroy();
      for (const s of sockets) s.destroy();
      await new Promise((r) => hole.close(r));
    }
  });
});

// ---- Scripted client: what moto does not do (GetMetricData pages, very large clusters, service errors). ----

type Sent = { name: string; input: Record<string, unknown> };
function scriptedClient(handler: (name: string, input: any, n: number) => unknown): { client: CloudWatchClient; sent: Sent[] } {
  const sent: Sent[] = [];
  const client = {
    config: { region: async () => 'eu-central-1' },
    send: async (cmd: { input: Record<string, unknown> }) => {
      const name = cmd instanceof ListMetricsCommand ? 'ListMetrics' : cmd instanceof GetMetricDataCommand ? 'GetMetricData' : 'other';
      sent.push({ name, input: cmd.input });
      return handler(name, cmd.input, sent.filter((s) => s.name === name).length);
    },
    destroy: () => {},
  } as unknown as CloudWatchClient;
  return { client, sent };
}

const dims = (o: Record<string, string>) => Object.entries(o).map(([Name, Value]) => ({ Name, Value }));

describe('fetchMskMetrics with a scripted client', () => {
  it('follows NextToken of ListMetrics and GetMetricData, merges pages and sorts oldest first', async () => {
    const metric = (b: string): Metric => ({ Namespace: 'AWS/Kafka', MetricName: 'CpuUser', Dimensions: dims({ 'Cluster Name': 'c', 'Broker ID': b }) });
    const t = (m: number) => new Date(Date.UTC(2026, 0, 1, 0, m));
    const { client, sent } = scriptedClient((name, input, n) => {
      if (name === 'ListMetrics') return n === 1 ? { Metrics: [metric('2')], NextToken: 'L2' } : { Metrics: [metric('1'), metric('2')] };
      const ids = (input.MetricDataQueries as { Id: string }[]).map((q) => q.Id);
      if (n === 1) return { MetricDataResults: [{ Id: ids[0], Timestamps: [t(10)], Values: [11], StatusCode: 'PartialData' }], NextToken: 'G2' };
      return {
        MetricDataResults: [
          { Id: ids[0], Timestamps: [t(5)], Values: [10], StatusCode: 'Complete' },
          { Id: ids[1], Timestamps: [t(10), t(5)], Values: [21, 20], StatusCode: 'Complete' },
        ],
      };
    });
    const a = await fetchMskMetrics({ clusterName: 'c', client, now: new Date(Date.UTC(2026, 0, 1, 1)) });
    expect(a.region).toBe('eu-central-1');
    expect(a.calls).toEqual({ ListMetrics: 2, GetMetricData: 2 });
    expect(sent[1]?.input.NextToken).toBe('L2');
    expect(sent[3]?.input.NextToken).toBe('G2');
    expect(sent[2]?.input.ScanBy).toBe('TimestampAscending');
    expect(a.series.map((s) => [s.dimensions['Broker ID'], s.timestamps.map((x) => x.slice(11, 16)), s.values])).toEqual([
      ['1', ['00:05', '00:10'], [10, 11]],
      ['2', ['00:05', '00:10'], [20, 21]],
    ]);
  });

  it('stays within 500 queries and 100,800 points per GetMetricData call', async () => {
    const brokers = Array.from({ length: 60 }, (_, i) => String(i + 1));
    const listed: Metric[] = MSK_METRICS.filter((m) => m.level === 'broker').flatMap((m) =>
      brokers.map((b) => ({ Namespace: 'AWS/Kafka', MetricName: m.metric, Dimensions: dims({ 'Cluster Name': 'big', 'Broker ID': b }) })),
    );
    const windowMs = 30 * 24 * HOUR;
    const { client, sent } = scriptedClient((name, input) =>
      name === 'ListMetrics' ? { Metrics: listed } : { MetricDataResults: (input.MetricDataQueries as { Id: string }[]).map((q) => ({ Id: q.Id, Timestamps: [], Values: [] })) },
    );
    const a = await fetchMskMetrics({ clusterName: 'big', client, windowMs, now: new Date(Date.UTC(2026, 5, 1)) });
    const calls = sent.filter((s) => s.name === 'GetMetricData');
    expect(a.calls.GetMetricData).toBe(calls.length);
    let queries = 0;
    for (const c of calls) {
      const qs = c.input.MetricDataQueries as { MetricStat: { Period: number } }[];
      const periods = new Set(qs.map((q) => q.MetricStat.Period));
      expect(periods.size).toBe(1);
      const period = [...periods][0] as number;
      const span = (c.input.EndTime as Date).getTime() - (c.input.StartTime as Date).getTime();
      expect(qs.length).toBeLessThanOrEqual(MAX_QUERIES_PER_CALL);
      expect(qs.length * (Math.ceil(span / (period * 1000)) + 1)).toBeLessThanOrEqual(MAX_POINTS_PER_CALL);
      queries += qs.length;
    }
    expect(queries).toBe(listed.length);
    // 30 days at 300 s = 8641 points: 11 queries per call → 420 health queries in 39 calls; 120 hourly in 1.
    expect(calls.length).toBe(39 + 1);
    expect(a.series).toEqual([]); // listed, but no datapoint in the window
    expect(a.available).toHaveLength(9);
  });

  it('plans only the exact dimension sets, once each', () => {
    const listed: Metric[] = [
      { MetricName: 'BytesInPerSec', Dimensions: dims({ 'Cluster Name': 'c', 'Broker ID': '1' }) },
      { MetricName: 'BytesInPerSec', Dimensions: dims({ 'Broker ID': '1', 'Cluster Name': 'c' }) },
      { MetricName: 'BytesInPerSec', Dimensions: dims({ 'Cluster Name': 'c', 'Broker ID': '1', Topic: 't' }) },
      { MetricName: 'CpuUser', Dimensions: dims({ 'Cluster Name': 'c' }) },
      { MetricName: 'MaxOffsetLag', Dimensions: dims({ 'Consumer Group': 'g', Topic: 't', 'Cluster Name': 'c' }) },
      { MetricName: 'OffsetLag', Dimensions: dims({ 'Cluster Name': 'c', 'Consumer Group': 'g', Topic: 't', Partition: '0' }) },
    ];
    const planned = planQueries(listed);
    expect(planned.map((q) => [q.spec.metric, q.dimensions])).toEqual([
      ['BytesInPerSec', { 'Cluster Name': 'c', 'Broker ID': '1' }],
      ['MaxOffsetLag', { 'Cluster Name': 'c', 'Consumer Group': 'g', Topic: 't' }],
    ]);
    expect(planned.map((q) => q.query.Id)).toEqual(['q0', 'q1']);
    expect(batchQueries(planned, new Date(0), new Date(HOUR))).toHaveLength(2);
  });

  it('maps service, throttling and network errors to reasons', () => {
    const svc = (name: string, status: number) =>
      new CloudWatchServiceException({ name, $fault: status >= 500 ? 'server' : 'client', $metadata: { httpStatusCode: status }, message: `${name} happened` });
    const api = 'CloudWatch.GetMetricData';
    expect(toCloudWatchError(api, svc('AccessDenied', 403)).reason).toBe('denied');
    expect(toCloudWatchError(api, svc('AccessDeniedException', 400)).reason).toBe('denied');
    expect(toCloudWatchError(api, svc('UnauthorizedOperation', 400)).reason).toBe('denied');
    expect(toCloudWatchError(api, svc('ExpiredTokenException', 400)).reason).toBe('denied');
    expect(toCloudWatchError(api, svc('Throttling', 400)).reason).toBe('timeout');
    expect(toCloudWatchError(api, svc('ThrottlingException', 400)).reason).toBe('timeout');
    expect(toCloudWatchError(api, svc('InvalidParameterValue', 400)).reason).toBe('error');
    expect(toCloudWatchError(api, svc('InternalServiceFault', 500)).reason).toBe('error');
    const denied = toCloudWatchError(api, svc('AccessDeniedException', 400));
    expect(denied.code).toBe('AccessDeniedException');
    expect(denied.api).toBe(api);
    expect(denied.message).toBe('CloudWatch.GetMetricData: AccessDeniedException: AccessDeniedException happened');
    expect(toCloudWatchError(api, Object.assign(new Error('connect ENOTFOUND monitoring.example'), { code: 'ENOTFOUND' })).reason).toBe('unreachable');
    expect(toCloudWatchError(api, new AggregateError([Object.assign(new Error('x'), { code: 'ECONNREFUSED' })])).reason).toBe('unreachable');
    expect(toCloudWatchError(api, Object.assign(new Error('timed out'), { name: 'TimeoutError' })).reason).toBe('timeout');
    expect(toCloudWatchError(api, Object.assign(new Error('Could not load credentials from any providers'), { name: 'CredentialsProviderError' })).message).toMatch(
      /no AWS credentials were found/,
    );
  });

  it('never carries credentials in messages', () => {
    const msg =
      'The request signature we calculated does not match. The Canonical String for this request should have been\n' +
      `'POST\n/\n\nhost:monitoring.us-east-1.amazonaws.com\nx-amz-security-token:IQoJb3JpZ2luX2VjEXAMPLETOKEN0123456789abcdefghijkl'`;
    const err = toCloudWatchError('CloudWatch.ListMetrics', new CloudWatchServiceException({ name: 'SignatureDoesNotMatch', $fault: 'client', $metadata: { httpStatusCode: 403 }, message: msg }));
    expect(err.reason).toBe('denied');
    expect(err.message).not.toMatch(/IQoJ|security-token/);
    expect(scrubMessage(`key AKIAIOSFODNN7EXAMPLE secret ${SECRET}`)).toBe('key [redacted] secret [redacted]');
  });

  it('reports a Forbidden query result as "denied"', async () => {
    const { client } = scriptedClient((name, input) =>
      name === 'ListMetrics'
        ? { Metrics: [{ MetricName: 'CpuUser', Dimensions: dims({ 'Cluster Name': 'c', 'Broker ID': '1' }) }] }
        : { MetricDataResults: [{ Id: (input.MetricDataQueries as { Id: string }[])[0]?.Id, StatusCode: 'Forbidden', Label: 'CpuUser' }] },
    );
    const err = await rejection(fetchMskMetrics({ clusterName: 'c', client }));
    expect(err.reason).toBe('denied');
    expect(err.api).toBe('CloudWatch.GetMetricData');
  });
});
