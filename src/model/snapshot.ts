// The snapshot is the only thing checks ever see: plain JSON, versioned, free of secrets. Its artifacts are
// described once, in the catalog (./artifacts.ts); their value types are in ./artifact-values.ts. This module
// is the one import for all of it.

import type { SnapshotArtifacts } from './artifacts.js';
import type { SnapshotTarget } from './artifact-values.js';

export * from './artifact-values.js';
export { ARTIFACT_LIST, ARTIFACT_NAMES, ARTIFACTS, type ArtifactName, type ArtifactSpec, absentArtifactError, artifactsStoredAs, type GrantName, NOT_REQUESTED_MESSAGES, READ_GRANTS, type SnapshotArtifacts } from './artifacts.js';

/** Version 2 is the streamed JSON Lines file format (src/gather/snapshot-io.ts); the in-memory shape is unchanged. */
export const SNAPSHOT_VERSION = 2;

export interface GatherStats {
  /** Requests sent on the wire, per Kafka API name (SASL handshakes included). */
  requests: Record<string, number>;
  totalRequests: number;
  /** Milliseconds spent on each artifact. */
  artifactMs: Record<string, number>;
  durationMs: number;
}

export interface Snapshot {
  snapshotVersion: number;
  tool: { name: string; version: string };
  takenAt: string;
  target: SnapshotTarget;
  artifacts: SnapshotArtifacts;
  stats: GatherStats;
}
