import { describe, expect, it } from 'vitest';
import deprecatedTopics from '../../../../checks/governance/deprecated-topics.js';
import type { OffsetSample } from '../../../../src/gather/snapshot.js';
import { makeSnapshot, topicInfo } from '../../../helpers/snapshot.js';
import { findingKeys, runWithYaml } from './helpers.js';

const sample = (at: string, offsets: Record<string, string>, partial?: OffsetSample['partial']): OffsetSample => ({
  at,
  offsets: Object.fromEntries(Object.entries(offsets).map(([t, latest]) => [t, { '0': { earliest: '0', latest } }])),
  groupOffsets: {},
  groupStates: {},
  groupMembers: {},
  ...(partial ? { partial } : {}),
});

function snap(first: Record<string, string>, last: Record<string, string>, opts: { groupOffsets?: Record<string, Record<string, Record<string, string>>>; partial?: OffsetSample['partial'] } = {}) {
  const names = Object.keys(first);
  return makeSnapshot({
    topics: { ok: true, value: names.map((n) => topicInfo(n, [{ replicas: [1, 2, 3] }])) },
    groupOffsets: { ok: true, value: opts.groupOffsets ?? {} },
    samples: { ok: true, value: [sample('2026-11-22T12:00:00.000Z', first), sample('2026-11-22T12:10:00.000Z', last, opts.partial)] },
  });
}

const cases: { name: string; snapshot: ReturnType<typeof makeSnapshot>; options?: string; status: string; findings: string[] }[] = [
  { name: 'without --observe: not applicable', snapshot: makeSnapshot(), status: 'not-applicable', findings: [] },
  { name: 'topics written during the window pass', snapshot: snap({ orders: '10', __consumer_offsets: '5' }, { orders: '70', __consumer_offsets: '5' }), status: 'pass', findings: [] },
  {
    name: 'a topic without writes is named for review (warn, info), read or not',
    snapshot: snap({ orders: '10', legacy: '500', dead: '0' }, { orders: '20', legacy: '500', dead: '0' }, { groupOffsets: { 'old-app': { legacy: { '0': '400' } } } }),
    status: 'warn',
    findings: ['topic:dead warn info', 'topic:legacy warn info'],
  },
  {
    name: 'allowTopics exempts quiet-by-design topics',
    snapshot: snap({ orders: '10', 'config.quiet': '3' }, { orders: '20', 'config.quiet': '3' }),
    options: 'checks:\n  governance/deprecated-topics:\n    options:\n      allowTopics: ["config.*"]\n',
    status: 'pass',
    findings: [],
  },
  {
    name: 'a topic whose partitions a sample lacks is not judged (not "no writes")',
    snapshot: snap({ orders: '10', gap: '3' }, { orders: '20', gap: '3' }, { partial: { partitions: { gap: [0] }, reason: 'broker 2 did not answer' } }),
    status: 'pass',
    findings: [],
  },
];

describe('governance/deprecated-topics', () => {
  for (const c of cases) {
    it(c.name, () => {
      const r = runWithYaml(deprecatedTopics, c.snapshot, c.options ?? 'version: 1\n');
      expect(r.status).toBe(c.status);
      expect(findingKeys(r)).toEqual(c.findings);
    });
  }

  it('names the groups that still read a quiet topic', () => {
    const r = runWithYaml(deprecatedTopics, snap({ legacy: '5' }, { legacy: '5' }, { groupOffsets: { 'old-app': { legacy: { '0': '5' } } } }), 'version: 1\n');
    expect(r.findings[0]!.message).toBe('no write during 10 min; still read by 1 group(s): old-app');
  });
});
