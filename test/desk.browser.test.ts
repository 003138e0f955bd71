// Mina anteckningar and Avvikelse / reklamation in a real Chromium against the real engine, at 1366×768 and 390×844:
// ot1 writes a note about a patient from the patient page; ot1 files a deviation from the individual card; hmc1 answers
// it on the desk and sets a status; ot1's open report shows the answer live and the start page has the message. No
// page scrolls sideways and axe finds no contrast or other serious violation. Screenshots go to DESK_SHOTS.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium, recordingPage, signInAs, tearDown } from './helpers/chromium.ts';
import { startEngine, type EngineProcess } from './helpers/engine-process.ts';
import { heldDevice } from './helpers/held-device.ts';
import { TestClient } from './helpers/ws-client.ts';

const SHOTS = process.env.DESK_SHOTS ?? fs.mkdtempSync(path.join(os.tmpdir(), 'aidstock-desk-'));
const AXE = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const VIEWPORTS = { desktop: { width: 1366, height: 768 }, phone: { width: 390, height: 844 } } as const;

let engine: EngineProcess;
let browser: Browser;
let api: TestClient;
let device: { indNo: number; artNo: string };
let holderPnr: string;
/** An order, a work order and a pickup of ot1's, whose screens carry the desk links. */
const made = { orderNo: 0, woNo: 0, pickupNo: 0 };
const pageErrors: string[] = [];
const closables: Array<{ close(): Promise<unknown> }> = [];

beforeAll(async () => {
  engine = await startEngine({ scale: 'tiny' });
  api = await TestClient.connect(engine.wsUrl, 'json');
  await api.login('ot1');
  const held = await heldDevice(api);
  device = held.device;
  holderPnr = held.holder.pnrDisplay;
  const recipient = { kind: 'patient', pnr: holderPnr };
  const order = { idempotencyKey: 'desk-1', recipient, lines: [{ artNo: '100104', quantity: 1 }] };
  made.orderNo = (await api.call('order.place', order)).orderNo;
  const errand = { destination: 'technicalService', indNo: device.indNo, title: 'Bromsen' };
  made.woNo = (await api.call('workorder.create', errand)).workOrder.woNo;
  const pickup = { pnr: holderPnr, indNos: [device.indNo], reason: 'Byts ut' };
  made.pickupNo = (await api.call('pickup.create', pickup)).pickup.pickupNo;
  browser = await launchChromium();
}, 60_000);
afterAll(() => tearDown([api, ...closables, browser], engine));

