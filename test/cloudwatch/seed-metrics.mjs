// Seeds realistic Amazon MSK metrics (namespace AWS/Kafka) into a CloudWatch stand-in (moto) with PutMetricData
// through the real AWS SDK. Data is written as 5-minute statistic sets (Sum/Min/Max/SampleCount of 1-minute
// samples, as CloudWatch stores them), so Average, Maximum and Minimum differ like they do on AWS.
// Only ever pointed at a loopback endpoint, with dummy credentials passed explicitly.
import { CloudWatchClient, PutMetricDataCommand } from '@aws-sdk/client-cloudwatch';

const NS = 'AWS/Kafka';
const SLOT_MS = 5 * 60 * 1000;
const MAX_DATUMS_PER_CALL = 1000;

/** A CloudWatch client for moto: explicit loopback endpoint, dummy credentials, us-east-1. */
export function motoClient(endpoint, region = 'us-east-1') {
  const url = new URL(endpoint);
  if (!['127.0.0.1', 'localhost', '[::1]', '::1'].includes(url.hostname)) {
    throw new Error(`seed-metrics: refusing a non-loopback endpoint ${endpoint}`);
  }
  // Same as src/connect/cloudwatch.ts: no "Node >= 22 soon" warning from the SDK on Node 20.
  const QUIET = 'AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED';
  const quietSet = process.env[QUIET] === undefined;
  if (quietSet) process.env[QUIET] = 'true';
  try {
    return new CloudWatchClient({
      endpoint,
      region,
      credentials: { accessKeyId: 'testing', secretAccessKey: 'testing', sessionToken: 'testing' },
      maxAttempts: 1,
    });
  } finally {
    if (quietSet) delete process.env[QUIET];
  }
}

/**
 * The scenario, per 5-minute slot (oldest first), ending at `now` rounded down to 5 minutes:
 * - ActiveControllerCount: every broker reports under "Cluster Name", only the controller reports 1
 *   (so Maximum 1, Minimum 0); OfflinePartitionsCount 0; GlobalPartitionCount 150 (controller only).
 * - CpuUser 30 % + CpuSystem 5 % on brokers 1–2, 65 % + 10 % on broker 3 (the last broker of `brokers`).
 * - KafkaDataLogsDiskUsed 40 % / 90 % (last broker); HeapMemoryAfterGC 30 % / 45 %; PartitionCount 150.
 * - UnderReplicatedPartitions 0, then 2 on the last broker during the last `urpMinutes` (20) minutes.
 * - UnderMinIsrPartitionCount 0. BytesInPerSec ≈ 5 MB/s, BytesOutPerSec ≈ 10 MB/s per broker.
 * - Lag for group "orders-processor" on topic "orders" growing by 100 messages (MaxOffsetLag) per slot;
 *   SumOffsetLag 3×; EstimatedMaxTimeLag 2 s per slot. Group "billing" on "payments" steady at 5.
 * Decoys the reader must ignore: BytesInPerSec per topic (Cluster Name, Broker ID, Topic), a metric outside the
 * catalog (MemoryUsed) and CpuUser of another cluster (`otherCluster`).
 *
 * @param {string} endpoint loopback URL of moto
 * @param {{ clusterName: string, brokers?: number[], hours?: number, now?: Date, urpMinutes?: number,
 *           otherCluster?: string | null, region?: string }} opts
 */
