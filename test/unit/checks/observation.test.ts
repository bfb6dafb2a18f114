import { describe, expect, it } from 'vitest';
import burrowStatus from '../../../checks/consumer-lag/burrow-status.js';
import emptyGroupLag from '../../../checks/consumer-lag/empty-group-lag.js';
import hangingTransactions from '../../../checks/consumer-lag/hanging-transactions.js';
import rebalancingGroups from '../../../checks/consumer-lag/rebalancing-groups.js';
import timeLag from '../../../checks/consumer-lag/time-lag.js';
import timeToDataLoss from '../../../checks/consumer-lag/time-to-data-loss.js';
import idleTopics from '../../../checks/cost/idle-topics.js';
import type { GroupInfo, OffsetSample } from '../../../src/gather/snapshot.js';
import { samples, T0 } from '../../helpers/builders-observe.js';
import { burrowPartitionStatus, estimateTimeLagMs, ingressRate, lagSeries, logEndSeries, sampleTime } from '../../../src/sdk.js';
import { cfg, makeSnapshot, TOPIC_DEFAULTS, topicInfo } from '../../helpers/snapshot.js';
import { findingFor, runCheck } from '../../helpers/run-check.js';


const g = (groupId: string, members = 0): GroupInfo => ({ groupId, type: 'classic', protocolType: 'consumer', state: members ? 'Stable' : 'Empty', coordinator: 1, members: Array.from({ length: members }, (_, i) => ({ memberId: `m${i}`, clientId: 'c', clientHost: '/127.0.0.1', assignment: null })) });

function snap(s: OffsetSample[], groups: GroupInfo[], configs: Record<string, string> = TOPIC_DEFAULTS) {
  return makeSnapshot({
    topics: { ok: true, value: [topicInfo('t', [{ replicas: [1, 2, 3] }])] },
    topicConfigs: { ok: true, value: { t: cfg(configs) } },
    groups: { ok: true, value: groups },
    samples: { ok: true, value: s },
  });
}

describe('Burrow rules', () => {
  const pts = (committed: number[], latest: number[]) => lagSeries(samples(latest, { x: committed }), 'x', 't', '0');
  it('classifies OK, WARN, STALL, STOP and REWIND', () => {
    expect(burrowPartitionStatus(pts([10, 20, 30], [30, 30, 30]), true)).toBe('OK'); // caught up
    expect(burrowPartitionStatus(pts([10, 20, 30], [50, 70, 90]), true)).toBe('WARN'); // lag 40 → 50 → 60
    expect(burrowPartitionStatus(pts([10, 10, 10], [50, 70, 90]), true)).toBe('STALL');
    expect(burrowPartitionStatus(pts([10, 10, 10], [50, 70, 90]), false)).toBe('STOP');
    expect(burrowPartitionStatus(pts([30, 10, 20], [50, 70, 90]), true)).toBe('REWIND');
    expect(burrowPartitionStatus(pts([10, 40, 80], [60, 80, 90]), true)).toBe('OK'); // lag 50 → 40 → 10
    expect(burrowPartitionStatus(pts([10], [60]), true)).toBeNull();
  });
  it('measures ingress and estimates time lag by interpolation or extrapolation', () => {
    const s = samples([100, 200, 300], { x: [150, 150, 150] });
    expect(ingressRate(s, 't')).toBe(10); // 200 records in 20 s
    expect(estimateTimeLagMs(s, 't', '0', 150n)).toBe(15_000); // log end passed 150 halfway between samples 0 and 1
    expect(estimateTimeLagMs(s, 't', '0', 50n)).toBe(25_000); // 50 records before the window at 10/s
    expect(estimateTimeLagMs(s, 't', '0', 300n)).toBe(0);
  });
});

