import { boolConfig, broker, defineCheck, describeSource, fail, pass, readConfig, unknown } from '../../src/sdk.js';

export default defineCheck({
  meta: {
    id: 'acl/allow-everyone-if-no-acl',
    area: 'acl',
    title: 'Resources without ACLs are closed, not open',
    failureTitle: 'Resources without ACLs are open to everyone',
    description:
      'With `allow.everyone.if.no.acl.found=true` any principal may use a topic or group that has no ACL yet — every new ' +
      'topic starts out public until someone remembers to lock it. (MSK turns this on by default; with MSK IAM authentication ' +
      'Kafka ACLs do not govern IAM identities at all.)',
    remediation: 'Set `allow.everyone.if.no.acl.found=false` on every broker after granting the ACLs your clients need.',
    references: [{ title: 'Kafka docs: allow.everyone.if.no.acl.found', url: 'https://kafka.apache.org/documentation/#security_authz' }],
    severity: 'high',
    requires: ['brokerConfigs'],
    judges: [
      { config: 'allow.everyone.if.no.acl.found', scope: 'broker', threshold: 'true → fail', source: 'Kafka docs allow.everyone.if.no.acl.found' },
    ],
  },
  evaluate({ brokerConfigs }) {
    let hidden = 0;
    const results = Object.entries(brokerConfigs).flatMap(([id, configs]) => {
      const reading = readConfig(configs, 'allow.everyone.if.no.acl.found');
      // Apache Kafka reports authorizer properties it does not define as sensitive: set, but value hidden.
      if (reading.present && reading.value === null && configs['allow.everyone.if.no.acl.found']?.sensitive) {
        hidden++;
        return [];
      }
      const open = boolConfig(configs, 'allow.everyone.if.no.acl.found');
      const hasAuthorizer = !!readConfig(configs, 'authorizer.class.name').value;
      if (!hasAuthorizer) return []; // acl/authorizer-enabled already reports the bigger problem
      const evidence = {
        observed: reading.present ? reading.value : '(not reported; Kafka default false)',
        expected: 'false',
        config: 'allow.everyone.if.no.acl.found',
        source: reading.source,
        details: { from: describeSource(reading.source) },
      };
      return open
        ? [fail(broker(id), 'resources without ACLs are open to every principal', evidence)]
        : [pass(broker(id), 'resources without ACLs are denied', evidence)];
    });
    if (results.length === 0 && hidden > 0) {
      return unknown(`the brokers hide allow.everyone.if.no.acl.found (set in server.properties, reported as sensitive); review it on ${hidden} broker(s) by hand`);
    }
    return results;
  },
});
