import { defineCheck, fail, pass, readConfig, type ResourceResult } from '../../src/sdk.js';

/** Parses `listeners` with `listener.security.protocol.map` into name → protocol. */
function listenerProtocols(listeners: string, map: string | null): { name: string; protocol: string; address: string }[] {
  const protocolOf = new Map<string, string>();
  for (const pair of (map ?? '').split(',')) {
    const [name, proto] = pair.split(':').map((s) => s.trim());
    if (name && proto) protocolOf.set(name.toUpperCase(), proto.toUpperCase());
  }
  return listeners
    .split(',')
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => {
      const name = (l.split('://')[0] ?? '').toUpperCase();
      return { name, protocol: protocolOf.get(name) ?? name, address: l.split('://')[1] ?? '' };
    });
}

export default defineCheck({
  meta: {
    id: 'acl/plaintext-listeners',
    area: 'acl',
    title: 'Client listeners encrypt traffic',
    failureTitle: 'Client listeners send traffic unencrypted',
    description:
      'On a PLAINTEXT listener clients are anonymous and records travel unencrypted; on SASL_PLAINTEXT the records (and, with ' +
      'the PLAIN mechanism, the passwords) cross the network in clear text. Personal data in service events must be encrypted in transit.',
    remediation: 'Serve clients on SSL or SASL_SSL listeners only; remove PLAINTEXT/SASL_PLAINTEXT from `listeners` or bind them to loopback for local tooling.',
    references: [{ title: 'Kafka docs: Encryption and authentication using SSL', url: 'https://kafka.apache.org/documentation/#security_ssl' }],
    severity: 'high',
    requires: ['brokerConfigs'],
    judges: [
      { config: 'listeners', scope: 'broker', threshold: 'a PLAINTEXT or SASL_PLAINTEXT client listener → fail', source: 'Kafka docs security (encryption in transit)' },
      { config: 'listener.security.protocol.map', scope: 'broker', threshold: 'maps listener names to the protocols judged above', source: 'Kafka docs listener.security.protocol.map' },
      { config: 'sasl.enabled.mechanisms', scope: 'broker', threshold: 'PLAIN on SASL_PLAINTEXT → fail (passwords in clear)', source: 'Kafka docs SASL/PLAIN (passwords in clear)' },
      { config: 'controller.listener.names', scope: 'broker', threshold: 'controller listeners are not client listeners', source: 'Kafka docs controller.listener.names' },
    ],
  },
  evaluate({ brokerConfigs }) {
    const results: ResourceResult[] = [];
    for (const [id, configs] of Object.entries(brokerConfigs)) {
      const listeners = readConfig(configs, 'listeners').value;
      if (!listeners) continue;
      const controllers = new Set((readConfig(configs, 'controller.listener.names').value ?? '').split(',').map((s) => s.trim().toUpperCase()));
      const map = readConfig(configs, 'listener.security.protocol.map').value;
      const mechanisms = (readConfig(configs, 'sasl.enabled.mechanisms').value ?? '').toUpperCase();
      for (const l of listenerProtocols(listeners, map)) {
        if (controllers.has(l.name)) continue;
        const res = { kind: 'listener', name: `broker ${id} ${l.name}` };
        const evidence = { observed: `${l.name} (${l.protocol}) ${l.address}`, expected: 'SSL or SASL_SSL', config: 'listeners', source: readConfig(configs, 'listeners').source };
        if (l.protocol === 'PLAINTEXT') results.push(fail(res, `${l.address} (PLAINTEXT): clients are unauthenticated and traffic is unencrypted`, evidence));
        else if (l.protocol === 'SASL_PLAINTEXT')
          results.push(fail(res, `${l.address} (SASL_PLAINTEXT): records${mechanisms.split(',').includes('PLAIN') ? ' and PLAIN passwords' : ''} travel in clear text`, evidence, mechanisms.split(',').includes('PLAIN') ? 'critical' : 'high'));
        else results.push(pass(res, `listener ${l.name} uses ${l.protocol}`, evidence));
      }
    }
    return results;
  },
});
