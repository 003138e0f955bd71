// Katalogimport in a real Chromium: admin chooses a generated import file (new articles with references, changed
// ones, one line in error), reads the dry run's summary and lines (changed fields old → new, the error's message),
// confirms "Verkställ import", watches the progress to the result, and the new article is in the catalog.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { generateCatalogTables, SCALES } from '../engine/seed/generate.ts';
import { SEED_DEFAULT } from '../engine/seed/seed-store.ts';
import { launchChromium, recordingPage, tearDown, signInAs } from './helpers/chromium.ts';
import { startEngine, type EngineProcess } from './helpers/engine-process.ts';
import { importFileText } from './helpers/import-file.ts';
import { TestClient } from './helpers/ws-client.ts';

const ROWS = 400;
const CHANGED = 20;
let engine: EngineProcess;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let client: TestClient;
const pageErrors: string[] = [];
const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'aidstock-import-')), 'katalog.csv');

beforeAll(async () => {
  const catalog = generateCatalogTables(SCALES.tiny.articles, SEED_DEFAULT);
  const isoCodes = [...catalog.iso.values()].filter((node) => node.level === 3).map((node) => node.code);
  const articles = [...catalog.articles.values()].filter((a) => !a.artNo.startsWith('1001'));
  const text = importFileText(
    { isoCodes, supplierIds: [...catalog.suppliers.keys()], articles },
    { rows: ROWS, changed: CHANGED, tag: 'webbläsare', firstNewArtNo: 600_000 },
  );
  // One line in error: an unknown supplier.
  fs.writeFileSync(file, `\ufeff${text}600999;Fel rad;12 06 06;okand-leverantor;hyra;100;aktiv;;;;;;\r\n`);
  engine = await startEngine({ scale: 'tiny' });
  browser = await launchChromium();
  context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'sv-SE' });
  page = await recordingPage(context, pageErrors);
  client = await TestClient.connect(engine.wsUrl, 'json');
  await client.login('admin');
}, 90_000);
afterAll(() => tearDown([client, context, browser], engine));

describe('Katalogimport', () => {
  it('runs a generated file through dry run and apply in the browser', async () => {
    await signInAs(page, engine.url, 'admin');
    await page.goto(`${engine.url}/#/admin/import`);
    await page.getByRole('heading', { level: 1, name: 'Katalogimport' }).waitFor();
    await page.getByLabel(/CSV-fil/).setInputFiles(file);
    await page.getByRole('button', { name: 'Provkör' }).click();
    const summary = page.getByTestId('import-summary');
    await summary.waitFor();
    expect(await page.getByTestId('count-new').textContent()).toBe(String(ROWS - CHANGED));
    expect(await page.getByTestId('count-changed').textContent()).toBe(String(CHANGED));
    expect(await page.getByTestId('count-error').textContent()).toBe('1');
    // The error filter is shown first when there are errors.
    const lines = page.getByTestId('import-lines');
    await expect.poll(() => lines.textContent()).toContain('Leverantören okand-leverantor finns inte.');
    await page.getByRole('button', { name: /^Ändrade/ }).click();
    await expect.poll(() => lines.textContent()).toContain('Pris (kr):');
    expect(await lines.locator('del').first().textContent()).not.toBe('');

    const before = await client.request('catalog.article', { artNo: '600000' });
    expect(before.ok).toBe(false);
    await page.getByRole('button', { name: 'Verkställ import' }).click();
    await page
      .getByRole('alertdialog')
      .getByText(`Verkställ ${ROWS - CHANGED} nya och ${CHANGED} ändrade artiklar?`)
      .waitFor();
    await page.getByRole('button', { name: 'Ja, verkställ' }).click();
    await page.getByTestId('import-progress').waitFor();
    await page.getByText(`Verkställd: ${ROWS} av ${ROWS} artiklar (100 %)`).waitFor({ timeout: 30_000 });
    const after = await client.call('catalog.article', { artNo: '600000' });
    expect(after.article.name).toContain('webbläsare');
    expect(pageErrors).toEqual([]);
  }, 60_000);
});
