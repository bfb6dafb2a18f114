import check from '../../../../checks/replication/kraft-quorum.js';
import type { QuorumVoter, Snapshot } from '../../../../src/gather/snapshot.js';
import { checkCases } from '../../../helpers/check-tester.js';
import { denied } from '../../../helpers/builders.js';
import { makeSnapshot } from '../../../helpers/snapshot.js';

const now = Date.parse('2026-11-22T12:00:00.000Z');
/** A voter that fetched `fetchedMsAgo` and caught up `caughtUpMsAgo` before the snapshot, at log end `leo`. */
const voter = (id: number, fetchedMsAgo: number, caughtUpMsAgo = fetchedMsAgo, leo = '100'): QuorumVoter => ({ id, logEndOffset: leo, lastFetchTimestamp: String(now - fetchedMsAgo), lastCaughtUpTimestamp: String(now - caughtUpMsAgo) });
const quorum = (voters: QuorumVoter[], leaderId = 1) => makeSnapshot({ quorum: { ok: true, value: { leaderId, leaderEpoch: 3, highWatermark: '100', voters, observers: [] } } });
const edit = (s: Snapshot, f: (s: Snapshot) => void) => (f(s), s);
const Q = 'controller quorum';

checkCases(check, [
  { name: 'passes 3 caught-up voters', snapshot: () => quorum([voter(1, 0), voter(2, 400), voter(3, 100, 100, '99')]), expect: [], counts: { resources: 3, pass: 3 } },
  { name: 'fails a single voter', snapshot: () => quorum([voter(1, 0)]), expect: [{ kind: 'cluster', name: Q, status: 'fail', severity: 'high', message: '1 voter: losing it stops all metadata changes' }] },
  { name: 'warns an even number of voters', snapshot: () => quorum([voter(1, 0), voter(2, 0)]), expect: [{ kind: 'cluster', name: Q, status: 'warn', message: '2 voters tolerate no more failures than 1' }] },
  {
    name: 'warns a voter far behind the leader that still fetches',
    snapshot: () => quorum([voter(1, 0, 0, '50000'), voter(2, 0, 0, '50000'), voter(3, 0, 600_000, '10')]),
    expect: [{ kind: 'controller', name: '3', status: 'warn', message: 'voter 3 lags the quorum leader 1', evidence: { observed: { offsetLag: 49990, msSinceCaughtUp: 600000 } } }],
  },
  { name: 'warns a voter not caught up for longer than maxCaughtUpAgeMs', snapshot: () => quorum([voter(1, 0), voter(2, 0), voter(3, 100, 120_000)]), expect: [{ kind: 'controller', name: '3', status: 'warn' }] },
  {
    // The message says why the voter counts as down now (not only after the leader's 30 s timeout).
    name: 'fails a voter that stopped fetching a few seconds ago',
    snapshot: () => quorum([voter(1, 0), voter(2, 200), voter(3, 6000)]),
    expect: [
      {
        kind: 'controller',
        name: '3',
        status: 'fail',
        message: 'voter 3 is down: no fetch from the quorum leader for 6 s; the quorum tolerates 0 further failure(s)',
        evidence: { observed: { msSinceLastFetch: 6000, answeredThisScan: true, listedAsBroker: true } },
      },
    ],
  },
  { name: 'takes the fetch-age threshold from options', snapshot: () => quorum([voter(1, 0), voter(2, 0), voter(3, 6000)]), options: { maxFetchAgeMs: 10_000 }, expect: [] },
  {
    name: 'fails a combined node listed as a broker that did not answer this scan, although its fetch is fresh',
    snapshot: () => edit(quorum([voter(1, 0), voter(2, 0), voter(3, 300)]), (s) => s.artifacts.apiVersions.ok && delete s.artifacts.apiVersions.value.brokers['3']),
    expect: [{ kind: 'controller', name: '3', status: 'fail', message: 'voter 3 is down: node 3 is listed as a broker but did not answer this scan; the quorum tolerates 0 further failure(s)', evidence: { observed: { answeredThisScan: false, listedAsBroker: true } } }],
  },
  {
    name: 'fails a combined node whose broker left the metadata (clean shutdown), although its fetch is fresh',
    snapshot: () => edit(quorum([voter(1, 0), voter(2, 0), voter(3, 500)]), (s) => s.artifacts.cluster.ok && (s.artifacts.cluster.value.brokers = s.artifacts.cluster.value.brokers.filter((b) => b.id !== 3))),
    expect: [{ kind: 'controller', name: '3', status: 'fail', message: 'voter 3 is down: node 3 runs broker and controller like the other voters, but its broker is not in the metadata; the quorum tolerates 0 further failure(s)' }],
  },
  {
    name: 'fails a voter that has not caught up since the election (-1 timestamps)',
    snapshot: () => quorum([voter(1, 0), voter(2, 0), { id: 3, logEndOffset: '-1', lastFetchTimestamp: '-1', lastCaughtUpTimestamp: '-1' }]),
    expect: [{ kind: 'controller', name: '3', status: 'fail', message: 'voter 3 has not caught up with the quorum leader 1 since its election (down or unreachable?)' }],
  },
  { name: 'does not treat dedicated controllers (not brokers) as missing brokers', snapshot: () => quorum([voter(11, 0), voter(12, 100), voter(13, 300)], 11), expect: [], counts: { resources: 3, pass: 3 } },
  { name: 'is not applicable on Amazon MSK', snapshot: makeSnapshot(), configure: (c) => void (c.platform = 'msk'), expect: { status: 'not-applicable', reason: /^msk: Amazon MSK manages the controllers/ } },
  { name: 'unknown when the quorum could not be described', snapshot: () => makeSnapshot({ quorum: denied('DescribeQuorum') }), expect: { status: 'unknown', missing: ['quorum'] } },
]);
