// The patient view complete (issue 15, patient) in a real Chromium at 1366×768 and 390×844: ot1 opens Erik Lindqvist
// and sees each device's payer, order date and delivery date, the links of the brukarinformation, Registrerade AO with
// HMC's comment behind the AO number, and the basket on its way to his rollator (K-number); nothing of it scrolls the
// page sideways at phone width. Screenshots of each size in SHOTS_DIR.
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium, recordingPage, tearDown, signInAs } from './helpers/chromium.ts';
import { startEngine, type EngineProcess } from './helpers/engine-process.ts';

const ERIK = '19811218-9876';
const SHOTS_DIR = process.env.SHOTS_DIR ?? join(tmpdir(), 'shots-15-patient');
let engine: EngineProcess;
let browser: Browser;
let context: BrowserContext;
let page: Page;
const pageErrors: string[] = [];

beforeAll(async () => {
  engine = await startEngine({ scale: 'tiny' });
  browser = await launchChromium();
  context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'sv-SE' });
  page = await recordingPage(context, pageErrors);
  mkdirSync(SHOTS_DIR, { recursive: true });
  await signInAs(page, engine.url, 'ot1');
}, 60_000);
afterAll(() => tearDown([context, browser], engine));

/** The right edge of the widest of the patient page's own parts, in CSS pixels. */
async function widestRight(): Promise<number> {
  return page.evaluate(() => {
    const parts = document.querySelectorAll(
      '[data-testid=patient-person], [data-testid=patient-links], [data-testid=patient-work-orders], [data-testid=patient-components], .table-wrap',
    );
    return Math.max(...[...parts].map((el) => el.getBoundingClientRect().right));
  });
}

/** axe-core's WCAG 2 A/AA violations inside the patient page's own parts (the top bar is another part's). */
async function axeViolations(): Promise<string[]> {
  // Evaluated, not added as a script tag: the portal's CSP refuses inline scripts, and rightly so.
  await page.evaluate(readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8'));
  return page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run: (...a: unknown[]) => Promise<{ violations: { id: string; nodes: unknown[] }[]; passes: unknown[] }>;
        };
      }
    ).axe;
    const include = ['patient-links', 'patient-devices', 'patient-work-orders', 'patient-components'].map((id) => [
      `[data-testid=${id}]`,
    ]);
    const result = await axe.run({ include }, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa'] } });
    // A rule that passed proves axe looked at the parts (an empty include would pass with nothing checked).
    if (result.passes.length === 0) return ['axe checked nothing'];
    return result.violations.map((v) => `${v.id} (${v.nodes.length})`);
  });
}

async function openErik() {
  await page.goto(`${engine.url}/#/hjalpmedel?pnr=${encodeURIComponent(ERIK)}`);
  await page.reload(); // a fresh page: the same hash would keep the last test's open details
  await page.getByTestId('patient-work-orders').waitFor();
}

for (const [width, height] of [
  [1366, 768],
  [390, 844],
] as const) {
  describe(`Brukarinformation at ${width}×${height}`, () => {
    it('shows payer, order and delivery dates, AOs with comments and the component on its way', async () => {
      await page.setViewportSize({ width, height });
      await openErik();
      const devices = page.getByTestId('patient-devices');
      const lift = devices.locator('tr', { hasText: 'Personlyft' });
      const rollator = devices.locator('tr', { hasText: 'Rollator Dolomite Jazz' });
      expect(await lift.locator('td[data-payer]').textContent()).toBe('Varbergs kommun');
      expect(await rollator.locator('td[data-payer]').textContent()).toBe('Region Halland');
      const liftDates = (await lift.locator('td.date').allTextContents()).filter((t) => /^\d{4}-\d{2}-\d{2}$/.test(t));
      expect(liftDates).toHaveLength(2); // order date and delivery date
      const rollatorIndNo = await rollator.getAttribute('data-indno');

      const aos = page.getByTestId('patient-work-orders');
      const liftAo = aos.locator('tr', { hasText: 'Lyften laddar inte' });
      expect(await liftAo.textContent()).toContain('Väntar på delar');
      expect(await liftAo.textContent()).toContain('Teknisk Service');
      await liftAo.locator('summary').click();
      await liftAo.getByText('Ny laddare beställd från leverantören.').waitFor();
      expect(await aos.locator('tr', { hasText: 'Utprovning av duschstol' }).textContent()).toContain('Mottagen');

      const components = page.getByTestId('patient-components');
      const basket = components.locator('tr', { hasText: 'Korg till rollator' });
      expect(await basket.textContent()).toContain(`K-${rollatorIndNo}`);
      expect(await basket.textContent()).toContain('Utlevererad');
      const orderLink = basket.getByRole('link', { name: /^\d{7}$/ });
      expect(await orderLink.getAttribute('href')).toMatch(/^#\/order\/\d+$/);

      // The links at the top move to their section and focus its heading.
      await page
        .getByTestId('patient-links')
        .getByRole('link', { name: /Komponenter på väg \(1\)/ })
        .click();
      await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Komponenter på väg');

      expect(await widestRight()).toBeLessThanOrEqual(width);
      expect(await axeViolations()).toEqual([]);
      await page.screenshot({ path: join(SHOTS_DIR, `patient-${width}x${height}.png`), fullPage: true });
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: join(SHOTS_DIR, `patient-top-${width}x${height}.png`) });
    });
  });
}

describe('Ordinationsöversikt from the component', () => {
  it('the order number opens the order with the K-number line', async () => {
    await page.setViewportSize({ width: 1366, height: 768 });
    await openErik();
    await page
      .getByTestId('patient-components')
      .getByRole('link', { name: /^\d{7}$/ })
      .click();
    await page.getByRole('heading', { level: 1, name: /^Order \d+/ }).waitFor();
    expect(pageErrors).toEqual([]);
  });
});

describe('Administration › Betalare', () => {
  it('hmc1 reads the payer rules, read-only, at both sizes', async () => {
    const staffContext = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'sv-SE' });
    const staffErrors: string[] = [];
    const staff = await recordingPage(staffContext, staffErrors, 'hmc1');
    try {
      await signInAs(staff, engine.url, 'hmc1');
      await staff.goto(`${engine.url}/#/admin/betalare`);
      const rules = staff.getByTestId('payer-rules');
      await rules.waitFor();
      expect(await rules.locator('tr[data-prefix="12 36"]').textContent()).toContain('Brukarens kommun');
      expect(await rules.locator('tr[data-prefix="22"]').textContent()).toContain('Region Halland');
      expect(await staff.getByRole('button').filter({ hasText: /Spara/ }).count()).toBe(0);
      for (const [width, height] of [
        [1366, 768],
        [390, 844],
      ] as const) {
        await staff.setViewportSize({ width, height });
        expect(await staff.evaluate(() => document.querySelector('main')!.scrollWidth <= window.innerWidth)).toBe(true);
        await staff.screenshot({ path: join(SHOTS_DIR, `payer-rules-${width}x${height}.png`), fullPage: true });
      }
      expect(staffErrors).toEqual([]);
    } finally {
      await staffContext.close();
    }
  });
});
