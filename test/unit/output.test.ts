import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { colorEnabled, parseFormats } from '../../src/commands/output.js';
import { loadReadinessConfig } from '../../src/config/readiness.js';
import { buildRegistry } from '../../src/engine/registry.js';
import { evaluateSnapshot } from '../../src/pipeline.js';
import { renderText } from '../../src/report/renderers/text.js';
import { makeSnapshot, topicInfo } from '../helpers/snapshot.js';
import { defaultConfig } from '../../src/config/readiness.js';

const tty = { isTTY: true } as NodeJS.WriteStream;
const pipe = { isTTY: false } as NodeJS.WriteStream;

describe('text output', () => {
  it('is coloured only on a TTY without NO_COLOR', () => {
    expect(colorEnabled(tty, {})).toBe(true);
    expect(colorEnabled(tty, { NO_COLOR: '1' })).toBe(false);
    expect(colorEnabled(pipe, {})).toBe(false);
    expect(colorEnabled(pipe, { FORCE_COLOR: '1' })).toBe(true);
  });

  it('renders verdict, areas, findings with evidence and the formula, without ANSI codes when colour is off', async () => {
    const s = makeSnapshot({ topics: { ok: true, value: [topicInfo('orders', [{ replicas: [1] }])] } });
    const report = evaluateSnapshot(s, { config: defaultConfig(), registry: await buildRegistry(defaultConfig()) });
    const text = renderText(report, { color: false });
    expect(text).not.toMatch(/\u001b\[/);
    expect(text).toMatch(/Verdict {2}NOT-READY/);
    expect(text).toContain('topic orders: replication factor 1');
    expect(text).toContain('observed 1 · expected >= 3');
    expect(text).toContain('Formula: check score');
    expect(renderText(report, { color: true })).toMatch(/\u001b\[/);
  });

  it('rejects unknown formats', () => {
    expect(parseFormats('text,json')).toEqual(['text', 'json']);
    expect(() => parseFormats('pdf')).toThrow(/unknown format "pdf"/);
  });
});

describe('plugins from installed packages', () => {
  it('resolves a package name from the config file folder', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'kr-pkg-'));
    const pkg = path.join(dir, 'node_modules', '@team', 'kr-checks');
    mkdirSync(pkg, { recursive: true });
    writeFileSync(path.join(pkg, 'package.json'), JSON.stringify({ name: '@team/kr-checks', version: '1.0.0', type: 'module', main: 'index.js' }));
    writeFileSync(
      path.join(pkg, 'index.js'),
      `export const checks = [{ meta: { id: 'team/always', area: 'team', title: 't', description: 'd', remediation: 'r', severity: 'info', requires: ['cluster'] }, evaluate: () => [{ resource: { kind: 'cluster', name: 'cluster' }, status: 'pass', message: 'ok' }] }];\n`,
    );
    writeFileSync(path.join(dir, 'readiness.yaml'), 'plugins: ["@team/kr-checks"]\n');
    const config = loadReadinessConfig(path.join(dir, 'readiness.yaml'));
    const registry = await buildRegistry(config);
    const report = evaluateSnapshot(makeSnapshot(), { config, registry });
    expect(report.checks.find((c) => c.id === 'team/always')).toMatchObject({ status: 'pass', origin: '@team/kr-checks' });
    expect(report.areas.map((a) => a.area)).toContain('team');
  });
});