export async function seedMskMetrics(endpoint, opts) {
  const clusterName = opts.clusterName;
  const brokers = opts.brokers ?? [1, 2, 3];
  const hours = opts.hours ?? 3;
  const urpMinutes = opts.urpMinutes ?? 20;
  const now = opts.now ?? new Date();
  const otherCluster = opts.otherCluster === undefined ? 'other-msk' : opts.otherCluster;
  const last = brokers[brokers.length - 1];
  const endSlot = Math.floor(now.getTime() / SLOT_MS) * SLOT_MS; // start of the current slot
  const slots = Math.round((hours * 3600 * 1000) / SLOT_MS);
  const slotStarts = Array.from({ length: slots }, (_, i) => endSlot - (slots - i) * SLOT_MS);
  const urpFrom = endSlot - urpMinutes * 60 * 1000;

  const datums = [];
  const cluster = [{ Name: 'Cluster Name', Value: clusterName }];
  const broker = (b) => [...cluster, { Name: 'Broker ID', Value: String(b) }];
  const lagDims = (group, topic) => [...cluster, { Name: 'Consumer Group', Value: group }, { Name: 'Topic', Value: topic }];
  /** A 5-minute statistic set of `samples` one-minute samples around `avg` (± spread). */
  const put = (MetricName, Dimensions, t, avg, { spread = 0, samples = 5, min, max, unit = 'None' } = {}) => {
    datums.push({
      MetricName,
      Dimensions,
      Timestamp: new Date(t),
      Unit: unit,
      StatisticValues: { SampleCount: samples, Sum: avg * samples, Minimum: min ?? avg - spread, Maximum: max ?? avg + spread },
    });
  };

  slotStarts.forEach((t, i) => {
    const n = brokers.length * 5;
    put('ActiveControllerCount', cluster, t, 5 / n, { samples: n, min: 0, max: 1, unit: 'Count' });
    put('OfflinePartitionsCount', cluster, t, 0, { samples: n, unit: 'Count' });
    put('GlobalPartitionCount', cluster, t, (150 * 5) / n, { samples: n, min: 0, max: 150, unit: 'Count' });
    for (const b of brokers) {
      const hot = b === last;
      put('CpuUser', broker(b), t, hot ? 65 : 30, { spread: 3, unit: 'Percent' });
      put('CpuSystem', broker(b), t, hot ? 10 : 5, { spread: 1, unit: 'Percent' });
      put('KafkaDataLogsDiskUsed', broker(b), t, hot ? 90 : 40, { spread: 0.5, unit: 'Percent' });
      put('HeapMemoryAfterGC', broker(b), t, hot ? 45 : 30, { spread: 2, unit: 'Percent' });
      put('PartitionCount', broker(b), t, 150, { unit: 'Count' });
      put('UnderReplicatedPartitions', broker(b), t, hot && t >= urpFrom ? 2 : 0, { unit: 'Count' });
      put('UnderMinIsrPartitionCount', broker(b), t, 0, { unit: 'Count' });
      put('BytesInPerSec', broker(b), t, 5_000_000 + b * 10_000, { spread: 250_000, unit: 'Bytes/Second' });
      put('BytesOutPerSec', broker(b), t, 10_000_000 + b * 10_000, { spread: 500_000, unit: 'Bytes/Second' });
      put('BytesInPerSec', [...broker(b), { Name: 'Topic', Value: 'orders' }], t, 4_000_000, { unit: 'Bytes/Second' });
      put('MemoryUsed', broker(b), t, 6e9, { unit: 'Bytes' });
    }
    put('MaxOffsetLag', lagDims('orders-processor', 'orders'), t, 100 * (i + 1), { samples: 5, min: 100 * i, max: 100 * (i + 1), unit: 'Count' });
    put('SumOffsetLag', lagDims('orders-processor', 'orders'), t, 300 * (i + 1), { samples: 5, min: 300 * i, max: 300 * (i + 1), unit: 'Count' });
    put('EstimatedMaxTimeLag', lagDims('orders-processor', 'orders'), t, 2 * (i + 1), { samples: 5, min: 2 * i, max: 2 * (i + 1), unit: 'Seconds' });
    put('MaxOffsetLag', lagDims('billing', 'payments'), t, 5, { unit: 'Count' });
    put('SumOffsetLag', lagDims('billing', 'payments'), t, 5, { unit: 'Count' });
    put('EstimatedMaxTimeLag', lagDims('billing', 'payments'), t, 0.1, { unit: 'Seconds' });
    if (otherCluster) put('CpuUser', [{ Name: 'Cluster Name', Value: otherCluster }, { Name: 'Broker ID', Value: '1' }], t, 99, { unit: 'Percent' });
  });

  const client = motoClient(endpoint, opts.region);
  let calls = 0;
  try {
    for (let i = 0; i < datums.length; i += MAX_DATUMS_PER_CALL) {
      await client.send(new PutMetricDataCommand({ Namespace: NS, MetricData: datums.slice(i, i + MAX_DATUMS_PER_CALL) }));
      calls++;
    }
  } finally {
    client.destroy();
  }
  return {
    clusterName,
    brokers,
    slots,
    from: new Date(slotStarts[0]).toISOString(),
    to: new Date(endSlot).toISOString(),
    urpFrom: new Date(urpFrom).toISOString(),
    datums: datums.length,
    calls,
  };
}
