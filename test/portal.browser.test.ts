// The portal in a real headless Chromium against the real engine: login, ISO tree to 12 06 06 with stock, the article
// page, and a live stock push from another connection updating "Tillgängligt saldo lager 10" without a reload.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium, recordingPage, tearDown } from './helpers/chromium.ts';
import { startEngine, type EngineProcess } from './helpers/engine-process.ts';
import { heldDevice } from './helpers/held-device.ts';
import { TestClient } from './helpers/ws-client.ts';

const SCREENSHOT_DIR = fs.mkdtempSync(path.join(os.tmpdir(), 'aidstock-portal-'));

/** "1 234" (with non-breaking spaces) → 1234; a minus sign may be U+2212. */
function parseCount(text: string | null): number {
  const clean = (text ?? '').replace(/[\s\u00a0]/g, '').replace('\u2212', '-');
  if (!/^-?\d+$/.test(clean)) throw new Error(`not a count: ${JSON.stringify(text)}`);
  return Number(clean);
}

let engine: EngineProcess;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let staff: TestClient | undefined;
const pageErrors: string[] = [];

beforeAll(async () => {
  engine = await startEngine({ scale: 'tiny' });
  browser = await launchChromium();
  context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'sv-SE' });
  // Keep a handle on every WebSocket the page opens, so a test can drop the connection as a network failure would.
  await context.addInitScript(() => {
    const Native = window.WebSocket;
    const sockets: WebSocket[] = [];
    (window as unknown as { __sockets: WebSocket[] }).__sockets = sockets;
    window.WebSocket = class extends Native {
      constructor(url: string | URL, protocols?: string | string[]) {
        super(url, protocols);
        sockets.push(this);
      }
    };
  });
  page = await recordingPage(context, pageErrors);
});

afterAll(() => tearDown([staff, context, browser], engine));

