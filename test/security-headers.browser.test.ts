// The portal under its Content-Security-Policy in Chromium (issue 13): it loads and signs in with no CSP violation
// (the import map is allowed by its hash), while an injected inline script is refused and reported.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import { launchChromium, recordingPage, tearDown } from './helpers/chromium.ts';
import { startEngine, type EngineProcess } from './helpers/engine-process.ts';

let engine: EngineProcess;
let browser: Browser;
let context: BrowserContext;

beforeAll(async () => {
  engine = await startEngine({ store: 'memory' });
  browser = await launchChromium();
  context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'sv-SE' });
});

afterAll(async () => {
  await tearDown([context, browser], engine);
});

describe('portal under the Content-Security-Policy', () => {
  it('loads, connects its WebSocket and signs in without a violation; an inline script is refused', async () => {
    const errors: string[] = [];
    const page = await recordingPage(context, errors);
    await page.goto(engine.url);
    await page.getByLabel('Användarnamn').fill('ot1');
    await page.getByLabel('Lösenord').fill('demo');
    await page.getByRole('button', { name: 'Logga in' }).click();
    await page.getByRole('heading', { level: 1, name: /^Välkommen/ }).waitFor();
    expect(errors).toEqual([]);

    await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.injected = true';
      document.head.append(script);
    });
    await page.waitForTimeout(200);
    expect(await page.evaluate(() => (window as unknown as { injected?: boolean }).injected)).toBeUndefined();
    expect(errors.some((e) => e.startsWith('CSP:'))).toBe(true);
  });
});
