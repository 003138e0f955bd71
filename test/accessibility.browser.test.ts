// Every screen of the portal at 1366×768 and at 390×844 in a real Chromium, audited by axe-core: no violation of the
// WCAG 2 A/AA rules (colour contrast among them) and no serious or critical finding of axe's best practices; the page
// never scrolls sideways; table cells are not squeezed to one word per line. Each role (ot1, hmc1, admin, the log
// reviewer) signs in once and walks its screens at both sizes in the same page (hash navigation, no reloads), so the
// whole tour stays near a minute. AIDSTOCK_SHOTS_DIR=<dir> keeps a full-page screenshot of every audited screen.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium, recordingPage, signInAs, tearDown } from './helpers/chromium.ts';
import { startEngine, type EngineProcess } from './helpers/engine-process.ts';
import { TestClient } from './helpers/ws-client.ts';

const AXE_PATH = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const SHOTS_DIR = process.env.AIDSTOCK_SHOTS_DIR ?? '';
const VIEWPORTS = [
  { id: '1366', width: 1366, height: 768 },
  { id: '390', width: 390, height: 844 },
] as const;
/** Demo data every seed has: Erik holds individuals 10000–10002 (engine/seed/individuals.ts). */
const ERIK = '19811218-9876';
const ERIK_UNIT = 10_000;
/** A cell with at least this many words that wraps into as many lines as it has words is squeezed. */
const SQUEEZE_WORDS_MIN = 3;
/** Two rows of the top bar at 1366 px: about 45 px each. */
const HEADER_PX_MAX = 110;
/** Where squeezing shows: table cells, and the parts of an order line in the wizard. */
const SQUEEZE_SELECTOR = '#main td, #main th, #main .order-line-head > *';

/** One screen: its hash, what must show before the audit, and what to do there first (fill and send a form). */
interface Screen {
  id: string;
  hash: string;
  /** Text that must be in main once the screen has its data. */
  text?: string;
  act?: (page: Page) => Promise<unknown>;
}

type Role = 'ot1' | 'hmc1' | 'admin' | 'log1';

let engine: EngineProcess;
let browser: Browser;
let orderNo = 0;
const pageErrors: string[] = [];

/** Screens of everyone with work screens (prescribers and HMC staff). */
function workScreens(): Screen[] {
  return [
    { id: 'start', hash: '#/', text: 'Välkommen' },
    { id: 'katalog', hash: '#/katalog' },
    { id: 'katalog-klass', hash: `#/katalog/${encodeURIComponent('12 06 06')}`, text: '100101' },
    { id: 'artikel', hash: '#/artikel/100101', text: 'Rollator Dolomite Jazz' },
    { id: 'sok', hash: '#/sok?q=rollator', text: '100101' },
    { id: 'hjalpmedel', hash: '#/hjalpmedel' },
    { id: 'hjalpmedel-brukare', hash: `#/hjalpmedel?pnr=${ERIK}`, text: String(ERIK_UNIT) },
    { id: 'individ', hash: '#/individ' },
    { id: 'individkort', hash: `#/individ/${ERIK_UNIT}`, text: 'Erik' },
    { id: 'arbetsorder', hash: '#/arbetsorder', text: 'Byte av broms' },
    { id: 'ordinationsoversikt', hash: `#/order/${orderNo}`, text: 'Rollator Dolomite Jazz' },
    { id: 'profil', hash: '#/profil' },
  ];
}

const PRESCRIBER_SCREENS: Screen[] = [
  { id: 'mina-order', hash: '#/order?vy=mina', text: 'Rollator' },
  { id: 'oppna-order', hash: '#/order' },
];

const STAFF_SCREENS: Screen[] = [
  { id: 'orderflode', hash: '#/orderflode', text: 'Erik' },
  { id: 'plocklista', hash: '#/plock', text: 'Erik' },
  { id: 'hamtorder', hash: '#/hamtorder', text: 'Behövs inte längre' },
  { id: 'lager', hash: '#/admin/lager/100101', text: 'Rollator Dolomite Jazz' },
];

