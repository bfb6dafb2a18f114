import { broker, defineCheck, pass, readConfig, warn, type ResourceResult } from '../../src/sdk.js';

export default defineCheck({
  meta: {
    id: 'acl/tls-settings',
    area: 'acl',
    title: 'TLS listeners authenticate both ends',
    failureTitle: 'TLS listeners do not authenticate both ends',
    description:
      'On an SSL listener, `ssl.client.auth=requested` accepts clients without a certificate as `User:ANONYMOUS`, which ' +
      'is neither encrypted-and-anonymous by design nor mutual TLS. An empty `ssl.endpoint.identification.algorithm` ' +
      'turns off host-name verification for the broker\'s own TLS connections, allowing a man in the middle.',
    remediation: 'Use `ssl.client.auth=required` on mTLS listeners (or `none` where SASL authenticates), and keep `ssl.endpoint.identification.algorithm=https`.',
    references: [{ title: 'Kafka docs: Encryption and authentication using SSL', url: 'https://kafka.apache.org/documentation/#security_ssl' }],
    severity: 'medium',
    requires: ['brokerConfigs'],
    judges: [
      { config: 'ssl.client.auth', scope: 'broker', threshold: 'requested → warn', source: 'Kafka docs ssl.client.auth' },
      { config: 'ssl.endpoint.identification.algorithm', scope: 'broker', threshold: 'empty → warn', source: 'Kafka docs ssl.endpoint.identification.algorithm' },
    ],
  },
  evaluate({ brokerConfigs }) {
    const results: ResourceResult[] = [];
    for (const [id, configs] of Object.entries(brokerConfigs)) {
      const listeners = readConfig(configs, 'listeners').value ?? '';
      const map = readConfig(configs, 'listener.security.protocol.map').value ?? '';
      const protocols = new Map(map.split(',').map((p) => p.split(':').map((x) => x.trim().toUpperCase()) as [string, string]));
      const tlsListeners = listeners
        .split(',')
        .map((l) => (l.split('://')[0] ?? '').trim().toUpperCase())
        .filter((n) => ['SSL', 'SASL_SSL'].includes(protocols.get(n) ?? n));
      for (const name of tlsListeners) {
        const key = `listener.name.${name.toLowerCase()}.ssl.client.auth`;
        const perListener = readConfig(configs, key);
        const { value, source } = perListener.present && perListener.value ? perListener : readConfig(configs, 'ssl.client.auth');
        const res = { kind: 'listener', name: `broker ${id} ${name}` };
        const evidence = { observed: value ?? 'none', expected: 'required (mTLS) or none', config: perListener.present && perListener.value ? key : 'ssl.client.auth', source };
        results.push(value === 'requested' ? warn(res, 'client certificates are requested but not required: clients without one connect as ANONYMOUS', evidence) : pass(res, `ssl.client.auth=${value ?? 'none'}`, evidence));
      }
      const eia = readConfig(configs, 'ssl.endpoint.identification.algorithm');
      if (eia.present) {
        const evidence = { observed: eia.value === '' || eia.value === null ? '(empty)' : eia.value, expected: 'https', config: 'ssl.endpoint.identification.algorithm', source: eia.source };
        results.push(!eia.value ? warn(broker(id), 'host-name verification is off for the broker\'s TLS connections', evidence) : pass(broker(id), `host-name verification ${eia.value}`, evidence));
      }
    }
    return results;
  },
});
