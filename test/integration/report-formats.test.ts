// The report formats on two real scans of the unchanged seeded cluster: JUnit test names identical across the
// scans, SARIF with a security-severity on every rule and result, the Markdown PR comment within 60 lines
// outside <details>, and `scan --baseline first.json --fail-on-new` passing because nothing is new.
import { mkdtempSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/report/model.js';
import { linesOutsideDetails } from '../../src/report/renderers/markdown.js';
import { cluster, runCli } from './cluster-context.js';

const c = cluster();
let first: string;
let second: string;

/** classname::name of every testcase, in document order. */
function junitNames(xml: string): string[] {
  return [...xml.matchAll(/<testcase classname="([^"]*)" name="([^"]*)"/g)].map((m) => `${m[1]}::${m[2]}`);
}

describe('report formats on two scans of the unchanged cluster', () => {
  beforeAll(async () => {
    const root = mkdtempSync(path.join(c.workDir, 'formats-'));
    first = path.join(root, 'first');
    second = path.join(root, 'second');
    for (const dir of [first, second]) {
      const run = await runCli(['scan', '--command-config', c.adminProps, '-c', c.readinessYaml, '--format', 'json,junit,sarif,markdown,html', '--out-dir', dir]);
      expect(run.code, run.stderr).not.toBe(2);
    }
  });

  it('gives JUnit testcases the same names in the same order both times', () => {
    const a = junitNames(readFileSync(path.join(first, 'report.junit.xml'), 'utf8'));
    const b = junitNames(readFileSync(path.join(second, 'report.junit.xml'), 'utf8'));
    expect(a.length).toBeGreaterThan(40);
    expect(b).toEqual(a);
    expect(new Set(a).size).toBe(a.length);
  });

  it('puts a security-severity on every SARIF rule and result', () => {
    const log = JSON.parse(readFileSync(path.join(first, 'report.sarif'), 'utf8')) as {
      runs: { tool: { driver: { rules: { properties: Record<string, unknown> }[] } }; results: { properties: Record<string, unknown> }[] }[];
    };
    const run = log.runs[0]!;
    expect(run.results.length).toBeGreaterThan(10);
    for (const x of [...run.tool.driver.rules, ...run.results]) expect(x.properties['security-severity']).toMatch(/^\d+\.\d$/);
    expect(run.results.some((r) => r.properties['security-severity'] === '9.5')).toBe(true);
  });

  it('keeps the Markdown PR comment within 60 lines outside <details>', () => {
    const md = readFileSync(path.join(first, 'report.md'), 'utf8');
    expect(linesOutsideDetails(md)).toBeLessThanOrEqual(60);
    expect(md).toMatch(/^### Kafka readiness: /);
    expect(md).toContain('#### Fix first');
    const html = readFileSync(path.join(first, 'report.html'), 'utf8');
    expect(html).toContain('id="fix-first"');
    expect(html).not.toMatch(/<script/i);
  });

  it('passes `scan --baseline first.json --fail-on-new` when nothing is new', async () => {
    const run = await runCli(['scan', '--command-config', c.adminProps, '-c', c.readinessYaml, '--baseline', path.join(first, 'report.json'), '--fail-on-new', '--format', 'json']);
    expect(run.code, run.stderr).toBe(0);
    const report = JSON.parse(run.stdout) as Report;
    expect(report.summary.verdict).toBe('not-ready');
    expect(report.baseline!.newFindings).toEqual([]);
    // The coverage floor still applies with --fail-on-new (the gate fails closed); the baseline decides the rest.
    expect(report.gate).toMatchObject({ passed: true, rules: [{ rule: 'min-coverage', passed: true }, { rule: 'new-findings', passed: true }] });
  });
});
