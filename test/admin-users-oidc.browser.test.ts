// A deactivated account cannot sign in through the region's identity provider either (issue 14): `admin` deactivates
// ot1 over the WebSocket; ot1's SITHS sign-in (a real OIDC provider in this process) returns to the login page with
// the Swedish notice and no session, and once activated again it lands in the portal.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoHsaId } from '../engine/seed/users.ts';
import { launchChromium, recordingPage, tearDown } from './helpers/chromium.ts';
import { startEngine, type EngineProcess } from './helpers/engine-process.ts';
import { freePort, IDP_CLIENT_ID, IDP_CLIENT_SECRET, startTestIdp, type TestIdp } from './helpers/oidc-idp.ts';
import { TestClient } from './helpers/ws-client.ts';

let idp: TestIdp;
let engine: EngineProcess;
let browser: Browser;
let admin: TestClient;
const contexts: BrowserContext[] = [];
const pageErrors: string[] = [];

beforeAll(async () => {
  const port = await freePort();
  const redirectUri = `http://127.0.0.1:${port}/auth/callback`;
  idp = await startTestIdp(redirectUri, { anna: demoHsaId(0) }); // ot1, Anna Bergström
  engine = await startEngine({
    scale: 'tiny',
    env: {
      PORT: String(port),
      PASSWORD_SIGNIN: 'on', // the admin signs in with the demo password, ot1 through the provider
      OIDC_ISSUER: idp.issuer,
      OIDC_CLIENT_ID: IDP_CLIENT_ID,
      OIDC_CLIENT_SECRET: IDP_CLIENT_SECRET,
      OIDC_REDIRECT_URI: redirectUri,
    },
  });
  browser = await launchChromium();
  admin = await TestClient.connect(engine.wsUrl, 'json');
  await admin.login('admin');
}, 120_000);

afterAll(async () => {
  await tearDown([admin, ...contexts, browser], engine);
  await idp?.close();
});

async function signInAtIdp(): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'sv-SE' });
  contexts.push(context);
  const page = await recordingPage(context, pageErrors);
  await page.goto(`${engine.url}/`);
  await page.getByRole('link', { name: 'Logga in med SITHS' }).click();
  await page.locator('input[name="login"]').fill('anna');
  await page.locator('input[name="password"]').fill('any');
  await page.locator('button[type="submit"]').click();
  await page.getByRole('button', { name: 'Continue' }).click();
  return page;
}

describe('OIDC sign-in of a deactivated account', () => {
  it('is refused with the Swedish notice until the account is activated again', async () => {
    await admin.call('admin.userDeactivate', { userId: 'ot1' });
    const refused = await signInAtIdp();
    await refused.getByText('Kontot är avstängt. Kontakta Hjälpmedelscentrums administratör.').waitFor();
    await refused.getByRole('link', { name: 'Logga in med SITHS' }).waitFor();
    expect(await refused.getByRole('link', { name: 'Anna Bergström' }).count()).toBe(0);
    expect(engine.output()).toContain('OIDC sign-in refused for ot1: account_deactivated');
    await admin.call('admin.userActivate', { userId: 'ot1' });
    const allowed = await signInAtIdp();
    await allowed.getByRole('link', { name: 'Anna Bergström' }).waitFor();
    expect(pageErrors).toEqual([]);
  });
});
