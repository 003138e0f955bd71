// Skriv ut (issue 15) in a real Chromium: ot1 prints a patient's return document from Hjälpmedel (the look-up is in the
// access log; a protected identity prints without name, personnummer or address); hmc1 prints an order's packing
// slip from the Ordinationsöversikt and the picking list from Plocklista. Each document is printed by page.pdf() on
// A4: the PDF's MediaBox is A4, its page count sane, and its text (read from the PDF) holds the content and neither the
// portal's menus nor its buttons. Print media is emulated too: the frame is hidden, the document visible. Screenshots
// at 1366x768 and 390x844 and in print media go to PRINT_SHOTS (a temporary directory otherwise).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium, recordingPage, signInAs, tearDown } from './helpers/chromium.ts';
import { startEngine, REPO_ROOT, type EngineProcess } from './helpers/engine-process.ts';
import { readPdf } from './helpers/pdf-text.ts';
import { TestClient } from './helpers/ws-client.ts';

const SHOTS = process.env.PRINT_SHOTS ?? fs.mkdtempSync(path.join(os.tmpdir(), 'aidstock-print-'));
const ERIK = '19811218-9876';
const KARIN_PROTECTED = '19450312-2345';
const OTHER_INFO = 'Ring 30 minuter före leverans. Porten har kod 1234.';
/** A4 in points (210 x 297 mm); Chromium rounds the page to whole CSS pixels, under a point off. */
const A4_PT = { width: 595.28, height: 841.89 };
const A4_SLACK_PT = 1.5;
const PAGES_MAX = 3;
/** Enough orders that the picking list cannot fit one page (3 lines each, some 20 rows a page). */
const MANY_ORDERS = 20;
const MANY_ARTICLES = ['100104', '100112', '100115'];
/** What the portal's frame prints when the print stylesheet fails: menus, the account, the toolbar. */
const FRAME_TEXTS = ['Varukatalog', 'Logga ut', 'Skriv ut', 'Tillbaka', 'Hoppa till innehållet'];
const PHONE = { width: 390, height: 844 };
/** Sale articles as patient.get's `saleArticles` lists them (the shape in portal/lib/types.d.ts, PrintSaleArticle). */
const SALE_ARTICLES = [
  {
    artNo: '300201',
    name: 'Inkontinensskydd Maxi',
    isoCode: '09 30 12',
    quantity: 4,
    lastOrderNo: 1000123,
    lastDeliveredDate: '2026-11-20',
  },
  {
    artNo: '300377',
    name: 'Griptång 60 cm',
    isoCode: '24 21 09',
    quantity: 1,
    lastOrderNo: null,
    lastDeliveredDate: null,
  },
];
/** How long the PDF viewer gets to draw a page before its screenshot (only when screenshots are kept). */
const PDF_VIEWER_MS = 1500;
const DESKTOP = { width: 1366, height: 768 };
/** An A4 page's printable width in CSS pixels at 96 dpi (the print screenshot's viewport). */
const A4_VIEW = { width: 794, height: 1123 };

let engine: EngineProcess;
let browser: Browser;
let otContext: BrowserContext;
let hmcContext: BrowserContext;
let ot: Page;
let hmc: Page;
let otClient: TestClient;
let staff: TestClient;
let reviewer: TestClient;
let orderNo: number;
let component: string;
let pickedIndividuals: number[];
const pageErrors: string[] = [];

