import { cluster, defineCheck, fail, pass, warn, type ResourceResult } from '../../src/sdk.js';

export default defineCheck({
  meta: {
    id: 'replication/kraft-quorum',
    area: 'replication',
    title: 'The KRaft controller quorum survives a controller loss',
    failureTitle: 'The KRaft controller quorum does not survive a controller loss',
    description:
      'The controller quorum needs a majority of voters. One voter is a single point of failure; an even number adds no ' +
      'tolerance over one fewer (4 voters tolerate 1 failure, like 3). A voter that lags far behind the leader does not count ' +
      'towards that majority when it is needed.',
    remediation: 'Run 3 (or 5) controllers on separate hosts and zones; investigate a lagging controller (disk, GC, network) before launch.',
    references: [{ title: 'Kafka docs: KRaft — deploying considerations', url: 'https://kafka.apache.org/documentation/#kraft_deployment' }],
    severity: 'high',
    requires: ['quorum', 'cluster', 'apiVersions'],
    // maxFetchAgeMs: followers long-poll the leader continuously (every ~0.5 s), so a few seconds of silence is a voter that is down now.
    defaultOptions: { maxVoterLagOffsets: 10000, maxCaughtUpAgeMs: 30000, maxFetchAgeMs: 5000 },
    optionsSchema: { type: 'object', additionalProperties: false, properties: { maxVoterLagOffsets: { type: 'number', minimum: 0 }, maxCaughtUpAgeMs: { type: 'number', minimum: 0 }, maxFetchAgeMs: { type: 'number', minimum: 0 } } },
    notApplicableOn: {
      redpanda: 'Redpanda has its own Raft controller, not a KRaft quorum',
      msk: 'Amazon MSK manages the controllers and does not expose the quorum',
      warpstream: 'WarpStream has no KRaft controllers',
      confluent: 'Confluent Cloud manages the controllers',
    },
  },
  evaluate({ quorum, cluster: info, apiVersions }, { options, now }) {
    const results: ResourceResult[] = [];
    const n = quorum.voters.length;
    const sizeEvidence = { observed: n, expected: '3 or 5 voters', details: { voters: quorum.voters.map((v) => v.id), leader: quorum.leaderId } };
    if (n <= 1) results.push(fail(cluster('controller quorum'), `${n} voter: losing it stops all metadata changes`, sizeEvidence));
    else if (n % 2 === 0) results.push(warn(cluster('controller quorum'), `${n} voters tolerate no more failures than ${n - 1}`, sizeEvidence));
    else results.push(pass(cluster('controller quorum'), `${n} voters tolerate ${(n - 1) / 2} failure(s)`, sizeEvidence));
    const leader = quorum.voters.find((v) => v.id === quorum.leaderId);
    const listedBrokers = new Set(info.brokers.map((b) => b.id));
    // Combined broker+controller nodes (most voters are also listed brokers): a voter whose broker left the
    // metadata (a clean shutdown unregisters it at once) or did not answer this scan is down now.
    const combined = quorum.voters.filter((v) => listedBrokers.has(v.id)).length * 2 > n;
    for (const v of quorum.voters) {
      if (v.id === quorum.leaderId) continue;
      const res = { kind: 'controller', name: String(v.id) };
      const caughtUp = Number(v.lastCaughtUpTimestamp);
      const fetched = Number(v.lastFetchTimestamp);
      // -1: the voter has not fetched from (or caught up with) the current leader since it was elected.
      if (caughtUp < 0 || Number(v.logEndOffset) < 0) {
        results.push(fail(res, `voter ${v.id} has not caught up with the quorum leader ${quorum.leaderId} since its election (down or unreachable?)`, { observed: { logEndOffset: v.logEndOffset, lastCaughtUpTimestamp: v.lastCaughtUpTimestamp }, expected: 'a voter that fetches from the leader' }));
        continue;
      }
      // A combined broker+controller node that is still in the metadata but did not answer this scan is down now,
      // before the leader notices the missing fetches.
      const unlisted = combined && !listedBrokers.has(v.id);
      const silentBroker = listedBrokers.has(v.id) && !apiVersions.brokers[String(v.id)];
      const fetchAge = fetched >= 0 ? now - fetched : null;
      if (unlisted || silentBroker || (fetchAge !== null && fetchAge > options.maxFetchAgeMs)) {
        const why = unlisted
          ? `node ${v.id} runs broker and controller like the other voters, but its broker is not in the metadata`
          : silentBroker
            ? `node ${v.id} is listed as a broker but did not answer this scan`
            : `no fetch from the quorum leader for ${Math.round(fetchAge! / 100) / 10} s`;
        results.push(fail(res, `voter ${v.id} is down: ${why}; the quorum tolerates ${Math.max(0, Math.floor((n - 1) / 2) - 1)} further failure(s)`, {
          observed: { msSinceLastFetch: fetchAge, answeredThisScan: !silentBroker && !unlisted, listedAsBroker: listedBrokers.has(v.id) },
          expected: `a fetch from the leader within ${options.maxFetchAgeMs} ms`,
        }));
        continue;
      }
      const lag = leader ? Number(BigInt(leader.logEndOffset) - BigInt(v.logEndOffset)) : null;
      const age = now - caughtUp;
      const evidence = { observed: { offsetLag: lag, msSinceCaughtUp: age }, expected: `lag <= ${options.maxVoterLagOffsets} offsets, caught up within ${options.maxCaughtUpAgeMs} ms` };
      const lagging = (lag !== null && lag > options.maxVoterLagOffsets) || age > options.maxCaughtUpAgeMs;
      results.push(lagging ? warn(res, `voter ${v.id} lags the quorum leader ${quorum.leaderId}`, evidence) : pass(res, `voter ${v.id} is caught up`, evidence));
    }
    return results;
  },
});
