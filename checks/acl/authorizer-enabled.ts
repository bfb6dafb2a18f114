import { broker, defineCheck, describeSource, fail, pass, readConfig, warn } from '../../src/sdk.js';

const STANDARD = 'org.apache.kafka.metadata.authorizer.StandardAuthorizer';
const ZK_ACL = 'kafka.security.authorizer.AclAuthorizer';

export default defineCheck({
  meta: {
    id: 'acl/authorizer-enabled',
    area: 'acl',
    title: 'An authorizer enforces ACLs',
    failureTitle: 'No authorizer enforces ACLs',
    description:
      'Without `authorizer.class.name` every authenticated (or anonymous) client may read, write and delete every topic. ' +
      'In KRaft mode the authorizer is `StandardAuthorizer`; `AclAuthorizer` stores ACLs in ZooKeeper and does not exist in Kafka 4.x.',
    remediation: `Set \`authorizer.class.name=${STANDARD}\` on every broker and controller, with \`super.users\` for the brokers' own principal.`,
    references: [{ title: 'Kafka docs: Authorization and ACLs', url: 'https://kafka.apache.org/documentation/#security_authz' }],
    severity: 'critical',
    requires: ['brokerConfigs'],
    judges: [
      { config: 'authorizer.class.name', scope: 'broker', threshold: 'empty → fail (critical); AclAuthorizer on KRaft → warn', source: 'Kafka docs authorizer.class.name' },
    ],
  },
  evaluate({ brokerConfigs }) {
    return Object.entries(brokerConfigs).map(([id, configs]) => {
      const { value, source } = readConfig(configs, 'authorizer.class.name');
      const evidence = { observed: value || '(empty)', expected: STANDARD, config: 'authorizer.class.name', source, details: { from: describeSource(source) } };
      if (!value) return fail(broker(id), 'no authorizer configured: ACLs are not enforced', evidence);
      if (value === ZK_ACL) return warn(broker(id), 'AclAuthorizer is the ZooKeeper-mode authorizer, removed in Kafka 4.x', evidence);
      return pass(broker(id), `authorizer ${value.split('.').pop()}`, evidence);
    });
  },
});
