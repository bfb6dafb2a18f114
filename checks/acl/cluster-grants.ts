import { aclResource, defineCheck, fail, notApplicable, pass, readConfig } from '../../src/sdk.js';

const POWERFUL = new Set(['ALL', 'ALTER', 'ALTER_CONFIGS', 'CLUSTER_ACTION', 'CREATE', 'IDEMPOTENT_WRITE_ALL']);


export default defineCheck({
  meta: {
    id: 'acl/cluster-grants',
    area: 'acl',
    title: 'Only operators hold powerful grants on the Cluster',
    failureTitle: 'Non-operators hold powerful grants on the Cluster',
    description:
      'ALL, ALTER, ALTER_CONFIGS and CLUSTER_ACTION on the Cluster resource let a principal change ACLs, broker configs and ' +
      'replica placement, or act as a broker. An application principal with them can undo every other control.',
    remediation: 'Remove the Cluster-level grant from application principals; give operators a named admin principal (or super user) instead.',
    references: [{ title: 'Kafka docs: Operations and resources', url: 'https://kafka.apache.org/documentation/#operations_resources_and_protocols' }],
    severity: 'high',
    requires: ['acls', 'brokerConfigs'],
  },
  evaluate({ acls, brokerConfigs }) {
    const supers = new Set(
      Object.values(brokerConfigs).flatMap((c) => (readConfig(c, 'super.users').value ?? '').split(';').map((s) => s.trim()).filter(Boolean)),
    );
    const grants = acls.filter((a) => a.resourceType === 'CLUSTER' && a.permission === 'ALLOW');
    if (grants.length === 0) return notApplicable('no ALLOW ACL bindings on the Cluster resource');
    return grants.map((a) => {
      const res = aclResource(a);
      const evidence = { observed: `${a.principal} ${a.operation}`, expected: 'DESCRIBE / DESCRIBE_CONFIGS / IDEMPOTENT_WRITE only, for non-super principals', details: { superUsers: [...supers] } };
      return POWERFUL.has(a.operation) && !supers.has(a.principal)
        ? fail(res, `${a.principal} (not a super user) may ${a.operation} the Cluster`, evidence)
        : pass(res, `${a.operation} on the Cluster is not a powerful grant, or the principal is a super user`, evidence);
    });
  },
});
