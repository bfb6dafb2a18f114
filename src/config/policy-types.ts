// Shapes readiness.yaml declares for the engine (waivers, prices). They live in config so that config never
// imports the engine: the engine reads config, not the other way round.

export interface WaiverConfig {
  check: string;
  /** Glob or /regex/ on the resource name. */
  resource: string;
  kind?: string;
  reason: string;
  owner: string;
  ticket: string;
  /** YYYY-MM-DD; the waiver applies up to and including that day (UTC). */
  expires: string;
}

export interface PriceTable {
  currency: string;
  /** Per GB-month of broker storage (replicas count separately). */
  storagePerGbMonth: number;
  /** Per GB crossing availability zones, both directions added (AWS: 0.01 out + 0.01 in). */
  crossZonePerGb: number;
  /** Managed platforms (MSK) do not bill replication traffic between brokers. */
  billReplicationTraffic: boolean;
}
