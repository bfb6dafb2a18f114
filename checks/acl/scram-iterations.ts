import { defineCheck, fail, notApplicable, pass } from '../../src/sdk.js';

export default defineCheck({
  meta: {
    id: 'acl/scram-iterations',
    area: 'acl',
    title: 'SCRAM credentials use enough iterations',
    failureTitle: 'SCRAM credentials use too few iterations',
    description:
      'SCRAM stores a salted hash computed with N iterations; fewer iterations make an offline guess of a leaked hash cheaper. ' +
      'Kafka accepts 4096 to 16384 (RFC 7677 recommends at least 4096). Only mechanism and iteration count are read — never salts or hashes.',
    remediation: 'Re-create the credential with more iterations: `kafka-configs.sh --alter --add-config \'SCRAM-SHA-512=[iterations=8192,password=…]\' --entity-type users --entity-name <user>`.',
    references: [{ title: 'Kafka docs: SASL/SCRAM', url: 'https://kafka.apache.org/documentation/#security_sasl_scram' }],
    severity: 'high',
    requires: ['scramUsers'],
    defaultOptions: { minIterations: 4096 },
    optionsSchema: { type: 'object', additionalProperties: false, properties: { minIterations: { type: 'integer', minimum: 0 } } },
    notApplicableOn: { msk: 'Amazon MSK stores SCRAM secrets in AWS Secrets Manager and manages iterations' },
  },
  evaluate({ scramUsers }, { options }) {
    const results = scramUsers.flatMap((u) =>
      u.credentials.map((cred) => {
        const res = { kind: 'principal', name: `User:${u.user} (${cred.mechanism})` };
        const evidence = { observed: cred.iterations, expected: `>= ${options.minIterations}` };
        return cred.iterations < options.minIterations ? fail(res, `${cred.iterations} iterations`, evidence) : pass(res, `${cred.iterations} iterations`, evidence);
      }),
    );
    return results.length ? results : notApplicable('no SCRAM credentials are defined');
  },
});