beforeAll(async () => {
  engine = await startEngine({ scale: 'tiny' });
  browser = await launchChromium();
  otContext = await browser.newContext({ viewport: DESKTOP, locale: 'sv-SE' });
  hmcContext = await browser.newContext({ viewport: DESKTOP, locale: 'sv-SE' });
  ot = await recordingPage(otContext, pageErrors, 'ot1');
  hmc = await recordingPage(hmcContext, pageErrors, 'hmc1');
  otClient = await TestClient.connect(engine.wsUrl, 'json');
  await otClient.login('ot1');
  staff = await TestClient.connect(engine.wsUrl, 'json');
  await staff.login('hmc1');
  reviewer = await TestClient.connect(engine.wsUrl, 'json');
  await reviewer.login('log1');
  // An order for Erik: a rollator, and a part for the device he holds (a K-number line), with a note to the driver.
  const held = (await otClient.call('patient.get', { pnr: ERIK })).devices[0];
  const placed = await otClient.call('order.place', {
    idempotencyKey: 'print-1',
    recipient: { kind: 'patient', pnr: ERIK },
    lines: [
      { artNo: '100104', quantity: 1 },
      { artNo: held.artNo, quantity: 1, forIndividual: held.indNo },
    ],
    otherInfo: OTHER_INFO,
  });
  orderNo = placed.orderNo;
  component = `K-${held.indNo}`;
  await staff.call('fulfil.pick', { orderNo, lineNos: [1] });
  pickedIndividuals = (await staff.call('order.get', { orderNo })).lines[0].individuals;
  await signInAs(ot, engine.url, 'ot1');
  await signInAs(hmc, engine.url, 'hmc1');
}, 90_000);

afterAll(async () => {
  await tearDown([otClient, staff, reviewer, otContext, hmcContext, browser], engine);
  if (process.env.PRINT_SHOTS === undefined) fs.rmSync(SHOTS, { recursive: true, force: true });
});

/** Screenshots of the document on screen at both sizes; at 390 px the sheet fits the width (its tables scroll). */
async function screenShots(page: Page, name: string) {
  await page.screenshot({ path: path.join(SHOTS, `${name}-1366.png`), fullPage: true });
  await page.setViewportSize(PHONE);
  const right = await page.locator('.print-doc').evaluate((el) => el.getBoundingClientRect().right);
  expect(right).toBeLessThanOrEqual(PHONE.width);
  await page.screenshot({ path: path.join(SHOTS, `${name}-390.png`), fullPage: true });
  await page.setViewportSize(DESKTOP);
}

/**
 * In print media: the document and its content visible, the frame (top bar, menus, toolbar, footer) hidden; then the
 * PDF on A4, its pages' MediaBox and text. Returns the PDF's text.
 */
async function printed(page: Page, name: string, expected: string[]): Promise<string> {
  await page.setViewportSize(A4_VIEW);
  await page.emulateMedia({ media: 'print' });
  try {
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    for (const hidden of [
      page.getByRole('banner'),
      page.getByRole('navigation'),
      page.getByTestId('print-button'),
      page.getByRole('link', { name: /^Tillbaka/ }),
      page.locator('.site-footer'),
    ])
      expect(await hidden.first().isVisible()).toBe(false);
    for (const text of expected)
      expect(await page.locator('.print-doc').getByText(text).first().isVisible(), text).toBe(true);
    await page.screenshot({ path: path.join(SHOTS, `${name}-print.png`), fullPage: true });
    const pdf = await page.pdf({ format: 'A4' });
    fs.writeFileSync(path.join(SHOTS, `${name}.pdf`), pdf);
    if (process.env.PRINT_SHOTS !== undefined) await pdfPageShot(name);
    const pages = readPdf(pdf);
    expect(pages.length).toBeGreaterThanOrEqual(1);
    expect(pages.length).toBeLessThanOrEqual(PAGES_MAX);
    for (const p of pages) {
      const [x0, y0, x1, y1] = p.mediaBox;
      expect([x0, y0]).toEqual([0, 0]);
      expect(Math.abs(x1 - A4_PT.width)).toBeLessThan(A4_SLACK_PT);
      expect(Math.abs(y1 - A4_PT.height)).toBeLessThan(A4_SLACK_PT);
    }
    const text = pages.map((p) => p.text).join('\n');
    expect(text).toContain(`Sida 1 av ${pages.length}`);
    for (const frame of FRAME_TEXTS) expect(text).not.toContain(frame);
    return text.replace(/\s+/g, ' ');
  } finally {
    await page.emulateMedia({ media: 'screen' });
    await page.setViewportSize(DESKTOP);
  }
}

