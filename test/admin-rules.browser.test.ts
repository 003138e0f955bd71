// Förskrivningsregler in a real Chromium (issue 14): `admin` turns off Fysioterapeut's rule for ISO 12 06 (walking
// aids) in the matrix, sees the effect (articles no longer prescribable) before saving, saves, and then `pt1`, whose
// order wizard was open before, can no longer order a rollator: the line shows the Swedish refusal, and placing the
// order is refused with forbidden_article.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium, recordingPage, tearDown, signInAs } from './helpers/chromium.ts';
import { startEngine, type EngineProcess } from './helpers/engine-process.ts';
import { TestClient } from './helpers/ws-client.ts';

/** A resident of the demo register (engine/seed/demo-persons.ts). */
const ERIK = '19811218-9876';

let engine: EngineProcess;
let browser: Browser;
let adminContext: BrowserContext;
let ptContext: BrowserContext;
let admin: Page;
let pt: Page;
let ptClient: TestClient;
let rollator: string;
const pageErrors: string[] = [];

async function signIn(page: Page, username: string) {
  await signInAs(page, engine.url, username);
}

const quoteOutcome = async () => {
  const quote = await ptClient.call('order.quote', {
    recipient: { kind: 'patient', pnr: ERIK },
    lines: [{ artNo: rollator, quantity: 1 }],
  });
  return quote.lines[0].outcome as string;
};

beforeAll(async () => {
  engine = await startEngine({ scale: 'tiny' });
  browser = await launchChromium();
  adminContext = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'sv-SE' });
  ptContext = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'sv-SE' });
  admin = await recordingPage(adminContext, pageErrors, 'admin');
  pt = await recordingPage(ptContext, pageErrors, 'pt1');
  ptClient = await TestClient.connect(engine.wsUrl, 'json');
  await ptClient.login('pt1');
  const list = await ptClient.call('catalog.list', { isoCode: '12 06 06', inStockOnly: true, limit: 5 });
  rollator = list.articles[0].artNo;
}, 60_000);
afterAll(() => tearDown([ptClient, adminContext, ptContext, browser], engine));

describe('admin changes a prescribing rule; pt1 can no longer order that ISO code', () => {
  it('before: pt1 may order a rollator (ISO 12 06 06)', async () => {
    expect(await quoteOutcome()).not.toBe('problem');
    await signIn(pt, 'pt1');
    await pt.goto(`${engine.url}/#/bestall`);
    await pt.getByLabel('Personnummer', { exact: true }).fill(ERIK);
    await pt.getByLabel('Personnummer', { exact: true }).press('Enter');
    await pt.getByTestId('patient-card').waitFor();
    await pt.getByTestId('wizard-next').click();
    await expect.poll(() => pt.getByTestId('wizard-step').getAttribute('data-step')).toBe('2');
    await pt.getByTestId('wizard-next').click();
    await expect.poll(() => pt.getByTestId('wizard-step').getAttribute('data-step')).toBe('3');
  });

  it('admin turns 12 06 off for Fysioterapeut, sees the effect, and saves', async () => {
    await signIn(admin, 'admin');
    await admin.goto(`${engine.url}/#/admin/regler`);
    await admin.getByTestId('rule-matrix').waitFor();
    expect(await admin.getByTestId('rule-preview').count()).toBe(0);
    await admin.getByRole('button', { name: /^Öppna 12 Hjälpmedel/ }).click();
    const cell = admin.locator('[data-cell="pt|12 06"]');
    expect(await cell.getAttribute('aria-label')).toMatch(/^Fysioterapeut, 12 06 .*: Ja$/);
    await cell.click();
    await expect.poll(() => cell.getAttribute('aria-label')).toMatch(/: Nej$/);
    expect(await admin.locator('[data-cell="pt|12"]').getAttribute('aria-label')).toMatch(/: Delvis$/);
    const effect = admin.getByTestId('rule-preview').locator('[data-profession="pt"]');
    await expect.poll(() => effect.textContent()).toMatch(/artiklar blir inte längre förskrivningsbara/);
    expect(await effect.textContent()).toContain('Fysioterapeut');
    expect(await effect.locator('.rule-lost').textContent()).toMatch(/−\d/);
    await admin.getByRole('button', { name: 'Spara regler' }).click();
    await expect.poll(() => admin.getByTestId('rules-status').textContent()).toBe('Sparat: Fysioterapeut.');
    expect(await admin.getByTestId('rule-preview').count()).toBe(0);
  });

  it("pt1's open wizard refuses the rollator with the Swedish message, and so does the engine", async () => {
    await pt.getByLabel('Artikelnummer', { exact: true }).fill(rollator);
    await pt.getByTestId('add-line').click();
    const line = pt.locator(`[data-testid=order-line][data-artno="${rollator}"]`);
    await expect.poll(() => line.getAttribute('data-outcome')).toBe('problem');
    expect(await line.getByTestId('line-problem').textContent()).toMatch(
      /Din yrkesgrupp får inte förskriva .* \(ISO 12 06 06\) enligt hjälpmedelsanvisningarna/,
    );
    expect(await quoteOutcome()).toBe('problem');
    const placed = await ptClient.request('order.place', {
      idempotencyKey: 'rule-changed-1',
      recipient: { kind: 'patient', pnr: ERIK },
      lines: [{ artNo: rollator, quantity: 1 }],
    });
    expect(placed.ok ? 'ok' : placed.error.code).toBe('forbidden_article');
    expect(pageErrors).toEqual([]);
  });
});
