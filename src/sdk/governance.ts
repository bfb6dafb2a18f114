// Governance policy shapes from readiness.yaml (`naming`, `owners`) and the helpers the governance
// checks share. Pure: no I/O.

import { aclsNaming } from './indexes.js';

/** Naming rules for one kind of resource (topics or groups). */
export interface NamingRule {
  /** Globs or /regex/: a name must match at least one (empty = any name). */
  allowed: string[];
  /** Prefixes application names must not start with (e.g. "_", "connect-"). */
  reservedPrefixes: string[];
  /** Longest name allowed (Kafka's own limit for topics is 249). */
  maxLength?: number;
  /** Flag names that differ only in "." vs "_" (they collide in Kafka's metric names). Default true. */
  collisions: boolean;
  /** file:line:col of the rule in readiness.yaml. */
  origin: string;
}

export interface NamingPolicy {
  topics?: NamingRule;
  groups?: NamingRule;
}

/** One `owners` entry: the team that owns the topics/groups matching its patterns, and the principals it runs as. */
export interface OwnerRule {
  owner: string;
  topics: string[];
  groups: string[];
  /** Principals ("User:billing") acting for this owner: writers mapped to one owner are related. */
  principals: string[];
  origin: string;
}

/** Kafka builds metric names with "." replaced by "_": "a.b" and "a_b" share their metrics. */
export function metricName(name: string): string {
  return name.replace(/\./g, '_');
}

/** Why a name breaks a naming rule (empty = it does not). `collidesWith` are other names with the same metric name. */
export function namingViolations(name: string, rule: NamingRule, collidesWith: readonly string[], matches: (name: string, patterns: readonly string[]) => boolean): string[] {
  const out: string[] = [];
  if (rule.allowed.length && !matches(name, rule.allowed)) out.push(`matches none of the allowed patterns (${rule.allowed.join(', ')})`);
  const prefix = rule.reservedPrefixes.find((p) => name.startsWith(p));
  if (prefix !== undefined) out.push(`starts with the reserved prefix "${prefix}"`);
  if (rule.maxLength !== undefined && name.length > rule.maxLength) out.push(`is ${name.length} characters long (at most ${rule.maxLength})`);
  if (rule.collisions && collidesWith.length) out.push(`collides in metric names ("." and "_" are the same there) with ${collidesWith.join(', ')}`);
  return out;
}

/** name → the other names sharing its metric name. */
export function metricCollisions(names: readonly string[]): Map<string, string[]> {
  const byMetric = new Map<string, string[]>();
  for (const n of names) byMetric.set(metricName(n), [...(byMetric.get(metricName(n)) ?? []), n]);
  const out = new Map<string, string[]>();
  for (const n of names) out.set(n, (byMetric.get(metricName(n)) ?? []).filter((o) => o !== n));
  return out;
}

interface AclLike {
  resourceType: string;
  resourceName: string;
  patternType: string;
  principal: string;
  operation: string;
  permission: string;
}

/**
 * The principals an ALLOW ACL lets perform `operation` (or ALL) on the named resource, minus those a DENY for
 * the same operation removes. Wildcard-resource grants (`--topic '*'`) are left out: they give platform-wide
 * access (operators, tools) and say nothing about who owns one topic.
 */
export function principalsAllowed(acls: readonly AclLike[], resourceType: 'TOPIC' | 'GROUP', name: string, operation: 'WRITE' | 'READ'): string[] {
  // Looked up, not scanned: this runs once per topic or group.
  const on = aclsNaming(acls, resourceType, name).filter((a) => a.operation === operation || a.operation === 'ALL');
  const denied = new Set(on.filter((a) => a.permission === 'DENY').map((a) => a.principal));
  return [...new Set(on.filter((a) => a.permission === 'ALLOW' && !denied.has(a.principal)).map((a) => a.principal))].sort();
}

/** The first `owners` rule naming this topic or group. */
export function declaredOwner(rules: readonly OwnerRule[], kind: 'topics' | 'groups', name: string, matches: (name: string, patterns: readonly string[]) => boolean): OwnerRule | undefined {
  return rules.find((r) => matches(name, r[kind]));
}

/** The owner a principal acts for (an `owners` entry listing it), else the principal itself. */
export function ownerOfPrincipal(rules: readonly OwnerRule[], principal: string): string {
  return rules.find((r) => r.principals.includes(principal))?.owner ?? principal;
}

export interface OwnershipVerdict {
  status: 'pass' | 'warn' | 'fail';
  message: string;
  owner: string | null;
  /** Owners (declared, or the principals themselves) of the principals with access. */
  actorOwners: string[];
}

/**
 * Who owns a topic (its writers) or a group (its readers): a declared owner, else the one owner all the
 * principals with access act for. None → fail; several unrelated → fail; a declared owner whose resource is
 * used only by another declared owner's principals → warn.
 */
export function judgeOwnership(rules: readonly OwnerRule[], declared: OwnerRule | undefined, principals: readonly string[], verb: 'write' | 'read with'): OwnershipVerdict {
  const actorOwners = [...new Set(principals.map((p) => ownerOfPrincipal(rules, p)))].sort();
  const declaredName = declared?.owner ?? null;
  if (actorOwners.length > 1) {
    return { status: 'fail', owner: declaredName, actorOwners, message: `principals of ${actorOwners.length} unrelated owners may ${verb} it (${principals.join(', ')})${declaredName ? `; declared owner ${declaredName}` : ''}` };
  }
  if (actorOwners.length === 0) {
    return declaredName
      ? { status: 'warn', owner: declaredName, actorOwners, message: `owned by ${declaredName} (declared), but no principal may ${verb} it` }
      : { status: 'fail', owner: null, actorOwners, message: `no owner: none declared in \`owners\` and no principal may ${verb} it` };
  }
  const only = actorOwners[0]!;
  const mappedElsewhere = declaredName !== null && only !== declaredName && rules.some((r) => r.owner === only && r.principals.length > 0);
  if (mappedElsewhere) return { status: 'warn', owner: declaredName, actorOwners, message: `declared owner ${declaredName}, but only ${only}'s principals may ${verb} it (${principals.join(', ')})` };
  return { status: 'pass', owner: declaredName ?? only, actorOwners, message: declaredName ? `owned by ${declaredName} (declared)` : `owned by ${only} (the only principal that may ${verb} it)` };
}
