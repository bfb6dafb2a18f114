import { describe, expect, it } from 'vitest';
import kraftQuorum from '../../../checks/replication/kraft-quorum.js';
import type { QuorumVoter } from '../../../src/gather/snapshot.js';
import { makeSnapshot } from '../../helpers/snapshot.js';
import { findingFor, runCheck } from '../../helpers/run-check.js';

const now = Date.parse('2026-11-22T12:00:00.000Z');
const voter = (id: number, fetchedMsAgo: number, caughtUpMsAgo = fetchedMsAgo): QuorumVoter => ({ id, logEndOffset: '100', lastFetchTimestamp: String(now - fetchedMsAgo), lastCaughtUpTimestamp: String(now - caughtUpMsAgo) });
const quorum = (voters: QuorumVoter[]) => ({ ok: true as const, value: { leaderId: 1, leaderEpoch: 3, highWatermark: '100', voters, observers: [] } });

describe('replication/kraft-quorum: a voter that is down now is reported now', () => {
  it('fails a voter that stopped fetching a few seconds ago (not only after 30 s)', () => {
    const r = runCheck(kraftQuorum, makeSnapshot({ quorum: quorum([voter(1, 0), voter(2, 200), voter(3, 6000)]) }));
    expect(findingFor(r, '3')).toMatchObject({ status: 'fail', resource: { kind: 'controller' }, evidence: { observed: { msSinceLastFetch: 6000, answeredThisScan: true, listedAsBroker: true } } });
    expect(findingFor(r, '3')!.message).toMatch(/voter 3 is down: no fetch from the quorum leader for 6 s; the quorum tolerates 0 further failure/);
    expect(findingFor(r, '2')).toBeUndefined();
  });

  it('fails a combined broker+controller that is still listed but did not answer this scan, even with a fresh fetch time', () => {
    const s = makeSnapshot({ quorum: quorum([voter(1, 0), voter(2, 0), voter(3, 300)]) });
    if (s.artifacts.apiVersions.ok) delete s.artifacts.apiVersions.value.brokers['3'];
    const f = findingFor(runCheck(kraftQuorum, s), '3')!;
    expect(f.status).toBe('fail');
    expect(f.message).toMatch(/node 3 is listed as a broker but did not answer this scan/);
  });

  it('fails a combined node whose broker left the metadata (clean shutdown), although its last fetch is fresh', () => {
    const s = makeSnapshot({ quorum: quorum([voter(1, 0), voter(2, 0), voter(3, 500)]) });
    if (s.artifacts.cluster.ok) s.artifacts.cluster.value.brokers = s.artifacts.cluster.value.brokers.filter((b) => b.id !== 3);
    expect(findingFor(runCheck(kraftQuorum, s), '3')).toMatchObject({ status: 'fail', message: expect.stringMatching(/its broker is not in the metadata/) });
  });

  it('does not treat dedicated controllers (not brokers) as missing brokers', () => {
    const s = makeSnapshot({ quorum: quorum([voter(11, 0), voter(12, 100), voter(13, 300)]) });
    s.artifacts.quorum.ok && (s.artifacts.quorum.value.leaderId = 11);
    expect(runCheck(kraftQuorum, s).status).toBe('pass');
  });

  it('passes fresh voters and keeps lagging-but-alive voters a warning', () => {
    expect(runCheck(kraftQuorum, makeSnapshot({ quorum: quorum([voter(1, 0), voter(2, 400), voter(3, 100)]) })).status).toBe('pass');
    const lagging = runCheck(kraftQuorum, makeSnapshot({ quorum: quorum([voter(1, 0), voter(2, 0), voter(3, 100, 120_000)]) }));
    expect(findingFor(lagging, '3')!.status).toBe('warn');
  });

  it('takes the threshold from options', () => {
    const r = runCheck(kraftQuorum, makeSnapshot({ quorum: quorum([voter(1, 0), voter(2, 0), voter(3, 6000)]) }), { options: { maxFetchAgeMs: 10_000 } });
    expect(r.status).toBe('pass');
  });
});
