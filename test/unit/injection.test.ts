// Cluster data is data: crafted names cannot change readiness.yaml written by init, and control or bidi
// characters in them reach no output format raw (JSON keeps them exactly, JSON-escaped).
import { describe, expect, it } from 'vitest';
import { renderStarterConfig } from '../../src/commands/init.js';
import { defaultConfig, parseReadinessConfig } from '../../src/config/readiness.js';
import { diffReports } from '../../src/engine/diff.js';
import { renderDiffText } from '../../src/report/diff-render.js';
import { buildRegistry } from '../../src/engine/registry.js';
import { evaluateSnapshot } from '../../src/pipeline.js';
import { escapeControl, escapeStrings } from '../../src/report/escape.js';
import { renderers } from '../../src/report/render.js';
import type { AclBinding, GroupInfo } from '../../src/gather/snapshot.js';
import { cfg, makeSnapshot, TOPIC_DEFAULTS, topicInfo } from '../helpers/snapshot.js';

const CRAFTED = ['x"\n  enabled: false', 'a: b', '#', '&anchor', '*alias', '!!js/function', "'; areas: { acl: { weight: 0 } } #", 'y\n- topics: "*"\n  retention: { min: 1ms }', '{ }', '[a, b]', '|', '>-', '? k', '%YAML 1.1', '---', '...'];
const RAW = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

function acl(principal: string): AclBinding {
  return { resourceType: 'TOPIC', resourceName: 'orders', patternType: 'LITERAL', principal, host: '*', operation: 'READ', permission: 'ALLOW' };
}
function group(groupId: string): GroupInfo {
  return { groupId, type: 'classic', protocolType: 'consumer', state: 'Empty', coordinator: 1, members: [] };
}

describe('init writes readiness.yaml with a serializer', () => {
  it('crafted topic, group and principal names load back as exactly those names and change nothing else', () => {
    const principals = CRAFTED.map((c) => `User:${c}`);
    const snapshot = makeSnapshot({
      topics: { ok: true, value: CRAFTED.map((name) => topicInfo(name, [{ replicas: [1, 2, 3] }])) },
      groups: { ok: true, value: CRAFTED.map(group) },
      acls: { ok: true, value: principals.map(acl) },
    });
    const text = renderStarterConfig(snapshot);
    const config = parseReadinessConfig(text, 'readiness.yaml');
    const clean = parseReadinessConfig(renderStarterConfig(makeSnapshot({ topics: { ok: true, value: [topicInfo('plain', [{ replicas: [1] }])] } })), 'clean.yaml');
    // Topics become patterns: names without a separator stay whole, the others become "<prefix>*".
    const expected = [...new Set(CRAFTED.map((n) => (/^([^._-]+[._-])/.exec(n)?.[1] ?? '') ? `${/^([^._-]+[._-])/.exec(n)![1]}*` : n))].sort((a, b) => a.localeCompare(b));
    expect(config.policy.topicPolicies.map((p) => p.topics)).toEqual(expected.map((e) => [e]));
    for (const p of config.policy.topicPolicies) expect(p).toMatchObject({ retentionMs: { min: 604_800_000, max: 2_592_000_000 }, cleanupPolicy: 'delete' });
    expect(Object.keys(config.policy.principals).sort()).toEqual([...principals].sort());
    for (const grants of Object.values(config.policy.principals)) expect(grants).toEqual([]);
    // Everything else is what a file from a harmless cluster says: no check disabled, no area weight set.
    expect(config.checks).toEqual(clean.checks);
    expect(config.checks).toEqual({ 'consumer-lag/group-lag': { options: { warnLag: 1000, failLag: 100000, ignoreGroups: [] } } });
    expect(config.areas).toEqual({});
    expect(config.gate).toEqual({ failOn: 'critical' });
    expect(config.profileName).toBe('production');
    expect(config.waivers).toEqual([]);
    // The group names sit in one comment line, escaped.
    const groupComment = text.split('\n').filter((l) => l.includes('consumer group(s) found'));
    expect(groupComment).toHaveLength(1);
    expect(groupComment[0]).toContain('x"\\n  enabled: false');
  });

  it('a principal or group with control characters writes one comment line and loads', () => {
    const snapshot = makeSnapshot({ groups: { ok: true, value: [group('g\u001b]0;owned\u0007\nchecks: {}')] }, acls: { ok: true, value: [acl('User:e\u001b[2J\r\nx')] } });
    const text = renderStarterConfig(snapshot);
    expect(text).not.toMatch(/[\u0007\u001b\r]/);
    const config = parseReadinessConfig(text, 'r.yaml');
    expect(Object.keys(config.policy.principals)).toEqual(['User:e\u001b[2J\r\nx']);
    expect(text.split('\n').find((l) => l.includes('consumer group(s) found'))).toContain('g\\x1b]0;owned\\x07\\nchecks: {}');
  });
});

