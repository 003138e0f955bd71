// OIDC sign-in in Chromium against a real provider in this process (test/helpers/oidc-idp.ts): "Logga in med SITHS",
// sign in at the provider, land in the portal as the user the HSA-id claim maps to. Refused: an HSA-id no user has,
// a forged state, a nonce the provider did not get from us. The one-time code works once and is never logged.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoHsaId } from '../engine/seed/users.ts';
import { launchChromium, recordingPage, tearDown } from './helpers/chromium.ts';
import { startEngine, type EngineProcess } from './helpers/engine-process.ts';
import { freePort, IDP_CLIENT_ID, IDP_CLIENT_SECRET, startTestIdp, type TestIdp } from './helpers/oidc-idp.ts';
import { TestClient } from './helpers/ws-client.ts';

const SHOTS_DIR = process.env.SHOTS_DIR ?? fs.mkdtempSync(path.join(os.tmpdir(), 'aidstock-oidc-'));

let idp: TestIdp;
let engine: EngineProcess;
let browser: Browser;
const contexts: BrowserContext[] = [];
const pageErrors: string[] = [];

beforeAll(async () => {
  const port = await freePort();
  const redirectUri = `http://127.0.0.1:${port}/auth/callback`;
  idp = await startTestIdp(redirectUri, {
    anna: demoHsaId(0), // ot1, Anna Bergström
    stranger: 'SE2321000131-E999999999999',
  });
  engine = await startEngine({
    scale: 'tiny',
    env: {
      PORT: String(port),
      OIDC_ISSUER: idp.issuer,
      OIDC_CLIENT_ID: IDP_CLIENT_ID,
      OIDC_CLIENT_SECRET: IDP_CLIENT_SECRET,
      OIDC_REDIRECT_URI: redirectUri,
    },
  });
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await tearDown([...contexts, browser], engine);
  await idp?.close();
});

async function freshPage(width = 1366, height = 768): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height }, locale: 'sv-SE' });
  contexts.push(context);
  return recordingPage(context, pageErrors);
}

/** From the portal's login page through the provider's login and consent screens. */
async function signInAtIdp(page: Page, login: string): Promise<void> {
  await page.goto(`${engine.url}/`);
  await page.getByRole('link', { name: 'Logga in med SITHS' }).click();
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill('any');
  await page.locator('button[type="submit"]').click();
  await page.getByRole('button', { name: 'Continue' }).click();
}

describe('OIDC sign-in in Chromium', () => {
  it('offers SITHS only (no demo passwords) when OIDC is configured and PASSWORD_SIGNIN is not on', async () => {
    for (const [width, height, name] of [
      [1366, 768, 'login-siths-1366.png'],
      [390, 844, 'login-siths-390.png'],
    ] as const) {
      const page = await freshPage(width, height);
      await page.goto(`${engine.url}/`);
      await page.getByRole('link', { name: 'Logga in med SITHS' }).waitFor();
      expect(await page.getByLabel('Lösenord').count()).toBe(0);
      expect(await page.getByText('Demoanvändare').count()).toBe(0);
      await page.screenshot({ path: path.join(SHOTS_DIR, name) });
    }
    const ws = await TestClient.connect(engine.wsUrl);
    const refused = await ws.request('session.login', { username: 'ot1', password: 'demo' });
    expect(refused.ok ? 'ok' : refused.error.code).toBe('signin_method_off');
    await ws.close();
  });

  it('signs in at the provider and lands in the portal as the user the HSA-id maps to; the code works once', async () => {
    const page = await freshPage();
    const urls: string[] = [];
    page.on('framenavigated', (frame) => urls.push(frame.url()));
    await signInAtIdp(page, 'anna');
    await page.getByRole('link', { name: 'Anna Bergström' }).waitFor();
    expect(page.url()).not.toContain('inloggning-kod');
    const code = urls.map((u) => /#inloggning-kod=([\w-]+)/.exec(u)?.[1]).find((c) => c !== undefined);
    expect(code).toMatch(/^[\w-]{43}$/);
    expect(engine.output()).not.toContain(code);
    // The session survives a reload (resume), and the code cannot be used again.
    await page.reload();
    await page.getByRole('link', { name: 'Anna Bergström' }).waitFor();
    const ws = await TestClient.connect(engine.wsUrl);
    const replay = await ws.request('session.exchange', { code: code! });
    expect(replay.ok ? 'ok' : replay.error.code).toBe('unauthorized');
    await ws.close();
    expect(pageErrors).toEqual([]);
  });

  it('refuses an HSA-id no user has, with a Swedish notice on the login page', async () => {
    const page = await freshPage();
    await signInAtIdp(page, 'stranger');
    await page.getByText('Ditt HSA-id är inte kopplat till någon användare').waitFor();
    await page.getByRole('link', { name: 'Logga in med SITHS' }).waitFor();
    await page.screenshot({ path: path.join(SHOTS_DIR, 'login-unknown-hsa-1366.png') });
    expect(engine.output()).toContain('no user with HSA-id "SE2321000131-E999999999999"');
  });

  const FORGED_NONCE = 'forged-nonce-0123456789';
  it('refuses a callback whose nonce is not the one the engine sent', async () => {
    const page = await freshPage();
    // The engine's redirect to the provider, with the nonce swapped (Playwright routes no request reached by a redirect).
    await page.route(`${engine.url}/auth/login`, async (route) => {
      const response = await route.fetch({ maxRedirects: 0 });
      const target = new URL(response.headers().location);
      target.searchParams.set('nonce', FORGED_NONCE);
      await route.fulfill({ status: 302, headers: { location: target.href } });
    });
    await signInAtIdp(page, 'anna');
    await page.getByText('Inloggningen kunde inte verifieras').waitFor();
    expect(await page.getByRole('link', { name: 'Anna Bergström' }).count()).toBe(0);
  });

  it('refuses a forged or replayed state before talking to the provider', async () => {
    const response = await fetch(`${engine.url}/auth/callback?code=abc&state=forged`, { redirect: 'manual' });
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe('/#inloggning-fel=state');
    const login = await fetch(`${engine.url}/auth/login`, { redirect: 'manual' });
    const target = new URL(login.headers.get('location')!);
    expect(target.origin).toBe(idp.issuer);
    expect(target.searchParams.get('code_challenge_method')).toBe('S256');
    expect(target.searchParams.get('state')).toMatch(/^[\w-]{20,}$/);
    expect(target.searchParams.get('nonce')).toMatch(/^[\w-]{20,}$/);
  });
});
