// Runs a governance check through the real engine with a readiness.yaml given as text (parsed by the real loader).
import { parseReadinessConfig } from '../../../../src/config/readiness.js';
import { evaluateChecks } from '../../../../src/engine/evaluate.js';
import type { AclBinding, GroupInfo, Snapshot } from '../../../../src/gather/snapshot.js';
import type { CheckResult } from '../../../../src/report/model.js';
import type { Check } from '../../../../src/sdk.js';

export function runWithYaml(check: Check<any, any>, snapshot: Snapshot, yaml: string): CheckResult {
  const config = parseReadinessConfig(yaml, 'readiness.yaml');
  return evaluateChecks(snapshot, [{ check, origin: 'built-in' }], config)[0]!;
}

/** Findings as "kind:name status severity", sorted, for exact comparison. */
export function findingKeys(r: CheckResult): string[] {
  return r.findings.map((f) => `${f.resource.kind}:${f.resource.name} ${f.status} ${f.severity}`).sort();
}

export const allow = (principal: string, resourceType: string, operation: string, resourceName: string, patternType = 'LITERAL'): AclBinding => ({ principal, resourceType, operation, resourceName, patternType, host: '*', permission: 'ALLOW' });
export const deny = (principal: string, resourceType: string, operation: string, resourceName: string, patternType = 'LITERAL'): AclBinding => ({ ...allow(principal, resourceType, operation, resourceName, patternType), permission: 'DENY' });

export function groupInfo(groupId: string, members: number, state = members ? 'Stable' : 'Empty', type = 'classic'): GroupInfo {
  return {
    groupId,
    type,
    protocolType: 'consumer',
    state,
    coordinator: 1,
    members: Array.from({ length: members }, (_, i) => ({ memberId: `m${i}`, clientId: `c${i}`, clientHost: '/127.0.0.1', assignment: null })),
  };
}
