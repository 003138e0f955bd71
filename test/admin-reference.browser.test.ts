// Issue 14, part 2 in a real Chromium: `admin` sets a replacement link on Ersättningskedjor (a cycle is refused by
// the check before anything is saved) and sees the chain; retitles an ISO division and sees the new title in the
// Varukatalog; HMC staff see the chain without the edit form.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium, recordingPage, tearDown, signInAs } from './helpers/chromium.ts';
import { startEngine, type EngineProcess } from './helpers/engine-process.ts';
import { TestClient } from './helpers/ws-client.ts';

let engine: EngineProcess;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let api: TestClient;
const pageErrors: string[] = [];

/** The tiny seed's chain 100121 → 100103 → 100101; 100102 has no link. */
const OLD = '100103';
const UNLINKED = '100102';

beforeAll(async () => {
  engine = await startEngine({ scale: 'tiny' });
  browser = await launchChromium();
  context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'sv-SE' });
  page = await recordingPage(context, pageErrors);
  api = await TestClient.connect(engine.wsUrl, 'json');
  await api.login('admin');
  expect((await api.call('catalog.article', { artNo: OLD })).article.replacedBy).toBe('100101');
  expect((await api.call('catalog.article', { artNo: UNLINKED })).article.replacedBy).toBeNull();
}, 60_000);
afterAll(() => tearDown([api, context, browser], engine));

async function signIn(username: string) {
  await signInAs(page, engine.url, username);
}

describe('Ersättningskedjor and ISO 9999', () => {
  it('admin links 100102 → 100103: a cycle is refused first, the saved link shows in the chain both ways', async () => {
    await signIn('admin');
    await page.goto(`${engine.url}/#/admin/kedjor`);
    await page.getByLabel('Artikelnummer eller namn').fill(UNLINKED);
    await page.getByRole('button', { name: 'Visa kedja' }).click();
    const field = page.getByLabel(`${UNLINKED} ersätts av (artikelnummer, tomt: ingen)`);
    await field.fill(UNLINKED);
    await page.getByTestId('link-verdict').getByText('går i cirkel').waitFor();
    expect(await page.getByRole('button', { name: 'Spara' }).isDisabled()).toBe(true);
    await field.fill(OLD);
    await page.getByTestId('link-verdict').getByText(`Kedjan blir ${UNLINKED} → ${OLD} → 100101`).waitFor();
    await page.getByRole('button', { name: 'Spara' }).click();
    await page.getByTestId('chain-status').getByText(`${UNLINKED} ersätts nu av ${OLD}.`).waitFor();
    const rows = page.getByTestId('chain').locator('tbody tr');
    const artNos = (locator: typeof rows) =>
      locator.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-artno')));
    // The chain ends UNLINKED → OLD → 100101 (whatever the seed already had replaced by UNLINKED comes before).
    await expect.poll(async () => (await artNos(rows)).slice(-3)).toEqual([UNLINKED, OLD, '100101']);
    expect((await api.call('catalog.article', { artNo: UNLINKED })).article.replacedBy).toBe(OLD);
    await page.goto(`${engine.url}/#/admin/kedjor/100101`);
    const back = page.getByTestId('chain').locator('tbody tr');
    // Backwards from 100101: OLD nearest, then both articles OLD replaces (the seed's 100121 and the new link).
    await expect
      .poll(async () => {
        const shown = await artNos(back);
        return (
          shown.at(-1) === '100101' && shown.at(-2) === OLD && shown.includes(UNLINKED) && shown.includes('100121')
        );
      })
      .toBe(true);
  });

  it('admin retitles 12 06 06 and the Varukatalog shows the new title', async () => {
    await page.goto(`${engine.url}/#/admin/iso`);
    await page.getByRole('button', { name: 'Visa 12', exact: true }).click();
    await page.getByRole('button', { name: 'Visa 12 06', exact: true }).click();
    await page.getByRole('button', { name: 'Ändra benämning för 12 06 06' }).click();
    await page.getByLabel('Svensk benämning för 12 06 06').fill('Rollatorer med fyra hjul');
    await page.getByTestId('iso-title-form').getByRole('button', { name: 'Spara' }).click();
    await page.getByTestId('iso-status').getByText('heter nu ”Rollatorer med fyra hjul”').waitFor();
    await page.goto(`${engine.url}/#/katalog/12%2006`);
    await page.getByText('Rollatorer med fyra hjul').first().waitFor();
  });

  it('HMC staff see the chain without the edit form', async () => {
    await page.getByRole('button', { name: 'Logga ut' }).click();
    await signIn('hmc1');
    await page.goto(`${engine.url}/#/admin/kedjor/${OLD}`);
    await page.getByTestId('chain').waitFor();
    expect(await page.getByTestId('link-editor').count()).toBe(0);
    expect(pageErrors).toEqual([]);
  });
});