describe('portal in Chromium', () => {
  it('serves a Swedish page with landmarks and a labelled login form', async () => {
    await page.goto(`${engine.url}/`);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('sv');
    await expect.poll(() => page.getByRole('main').count()).toBe(1);
    await page.getByRole('heading', { level: 1, name: 'Logga in' }).waitFor();
    expect(await page.getByRole('banner').count()).toBe(1);
    await expect.poll(() => page.getByTestId('connection-status').textContent()).toContain('Ansluten');
    // The first focusable element is the skip link; the username field has focus from the start.
    expect(await page.evaluate(() => document.querySelector('a[href], button, input')?.textContent)).toBe(
      'Hoppa till innehållet',
    );
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('login-username');
  });

  it('refuses a wrong password with a Swedish message, then signs ot1 in', async () => {
    await page.getByLabel('Användarnamn').fill('ot1');
    await page.getByLabel('Lösenord').fill('fel-lösenord');
    await page.getByRole('button', { name: 'Logga in' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toBe('Fel användarnamn eller lösenord.');

    // By keyboard only: username, Tab, password, Enter.
    await page.getByLabel('Användarnamn').fill('');
    await page.getByLabel('Användarnamn').focus();
    await page.keyboard.type('ot1');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('login-password');
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type('demo');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: /^Välkommen/ }).waitFor();
    const banner = page.getByRole('banner');
    expect(await banner.textContent()).toContain('Arbetsterapeut');
    expect(await banner.getByRole('button', { name: 'Logga ut' }).count()).toBe(1);
    expect(await page.evaluate(() => sessionStorage.getItem('aidstock.token'))).toMatch(/.+/);
  });

  it('browses Varukatalog 12 → 12 06 → 12 06 06 and filters on available stock; live stock on the article page', async () => {
    await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Varukatalog' }).click();
    await page.getByRole('heading', { level: 1, name: 'Varukatalog' }).waitFor();

    // The tree is Swedish only: no English subtitle under a class, nor under the heading of one.
    expect(await page.locator('.iso-nodes [lang="en"]').count()).toBe(0);
    await page.locator('a[data-iso="12"]').click();
    await page.locator('a[data-iso="12 06"]').waitFor();
    expect(await page.locator('main [lang="en"]').count()).toBe(0);
    await page.locator('a[data-iso="12 06"]').click();
    await page.locator('a[data-iso="12 06 06"]').click();
    await page.getByRole('heading', { level: 1, name: /12\s06\s06/ }).waitFor();
    expect(new URL(page.url()).hash).toBe('#/katalog/12%2006%2006');
    const rows = page.locator('[data-testid=article-table] tbody tr');
    await rows.first().waitFor();
    const unfiltered = await page.locator('.articles .section-head .hint').textContent();

    // "inkl. tillgängligt saldo": in-stock counts appear and the table keeps only articles with available stock.
    await page.getByLabel('inkl. tillgängligt saldo').check();
    await expect
      .poll(() => page.locator('.articles .section-head .hint').textContent())
      .toContain('med tillgängligt saldo');
    await rows.first().waitFor();
    const availableInRows = await rows.evaluateAll((trs) => trs.map((tr) => Number(tr.getAttribute('data-available'))));
    expect(availableInRows.length).toBeGreaterThan(0);
    expect(availableInRows.every((n) => n > 0)).toBe(true);
    expect(unfiltered).not.toContain('med tillgängligt saldo');

    // Open the first article with stock.
    const first = rows.first();
    const artNo = (await first.getAttribute('data-artno'))!;
    expect(artNo).toMatch(/^\d{6}$/);
    await first.getByRole('link').first().click();
    await page.getByTestId('available-main').waitFor();
    expect(new URL(page.url()).hash).toBe(`#/artikel/${artNo}`);
    expect(await page.getByTestId('article-artno').textContent()).toBe(artNo);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBeTruthy();
    expect(await page.locator('.breadcrumbs').textContent()).toContain('12 06 06'.replace(/ /g, '\u00a0'));
    const before = parseCount(await page.getByTestId('available-main').textContent());
    expect(before).toBe(availableInRows[0]);

    // Ground truth from the engine, on a second connection (HMC staff).
    staff = await TestClient.connect(engine.wsUrl, 'json');
    await staff.login('hmc1');
    const stock = await staff.call('stock.get', { artNo, warehouse: '10' });
    expect(stock.rows[0].available).toBe(before);

    // Mark the document: a reload would lose the mark.
    await page.evaluate(() => {
      (window as unknown as { __noReload: boolean }).__noReload = true;
    });
    const hasBuffer = (await page.getByTestId('available-buffer').count()) === 1;
    const bufferBefore = hasBuffer ? parseCount(await page.getByTestId('available-buffer').textContent()) : 0;

    await staff.call('admin.stockAdjust', { warehouse: '10', artNo, delta: 3, reason: 'received' });
    await expect
      .poll(async () => parseCount(await page.getByTestId('available-main').textContent()), { timeout: 5_000 })
      .toBe(before + 3);
    expect(await page.evaluate(() => (window as unknown as { __noReload?: boolean }).__noReload)).toBe(true);
    if (hasBuffer) expect(parseCount(await page.getByTestId('available-buffer').textContent())).toBe(bufferBefore);

    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'article.png'), fullPage: true });

    // The connection drops: the status says so, the client reconnects, resumes the session, subscribes again and
    // re-reads the article, so a change made while it was away shows up, and later pushes arrive again.
    await page.evaluate(() => {
      const log: string[] = [];
      (window as unknown as { __statusLog: string[] }).__statusLog = log;
      const status = document.querySelector('[data-testid=connection-status]')!;
      new MutationObserver(() => log.push(status.textContent ?? '')).observe(status, {
        subtree: true,
        childList: true,
        characterData: true,
      });
      const sockets = (window as unknown as { __sockets: WebSocket[] }).__sockets;
      sockets[sockets.length - 1].close();
    });
    await staff.call('admin.stockAdjust', { warehouse: '10', artNo, delta: 2, reason: 'received' });
    await expect.poll(() => page.getByTestId('connection-status').textContent()).toContain('Ansluten');
    await expect
      .poll(async () => parseCount(await page.getByTestId('available-main').textContent()), { timeout: 5_000 })
      .toBe(before + 5);
    const statusLog = await page.evaluate(() => (window as unknown as { __statusLog: string[] }).__statusLog);
    expect(statusLog.some((text) => text.includes('Återansluter'))).toBe(true);
    expect(await page.evaluate(() => (window as unknown as { __sockets: WebSocket[] }).__sockets.length)).toBe(2);
    await staff.call('admin.stockAdjust', { warehouse: '10', artNo, delta: 1, reason: 'received' });
    await expect
      .poll(async () => parseCount(await page.getByTestId('available-main').textContent()), { timeout: 5_000 })
      .toBe(before + 6);
    expect(await page.evaluate(() => (window as unknown as { __noReload?: boolean }).__noReload)).toBe(true);

    // A change in another warehouse leaves lager 10 alone (only the pushed warehouse's number changes).
    if (hasBuffer) {
      const buffer = /\(([0-9A-Z]+)\)/.exec((await page.locator('.balance').textContent()) ?? '')![1];
      await staff.call('admin.stockAdjust', { warehouse: buffer, artNo, delta: 2, reason: 'received' });
      await expect
        .poll(async () => parseCount(await page.getByTestId('available-buffer').textContent()), { timeout: 5_000 })
        .toBe(bufferBefore + 2);
      expect(parseCount(await page.getByTestId('available-main').textContent())).toBe(before + 6);
    }
    expect(pageErrors).toEqual([]);
  });

  it('keeps the session over a reload, unsubscribes when the article page closes, signs out', async () => {
    const artNo = new URL(page.url()).hash.split('/')[2];
    await page.reload();
    await page.getByTestId('available-main').waitFor();
    expect(await page.getByRole('heading', { level: 1, name: 'Logga in' }).count()).toBe(0);

    // Leave the article page: its stock/<artNo> subscription ends, so stock changes are no longer pushed anywhere.
    await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Start' }).click();
    await page.getByRole('heading', { level: 1, name: /^Välkommen/ }).waitFor();
    const pushesTotal = async () =>
      Number(/aidstock_pushes_total (\d+)/.exec(await (await fetch(`${engine.url}/metrics`)).text())![1]);
    await expect
      .poll(
        async () => {
          const before = await pushesTotal();
          await staff!.call('admin.stockAdjust', { warehouse: '10', artNo, delta: 1, reason: 'received' });
          return (await pushesTotal()) - before;
        },
        { timeout: 5_000 },
      )
      .toBe(0);

    // Back on the article page it shows the current balance again.
    await page.goBack();
    await page.getByTestId('available-main').waitFor();
    const truth = (await staff!.call('stock.get', { artNo, warehouse: '10' })).rows[0].available;
    await expect.poll(async () => parseCount(await page.getByTestId('available-main').textContent())).toBe(truth);

    await page.getByRole('banner').getByRole('button', { name: 'Logga ut' }).click();
    await page.getByRole('heading', { level: 1, name: 'Logga in' }).waitFor();
    expect(await page.evaluate(() => sessionStorage.getItem('aidstock.token'))).toBeNull();
    expect(pageErrors).toEqual([]);
  });

  it("Individkort: K-<indNo> shows who holds the device, Hjälpmedel lists the patient's devices; an unknown number says so", async () => {
    const { holder, device } = await heldDevice(staff!);

    await page.getByLabel('Användarnamn').fill('ot1');
    await page.getByLabel('Lösenord').fill('demo');
    await page.getByRole('button', { name: 'Logga in' }).click();
    await page.getByRole('banner').getByRole('button', { name: 'Logga ut' }).waitFor();
    await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Individkort' }).click();
    await page.getByRole('heading', { level: 1, name: 'Individkort' }).waitFor();
    await page.getByLabel('Individnummer').fill(`K-${device.indNo}`);
    await page.getByLabel('Individnummer').press('Enter');
    await page.getByTestId('individual-card').waitFor();
    expect(new URL(page.url()).hash).toBe(`#/individ/${device.indNo}`);
    const holderText = await page.getByTestId('holder').textContent();
    expect(holderText).toContain(`${holder.givenName} ${holder.familyName}`);
    expect(holderText).toContain(holder.pnrDisplay);
    expect(await page.getByTestId('individual-card').getByRole('link', { name: device.name }).count()).toBe(1);

    // The holder's name leads to Hjälpmedel: every device the patient holds, this one linking back to its card.
    await page.getByTestId('holder').getByRole('link').click();
    await page.getByRole('heading', { level: 1, name: 'Hjälpmedel' }).waitFor();
    await page.getByTestId('patient-devices').waitFor();
    expect(await page.getByTestId('patient-person').textContent()).toContain(holder.pnrDisplay);
    const row = page.locator(`[data-testid=patient-devices] tr[data-indno="${device.indNo}"]`);
    expect(await row.count()).toBe(1);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'hjalpmedel.png'), fullPage: true });
    await row.getByRole('link', { name: String(device.indNo) }).click();
    await page.getByTestId('individual-card').waitFor();
    expect(new URL(page.url()).hash).toBe(`#/individ/${device.indNo}`);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'individkort.png'), fullPage: true });

    await page.getByLabel('Individnummer').fill('99999999');
    await page.getByRole('button', { name: 'Visa' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toBe('Individ 99999999 finns inte.');
    await page.getByLabel('Individnummer').fill('56 314');
    await page.getByRole('button', { name: 'Visa' }).click();
    await expect
      .poll(() => page.getByRole('alert').first().textContent())
      .toContain('Ett individnummer är 1–8 siffror');

    // Hjälpmedel without a personnummer: find the patient in CFR by name instead.
    await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Hjälpmedel' }).click();
    await page.getByText('Sök i folkbokföringen (CFR)').click();
    await page.getByLabel('Namn, adress, ort eller födelsedatum').fill(`${holder.givenName} ${holder.familyName}`);
    await page.getByRole('button', { name: 'Sök', exact: true }).click();
    await page
      .getByRole('button', { name: `Välj ${holder.givenName} ${holder.familyName} ${holder.pnrDisplay}` })
      .click();
    await page.locator(`[data-testid=patient-devices] tr[data-indno="${device.indNo}"]`).waitFor();
    expect(new URL(page.url()).hash).toBe(`#/hjalpmedel?pnr=${encodeURIComponent(holder.pnrDisplay)}`);
    expect(pageErrors).toEqual([]);
  });

  it('Dina uppgifter: the name in the top bar opens the profile; a bad phone is refused, a good one is saved and kept', async () => {
    await page.getByRole('banner').getByRole('link', { name: 'Anna Bergström' }).click();
    await page.getByRole('heading', { level: 1, name: 'Dina uppgifter' }).waitFor();
    expect(await page.getByTestId('profile-workplaces').textContent()).toContain('Kundnummer');
    await page.getByLabel('Telefon').fill('ring växeln');
    await page.getByRole('button', { name: 'Spara' }).click();
    await expect.poll(() => page.getByTestId('profile-status').textContent()).toContain('Kontrollera uppgifterna');
    await page.getByLabel('Telefon').fill('035-13 10 77');
    await page.getByRole('button', { name: 'Spara' }).click();
    await expect.poll(() => page.getByTestId('profile-status').textContent()).toBe('Dina kontaktuppgifter är sparade.');
    const probe = await TestClient.connect(engine.wsUrl);
    const token = await page.evaluate(() => sessionStorage.getItem('aidstock.token'));
    expect((await probe.call('session.resume', { token })).user.phone).toBe('035-13 10 77');
    await probe.close();
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Dina uppgifter' }).waitFor();
    expect(await page.getByLabel('Telefon').inputValue()).toBe('035-13 10 77');
    expect(pageErrors).toEqual([]);
  });
});
