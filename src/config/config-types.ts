// The shape of a loaded readiness.yaml. Its own module so that defaults.ts (loaded without the YAML parser)
// and readiness.ts (the parser) both import it and neither imports the other.

import type { PriceTable, WaiverConfig } from './policy-types.js';
import type { NameMapping } from '../model/snapshot.js';
import type { CheckOptions, Platform, Policy, Severity } from '../sdk.js';

export interface CheckOverride {
  enabled?: boolean;
  severity?: Severity;
  weight?: number;
  options?: CheckOptions;
}

export interface ScoringConfig {
  /** Exit 1 when the overall score is below this. */
  failUnder?: number;
  /** Verdict `ready` needs at least this score (and no high finding). */
  readyScore: number;
  /** Below this score the verdict is `not-ready`. */
  notReadyBelow: number;
  /** Below this coverage (0–100) the verdict cannot be `ready`: too much was not checked. */
  minCoverage: number;
}

export interface ReadinessConfig {
  /** Absolute path of the file, or null for built-in defaults. */
  file: string | null;
  checks: Record<string, CheckOverride>;
  areas: Record<string, { weight: number }>;
  scoring: ScoringConfig;
  plugins: string[];
  /** Topic policies, client inventory and requirements, passed to checks as ctx.policy. */
  policy: Policy;
  /** Profile named in the file (`profile:`); --profile wins over it. */
  profileName?: string;
  /** Scoring thresholds written in the file (they win over a profile's). */
  userScoring: Partial<ScoringConfig>;
  /** The built-in profile laid under this file, if any. */
  profile?: { name: string; description: string };
  /** CI gate rules (flags override them). */
  gate: { failUnder?: number; failOn?: Severity; minCoverage?: number };
  /** Gate rules written in the file itself (a profile's gate is merged into `gate`). */
  userGate?: { failUnder?: number; failOn?: Severity; minCoverage?: number };
  /** Price table for the cost estimate (defaults in engine/cost.ts). */
  prices: Partial<PriceTable>;
  /** Accepted risks: findings they match are shown but not scored until they expire. */
  waivers: WaiverConfig[];
  /** Platform set by hand (skips detection), or undefined to detect it. */
  platform?: Platform;
  /** `migration:`: the topic name mapping `compare` uses when no --source-alias/--replication-policy/--separator/--target-alias flag is given. */
  migration?: NameMapping;
  /** "file:line:col" of a path in the file (e.g. ['checks', id]); the file name alone when unknown. */
  locate(pathInFile: (string | number)[]): string;
}
