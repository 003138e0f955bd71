// Lager in a real Chromium: admin adjusts stock on an article with a reason code, and the stock ledger shows the new
// line at the top without a reload; hmc1 (HMC staff) sees the same article read-only: no adjustment form, no minimum
// editing. Ändringslogg lists the adjustment with its before → after.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium, recordingPage, tearDown, signInAs } from './helpers/chromium.ts';
import { startEngine, type EngineProcess } from './helpers/engine-process.ts';
import { TestClient } from './helpers/ws-client.ts';

let engine: EngineProcess;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let client: TestClient;
let artNo: string;
const pageErrors: string[] = [];

beforeAll(async () => {
  engine = await startEngine({ scale: 'tiny' });
  browser = await launchChromium();
  context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'sv-SE' });
  page = await recordingPage(context, pageErrors);
  client = await TestClient.connect(engine.wsUrl, 'json');
  await client.login('hmc1');
  const { articles } = await client.call('catalog.list', { isoCode: '12', inStockOnly: true, limit: 1 });
  artNo = articles[0].artNo;
}, 60_000);
afterAll(() => tearDown([client, context, browser], engine));

async function signIn(username: string) {
  await signInAs(page, engine.url, username);
}

describe('Lager', () => {
  it('admin adjusts stock with a reason code; the ledger shows the new line first', async () => {
    await signIn('admin');
    await page.goto(`${engine.url}/#/admin/lager`);
    await page.getByLabel('Artikelnummer').fill(artNo);
    await page.getByRole('button', { name: 'Visa' }).click();
    const form = page.getByTestId('stock-adjust');
    await form.getByLabel('Lager').selectOption('10');
    await form.getByLabel(/Ändring/).fill('-1');
    await form.getByLabel('Orsak').selectOption('damaged');
    await form.getByLabel('Kommentar').fill('Trasig vid inventering');
    await form.getByRole('button', { name: 'Spara justering' }).click();
    await page
      .getByTestId('lager-status')
      .getByText(/Saldot i lager 10 är nu/)
      .waitFor();
    const firstRow = page.getByTestId('stock-ledger').locator('tbody tr').first();
    await expect.poll(() => firstRow.textContent()).toContain('Kassation/skadad');
    expect(await firstRow.textContent()).toContain('Trasig vid inventering');
    expect(await firstRow.textContent()).toContain('saldo −1');
    expect(await firstRow.textContent()).toContain('admin');
    await page.goto(`${engine.url}/#/admin/andringslogg`);
    const change = page.getByTestId('change').first();
    await expect.poll(() => change.textContent()).toContain(artNo);
    expect(await change.textContent()).toMatch(/Orsak: Kassation\/skadad/);
  });

  it('hmc1 sees the article read-only: balances and ledger, but no adjustment form and no minimum editing', async () => {
    await page.getByRole('button', { name: 'Logga ut' }).click();
    await signIn('hmc1');
    await page.goto(`${engine.url}/#/admin/lager/${artNo}`);
    await page.getByTestId('stock-ledger').locator('tbody tr').first().waitFor();
    expect(await page.getByTestId('min-levels').locator('tbody tr').count()).toBeGreaterThan(1);
    expect(await page.getByTestId('stock-adjust').count()).toBe(0);
    expect(await page.getByTestId('min-levels').locator('input').count()).toBe(0);
    expect(await page.getByText('Du ser lagret utan att kunna ändra').count()).toBe(1);
    await page.goto(`${engine.url}/#/admin/andringslogg`);
    await page.getByText('Sidan finns inte, eller så har du inte behörighet till den.').waitFor();
    expect(pageErrors).toEqual([]);
  });
});
