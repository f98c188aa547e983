/**
 * The exam choice over the whole catalog, in Chromium: the real server over the frozen fifteen-exam fixture
 * (planner-api's src/test/fixtures/catalog), at desktop and phone widths. Exams are grouped by vendor, retired
 * ones folded away, the filter narrows them, and a chosen exam (here a Databricks one) gets its plan.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ChromiumSession, executablePath, openCertplanInChromium } from './openCertplanInChromium.ts';
import { type CertplanServer, repoRoot } from './startCertplanServer.ts';
import { wideElements } from './wideElements.ts';

const catalogFixture = join(repoRoot, 'packages/planner-api/src/test/fixtures/catalog');

// app.e2e.test.ts reports a missing Chromium (and fails under CI=true); this file only skips.
describe.skipIf(!executablePath)('the exam choice over fifteen exams, in Chromium', () => {
  let session: ChromiumSession;
  let server: CertplanServer;
  let page: Page;

  const groupHeadings = () => page.locator('.exam-vendor-heading').allTextContents();
  const visibleCards = () => page.locator('.exam-card:visible label').allTextContents();
  beforeAll(async () => {
    session = await openCertplanInChromium({ server: { contentFrom: catalogFixture } });
    ({ server, page } = session);
  });

  afterAll(() => session?.close());

  it('groups the exams by vendor with retired ones folded, and filters them', async () => {
    await page.goto(`${server.url}/`);
    await page.getByLabel('Filter exams').waitFor();
    expect(await groupHeadings()).toEqual(['AWS', 'Databricks', 'Google Cloud', 'Microsoft']);
    // Eleven active exams in view; the four retired ones are in closed disclosures.
    expect(await visibleCards()).toHaveLength(11);
    expect(await page.locator('details.retired-exams summary').allTextContents()).toEqual([
      'Retired AWS exams (1)',
      'Retired Microsoft exams (3)',
    ]);
    await page.getByText('Retired Microsoft exams (3)').click();
    expect(await visibleCards()).toHaveLength(14);

    await page.getByLabel('Filter exams').fill('databricks associate');
    expect(await groupHeadings()).toEqual(['Databricks']);
    expect(await visibleCards()).toEqual([
      'Databricks Certified Generative AI Engineer Associate',
      'Databricks Certified Machine Learning Associate',
    ]);
    await page.getByLabel('Filter exams').fill('AI-102');
    // A retired match is shown, not folded away.
    expect(await visibleCards()).toEqual(['Microsoft Azure AI Engineer Associate']);
  });

  it('works at phone width: no sideways scrolling, a filtered choice builds its plan', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${server.url}/`);
    await page.getByLabel('Filter exams').waitFor();
    expect(await wideElements(page, '.chart-scroll, .table-scroll')).toEqual([]);
    await page.getByLabel('Filter exams').fill('ml professional');
    await page.getByRole('radio', { name: 'Databricks Certified Machine Learning Professional', exact: true }).check();
    await page.getByLabel('Hours per week').fill('6');
    await page.getByLabel('Or target hours (optional)').fill('30');
    await page.getByRole('button', { name: 'Build plan' }).click();
    await page
      .getByRole('heading', { name: 'Your plan for Databricks Certified Machine Learning Professional' })
      .waitFor();
    expect(new URL(page.url()).searchParams.get('exam')).toBe('databricks-ml-professional');
    expect(await wideElements(page, '.chart-scroll, .table-scroll')).toEqual([]);
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('raised no page errors', () => {
    expect(session.pageErrors).toEqual([]);
  });
});
