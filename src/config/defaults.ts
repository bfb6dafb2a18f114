// The built-in configuration (no readiness.yaml). Separate from readiness.ts so that commands run without a
// config file never load the YAML parser or compile the schema validator (start-up time).

import type { ReadinessConfig, ScoringConfig } from './config-types.js';

export const DEFAULT_SCORING: ScoringConfig = { readyScore: 90, notReadyBelow: 60, minCoverage: 80 };

export function defaultConfig(): ReadinessConfig {
  return { file: null, checks: {}, areas: {}, scoring: { ...DEFAULT_SCORING }, plugins: [], userScoring: {}, gate: {}, prices: {}, waivers: [], policy: { topicPolicies: [], clients: [], requirements: [], principals: {}, attestations: [] }, locate: () => 'defaults' };
}
