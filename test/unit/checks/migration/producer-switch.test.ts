import check from '../../../../checks/migration/producer-switch.js';
import { checkCases } from '../../../helpers/check-tester.js';
import { deniedArtifact, paired } from '../../../helpers/migration.js';
import { cfg } from '../../../helpers/snapshot.js';

const brokers = (values: Record<string, string>) => ({ brokerConfigs: { ok: true as const, value: { '1': cfg(values, 'static-broker') } } });
const R = 'producer settings';
checkCases(check, [
  { name: 'same settings: pass', snapshot: paired(brokers({ 'transactional.id.expiration.ms': '604800000' }), brokers({ 'transactional.id.expiration.ms': '604800000' })), expect: [], counts: { pass: 1 } },
  { name: 'transaction setting differs: warn', snapshot: paired(brokers({ 'transactional.id.expiration.ms': '604800000' }), brokers({ 'transactional.id.expiration.ms': '3600000' })), expect: [{ kind: 'cluster', name: R, status: 'warn', severity: 'medium', message: /transactional.id.expiration.ms 604800000 → 3600000/ }] },
  { name: 'open transaction on the source: warn for the topic', snapshot: paired({ ...brokers({}), offsets: { ok: true, value: { orders: { '0': { earliest: '0', latest: '10', stable: '7' }, '1': { earliest: '0', latest: '10', stable: '10' }, '2': { earliest: '0', latest: '10' } } } } as never }, brokers({})), expect: [{ kind: 'topic', name: 'orders', status: 'warn' }] },
  { name: 'source broker configs unreadable: unknown', snapshot: paired({ brokerConfigs: deniedArtifact('DescribeConfigs') }), expect: { status: 'unknown', reason: /source broker configs unavailable/ } },
  { name: 'target broker configs unreadable: unknown', snapshot: paired({}, { brokerConfigs: deniedArtifact('DescribeConfigs') }), expect: { status: 'unknown', missing: ['brokerConfigs'] } },
]);
