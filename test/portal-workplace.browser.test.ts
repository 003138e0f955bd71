// The Arbetsplats chooser in a real Chromium: ot1 (region and municipality) switches by keyboard, another care
// provider's order is refused with the Swedish reason, the choice survives a reload, and back at the region the order
// shows; pt1 (one workplace) gets no chooser.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium, recordingPage, tearDown, signInAs } from './helpers/chromium.ts';
import { startEngine, type EngineProcess } from './helpers/engine-process.ts';
import { TestClient } from './helpers/ws-client.ts';

let engine: EngineProcess;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let ot: TestClient;
let orderNo: number;
const pageErrors: string[] = [];

beforeAll(async () => {
  engine = await startEngine({ scale: 'tiny' });
  browser = await launchChromium();
  context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'sv-SE' });
  page = await recordingPage(context, pageErrors);
  ot = await TestClient.connect(engine.wsUrl, 'json');
  await ot.login('ot1');
  const placed = await ot.call('order.place', {
    idempotencyKey: 'chooser-1',
    recipient: { kind: 'patient', pnr: '19811218-9876' },
    lines: [{ artNo: '100104', quantity: 1 }],
  });
  orderNo = placed.orderNo;
}, 60_000);
afterAll(() => tearDown([ot, context, browser], engine));

async function signIn(username: string) {
  await signInAs(page, engine.url, username);
}

describe('Arbetsplats', () => {
  it('lets ot1 switch care provider by keyboard; another care provider’s order is refused, even after a reload', async () => {
    await signIn('ot1');
    const chooser = page.getByRole('banner').getByRole('combobox', { name: /Arbetsplats/ });
    expect(await chooser.inputValue()).toBe('rehab-halmstad');
    await chooser.focus();
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => page.evaluate(() => sessionStorage.getItem('aidstock.workplace'))).toBe('hsv-kungsbacka');
    expect(await page.getByRole('banner').textContent()).toContain('Kungsbacka kommun');
    await page.goto(`${engine.url}/#/order/${orderNo}`);
    await page.getByText('tillhör en annan vårdgivare').waitFor();
    await page.reload();
    await page.getByText('tillhör en annan vårdgivare').waitFor();
    await page
      .getByRole('banner')
      .getByRole('combobox', { name: /Arbetsplats/ })
      .selectOption('rehab-halmstad');
    await page.getByRole('heading', { level: 1, name: `Order ${orderNo}` }).waitFor();
  });

  it('shows no chooser to a user with one workplace, and forgets the choice at logout', async () => {
    await page.getByRole('button', { name: 'Logga ut' }).click();
    // Logout forgets the choice once the engine has ended the session: poll, the click does not wait for it.
    await expect.poll(() => page.evaluate(() => sessionStorage.getItem('aidstock.workplace'))).toBeNull();
    await signIn('pt1');
    expect(await page.getByRole('banner').getByRole('combobox').count()).toBe(0);
    expect(pageErrors).toEqual([]);
  });
});
