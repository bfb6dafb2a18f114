import { describe, expect, it } from 'vitest';
import { parseReadinessConfig } from '../../src/config/readiness.js';
import { buildRegistry } from '../../src/engine/registry.js';
import { ConfigError } from '../../src/errors.js';

const load = (yaml: string) => parseReadinessConfig(yaml, 'r.yaml');
const loadAll = async (yaml: string) => buildRegistry(load(yaml));

describe('readiness.yaml: bad input is a one-line config error with file:line:column', () => {
  it('limits YAML aliases (billion laughs) and reports a dangling alias', () => {
    const lol = ['a: &a ["x","x","x","x","x","x","x","x","x"]', ...'bcdefgh'.split('').map((c, i) => `${c}: &${c} [${Array(9).fill(`*${'abcdefgh'[i]}`).join(',')}]`)].join('\n');
    expect(() => load(`${lol}\n`)).toThrow(ConfigError);
    expect(() => load(`${lol}\n`)).toThrow(/^r\.yaml:2:\d+: .*aliases expand to at most 100/);
    // A few aliases are fine (and then judged by the schema like anything else).
    expect(() => load('x: &v 1\nversion: *v\n')).toThrow(/unknown key "x"/);
    expect(() => load('version: *nothing\n')).toThrow(ConfigError);
  });

  it('validates /regex/ patterns where they are read, with the position of the pattern', () => {
    expect(() => load('topicPolicies:\n  - topics: "/(/"\n')).toThrow(/^r\.yaml:2:\d+: \/\(\/ is not a valid regular expression/);
    expect(() => load('topicPolicies:\n  - topics: ["ok.*", "/[/"]\n')).toThrow(/^r\.yaml:2:\d+: \/\[\/ is not a valid regular expression/);
    expect(() => load('waivers:\n  - { check: a/b, resource: "/(/", reason: "long enough reason", owner: o, ticket: T-1, expires: 2027-01-01 }\n')).toThrow(/^r\.yaml:2:\d+: \/\(\/ is not/);
    expect(() => load('principals:\n  "User:a":\n    - { operations: [READ], topic: "/(/" }\n')).toThrow(/^r\.yaml:3:\d+: \/\(\/ is not/);
  });

  it('numbers are finite and in range', async () => {
    expect(() => load('areas:\n  acl: { weight: 1e308 }\n')).toThrow(/^r\.yaml:2:\d+: areas\.acl\.weight must be <= 1000/);
    expect(() => load('checks:\n  acl/super-users: { weight: .inf }\n')).toThrow(/weight must be number/);
    expect(() => load('scoring:\n  readyScore: .nan\n')).toThrow(/readyScore must be number/);
    await expect(loadAll('checks:\n  replication/replication-factor:\n    options: { minReplicationFactor: .nan }\n')).rejects.toThrow(/^r\.yaml:3:\d+: option minReplicationFactor of replication\/replication-factor: NaN is not a finite number >= 0/);
    await expect(loadAll('checks:\n  replication/replication-factor:\n    options: { minReplicationFactor: -5 }\n')).rejects.toThrow(/-5 is not a finite number >= 0/);
    await expect(loadAll('checks:\n  consumer-lag/group-lag:\n    options: { groupThresholds: [{ groups: [a], warnLag: -1 }] }\n')).rejects.toThrow(/-1 is not a finite number/);
    await expect(loadAll('checks:\n  consumer-lag/group-lag:\n    options: { ignoreGroups: ["/(/"] }\n')).rejects.toThrow(/\/\(\/ is not a valid regular expression/);
    await expect(loadAll('checks:\n  replication/replication-factor:\n    options: { minReplicationFactor: 2 }\n')).resolves.toBeTruthy();
  });

  it('dates are real calendar days', () => {
    const waiver = (d: string) => `waivers:\n  - { check: a/b, resource: x, reason: "long enough reason", owner: o, ticket: T-1, expires: "${d}" }\n`;
    expect(() => load(waiver('2027-02-30'))).toThrow(/^r\.yaml:2:\d+: expires "2027-02-30" is not a calendar date/);
    expect(() => load(waiver('2027-13-01'))).toThrow(/not a calendar date/);
    expect(load(waiver('2028-02-29')).waivers).toHaveLength(1);
    expect(() => load(waiver('2027-02-29'))).toThrow(/not a calendar date/);
    expect(() => load('attestations:\n  - { item: drill, owner: o, date: "2026-04-31", evidence: e }\n')).toThrow(/^r\.yaml:2:\d+: date "2026-04-31" is not a calendar date/);
  });

  it('unknown area names are errors, plugin areas are known', async () => {
    await expect(loadAll('areas:\n  replicaton: { weight: 0 }\n')).rejects.toThrow(/^r\.yaml:2:3: unknown area "replicaton" \(areas: compatibility, replication/);
    await expect(loadAll('areas:\n  replication: { weight: 0 }\n')).resolves.toBeTruthy();
  });
});
