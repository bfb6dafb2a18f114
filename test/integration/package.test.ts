// The package as a user gets it: `npm pack` on a clean checkout of HEAD (so a missing build step or a file
// left out of `files` shows here, not after publishing), installed with `npm i <tarball>` into an empty
// folder, and run only through node_modules/.bin/kafka-readiness — nothing else from the repository.
import { execFile, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtInChecks } from '../../checks/index.js';
import { cluster, runCli } from './cluster-context.js';

const c = cluster();
const SNAPSHOT = path.join(c.root, 'test', 'fixtures', 'snapshots', 'demo-cluster.json');
const version = (JSON.parse(readFileSync(path.join(c.root, 'package.json'), 'utf8')) as { version: string }).version;

let tmp = '';
let app = '';
let packed: { filename: string; size: number; unpackedSize: number; files: { path: string }[] };

const run = promisify(execFile);

/** Asynchronous, so the test worker keeps answering vitest during minutes of npm work. */
async function npm(args: string[], cwd: string): Promise<string> {
  // Offline first: the packages are in the npm cache already (the checkout installed them).
  const { stdout } = await run('npm', [...args, '--no-audit', '--no-fund', '--prefer-offline'], { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, env: { ...process.env, npm_config_loglevel: 'error' } });
  return stdout;
}

/** Runs the installed command from the empty folder (cwd), as a user would after `npm i`. */
function installed(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(path.join(app, 'node_modules', '.bin', 'kafka-readiness'), args, { cwd: app, env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), 120_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

beforeAll(async () => {
  tmp = mkdtempSync(path.join(tmpdir(), 'kr-package-'));
  const checkout = path.join(tmp, 'checkout');
  await run('git', ['clone', '--quiet', '--local', c.root, checkout]);
  await npm(['ci'], checkout);
  // `npm pack` runs prepack (the build) itself: a fresh clone has no dist/.
  packed = (JSON.parse(await npm(['pack', '--json', '--pack-destination', tmp], checkout)) as (typeof packed)[])[0]!;
  app = path.join(tmp, 'app');
  mkdirSync(app);
  await npm(['init', '-y'], app);
  await npm(['install', path.join(tmp, packed.filename)], app);
}, 900_000);

afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe('the npm package', () => {
  it('ships exactly what runs: compiled code and types, the schema, README, LICENSE and CHANGELOG', () => {
    const files = packed.files.map((f) => f.path);
    expect(packed.filename).toBe(`kafka-readiness-${version}.tgz`);
    for (const f of ['package.json', 'README.md', 'LICENSE', 'CHANGELOG.md', 'bin/kafka-readiness.js', 'dist/src/cli.js', 'dist/src/sdk.js', 'dist/src/sdk.d.ts', 'dist/checks/index.js', 'schema/report.schema.json']) {
      expect(files, f).toContain(f);
    }
    // Every check is compiled into the package.
    expect(files.filter((f) => /^dist\/checks\/[^/]+\/[^/]+\.js$/.test(f))).toHaveLength(builtInChecks.length);
    // No sources, no source maps pointing at sources that are not there, no tests or scripts.
    expect(files.filter((f) => f.endsWith('.map') || (f.endsWith('.ts') && !f.endsWith('.d.ts')) || /^(test|scripts|src|checks|bench|examples)\//.test(f))).toEqual([]);
    expect(readFileSync(path.join(app, 'node_modules', 'kafka-readiness', 'LICENSE'), 'utf8')).toMatch(/^\s*Apache License\s+Version 2\.0, January 2004/);
    for (const f of files.filter((x) => x.endsWith('.js'))) {
      expect(readFileSync(path.join(app, 'node_modules', 'kafka-readiness', f), 'utf8'), f).not.toContain('sourceMappingURL');
    }
  });

  it('--version and checks', async () => {
    const v = await installed(['--version']);
    expect(v).toMatchObject({ code: 0, stdout: `${version}\n` });
    const list = await installed(['checks', '--format', 'json']);
    expect(list.code, list.stderr).toBe(0);
    expect((JSON.parse(list.stdout) as { id: string }[]).map((r) => r.id).sort()).toEqual(builtInChecks.map((ch) => ch.meta.id).sort());
  });

  it('evaluate on a captured snapshot gives the same report as the checkout', async () => {
    const fromPackage = await installed(['evaluate', SNAPSHOT, '--format', 'json']);
    expect([0, 1], fromPackage.stderr).toContain(fromPackage.code);
    const fromCheckout = await runCli(['evaluate', SNAPSHOT, '--format', 'json'], { cwd: app });
    const a = JSON.parse(fromPackage.stdout);
    const b = JSON.parse(fromCheckout.stdout);
    expect(a.summary).toEqual(b.summary);
    expect(a.checks.map((x: { id: string; status: string }) => `${x.id} ${x.status}`)).toEqual(b.checks.map((x: { id: string; status: string }) => `${x.id} ${x.status}`));
    expect(a.checks.some((x: { status: string }) => x.status === 'fail')).toBe(true);
  });

  it('scan against the test cluster', async () => {
    const run = await installed(['scan', '--command-config', c.adminProps, '--format', 'json']);
    expect([0, 1], run.stderr).toContain(run.code);
    const report = JSON.parse(run.stdout);
    expect(report.tool.version).toBe(version);
    expect(report.snapshot.target.bootstrap).toEqual(c.saslBootstrap.split(','));
    expect(report.summary.coverage).toBeGreaterThan(80);
    // The seeded faults are found by the installed package too.
    expect(report.checks.find((x: { id: string }) => x.id === 'replication/replication-factor').status).toBe('fail');
    expect(run.stderr).toBe('');
  });
});
