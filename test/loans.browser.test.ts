// Loans in a real headless Chromium against the real engine (tiny seed), at 1366×768 and at 390×844: ot1 orders a
// rental rollator as korttidslån in the wizard (Lånetyp and Återlämningsdatum on the line), HMC delivers it, hmc1 sees
// it in Uppföljning › Lån (due soon) and the due date on the patient view's device; ot1 extends it from the list, hmc1
// makes another permanent. No page scrolls sideways at 390 px. Screenshots go to LOANS_SHOTS_DIR when it is set.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { addWorkingDays, dayNoToDate, swedishDayNo } from '../engine/core/orders/working-days.ts';
import { launchChromium, recordingPage, signInAs, tearDown } from './helpers/chromium.ts';
import { startEngine, type EngineProcess } from './helpers/engine-process.ts';
import { TestClient } from './helpers/ws-client.ts';

/** Demo data every seed has: a resident patient and a rental rollator. */
const ERIK = '19811218-9876';
const ROLLATOR = '100104';
const SHOTS_DIR = process.env.LOANS_SHOTS_DIR ?? null;
const VIEWPORTS = [
  { name: 'desktop', width: 1366, height: 768 },
  { name: 'phone', width: 390, height: 844 },
] as const;

let engine: EngineProcess;
let browser: Browser;
let staff: TestClient;
const contexts: BrowserContext[] = [];
const pageErrors: string[] = [];

beforeAll(async () => {
  engine = await startEngine({ scale: 'tiny' });
  browser = await launchChromium();
  staff = await TestClient.connect(engine.wsUrl, 'json');
  await staff.login('hmc1');
  if (SHOTS_DIR !== null) fs.mkdirSync(SHOTS_DIR, { recursive: true });
}, 120_000);
afterAll(() => tearDown([staff, ...contexts, browser], engine));

async function shot(page: Page, name: string): Promise<void> {
  if (SHOTS_DIR !== null) await page.screenshot({ path: path.join(SHOTS_DIR, `${name}.png`), fullPage: true });
}

const AXE_SOURCE = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** axe (WCAG 2 A and AA, colour contrast included) on this part's own screen region: no violations. */
async function expectAxeClean(page: Page, selector: string): Promise<void> {
  // Evaluated through the DevTools protocol, which the page's Content-Security-Policy does not govern (a script tag would be).
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async (include) => {
    const axe = (window as unknown as { axe: { run: (c: unknown, o: unknown) => Promise<{ violations: unknown[] }> } })
      .axe;
    const result = await axe.run(include, { runOnly: ['wcag2a', 'wcag2aa'] });
    return result.violations.map((v) => (v as { id: string; nodes: unknown[] }).id);
  }, selector);
  expect(violations).toEqual([]);
}

/** Nothing wider than the viewport: the page never scrolls sideways (wide tables scroll inside .table-wrap). */
async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const [scroll, client] = await page.evaluate(() => [
    document.documentElement.scrollWidth,
    document.documentElement.clientWidth,
  ]);
  expect(scroll).toBeLessThanOrEqual(client);
}

async function newPage(viewport: (typeof VIEWPORTS)[number], user: string): Promise<Page> {
  const context = await browser.newContext({ viewport, locale: 'sv-SE' });
  contexts.push(context);
  const page = await recordingPage(context, pageErrors, `${user}@${viewport.name}`);
  await signInAs(page, engine.url, user);
  return page;
}

/** ot1 orders one rollator for Erik as korttidslån due `due`, through the wizard; the order number. */
async function orderAsShortTermLoan(ot: Page, due: string, label: string): Promise<number> {
  await ot.goto(`${engine.url}/#/bestall?artikel=${ROLLATOR}`);
  await ot.getByRole('heading', { level: 1, name: 'Kundorder' }).waitFor();
  await ot.getByLabel('Personnummer', { exact: true }).fill(ERIK);
  await ot.getByLabel('Personnummer', { exact: true }).press('Enter');
  await ot.getByTestId('patient-card').waitFor();
  for (const step of ['2', '3']) {
    await ot.getByTestId('wizard-next').click();
    await expect.poll(() => ot.getByTestId('wizard-step').getAttribute('data-step')).toBe(step);
  }
  const line = ot.locator(`[data-testid=order-line][data-artno="${ROLLATOR}"]`);
  const loan = line.getByTestId('line-loan');
  await loan.waitFor();
  await loan.getByLabel('Lånetyp').selectOption('shortTerm');
  // No due date yet: the wizard says so and stays on Rader.
  await ot.getByTestId('wizard-next').click();
  await expect.poll(() => ot.getByTestId('wizard-problem').textContent()).toContain('Ange återlämningsdatum');
  await loan.getByLabel('Återlämningsdatum').fill(due);
  await shot(ot, `${label}-1-rader-korttidslan`);
  for (const step of ['4', '5']) {
    await ot.getByTestId('wizard-next').click();
    await expect.poll(() => ot.getByTestId('wizard-step').getAttribute('data-step')).toBe(step);
  }
  await ot.getByTestId('verkstall').click();
  await ot.getByTestId('receipt').waitFor();
  return Number(await ot.getByTestId('receipt-order-no').textContent());
}

