// The order screens in a real headless Chromium against the real engine (tiny seed), two browsers side by side: ot1 writes
// a Kundorder for a resident patient in the wizard, where the article asked for has no stock and the replacement chain
// proposes an equivalent that ot1 accepts; the reply to "Verkställ" is lost with the connection, and the retry with the same
// idempotency key returns the same order, not a second one. hmc1's Orderflöde, open all along, shows the order arrive
// without a reload and moves it to picking; ot1's Ordinationsöversikt shows "För plock" without a reload. Then hmc1
// changes the planned delivery date in the Plocklista and the message reaches ot1's start page live.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium, recordingPage, tearDown, signInAs } from './helpers/chromium.ts';
import { startEngine, type EngineProcess } from './helpers/engine-process.ts';
import { heldDevice } from './helpers/held-device.ts';
import { TestClient } from './helpers/ws-client.ts';
import type { Person, PublicUser, Workplace } from '../schemas/entities.ts';

const KEEP_SCREENSHOTS = process.env.AIDSTOCK_KEEP_SCREENSHOTS === '1';
const SCREENSHOT_DIR = fs.mkdtempSync(path.join(os.tmpdir(), 'aidstock-portal-orders-'));

/** Demo data every seed has (engine/seed/demo-persons.ts, demo-catalog.ts): a resident, a non-resident, a replacement chain. */
const ERIK = '19811218-9876';
const BIRGITTA = '19520704-2465';
/** Futura (discontinued) → Legacy (outgoing) → Jazz: the setup below empties the first two, so Jazz is proposed. */
const CHAIN = ['100121', '100103', '100101'] as const;
const OTHER_INFO = 'Ring 30 min innan leverans.';

interface Probe {
  __noReload?: boolean;
  __dropNextPlace?: boolean;
  __sockets: WebSocket[];
}

let engine: EngineProcess;
let browser: Browser;
let otContext: BrowserContext;
let hmcContext: BrowserContext;
let ot: Page;
let hmc: Page;
let staff: TestClient;
let prescriber: TestClient;
let otUser: PublicUser;
const pageErrors: string[] = [];
const shot = (page: Page, name: string) =>
  page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });

/** Sets what is available of an article in warehouse 10 (onHand − reserved) with a stock adjustment as HMC would. */
async function setAvailable(artNo: string, available: number): Promise<void> {
  const { rows } = await staff.call('stock.get', { artNo, warehouse: '10' });
  const row = rows[0] ?? { onHand: 0, reserved: 0 };
  const delta = available + row.reserved - row.onHand;
  if (delta !== 0)
    await staff.call('admin.stockAdjust', {
      warehouse: '10',
      artNo,
      delta,
      reason: 'inventory',
      note: 'portal-orders test',
    });
}

function newPage(context: BrowserContext, label: string): Promise<Page> {
  return recordingPage(context, pageErrors, label);
}

async function login(page: Page, username: string): Promise<void> {
  await signInAs(page, engine.url, username);
}

const noReload = (page: Page) => page.evaluate(() => (window as unknown as Probe).__noReload === true);
const markNoReload = (page: Page) =>
  page.evaluate(() => {
    (window as unknown as Probe).__noReload = true;
  });

beforeAll(async () => {
  engine = await startEngine({ scale: 'tiny' });
  staff = await TestClient.connect(engine.wsUrl, 'json');
  await staff.login('hmc1');
  prescriber = await TestClient.connect(engine.wsUrl, 'json');
  otUser = (await prescriber.login('ot1')).user;
  browser = await launchChromium();
  // Two separate browser contexts: two people at two desks, each with their own session.
  otContext = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'sv-SE' });
  hmcContext = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'sv-SE' });
  // ot1's browser can be told to lose the reply to its next order.place and then the connection (window.__dropNextPlace):
  // the order is placed, but the wizard only learns that the connection broke, as on a flaky network. The reply is dropped
  // in the page, after the engine has sent it, so the test is about the portal's retry and not about the engine's side of
  // a socket that closes while a command is still on its way to disk.
  await otContext.addInitScript(() => {
    const probe = window as unknown as Probe;
    probe.__sockets = [];
    const Native = window.WebSocket;
    window.WebSocket = class extends Native {
      private dropId: unknown = undefined;
      constructor(url: string | URL, protocols?: string | string[]) {
        super(url, protocols);
        probe.__sockets.push(this);
      }
      override send(data: string | ArrayBufferLike | Blob | ArrayBufferView): void {
        if (probe.__dropNextPlace && typeof data === 'string' && data.includes('"op":"order.place"')) {
          probe.__dropNextPlace = false;
          this.dropId = JSON.parse(data).id;
        }
        super.send(data);
      }
      override set onmessage(handler: ((event: MessageEvent) => void) | null) {
        super.onmessage =
          handler === null
            ? null
            : (event: MessageEvent) => {
                if (
                  this.dropId !== undefined &&
                  typeof event.data === 'string' &&
                  JSON.parse(event.data).id === this.dropId
                ) {
                  this.dropId = undefined;
                  this.close();
                  return;
                }
                handler.call(this, event);
              };
      }
      override get onmessage() {
        return super.onmessage;
      }
    };
  });
  ot = await newPage(otContext, 'ot1');
  hmc = await newPage(hmcContext, 'hmc1');
});

