// Artiklar (issue 14) in a real Chromium, two people at two desks: `admin` creates an article with a set part and a
// replacement link in the admin portal; ot1's open search (already showing results) shows it without a reload, and
// ot1's order wizard proposes the replacement because the new article has no stock. Field errors show beside the field.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium, recordingPage, tearDown, signInAs } from './helpers/chromium.ts';
import { startEngine, type EngineProcess } from './helpers/engine-process.ts';
import { TestClient } from './helpers/ws-client.ts';

/** A resident of Halland in the seed (the order tests' patient). */
const ERIK = '19811218-9876';
/** Rollator Cross 45 (Etac, 12 06 06): the replacement, given stock; the basket 100105 is the set part. */
const REPLACEMENT = '100104';
const SET_PART = '100105';
const NEW_ART = '190001';
const NEW_NAME = 'Rollator Cross Nova 50';
/** A push, its debounce and the read it starts; generous, for a machine under load. */
const PUSH_WAIT_MS = 10_000;

let engine: EngineProcess;
let browser: Browser;
let adminContext: BrowserContext;
let otContext: BrowserContext;
let admin: Page;
let ot: Page;
let staff: TestClient;
const pageErrors: string[] = [];

async function login(page: Page, username: string): Promise<void> {
  await signInAs(page, engine.url, username);
}

type Probe = { __noReload?: boolean };
const markNoReload = (page: Page) =>
  page.evaluate(() => {
    (window as unknown as Probe).__noReload = true;
  });
const noReload = (page: Page) => page.evaluate(() => (window as unknown as Probe).__noReload === true);
const resultArtNos = () =>
  ot.getByTestId('result-row').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-artno')));

beforeAll(async () => {
  engine = await startEngine({ scale: 'tiny' });
  staff = await TestClient.connect(engine.wsUrl, 'json');
  await staff.login('hmc1');
  const { rows } = await staff.call('stock.get', { artNo: REPLACEMENT, warehouse: '10' });
  const row = rows[0] ?? { onHand: 0, reserved: 0 };
  if (row.onHand - row.reserved < 2) {
    await staff.call('admin.stockAdjust', { warehouse: '10', artNo: REPLACEMENT, delta: 2, reason: 'received' });
  }
  browser = await launchChromium();
  adminContext = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'sv-SE' });
  otContext = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'sv-SE' });
  admin = await recordingPage(adminContext, pageErrors, 'admin');
  ot = await recordingPage(otContext, pageErrors, 'ot1');
}, 60_000);
afterAll(() => tearDown([staff, adminContext, otContext, browser], engine));

/** The supplier picker is a list once supplier.list answers, else the supplier's id. */
async function chooseSupplier(page: Page, id: string): Promise<void> {
  const field = page.locator('#art-supplier');
  if ((await field.evaluate((el) => el.tagName)) === 'SELECT') await field.selectOption(id);
  else await field.fill(id);
}

