import check from '../../../../checks/acl/authorizer-enabled.js';
import { checkCases } from '../../../helpers/check-tester.js';
import { denied, withBrokerConfig } from '../../../helpers/builders.js';
import { makeSnapshot } from '../../../helpers/snapshot.js';

checkCases(check, [
  { name: 'passes StandardAuthorizer', snapshot: makeSnapshot(), expect: [] },
  {
    name: 'fails without an authorizer, naming the config and its source',
    snapshot: () => withBrokerConfig({ 'authorizer.class.name': '' }),
    expect: [{ kind: 'broker', name: '1', status: 'fail', severity: 'critical', evidence: { config: 'authorizer.class.name', source: 'static-broker' } }],
  },
  {
    name: 'is unknown (not pass) when broker configs are denied',
    snapshot: () => makeSnapshot({ brokerConfigs: denied('DescribeConfigs') }),
    expect: { status: 'unknown', missing: ['brokerConfigs'], reason: /denied/ },
  },
]);