/** Nothing scrolls the page sideways, and axe finds no serious violation (colour contrast included). */
async function checkPage(page: Page, name: string, size: string): Promise<void> {
  await page.screenshot({ path: path.join(SHOTS, `${name}-${size}.png`), fullPage: true });
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow, `${name} at ${size} scrolls sideways`).toBeLessThanOrEqual(0);
  await page.evaluate(AXE);
  const violations = await page.evaluate(async () => {
    type Violation = { id: string; impact: string; nodes: Array<{ target: string[] }> };
    const axe = (
      window as unknown as { axe: { run(node: Node, options: object): Promise<{ violations: Violation[] }> } }
    ).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
  expect(violations, `${name} at ${size}`).toEqual([]);
}

async function pageAs(username: string, size: keyof typeof VIEWPORTS): Promise<Page> {
  const context: BrowserContext = await browser.newContext({ viewport: VIEWPORTS[size], locale: 'sv-SE' });
  closables.push(context);
  const page = await recordingPage(context, pageErrors, `${username}@${size}`);
  await signInAs(page, engine.url, username);
  return page;
}

for (const size of ['desktop', 'phone'] as const) {
  describe(`the desk at ${size}`, () => {
    let ot: Page;
    let hmc: Page;
    let deviationNo: number;
    beforeAll(async () => {
      fs.mkdirSync(SHOTS, { recursive: true });
      [ot, hmc] = await Promise.all([pageAs('ot1', size), pageAs('hmc1', size)]);
    }, 60_000);

    it('ot1 writes a note about a patient from the patient page, and only sees it under Mina anteckningar', async () => {
      await ot.goto(`${engine.url}/#/hjalpmedel?pnr=${holderPnr}`);
      await ot.getByTestId('patient-devices').waitFor();
      await ot.screenshot({ path: path.join(SHOTS, `patient-page-${size}.png`), fullPage: true });
      await ot.getByRole('link', { name: 'Ny anteckning' }).click();
      await ot.getByRole('heading', { name: `Ny anteckning om brukare ${holderPnr}` }).waitFor();
      const text = `Ring om bromsen (${size})`;
      await ot.getByLabel('Anteckning (bara du kan se den)').fill(text);
      await ot.getByRole('button', { name: 'Spara anteckning' }).click();
      await ot
        .getByTestId('note-notice')
        .getByText(/är sparad/)
        .waitFor();
      const item = ot.getByTestId('notes').locator('li').filter({ hasText: text });
      await item.waitFor();
      expect(await item.textContent()).toContain(holderPnr);
      await checkPage(ot, 'notes', size);
    });

    it('ot1 files a deviation from the individual card', async () => {
      await ot.goto(`${engine.url}/#/individ/${device.indNo}`);
      await ot.getByTestId('individual-card').waitFor();
      await ot.screenshot({ path: path.join(SHOTS, `individual-card-${size}.png`), fullPage: true });
      await ot.getByRole('link', { name: 'Rapportera avvikelse' }).click();
      await ot.getByRole('heading', { name: 'Rapportera avvikelse' }).waitFor();
      expect(await ot.getByLabel('Individnummer').inputValue()).toBe(String(device.indNo));
      await ot.getByLabel('Produktfel (reklamation)').check();
      await ot.getByLabel('Vad hände?').fill(`Bromsen släpper i nedförsbacke (${size}).`);
      await checkPage(ot, 'deviation-form', size);
      await ot.getByRole('button', { name: 'Skicka avvikelse' }).click();
      const heading = ot.getByRole('heading', { level: 1, name: /^Avvikelse \d+$/ });
      await heading.waitFor();
      deviationNo = Number((await heading.textContent())!.replace(/\D/g, ''));
      expect(await ot.getByTestId('deviation-status').textContent()).toBe('Ny');
    });

    it('hmc1 answers it on the desk and sets a status; ot1 sees the answer live and gets the message', async () => {
      await hmc.goto(`${engine.url}/#/uppfoljning/avvikelser`);
      const row = hmc.getByTestId('deviations').locator(`li[data-deviationno="${deviationNo}"]`);
      await row.waitFor();
      await checkPage(hmc, 'deviation-desk', size);
      await row.getByRole('link', { name: `Avvikelse ${deviationNo}` }).click();
      await hmc.getByLabel('Ny status').selectOption('investigating');
      await hmc.getByLabel('Kommentar till den som rapporterade').fill('Vi har kontaktat leverantören.');
      await hmc.getByRole('button', { name: 'Spara' }).click();
      await hmc
        .getByTestId('deviation-notice')
        .getByText(/är uppdaterad/)
        .waitFor();
      await checkPage(hmc, 'deviation-detail-hmc', size);
      // ot1's open report follows by push, no reload.
      await ot.getByTestId('deviation-comments').getByText('Vi har kontaktat leverantören.').waitFor();
      expect(await ot.getByTestId('deviation-status').textContent()).toBe('Utreds');
      await checkPage(ot, 'deviation-detail-ot', size);
      await ot.goto(`${engine.url}/#/`);
      const message = ot
        .getByTestId('message')
        .filter({ hasText: `Avvikelse ${deviationNo}` })
        .first();
      await message.waitFor();
      expect(await message.getAttribute('data-kind')).toBe('deviationUpdated');
      await message.getByRole('link', { name: `Avvikelse ${deviationNo}` }).click();
      await ot.getByRole('heading', { level: 1, name: `Avvikelse ${deviationNo}` }).waitFor();
    });

    it('the order, work order and pickup screens link to a note or a report with their context', async () => {
      await ot.goto(`${engine.url}/#/order/${made.orderNo}`);
      const note = ot.getByRole('link', { name: 'Ny anteckning' });
      expect(await note.getAttribute('href')).toBe(`#/uppfoljning/anteckningar/ny?order=${made.orderNo}`);
      await ot.screenshot({ path: path.join(SHOTS, `order-overview-${size}.png`), fullPage: true });
      await ot.goto(`${engine.url}/#/arbetsorder`);
      const errand = ot.locator(`li[data-wono="${made.woNo}"]`).getByRole('link', { name: 'Rapportera avvikelse' });
      expect(await errand.getAttribute('href')).toBe(
        `#/uppfoljning/avvikelser/ny?ao=${made.woNo}&individ=${device.indNo}`,
      );
      await ot.screenshot({ path: path.join(SHOTS, `work-orders-${size}.png`), fullPage: true });
      await hmc.goto(`${engine.url}/#/hamtorder`);
      const pickup = hmc
        .locator(`li[data-pickupno="${made.pickupNo}"]`)
        .getByRole('link', { name: 'Rapportera avvikelse' });
      expect(await pickup.getAttribute('href')).toBe(
        `#/uppfoljning/avvikelser/ny?hamtorder=${made.pickupNo}&individ=${device.indNo}`,
      );
      await hmc.screenshot({ path: path.join(SHOTS, `pickups-${size}.png`), fullPage: true });
    });

    it('the admin side counts reports per article', async () => {
      await hmc.goto(`${engine.url}/#/admin/avvikelser`);
      const row = hmc.getByTestId('deviation-counts').locator(`tr[data-artno="${device.artNo}"]`);
      await row.waitFor();
      expect(await row.textContent()).toMatch(/\d/);
      await checkPage(hmc, 'admin-deviation-counts', size);
      await row.getByRole('link', { name: /avvikelser för/ }).click();
      await hmc.getByTestId('deviation-article-filter').waitFor();
      await hmc.getByTestId('deviations').locator(`li[data-deviationno="${deviationNo}"]`).waitFor();
      expect(pageErrors).toEqual([]);
    });
  });
}