const ADMIN_SCREENS: Screen[] = [
  { id: 'admin', hash: '#/admin' },
  { id: 'admin-artiklar', hash: '#/admin/artiklar?q=rollator', text: '100101' },
  { id: 'admin-artikel', hash: '#/admin/artiklar/100101', text: 'Artikel 100101' },
  { id: 'admin-kedjor', hash: '#/admin/kedjor/100121', text: '100101' },
  { id: 'admin-iso', hash: '#/admin/iso' },
  { id: 'admin-leverantorer', hash: '#/admin/leverantorer' },
  { id: 'admin-regler', hash: '#/admin/regler' },
  { id: 'admin-lager', hash: '#/admin/lager' },
  { id: 'admin-anvandare', hash: '#/admin/anvandare', text: 'ot1' },
  { id: 'admin-anvandaren', hash: '#/admin/anvandare/ot1' },
  { id: 'admin-import', hash: '#/admin/import' },
  { id: 'admin-installningar', hash: '#/admin/installningar' },
  { id: 'admin-andringslogg', hash: '#/admin/andringslogg' },
];

const LOG_SCREENS: Screen[] = [
  {
    id: 'logg-brukare',
    hash: '#/loggranskning',
    act: async (page) => {
      await page.getByLabel('Personnummer').fill(ERIK);
      await page.getByRole('button', { name: 'Visa' }).click();
      await page.getByTestId('access-entries').locator('tbody tr').first().waitFor();
    },
  },
  {
    id: 'logg-anvandare',
    hash: '#/loggranskning/anvandare',
    act: async (page) => {
      await page.getByLabel('Användar-id').fill('ot1');
      await page.getByRole('button', { name: 'Visa' }).click();
      await page.getByTestId('access-entries').locator('tbody tr').first().waitFor();
    },
  },
  {
    id: 'logg-stickprov',
    hash: '#/loggranskning/stickprov',
    act: async (page) => {
      await page.getByLabel('Antal').fill('3');
      await page.getByRole('button', { name: 'Dra stickprov' }).click();
      await page.getByTestId('access-entries').locator('tbody tr').first().waitFor();
    },
  },
  { id: 'profil', hash: '#/profil' },
];

function screensOf(role: Role): Screen[] {
  if (role === 'log1') return LOG_SCREENS;
  if (role === 'ot1') return [...workScreens(), ...PRESCRIBER_SCREENS];
  // HMC staff see the shared screens as the admin does (who is staff too): hmc1 walks only what differs for them.
  if (role === 'hmc1')
    return [...workScreens().filter((s) => s.id === 'start' || s.id === 'arbetsorder'), ...STAFF_SCREENS];
  return [...workScreens(), ...STAFF_SCREENS, ...ADMIN_SCREENS];
}

/** What the audit found on the page: axe's violations, the widths, and squeezed table cells. */
interface Findings {
  violations: string[];
  scrollWidth: number;
  innerWidth: number;
  squeezed: string[];
}

