// The --observe helpers of the check SDK (src/sdk/observation.ts): Burrow's partition rules, ingress, time lag, shared indexes.
import { describe, expect, it } from 'vitest';
import { burrowPartitionStatus, estimateTimeLagMs, ingressRate, lagSeries, logEndSeries, sampleLogEnds, sampleTime } from '../../../src/sdk.js';
import { samples, T0 } from '../../helpers/builders-observe.js';

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

describe('sampleLogEnds: the log ends of every partition at every sample, parsed once', () => {
  it('aligns each partition with the samples (undefined where a sample has no offset) and is built once per samples array', () => {
    const s = samples([100, 200, 300], { g: [50, 60, 70] });
    s[0]!.offsets.t!['1'] = { earliest: '0', latest: null }; // no log end in the first sample
    s[2]!.offsets.t!['1'] = { earliest: '0', latest: '9007199254740993' }; // beyond 2^53: exact as a bigint
    delete s[1]!.offsets.t!['0'];
    const index = sampleLogEnds(s);
    expect(sampleLogEnds(s)).toBe(index);
    expect(index.times.map((t) => t - T0)).toEqual([0, 10_000, 20_000]);
    expect(index.topic('t').get('0')).toEqual([100n, undefined, 300n]);
    expect(index.topic('t').get('1')).toEqual([undefined, undefined, 9007199254740993n]);
    expect(index.topic('t')).toBe(index.topic('t'));
    expect(index.topic('missing').size).toBe(0);
    // The helpers read it: a sample without the partition's log end gives no point (not a zero).
    expect(logEndSeries(s, 't', '0').map((p) => p.latest)).toEqual([100n, 300n]);
    expect(lagSeries(s, 'g', 't', '0').map((p) => [p.committed, p.lag])).toEqual([[50n, 50n], [70n, 230n]]);
    // A topic's rate sums its partitions' log ends in the first and last samples (a missing one counts 0).
    expect(ingressRate(s, 't')).toBe(Number(9007199254740993n + 300n - 100n) / 20);
    expect(ingressRate(s, 't')).toBe(ingressRate(s, 't'));
  });
});
