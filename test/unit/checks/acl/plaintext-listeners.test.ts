import check from '../../../../checks/acl/plaintext-listeners.js';
import { checkCases } from '../../../helpers/check-tester.js';
import { withBrokerConfig } from '../../../helpers/builders.js';
import { makeSnapshot } from '../../../helpers/snapshot.js';

checkCases(check, [
  { name: 'passes SASL_SSL with a controller listener', snapshot: makeSnapshot(), expect: [] },
  {
    name: 'fails PLAINTEXT and SASL_PLAINTEXT (critical with PLAIN), ignores the controller listener',
    snapshot: () =>
      withBrokerConfig({
        listeners: 'PLAINTEXT://127.0.0.1:1,SASL_PLAINTEXT://127.0.0.1:2,SSL://127.0.0.1:3,CONTROLLER://127.0.0.1:4',
        'listener.security.protocol.map': 'PLAINTEXT:PLAINTEXT,SASL_PLAINTEXT:SASL_PLAINTEXT,SSL:SSL,CONTROLLER:PLAINTEXT',
        'sasl.enabled.mechanisms': 'SCRAM-SHA-512,PLAIN',
      }),
    expect: [
      { kind: 'listener', name: 'broker 1 PLAINTEXT', status: 'fail' },
      { kind: 'listener', name: 'broker 1 SASL_PLAINTEXT', status: 'fail', severity: 'critical' },
    ],
    counts: { resources: 3, pass: 1 },
  },
]);
