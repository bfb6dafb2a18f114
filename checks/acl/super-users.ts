import { broker, defineCheck, describeSource, fail, pass, readConfig, unknown, warn } from '../../src/sdk.js';

export default defineCheck({
  meta: {
    id: 'acl/super-users',
    area: 'acl',
    title: 'Super users are few and named',
    failureTitle: 'Super users are many or not named',
    description:
      'Super users bypass every ACL. `User:*` or `User:ANONYMOUS` in `super.users` switches authorization off in practice; ' +
      'a long list means many credentials whose leak is catastrophic.',
    remediation: 'Keep `super.users` to the brokers\' own principal and one break-glass admin; give services ordinary ACLs.',
    references: [{ title: 'Kafka docs: super.users', url: 'https://kafka.apache.org/documentation/#security_authz' }],
    severity: 'critical',
    requires: ['brokerConfigs'],
    judges: [
      { config: 'super.users', scope: 'broker', threshold: 'User:* or User:ANONYMOUS → fail; more than maxSuperUsers (3) → warn (medium)', source: 'Kafka docs super.users; check catalog (h)' },
    ],
    defaultOptions: { maxSuperUsers: 3 },
    optionsSchema: { type: 'object', additionalProperties: false, properties: { maxSuperUsers: { type: 'integer', minimum: 0 } } },
  },
  evaluate({ brokerConfigs }, { options }) {
    const results = [];
    let hidden = 0;
    for (const [id, configs] of Object.entries(brokerConfigs)) {
      const { value, source, present } = readConfig(configs, 'super.users');
      if (!present) continue;
      // Apache Kafka reports authorizer properties it does not define as sensitive, i.e. without a value.
      if (value === null && configs['super.users']?.sensitive) {
        hidden++;
        continue;
      }
      const users = (value ?? '').split(';').map((s) => s.trim()).filter(Boolean);
      const evidence = { observed: users, expected: `named principals, at most ${options.maxSuperUsers}`, config: 'super.users', source, details: { from: describeSource(source) } };
      const open = users.filter((u) => u === 'User:*' || u === 'User:ANONYMOUS');
      if (open.length) results.push(fail(broker(id), `super.users contains ${open.join(', ')}: authorization is bypassed for everyone`, evidence));
      else if (users.length > options.maxSuperUsers) results.push(warn(broker(id), `${users.length} super users (more than ${options.maxSuperUsers})`, evidence, 'medium'));
      else results.push(pass(broker(id), `${users.length} named super user(s)`, evidence));
    }
    if (results.length) return results;
    return unknown(
      hidden
        ? `the brokers hide super.users (Kafka reports authorizer settings it does not define as sensitive); review server.properties on ${hidden} broker(s) by hand`
        : 'super.users is not reported by the brokers',
    );
  },
});
