// Built-in policy profiles. A profile is a readiness.yaml layer under the user's own file: the file extends or
// overrides it. `regulated` is for public-sector service events: stricter retention, ACL and replication rules,
// and the readiness scorecard (attested drills and reviews) counts in the score.

import type { CheckOverride, ReadinessConfig, ScoringConfig } from './config-types.js';
import { UsageError } from '../errors.js';

export interface Profile {
  name: string;
  description: string;
  checks: Record<string, CheckOverride>;
  scoring: Partial<ScoringConfig>;
  gate: ReadinessConfig['gate'];
  areas: Record<string, { weight: number }>;
}

export const PROFILES = {
  dev: {
    name: 'dev',
    description: 'development clusters: single replicas, plaintext and data-loss risks are tolerated (reported, not blocking), the scorecard does not count',
    checks: {
      'replication/partition-health': { severity: 'medium' },
      'replication/unclean-leader-election': { severity: 'medium' },
      'consumer-lag/committed-below-log-start': { severity: 'medium' },
      'consumer-lag/time-to-data-loss': { severity: 'medium' },
      'acl/wildcard-principal': { severity: 'medium' },
      'acl/super-users': { severity: 'medium' },
      'replication/replication-factor': { severity: 'low', options: { minReplicationFactor: 1 } },
      'replication/min-insync-replicas': { severity: 'low' },
      'replication/zone-loss': { enabled: false },
      'replication/rack-spread': { enabled: false },
      'replication/internal-topics': { severity: 'low' },
      'acl/plaintext-listeners': { severity: 'low' },
      'retention/infinite-retention': { severity: 'low' },
    },
    scoring: { readyScore: 70, notReadyBelow: 40, minCoverage: 50 },
    // Below 30 % coverage even a dev cluster cannot be judged (the built-in default without a profile is 50 %).
    gate: { minCoverage: 30 },
    areas: { attestation: { weight: 0 } },
  },
  production: {
    name: 'production',
    description: 'production defaults: the built-in severities and thresholds; the scorecard counts',
    checks: { 'attestation/readiness-scorecard': { severity: 'high', options: { required: true } } },
    scoring: { readyScore: 90, notReadyBelow: 60, minCoverage: 80 },
    gate: { failOn: 'critical', minCoverage: 80 },
    areas: { attestation: { weight: 1 } },
  },
  regulated: {
    name: 'regulated',
    description: 'public-sector service events: stricter retention, ACL and replication rules; attestations count and expire after 90 days',
    checks: {
      'retention/infinite-retention': { severity: 'high' },
      'retention/topic-policy': { severity: 'critical' },
      'retention/offsets-retention': { severity: 'high' },
      'acl/wildcard-principal': { severity: 'critical' },
      'acl/anonymous-grants': { severity: 'critical' },
      'acl/least-privilege': { severity: 'critical' },
      'acl/plaintext-listeners': { severity: 'critical' },
      'replication/min-insync-replicas': { severity: 'critical' },
      'replication/replication-factor': { severity: 'critical' },
      'consumer-lag/committed-below-log-start': { severity: 'critical' },
      'attestation/readiness-scorecard': { severity: 'critical', options: { maxAgeDays: 90, required: true } },
    },
    scoring: { readyScore: 95, notReadyBelow: 75, minCoverage: 90 },
    gate: { failOn: 'high', minCoverage: 90 },
    areas: { attestation: { weight: 2 } },
  },
} satisfies Record<string, Profile>;

export type ProfileName = keyof typeof PROFILES;
/** The one list of profile names: --profile choices, readiness.yaml's `profile` enum, the README (docs-sync test). */
export const PROFILE_NAMES = Object.keys(PROFILES) as ProfileName[];

/** Lays the user's config over a profile: the file's entries win, check options merge key by key. */
export function applyProfile(config: ReadinessConfig, name: string): ReadinessConfig {
  const profile: Profile | undefined = (PROFILES as Record<string, Profile>)[name];
  if (!profile) throw new UsageError(`unknown profile "${name}" (profiles: ${PROFILE_NAMES.join(', ')})`);
  const checks: Record<string, CheckOverride> = { ...profile.checks };
  for (const [id, o] of Object.entries(config.checks)) {
    const base = checks[id] ?? {};
    checks[id] = { ...base, ...o, ...(base.options || o.options ? { options: { ...(base.options ?? {}), ...(o.options ?? {}) } } : {}) };
  }
  return {
    ...config,
    profile: { name: profile.name, description: profile.description },
    checks,
    scoring: { ...config.scoring, ...profile.scoring, ...config.userScoring },
    gate: { ...profile.gate, ...config.gate },
    areas: { ...profile.areas, ...config.areas },
  };
}
