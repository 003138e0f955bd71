// Consent and emergency access in a real Chromium: ot1 acting for the municipality sees that the region's order for a
// patient is left out, opens an emergency access with a reason and then sees the order; "Logga ut överallt" on Dina
// uppgifter ends the session and lands on the login page. Screenshots of the notice and the form at two sizes.
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium, recordingPage, tearDown, signInAs } from './helpers/chromium.ts';
import { startEngine, type EngineProcess } from './helpers/engine-process.ts';
import { TestClient } from './helpers/ws-client.ts';
import { EMERGENCY_REASON_CHARS_MAX, EMERGENCY_REASON_CHARS_MIN } from '../schemas/limits.ts';

const PNR = '19811218-9876';
const KARIN = '19450312-2345';
const SHOTS_DIR = process.env.SHOTS_DIR ?? join(tmpdir(), 'shots-consent-ui');
let engine: EngineProcess;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let ot: TestClient;
let orderNo: number;
let karinOrderNo: number;
const pageErrors: string[] = [];

beforeAll(async () => {
  engine = await startEngine({ scale: 'tiny' });
  browser = await launchChromium();
  context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'sv-SE' });
  page = await recordingPage(context, pageErrors);
  ot = await TestClient.connect(engine.wsUrl, 'json');
  await ot.login('ot1');
  const placed = await ot.call('order.place', {
    idempotencyKey: 'patient-access-1',
    recipient: { kind: 'patient', pnr: PNR },
    lines: [{ artNo: '100104', quantity: 1 }],
  });
  orderNo = placed.orderNo;
  const karins = await ot.call('order.place', {
    idempotencyKey: 'patient-access-2',
    recipient: { kind: 'patient', pnr: KARIN },
    lines: [{ artNo: '100104', quantity: 1 }],
  });
  karinOrderNo = karins.orderNo;
  mkdirSync(SHOTS_DIR, { recursive: true });
}, 60_000);
afterAll(() => tearDown([ot, context, browser], engine));

async function signIn(username: string) {
  await signInAs(page, engine.url, username);
}

async function shoot(name: string) {
  for (const [width, height] of [
    [1366, 768],
    [390, 844],
  ] as const) {
    await page.setViewportSize({ width, height });
    await page.screenshot({ path: join(SHOTS_DIR, `${name}-${width}x${height}.png`), fullPage: true });
  }
  await page.setViewportSize({ width: 1366, height: 768 });
}

describe('Samtycke och nödåtkomst', () => {
  it('shows the withheld notice to the municipality, and the order after an emergency access with a reason', async () => {
    await signIn('ot1');
    await page
      .getByRole('banner')
      .getByRole('combobox', { name: /Arbetsplats/ })
      .selectOption('hsv-kungsbacka');
    await expect.poll(() => page.evaluate(() => sessionStorage.getItem('aidstock.workplace'))).toBe('hsv-kungsbacka');
    await page.goto(`${engine.url}/#/hjalpmedel?pnr=${encodeURIComponent(PNR)}`);
    const notice = page.getByTestId('withheld-notice');
    await notice.getByText(/från andra vårdgivare visas inte|från en annan vårdgivare visas inte/).waitFor();
    expect(await page.getByTestId('patient-open-orders').count()).toBe(0);
    await shoot('withheld-notice');

    await notice.getByRole('button', { name: 'Nödåtkomst' }).click();
    const reason = page.getByLabel(/Skäl till nödåtkomst/);
    // The portal mirrors the schema's limits (it has no build to import them).
    expect(await reason.getAttribute('maxlength')).toBe(String(EMERGENCY_REASON_CHARS_MAX));
    expect(await reason.getAttribute('minlength')).toBe(String(EMERGENCY_REASON_CHARS_MIN));
    await page.getByRole('button', { name: 'Öppna nödåtkomst' }).click();
    await page.getByText(`Skriv ett skäl med minst ${EMERGENCY_REASON_CHARS_MIN} tecken.`).waitFor();
    await reason.fill('Akut fallrisk i hemmet');
    await shoot('emergency-form');
    await page.getByRole('button', { name: 'Öppna nödåtkomst' }).click();

    await page.getByTestId('patient-open-orders').getByText(`Order ${orderNo}`).waitFor();
    expect(await page.getByTestId('withheld-notice').count()).toBe(0);
  });

  it('shows the notice on Rekvirerat per förskrivare for a patient, and the order after the patient’s consent', async () => {
    await page.goto(`${engine.url}/#/order?vy=mina`);
    await page.getByLabel('Brukare (personnummer)').fill(KARIN);
    await page.getByRole('button', { name: 'Sök' }).click();
    const notice = page.getByTestId('withheld-notice');
    await notice.getByText('1 post från en annan vårdgivare visas inte.').waitFor();
    await notice.getByRole('button', { name: 'Registrera samtycke' }).click();
    await notice.getByText('Brukaren har samtyckt till att vi tar del av uppgifter från andra vårdgivare.').waitFor();
    await notice.getByRole('button', { name: 'Bekräfta samtycke' }).click();
    await page.getByRole('link', { name: String(karinOrderNo) }).waitFor();
    expect(await page.getByTestId('withheld-notice').count()).toBe(0);
  });

  it('logs out everywhere from Dina uppgifter and lands on the login page', async () => {
    await page.goto(`${engine.url}/#/profil`);
    await page.getByRole('heading', { level: 1, name: 'Dina uppgifter' }).waitFor();
    await page.getByRole('button', { name: 'Logga ut överallt' }).click();
    await page.getByRole('button', { name: 'Logga in' }).waitFor();
    expect(await page.evaluate(() => sessionStorage.getItem('aidstock.workplace'))).toBeNull();
    expect(pageErrors).toEqual([]);
  });
});
