import { describe, expect, it } from 'vitest';
import deprecatedGroups from '../../../../checks/governance/deprecated-groups.js';
import type { GroupInfo, OffsetSample } from '../../../../src/gather/snapshot.js';
import { cfg, makeSnapshot } from '../../../helpers/snapshot.js';
import { findingKeys, groupInfo, runWithYaml } from './helpers.js';

type Committed = Record<string, Record<string, Record<string, string>>>;
const committed = (offsets: Record<string, string[]>, at = '1'): Committed =>
  Object.fromEntries(Object.entries(offsets).map(([g, ts]) => [g, Object.fromEntries(ts.map((t) => [t, { '0': at }]))]));
const sample = (at: string, members: Record<string, number>, groupOffsets: Committed): OffsetSample => ({ at, offsets: {}, groupOffsets, groupStates: {}, groupMembers: members });

/** Groups as the last DescribeGroups saw them, over a 10-minute window whose samples saw `members` (default: as now). */
const snap = (groups: GroupInfo[], offsets: Record<string, string[]>, opts: { members?: Record<string, number>[]; lastOffsets?: Committed } = {}) => {
  const now = Object.fromEntries(groups.map((g) => [g.groupId, g.members.length]));
  const [m0, m1] = opts.members ?? [now, now];
  return makeSnapshot({
    groups: { ok: true, value: groups },
    groupOffsets: { ok: true, value: committed(offsets) },
    samples: { ok: true, value: [sample('2026-11-22T12:00:00.000Z', m0!, committed(offsets)), sample('2026-11-22T12:10:00.000Z', m1!, opts.lastOffsets ?? committed(offsets))] },
  });
};

const cases: { name: string; snapshot: ReturnType<typeof makeSnapshot>; status: string; findings: string[] }[] = [
  { name: 'groups with members pass', snapshot: snap([groupInfo('live', 2)], { live: ['orders'] }), status: 'pass', findings: [] },
  {
    name: 'an empty group with offsets is named for review; one without offsets, share groups and failed groups are skipped',
    snapshot: snap([groupInfo('live', 1), groupInfo('gone', 0), groupInfo('never-committed', 0), groupInfo('share-g', 0, 'Empty', 'share'), { ...groupInfo('broken', 0), error: 'COORDINATOR_NOT_AVAILABLE' }], {
      live: ['orders'],
      gone: ['orders', 'payments'],
      'share-g': ['orders'],
      broken: ['orders'],
    }),
    status: 'warn',
    findings: ['group:gone warn info'],
  },
  {
    name: 'a group that had members or committed during the window passes; one a sample did not list is left out',
    snapshot: snap([groupInfo('batch', 0), groupInfo('committer', 0), groupInfo('unlisted', 0)], { batch: ['orders'], committer: ['orders'], unlisted: ['orders'] }, {
      members: [{ batch: 2, committer: 0 }, { batch: 0, committer: 0, unlisted: 0 }],
      lastOffsets: { ...committed({ batch: ['orders'], unlisted: ['orders'] }), ...committed({ committer: ['orders'] }, '9') },
    }),
    status: 'pass',
    findings: [],
  },
  { name: 'no groups with offsets: not applicable', snapshot: snap([groupInfo('x', 0)], {}), status: 'not-applicable', findings: [] },
  { name: 'without --observe: not applicable (one empty moment is also a batch consumer between runs)', snapshot: makeSnapshot({ groups: { ok: true, value: [groupInfo('gone', 0)] }, groupOffsets: { ok: true, value: committed({ gone: ['orders'] }) } }), status: 'not-applicable', findings: [] },
];

describe('governance/deprecated-groups', () => {
  for (const c of cases) {
    it(c.name, () => {
      const r = runWithYaml(deprecatedGroups, c.snapshot, 'version: 1\n');
      expect(r.status).toBe(c.status);
      expect(findingKeys(r)).toEqual(c.findings);
    });
  }

  it('states the offsets retention as the longest the offsets can live', () => {
    const r = runWithYaml(deprecatedGroups, snap([groupInfo('gone', 0)], { gone: ['orders'] }), 'version: 1\n');
    expect(r.findings[0]!.message).toBe('no members and no commits over 10 min; its offsets on 1 topic(s) expire at most 7 d after it became empty');
  });

  it('is unknown when no broker reports offsets.retention.minutes', () => {
    const s = snap([groupInfo('gone', 0)], { gone: ['orders'] });
    s.artifacts.brokerConfigs = { ok: true, value: { '1': cfg({}) } };
    expect(runWithYaml(deprecatedGroups, s, 'version: 1\n').status).toBe('unknown');
  });
});
