// Permission awareness: which cluster permissions the scanning principal lacked, what that cost (checks that
// became unknown), and the read-only ACL set that gives a full scan, as kafka-acls.sh commands.

import { ARTIFACT_LIST, type GrantName, READ_GRANTS, type Snapshot } from '../model/snapshot.js';
import type { CheckResult, MissingPermission, PermissionReport } from '../report/model.js';

/** Each grant with the artifacts read under it, from the artifact catalog (src/model/artifacts.ts). */
const GRANTS = (Object.keys(READ_GRANTS) as GrantName[]).map((permission) => ({
  permission,
  grant: READ_GRANTS[permission],
  artifacts: ARTIFACT_LIST.filter((a) => a.grant === permission).map((a): string => a.name),
}));

/** Region and cluster name from MSK broker host names (b-1.<name>.<id>.c2.kafka.<region>.amazonaws.com). */
function mskCluster(hosts: string[]): { region: string; name: string } {
  for (const h of hosts) {
    const m = /^(?:b-\d+\.)?([a-z0-9-]+)\.[a-z0-9]+\.c\d+\.kafka\.([a-z0-9-]+)\.amazonaws\.com(?:\.cn)?$/i.exec(h);
    if (m) return { region: m[2]!.toLowerCase(), name: m[1]! };
    const r = /\.kafka(?:-serverless)?\.([a-z0-9-]+)\.amazonaws\.com(?:\.cn)?$/i.exec(h);
    if (r) return { region: r[1]!.toLowerCase(), name: '*' };
  }
  return { region: '*', name: '*' };
}

/** The read-only scan as an IAM policy document for Amazon MSK IAM access control (JSON, ready to attach). */
export function mskIamPolicy(hosts: string[]): { document: string; resources: Record<'cluster' | 'topic' | 'group', string> } {
  const { region, name } = mskCluster(hosts);
  // Account id and cluster UUID are not visible over the Kafka protocol: "*" there; narrow them when attaching.
  const base = `arn:aws:kafka:${region}:*`;
  const resources = { cluster: `${base}:cluster/${name}/*`, topic: `${base}:topic/${name}/*/*`, group: `${base}:group/${name}/*/*` };
  const actions = (resource: 'cluster' | 'topic' | 'group') => GRANTS.flatMap(({ grant }) => (grant.kind === 'kafka-acl' && grant.iam.resource === resource ? [grant.iam.action] : []));
  const statements = [
    { Sid: 'KafkaReadinessConnect', Effect: 'Allow', Action: ['kafka-cluster:Connect', ...actions('cluster')], Resource: resources.cluster },
    { Sid: 'KafkaReadinessTopics', Effect: 'Allow', Action: actions('topic'), Resource: resources.topic },
    { Sid: 'KafkaReadinessGroups', Effect: 'Allow', Action: actions('group'), Resource: resources.group },
  ];
  return { document: JSON.stringify({ Version: '2012-10-17', Statement: statements }, null, 2), resources };
}

export function permissionReport(snapshot: Snapshot, checks: CheckResult[]): PermissionReport {
  const deniedArtifacts = new Set<string>();
  for (const [name, artifact] of Object.entries(snapshot.artifacts)) {
    if (!artifact.ok && artifact.error.reason === 'denied') deniedArtifacts.add(name);
    if (artifact.ok && artifact.issues?.some((i: { reason: string }) => i.reason === 'denied')) deniedArtifacts.add(name);
  }
  // Lists Kafka filtered by permission (without an error) cost the grant that makes them whole.
  const filteredBy = new Map<string, string>();
  for (const [name, artifact] of Object.entries(snapshot.artifacts)) {
    if (artifact.ok && artifact.visibility?.status === 'possibly-filtered' && artifact.visibility.missingGrant) filteredBy.set(name, artifact.visibility.missingGrant);
  }
  const principal = snapshot.target.principal ? `User:${snapshot.target.principal}` : 'User:ANONYMOUS';
  // MSK IAM: permissions are IAM actions in the scanning identity's policy, not Kafka ACLs.
  const iam = snapshot.target.saslMechanism === 'AWS_MSK_IAM' ? mskIamPolicy(snapshot.target.bootstrap.map((b) => b.replace(/:\d+$/, ''))) : null;
  const missing: MissingPermission[] = [];
  for (const n of GRANTS) {
    const artifacts = [
      ...n.artifacts.filter((a) => deniedArtifacts.has(a) && !filteredBy.has(a)),
      ...[...filteredBy].filter(([, grant]) => grant === n.permission).map(([a]) => a),
    ];
    if (artifacts.length) {
      missing.push({
        permission: n.permission,
        artifacts,
        checks: checks.filter((c) => c.missing?.some((m) => artifacts.includes(m.artifact)) || c.partial?.some((p) => artifacts.some((a) => p.startsWith(`${a}:`)))).map((c) => c.id),
      });
    }
  }
  // The read-only ACL set: Kafka grants only (an AWS grant has no kafka-acls.sh command; it is named in `missing`).
  const readOnlyAcls = GRANTS.flatMap(({ permission, grant }) =>
    grant.kind === 'kafka-acl'
      ? [
          {
            permission,
            command: iam
              ? `IAM policy: Allow ${grant.iam.action} on ${iam.resources[grant.iam.resource]}`
              : `kafka-acls.sh --bootstrap-server <bootstrap> --command-config <admin.properties> --add --allow-principal '${principal}' --operation ${grant.operation} ${grant.selector}`,
            missing: missing.some((m) => m.permission === permission),
          },
        ]
      : [],
  );
  return { principal: snapshot.target.principal ? principal : null, missing, readOnlyAcls, ...(iam ? { iamPolicy: iam.document } : {}) };
}
