import { cluster, defineCheck, pass, warn } from '../../src/sdk.js';

export default defineCheck({
  meta: {
    id: 'acl/client-quotas',
    area: 'acl',
    title: 'Client quotas limit what one client can take',
    failureTitle: 'No client quota limits what one client can take',
    description:
      'Without quotas a single misbehaving producer or a consumer replaying history can saturate broker network and request ' +
      'threads for everyone else. A default quota (for users or client ids) covers clients nobody thought of.',
    remediation: 'Set default and per-service quotas: `kafka-configs.sh --alter --entity-type users --entity-default --add-config producer_byte_rate=…,consumer_byte_rate=…,request_percentage=…`.',
    references: [{ title: 'Kafka docs: Quotas', url: 'https://kafka.apache.org/documentation/#design_quotas' }],
    severity: 'medium',
    requires: ['quotas'],
  },
  evaluate({ quotas }) {
    const defaults = quotas.filter((q) => Object.values(q.entity).some((v) => v === null));
    const evidence = { observed: { entries: quotas.length, defaultEntries: defaults.length }, expected: 'a default quota and quotas for services' };
    if (quotas.length === 0) return [warn(cluster(), 'no client quotas are defined', evidence)];
    if (defaults.length === 0) return [warn(cluster(), `${quotas.length} quota(s) but no default quota for unnamed clients`, evidence, 'low')];
    return [pass(cluster(), `${quotas.length} quota entr${quotas.length === 1 ? 'y' : 'ies'}, including a default`, evidence)];
  },
});
