import type { CloudWatchClient } from '@aws-sdk/client-cloudwatch';

export interface SeedMskMetricsOptions {
  clusterName: string;
  /** Default [1, 2, 3]; the last one is the "hot" broker (CPU 75 %, disk 90 %, URP 2 at the end). */
  brokers?: number[];
  /** Hours of 5-minute slots ending at `now` (default 3). */
  hours?: number;
  now?: Date;
  /** URP = 2 on the last broker during the last N minutes (default 20). */
  urpMinutes?: number;
  /** A second cluster with CpuUser 99 (default "other-msk"; null for none). */
  otherCluster?: string | null;
  region?: string;
}

export interface SeedMskMetricsResult {
  clusterName: string;
  brokers: number[];
  slots: number;
  /** First slot start (ISO). */
  from: string;
  /** End of the last slot = `now` rounded down to 5 minutes (ISO). */
  to: string;
  /** Start of the first slot with URP 2 (ISO). */
  urpFrom: string;
  datums: number;
  calls: number;
}

export function motoClient(endpoint: string, region?: string): CloudWatchClient;
export function seedMskMetrics(endpoint: string, opts: SeedMskMetricsOptions): Promise<SeedMskMetricsResult>;