/** Runs in the page: axe (WCAG 2 A/AA, plus best practices for their serious/critical findings) and the layout checks. */
async function inPageAudit({ wordsMin, selector }: { wordsMin: number; selector: string }): Promise<Findings> {
  type AxeResult = {
    violations: Array<{ id: string; impact: string | null; tags: string[]; nodes: Array<{ target: unknown[] }> }>;
  };
  const axe = (window as unknown as { axe: { run: (c: Document, o: object) => Promise<AxeResult> } }).axe;
  const result = await axe.run(document, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
    resultTypes: ['violations'],
  });
  const violations = result.violations
    .filter((v) => !v.tags.includes('best-practice') || v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`);
  const squeezed: string[] = [];
  for (const cell of document.querySelectorAll<HTMLElement>(selector)) {
    if (cell.querySelector('button, input, select, textarea, img') !== null) continue;
    const words = (cell.textContent ?? '')
      .trim()
      .split(/\s+/)
      .filter((w) => w !== '');
    if (words.length < wordsMin) continue;
    const range = document.createRange();
    range.selectNodeContents(cell);
    const style = getComputedStyle(cell);
    const lineHeight = Number.parseFloat(style.lineHeight) || Number.parseFloat(style.fontSize) * 1.5;
    const lines = Math.round(range.getBoundingClientRect().height / lineHeight);
    if (lines >= words.length) squeezed.push(`${words.join(' ')} (${lines} lines)`);
  }
  return {
    violations,
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
    squeezed,
  };
}

/** Waits until the screen has its heading and nothing is loading any more. */
async function settled(page: Page, text?: string): Promise<void> {
  await page.waitForFunction(
    () =>
      document.querySelector('#main h1') !== null &&
      document.querySelector('#main .loading, [aria-busy="true"]') === null,
  );
  if (text !== undefined) await page.locator('#main').getByText(text).first().waitFor();
  // Two frames: the scroll regions (lib/scroll-regions.js) are updated once per frame after a render.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
}

/** Audits what the page shows now; returns one line per problem found. */
async function audit(page: Page, label: string): Promise<string[]> {
  const found = await page.evaluate(inPageAudit, { wordsMin: SQUEEZE_WORDS_MIN, selector: SQUEEZE_SELECTOR });
  if (SHOTS_DIR !== '') await page.screenshot({ path: path.join(SHOTS_DIR, `${label}.png`), fullPage: true });
  const problems = found.violations.map((v) => `${label}: ${v}`);
  if (found.scrollWidth > found.innerWidth)
    problems.push(`${label}: scrolls sideways (${found.scrollWidth} > ${found.innerWidth})`);
  for (const cell of new Set(found.squeezed)) problems.push(`${label}: squeezed cell ${cell}`);
  return problems;
}

async function go(page: Page, hash: string): Promise<void> {
  await page.evaluate((h) => {
    location.hash = h;
  }, hash);
}

/** The order wizard, every step, started from an article for Erik, then placed: the receipt too. */
async function auditWizard(page: Page, size: string): Promise<string[]> {
  const problems: string[] = [];
  await go(page, `#/bestall?pnr=${ERIK}&artikel=100105`);
  await settled(page, 'Erik');
  for (let step = 1; step <= 5; step++) {
    await expect.poll(() => page.getByTestId('wizard-step').getAttribute('data-step')).toBe(String(step));
    await settled(page);
    // The lines wait for their quote: the audit sees the availability, not "Kontrolleras…".
    const line = page.locator('[data-testid=order-line][data-artno="100105"]');
    if (step === 3) await expect.poll(() => line.getAttribute('data-outcome')).not.toBe('');
    problems.push(...(await audit(page, `ot1-bestall-steg${step}-${size}`)));
    if (step < 5) await page.getByTestId('wizard-next').click();
  }
  await page.getByRole('button', { name: 'Verkställ' }).click();
  await page.getByTestId('receipt').waitFor();
  await settled(page);
  problems.push(...(await audit(page, `ot1-bestall-kvitto-${size}`)));
  return problems;
}

/** The top bar at 1366 px takes two rows at most: brand and account, then the whole menu on one line. */
async function headerRows(page: Page, role: Role): Promise<string[]> {
  const { height, menuLines } = await page.evaluate(() => ({
    height: document.querySelector('.top-bar')!.getBoundingClientRect().height,
    menuLines: new Set([...document.querySelectorAll('.main-nav a')].map((a) => a.getBoundingClientRect().top)).size,
  }));
  return height <= HEADER_PX_MAX && menuLines === 1
    ? []
    : [`${role}-1366: the top bar is ${height} px high, its menu on ${menuLines} lines`];
}

/**
 * The top bar at 390 px: a Meny button (aria-expanded) opens the menu and the account; Escape closes it and gives the
 * focus back to the button; following a link closes it too.
 */
async function auditPhoneMenu(page: Page, role: Role): Promise<string[]> {
  const button = page.getByRole('banner').getByRole('button', { name: 'Meny' });
  const nav = page.getByRole('navigation', { name: 'Huvudmeny' });
  expect(await button.getAttribute('aria-expanded')).toBe('false');
  expect(await nav.isVisible()).toBe(false);
  await button.click();
  expect(await button.getAttribute('aria-expanded')).toBe('true');
  await nav.waitFor();
  expect(await page.getByRole('banner').getByRole('button', { name: 'Logga ut' }).isVisible()).toBe(true);
  const problems = await audit(page, `${role}-meny-390`);
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => document.activeElement?.closest('nav')?.getAttribute('aria-label'))).toBe(
    'Huvudmeny',
  );
  await page.keyboard.press('Escape');
  expect(await button.getAttribute('aria-expanded')).toBe('false');
  expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-controls'))).toBe('top-bar-menu');
  await button.click();
  await nav.getByRole('link').first().click();
  await expect.poll(() => button.getAttribute('aria-expanded')).toBe('false');
  return problems;
}

