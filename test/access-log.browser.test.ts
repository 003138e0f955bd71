// The log reviewer's screens in a real Chromium against the real engine: log1 lands on Loggranskning; a patient's
// extract with its CSV download, a user's accesses, and a reproducible spot check with a review. Screenshots go to
// ACCESS_LOG_SHOTS (or a temp dir) at desktop and phone sizes.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium, recordingPage, tearDown } from './helpers/chromium.ts';
import { startEngine, type EngineProcess } from './helpers/engine-process.ts';
import { TestClient } from './helpers/ws-client.ts';

const SHOTS = process.env.ACCESS_LOG_SHOTS ?? fs.mkdtempSync(path.join(os.tmpdir(), 'aidstock-access-log-'));
const ERIK = '19811218-9876';
const VIEWPORTS = { desktop: { width: 1366, height: 768 }, phone: { width: 390, height: 844 } };

let engine: EngineProcess;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let ot: TestClient | undefined;
const pageErrors: string[] = [];

async function shoot(name: string): Promise<void> {
  fs.mkdirSync(SHOTS, { recursive: true });
  for (const [size, viewport] of Object.entries(VIEWPORTS)) {
    await page.setViewportSize(viewport);
    await page.screenshot({ path: path.join(SHOTS, `${name}-${size}.png`), fullPage: true });
  }
  await page.setViewportSize(VIEWPORTS.desktop);
}

beforeAll(async () => {
  engine = await startEngine({ scale: 'tiny' });
  ot = await TestClient.connect(engine.wsUrl);
  await ot.login('ot1');
  await ot.call('patient.get', { pnr: ERIK });
  await ot.call('register.search', { text: ERIK });
  await ot.call('register.search', { text: 'Halmstad', limit: 10 });
  browser = await launchChromium();
  context = await browser.newContext({ viewport: VIEWPORTS.desktop, locale: 'sv-SE', acceptDownloads: true });
  page = await recordingPage(context, pageErrors);
});

afterAll(() => tearDown([ot, context, browser], engine));

describe('Loggranskning in Chromium', () => {
  it('log1 signs in and lands on the log review, with only its menu', async () => {
    await page.goto(`${engine.url}/`);
    await page.getByLabel('Användarnamn').fill('log1');
    await page.getByLabel('Lösenord').fill('demo');
    await page.getByRole('button', { name: 'Logga in' }).click();
    await page.getByRole('heading', { level: 1, name: 'Loggranskning' }).waitFor();
    const menu = page.getByRole('navigation', { name: 'Huvudmeny' });
    expect(await menu.getByRole('link').allTextContents()).toEqual(['Loggranskning']);
  });

  it("Logguttag per brukare: the patient's accesses, and the CSV download", async () => {
    await page.getByLabel('Personnummer').fill(ERIK);
    await page.getByRole('button', { name: 'Visa' }).click();
    const rows = page.getByTestId('access-entries').locator('tbody tr');
    await expect.poll(() => rows.count()).toBeGreaterThanOrEqual(2);
    expect(await rows.first().textContent()).toContain('Anna Bergström');
    expect(await rows.first().textContent()).toContain('19811218-9876');
    await shoot('logguttag-per-brukare');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Ladda ner CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('loggutdrag-198112189876.csv');
  });

  it("Användares åtkomster: a user's accesses", async () => {
    await page.getByRole('link', { name: 'Användares åtkomster' }).click();
    await page.getByLabel('Användar-id').fill('ot1');
    await page.getByRole('button', { name: 'Visa' }).click();
    const rows = page.getByTestId('access-entries').locator('tbody tr');
    await expect.poll(() => rows.count()).toBeGreaterThanOrEqual(10);
    await shoot('anvandares-atkomster');
  });

  it('Stickprov: the same seed gives the same sample; a review is shown after marking', async () => {
    await page.getByRole('link', { name: 'Stickprov' }).click();
    await page.getByLabel('Antal').fill('3');
    await page.getByLabel('Frö').fill('7');
    await page.getByRole('button', { name: 'Dra stickprov' }).click();
    const rows = page.getByTestId('access-entries').locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(3);
    const first = await rows.allTextContents();
    await page.getByLabel('Frö').fill('8');
    await page.getByRole('button', { name: 'Dra stickprov' }).click();
    await page.getByLabel('Frö').fill('7');
    await page.getByRole('button', { name: 'Dra stickprov' }).click();
    await expect.poll(() => rows.allTextContents()).toEqual(first);
    await rows.first().getByPlaceholder('Kommentar').fill('Befogad åtkomst');
    await rows.first().getByRole('button', { name: 'Markera granskad' }).click();
    await expect.poll(() => rows.first().textContent()).toContain('Granskad av Lena Granström: Befogad åtkomst');
    await shoot('stickprov');
    expect(pageErrors).toEqual([]);
  });
});
