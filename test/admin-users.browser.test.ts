// Användare och arbetsplatser in a real Chromium (issue 14): `admin` creates an account with a workplace (a field
// error first, in Swedish, then fixed), links the buffer warehouse, generates a password the new user signs in with,
// then deactivates the account: its open session ends (a reload shows the login page) and signing in again is refused
// with the Swedish message; activated again, it signs in.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium, recordingPage, tearDown } from './helpers/chromium.ts';
import { startEngine, type EngineProcess } from './helpers/engine-process.ts';

let engine: EngineProcess;
let browser: Browser;
let adminContext: BrowserContext;
let userContext: BrowserContext;
let admin: Page;
let newcomer: Page;
let password = '';
const pageErrors: string[] = [];

async function signIn(page: Page, username: string, secret: string) {
  await page.goto(`${engine.url}/`);
  await page.getByLabel('Användarnamn').fill(username);
  await page.getByLabel('Lösenord').fill(secret);
  await page.getByRole('button', { name: 'Logga in' }).click();
}

beforeAll(async () => {
  engine = await startEngine({ scale: 'tiny' });
  browser = await launchChromium();
  adminContext = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'sv-SE' });
  userContext = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'sv-SE' });
  admin = await recordingPage(adminContext, pageErrors, 'admin');
  newcomer = await recordingPage(userContext, pageErrors, 'pt7');
}, 60_000);
afterAll(() => tearDown([adminContext, userContext, browser], engine));

describe('admin manages an account in the browser', () => {
  it('creates an account with a workplace, after fixing a field error', async () => {
    await signIn(admin, 'admin', 'demo');
    await admin.getByRole('heading', { level: 1, name: /^Välkommen/ }).waitFor();
    await admin.goto(`${engine.url}/#/admin/anvandare`);
    await admin.getByTestId('user-list').waitFor();
    await admin.getByRole('link', { name: 'Ny användare' }).click();
    await admin.locator('#user-name').fill('Petra Fysio');
    await admin.locator('#user-username').fill('pt7');
    await admin.locator('#user-profession').selectOption('pt');
    await admin.getByRole('button', { name: 'Lägg till arbetsplats' }).click();
    await admin.locator('#wp0-name').fill('Rehab Falkenberg');
    await admin.locator('#wp0-customer').fill('130055');
    await admin.locator('#wp0-street').fill('Storgatan 5');
    await admin.locator('#wp0-postal').fill('31130');
    await admin.locator('#wp0-city').fill('Falkenberg');
    await admin.getByRole('button', { name: 'Skapa användaren' }).click();
    await expect.poll(() => admin.getByTestId('user-issues').textContent()).toContain('Arbetsplats 1: Postnummer');
    await admin.locator('#wp0-postal').fill('311 30');
    await admin.locator('#wp0-buffer').selectOption({ index: 1 });
    await admin.getByRole('button', { name: 'Skapa användaren' }).click();
    await admin.getByRole('heading', { level: 1, name: /Petra Fysio/ }).waitFor();
    expect(admin.url()).toMatch(/#\/admin\/anvandare\/pt7$/);
    expect(await admin.locator('#wp0-buffer').inputValue()).toMatch(/^B/);
  });

  it('generates a password the new user signs in with', async () => {
    await admin.getByRole('button', { name: 'Generera lösenord' }).click();
    const shown = admin.getByTestId('generated-password');
    await shown.waitFor();
    password = (await shown.locator('strong').textContent()) ?? '';
    expect(password).toMatch(/^[A-Za-z2-9]{14}$/);
    await signIn(newcomer, 'pt7', password);
    await newcomer.getByRole('heading', { level: 1, name: /^Välkommen/ }).waitFor();
  });

  it('deactivating ends the open session and refuses sign-in; activating lets the user in again', async () => {
    await admin.getByRole('button', { name: 'Inaktivera kontot' }).click();
    await expect.poll(() => admin.getByTestId('user-status').textContent()).toContain('sessionerna är avslutade');
    await expect.poll(() => admin.locator('h1 [data-status]').getAttribute('data-status')).toBe('deactivated');
    await newcomer.reload();
    await newcomer.getByLabel('Användarnamn').waitFor();
    await signIn(newcomer, 'pt7', password);
    await expect
      .poll(() => newcomer.getByRole('alert').allTextContents())
      .toContainEqual(expect.stringContaining('Kontot är avstängt'));
    await admin.goto(`${engine.url}/#/admin/anvandare?flaggade=1`);
    await expect
      .poll(() => admin.locator('[data-userid="pt7"] [data-status]').getAttribute('data-status'))
      .toBe('deactivated');
    await admin.getByRole('link', { name: 'Petra Fysio' }).click();
    await admin.getByRole('button', { name: 'Aktivera kontot' }).click();
    await expect.poll(() => admin.locator('h1 [data-status]').getAttribute('data-status')).toBe('active');
    await signIn(newcomer, 'pt7', password);
    await newcomer.getByRole('heading', { level: 1, name: /^Välkommen/ }).waitFor();
    expect(pageErrors).toEqual([]);
  });
});
