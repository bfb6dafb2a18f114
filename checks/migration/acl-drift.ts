import { type AclBinding, defineCheck, fail, mapTopicName, type NameMapping, pass, unknown, warn } from '../../src/sdk.js';

/** Operations an ALLOW binding implies, as Kafka's authorizer reads them. */
const IMPLIES: Record<string, string[]> = {
  ALL: ['*'],
  READ: ['DESCRIBE'],
  WRITE: ['DESCRIBE'],
  DELETE: ['DESCRIBE'],
  ALTER: ['DESCRIBE'],
  ALTER_CONFIGS: ['DESCRIBE_CONFIGS'],
};

function targetName(mapping: NameMapping, a: AclBinding): string {
  // Topic names move with the replication policy (a prefixed pattern keeps its prefix meaning); group and
  // transactional ids keep their names.
  if (a.resourceType !== 'TOPIC' || a.resourceName === '*') return a.resourceName;
  return mapTopicName(mapping, a.resourceName);
}

function covers(t: AclBinding, want: AclBinding, name: string): boolean {
  if (t.permission !== 'ALLOW' || t.resourceType !== want.resourceType) return false;
  if (t.principal !== want.principal && t.principal !== 'User:*') return false;
  if (t.host !== '*' && t.host !== want.host) return false;
  if (t.operation !== want.operation && !(IMPLIES[t.operation] ?? []).some((o) => o === '*' || o === want.operation)) return false;
  if (t.resourceName === '*' && t.patternType === 'LITERAL') return true;
  if (t.patternType === 'PREFIXED') return name.startsWith(t.resourceName);
  return t.patternType === want.patternType && t.resourceName === name;
}

const describe = (a: AclBinding, name: string) => `${a.operation} on ${a.resourceType}:${a.patternType}:${name}${a.host !== '*' ? ` from ${a.host}` : ''}`;

export default defineCheck({
  meta: {
    id: 'migration/acl-drift',
    area: 'migration',
    title: 'Every principal can do on the target what it can do on the source',
    failureTitle: 'A principal can do on the source what it cannot do on the target',
    description:
      'ACLs are cluster state MirrorMaker 2 carries only partly: with `sync.topic.acls.enabled` it copies topic READ ' +
      'grants (WRITE never, ALL becomes READ) and no group, cluster or transactional-id grant. A service switched to a ' +
      'target without its grants fails with TOPIC_AUTHORIZATION_FAILED or GROUP_AUTHORIZATION_FAILED at the worst moment. ' +
      'Per principal, every ALLOW binding on the source is looked for on the target (topic names mapped by the replication ' +
      'policy; ALL, wildcard names, prefixed patterns and `User:*` on the target count); DENY bindings missing on the ' +
      'target make it more permissive.',
    remediation:
      'Create the missing bindings on the target before the switch, e.g. `kafka-acls.sh --bootstrap-server <target> --add --allow-principal <principal> --operation <op> --topic <target topic>`; ' +
      'keep both clusters\' ACLs under the same configuration management.',
    references: [
      { title: 'Kafka docs: Authorization and ACLs', url: 'https://kafka.apache.org/documentation/#security_authz' },
      { title: 'Kafka docs: MirrorMaker 2 ACL sync', url: 'https://kafka.apache.org/documentation/#georeplication-config-syncs' },
    ],
    severity: 'high',
    requires: ['migration', 'acls'],
  },
  evaluate({ migration, acls }) {
    const src = migration.source.acls;
    if (!src.ok) return unknown(`source ACLs unavailable (${src.error.message})`);
    const byPrincipal = new Map<string, AclBinding[]>();
    for (const a of src.value) byPrincipal.set(a.principal, [...(byPrincipal.get(a.principal) ?? []), a]);
    const results = [];
    for (const [principal, bindings] of [...byPrincipal].sort(([a], [b]) => a.localeCompare(b))) {
      const missing: string[] = [];
      const missingDeny: string[] = [];
      for (const b of bindings) {
        const name = targetName(migration.mapping, b);
        if (b.permission === 'DENY') {
          const same = acls.some((t) => t.permission === 'DENY' && t.principal === b.principal && t.operation === b.operation && t.resourceType === b.resourceType && t.patternType === b.patternType && t.resourceName === name && t.host === b.host);
          if (!same) missingDeny.push(describe(b, name));
        } else if (!acls.some((t) => covers(t, b, name))) {
          missing.push(describe(b, name));
        }
      }
      const resource = { kind: 'principal', name: principal };
      const evidence = { observed: { missingOnTarget: missing, denyMissingOnTarget: missingDeny }, expected: 'every source grant of the principal also on the target', details: { sourceBindings: bindings.length } };
      if (missing.length) results.push(fail(resource, `${principal} lacks ${missing.length} grant(s) on the target it has on the source: ${missing.slice(0, 3).join('; ')}${missing.length > 3 ? '; …' : ''}`, evidence));
      else if (missingDeny.length) results.push(warn(resource, `${principal} has ${missingDeny.length} DENY binding(s) on the source the target lacks: ${missingDeny.slice(0, 3).join('; ')}`, evidence));
      else results.push(pass(resource, `${principal}: all ${bindings.length} source binding(s) are matched on the target`));
    }
    return results;
  },
});
