// Sök artikel in a real headless Chromium against the real engine (tiny seed): the typo `rolator` with "inkl. tillgängligt
// saldo" lists rollators with balances, a stock change from another connection updates the row in place, the keyboard
// moves through the type-ahead and the result list and opens an article; folded Swedish letters, "Menade du", paging,
// subscriptions that follow the rows on screen, and the same list on the ISO tree pages.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium, recordingPage, tearDown, signInAs } from './helpers/chromium.ts';
import { startEngine, type EngineProcess } from './helpers/engine-process.ts';
import { TestClient } from './helpers/ws-client.ts';

const SCREENSHOT_DIR = fs.mkdtempSync(path.join(os.tmpdir(), 'aidstock-portal-search-'));
const PAGE_SIZE = 25;

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
let staff: TestClient;
const pageErrors: string[] = [];

const rows = () => page.getByTestId('result-row');
const rowArtNos = () => rows().evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-artno')));
const searchBox = () => page.getByRole('combobox', { name: 'Benämning' });
const activeId = () => page.evaluate(() => document.activeElement?.id ?? '');
const activeRowArtNo = () =>
  page.evaluate(() => document.activeElement?.closest('tr')?.getAttribute('data-artno') ?? null);
const pushesTotal = async () =>
  Number(/aidstock_pushes_total (\d+)/.exec(await (await fetch(`${engine.url}/metrics`)).text())![1]);
const shot = (name: string) => page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });

/** What the engine answers the same query (on the staff connection: balances do not depend on the caller). */
async function truth(
  args: Record<string, unknown>,
): Promise<{ total: number; hits: Array<{ artNo: string; name: string; available: { main: number } }> }> {
  return staff.call('catalog.search', { limit: PAGE_SIZE, ...args });
}

/** Replace the text of Benämning by typing it, key by key, as a user would. */
async function typeQuery(text: string): Promise<void> {
  await searchBox().fill('');
  await searchBox().focus();
  await page.keyboard.type(text);
}

beforeAll(async () => {
  engine = await startEngine({ scale: 'tiny' });
  staff = await TestClient.connect(engine.wsUrl, 'json');
  await staff.login('hmc1');
  browser = await launchChromium();
  context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'sv-SE' });
  // Hold back the reply to one chosen search (window.__delayText) so a test can make an older query answer last.
  await context.addInitScript(() => {
    type Probe = { __delayText: string | null; __delayedSent: number; __lateDelivered: number };
    const probe = window as unknown as Probe;
    probe.__delayText = null;
    probe.__delayedSent = 0;
    probe.__lateDelivered = 0;
    const held = new Set<number>();
    const Native = window.WebSocket;
    window.WebSocket = class extends Native {
      override send(data: string | ArrayBufferLike | Blob | ArrayBufferView): void {
        if (typeof data === 'string') {
          const frame = JSON.parse(data) as { id: number; op: string; args?: { text?: string } };
          if (frame.op === 'catalog.search' && probe.__delayText !== null && frame.args?.text === probe.__delayText) {
            held.add(frame.id);
            probe.__delayedSent++;
          }
        }
        super.send(data);
      }
      override set onmessage(handler: ((event: MessageEvent) => void) | null) {
        super.onmessage =
          handler === null
            ? null
            : (event: MessageEvent) => {
                const id = typeof event.data === 'string' ? (JSON.parse(event.data) as { id?: number }).id : undefined;
                if (id === undefined || !held.delete(id)) return handler.call(this, event);
                setTimeout(() => {
                  handler.call(this, event);
                  probe.__lateDelivered++;
                }, 800);
              };
      }
      override get onmessage(): ((event: MessageEvent) => void) | null {
        return super.onmessage;
      }
    };
  });
  page = await recordingPage(context, pageErrors);
});

afterAll(() => tearDown([staff, context, browser], engine));