describe('shared indexes over the samples', () => {
  it('parses each partition\'s log-end series once and shares it; a partition\'s ingress ignores its neighbours', () => {
    const s = samples([100, 200, 400], {});
    for (const x of s) x.offsets.t!['1'] = { earliest: '0', latest: '5' };
    const a = logEndSeries(s, 't', '0');
    expect(logEndSeries(s, 't', '0')).toBe(a);
    expect(a.map((p) => [p.at - T0, p.latest])).toEqual([[0, 100n], [10_000, 200n], [20_000, 400n]]);
    expect(sampleTime(s[1]!)).toBe(T0 + 10_000);
    expect(ingressRate(s, 't', '0')).toBe(15);
    expect(ingressRate(s, 't', '1')).toBe(0);
    expect(ingressRate(s, 't')).toBe(15);
  });
});

describe('observation checks', () => {
  it('burrow-status gives each group its worst partition status, and needs --observe', () => {
    const s = samples([50, 70, 90], { fine: [50, 70, 90], stopped: [10, 10, 10] }, { fine: 1 });
    const r = runCheck(burrowStatus, snap(s, [g('fine', 1), g('stopped')]));
    expect(findingFor(r, 'fine')).toBeUndefined();
    expect(findingFor(r, 'stopped')).toMatchObject({ status: 'fail', evidence: { observed: 'STOP' } });
    expect(runCheck(burrowStatus, snap(s.slice(0, 1), [g('fine', 1)])).status).toBe('not-applicable');
  });
  it('time-lag and time-to-data-loss use the estimated age of the next record', () => {
    // 10 records/s; the stopped group sits 3000 records (≈ 5 min) behind; retention 6 min → about 1 min left.
    const s = samples([10_000, 10_100, 10_200], { stopped: [7200, 7200, 7200] });
    const lag = runCheck(timeLag, snap(s, [g('stopped')]), { options: { warnMs: 60_000, failMs: 600_000 } });
    expect(findingFor(lag, 'stopped')?.status).toBe('warn');
    const loss = runCheck(timeToDataLoss, snap(s, [g('stopped')], { ...TOPIC_DEFAULTS, 'retention.ms': '360000' }));
    expect(findingFor(loss, 'stopped')).toMatchObject({ status: 'fail', severity: 'critical' });
  });
  it('hanging-transactions fails a last stable offset that never moves', () => {
    const stuck = samples([100, 120, 140], {}, {}, [90, 90, 90]);
    expect(runCheck(hangingTransactions, snap(stuck, [])).findings[0]).toMatchObject({ resource: { name: 't-0' }, status: 'fail' });
    const moving = samples([100, 120, 140], {}, {}, [90, 110, 130]);
    expect(runCheck(hangingTransactions, snap(moving, [])).findings[0]?.status).toBe('warn');
    const none = samples([100, 120], {}, {}, [100, 120]);
    expect(runCheck(hangingTransactions, snap(none, [])).status).toBe('pass');
  });
  it('rebalancing-groups fails a group rebalancing in every sample', () => {
    const s = samples([1, 2, 3], { busy: [1, 1, 1] }, { busy: 2 }, undefined, { busy: ['PreparingRebalance', 'CompletingRebalance', 'PreparingRebalance'] });
    expect(findingFor(runCheck(rebalancingGroups, snap(s, [g('busy', 2)])), 'busy')?.status).toBe('fail');
  });
  it('empty-group-lag warns when an empty group falls further behind', () => {
    const s = samples([100, 150, 200], { gone: [10, 10, 10] });
    expect(findingFor(runCheck(emptyGroupLag, snap(s, [g('gone')])), 'gone')?.message).toMatch(/lag grew by 100 to 190/);
  });
  it('idle-topics warns topics that received nothing during the window', () => {
    expect(runCheck(idleTopics, snap(samples([100, 100, 100], {}), [])).findings[0]?.message).toMatch(/no record written during 20 s/);
    expect(runCheck(idleTopics, snap(samples([100, 110, 120], {}), [])).status).toBe('pass');
  });
});
