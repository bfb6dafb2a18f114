// Starts moto's server (a local CloudWatch) for the CloudWatch integration tests, seeds Amazon MSK metrics for
// the cluster "readiness-msk" and stops moto afterwards. moto that cannot start fails the run: never skipped.
// Install it first with  bash scripts/setup-moto.sh  (Python venv under .cache/moto-venv).
import type { TestProject } from 'vitest/node';
import { startMoto } from '../cloudwatch/moto.mjs';
import { seedMskMetrics, type SeedMskMetricsResult } from '../cloudwatch/seed-metrics.mjs';

export const CW_CLUSTER = 'readiness-msk';

export interface CwContext {
  /** http://127.0.0.1:<port> of moto_server */
  endpoint: string;
  /** When the seed ran (ISO); the seeded slots end at this time rounded down to 5 minutes. */
  seededAt: string;
  seed: SeedMskMetricsResult;
}

declare module 'vitest' {
  export interface ProvidedContext {
    cloudwatch: CwContext;
  }
}

export default async function setup(project: TestProject) {
  const t0 = Date.now();
  const moto = await startMoto({ log: (l) => process.stderr.write(`[moto] ${l}\n`) });
  try {
    const seededAt = new Date();
    const t1 = Date.now();
    const seed = await seedMskMetrics(moto.endpoint, { clusterName: CW_CLUSTER, brokers: [1, 2, 3], hours: 3, now: seededAt });
    process.stderr.write(
      `[moto] seeded ${seed.datums} AWS/Kafka datums (${seed.slots} five-minute slots, ${seed.calls} PutMetricData calls) in ${Date.now() - t1} ms; ready after ${Date.now() - t0} ms\n`,
    );
    project.provide('cloudwatch', { endpoint: moto.endpoint, seededAt: seededAt.toISOString(), seed });
  } catch (err) {
    await moto.stop();
    throw err;
  }
  return async () => {
    const t = Date.now();
    await moto.stop();
    process.stderr.write(`[moto] stopped in ${Date.now() - t} ms\n`);
  };
}
