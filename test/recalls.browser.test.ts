// Recalls in a real Chromium at 1366×768 and 390×844: hmc1 opens Uppföljning › Återkallelser, previews and recalls an
// article that ot1 delivered to a patient, follows a holder's progress; ot1 gets the message on the start page and its
// link shows the recall's notice on the article page. No page scrolls sideways at 390 px. Screenshots go to
// RECALL_SHOTS (or a temp dir).
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, recordingPage, tearDown, signInAs } from './helpers/chromium.ts';
import { startEngine, type EngineProcess } from './helpers/engine-process.ts';
import { TestClient } from './helpers/ws-client.ts';

const AXE_SOURCE = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const SHOTS = process.env.RECALL_SHOTS ?? fs.mkdtempSync(path.join(os.tmpdir(), 'aidstock-recalls-'));
const ERIK = '19811218-9876';
const SIZES = [
  { name: '1366', width: 1366, height: 768 },
  { name: '390', width: 390, height: 844 },
] as const;

let engine: EngineProcess;
let browser: Browser;
let ot: TestClient;
let staff: TestClient;
/** One rental article per size, each delivered by ot1 to a patient before the test. */
const articles: string[] = [];
const pageErrors: string[] = [];

beforeAll(async () => {
  fs.mkdirSync(SHOTS, { recursive: true });
  engine = await startEngine({ scale: 'tiny' });
  browser = await launchChromium();
  [ot, staff] = await Promise.all([TestClient.connect(engine.wsUrl, 'json'), TestClient.connect(engine.wsUrl, 'json')]);
  await Promise.all([ot.login('ot1'), staff.login('hmc1')]);
  const { articles: stocked } = await ot.call('catalog.list', { isoCode: '12 06 06', inStockOnly: true, limit: 50 });
  for (const a of stocked.filter((x: { kind: string }) => x.kind === 'rental').slice(0, SIZES.length)) {
    const placed = await ot.call('order.place', {
      idempotencyKey: `recall-browser-${a.artNo}`,
      recipient: { kind: 'patient', pnr: ERIK },
      lines: [{ artNo: a.artNo, quantity: 1 }],
    });
    for (const op of ['fulfil.pick', 'fulfil.dispatch', 'fulfil.deliver'])
      await staff.call(op, { orderNo: placed.orderNo });
    articles.push(a.artNo);
  }
}, 60_000);
afterAll(() => tearDown([ot, staff, browser], engine));

async function shot(page: Page, name: string, size: string): Promise<void> {
  await page.screenshot({ path: path.join(SHOTS, `${name}-${size}.png`), fullPage: true });
}

/** axe over the recall screen itself (the top bar at 390 px is the phone part's, issue 15). */
async function axeClean(page: Page, selector: string): Promise<void> {
  // Evaluated over the DevTools protocol, which the portal's Content-Security-Policy does not govern (a script tag would be refused).
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async (include) => {
    const axe = (window as unknown as { axe: { run: (c: unknown) => Promise<{ violations: { id: string }[] }> } }).axe;
    const result = await axe.run({ include: [include] });
    return result.violations.map((v) => v.id);
  }, selector);
  expect(violations).toEqual([]);
}

async function noSidewaysScroll(page: Page): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

describe.each(SIZES.map((size, i) => ({ ...size, i })))('recalls at $width×$height', ({ name, width, height, i }) => {
  it('hmc1 recalls an article ot1 delivered; ot1 gets the message and sees the notice', async () => {
    const artNo = articles[i]!;
    const hmc = await browser.newContext({ viewport: { width, height }, locale: 'sv-SE' });
    const page = await recordingPage(hmc, pageErrors, `hmc1 ${name}`);
    await signInAs(page, engine.url, 'hmc1');
    await page.goto(`${engine.url}/#/uppfoljning/aterkallelser`);
    await page.getByRole('heading', { level: 1, name: 'Återkallelser' }).waitFor();
    await page.getByLabel('Artikelnummer').fill(artNo);
    await page.getByLabel('Säkerhetsmeddelande').fill('Bromsen kan släppa. Byt ut enheten.');
    await page.getByRole('button', { name: 'Förhandsgranska' }).click();
    const preview = page.getByTestId('recall-preview');
    await preview.getByText('1 förskrivare får ett meddelande').waitFor();
    await shot(page, 'recall-preview', name);
    await noSidewaysScroll(page);
    await axeClean(page, '.admin-main');
    await preview.getByRole('button', { name: 'Återkalla' }).click();
    const created = page.getByTestId('recall-created');
    await created.getByRole('link').waitFor();
    const recallNo = Number(await created.getByRole('link').textContent());
    await page.locator(`[data-recallno="${recallNo}"]`).waitFor();
    await shot(page, 'recall-list', name);
    await created.getByRole('link').click();
    const holders = page.getByTestId('recall-holders');
    const row = holders.locator('tr', { hasText: 'Brukare' }).first();
    await row.waitFor();
    expect(await row.textContent()).toContain('198112189876'.replace(/^19(\d{6})(\d{4})$/, '$1-$2'));
    await row.getByRole('button', { name: /^Kontaktad/ }).click();
    await page.getByTestId('recall-counts').getByText('Kontaktad 1').waitFor();
    await shot(page, 'recall-detail', name);
    await noSidewaysScroll(page);
    await axeClean(page, '.admin-main');
    await hmc.close();

    const prescriber = await browser.newContext({ viewport: { width, height }, locale: 'sv-SE' });
    const otPage = await recordingPage(prescriber, pageErrors, `ot1 ${name}`);
    await signInAs(otPage, engine.url, 'ot1');
    const message = otPage.getByText(`Säkerhetsmeddelande, återkallelse ${recallNo}`);
    await message.waitFor();
    await shot(otPage, 'recall-message', name);
    await noSidewaysScroll(otPage);
    await otPage.getByRole('link', { name: `Återkallelse ${recallNo}` }).click();
    await otPage.getByTestId('recall-notice').getByText('Bromsen kan släppa.').waitFor();
    await shot(otPage, 'recall-article-notice', name);
    await noSidewaysScroll(otPage);
    await axeClean(otPage, '[data-testid="recall-notice"]');
    await prescriber.close();
    expect(pageErrors).toEqual([]);
  });
});
