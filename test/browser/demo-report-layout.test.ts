// Measures the demo's HTML report the way a reviewer meets it: full-page height at 1400 px with the failing
// checks expanded, no horizontal scroll on a 390 px phone, nothing loaded from the network, no console error.
// Screenshots and the PDF are kept under .cache/test-results/html-report/ as test artifacts.
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/report/model.js';
import { renderHtml } from '../../src/report/renderers/html.js';
import { demoReport, jsonDigest } from './report-fixture.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARTIFACTS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../.cache/test-results/html-report');
/** The budget: a reviewer scrolls at most this far at 1400 px with every failing check open. */
const MAX_HEIGHT_1400 = 6000;

// The page's own globals, typed narrowly (the project's TypeScript lib has no DOM types).
type PageGlobals = {
  document: {
    documentElement: { scrollHeight: number; scrollWidth: number; clientWidth: number };
    querySelectorAll(sel: string): ArrayLike<{ hasAttribute(a: string): boolean }>;
  };
};

describe('the demo report in headless Chromium', () => {
  let dir: string;
  let context: BrowserContext;
  let page: Page;
  let report: Report;
  let fileUrl: string;
  const requests: string[] = [];
  const console: { type: string; text: string }[] = [];
  const pageErrors: string[] = [];
  const measured: Record<string, number> = {};

  beforeAll(async () => {
    expect(statSync(CHROMIUM).isFile(), `${CHROMIUM} is missing: apt-get install -y chromium`).toBe(true);
    mkdirSync(ARTIFACTS, { recursive: true });
    dir = mkdtempSync(path.join(tmpdir(), 'kr-demo-html-'));
    report = await demoReport();
    const file = path.join(ARTIFACTS, 'demo-report.html');
    writeFileSync(file, renderHtml(report, { jsonDigest: jsonDigest(report) }));
    fileUrl = pathToFileURL(file).href;
    context = await chromium.launchPersistentContext(path.join(dir, 'profile'), {
      executablePath: CHROMIUM,
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
      viewport: { width: 1400, height: 900 },
      offline: true,
    });
    context.on('request', (r) => requests.push(r.url()));
    page = context.pages()[0] ?? (await context.newPage());
    page.on('console', (m) => console.push({ type: m.type(), text: m.text() }));
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.goto(fileUrl, { waitUntil: 'load' });
  });

  afterAll(async () => {
    await context?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
    writeFileSync(path.join(ARTIFACTS, 'measurements.json'), `${JSON.stringify(measured, null, 2)}\n`);
  });

  it('is a real failing demo report: not-ready, with findings in several areas', () => {
    expect(report.summary.verdict).toBe('not-ready');
    expect(report.checks.filter((c) => c.findings.length > 0).length).toBeGreaterThan(10);
    expect(report.cluster.racks).toHaveLength(3);
  });

  it('fits in 6,000 px at 1400 px wide with every failing check expanded', async () => {
    await page.setViewportSize({ width: 1400, height: 900 });
    const checks = await page.evaluate(() => {
      const all = Array.from((globalThis as unknown as PageGlobals).document.querySelectorAll('#findings details.check'));
      return { total: all.length, open: all.filter((d) => d.hasAttribute('open')).length };
    });
    // Every check with open findings is on the page; the failing ones are open (warn-only checks start folded).
    const withFindings = report.checks.filter((c) => c.findings.some((f) => !f.waiver)).length;
    const failing = report.checks.filter((c) => c.findings.some((f) => !f.waiver && f.status === 'fail')).length;
    expect(checks.total).toBe(withFindings);
    expect(checks.open).toBe(failing);
    expect(failing).toBeGreaterThanOrEqual(10);
    const height = await page.evaluate(() => (globalThis as unknown as PageGlobals).document.documentElement.scrollHeight);
    measured.heightAt1400 = height;
    expect(height).toBeLessThanOrEqual(MAX_HEIGHT_1400);
    await page.screenshot({ path: path.join(ARTIFACTS, 'demo-1400-full.png'), fullPage: true });
    await page.screenshot({ path: path.join(ARTIFACTS, 'demo-1400-first-screen.png') });
    expect(statSync(path.join(ARTIFACTS, 'demo-1400-full.png')).size).toBeGreaterThan(50_000);
  });

  it('has no horizontal scroll at 390 px (a phone)', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    const m = await page.evaluate(() => {
      const d = (globalThis as unknown as PageGlobals).document.documentElement;
      return { scrollWidth: d.scrollWidth, clientWidth: d.clientWidth, height: d.scrollHeight };
    });
    measured.scrollWidthAt390 = m.scrollWidth;
    measured.heightAt390 = m.height;
    expect(m.clientWidth).toBe(390);
    expect(m.scrollWidth).toBeLessThanOrEqual(390);
    await page.screenshot({ path: path.join(ARTIFACTS, 'demo-390-first-screen.png') });
    await page.setViewportSize({ width: 1400, height: 900 });
  });

  it('shows the verdict, the no-gate card, the fix-first list and the charts on the page', async () => {
    expect(await page.locator('#verdict').innerText()).toBe('NOT-READY');
    expect(await page.locator('#gate-result').innerText()).toBe('no gate');
    const first = page.locator('#fix-first ol.fixfirst > li').first();
    expect(await first.innerText()).toMatch(/critical/i);
    expect(await page.locator('#chart-severity svg').count()).toBe(1);
    expect(await page.locator('#chart-zone-loss svg').count()).toBe(1);
    // No --observe in the demo: the lag and cost panels say why there is no picture instead of drawing zeros.
    expect(await page.locator('#chart-lag').innerText()).toMatch(/--observe/);
    expect(await page.locator('#chart-cost').innerText()).toMatch(/no cost figures/i);
    // The failing title states the failing condition.
    expect(await page.locator('#findings').innerText()).toContain('Unclean leader election is enabled');
  });

  it('prints to a readable PDF', async () => {
    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    writeFileSync(path.join(ARTIFACTS, 'demo-report.pdf'), pdf);
    measured.pdfBytes = pdf.length;
    await page.emulateMedia({ media: 'screen' });
  });

  it('loaded nothing but the file itself and logged no console error', async () => {
    await page.waitForLoadState('networkidle');
    expect(requests.filter((u) => !u.startsWith('data:'))).toEqual([fileUrl]);
    expect(console.filter((m) => m.type === 'error' || m.type === 'warning')).toEqual([]);
    expect(pageErrors).toEqual([]);
    expect(await page.locator('script').count()).toBe(0);
  });
});
