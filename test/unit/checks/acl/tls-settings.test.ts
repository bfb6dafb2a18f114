import check from '../../../../checks/acl/tls-settings.js';
import { checkCases } from '../../../helpers/check-tester.js';
import { withBrokerConfig } from '../../../helpers/builders.js';

checkCases(check, [
  {
    name: 'warns ssl.client.auth=requested on a TLS listener and an empty endpoint identification algorithm',
    snapshot: () =>
      withBrokerConfig({
        listeners: 'SSL://127.0.0.1:1,SASL_SSL://127.0.0.1:2,PLAINTEXT://127.0.0.1:3',
        'listener.security.protocol.map': 'SSL:SSL,SASL_SSL:SASL_SSL,PLAINTEXT:PLAINTEXT',
        'ssl.client.auth': 'requested',
        'listener.name.sasl_ssl.ssl.client.auth': 'none',
        'ssl.endpoint.identification.algorithm': '',
      }),
    expect: [
      { kind: 'listener', name: 'broker 1 SSL', status: 'warn', severity: 'medium', evidence: { observed: 'requested', config: 'ssl.client.auth' } },
      { kind: 'broker', name: '1', status: 'warn', evidence: { observed: '(empty)', config: 'ssl.endpoint.identification.algorithm' } },
    ],
    counts: { resources: 3, pass: 1 },
  },
  {
    name: 'passes required client auth and https verification',
    snapshot: () => withBrokerConfig({ listeners: 'SSL://127.0.0.1:1', 'listener.security.protocol.map': 'SSL:SSL', 'ssl.client.auth': 'required', 'ssl.endpoint.identification.algorithm': 'https' }),
    expect: [],
    counts: { resources: 2 },
  },
]);