describe('Sök artikel in Chromium', () => {
  it('signs ot1 in and opens Sök artikel from the main menu with the search box focused', async () => {
    await signInAs(page, engine.url, 'ot1');

    const menu = page.getByRole('navigation', { name: 'Huvudmeny' });
    await menu.getByRole('link', { name: 'Sök artikel' }).click();
    await page.getByRole('heading', { level: 1, name: 'Sök artikel' }).waitFor();
    expect(new URL(page.url()).hash).toBe('#/sok');
    expect(await menu.getByRole('link', { name: 'Sök artikel' }).getAttribute('aria-current')).toBe('page');
    expect(await page.title()).toBe('Sök artikel – Aidstock');
    await expect.poll(activeId).toBe('search-text');
    // The fields carry labels and hints; nothing is searched before something is typed.
    expect(await searchBox().getAttribute('aria-expanded')).toBe('false');
    expect(await page.locator('#search-text-hint').textContent()).toContain('artikelnummer');
    expect(await page.getByLabel('Leverantör').count()).toBe(1);
    expect(await page.getByLabel('visa utgångna').isChecked()).toBe(false);
    expect(await rows().count()).toBe(0);
  });

  it('types the typo "rolator" with "inkl. tillgängligt saldo": rollators with balances, as the engine ranks them', async () => {
    await page.getByLabel('inkl. tillgängligt saldo').check();
    await typeQuery('rolator');

    const expected = await truth({ text: 'rolator', inStockOnly: true });
    expect(expected.total).toBeGreaterThan(0);
    await expect.poll(rowArtNos).toEqual(expected.hits.map((hit) => hit.artNo));
    expect(await page.getByTestId('result-count').textContent()).toBe(
      `${expected.total} träffar med tillgängligt saldo`,
    );

    const names = await rows().locator('td.name a').allTextContents();
    expect(names[0]).toContain('Rollator');
    expect(names.filter((name) => name.includes('Rollator')).length).toBeGreaterThan(1);
    const balances = (await page.getByTestId('result-available-main').allTextContents()).map(parseCount);
    expect(balances).toEqual(expected.hits.map((hit) => hit.available.main));
    expect(balances.every((n) => n > 0)).toBe(true);
    // ot1 has an own buffer (eget förråd), so its column is there.
    expect(await page.getByRole('columnheader', { name: /Eget förråd/ }).count()).toBe(1);
    // The query is in the address, so a reload or Back finds it again.
    const hash = new URL(page.url()).hash;
    expect(hash).toContain('q=rolator');
    expect(hash).toContain('lager=1');

    // Type-ahead: an ARIA combobox; ArrowDown walks the options, Escape closes the list, focus stays in the field.
    await expect.poll(() => searchBox().getAttribute('aria-expanded')).toBe('true');
    const options = page.getByRole('listbox', { name: 'Förslag' }).getByRole('option');
    expect(await options.count()).toBeGreaterThan(0);
    await page.keyboard.press('ArrowDown');
    const firstOption = await options.first().getAttribute('id');
    expect(await searchBox().getAttribute('aria-activedescendant')).toBe(firstOption);
    expect(await options.first().getAttribute('aria-selected')).toBe('true');
    await shot('search-rolator-typeahead');
    await page.keyboard.press('Escape');
    expect(await searchBox().getAttribute('aria-expanded')).toBe('false');
    expect(await searchBox().getAttribute('aria-activedescendant')).toBeNull();
    expect(await searchBox().inputValue()).toBe('rolator');
    expect(await activeId()).toBe('search-text');
    await shot('search-rolator');
  });

  it('shows a stock change made on another connection in the row, without a reload', async () => {
    const first = rows().first();
    const artNo = (await first.getAttribute('data-artno'))!;
    const cell = first.getByTestId('result-available-main');
    const before = parseCount(await cell.textContent());
    expect((await staff.call('stock.get', { artNo, warehouse: '10' })).rows[0].available).toBe(before);
    await page.evaluate(() => {
      (window as unknown as { __noReload: boolean }).__noReload = true;
    });

    await staff.call('admin.stockAdjust', { warehouse: '10', artNo, delta: 2, reason: 'received' });
    await expect.poll(async () => parseCount(await cell.textContent()), { timeout: 5_000 }).toBe(before + 2);
    expect(await first.getAttribute('data-available')).toBe(String(before + 2));
    expect(await page.evaluate(() => (window as unknown as { __noReload?: boolean }).__noReload)).toBe(true);
    // Only that row changed.
    const expected = await truth({ text: 'rolator', inStockOnly: true });
    expect((await page.getByTestId('result-available-main').allTextContents()).map(parseCount)).toEqual(
      expected.hits.map((hit) => hit.available.main),
    );
    await shot('search-live-stock');
  });

  it('reaches the list by Tab, moves with ArrowDown and opens the article with Enter; Back returns to the search', async () => {
    const artNos = await rowArtNos();
    expect(artNos.length).toBeGreaterThan(1);
    await searchBox().focus();
    // Tab from the search box through the form until focus is in the list: the first row is the list's one tab stop.
    for (let i = 0; i < 10 && (await activeRowArtNo()) === null; i++) await page.keyboard.press('Tab');
    expect(await activeRowArtNo()).toBe(artNos[0]);
    expect(await rows().locator('a[tabindex="0"]').count()).toBe(1);

    await page.keyboard.press('ArrowDown');
    expect(await activeRowArtNo()).toBe(artNos[1]);
    expect(await rows().nth(1).locator('a').getAttribute('tabindex')).toBe('0');
    expect(await rows().nth(0).locator('a').getAttribute('tabindex')).toBe('-1');
    await page.keyboard.press('ArrowUp');
    expect(await activeRowArtNo()).toBe(artNos[0]);
    await page.keyboard.press('End');
    expect(await activeRowArtNo()).toBe(artNos[artNos.length - 1]);
    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowDown');
    expect(await activeRowArtNo()).toBe(artNos[1]);
    await shot('search-keyboard');

    await page.keyboard.press('Enter');
    await page.getByTestId('available-main').waitFor();
    expect(new URL(page.url()).hash).toBe(`#/artikel/${artNos[1]}`);
    expect(await page.getByTestId('article-artno').textContent()).toBe(artNos[1]);
    const stock = await staff.call('stock.get', { artNo: artNos[1], warehouse: '10' });
    expect(parseCount(await page.getByTestId('available-main').textContent())).toBe(stock.rows[0].available);

    await page.goBack();
    await page.getByRole('heading', { level: 1, name: 'Sök artikel' }).waitFor();
    expect(await searchBox().inputValue()).toBe('rolator');
    expect(await page.getByLabel('inkl. tillgängligt saldo').isChecked()).toBe(true);
    await expect.poll(rowArtNos).toEqual(artNos);
  });

  it('finds Röstförstärkare from "rostforstarkare"; rows that leave the screen stop their stock pushes', async () => {
    const rollator = (await rowArtNos())[0]!;
    await typeQuery('rostforstarkare');
    await expect
      .poll(() => rows().locator('td.name a').allTextContents())
      .toContainEqual(expect.stringContaining('Röstförstärkare'));
    const [voice] = await rowArtNos();
    expect(voice).toBe((await truth({ text: 'rostforstarkare', inStockOnly: true })).hits[0]!.artNo);
    await shot('search-rostforstarkare');

    // The rollator row is gone: a change to it is pushed to nobody. The row on screen still gets its pushes.
    await expect
      .poll(
        async () => {
          const before = await pushesTotal();
          await staff.call('admin.stockAdjust', { warehouse: '10', artNo: rollator, delta: 1, reason: 'received' });
          return (await pushesTotal()) - before;
        },
        { timeout: 5_000 },
      )
      .toBe(0);
    const cell = rows().first().getByTestId('result-available-main');
    const before = parseCount(await cell.textContent());
    const pushed = await pushesTotal();
    await staff.call('admin.stockAdjust', { warehouse: '10', artNo: voice, delta: 1, reason: 'received' });
    await expect.poll(async () => parseCount(await cell.textContent()), { timeout: 5_000 }).toBe(before + 1);
    expect((await pushesTotal()) - pushed).toBe(1);
  });

  it('finds an article by its number, typed whole or as a prefix into Benämning', async () => {
    await typeQuery('100104');
    await expect.poll(rowArtNos).toEqual(['100104']);
    await typeQuery('1001');
    const prefix = await truth({ text: '1001', inStockOnly: true });
    expect(prefix.total).toBeGreaterThan(1);
    await expect.poll(rowArtNos).toEqual(prefix.hits.map((hit) => hit.artNo));
    expect((await rowArtNos()).every((artNo) => artNo!.startsWith('1001'))).toBe(true);
  });

  it('takes a type-ahead option by keyboard (ArrowDown, Enter) or by mouse', async () => {
    const options = page.getByRole('listbox', { name: 'Förslag' }).getByRole('option');
    await typeQuery('rollator cr');
    await expect.poll(() => searchBox().getAttribute('aria-expanded')).toBe('true');
    const offered = await options.allTextContents();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    expect(await searchBox().getAttribute('aria-activedescendant')).toBe(
      await options.nth(1 % offered.length).getAttribute('id'),
    );
    await page.keyboard.press('Enter');
    const taken = offered[1 % offered.length]!;
    expect(await searchBox().inputValue()).toBe(taken);
    expect(await searchBox().getAttribute('aria-expanded')).toBe('false');
    expect(await activeId()).toBe('search-text');
    await expect
      .poll(rowArtNos)
      .toEqual((await truth({ text: taken, inStockOnly: true })).hits.map((hit) => hit.artNo));

    await typeQuery('röstf');
    await expect.poll(() => searchBox().getAttribute('aria-expanded')).toBe('true');
    const clicked = (await options.first().textContent())!;
    await options.first().click();
    expect(await searchBox().inputValue()).toBe(clicked);
    expect(await activeId()).toBe('search-text');
    await expect
      .poll(rowArtNos)
      .toEqual((await truth({ text: clicked, inStockOnly: true })).hits.map((hit) => hit.artNo));
  });

  it('keeps the type-ahead list closed after Enter submits, even when completions were still on their way', async () => {
    await typeQuery('rollator cr');
    await page.keyboard.press('Enter');
    await expect
      .poll(rowArtNos)
      .toEqual((await truth({ text: 'rollator cr', inStockOnly: true })).hits.map((hit) => hit.artNo));
    await page.waitForTimeout(600);
    expect(await searchBox().getAttribute('aria-expanded')).toBe('false');
    expect(await page.getByRole('listbox', { name: 'Förslag', includeHidden: true }).isHidden()).toBe(true);
  });

  it('ignores a reply to an older query that arrives after the newer one', async () => {
    const stale = await truth({ text: 'rul', inStockOnly: true });
    const fresh = await truth({ text: 'rullstol', inStockOnly: true });
    expect(stale.hits.map((hit) => hit.artNo)).not.toEqual(fresh.hits.map((hit) => hit.artNo));
    type Probe = { __delayText: string | null; __delayedSent: number; __lateDelivered: number };
    await page.evaluate(() => {
      (window as unknown as Probe).__delayText = 'rul';
    });

    await typeQuery('rul');
    await expect.poll(() => page.evaluate(() => (window as unknown as Probe).__delayedSent)).toBe(1);
    await page.keyboard.type('lstol');
    await expect.poll(rowArtNos).toEqual(fresh.hits.map((hit) => hit.artNo));
    // From now on, record every list the page shows: the late reply must not show up, not even for a moment.
    await page.evaluate(() => {
      const log: string[] = [];
      (window as unknown as { __rowLog: string[] }).__rowLog = log;
      const snapshot = () =>
        log.push(
          Array.from(document.querySelectorAll('[data-testid=result-row]'))
            .map((tr) => tr.getAttribute('data-artno'))
            .join(','),
        );
      new MutationObserver(snapshot).observe(document.getElementById('main')!, { subtree: true, childList: true });
    });
    await expect
      .poll(() => page.evaluate(() => (window as unknown as Probe).__lateDelivered), { timeout: 5_000 })
      .toBe(1);
    await page.evaluate(() => {
      (window as unknown as Probe).__delayText = null;
    });
    await new Promise((resolve) => setTimeout(resolve, 200));
    const shown = await page.evaluate(() => (window as unknown as { __rowLog: string[] }).__rowLog);
    expect(new Set(shown)).toEqual(new Set(shown.length === 0 ? [] : [fresh.hits.map((hit) => hit.artNo).join(',')]));
    expect(await rowArtNos()).toEqual(fresh.hits.map((hit) => hit.artNo));
    expect(await page.getByTestId('result-count').textContent()).toMatch(
      new RegExp(`^${fresh.total} träffar med tillgängligt saldo`),
    );
    expect(new URL(page.url()).hash).toContain('q=rullstol');
  });

  it('filters on Leverantör, alone or with Benämning', async () => {
    await typeQuery('rollator');
    await page.getByLabel('Leverantör').fill('etac');
    const both = await truth({ text: 'rollator', supplier: 'etac', inStockOnly: true });
    expect(both.total).toBeGreaterThan(0);
    await expect.poll(rowArtNos).toEqual(both.hits.map((hit) => hit.artNo));
    expect(new Set(await rows().locator('td:nth-child(3)').allTextContents())).toEqual(new Set(['Etac']));

    await searchBox().fill('');
    const supplierOnly = await truth({ supplier: 'etac', inStockOnly: true });
    expect(supplierOnly.total).toBeGreaterThan(both.total);
    await expect.poll(rowArtNos).toEqual(supplierOnly.hits.map((hit) => hit.artNo));
    await shot('search-supplier');
    await page.getByLabel('Leverantör').fill('');
    await expect.poll(() => rows().count()).toBe(0);
  });

  it('offers "Menade du" for a word it cannot place, and pages through many hits', async () => {
    await typeQuery('rolatr');
    await expect.poll(() => page.getByTestId('result-count').textContent()).toContain('Inga träffar');
    const didYouMean = page.getByTestId('did-you-mean');
    await expect.poll(() => didYouMean.textContent()).toContain('rollator');
    await shot('search-did-you-mean');
    await didYouMean.getByRole('button').click();
    expect(await searchBox().inputValue()).toBe('rollator');
    await expect
      .poll(rowArtNos)
      .toEqual((await truth({ text: 'rollator', inStockOnly: true })).hits.map((hit) => hit.artNo));

    // Without the stock filter, "rullstol" spans several pages.
    await page.getByLabel('inkl. tillgängligt saldo').uncheck();
    await typeQuery('rullstol');
    const all = await truth({ text: 'rullstol' });
    expect(all.total).toBeGreaterThan(PAGE_SIZE);
    await expect.poll(rowArtNos).toEqual(all.hits.map((hit) => hit.artNo));
    expect(await page.getByTestId('result-count').textContent()).toBe(`${all.total} träffar, visar 1–${PAGE_SIZE}`);
    await page.getByRole('navigation', { name: 'Sidor' }).getByRole('button', { name: 'Nästa ›' }).click();
    const second = await truth({ text: 'rullstol', offset: PAGE_SIZE });
    await expect.poll(rowArtNos).toEqual(second.hits.map((hit) => hit.artNo));
    expect(await page.getByRole('navigation', { name: 'Sidor' }).textContent()).toContain(
      `Sida 2 av ${Math.ceil(all.total / PAGE_SIZE)}`,
    );
    expect(new URL(page.url()).hash).toContain('sida=2');
    await shot('search-page-2');
  });

  it('uses the same live, keyboard-driven list on the ISO tree pages', async () => {
    await page.evaluate(() => {
      location.hash = '#/katalog/22%2009%2006';
    });
    await page.getByRole('heading', { level: 1, name: /22\s09\s06/ }).waitFor();
    const first = rows().first();
    await first.waitFor();
    const artNo = (await first.getAttribute('data-artno'))!;
    const cell = first.getByTestId('result-available-main');
    const before = parseCount(await cell.textContent());
    await staff.call('admin.stockAdjust', { warehouse: '10', artNo, delta: 3, reason: 'inventory' });
    await expect.poll(async () => parseCount(await cell.textContent()), { timeout: 5_000 }).toBe(before + 3);
    // The list reads itself once more after subscribing; from then on only pushes can change the cell.
    await staff.call('admin.stockAdjust', { warehouse: '10', artNo, delta: -1, reason: 'inventory' });
    await expect.poll(async () => parseCount(await cell.textContent()), { timeout: 5_000 }).toBe(before + 2);
    await shot('iso-live-stock');

    await first.locator('a').focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('available-main').waitFor();
    expect(await page.getByTestId('article-artno').textContent()).toBe(artNo);
    expect(parseCount(await page.getByTestId('available-main').textContent())).toBe(before + 2);
    expect(pageErrors).toEqual([]);
  });
});
