// Retur av hjälpmedel in a real Chromium, at 1366×768 and 390×844: ot1 opens a patient, sees the sale articles
// (Förbrukningsartiklar), de-registers one from B101 with "Behåll i förrådet", sees it under Återlämnade hjälpmedel and
// as "Sparade, ej förskrivningsbara" in the buffer with the prescribable balance unchanged, and cannot order it to
// another patient beyond the buffer's balance; hmc1 receives a sent-back return in Returer från förråd. Nothing
// scrolls sideways at 390 px. Screenshots go to RETURNS_SHOTS_DIR when it is set.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium, recordingPage, signInAs, signOut, tearDown } from './helpers/chromium.ts';
import { startEngine, type EngineProcess } from './helpers/engine-process.ts';
import { TestClient } from './helpers/ws-client.ts';

/** Seeded (engine/seed/demo-sale-orders.ts): ot1 gave these patients elbow crutches from B101, which holds 10. */
const PATIENTS = { desktop: '19811218-9876', phone: '19121212-1212' } as const;
const CRUTCH = '100124';
const OTHER_PATIENT = '19470221-3689';
const SHOTS = process.env.RETURNS_SHOTS_DIR ?? null;

let engine: EngineProcess;
let browser: Browser;
let ot: TestClient;
const pageErrors: string[] = [];

beforeAll(async () => {
  engine = await startEngine({ scale: 'tiny' });
  browser = await launchChromium();
  ot = await TestClient.connect(engine.wsUrl, 'json');
  await ot.login('ot1');
}, 60_000);
afterAll(() => tearDown([ot, browser], engine));

async function shot(page: Page, name: string): Promise<void> {
  if (SHOTS !== null) await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
}

const AXE_PATH = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** axe-core's violations (rule ids) within the element `selector` (the screens of this part, not the shared header). */
async function axeViolations(page: Page, selector: string): Promise<string[]> {
  // Evaluated over the DevTools protocol: the portal's Content-Security-Policy (rightly) refuses an injected script tag.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(fs.readFileSync(AXE_PATH, 'utf8'));
  return page.evaluate(async (sel) => {
    const axe = (window as unknown as { axe: { run: (c: string) => Promise<{ violations: Array<{ id: string }> }> } })
      .axe;
    return (await axe.run(sel)).violations.map((v) => v.id);
  }, selector);
}

async function noSidewaysScroll(page: Page): Promise<void> {
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
}

/** ot1 orders one crutch more than B101 holds to another patient through the wizard: Verkställ is refused. */
async function orderBeyondBuffer(page: Page, quantity: number, width: number): Promise<void> {
  await page.goto(`${engine.url}/#/bestall?pnr=${OTHER_PATIENT}`);
  await page.getByTestId('patient-card').waitFor();
  await page.getByTestId('wizard-next').click();
  await page.getByLabel('Uttag ur eget förråd (B101)').check();
  await page.getByTestId('wizard-next').click();
  await page.getByLabel('Artikelnummer', { exact: true }).fill(CRUTCH);
  await page.getByLabel('Antal', { exact: true }).fill(String(quantity));
  await page.getByTestId('add-line').click();
  // The quote already says the line cannot be had from the buffer (no false "restorder"), and the wizard stays.
  const line = page.locator(`[data-testid=order-line][data-artno="${CRUTCH}"]`);
  await expect.poll(() => line.getAttribute('data-outcome')).toBe('problem');
  expect(await line.textContent()).toContain('Förrådet B101 har');
  expect(await line.textContent()).toContain('sparade efter retur är inte förskrivningsbara');
  await page.getByTestId('wizard-next').click();
  await expect.poll(() => page.getByTestId('wizard-problem').textContent()).toMatch(/./);
  expect(await page.getByTestId('wizard-step').getAttribute('data-step')).toBe('3');
  await noSidewaysScroll(page);
  await shot(page, `order-beyond-refused-${width}`);
}

const bufferCrutch = async () => {
  const stock = await ot.call('return.bufferStock', {});
  return stock.rows.find((r: { artNo: string }) => r.artNo === CRUTCH) as { available: number; kept: number };
};

