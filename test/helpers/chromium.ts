// Debian's Chromium driven by playwright-core, with the flags this closed network needs (no background networking,
// no component updates, no sync); CHROMIUM_PATH overrides the binary.
import fs from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { EngineProcess } from './engine-process.ts';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

/** Timeout of every page action: the engine answers in milliseconds, so ten seconds means something is wrong. */
export const PAGE_ACTION_MS_MAX = 10_000;

/** A page that records its uncaught errors and Content-Security-Policy violations (tests assert there are none). */
export async function recordingPage(context: BrowserContext, pageErrors: string[], label = ''): Promise<Page> {
  const page = await context.newPage();
  page.setDefaultTimeout(PAGE_ACTION_MS_MAX);
  const record = (message: string) => pageErrors.push(label === '' ? message : `${label}: ${message}`);
  page.on('pageerror', (error) => record(error.message));
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) record(`CSP: ${message.text()}`);
  });
  return page;
}

interface Closable {
  close(): Promise<unknown>;
}

/** Closes clients, contexts and the browser (ignoring ones already gone), then stops the engine and removes its data. */
export async function tearDown(
  closables: Array<Closable | undefined>,
  engine: EngineProcess | undefined,
): Promise<void> {
  for (const c of closables) await c?.close().catch(() => {});
  await engine?.stop();
  if (engine) fs.rmSync(engine.dataDir, { recursive: true, force: true });
}

/** Signs in with the demo password on the login page and waits for the start page (a user with work screens). */
export async function signInAs(page: Page, baseUrl: string, username: string): Promise<void> {
  await page.goto(`${baseUrl}/`);
  await page.getByLabel('Användarnamn').fill(username);
  await page.getByLabel('Lösenord').fill('demo');
  await page.getByRole('button', { name: 'Logga in' }).click();
  await page.getByRole('heading', { level: 1, name: /^Välkommen/ }).waitFor();
}

/** Signs out from the top bar; on a phone-width page "Logga ut" sits in the menu the Meny button opens. */
export async function signOut(page: Page): Promise<void> {
  const menu = page.getByRole('banner').getByRole('button', { name: 'Meny' });
  if (await menu.isVisible()) await menu.click();
  await page.getByRole('button', { name: 'Logga ut' }).click();
}
