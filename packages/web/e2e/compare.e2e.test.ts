/**
 * The comparison page end to end (issue 17): the real server over a fixture content directory
 * (e2e/fixtures/compare-content: MLA-C01, PMLE and a Databricks exam, sources in our own words), the web app
 * built from this package, and Debian's Chromium. Every value opens its quotes, a known conflict shows its
 * mark, a value backed only by a 2022 source is stale until a fresh source states it too, the layout fits a
 * phone without sideways scrolling, prints cleanly, and axe-core finds nothing serious.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { CompareResponse } from '@certplan/planner-api';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeSeriousViolations } from './axeSeriousViolations.ts';
import { webRoot } from './buildWebApp.ts';
import { type ChromiumSession, executablePath, openCertplanInChromium } from './openCertplanInChromium.ts';
import { type CertplanServer, startCertplanServer } from './startCertplanServer.ts';
import { wideElements } from './wideElements.ts';

const screenshots = join(webRoot, 'e2e-screenshots');
const fixtureContent = join(webRoot, 'e2e/fixtures/compare-content');
const freshSource = join(webRoot, 'e2e/fixtures/compare-fresh-source/databricks-renewal-2026.md');
const EXAMS = ['aws-mla-c01', 'gcp-pmle', 'databricks-ml-associate'] as const;
const NAMES = {
  'aws-mla-c01': 'AWS Certified Machine Learning Engineer – Associate',
  'gcp-pmle': 'Google Cloud Professional Machine Learning Engineer',
  'databricks-ml-associate': 'Databricks Certified Machine Learning Associate',
} as const;
const COMPARE_PATH = `/compare?exams=${EXAMS.join(',')}`;

// app.e2e.test.ts says loudly when Chromium is missing (and fails under CI); this file only skips.
describe.skipIf(!executablePath)('the comparison page in Chromium', () => {
  let session: ChromiumSession;
  let server: CertplanServer;
  let page: Page;
  /** Serious axe findings, from the phone layout and the last test's pages. */
  const found: string[] = [];

  const shot = (name: string) => page.screenshot({ path: join(screenshots, `compare-${name}.png`), fullPage: true });
  const comparison = async (on: CertplanServer = server) =>
    (await (await fetch(`${on.url}/api/compare?exams=${EXAMS.join(',')}`)).json()) as CompareResponse;

  beforeAll(async () => {
    await mkdir(screenshots, { recursive: true });
    session = await openCertplanInChromium({ server: { contentFrom: fixtureContent } });
    ({ server, page } = session);
  });

  afterAll(() => session?.close());

  it('chooses MLA-C01, PMLE and the Databricks exam from the catalog and puts them in the URL', async () => {
    await page.goto(`${server.url}/`);
    await page.getByRole('link', { name: 'Compare exams' }).click();
    await page.getByRole('heading', { level: 1, name: 'Compare exams' }).waitFor();
    for (const id of EXAMS) {
      await page.getByRole('checkbox', { name: new RegExp(NAMES[id]) }).check();
      await page.waitForURL((url) => url.searchParams.get('exams')?.split(',').includes(id) ?? false);
    }
    expect(new URL(page.url()).searchParams.get('exams')).toBe(EXAMS.join(','));
    const headers = page.locator('.compare-table thead th .compare-exam-name');
    await headers.nth(2).waitFor();
    expect(await headers.allTextContents()).toEqual(EXAMS.map((id) => NAMES[id]));
    await shot('01-desktop');
    // The link alone reproduces it.
    await page.goto(server.url + COMPARE_PATH);
    await headers.nth(2).waitFor();
  });

  it('gives every value a citation marker that opens one of its own quotes', async () => {
    const api = await comparison();
    const values = page.locator('.compare-value');
    const count = await values.count();
    const apiValues = api.rows.flatMap((row) => row.cells.flatMap((cell) => cell.claims));
    expect(count).toBe(apiValues.length);
    expect(count).toBeGreaterThan(15);
    for (const row of api.rows) {
      for (const cell of row.cells) {
        const td = page.locator(`tr[data-row="${row.id}"] td[data-exam="${cell.exam}"]`);
        const shown = td.locator('.compare-value');
        expect(await shown.count(), `${row.id} ${cell.exam}`).toBe(cell.claims.length);
        for (const [i, claim] of cell.claims.entries()) {
          const markers = shown.nth(i).locator('.citation-marker');
          expect(await markers.count(), `${row.id} ${cell.exam}`).toBe(claim.citations.length);
          for (let m = 0; m < claim.citations.length; m++) {
            await markers.nth(m).click();
            const dialog = page.locator('dialog[open]');
            const quote = (await dialog.locator('blockquote').textContent()) ?? '';
            expect(quote).toBe(claim.citations[m]!.quote);
            expect(await dialog.locator('.source-date').textContent()).toMatch(/\d{4}/);
            await page.keyboard.press('Escape');
            await dialog.waitFor({ state: 'detached' });
          }
        }
      }
    }
  });

  it('marks the known conflict, and the mark leads to it on the review page', async () => {
    const api = await comparison();
    const questions = api.rows.find((row) => row.id === 'questions')!;
    const databricks = questions.cells.find((cell) => cell.exam === 'databricks-ml-associate')!.claims[0]!;
    expect(databricks.conflictId).toMatch(/^databricks-ml-associate\.questions\./);
    const mark = page.locator('tr[data-row="questions"] td[data-exam="databricks-ml-associate"] .disagree-mark');
    expect(await mark.textContent()).toBe('sources disagree');
    expect(await page.locator('.disagree-mark').count()).toBe(1);
    await page.locator('tr[data-row="questions"] td[data-exam="databricks-ml-associate"]').screenshot({
      path: join(screenshots, 'compare-02-conflict.png'),
    });
    await mark.click();
    await page.getByRole('heading', { level: 1, name: 'Review conflicts' }).waitFor();
    await page.locator(`article[id="conflict-${databricks.conflictId}"]`).waitFor();
    await page.goto(server.url + COMPARE_PATH);
    await page.locator('.compare-table').waitFor();
  });

  it('marks a value backed only by a 2022 source stale, and dates current ones', async () => {
    const api = await comparison();
    const validity = api.rows
      .find((row) => row.id === 'validity')!
      .cells.find((cell) => cell.exam === 'databricks-ml-associate')!.claims[0]!;
    expect(validity.citations.map((c) => c.published)).toEqual(['2022-05-09']);
    expect(validity.freshness).toMatchObject({ newest: '2022-05-09', stale: true, cause: 'threshold' });
    const cell = page.locator('tr[data-row="validity"] td[data-exam="databricks-ml-associate"]');
    expect(await cell.locator('.compare-value').getAttribute('data-stale')).toBe('true');
    expect(await cell.locator('.freshness').textContent()).toBe('stale: newest source May 2022');
    const fee = page.locator('tr[data-row="fee"] td[data-exam="aws-mla-c01"] .freshness');
    expect(await fee.textContent()).toBe('as of June 2026');
    expect(await page.locator('th[data-exam="databricks-ml-associate"] .freshness').textContent()).toMatch(
      /^sources as of February 2026 · 1 of \d+ values stale$/,
    );
  });

  it('clears the stale mark once a fresh source states the same value', async () => {
    const fresh = await startCertplanServer({
      webRoot: session.builtWeb,
      contentFrom: fixtureContent,
      extraSources: { 'databricks-renewal-2026.md': freshSource },
    });
    try {
      const api = await comparison(fresh);
      const validity = api.rows
        .find((row) => row.id === 'validity')!
        .cells.find((cell) => cell.exam === 'databricks-ml-associate')!.claims[0]!;
      expect(validity.citations.map((c) => c.published).sort()).toEqual(['2022-05-09', '2026-09-01']);
      expect(validity.freshness).toMatchObject({ newest: '2026-09-01', stale: false });
      await page.goto(fresh.url + COMPARE_PATH);
      const cell = page.locator('tr[data-row="validity"] td[data-exam="databricks-ml-associate"]');
      await cell.locator('.compare-value').waitFor();
      expect(await cell.locator('.freshness').textContent()).toBe('as of September 2026');
      expect(await cell.locator('.compare-value').getAttribute('data-stale')).toBe('false');
    } finally {
      await fresh.stop();
    }
  });

  it('starts a plan for an exam from its column', async () => {
    await page.goto(server.url + COMPARE_PATH);
    await page.locator('th[data-exam="gcp-pmle"]').getByRole('link', { name: 'Plan for this exam' }).click();
    await page.getByRole('heading', { level: 1, name: 'Plan your certification study' }).waitFor();
    expect(new URL(page.url()).searchParams.get('exam')).toBe('gcp-pmle');
  });

  it('stacks on a phone without sideways scrolling, and prints without the chooser', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(server.url + COMPARE_PATH);
    await page.locator('.compare-table td .compare-value').first().waitFor();
    expect(await wideElements(page)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    // Stacked: each exam's value sits under the one before, labelled with the exam's name.
    const cells = page.locator('tr[data-row="fee"] td');
    const [first, second] = [await cells.nth(0).boundingBox(), await cells.nth(1).boundingBox()];
    expect(second!.y).toBeGreaterThanOrEqual(first!.y + first!.height - 1);
    expect(await cells.nth(0).locator('.cell-exam').isVisible()).toBe(true);
    await shot('03-phone');
    found.push(...(await axeSeriousViolations(page)).map((v) => `phone: ${v}`));
    await page.setViewportSize({ width: 1280, height: 900 });

    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.compare-chooser').isVisible()).toBe(false);
    expect(await page.locator('.plan-link').first().isVisible()).toBe(false);
    expect(await page.locator('.compare-table').isVisible()).toBe(true);
    expect(await page.locator('.compare-value').first().isVisible()).toBe(true);
    await shot('04-print');
    await page.emulateMedia({ media: 'screen' });
  });

  it('has no serious accessibility violations (axe-core), with a citation open too', async () => {
    await page.goto(server.url + COMPARE_PATH);
    await page.locator('.compare-table').waitFor();
    await page.waitForLoadState('networkidle');
    found.push(...(await axeSeriousViolations(page)).map((v) => `desktop: ${v}`));
    await page.locator('.compare-value .citation-marker').first().click();
    await page.locator('dialog[open]').waitFor();
    found.push(...(await axeSeriousViolations(page)).map((v) => `citation dialog: ${v}`));
    await page.keyboard.press('Escape');
    await page.goto(`${server.url}/compare`);
    await page.getByRole('checkbox').first().waitFor();
    found.push(...(await axeSeriousViolations(page)).map((v) => `chooser: ${v}`));
    expect(found).toEqual([]);
  });

  it('raised no page errors and no CSP violations along the way', () => {
    expect(session.pageErrors).toEqual([]);
    expect(session.cspViolations).toEqual([]);
  });
});
