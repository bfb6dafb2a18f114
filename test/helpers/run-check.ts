import { defaultConfig, type CheckOverride } from '../../src/config/readiness.js';
import { evaluateChecks } from '../../src/engine/evaluate.js';
import type { Snapshot } from '../../src/gather/snapshot.js';
import type { CheckResult } from '../../src/report/model.js';
import type { Check } from '../../src/sdk.js';

/** Runs one check through the real engine (missing artifacts → unknown, throw → error). */
export function runCheck(check: Check<any, any>, snapshot: Snapshot, override: CheckOverride = {}): CheckResult {
  const config = defaultConfig();
  config.checks[check.meta.id] = override;
  return evaluateChecks(snapshot, [{ check, origin: 'built-in' }], config)[0]!;
}

export function findingFor(result: CheckResult, name: string) {
  return result.findings.find((f) => f.resource.name === name);
}