for (const [size, viewport] of [
  ['desktop', { width: 1366, height: 768 }],
  ['phone', { width: 390, height: 844 }],
] as const) {
  describe(`Retur av hjälpmedel at ${viewport.width}×${viewport.height}`, () => {
    let context: BrowserContext;
    let page: Page;
    beforeAll(async () => {
      context = await browser.newContext({ viewport, locale: 'sv-SE' });
      page = await recordingPage(context, pageErrors, size);
    });
    afterAll(() => context?.close());

    it('ot1 keeps a sale article in B101, and the buffer cannot be prescribed beyond its balance', async () => {
      const pnr = PATIENTS[size];
      const before = await bufferCrutch();
      await signInAs(page, engine.url, 'ot1');
      await page.goto(`${engine.url}/#/hjalpmedel?pnr=${pnr}`);
      const sale = page.getByTestId('patient-sale-articles');
      await sale.locator(`tr[data-artno="${CRUTCH}"]`).waitFor();
      await page.getByTestId('patient-returned').waitFor();
      await noSidewaysScroll(page);
      await shot(page, `patient-${viewport.width}`);
      expect(await axeViolations(page, '[data-testid="patient-sale-articles"]')).toEqual([]);
      expect(await axeViolations(page, '[data-testid="patient-returned"]')).toEqual([]);
      await sale.getByRole('link', { name: 'Retur av hjälpmedel' }).click();
      await page.getByRole('heading', { level: 1, name: 'Retur av hjälpmedel' }).waitFor();
      await page.getByLabel(/Armbågskrycka/).fill('1');
      await page.getByRole('radio', { name: 'Behåll i förrådet' }).check();
      await noSidewaysScroll(page);
      await shot(page, `return-form-${viewport.width}`);
      expect(await axeViolations(page, '.admin-main')).toEqual([]);
      await page.getByRole('button', { name: 'Fortsätt' }).click();
      const confirm = page.getByTestId('return-confirm');
      expect(await confirm.textContent()).toContain('kan inte förskrivas till en annan brukare');
      await shot(page, `return-confirm-${viewport.width}`);
      await confirm.getByRole('button', { name: 'Bekräfta returen' }).click();
      const receipt = page.getByTestId('return-receipt');
      await receipt.waitFor();
      expect(await receipt.textContent()).toMatch(/Retur \d+ är registrerad/);
      // The buffer view: the kept unit apart, the prescribable balance as before.
      const row = page.getByTestId('buffer-stock').locator(`tr[data-artno="${CRUTCH}"]`);
      await expect.poll(() => row.getByTestId('buffer-kept').textContent()).toBe(String(before.kept + 1));
      expect(await row.getByTestId('buffer-available').textContent()).toBe(String(before.available));
      await noSidewaysScroll(page);
      await shot(page, `return-receipt-${viewport.width}`);
      // Back on the patient: one crutch fewer, and the de-registration under Återlämnade hjälpmedel.
      await receipt.getByRole('link', { name: /Tillbaka/ }).click();
      await page.getByTestId('patient-returned').locator('tr[data-how="deregistration"]').first().waitFor();
      await noSidewaysScroll(page);
      await shot(page, `patient-after-${viewport.width}`);
      // Without a patient the screen is the buffer, the kept unit apart.
      await page.goto(`${engine.url}/#/uppfoljning/retur`);
      const kept = page.getByTestId('buffer-stock').locator(`tr[data-artno="${CRUTCH}"]`).getByTestId('buffer-kept');
      await expect.poll(() => kept.textContent()).toBe(String(before.kept + 1));
      await noSidewaysScroll(page);
      await shot(page, `buffer-${viewport.width}`);
      expect(await axeViolations(page, '.admin-main')).toEqual([]);
      // Ordering one more than the buffer's balance to another patient is refused: kept units are not stock.
      await orderBeyondBuffer(page, before.available + 1, viewport.width);
      expect((await bufferCrutch()).available).toBe(before.available);
      await signOut(page);
    });

    it('a prescriber without a buffer is told to attach the white return slip', async () => {
      await signInAs(page, engine.url, 'pt1');
      await page.goto(`${engine.url}/#/uppfoljning/retur/198112189876`);
      expect(await page.getByTestId('white-slip').textContent()).toContain('vita returlappen');
      expect(await page.locator('form.return-form').count()).toBe(0);
      await shot(page, `no-buffer-${viewport.width}`);
      await signOut(page);
    });

    it('hmc1 receives a sent-back return in Returer från förråd', async () => {
      const [held] = (await ot.call('patient.get', { pnr: PATIENTS[size] })).saleArticles;
      const sent = await ot.call('return.register', {
        pnr: PATIENTS[size],
        disposition: 'sendBack',
        lines: [{ artNo: held.artNo, quantity: 1 }],
      });
      await signInAs(page, engine.url, 'hmc1');
      await page.goto(`${engine.url}/#/uppfoljning/returer`);
      const row = page.locator(`li[data-returnno="${sent.returnNo}"]`);
      await row.waitFor();
      await noSidewaysScroll(page);
      await shot(page, `staff-returns-${viewport.width}`);
      expect(await axeViolations(page, '.admin-main')).toEqual([]);
      await row.getByRole('button', { name: 'Ta emot i lager 10' }).click();
      await expect
        .poll(() => page.getByTestId('returns-status').textContent())
        .toContain(`Retur ${sent.returnNo} är mottagen`);
      await row.waitFor({ state: 'detached' });
      await signOut(page);
      expect(pageErrors).toEqual([]);
    });
  });
}
