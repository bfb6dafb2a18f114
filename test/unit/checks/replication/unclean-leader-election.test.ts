import check from '../../../../checks/replication/unclean-leader-election.js';
import { checkCases } from '../../../helpers/check-tester.js';
import { denied } from '../../../helpers/builders.js';
import { cfg, makeSnapshot, TOPIC_DEFAULTS } from '../../../helpers/snapshot.js';

const configs = (value: Record<string, ReturnType<typeof cfg>>) => makeSnapshot({ topicConfigs: { ok: true, value } });

checkCases(check, [
  {
    name: 'fails an enabled topic and names where the value came from (topic override)',
    snapshot: () => configs({ orders: cfg(TOPIC_DEFAULTS), risky: cfg({ 'unclean.leader.election.enable': 'true' }, 'topic') }),
    expect: [{ kind: 'topic', name: 'risky', status: 'fail', severity: 'critical', message: 'unclean leader election is enabled (topic override): acknowledged records can be lost' }],
  },
  {
    name: 'fails a value inherited from a broker config',
    snapshot: () => configs({ risky: cfg({ 'unclean.leader.election.enable': 'true' }, 'dynamic-default-broker') }),
    expect: [{ kind: 'topic', name: 'risky', status: 'fail', message: 'unclean leader election is enabled (dynamic cluster-wide default): acknowledged records can be lost', evidence: { source: 'dynamic-default-broker' } }],
  },
  { name: 'passes disabled topics', snapshot: makeSnapshot(), expect: [] },
  { name: 'unknown when topic configs are denied', snapshot: () => makeSnapshot({ topicConfigs: denied('DescribeConfigs') }), expect: { status: 'unknown', missing: ['topicConfigs'] } },
]);
