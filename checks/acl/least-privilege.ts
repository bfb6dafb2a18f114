import { defineCheck, fail, notApplicable, pass, warn, type AclBinding, type IntendedGrant, type ResourceResult } from '../../src/sdk.js';

// Kafka's implied operations: READ, WRITE, DELETE and ALTER imply DESCRIBE; ALTER_CONFIGS implies DESCRIBE_CONFIGS.
const IMPLIES: Record<string, string[]> = { READ: ['DESCRIBE'], WRITE: ['DESCRIBE'], DELETE: ['DESCRIBE'], ALTER: ['DESCRIBE'], ALTER_CONFIGS: ['DESCRIBE_CONFIGS'] };

function grants(op: string, wanted: string): boolean {
  return op === 'ALL' || op === wanted || (IMPLIES[op] ?? []).includes(wanted);
}

/** Does an intended name pattern ("billing.*" = prefix, else literal) cover an ACL's resource pattern? */
function intentCovers(intent: string, patternType: string, name: string): boolean {
  if (intent === '*') return true;
  if (intent.endsWith('*')) {
    const prefix = intent.slice(0, -1);
    return (patternType === 'LITERAL' || patternType === 'PREFIXED') && name !== '*' && name.startsWith(prefix);
  }
  return patternType === 'LITERAL' && name === intent;
}

/** Does an existing ACL's resource pattern cover an intended name pattern? */
function aclCovers(patternType: string, name: string, intent: string): boolean {
  if (patternType === 'LITERAL' && name === '*') return true;
  if (patternType === 'PREFIXED') return intent.startsWith(name);
  return patternType === 'LITERAL' && name === intent;
}

const describeAcl = (a: AclBinding) => `${a.operation} on ${a.resourceType}:${a.patternType}:${a.resourceName}`;
const describeIntent = (g: IntendedGrant, op: string) => `${op} on ${g.resourceType}:${g.name}`;

export default defineCheck({
  meta: {
    id: 'acl/least-privilege',
    area: 'acl',
    title: 'Each principal has exactly the grants its service needs',
    failureTitle: 'Principals hold grants their service does not need',
    description:
      'readiness.yaml `principals` states the intended grants per service principal (e.g. `User:billing`: READ on ' +
      '`billing.*`, READ on group `billing-*`). The ALLOW ACLs on the cluster are compared with it: extra grants are access ' +
      'nobody decided to give; missing grants are outages waiting for the first deploy. Principals with ACLs that the policy does not mention are reported too.',
    remediation: 'Remove the extra bindings (`kafka-acls.sh --remove …`), add the missing ones, or update the intended grants through review.',
    references: [{ title: 'Kafka docs: Authorization and ACLs', url: 'https://kafka.apache.org/documentation/#security_authz' }],
    severity: 'high',
    requires: ['acls'],
  },
  evaluate({ acls }, { policy }) {
    const declared = Object.entries(policy.principals);
    if (declared.length === 0) return notApplicable('no intended grants (`principals`) in readiness.yaml');
    const allows = acls.filter((a) => a.permission === 'ALLOW');
    const results: ResourceResult[] = [];
    for (const [principal, intended] of declared) {
      const mine = allows.filter((a) => a.principal === principal);
      const extra = mine.filter((a) => !intended.some((g) => g.resourceType === a.resourceType && g.operations.some((op) => grants(op, a.operation) || op === a.operation) && intentCovers(g.name, a.patternType, a.resourceName)));
      const missing = intended.flatMap((g) =>
        g.operations.filter((op) => !mine.some((a) => a.resourceType === g.resourceType && grants(a.operation, op) && aclCovers(a.patternType, a.resourceName, g.name))).map((op) => describeIntent(g, op)),
      );
      const res = { kind: 'principal', name: principal };
      const evidence = {
        observed: { extraGrants: extra.map(describeAcl), missingGrants: missing },
        expected: intended.map((g) => `${g.operations.join('+')} on ${g.resourceType}:${g.name}`).join('; '),
        details: { aclsForPrincipal: mine.length },
      };
      if (extra.length) results.push(fail(res, `${extra.length} grant(s) beyond the intended ones (e.g. ${describeAcl(extra[0]!)})${missing.length ? ` and ${missing.length} missing` : ''}`, evidence));
      else if (missing.length) results.push(warn(res, `${missing.length} intended grant(s) missing (e.g. ${missing[0]})`, evidence));
      else results.push(pass(res, 'grants match the intended ones', evidence));
    }
    const known = new Set(declared.map(([p]) => p));
    const undeclared = [...new Set(allows.map((a) => a.principal))].filter((p) => !known.has(p) && p !== 'User:*');
    for (const p of undeclared) {
      const theirs = allows.filter((a) => a.principal === p);
      results.push(warn({ kind: 'principal', name: p }, `${theirs.length} grant(s) for a principal the policy does not declare`, { observed: theirs.map(describeAcl), expected: 'a principals entry for every principal with ACLs' }));
    }
    return results;
  },
});
