// Small builders shared by the per-check tests (on top of makeSnapshot).
import type { AclBinding, ConfigMap, GroupInfo, Snapshot } from '../../src/gather/snapshot.js';
import { cfg, makeSnapshot } from './snapshot.js';

/** The default snapshot with broker 1 only, its config changed by `values` (source static-broker). */
export function withBrokerConfig(values: Record<string, string | null>, source: Parameters<typeof cfg>[1] = 'static-broker'): Snapshot {
  const s = makeSnapshot();
  const base = (s.artifacts.brokerConfigs as { ok: true; value: Record<string, ConfigMap> }).value['1']!;
  s.artifacts.brokerConfigs = { ok: true, value: { '1': { ...base, ...cfg(values, source) } } };
  return s;
}

export function acl(principal: string, operation: string, resourceType = 'TOPIC', resourceName = 'orders', patternType = 'LITERAL', permission = 'ALLOW'): AclBinding {
  return { resourceType, resourceName, patternType, principal, host: '*', operation, permission };
}

/** The name aclResource gives a binding. */
export const aclName = (a: AclBinding) => `${a.principal} ${a.permission} ${a.operation} on ${a.resourceType}:${a.patternType}:${a.resourceName} from ${a.host}`;

export const group = (groupId: string, state = 'Empty'): GroupInfo => ({ groupId, type: 'classic', protocolType: 'consumer', state, coordinator: 1, members: [] });

export const denied = (api: string) => ({ ok: false as const, error: { reason: 'denied' as const, message: `${api} failed with CLUSTER_AUTHORIZATION_FAILED`, api } });

/** A ZooKeeper-mode cluster: brokers offer LeaderAndIsr and no metadata.version feature. */
export function zkSnapshot(): Snapshot {
  const zkBroker = {
    apis: [{ key: 4, name: 'LeaderAndIsr', min: 0, max: 7 }, { key: 0, name: 'Produce', min: 0, max: 9 }],
    supportedFeatures: [],
    finalizedFeatures: [],
    finalizedFeaturesEpoch: null,
  };
  return makeSnapshot({ apiVersions: { ok: true, value: { requestVersion: 3, brokers: { '1': zkBroker } } } });
}
