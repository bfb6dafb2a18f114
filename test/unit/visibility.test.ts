// Truth under partial visibility: for every artifact and every way it can be missing or filtered by
// permission, every check that requires it is `unknown` — never pass, never not-applicable. The table is
// generated from the artifact list and the checks' own `requires`, so a new check or artifact joins it.
import { describe, expect, it } from 'vitest';
import { builtInChecks } from '../../checks/index.js';
import { defaultConfig } from '../../src/config/readiness.js';
import { evaluateChecks } from '../../src/engine/evaluate.js';
import { costReport, DEFAULT_PRICES } from '../../src/engine/cost.js';
import { permissionReport } from '../../src/engine/permissions.js';
import { mappingFromFlags, pairSnapshots } from '../../src/engine/migration-pair.js';
import { ARTIFACT_NAMES, type ArtifactErrorReason, type ArtifactName, NOT_REQUESTED_MESSAGES, type Snapshot } from '../../src/gather/snapshot.js';
import { assessVisibility, groupVisibility, topicVisibility, type VisibilityEvidence } from '../../src/gather/visibility.js';
import { cfg, makeSnapshot, topicInfo } from '../helpers/snapshot.js';

const registry = builtInChecks.map((check) => ({ check, origin: 'built-in' }));

/** A snapshot where every artifact is present (CloudWatch, the write probe and a migration pairing too, so nothing is "not requested"). */
function fullSnapshot(): Snapshot {
  const target = makeSnapshot({
    probe: {
      ok: true,
      value: {
        prefix: 'kafka-readiness.probe.', startedAt: '2026-11-22T12:00:00.000Z', durationMs: 1, topic: { name: 'kafka-readiness.probe.t', created: true, partitions: 1, maxMessageBytes: null },
        planned: [], cleanup: { deletedTopics: [], deletedGroups: [], leftToExpire: [], failures: [], interrupted: false },
        clients: [{ name: 'platformatic', library: 'platformatic-kafka', version: '1.35.0', available: true }],
        cells: [{ client: 'platformatic', capability: 'produce-consume', status: 'pass', message: 'ok' }], burst: null,
      },
    },
    cloudwatch: { ok: true, value: { clusterName: 'c', region: 'eu-west-1', windowStart: '2026-11-22T11:00:00.000Z', windowEnd: '2026-11-22T12:00:00.000Z', available: [], series: [], calls: {} } },
  });
  return pairSnapshots(makeSnapshot(), target, mappingFromFlags({}));
}

type Way = { name: string; apply: (s: Snapshot, a: ArtifactName) => void };
const errorWays: ArtifactErrorReason[] = ['denied', 'unsupported', 'timeout', 'unreachable', 'not-collected', 'error'];
const ABSENT_NAME = 'absent from an older snapshot';
const WAYS: Way[] = [
  ...errorWays.map((reason): Way => ({ name: `error: ${reason}`, apply: (s, a) => ((s.artifacts as unknown as Record<string, unknown>)[a] = { ok: false, error: { reason, message: `${a} ${reason} in test` } }) })),
  { name: ABSENT_NAME, apply: (s, a) => delete (s.artifacts as unknown as Record<string, unknown>)[a] },
  {
    name: 'possibly filtered by permission',
    apply: (s, a) => {
      const art = s.artifacts[a];
      if (art.ok) art.visibility = { status: 'possibly-filtered', reason: 'probe answered AUTHORIZATION_FAILED', missingGrant: "DESCRIBE on Topic '*'", selector: "--topic '*'", operation: 'DESCRIBE' };
    },
  },
];

const ABSENT = ABSENT_NAME;
const onRequest = (a: ArtifactName) => NOT_REQUESTED_MESSAGES[a] !== undefined;
// An on-request artifact (CloudWatch, the write probe) absent from a snapshot was not requested: see below.
const table = ARTIFACT_NAMES.flatMap((artifact) => WAYS.filter((way) => !(way.name === ABSENT && onRequest(artifact))).map((way) => ({ artifact, way: way.name, apply: way.apply })));

describe('every check that requires an unreadable or possibly filtered artifact is unknown', () => {
  it('covers every artifact that some check requires', () => {
    const required = new Set(builtInChecks.flatMap((c) => c.meta.requires as readonly string[]));
    expect([...required].every((a) => (ARTIFACT_NAMES as readonly string[]).includes(a))).toBe(true);
  });

  it.each(table)('$artifact — $way', ({ artifact, way, apply }) => {
    const s = fullSnapshot();
    apply(s, artifact);
    const results = evaluateChecks(s, registry, defaultConfig());
    const dependents = builtInChecks.filter((c) => (c.meta.requires as readonly string[]).includes(artifact)).map((c) => c.meta.id);
    for (const id of dependents) {
      const r = results.find((x) => x.id === id)!;
      expect(r.status, `${id}: ${r.reason}`).toBe('unknown');
      expect(r.score).toBeNull();
      expect(r.findings).toEqual([]);
      expect(r.reason).toContain(artifact);
    }
  });
});

