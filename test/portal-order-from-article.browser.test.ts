// Ordering from where the article is found, in a real headless Chromium against the real engine (tiny seed): ot1 clicks
// "Beställ" on an article page, a search hit and a catalog row, and the order wizard starts with that article as a line
// of quantity 1; a discontinued article offers no Beställ, and HMC staff (who do not prescribe) see none at all.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium, recordingPage, signInAs, tearDown } from './helpers/chromium.ts';
import { startEngine, type EngineProcess } from './helpers/engine-process.ts';

/** Demo data every seed has (engine/seed/demo-catalog.ts): two active rollators and a discontinued one, ISO 12 06 06. */
const JAZZ = '100101';
const JAZZ_55 = '100102';
const FUTURA = '100121';
const ERIK = '19811218-9876';

let engine: EngineProcess;
let browser: Browser;
let otContext: BrowserContext;
let hmcContext: BrowserContext;
let ot: Page;
let hmc: Page;
const pageErrors: string[] = [];

beforeAll(async () => {
  engine = await startEngine({ scale: 'tiny' });
  browser = await launchChromium();
  otContext = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'sv-SE' });
  hmcContext = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'sv-SE' });
  ot = await recordingPage(otContext, pageErrors, 'ot1');
  hmc = await recordingPage(hmcContext, pageErrors, 'hmc1');
  await signInAs(ot, engine.url, 'ot1');
  await signInAs(hmc, engine.url, 'hmc1');
}, 120_000);

afterAll(async () => {
  await tearDown([otContext, hmcContext, browser], engine);
});

/** The wizard's lines once step 1 (Erik) and step 2 (defaults) are passed: artNo → quantity. */
async function linesAfterFirstSteps(page: Page): Promise<Record<string, string>> {
  await page.getByRole('heading', { level: 1, name: 'Kundorder' }).waitFor();
  await page.getByLabel('Personnummer', { exact: true }).fill(ERIK);
  await page.getByLabel('Personnummer', { exact: true }).press('Enter');
  await page.getByTestId('patient-card').waitFor();
  await page.getByTestId('wizard-next').click();
  await expect.poll(() => page.getByTestId('wizard-step').getAttribute('data-step')).toBe('2');
  await page.getByTestId('wizard-next').click();
  await expect.poll(() => page.getByTestId('wizard-step').getAttribute('data-step')).toBe('3');
  const lines = page.getByTestId('order-line');
  await lines.first().waitFor();
  const found: Record<string, string> = {};
  for (const line of await lines.all())
    found[(await line.getAttribute('data-artno')) ?? ''] = await line.getByLabel('Antal').inputValue();
  return found;
}

describe('Beställ from the article page, a search hit and the catalog', () => {
  it('the article page starts the wizard with the article as a line of quantity 1', async () => {
    await ot.goto(`${engine.url}/#/artikel/${JAZZ}`);
    await ot.getByTestId('article-artno').waitFor();
    await ot.getByTestId('order-article').click();
    await expect.poll(() => ot.evaluate(() => location.hash)).toBe(`#/bestall?artikel=${JAZZ}`);
    expect(await ot.getByTestId('wizard-step').getAttribute('data-step')).toBe('1');
    expect(await linesAfterFirstSteps(ot)).toEqual({ [JAZZ]: '1' });
  });

  it('a search hit has Beställ, but not a discontinued one', async () => {
    await ot.goto(`${engine.url}/#/sok?q=dolomite&utgangna=1`);
    const futura = ot.locator(`[data-testid=result-row][data-artno="${FUTURA}"]`);
    await futura.waitFor();
    expect(await futura.getByTestId('order-article').count()).toBe(0);
    const row = ot.locator(`[data-testid=result-row][data-artno="${JAZZ_55}"]`);
    await row.getByRole('button', { name: `Beställ ${JAZZ_55}`, exact: false }).click();
    await expect.poll(() => ot.evaluate(() => location.hash)).toBe(`#/bestall?artikel=${JAZZ_55}`);
    expect(await linesAfterFirstSteps(ot)).toEqual({ [JAZZ_55]: '1' });
  });

  it('a catalog row has Beställ; a discontinued article page has none', async () => {
    await ot.goto(`${engine.url}/#/katalog/12%2006%2006`);
    const row = ot.locator(`[data-testid=result-row][data-artno="${JAZZ}"]`);
    await row.waitFor();
    await row.getByTestId('order-article').click();
    await expect.poll(() => ot.evaluate(() => location.hash)).toBe(`#/bestall?artikel=${JAZZ}`);
    await ot.getByRole('heading', { level: 1, name: 'Kundorder' }).waitFor();

    await ot.goto(`${engine.url}/#/artikel/${FUTURA}`);
    await ot.getByTestId('article-artno').waitFor();
    expect(await ot.getByTestId('order-article').count()).toBe(0);
  });

  it('HMC staff, who do not prescribe, get no Beställ', async () => {
    await hmc.goto(`${engine.url}/#/artikel/${JAZZ}`);
    await hmc.getByTestId('article-artno').waitFor();
    expect(await hmc.getByTestId('order-article').count()).toBe(0);
    await hmc.goto(`${engine.url}/#/sok?q=dolomite`);
    await hmc.locator('[data-testid=result-row]').first().waitFor();
    expect(await hmc.getByTestId('order-article').count()).toBe(0);
    expect(pageErrors).toEqual([]);
  });
});