describe('Artiklar', () => {
  it('ot1 has a search open that already shows results', async () => {
    await login(ot, 'ot1');
    await ot.goto(`${engine.url}/#/sok?q=${encodeURIComponent('Rollator Cross')}`);
    await expect.poll(resultArtNos).toContain(REPLACEMENT);
    expect(await resultArtNos()).not.toContain(NEW_ART);
    await markNoReload(ot);
  });

  it('admin gets field errors beside the fields: an unknown set part, a bad price, a taken article number', async () => {
    await login(admin, 'admin');
    await admin.goto(`${engine.url}/#/admin/artiklar/ny`);
    await admin.getByTestId('article-form').waitFor();
    await admin.locator('#art-setparts-input').fill('999999');
    await admin.getByTestId('art-setparts-add').click();
    await expect
      .poll(() => admin.getByTestId('art-setparts-error').textContent())
      .toContain('Artikel 999999 finns inte');
    expect(await admin.getByTestId('art-setparts-item').count()).toBe(0);
    await admin.locator('#art-artNo').fill(REPLACEMENT);
    await admin.locator('#art-name').fill('Dubblett');
    await admin.locator('#art-iso').selectOption('12 06 06');
    await chooseSupplier(admin, 'etac');
    await admin.locator('#art-price').fill('12,5x');
    await admin.getByTestId('article-save').click();
    await expect.poll(() => admin.locator('#art-price-error').textContent()).toContain('Ange priset i kronor');
    await admin.locator('#art-price').fill('100');
    await admin.getByTestId('article-save').click();
    // The article number exists: the create is refused (article_exists), nothing is overwritten.
    await expect.poll(() => admin.locator('#art-artNo-error').textContent()).toContain('används redan');
    const page = await staff.call('catalog.article', { artNo: REPLACEMENT });
    expect(page.article.name).not.toBe('Dubblett');
  });

  it('admin creates an article with a set part and a replacement link', async () => {
    await admin.locator('#art-artNo').fill(NEW_ART);
    await admin.locator('#art-name').fill(NEW_NAME);
    await admin.locator('#art-price').fill('2 450,00');
    await admin.locator('#art-setparts-input').fill(SET_PART);
    await admin.getByTestId('art-setparts-add').click();
    await expect.poll(() => admin.getByTestId('art-setparts-item').textContent()).toContain('Korg');
    await admin.locator('#art-replacedby-input').fill(REPLACEMENT);
    await admin.getByTestId('art-replacedby-add').click();
    await expect.poll(() => admin.getByTestId('art-replacedby-item').textContent()).toContain('Rollator Cross 45');
    await admin.getByTestId('article-save').click();
    await admin.getByTestId('article-created').waitFor();
    const page = await staff.call('catalog.article', { artNo: NEW_ART });
    expect(page.article).toMatchObject({
      name: NEW_NAME,
      priceOre: 245_000,
      setParts: [SET_PART],
      replacedBy: REPLACEMENT,
    });
    expect(page.available.main).toBe(0);
  });

  it("ot1's open search shows the new article without a reload", async () => {
    await expect.poll(resultArtNos, { timeout: PUSH_WAIT_MS }).toContain(NEW_ART);
    expect(await noReload(ot)).toBe(true);
    const row = ot.locator(`[data-testid=result-row][data-artno="${NEW_ART}"]`);
    expect(await row.textContent()).toContain(NEW_NAME);
  });

  it("ot1's order wizard proposes the replacement for the new article, which has no stock", async () => {
    await ot.goto(`${engine.url}/#/bestall`);
    await ot.getByRole('heading', { level: 1, name: 'Kundorder' }).waitFor();
    await ot.getByLabel('Personnummer', { exact: true }).fill(ERIK);
    await ot.getByLabel('Personnummer', { exact: true }).press('Enter');
    await ot.getByTestId('patient-card').waitFor();
    await ot.getByTestId('wizard-next').click();
    await expect.poll(() => ot.getByTestId('wizard-step').getAttribute('data-step')).toBe('2');
    await ot.getByTestId('wizard-next').click();
    await expect.poll(() => ot.getByTestId('wizard-step').getAttribute('data-step')).toBe('3');
    await ot.getByLabel('Artikelnummer', { exact: true }).fill(NEW_ART);
    await ot.getByTestId('add-line').click();
    const line = ot.locator(`[data-testid=order-line][data-artno="${NEW_ART}"]`);
    await expect.poll(() => line.getAttribute('data-outcome')).toBe('proposal');
    const proposal = await line.getByTestId('proposal').textContent();
    expect(proposal).toContain(REPLACEMENT);
    expect(proposal).toContain('Rollator Cross 45');
  });

  it("admin renames, reprices and makes it outgoing after seeing the impact; ot1's article page follows live", async () => {
    await ot.goto(`${engine.url}/#/artikel/${NEW_ART}`);
    await ot.getByRole('heading', { level: 1, name: NEW_NAME }).waitFor();
    await markNoReload(ot);
    await admin.locator('#art-name').fill(`${NEW_NAME} Plus`);
    await admin.locator('#art-price').fill('2600');
    await admin.locator('#art-status').selectOption('outgoing');
    await admin.getByTestId('impact-panel').getByTestId('impact-none').waitFor();
    await admin.getByTestId('article-save').click();
    await expect.poll(() => admin.locator('#impact-confirm-error').textContent()).toContain('Bekräfta');
    await admin.getByLabel(/Jag har sett påverkan/).check();
    await admin.getByTestId('article-save').click();
    await expect.poll(() => admin.getByTestId('article-saved').textContent()).toContain('sparade');
    await ot.getByRole('heading', { level: 1, name: `${NEW_NAME} Plus` }).waitFor({ timeout: PUSH_WAIT_MS });
    expect(await ot.getByTestId('article-price').textContent()).toContain('2\u00a0600,00');
    expect(await ot.getByTestId('outgoing-note').count()).toBe(1);
    expect(await noReload(ot)).toBe(true);
    expect(pageErrors).toEqual([]);
  });
});
