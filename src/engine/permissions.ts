// Permission awareness: which cluster permissions the scanning principal lacked, what that cost (checks that
// became unknown), and the read-only ACL set that gives a full scan, as kafka-acls.sh commands.

import type { Snapshot } from '../gather/snapshot.js';
import type { CheckResult, MissingPermission, PermissionReport } from '../report/model.js';

interface Needed {
  permission: string;
  /** kafka-acls.sh resource selector */
  selector: string;
  operation: string;
  artifacts: string[];
}

// From the Kafka ACL docs (operations and the requests they allow) and what each artifact sends.
const READ_ONLY_SCAN: Needed[] = [
  { permission: 'DESCRIBE on Cluster', selector: '--cluster', operation: 'DESCRIBE', artifacts: ['cluster', 'acls', 'logDirs', 'quorum', 'scramUsers'] },
  { permission: 'DESCRIBE_CONFIGS on Cluster', selector: '--cluster', operation: 'DESCRIBE_CONFIGS', artifacts: ['brokerConfigs', 'quotas'] },
  { permission: "DESCRIBE on Topic '*'", selector: "--topic '*'", operation: 'DESCRIBE', artifacts: ['topics', 'offsets'] },
  { permission: "DESCRIBE_CONFIGS on Topic '*'", selector: "--topic '*'", operation: 'DESCRIBE_CONFIGS', artifacts: ['topicConfigs'] },
  { permission: "DESCRIBE on Group '*'", selector: "--group '*'", operation: 'DESCRIBE', artifacts: ['groups', 'groupOffsets'] },
];

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
  const missing: MissingPermission[] = [];
  const readOnlyAcls = READ_ONLY_SCAN.map((n) => {
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
    return {
      permission: n.permission,
      command: `kafka-acls.sh --bootstrap-server <bootstrap> --command-config <admin.properties> --add --allow-principal '${principal}' --operation ${n.operation} ${n.selector}`,
      missing: artifacts.length > 0,
    };
  });
  return { principal: snapshot.target.principal ? principal : null, missing, readOnlyAcls };
}