describe('control and bidi characters are shown as escapes in every format but JSON', () => {
  const EVIL_TOPIC = 'evil\u001b]0;pwned\u0007\nFAIL forged line\u202egnp.exe\u0085\u2066x';
  const EVIL_PRINCIPAL = 'scanner\u001b[2J\u001b]8;;http://x\u001b\\link';

  async function evilReport() {
    const s = makeSnapshot({
      topics: { ok: true, value: [topicInfo(EVIL_TOPIC, [{ replicas: [1] }]), topicInfo('orders', [{ replicas: [1, 2, 3] }])] },
      topicConfigs: { ok: true, value: { [EVIL_TOPIC]: cfg(TOPIC_DEFAULTS), orders: cfg(TOPIC_DEFAULTS) } },
    });
    s.target.principal = EVIL_PRINCIPAL;
    const config = defaultConfig();
    return evaluateSnapshot(s, { config, registry: await buildRegistry(config) });
  }

  it('escapeControl names each character class', () => {
    expect(escapeControl('a\u001bb\nc\td\u007fe\u0085f\u200eg\u202eh\u2066i\u2028j')).toBe('a\\x1bb\\nc\\td\\x7fe\\x85f\\u200eg\\u202eh\\u2066i\\u2028j');
    expect(escapeControl('plain ünïcode ✓')).toBe('plain ünïcode ✓');
    expect(escapeStrings({ 'k\n': ['v\u001b', 1, null] })).toEqual({ 'k\\n': ['v\\x1b', 1, null] });
  });

  it('escapeStrings copies only what it escapes and never changes its input', () => {
    const clean = { a: ['x', { b: 'y' }], c: 1 };
    expect(escapeStrings(clean)).toBe(clean);
    const input = { a: 'ok', b: { c: ['x', 'y\u001b'], d: { e: 'same' } }, 'k\u202e': 2 };
    const out = escapeStrings(input);
    expect(out).toEqual({ a: 'ok', b: { c: ['x', 'y\\x1b'], d: { e: 'same' } }, 'k\\u202e': 2 });
    expect(Object.keys(out)).toEqual(['a', 'b', 'k\\u202e']);
    expect(input.b.c[1]).toBe('y\u001b');
    expect(out.b.d).toBe(input.b.d);
  });

  it('text, Markdown, HTML, JUnit and SARIF carry no raw control or bidi character and no forged line', async () => {
    const report = await evilReport();
    expect(report.checks.some((c) => c.findings.some((f) => f.resource.name === EVIL_TOPIC))).toBe(true);
    for (const format of ['text', 'markdown', 'html', 'junit', 'sarif'] as const) {
      const out = renderers[format](report, { color: false });
      expect(out, format).not.toMatch(RAW);
      expect(out.split('\n').some((l) => l.startsWith('FAIL forged')), format).toBe(false);
      // Markdown backslash-escapes the backslash and "]" once more; it renders as the same escape text.
      expect(out, format).toMatch(/x1b\\?\]0;pwned\\{1,2}x07\\{1,2}nFAIL forged line\\{1,2}u202egnp/);
    }
    // SARIF and JUnit stay parseable, and their text shows the escapes.
    const sarif = JSON.parse(renderers.sarif(report, { color: false }));
    expect(JSON.stringify(sarif)).not.toMatch(/\\u001b|\\u0007/);
    const text = renderers.text(report, { color: false });
    expect(text).toContain('scanner\\x1b[2J\\x1b]8;;http://x\\x1b\\link');
  });

  it('JSON keeps the exact names', async () => {
    const report = await evilReport();
    const parsed = JSON.parse(renderers.json(report));
    expect(parsed.snapshot.target.principal).toBe(EVIL_PRINCIPAL);
    expect(parsed.checks.flatMap((c: { findings: { resource: { name: string } }[] }) => c.findings.map((f) => f.resource.name))).toContain(EVIL_TOPIC);
  });

  it('diff output escapes them too, and a newline in a name forges no line', async () => {
    const head = await evilReport();
    const base = evaluateSnapshot(makeSnapshot(), { config: defaultConfig(), registry: await buildRegistry(defaultConfig()) });
    const out = renderDiffText(diffReports(base, head));
    expect(out).not.toMatch(RAW);
    expect(out.split('\n').some((l) => l.startsWith('FAIL forged'))).toBe(false);
    expect(out).toContain('evil\\x1b]0;pwned\\x07\\nFAIL forged line\\u202egnp.exe\\x85\\u2066x');
    expect(diffReports(base, head).newFindings.some((f) => f.resource.includes(EVIL_TOPIC))).toBe(true);
  });
});