async function tour(context: BrowserContext, role: Role): Promise<string[]> {
  const page = await recordingPage(context, pageErrors, role);
  if (role === 'log1') {
    await page.goto(`${engine.url}/`);
    await page.getByLabel('Användarnamn').fill('log1');
    await page.getByLabel('Lösenord').fill('demo');
    await page.getByRole('button', { name: 'Logga in' }).click();
    await page.getByRole('heading', { level: 1, name: 'Loggranskning' }).waitFor();
  } else await signInAs(page, engine.url, role);
  const followUp = await page.getByRole('navigation', { name: 'Huvudmeny' }).getByText('Uppföljning').count();
  const screens = [...screensOf(role), ...(followUp > 0 ? [{ id: 'uppfoljning', hash: '#/uppfoljning' }] : [])];
  const problems: string[] = [];
  for (const viewport of VIEWPORTS) {
    await page.setViewportSize({ width: viewport.width, height: viewport.height });
    for (const screen of screens) {
      await go(page, screen.hash);
      await settled(page, screen.text);
      await screen.act?.(page);
      problems.push(...(await audit(page, `${role}-${screen.id}-${viewport.id}`)));
    }
    if (role === 'ot1') problems.push(...(await auditWizard(page, viewport.id)));
    if (viewport.id === '1366') problems.push(...(await headerRows(page, role)));
    if (viewport.id === '390')
      problems.push(...(await auditPhoneMenu(page, role).catch((e: Error) => [`${role}: menu button: ${e.message}`])));
  }
  await page.close();
  if (SHOTS_DIR !== '') fs.writeFileSync(path.join(SHOTS_DIR, `${role}-problems.txt`), problems.join('\n'));
  return problems;
}

beforeAll(async () => {
  if (SHOTS_DIR !== '') fs.mkdirSync(SHOTS_DIR, { recursive: true });
  engine = await startEngine({ scale: 'tiny' });
  // Work for the desks to show: an order in the Orderflöde, one in the Plocklista, a pickup and a work order.
  const ot = await TestClient.connect(engine.wsUrl, 'json');
  const hmc = await TestClient.connect(engine.wsUrl, 'json');
  await ot.login('ot1');
  await hmc.login('hmc1');
  const lines = [
    { artNo: '100101', quantity: 1 },
    { artNo: '100105', quantity: 2 },
  ];
  const recipient = { kind: 'patient', pnr: ERIK };
  orderNo = (await ot.call('order.place', { idempotencyKey: 'a11y-1', recipient, lines })).orderNo;
  const picked = await ot.call('order.place', { idempotencyKey: 'a11y-2', recipient, lines });
  await hmc.call('fulfil.pick', { orderNo: picked.orderNo });
  await ot.call('pickup.create', { pnr: ERIK, indNos: [ERIK_UNIT + 1], reason: 'Behövs inte längre' });
  await ot.call('workorder.create', {
    destination: 'technicalService',
    indNo: ERIK_UNIT,
    title: 'Byte av broms',
    text: 'Bromsen tar dåligt på vänster sida.',
  });
  await ot.close();
  await hmc.close();
  browser = await launchChromium();
}, 90_000);
afterAll(() => tearDown([browser], engine));

async function roleContext(): Promise<BrowserContext> {
  const context = await browser.newContext({ locale: 'sv-SE', reducedMotion: 'reduce' });
  await context.addInitScript({ path: AXE_PATH });
  return context;
}

describe('every screen is axe-clean and never scrolls sideways, at 1366×768 and 390×844', () => {
  it('the sign-in page', async () => {
    const context = await roleContext();
    const page = await recordingPage(context, pageErrors, 'login');
    const problems: string[] = [];
    for (const viewport of VIEWPORTS) {
      await page.setViewportSize({ width: viewport.width, height: viewport.height });
      await page.goto(`${engine.url}/`);
      await page.getByLabel('Användarnamn').waitFor();
      await settled(page);
      problems.push(...(await audit(page, `login-${viewport.id}`)));
    }
    await context.close();
    expect(problems.join('\n')).toBe('');
  });

  for (const role of ['ot1', 'hmc1', 'admin', 'log1'] as const) {
    it(`${role}: every screen`, async () => {
      const context = await roleContext();
      const problems = await tour(context, role);
      await context.close();
      expect(problems.join('\n')).toBe('');
    }, 90_000);
  }

  it('no page error or CSP violation on the way', () => {
    expect(pageErrors).toEqual([]);
  });
});
