// HMC oversight in a real Chromium: orders placed, then the engine restarted with its clock two weeks ahead
// (CLOCK_OFFSET_MS), so they are old. hmc1 sees the unpicked order flagged on Orderflöde and the backorder with what
// it waits for (its place in the queue before a younger one) on Plocklista; admin raises the threshold on
// Inställningar and the flag goes at once on hmc1's open Orderflöde.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium, recordingPage, tearDown, signInAs } from './helpers/chromium.ts';
import { startEngine, type EngineProcess } from './helpers/engine-process.ts';
import { TestClient } from './helpers/ws-client.ts';

const TWO_WEEKS_MS = 14 * 86_400_000;
const ART_NO = '100104';

let engine: EngineProcess;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let hmc: TestClient;
let registered: number;
let backorder: number;
/** Placed after the restart, so young; it queues behind the old backorder. */
let fresh: number;
const pageErrors: string[] = [];

/** ot1 places one order that reserves a unit and one for more than is left (a backorder), then the clock moves on. */
async function oldOrders(): Promise<void> {
  const first = await startEngine({ scale: 'tiny' });
  const ot = await TestClient.connect(first.wsUrl, 'json');
  await ot.login('ot1');
  const place = (key: string, quantity: number) =>
    ot.call('order.place', {
      idempotencyKey: key,
      recipient: { kind: 'patient', pnr: '19811218-9876' },
      lines: [{ artNo: ART_NO, quantity }],
    });
  registered = (await place('oversight-b-1', 1)).orderNo;
  const { rows } = await ot.call('stock.get', { artNo: ART_NO, warehouse: '10' });
  const left = rows[0]?.available ?? 0;
  const waiting = await place('oversight-b-2', left + 1);
  expect(waiting.lines[0].status).toBe('backorder');
  backorder = waiting.orderNo;
  await ot.close();
  await first.stop();
  engine = await startEngine({
    dataDir: first.dataDir,
    scale: 'tiny',
    env: { CLOCK_OFFSET_MS: String(TWO_WEEKS_MS) },
  });
}

beforeAll(async () => {
  await oldOrders();
  browser = await launchChromium();
  context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'sv-SE' });
  page = await recordingPage(context, pageErrors);
  hmc = await TestClient.connect(engine.wsUrl, 'json');
  await hmc.login('hmc1');
}, 120_000);
afterAll(() => tearDown([hmc, context, browser], engine));

async function signIn(username: string) {
  await signInAs(page, engine.url, username);
}

describe('HMC oversight', () => {
  it('shows hmc1 the old unpicked order flagged on Orderflöde, with its age and a count', async () => {
    await signIn('hmc1');
    await page.goto(`${engine.url}/#/orderflode`);
    const row = page.locator(`[data-testid="flow-row"][data-orderno="${registered}"]`);
    await row.waitFor();
    expect(await row.getAttribute('data-flagged')).toBe('true');
    expect(await row.getByTestId('flag').textContent()).toContain('Ej plockad');
    expect(await row.getByTestId('age').textContent()).toMatch(/^\d+ arbetsdagar$/);
    expect(Number(await page.getByTestId('flag-count').textContent())).toBeGreaterThanOrEqual(2);
    // Bara flaggade hides what is not flagged: a fresh order placed now.
    const ot = await TestClient.connect(engine.wsUrl, 'json');
    await ot.login('ot1');
    const placed = await ot.call('order.place', {
      idempotencyKey: 'oversight-b-3',
      recipient: { kind: 'patient', pnr: '19811218-9876' },
      lines: [{ artNo: ART_NO, quantity: 1 }],
    });
    await ot.close();
    fresh = placed.orderNo;
    const freshRow = page.locator(`[data-testid="flow-row"][data-orderno="${fresh}"]`);
    await freshRow.waitFor();
    expect(await freshRow.getAttribute('data-flagged')).toBe('false');
    await page.getByLabel('Bara flaggade').check();
    await freshRow.waitFor({ state: 'detached' });
    expect(await row.isVisible()).toBe(true);
  });

  it('shows the backorder on Plocklista with what it waits for', async () => {
    await page.goto(`${engine.url}/#/plock`);
    const line = page.locator(`[data-testid="backorder-row"][data-orderno="${backorder}"]`);
    await line.waitFor();
    expect(await line.textContent()).toContain(ART_NO);
    expect(await line.getByTestId('backorder-position').textContent()).toMatch(/^1 av 2/);
    expect(Number(await line.getByTestId('backorder-short').textContent())).toBeGreaterThanOrEqual(1);
    expect(await line.getAttribute('data-flagged')).toBe('true');
    const behind = page.locator(`[data-testid="backorder-row"][data-orderno="${fresh}"]`);
    expect(await behind.getByTestId('backorder-position').textContent()).toMatch(/^2 av 2 \(\d+ st före\)/);
    expect(await behind.getAttribute('data-flagged')).toBe('false');
    const card = page.locator(`[data-testid="queue-card"][data-orderno="${registered}"][data-status="registered"]`);
    expect(await card.getAttribute('data-flagged')).toBe('true');
  });

  it('lets admin raise the threshold on Inställningar, and the flag goes at once on hmc1’s open Orderflöde', async () => {
    // hmc1 keeps Orderflöde open in a browser of its own while admin works in this one.
    const hmcContext = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'sv-SE' });
    const hmcPage = await recordingPage(hmcContext, pageErrors, 'hmc1');
    await signInAs(hmcPage, engine.url, 'hmc1');
    await hmcPage.goto(`${engine.url}/#/orderflode`);
    const watched = hmcPage.locator(`[data-testid="flow-row"][data-orderno="${registered}"]`);
    await watched.waitFor();
    expect(await watched.getAttribute('data-flagged')).toBe('true');
    await page.getByRole('button', { name: 'Logga ut' }).click();
    await signIn('admin');
    await page.goto(`${engine.url}/#/admin/installningar`);
    const setting = page.locator('[data-testid="setting"][data-key="oversight.orderUnpickedWorkingDays"]');
    await setting.waitFor();
    expect(await setting.getByTestId('setting-value').textContent()).toBe('2 arbetsdagar');
    expect(await setting.textContent()).toContain('Tillåtet 0–60');
    await setting.getByLabel(/Nytt värde/).fill('61');
    await setting.getByRole('button', { name: 'Spara' }).click();
    await setting.getByText('Ange ett heltal mellan 0 och 60').waitFor();
    await setting.getByLabel(/Nytt värde/).fill('30');
    await setting.getByRole('button', { name: 'Spara' }).click();
    await page.getByTestId('settings-notice').getByText('30 arbetsdagar är sparat').waitFor();
    await expect.poll(() => setting.getByTestId('setting-value').textContent()).toBe('30 arbetsdagar');
    const listed = await hmc.call('settings.get', {});
    expect(listed.settings[0]).toMatchObject({ key: 'oversight.orderUnpickedWorkingDays', value: 30 });
    await expect.poll(() => watched.getAttribute('data-flagged')).toBe('false');
    expect(await hmcPage.getByTestId('flag-count').textContent()).toBe('0');
    await hmcContext.close();
    await page.goto(`${engine.url}/#/orderflode`);
    const row = page.locator(`[data-testid="flow-row"][data-orderno="${registered}"]`);
    await row.waitFor();
    expect(await row.getAttribute('data-flagged')).toBe('false');
    expect(await page.getByTestId('flag-count').textContent()).toBe('0');
    expect(pageErrors).toEqual([]);
  });
});