describe('an on-request artifact absent from a snapshot was not requested', () => {
  it.each(ARTIFACT_NAMES.filter(onRequest))('%s: its checks are not-applicable with the not-requested reason', (artifact) => {
    const s = fullSnapshot();
    delete (s.artifacts as unknown as Record<string, unknown>)[artifact];
    const results = evaluateChecks(s, registry, defaultConfig());
    const dependents = builtInChecks.filter((c) => (c.meta.requires as readonly string[]).includes(artifact)).map((c) => c.meta.id);
    expect(dependents.length).toBeGreaterThan(0);
    for (const id of dependents) {
      const r = results.find((x) => x.id === id)!;
      expect(r.status, `${id}: ${r.reason}`).toBe('not-applicable');
      expect(r.reason).toBe(NOT_REQUESTED_MESSAGES[artifact]);
    }
  });
});

describe('deciding whether a list is whole', () => {
  const ev = (over: Partial<VisibilityEvidence> = {}): VisibilityEvidence => ({ principal: 'User:scanner', topicProbe: null, groupProbe: null, offsetFetchDenied: [], ...over });
  const withLogDirs = (topics: string[]) => {
    const s = makeSnapshot();
    if (s.artifacts.logDirs.ok) for (const dirs of Object.values(s.artifacts.logDirs.value)) dirs[0]!.topics = Object.fromEntries(topics.map((t) => [t, { '0': 10 }]));
    return s;
  };

  it('topics: complete when the probe may describe any name, or when the log dirs hold no unlisted topic', () => {
    expect(topicVisibility(makeSnapshot().artifacts, ev({ topicProbe: { kind: 'authorized', detail: 'UNKNOWN_TOPIC_OR_PARTITION' } }))?.status).toBe('complete');
    expect(topicVisibility(withLogDirs(['orders']).artifacts, ev())).toMatchObject({ status: 'complete', reason: expect.stringMatching(/log dirs/) });
  });

  it('topics: possibly filtered on a denied probe, on unlisted topics in the log dirs, or on own DENY bindings', () => {
    expect(topicVisibility(makeSnapshot().artifacts, ev({ topicProbe: { kind: 'denied', detail: 'TOPIC_AUTHORIZATION_FAILED' } }))).toMatchObject({ status: 'possibly-filtered', missingGrant: "DESCRIBE on Topic '*'" });
    const hidden = topicVisibility(withLogDirs(['orders', 'payroll', 'hr']).artifacts, ev({ topicProbe: { kind: 'failed', detail: 'timed out' } }))!;
    expect(hidden).toMatchObject({ status: 'possibly-filtered' });
    expect(hidden.reason).toMatch(/^2 topic\(s\) hold data/);
    expect(hidden.reason).not.toMatch(/payroll/); // names it may not see are not repeated
    // May describe any name and no DENY binding (ACLs read): unlisted replicas are topics being deleted.
    expect(topicVisibility(withLogDirs(['orders', 'payroll']).artifacts, ev({ topicProbe: { kind: 'authorized', detail: 'x' } }))?.status).toBe('complete');
    const noAcls = withLogDirs(['orders', 'payroll']);
    noAcls.artifacts.acls = { ok: false, error: { reason: 'denied', message: 'x' } };
    expect(topicVisibility(noAcls.artifacts, ev({ topicProbe: { kind: 'authorized', detail: 'x' } }))?.status).toBe('possibly-filtered');
    const s = makeSnapshot({ acls: { ok: true, value: [{ principal: 'User:scanner', permission: 'DENY', operation: 'DESCRIBE', resourceType: 'TOPIC', resourceName: 'hr.', patternType: 'PREFIXED', host: '*' }] } });
    expect(topicVisibility(s.artifacts, ev({ topicProbe: { kind: 'authorized', detail: 'x' } }))?.reason).toMatch(/DENY DESCRIBE bindings .*PREFIXED hr\./);
  });

  it('topics: possibly filtered when nothing could verify it', () => {
    const s = makeSnapshot({ logDirs: { ok: false, error: { reason: 'denied', message: 'x' } } });
    expect(topicVisibility(s.artifacts, ev({ topicProbe: { kind: 'failed', detail: 'Metadata probe timed out' } }))).toMatchObject({ status: 'possibly-filtered', reason: expect.stringMatching(/could not verify/) });
  });

  it('groups: complete with DESCRIBE on the Cluster; otherwise as the probe says', () => {
    expect(groupVisibility(makeSnapshot().artifacts, ev())?.status).toBe('complete'); // the helper's cluster has DESCRIBE
    const noDescribe = makeSnapshot();
    if (noDescribe.artifacts.cluster.ok) noDescribe.artifacts.cluster.value.authorizedOperations = ['DESCRIBE_CONFIGS'];
    expect(groupVisibility(noDescribe.artifacts, ev({ groupProbe: { kind: 'denied', detail: 'GROUP_AUTHORIZATION_FAILED' } }))).toMatchObject({ status: 'possibly-filtered', missingGrant: "DESCRIBE on Group '*'", selector: "--group '*'" });
    expect(groupVisibility(noDescribe.artifacts, ev({ groupProbe: { kind: 'authorized', detail: 'Dead' } }))?.status).toBe('complete');
    expect(groupVisibility(noDescribe.artifacts, ev())?.status).toBe('possibly-filtered');
  });

  it('derived lists inherit: topic configs, offsets and samples from topics; group offsets from groups, denied OffsetFetch or topics', () => {
    const s = makeSnapshot();
    assessVisibility(s.artifacts, ev({ topicProbe: { kind: 'denied', detail: 'TOPIC_AUTHORIZATION_FAILED' } }));
    for (const a of ['topics', 'topicConfigs', 'offsets', 'groupOffsets', 'samples'] as const) expect(s.artifacts[a].ok && s.artifacts[a].visibility?.status, a).toBe('possibly-filtered');
    expect(s.artifacts.groups.ok && s.artifacts.groups.visibility?.status).toBe('complete');
    const t = makeSnapshot();
    assessVisibility(t.artifacts, ev({ topicProbe: { kind: 'authorized', detail: 'x' }, offsetFetchDenied: ['g1'] }));
    expect(t.artifacts.groupOffsets.ok && t.artifacts.groupOffsets.visibility).toMatchObject({ status: 'possibly-filtered', missingGrant: "DESCRIBE on Group '*'" });
    expect(t.artifacts.offsets.ok && t.artifacts.offsets.visibility?.status).toBe('complete');
  });
});