for (const viewport of VIEWPORTS) {
  describe(`loans at ${viewport.width}×${viewport.height}`, () => {
    let ot: Page;
    let hmc: Page;
    let orderNo = 0;
    const due = dayNoToDate(addWorkingDays(swedishDayNo(Date.now()), 3));
    const label = `${viewport.width}`;

    beforeAll(async () => {
      ot = await newPage(viewport, 'ot1');
      hmc = await newPage(viewport, 'hmc1');
    }, 60_000);

    it('ot1 orders a rental rollator as korttidslån; the order line carries the loan', async () => {
      orderNo = await orderAsShortTermLoan(ot, due, label);
      expect(orderNo).toBeGreaterThan(0);
      const order = await staff.call('order.get', { orderNo });
      expect(order.lines[0]).toMatchObject({ artNo: ROLLATOR, loan: { type: 'shortTerm', dueDate: due } });
      await ot.goto(`${engine.url}/#/order/${orderNo}`);
      await expect.poll(() => ot.getByTestId('line-loan-type').textContent()).toBe(`Lånetyp: korttidslån, åter ${due}`);
    });

    it('after delivery hmc1 sees it in Uppföljning › Lån as due soon, and the due date on the patient view', async () => {
      // The list is open before the delivery: the loan arrives by the `loans` push, without a reload.
      await hmc.goto(`${engine.url}/#/uppfoljning/lan`);
      await hmc.getByRole('heading', { level: 1, name: 'Lån med återlämningsdatum' }).waitFor();
      await hmc.getByTestId('loan-status').waitFor({ state: 'attached' });
      await new Promise((resolve) => setTimeout(resolve, 300)); // the list's first read and its subscription
      for (const op of ['fulfil.pick', 'fulfil.dispatch', 'fulfil.deliver']) await staff.call(op, { orderNo });
      const patient = await staff.call('patient.get', { pnr: ERIK });
      const device = patient.devices.find((d: { loan: { orderNo: number } | null }) => d.loan?.orderNo === orderNo);
      const row = hmc.locator(`[data-testid=loan-list] tr[data-indno="${device.indNo}"]`);
      await row.waitFor();
      expect(await row.textContent()).toContain(due);
      expect(await row.getByTestId('due-state').textContent()).toBe('Snart');
      await expectNoSidewaysScroll(hmc);
      await expectAxeClean(hmc, '.admin-main');
      await shot(hmc, `${label}-2-uppfoljning-lan-hmc1`);
      await hmc.goto(`${engine.url}/#/hjalpmedel?pnr=${ERIK}`);
      const loanTag = hmc.locator(
        `[data-testid=patient-devices] tr[data-indno="${device.indNo}"] [data-testid=device-loan]`,
      );
      await expect.poll(() => loanTag.textContent()).toContain(`Korttidslån, åter ${due}`);
      await expectNoSidewaysScroll(hmc);
      await expectAxeClean(hmc, '[data-testid=patient-devices]');
      await shot(hmc, `${label}-3-brukare-hjalpmedel`);
      await hmc.goto(`${engine.url}/#/individ/${device.indNo}`);
      await expect.poll(() => hmc.getByTestId('card-loan').textContent()).toContain(`Korttidslån, åter ${due}`);
      await shot(hmc, `${label}-4-individkort`);
    });

    it('ot1 extends the loan from Uppföljning › Lån; hmc1 makes it permanent and it leaves the list', async () => {
      const later = dayNoToDate(addWorkingDays(swedishDayNo(Date.now()), 15));
      await ot.goto(`${engine.url}/#/uppfoljning/lan`);
      const row = ot.locator('[data-testid=loan-list] tr').filter({ hasText: due }).first();
      await row.getByRole('button', { name: /^Förläng lånet/ }).click();
      await row.getByLabel(/Nytt återlämningsdatum/).fill(later);
      await shot(ot, `${label}-5-forlang-ot1`);
      await row.getByRole('button', { name: 'Spara' }).click();
      await expect.poll(() => ot.getByTestId('loan-status').textContent()).toContain(`förlängt till ${later}`);
      await expectNoSidewaysScroll(ot);
      await hmc.goto(`${engine.url}/#/uppfoljning/lan`);
      await hmc.getByRole('checkbox', { name: /Visa alla/ }).check();
      const listed = hmc.locator('[data-testid=loan-list] tr').filter({ hasText: later }).first();
      await listed.getByRole('button', { name: /permanent/ }).click();
      await expect.poll(() => hmc.getByTestId('loan-status').textContent()).toContain('gäller nu tills vidare');
      await expect.poll(() => hmc.locator('[data-testid=loan-list] tr').filter({ hasText: later }).count()).toBe(0);
      await shot(hmc, `${label}-6-permanent-hmc1`);
      expect(pageErrors).toEqual([]);
    });
  });
}