/** The PDF as Chromium's own viewer shows it (the printed page itself, margin boxes and all), for a person to look at. */
async function pdfPageShot(name: string, pageNo = 1) {
  const viewer = await browser.newPage({ viewport: { width: 900, height: 1200 } });
  try {
    await viewer.goto(`file://${path.join(SHOTS, `${name}.pdf`)}#page=${pageNo}`);
    await viewer.waitForTimeout(PDF_VIEWER_MS);
    await viewer.screenshot({ path: path.join(SHOTS, `${name}-pdf-page${pageNo}.png`) });
  } finally {
    await viewer.close();
  }
}

/** How many times the access log has `userId` reading the patient by `action`. */
async function lookups(userId: string, pnr: string, action: string): Promise<number> {
  const extract = await reviewer.call('accessLog.patient', { pnr, fromMs: 0, toMs: 2 ** 52, limit: 500 });
  return extract.entries.filter((e: { userId: string; action: string }) => e.userId === userId && e.action === action)
    .length;
}
const patientLookups = (userId: string, pnr: string) => lookups(userId, pnr, 'patient.get');
const orderLookups = (userId: string, pnr: string) => lookups(userId, pnr, 'order.get');

describe('Returdokument', () => {
  it('ot1 prints the return document of a patient’s devices from Hjälpmedel; the look-up is logged', async () => {
    const devices = (await otClient.call('patient.get', { pnr: ERIK })).devices as Array<{
      indNo: number;
      artNo: string;
    }>;
    await ot.goto(`${engine.url}/#/hjalpmedel?pnr=${encodeURIComponent(ERIK)}`);
    await ot.getByTestId('patient-devices').waitFor();
    const before = await patientLookups('ot1', ERIK);
    await ot.getByRole('link', { name: 'Skriv ut returdokument' }).click();
    await ot.getByTestId('return-devices').waitFor();
    expect(await ot.getByRole('heading', { level: 1 }).textContent()).toBe('Returdokument');
    await expect.poll(() => patientLookups('ot1', ERIK)).toBeGreaterThan(before);
    // A device ticked on screen prints ticked.
    const first = ot.getByRole('checkbox', { name: new RegExp(`individ ${devices[0].indNo}\\)`) });
    await first.check();
    await screenShots(ot, 'returdokument');
    expect(await first.isChecked()).toBe(true);
    const text = await printed(ot, 'returdokument', ['Erik Lindqvist', ERIK, 'Kungsgatan 21']);
    for (const expected of [
      'Returdokument',
      'Erik Lindqvist',
      ERIK,
      'Kungsgatan 21, 432 41 Varberg',
      ...devices.flatMap((d) => [String(d.indNo), d.artNo]),
      'Anna Bergström',
      'Rehab Halmstad',
      'Datum',
      'Underskrift',
      'Kristian IV:s väg 30',
      'vita returlappen',
    ])
      expect(text).toContain(expected);
    // Tillbaka leads to the patient's devices.
    await ot.getByRole('link', { name: /^Tillbaka/ }).click();
    await ot.getByTestId('patient-devices').waitFor();
  });

  it('prints the sale articles patient.get lists (saleArticles), each with a tick box', async () => {
    // patient.get's saleArticles comes from issue 15's patient view: set it on the way from the engine here, so the
    // document is checked against a known list whether or not the engine sends one yet.
    const context = await browser.newContext({ viewport: DESKTOP, locale: 'sv-SE' });
    await context.routeWebSocket(/\/ws$/, (socket) => {
      const server = socket.connectToServer();
      const gets = new Set<number>();
      socket.onMessage((message) => {
        const frame = JSON.parse(String(message));
        if (frame.op === 'patient.get') gets.add(frame.id);
        server.send(message);
      });
      server.onMessage((message) => {
        const frame = JSON.parse(String(message));
        if (!gets.has(frame.id) || frame.ok !== true) return socket.send(message);
        socket.send(JSON.stringify({ ...frame, result: { ...frame.result, saleArticles: SALE_ARTICLES } }));
      });
    });
    const page = await recordingPage(context, pageErrors, 'ot1 sale articles');
    try {
      await signInAs(page, engine.url, 'ot1');
      await page.goto(`${engine.url}/#/utskrift/retur/${ERIK}`);
      await page.getByTestId('return-sale-articles').waitFor();
      expect(
        await page.getByRole('checkbox', { name: /Returneras: Inkontinensskydd Maxi \(artikel 300201\)/ }).count(),
      ).toBe(1);
      await screenShots(page, 'returdokument-forbrukning');
      const text = await printed(page, 'returdokument-forbrukning', ['Inkontinensskydd Maxi']);
      for (const expected of [
        'försäljningsartiklar (2)',
        '300201',
        'Inkontinensskydd Maxi',
        '1000123',
        '2026-11-20',
        'Griptång 60 cm',
      ])
        expect(text).toContain(expected);
    } finally {
      await context.close();
    }
  });

  it('prints a protected identity as "Skyddad identitet", without name, personnummer or address', async () => {
    await ot.goto(`${engine.url}/#/utskrift/retur/${KARIN_PROTECTED}`);
    await ot.getByTestId('return-patient').waitFor();
    await screenShots(ot, 'returdokument-skyddad');
    const text = await printed(ot, 'returdokument-skyddad', ['Skyddad identitet']);
    expect(text).toContain('Skyddad identitet');
    for (const secret of ['Karin', 'Holm', 'Tivoligatan', KARIN_PROTECTED, '194503122345', 'Laholm'])
      expect(text).not.toContain(secret);
  });
});