describe('the permission section names the grant that makes a filtered list whole', () => {
  it('lists the filtered artifacts under the grant and the checks they cost', () => {
    const s = makeSnapshot({ topics: { ok: true, value: [topicInfo('orders', [{ replicas: [1, 2, 3] }])] }, topicConfigs: { ok: true, value: { orders: cfg({}) } } });
    const cluster = s.artifacts.cluster;
    if (cluster.ok) cluster.value.authorizedOperations = ['DESCRIBE_CONFIGS'];
    assessVisibility(s.artifacts, { principal: 'User:scanner', topicProbe: { kind: 'authorized', detail: 'x' }, groupProbe: { kind: 'denied', detail: 'GROUP_AUTHORIZATION_FAILED' }, offsetFetchDenied: [] });
    const checks = evaluateChecks(s, registry, defaultConfig());
    const p = permissionReport(s, checks);
    const g = p.missing.find((m) => m.permission === "DESCRIBE on Group '*'")!;
    expect(g.artifacts).toEqual(expect.arrayContaining(['groups', 'groupOffsets']));
    expect(g.checks).toEqual(expect.arrayContaining(['consumer-lag/group-lag', 'consumer-lag/rebalancing-groups']));
    expect(p.missing.find((m) => m.permission.includes('Topic'))).toBeUndefined();
    expect(p.readOnlyAcls.find((a) => a.permission === "DESCRIBE on Group '*'")).toMatchObject({ missing: true, command: expect.stringContaining("--operation DESCRIBE --group '*'") });
    expect(checks.find((c) => c.id === 'consumer-lag/rebalancing-groups')).toMatchObject({ status: 'unknown', reason: expect.stringMatching(/^samples, groups possibly filtered by permission: .*GROUP_AUTHORIZATION_FAILED.*needs DESCRIBE on Group '\*'$/) });
  });
});

describe('the cost estimate says when it covers a filtered topic list only', () => {
  it('adds the assumption with the reason and the grant', () => {
    const s = makeSnapshot();
    assessVisibility(s.artifacts, { principal: 'User:scanner', topicProbe: { kind: 'denied', detail: 'TOPIC_AUTHORIZATION_FAILED' }, groupProbe: null, offsetFetchDenied: [] });
    expect(costReport(s, DEFAULT_PRICES, 'apache-kafka').assumptions.join('\n')).toMatch(/only the topics the principal may DESCRIBE are counted .*TOPIC_AUTHORIZATION_FAILED.*needs DESCRIBE on Topic '\*'/);
    expect(costReport(makeSnapshot(), DEFAULT_PRICES, 'apache-kafka').assumptions.join('\n')).not.toMatch(/only the topics/);
  });
});
