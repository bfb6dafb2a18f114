// Opens the HTML report in headless Chromium (Debian's /usr/bin/chromium, driven by playwright-core; no
// Playwright browser download) and checks that it renders, loads nothing but itself and logs no error.
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext, type ConsoleMessage, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/report/model.js';
import { renderHtml } from '../../src/report/renderers/html.js';
import { HOSTILE_TOPIC, jsonDigest, realisticReport } from './report-fixture.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** PNG width and height from the IHDR chunk. */
function pngSize(file: string): { width: number; height: number } {
  const buf = readFileSync(file);
  expect(buf.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}

describe('HTML report in headless Chromium', () => {
  let dir: string;
  let context: BrowserContext;
  let page: Page;
  let report: Report;
  let digest: string;
  let fileUrl: string;
  const consoleMessages: { type: string; text: string }[] = [];
  const requests: string[] = [];
  const pageErrors: string[] = [];

  beforeAll(async () => {
    expect(statSync(CHROMIUM).isFile(), `${CHROMIUM} is missing: apt-get install -y chromium`).toBe(true);
    dir = mkdtempSync(path.join(tmpdir(), 'kr-html-'));
    report = await realisticReport();
    digest = jsonDigest(report);
    const file = path.join(dir, 'report.html');
    writeFileSync(file, renderHtml(report, { jsonDigest: digest }));
    fileUrl = pathToFileURL(file).href;

    context = await chromium.launchPersistentContext(path.join(dir, 'profile'), {
      executablePath: CHROMIUM,
      headless: true,
      args: ARGS,
      viewport: { width: 1280, height: 900 },
      offline: true,
    });
    context.on('request', (r) => requests.push(r.url()));
    page = context.pages()[0] ?? (await context.newPage());
    page.on('console', (m: ConsoleMessage) => consoleMessages.push({ type: m.type(), text: m.text() }));
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.goto(fileUrl, { waitUntil: 'load' });
  });

  afterAll(async () => {
    await context?.close();
    if (dir && !process.env.KEEP_BROWSER_ARTIFACTS) rmSync(dir, { recursive: true, force: true });
  });

  it('loads nothing but the file itself and logs no console error', async () => {
    await page.waitForLoadState('networkidle');
    expect(requests.filter((u) => !u.startsWith('data:'))).toEqual([fileUrl]);
    expect(consoleMessages.filter((m) => m.type === 'error' || m.type === 'warning')).toEqual([]);
    expect(pageErrors).toEqual([]);
    expect(await page.locator('script').count()).toBe(0);
  });

  it('shows verdict, score, coverage, areas, findings and the digest', async () => {
    await expect.poll(() => page.title()).toContain('Kafka readiness report');
    for (const id of ['#verdict', '#score', '#coverage', '#areas', '#findings', '#waivers', '#permissions', '#cluster', '#digest']) {
      expect(await page.locator(id).isVisible(), id).toBe(true);
    }
    const text = (sel: string) => page.locator(sel).innerText();
    expect(await text('#verdict')).toBe(report.summary.verdict.toUpperCase());
    expect(await text('#score')).toContain(String(report.summary.score));
    expect(await text('#coverage')).toContain(`${report.summary.coverage}`);
    const areas = await text('#areas');
    for (const a of report.areas.filter((x) => x.checks.total > 0)) expect(areas).toContain(a.area);
    const findings = await text('#findings');
    expect(findings).toContain('replication/unclean-leader-election');
    // The hostile topic name is shown as text, not executed.
    expect(findings).toContain(HOSTILE_TOPIC);
    expect(findings).toMatch(/waiver expired/i);
    expect(await text('#digest')).toContain(digest);
    expect(await text('#digest')).toContain('sha256sum report.json');
    expect(await text('#waivers')).toMatch(/expired/);
    expect(await text('#permissions')).toContain('DESCRIBE on Cluster');
    // "Could not check" rows carry their own badge, distinct from pass.
    const unknownBadge = page.locator('#not-checked .st-unknown').first();
    const passBadge = page.locator('#checks .st-pass').first();
    // Runs in the page; the project's TypeScript lib has no DOM types, hence the narrow cast.
    type Styles = { getComputedStyle(el: unknown): { color: string; borderStyle: string; backgroundImage: string } };
    const style = (l: typeof unknownBadge) =>
      l.evaluate((el) => {
        const s = (globalThis as unknown as Styles).getComputedStyle(el);
        return `${s.color}|${s.borderStyle}|${s.backgroundImage}`;
      });
    expect(await style(unknownBadge)).not.toBe(await style(passBadge));
  });

  it('takes a non-trivial screenshot, on screen and for print', async () => {
    const shot = path.join(dir, 'report.png');
    await page.screenshot({ path: shot, fullPage: true });
    expect(statSync(shot).size).toBeGreaterThan(50_000);
    const { width, height } = pngSize(shot);
    expect(width).toBe(1280);
    expect(height).toBeGreaterThan(2000);

    const top = path.join(dir, 'report-top.png');
    await page.screenshot({ path: top });
    expect(statSync(top).size).toBeGreaterThan(20_000);

    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('nav.toc').isVisible()).toBe(false);
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(20_000);
    writeFileSync(path.join(dir, 'report.pdf'), pdf);
    await page.emulateMedia({ media: 'screen' });
    if (process.env.KEEP_BROWSER_ARTIFACTS) process.stderr.write(`browser artifacts in ${dir}\n`);
  });
});
