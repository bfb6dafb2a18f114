// What the gather is given and what it reports while it works (types only: the gather, its reads and the
// commands that drive it share them).

import type { MetricsPort } from '../connect/port.js';
import type { ArtifactName, ProbeArtifact, SnapshotArtifacts, SnapshotTarget } from '../model/snapshot.js';

export interface GatherContext {
  target: SnapshotTarget;
  toolVersion: string;
  now?: () => Date;
  /** Progress lines for stderr (never carries a secret: messages come from artifact errors). */
  log?: (line: string) => void;
  /** --observe: sample offsets and group positions this many times over this window (default: one sample, no wait). */
  observe?: { windowMs: number; samples: number };
  /** Waits between samples; tests may replace it. */
  sleep?: (ms: number) => Promise<void>;
  /** Reads Amazon MSK metrics from CloudWatch (--cloudwatch); absent means not requested. */
  cloudwatch?: MetricsPort;
  /**
   * The write probe (--allow-writes): runs after every read-only artifact is gathered, so the snapshot shows the
   * cluster as it was before the probe; absent means not requested. Its requests travel on its own clients.
   */
  probe?: (seen: { topicConfigs: SnapshotArtifacts['topicConfigs']; brokerConfigs: SnapshotArtifacts['brokerConfigs']; apiVersions: SnapshotArtifacts['apiVersions'] }) => Promise<ProbeArtifact>;
  /** Structured progress for the terminal status line (src/commands/progress.ts). */
  progress?: (event: GatherEvent) => void;
}

/** What the gather is doing: an artifact started or finished (result = what it read), or waiting for a sample. */
export type GatherEvent =
  | { type: 'start'; name: ArtifactName | 'metadata' }
  | { type: 'done'; name: ArtifactName | 'metadata'; ms: number; result: unknown }
  | { type: 'wait'; sample: number; of: number; dueAt: number; endsAt: number };