describe('Följesedel and Plocklista (HMC)', () => {
  it('hmc1 prints an order’s packing slip from the Ordinationsöversikt', async () => {
    await hmc.goto(`${engine.url}/#/order/${orderNo}`);
    await hmc.getByTestId('overview-lines').waitFor();
    const before = await orderLookups('hmc1', ERIK);
    await hmc.getByRole('link', { name: `Skriv ut följesedel för order ${orderNo}` }).click();
    await hmc.getByTestId('slip-lines').waitFor();
    await expect.poll(() => orderLookups('hmc1', ERIK)).toBeGreaterThan(before);
    await screenShots(hmc, 'foljesedel');
    const order = await staff.call('order.get', { orderNo });
    const text = await printed(hmc, 'foljesedel', [`Följesedel order ${orderNo}`, OTHER_INFO]);
    for (const expected of [
      `Följesedel order ${orderNo}`,
      'Erik Lindqvist',
      'Kungsgatan 21, 432 41 Varberg',
      OTHER_INFO,
      `Komponent till ${component}`,
      ...pickedIndividuals.map(String),
      order.plannedDeliveryDate,
      '100104',
      'Samleverans',
    ])
      expect(text).toContain(expected);
    expect(pickedIndividuals.length).toBe(1);
  });

  it('a packing slip for a protected identity names no one: "Skyddad identitet", delivered to the workplace', async () => {
    const placed = await otClient.call('order.place', {
      idempotencyKey: 'print-protected',
      recipient: { kind: 'patient', pnr: KARIN_PROTECTED },
      lines: [{ artNo: '100104', quantity: 1 }],
    });
    await hmc.goto(`${engine.url}/#/utskrift/foljesedel/${placed.orderNo}`);
    await hmc.getByTestId('slip-lines').waitFor();
    const text = await printed(hmc, 'foljesedel-skyddad', ['Skyddad identitet']);
    expect(text).toContain('Skyddad identitet');
    expect(text).toContain('Lasarettsvägen 10'); // ot1's workplace, never the home address
    for (const secret of ['Karin', 'Holm', 'Tivoligatan', KARIN_PROTECTED, '194503122345'])
      expect(text).not.toContain(secret);
  });

  it('hmc1 prints the picking list from Plocklista; a prescriber gets neither document', async () => {
    await hmc.goto(`${engine.url}/#/plock`);
    await hmc.getByRole('link', { name: 'Skriv ut plocklista' }).click();
    await hmc.getByTestId('pick-group').first().waitFor();
    await screenShots(hmc, 'plocklista');
    const text = await printed(hmc, 'plocklista', ['Plocklista', 'Lager 10 (huvudlager)']);
    expect(text).toContain('Plocklista');
    expect(text).toMatch(/Lager 10 \(huvudlager\), plockdatum \d{4}-\d{2}-\d{2}/);
    expect(text).toContain(`${orderNo} / 2`);
    for (const id of ['foljesedel/1', 'plocklista']) {
      await ot.goto(`${engine.url}/#/utskrift/${id.replace('/1', `/${orderNo}`)}`);
      await ot.getByText(/är för Hjälpmedelscentrums personal/).waitFor();
    }
    expect(pageErrors).toEqual([]);
  });
  it('a picking list of many lines runs over pages: every page has the column heads, its title and its number', async () => {
    for (let i = 0; i < MANY_ORDERS; i++) {
      await otClient.call('order.place', {
        idempotencyKey: `print-many-${i}`,
        recipient: { kind: 'patient', pnr: ERIK },
        lines: MANY_ARTICLES.map((artNo) => ({ artNo, quantity: 1 })),
        delivery: { partial: true },
      });
    }
    await hmc.goto(`${engine.url}/#/plock`);
    await hmc.goto(`${engine.url}/#/utskrift/plocklista`);
    await expect
      .poll(() => hmc.locator('[data-testid=pick-group] tbody tr').count())
      .toBeGreaterThanOrEqual(MANY_ORDERS * MANY_ARTICLES.length);
    await hmc.setViewportSize(A4_VIEW);
    await hmc.emulateMedia({ media: 'print' });
    const pdf = await hmc.pdf({ format: 'A4' });
    fs.writeFileSync(path.join(SHOTS, 'plocklista-lang.pdf'), pdf);
    if (process.env.PRINT_SHOTS !== undefined) await pdfPageShot('plocklista-lang', 2);
    const pages = readPdf(pdf);
    await hmc.emulateMedia({ media: 'screen' });
    await hmc.setViewportSize(DESKTOP);
    expect(pages.length).toBeGreaterThan(1);
    pages.forEach((p, i) => {
      expect(p.text).toContain('Plocklista');
      expect(p.text).toContain(`Sida ${i + 1} av ${pages.length}`);
      expect(p.text).toContain('PlockadArtikelnrBenämningAntalOrder / radStatusLeverans');
    });
  });
});

/** The part of axe-core's API the test calls. */
interface Axe {
  run(context: string, options: object): Promise<{ violations: Array<{ id: string; nodes: unknown[] }> }>;
}

/** Axe (WCAG 2 A/AA) on the document's main area at both sizes: the sheet's text and tick boxes. */
describe('accessibility', () => {
  it('the return document passes axe at 1366 and 390 px', async () => {
    const axe = fs.readFileSync(path.join(REPO_ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
    await ot.goto(`${engine.url}/#/utskrift/retur/${ERIK}`);
    await ot.getByTestId('return-devices').waitFor();
    await ot.evaluate(axe);
    for (const size of [DESKTOP, PHONE]) {
      await ot.setViewportSize(size);
      const violations = await ot.evaluate(async () => {
        const result = await (window as unknown as { axe: Axe }).axe.run('#main', {
          runOnly: ['wcag2a', 'wcag2aa'],
        });
        return result.violations.map((v) => `${v.id} (${v.nodes.length})`);
      });
      expect(violations, `${size.width} px`).toEqual([]);
    }
    await ot.setViewportSize(DESKTOP);
  });
});