afterAll(async () => {
  await tearDown([otContext, hmcContext, browser, staff, prescriber], engine);
  if (!KEEP_SCREENSHOTS) fs.rmSync(SCREENSHOT_DIR, { recursive: true, force: true });
});

describe('order screens in Chromium, prescriber and HMC side by side', () => {
  let erik: Person & { prescribable: boolean };
  let replacement: { artNo: string; name: string };
  let orderNo = 0;
  let otOrdersBefore = 0;

  it('sets up an article without stock whose replacement chain ends in stock, and checks it with order.quote', async () => {
    erik = (await prescriber.call('patient.get', { pnr: ERIK })).person;
    expect(erik.prescribable).toBe(true);
    await setAvailable(CHAIN[0], 0);
    await setAvailable(CHAIN[1], 0);
    const end = (await staff.call('stock.get', { artNo: CHAIN[2], warehouse: '10' })).rows[0];
    expect(end.available).toBeGreaterThan(0);
    const quote = await prescriber.call('order.quote', {
      recipient: { kind: 'patient', pnr: ERIK },
      lines: [{ artNo: CHAIN[0], quantity: 1 }],
    });
    expect(quote.lines[0]).toMatchObject({ outcome: 'proposal', available: 0, proposal: { artNo: CHAIN[2], hops: 2 } });
    replacement = { artNo: quote.lines[0].proposal.artNo, name: quote.lines[0].proposal.name };
    otOrdersBefore = (await prescriber.call('order.list', { mine: true, limit: 200 })).total;
  });

  it('hmc1 opens the Orderflöde with counts per status; ot1 opens Beställ', async () => {
    await login(hmc, 'hmc1');
    const hmcName = (await hmc.getByRole('heading', { level: 1 }).textContent())!.replace('Välkommen, ', '');
    expect(await hmc.getByTestId('signed-in-as').textContent()).toContain(`Inloggad som ${hmcName}, hmc-personal.`);
    expect(await hmc.getByTestId('messages').count()).toBe(0);
    const nav = hmc.getByRole('navigation', { name: 'Huvudmeny' });
    expect(await nav.getByRole('link', { name: 'Orderflöde' }).count()).toBe(1);
    expect(await nav.getByRole('link', { name: 'Plocklista' }).count()).toBe(1);
    expect(await nav.getByRole('link', { name: 'Beställ' }).count()).toBe(0);
    await nav.getByRole('link', { name: 'Orderflöde' }).click();
    await hmc.getByRole('heading', { level: 1, name: 'Orderflöde' }).waitFor();
    const truth = await staff.call('order.list', { limit: 1 });
    await expect.poll(() => hmc.getByTestId('count-registered').textContent()).toBe(String(truth.counts.registered));
    await markNoReload(hmc);

    await login(ot, 'ot1');
    expect(await ot.getByTestId('signed-in-as').textContent()).toContain(
      `Inloggad som ${otUser.name}, arbetsterapeut.`,
    );
    await expect.poll(() => ot.getByTestId('messages').count()).toBe(1);
    const otNav = ot.getByRole('navigation', { name: 'Huvudmeny' });
    expect(await otNav.getByRole('link', { name: 'Orderflöde' }).count()).toBe(0);
    await otNav.getByRole('link', { name: 'Beställ' }).click();
    await ot.getByRole('heading', { level: 1, name: 'Kundorder' }).waitFor();
    expect(await ot.getByRole('heading', { level: 2 }).first().textContent()).toBe('Steg 1 av 5: Mottagare');
  });

  it('step 1: the CFR search pages through its hits ten at a time', async () => {
    const { total } = await prescriber.call('register.search', { text: 'Halmstad', limit: 1 });
    expect(total).toBeGreaterThan(20);
    const shown = (n: number) => n.toLocaleString('sv-SE').replace(/\s/g, '\u00a0');
    await ot.getByText('Sök i folkbokföringen (CFR)').click();
    await ot.getByLabel('Namn, adress, ort eller födelsedatum').fill('Halmstad');
    await ot.getByRole('search', { name: 'Sök i folkbokföringen' }).getByRole('button', { name: 'Sök' }).click();
    await expect.poll(() => ot.getByTestId('cfr-count').textContent()).toBe(`Visar 1–10 av ${shown(total)}.`);
    const first = await ot.getByTestId('cfr-hits').textContent();
    await ot.getByRole('button', { name: 'Nästa ›' }).click();
    await expect.poll(() => ot.getByTestId('cfr-count').textContent()).toBe(`Visar 11–20 av ${shown(total)}.`);
    expect(await ot.getByTestId('cfr-hits').getByRole('listitem').count()).toBe(10);
    expect(await ot.getByTestId('cfr-hits').textContent()).not.toBe(first);
    await ot.getByRole('button', { name: '‹ Föregående' }).click();
    await expect.poll(() => ot.getByTestId('cfr-count').textContent()).toBe(`Visar 1–10 av ${shown(total)}.`);
    await ot.getByText('Sök i folkbokföringen (CFR)').click();
  });

  it('step 1 refuses a patient outside Halland and accepts a resident', async () => {
    await ot.getByLabel('Personnummer', { exact: true }).fill(BIRGITTA);
    await ot.getByRole('button', { name: 'Hämta brukare' }).click();
    await expect
      .poll(() => ot.getByTestId('not-resident').textContent())
      .toContain('Kan inte förskrivas – ej folkbokförd i Halland');
    await ot.getByTestId('wizard-next').click();
    await expect.poll(() => ot.getByTestId('wizard-problem').textContent()).toContain('ej folkbokförd i Halland');
    expect(await ot.getByTestId('wizard-step').getAttribute('data-step')).toBe('1');

    await ot.getByLabel('Personnummer', { exact: true }).fill(ERIK);
    await ot.getByLabel('Personnummer', { exact: true }).press('Enter');
    await expect
      .poll(() => ot.getByTestId('patient-card').textContent())
      .toContain(`${erik.givenName} ${erik.familyName}`);
    expect(await ot.getByTestId('patient-card').textContent()).toContain(erik.address.street);
    await shot(ot, '1-mottagare');
    await ot.getByTestId('wizard-next').click();
    await expect.poll(() => ot.getByTestId('wizard-step').getAttribute('data-step')).toBe('2');
  });

  it('step 2 offers "uttag ur eget förråd" only for the workplace with a buffer', async () => {
    const withBuffer = otUser.workplaces.find((w: Workplace) => w.bufferWarehouse !== null)!;
    const without = otUser.workplaces.find((w: Workplace) => w.bufferWarehouse === null)!;
    const workplace = ot.getByLabel('Arbetsplats (kund/leveransadress)');
    await workplace.selectOption(without.id);
    expect(await ot.getByLabel(/Uttag ur eget förråd/).count()).toBe(0);
    await workplace.selectOption(withBuffer.id);
    expect(await ot.getByLabel(`Uttag ur eget förråd (${withBuffer.bufferWarehouse})`).count()).toBe(1);
    expect(await ot.getByLabel(/huvudlager 10/).isChecked()).toBe(true);
    expect(await ot.getByTestId('default-address').textContent()).toContain(erik.address.street);
    await ot.getByTestId('wizard-next').click();
    await expect.poll(() => ot.getByTestId('wizard-step').getAttribute('data-step')).toBe('3');
  });

  it('step 3 shows the replacement proposal for the article without stock; it must be decided, and is accepted', async () => {
    await ot.getByLabel('Artikelnummer', { exact: true }).fill(CHAIN[0]);
    await ot.getByTestId('add-line').click();
    const line = ot.locator(`[data-testid=order-line][data-artno="${CHAIN[0]}"]`);
    await expect.poll(() => line.getAttribute('data-outcome')).toBe('proposal');
    expect(await line.getByTestId('line-available').textContent()).toBe('0');
    const proposal = line.getByTestId('proposal');
    expect(await proposal.textContent()).toContain('Förslag på likvärdig produkt');
    expect(await proposal.textContent()).toContain(replacement.artNo);
    expect(await proposal.textContent()).toContain(replacement.name);
    expect(await proposal.getByTestId('refuse-proposal').textContent()).toBe('Avböj (alternativ får inte levereras)');
    await shot(ot, '3-rader-forslag');

    // Not decided yet: the wizard says so and stays.
    await ot.getByTestId('wizard-next').click();
    await expect
      .poll(() => ot.getByTestId('wizard-problem').textContent())
      .toContain('Acceptera eller avböj förslaget');
    expect(await ot.getByTestId('wizard-step').getAttribute('data-step')).toBe('3');

    await proposal.getByTestId('accept-proposal').click();
    await expect.poll(() => line.getByTestId('proposal').getAttribute('data-decision')).toBe('accept');
    const decided = await line.getByTestId('proposal').textContent();
    expect(decided).toContain(`Ersättning accepterad: ${replacement.artNo} ${replacement.name}`);
    expect(decided).toContain(`levereras i stället för ${CHAIN[0]}`);
    // "Vanligaste tillbehören" of the replacement are offered with checkboxes, not forced.
    await expect.poll(() => ot.getByTestId('accessory-offer').count()).toBe(1);
    expect(await ot.getByTestId('accessory-offer').getByRole('checkbox').count()).toBeGreaterThan(0);
    await ot.getByTestId('wizard-next').click();
    await expect.poll(() => ot.getByTestId('wizard-step').getAttribute('data-step')).toBe('4');
  });

  it('step 4 defaults to the registered address and counts the characters of övrig information', async () => {
    expect(await ot.getByTestId('delivery-default').textContent()).toBe(
      `${erik.address.street}, ${erik.address.postalCode} ${erik.address.city}`,
    );
    expect(await ot.getByLabel('Samleverans').isChecked()).toBe(true);
    await ot.getByLabel('Övrig information', { exact: true }).fill(OTHER_INFO);
    expect(await ot.getByTestId('other-info-count').textContent()).toContain(`${OTHER_INFO.length}/255 tecken`);
    expect(await ot.getByText('syns på följesedeln').count()).toBe(1);
    await ot.getByTestId('wizard-next').click();
    await expect.poll(() => ot.getByTestId('wizard-step').getAttribute('data-step')).toBe('5');
    expect(await ot.getByTestId('order-summary').textContent()).toContain(OTHER_INFO);
    await shot(ot, '5-verkstall');
  });

  it('Verkställ: the reply is lost with the connection; the retry returns the same order, and hmc1 sees it arrive', async () => {
    await ot.evaluate(() => {
      (window as unknown as Probe).__dropNextPlace = true;
    });
    await ot.getByTestId('verkstall').click();
    await expect.poll(() => ot.getByTestId('place-error').textContent()).toContain('Anslutningen bröts');
    await expect
      .poll(() => ot.getByTestId('connection-status').textContent(), { timeout: 5_000 })
      .toContain('Ansluten');
    expect(await ot.evaluate(() => (window as unknown as Probe).__sockets.length)).toBe(2);
    await ot.getByTestId('verkstall').click();
    await ot.getByTestId('receipt').waitFor();
    orderNo = Number(await ot.getByTestId('receipt-order-no').textContent());
    expect(orderNo).toBeGreaterThan(0);
    expect(await ot.getByTestId('receipt').textContent()).toContain('Ordern var redan registrerad');

    // Exactly one new order, with the replacement taken and the dates the receipt shows.
    const mine = await prescriber.call('order.list', { mine: true, limit: 200 });
    expect(mine.total).toBe(otOrdersBefore + 1);
    expect(mine.orders[0].orderNo).toBe(orderNo);
    const placed = await staff.call('order.get', { orderNo });
    expect(placed).toMatchObject({
      prescriber: { id: 'ot1' },
      otherInfo: OTHER_INFO,
      recipient: { kind: 'patient', pnr: erik.pnr },
    });
    expect(placed.lines[0]).toMatchObject({
      artNo: replacement.artNo,
      status: 'registered',
      replacedFrom: { artNo: CHAIN[0] },
    });
    expect(await ot.getByTestId('receipt-delivery-date').textContent()).toBe(placed.plannedDeliveryDate);
    expect(await ot.getByTestId('receipt-pick-date').textContent()).toBe(placed.plannedPickDate);
    await shot(ot, '6-kvittens');

    // hmc1's screen got it by push: at the top, once, counted, and the page was never reloaded.
    const row = hmc.locator(`[data-testid=flow-row][data-orderno="${orderNo}"]`);
    await row.waitFor();
    expect(await row.count()).toBe(1);
    expect(await hmc.getByTestId('flow-row').first().getAttribute('data-orderno')).toBe(String(orderNo));
    expect(await row.getByTestId('flow-status').textContent()).toBe('Registrerad');
    const counts = (await staff.call('order.list', { limit: 1 })).counts;
    await expect.poll(() => hmc.getByTestId('count-registered').textContent()).toBe(String(counts.registered));
    await expect.poll(() => row.textContent()).toContain(`${erik.givenName} ${erik.familyName}`);
    // Said out loud with the prescriber's name, never the username.
    await expect
      .poll(() => hmc.getByTestId('flow-announce').textContent())
      .toBe(`Ny order ${orderNo} från ${otUser.name}.`);
    expect(await noReload(hmc)).toBe(true);
    await shot(hmc, '7-orderflode-ny');
  });

  it('hmc1 moves the order to picking; ot1\'s Ordinationsöversikt shows "För plock" without a reload', async () => {
    await ot.getByTestId('receipt-overview').click();
    await ot.getByRole('heading', { level: 1, name: `Order ${orderNo}` }).waitFor();
    expect(await ot.getByTestId('overview-status').textContent()).toBe('Registrerad');
    expect(await ot.getByTestId('overview-prescriber').textContent()).toContain('Anna Bergström');
    expect(await ot.getByTestId('replaced-from').textContent()).toContain(CHAIN[0]);
    expect(await ot.getByTestId('cancel-order').count()).toBe(1);
    await markNoReload(ot);

    const row = hmc.locator(`[data-testid=flow-row][data-orderno="${orderNo}"]`);
    await row.getByTestId('step-pick').click();
    await expect.poll(() => row.getByTestId('flow-status').textContent()).toBe('För plock');

    await expect.poll(() => ot.getByTestId('overview-status').textContent()).toBe('För plock');
    const picked = await staff.call('order.get', { orderNo });
    expect(picked.lines[0].status).toBe('picking');
    const line = ot.locator('[data-testid=overview-line][data-lineno="1"]');
    await expect.poll(() => line.getByTestId('line-status').textContent()).toBe('För plock');
    if (picked.lines[0].individuals.length > 0)
      expect(await line.textContent()).toContain(String(picked.lines[0].individuals[0]));
    // Picked: the prescriber can no longer cancel.
    expect(await ot.getByTestId('cancel-order').count()).toBe(0);
    expect(await noReload(ot)).toBe(true);
    expect(await noReload(hmc)).toBe(true);
    await shot(ot, '8-oversikt-for-plock');
    await shot(hmc, '9-orderflode-plock');
  });

  it("a new planned delivery date from the Plocklista reaches ot1's start page as a message; ot1 deletes it", async () => {
    await ot.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Start' }).click();
    await ot.getByRole('heading', { level: 2, name: /^Meddelanden/ }).waitFor();
    await expect.poll(() => ot.getByTestId('messages').textContent()).toContain('Inga meddelanden');

    await hmc.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Plocklista' }).click();
    const card = hmc.locator(`[data-testid=queue-card][data-orderno="${orderNo}"][data-status=picking]`);
    await card.waitFor();
    const before = (await staff.call('order.get', { orderNo })).plannedDeliveryDate as string;
    const later = new Date(Date.parse(`${before}T12:00:00Z`) + 7 * 86_400_000).toISOString().slice(0, 10);
    await card.getByText('Ändra leveransdatum').click();
    await card.getByLabel('Nytt planerat leveransdatum').fill(later);
    await card.getByLabel(/Meddelande till förskrivaren/).fill('Leverantören är försenad.');
    await card.getByRole('button', { name: 'Ändra datum' }).click();
    await expect.poll(() => card.textContent()).toContain('Förskrivaren har fått ett meddelande');
    await shot(hmc, '10-plocklista');

    const message = ot.locator(`[data-testid=message][data-orderno="${orderNo}"]`);
    await message.waitFor();
    expect(await message.textContent()).toContain(later);
    expect(await message.getByRole('link', { name: `Order ${orderNo}` }).count()).toBe(1);
    await shot(ot, '11-start-meddelande');
    await message.getByRole('button', { name: `Ta bort meddelandet om order ${orderNo}` }).click();
    await expect.poll(() => message.count()).toBe(0);
    expect(
      (await prescriber.call('message.list', {})).messages.some((m: { orderNo: number }) => m.orderNo === orderNo),
    ).toBe(false);
    expect(pageErrors).toEqual([]);
  });

  it("hmc1 receives a patient's device back on its Individkort: the unit is on the shelf in 10 and the balance is one up", async () => {
    const { device } = await heldDevice(staff);
    const before = (await staff.call('stock.get', { artNo: device.artNo, warehouse: '10' })).rows[0]?.onHand ?? 0;

    await hmc.goto(`${engine.url}/#/individ/${device.indNo}`);
    await hmc.getByTestId('individual-card').waitFor();
    expect(await hmc.getByTestId('holder').textContent()).toContain('Registrerad på');
    await hmc.getByRole('button', { name: 'Ta emot retur till lager 10' }).click();
    await expect
      .poll(() => hmc.getByTestId('return-status').textContent())
      .toContain(`Individ ${device.indNo} är tillbaka i lager 10.`);
    await expect.poll(() => hmc.getByTestId('holder').textContent()).toContain('I lager 10');
    expect(await hmc.getByRole('button', { name: 'Ta emot retur till lager 10' }).count()).toBe(0);
    expect((await staff.call('stock.get', { artNo: device.artNo, warehouse: '10' })).rows[0].onHand).toBe(before + 1);
    // A prescriber sees the card but no return button.
    await ot.goto(`${engine.url}/#/individ/${device.indNo}`);
    await ot.getByTestId('individual-card').waitFor();
    expect(await ot.getByRole('button', { name: /Ta emot retur/ }).count()).toBe(0);
    expect(pageErrors).toEqual([]);
  });

  it('ot1 orders a pickup of a device from Hjälpmedel; hmc1 receives it from Hämtorder; ot1 sees the pickup done', async () => {
    const { holder, device } = await heldDevice(staff);
    // hmc1 has Hämtorder open before the pickup exists: it must appear by push.
    await hmc.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Hämtorder' }).click();
    await hmc.getByRole('heading', { level: 1, name: 'Hämtorder' }).waitFor();
    await markNoReload(hmc);
    await ot.goto(`${engine.url}/#/hjalpmedel?pnr=${encodeURIComponent(holder.pnrDisplay)}`);
    await ot.getByTestId('patient-devices').waitFor();
    await ot.getByRole('checkbox', { name: `Hämta ${device.name} (${device.indNo})` }).check();
    await ot.getByLabel('Orsak (till chauffören)').fill('Brukaren har flyttat till särskilt boende.');
    await ot.getByRole('button', { name: 'Beställ hämtning' }).click();
    await expect.poll(() => ot.getByTestId('pickup-status').textContent()).toMatch(/^Hämtorder \d+ är registrerad\.$/);
    const pickupNo = Number(/\d+/.exec((await ot.getByTestId('pickup-status').textContent())!)![0]);
    const listed = ot.locator(`[data-testid=patient-pickups] li[data-pickupno="${pickupNo}"]`);
    expect(await listed.getAttribute('data-status')).toBe('requested');
    // Makulera asks first; "Nej" keeps the pickup as it was.
    await listed.getByRole('button', { name: `Makulera hämtorder ${pickupNo}` }).click();
    expect(await listed.textContent()).toContain(`Vill du makulera hämtorder ${pickupNo}?`);
    await listed.getByRole('button', { name: 'Nej, behåll hämtordern' }).click();
    await listed.getByRole('button', { name: `Makulera hämtorder ${pickupNo}` }).waitFor();
    expect(await listed.getAttribute('data-status')).toBe('requested');
    await shot(ot, '12-hamtorder-bestalld');

    const card = hmc.locator(`[data-testid=pickups] li[data-pickupno="${pickupNo}"]`);
    await card.waitFor();
    expect(await noReload(hmc)).toBe(true);
    expect(await card.textContent()).toContain('Brukaren har flyttat till särskilt boende.');
    await shot(hmc, '13-hamtorder-hmc');
    await card.getByRole('button', { name: `Ta emot individ ${device.indNo}` }).click();
    await expect
      .poll(() => hmc.getByTestId('pickups-status').textContent())
      .toContain(`Individ ${device.indNo} från hämtorder ${pickupNo} är mottagen`);
    await expect.poll(() => card.count()).toBe(0);

    await ot.reload();
    await ot.locator(`[data-testid=patient-pickups] li[data-pickupno="${pickupNo}"][data-status=collected]`).waitFor();
    expect(await ot.locator(`[data-testid=patient-devices] tr[data-indno="${device.indNo}"]`).count()).toBe(0);
    expect(pageErrors).toEqual([]);
  });

  it('hmc1 publishes a news item on the start page; ot1 sees it after a reload; hmc1 withdraws it', async () => {
    await hmc.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Start' }).click();
    await hmc.getByTestId('news').getByText('Publicera en nyhet').click();
    await hmc.getByLabel('Rubrik').fill('Stängt för inventering');
    await hmc.getByLabel('Text').fill('HMC:s lager är stängt fredag 4 december. Beställ senast torsdag.');
    await hmc.getByRole('button', { name: 'Publicera', exact: true }).click();
    await hmc.getByTestId('news').getByRole('heading', { level: 3, name: 'Stängt för inventering' }).waitFor();

    await ot.goto(`${engine.url}/#/`);
    const item = ot.getByTestId('news').locator('li').first();
    await expect.poll(() => item.textContent()).toContain('HMC:s lager är stängt fredag 4 december.');
    expect(
      await ot
        .getByTestId('news')
        .getByRole('button', { name: /Ta bort/ })
        .count(),
    ).toBe(0);

    await hmc.getByRole('button', { name: 'Ta bort nyheten Stängt för inventering' }).click();
    await expect
      .poll(() => hmc.getByTestId('news').getByRole('heading', { level: 3, name: 'Stängt för inventering' }).count())
      .toBe(0);
    expect(
      (await prescriber.call('news.list', {})).news.some(
        (n: { title: string }) => n.title === 'Stängt för inventering',
      ),
    ).toBe(false);
    expect(pageErrors).toEqual([]);
  });

  it('ot1 files an arbetsorder about a device from its Individkort; hmc1 sets "Väntar på delar" with a comment; ot1 reads it', async () => {
    const { device } = await heldDevice(staff);
    await ot.goto(`${engine.url}/#/individ/${device.indNo}`);
    await ot.getByRole('link', { name: 'Ny arbetsorder för individen' }).click();
    await ot.getByRole('heading', { level: 1, name: 'Arbetsorder' }).waitFor();
    expect(await ot.getByLabel(/Individnummer/).inputValue()).toBe(String(device.indNo));
    await ot.getByLabel('Teknisk Service').check();
    await ot.getByLabel('Rubrik').fill('Bromsen tar inte');
    await ot.getByLabel('Beskrivning').fill('Vänster broms släpper i nedförsbacke.');
    await ot.getByLabel(/Bilagor/).setInputFiles({
      name: 'Felanmälan.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4 felanmälan'),
    });
    await ot.getByRole('button', { name: 'Registrera arbetsorder' }).click();
    await expect.poll(() => ot.getByTestId('wo-notice').textContent()).toMatch(/^Arbetsorder \d+ är registrerad\.$/);
    const woNo = Number(/\d+/.exec((await ot.getByTestId('wo-notice').textContent())!)![0]);
    // Opened for this individual: the number stays for the next errand, and the form says so.
    expect(await ot.getByLabel(/Individnummer/).inputValue()).toBe(String(device.indNo));
    expect(await ot.getByTestId('wo-device-kept').textContent()).toContain(`Individnummer ${device.indNo} står kvar`);
    // A new submit that fails does not leave the old success notice next to its error.
    await ot.getByRole('button', { name: 'Registrera arbetsorder' }).click();
    await expect.poll(() => ot.getByTestId('new-work-order').getByRole('alert').textContent()).toBe('Skriv en rubrik.');
    expect(await ot.getByTestId('wo-notice').textContent()).toBe('');
    expect(await ot.getByTestId('wo-device-kept').textContent()).toContain(`Individnummer ${device.indNo} står kvar`);
    const mine = ot.locator(`[data-testid=work-orders] li[data-wono="${woNo}"]`);
    expect(await mine.getByTestId('wo-status').textContent()).toBe('Mottagen');

    await hmc.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Arbetsorder' }).click();
    const desk = hmc.locator(`[data-testid=work-orders] li[data-wono="${woNo}"]`);
    await desk.waitFor();
    expect(await desk.textContent()).toContain(`${device.name} (${device.indNo})`);
    const downloading = hmc.waitForEvent('download');
    await desk.getByTestId('wo-attachments').getByRole('button', { name: 'Felanmälan.pdf' }).click();
    expect((await downloading).suggestedFilename()).toBe('Felanmälan.pdf');
    await desk.getByLabel('Status').selectOption('waitingForParts');
    await desk.getByLabel('Kommentar till förskrivaren').fill('Ny bromsvajer beställd, klar nästa vecka.');
    await desk.getByRole('button', { name: 'Spara' }).click();
    await expect.poll(() => hmc.getByTestId('wo-notice').textContent()).toBe(`Arbetsorder ${woNo} är uppdaterad.`);
    await shot(hmc, '14-arbetsorder-hmc');

    await ot.reload();
    await mine.waitFor();
    await expect.poll(() => mine.getByTestId('wo-status').textContent()).toBe('Väntar på delar');
    expect(await mine.getByTestId('wo-comments').textContent()).toContain('Ny bromsvajer beställd, klar nästa vecka.');
    // Being worked on: the prescriber can no longer cancel it.
    expect(await mine.getByTestId('cancel-wo').count()).toBe(0);
    await shot(ot, '15-arbetsorder-forskrivare');
    expect(pageErrors).toEqual([]);
  });

  it('an arbetsorder registered from the plain page clears Individnummer, so the next errand starts without a device', async () => {
    const { device } = await heldDevice(staff);
    await ot.goto(`${engine.url}/#/arbetsorder`);
    await ot.getByRole('heading', { level: 1, name: 'Arbetsorder' }).waitFor();
    await ot.getByLabel(/Individnummer/).fill(String(device.indNo));
    await ot.getByLabel('Rubrik').fill('Hjulet glappar');
    await ot.getByRole('button', { name: 'Registrera arbetsorder' }).click();
    await expect.poll(() => ot.getByTestId('wo-notice').textContent()).toMatch(/^Arbetsorder \d+ är registrerad\.$/);
    expect(await ot.getByLabel(/Individnummer/).inputValue()).toBe('');
    expect(await ot.getByTestId('wo-device-kept').count()).toBe(0);
    // Still unprocessed (Mottagen): the prescriber cancels it here, after a confirmation step.
    const woNo = Number(/\d+/.exec((await ot.getByTestId('wo-notice').textContent())!)![0]);
    const mine = ot.locator(`[data-testid=work-orders] li[data-wono="${woNo}"]`);
    await mine.waitFor();
    expect(await mine.getByTestId('wo-status').textContent()).toBe('Mottagen');
    await mine.getByTestId('cancel-wo').click();
    await mine.getByRole('button', { name: 'Nej, behåll arbetsordern' }).click();
    expect(await mine.getByTestId('wo-status').textContent()).toBe('Mottagen');
    await mine.getByRole('button', { name: `Makulera arbetsorder ${woNo}` }).click();
    await mine.getByTestId('confirm-cancel-wo').click();
    await expect.poll(() => ot.getByTestId('wo-notice').textContent()).toBe(`Arbetsorder ${woNo} är makulerad.`);
    await expect.poll(() => mine.getByTestId('wo-status').textContent()).toBe('Makulerad');
    expect(await mine.getByTestId('cancel-wo').count()).toBe(0);
    expect(
      (await staff.call('workorder.list', { limit: 100 })).workOrders.find((w: { woNo: number }) => w.woNo === woNo),
    ).toMatchObject({ status: 'cancelled' });
    expect(pageErrors).toEqual([]);
  });

  it('step 3 says what is true: the real shortage, and the real balance of an article the profession may not prescribe', async () => {
    const SHORT = '100106'; // Bricka till rollator: no replacement
    const VOICE_AMP = '100110'; // Röstförstärkare (22 09 06): not for an arbetsterapeut
    await setAvailable(SHORT, 2);
    const amp = (await staff.call('stock.get', { artNo: VOICE_AMP, warehouse: '10' })).rows[0];
    expect(amp.available).toBeGreaterThan(0);
    await ot.goto(`${engine.url}/#/bestall`);
    await ot.getByRole('heading', { level: 1, name: 'Kundorder' }).waitFor();
    await ot.getByLabel('Personnummer', { exact: true }).fill(ERIK);
    await ot.getByLabel('Personnummer', { exact: true }).press('Enter');
    await ot.getByTestId('patient-card').waitFor();
    await ot.getByTestId('wizard-next').click();
    await expect.poll(() => ot.getByTestId('wizard-step').getAttribute('data-step')).toBe('2');
    await ot.getByTestId('wizard-next').click();
    await expect.poll(() => ot.getByTestId('wizard-step').getAttribute('data-step')).toBe('3');

    await ot.getByLabel('Artikelnummer', { exact: true }).fill(SHORT);
    await ot.getByTestId('add-line').click();
    const short = ot.locator(`[data-testid=order-line][data-artno="${SHORT}"]`);
    await short.getByLabel('Antal').fill('5');
    await short.getByLabel('Antal').press('Tab');
    await expect.poll(() => short.getAttribute('data-outcome')).toBe('backorder');
    await expect
      .poll(() => short.getByTestId('line-shortage').textContent())
      .toMatch(/^Lager 10 har 2 st, du beställer 5:/);
    expect(await short.textContent()).not.toContain('Finns inte i lager');

    await ot.getByLabel('Artikelnummer', { exact: true }).fill(VOICE_AMP);
    await ot.getByTestId('add-line').click();
    const forbidden = ot.locator(`[data-testid=order-line][data-artno="${VOICE_AMP}"]`);
    await expect.poll(() => forbidden.getAttribute('data-outcome')).toBe('problem');
    expect(await forbidden.getByTestId('line-available').textContent()).toBe(String(amp.available));
    expect(await forbidden.textContent()).toContain('Får inte förskrivas av din yrkesgrupp');
    expect(await forbidden.getByTestId('line-problem').textContent()).toContain('yrkesgrupp får inte förskriva');
    expect(pageErrors).toEqual([]);
  });
});
