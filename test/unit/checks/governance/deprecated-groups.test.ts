import { describe, expect, it } from 'vitest';
import deprecatedGroups from '../../../../checks/governance/deprecated-groups.js';
import type { GroupInfo } from '../../../../src/gather/snapshot.js';
import { cfg, makeSnapshot } from '../../../helpers/snapshot.js';
import { findingKeys, groupInfo, runWithYaml } from './helpers.js';

const snap = (groups: GroupInfo[], offsets: Record<string, string[]>) =>
  makeSnapshot({
    groups: { ok: true, value: groups },
    groupOffsets: { ok: true, value: Object.fromEntries(Object.entries(offsets).map(([g, ts]) => [g, Object.fromEntries(ts.map((t) => [t, { '0': '1' }]))])) },
  });

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
  { name: 'no groups with offsets: not applicable', snapshot: snap([groupInfo('x', 0)], {}), status: 'not-applicable', findings: [] },
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
    expect(r.findings[0]!.message).toBe('no members; its offsets on 1 topic(s) expire at most 7 d after it became empty');
  });

  it('is unknown when no broker reports offsets.retention.minutes', () => {
    const s = snap([groupInfo('gone', 0)], { gone: ['orders'] });
    s.artifacts.brokerConfigs = { ok: true, value: { '1': cfg({}) } };
    expect(runWithYaml(deprecatedGroups, s, 'version: 1\n').status).toBe('unknown');
  });
});
