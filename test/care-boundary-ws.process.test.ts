// Care-provider boundaries and protected identities over a real WebSocket against the engine process: the acting
// workplace chosen per connection, another care provider refused or left out until consent or emergency access, the
// grants listed for review, and a protected person shown by no op.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROTECTED_HANDLING_ADDRESS, PROTECTED_NAME } from '../engine/core/patient-access/protected-identity.ts';
import { startEngine, type EngineProcess } from './helpers/engine-process.ts';
import { TestClient } from './helpers/ws-client.ts';

const ERIK = '19811218-9876';
const KARIN = '19450312-2345';
const ROLLATOR = '100104';

let engine: EngineProcess;
let ot: TestClient;
let otKommun: TestClient;
let pt: TestClient;
let hmc: TestClient;
beforeAll(async () => {
  engine = await startEngine({ scale: 'tiny' });
  [ot, otKommun, pt, hmc] = await Promise.all([0, 1, 2, 3].map(() => TestClient.connect(engine.wsUrl, 'json')));
  await ot.login('ot1');
  await otKommun.login('ot1');
  await pt.login('pt1');
  await hmc.login('hmc1');
});
afterAll(async () => {
  await Promise.all([ot, otKommun, pt, hmc].map((c) => c?.close()));
  await engine?.stop();
});

const codeOf = async (client: TestClient, op: string, args: unknown) => {
  const reply = await client.request(op, args);
  return reply.ok ? 'ok' : reply.error.code;
};

describe('care-provider boundaries over WebSocket', () => {
  let orderNo: number;

  it('session.setWorkplace takes only the caller’s workplaces and says which it acts for', async () => {
    expect(await codeOf(otKommun, 'session.setWorkplace', { workplaceId: 'rehab-varberg' })).toBe('forbidden');
    const { workplace } = await otKommun.call('session.setWorkplace', { workplaceId: 'hsv-kungsbacka' });
    expect(workplace).toMatchObject({ id: 'hsv-kungsbacka', careProvider: { id: 'kungsbacka-kommun' } });
  });

  it("given ot1's order for the region, then the region reads it and the municipality is refused or left out", async () => {
    const placed = await ot.call('order.place', {
      idempotencyKey: 'boundary-1',
      recipient: { kind: 'patient', pnr: ERIK },
      lines: [{ artNo: ROLLATOR, quantity: 1 }],
      otherInfo: 'Portkod 1234',
    });
    orderNo = placed.orderNo;
    expect((await ot.call('order.get', { orderNo })).workplace.id).toBe('rehab-halmstad');
    expect((await pt.call('order.get', { orderNo })).otherInfo).toBe('Portkod 1234');
    const refused = await otKommun.request('order.get', { orderNo });
    expect(refused.ok ? null : refused.error).toMatchObject({ code: 'care_provider_boundary' });
    expect(refused.ok ? '' : refused.error.message).toContain('annan vårdgivare');
    const list = await otKommun.call('order.list', { pnr: ERIK });
    expect(list.orders.some((o: { orderNo: number }) => o.orderNo === orderNo)).toBe(false);
    expect(list.withheld).toBeGreaterThan(0);
    const patient = await otKommun.call('patient.get', { pnr: ERIK });
    expect(patient.devices.length).toBeGreaterThan(0); // the devices are shared
  });

  it('given an emergency access by the municipality, then it reads the order; the grant is listed for review', async () => {
    expect(await codeOf(otKommun, 'patient.emergencyAccess', { pnr: ERIK, reason: '' })).toBe('invalid_request');
    const { grant } = await otKommun.call('patient.emergencyAccess', { pnr: ERIK, reason: 'Akut fallrisk i hemmet' });
    expect(grant).toMatchObject({
      kind: 'emergency',
      careProviderId: 'kungsbacka-kommun',
      userId: 'ot1',
      flaggedForReview: true,
    });
    expect((await otKommun.call('order.get', { orderNo })).orderNo).toBe(orderNo);
    expect(await codeOf(pt, 'consent.list', {})).toBe('forbidden');
    const { grants } = await hmc.call('consent.list', { pnr: ERIK });
    expect(grants[0]).toMatchObject({ kind: 'emergency', reason: 'Akut fallrisk i hemmet', activeNow: true });
  });

  it('given a consent recorded by the region, then it is recorded for the region only', async () => {
    const { grant } = await pt.call('patient.recordConsent', { pnr: ERIK });
    expect(grant).toMatchObject({ kind: 'consent', careProviderId: 'region-halland', workplaceId: 'rehab-varberg' });
  });
});

describe('a protected identity over WebSocket', () => {
  it('is found by no search, shown by no op, and its pickup goes through the handling address', async () => {
    expect((await ot.call('register.search', { text: KARIN })).total).toBe(0);
    const patient = await ot.call('patient.get', { pnr: KARIN });
    expect(patient.person).toMatchObject({ protectedIdentity: true, address: null, givenName: 'Skyddad' });
    const wo = await ot.call('workorder.create', { destination: 'consultant', pnr: KARIN, title: 'Utprovning' });
    expect(wo.workOrder.patient.name).toBe(PROTECTED_NAME);
    // HMC delivers a rollator to her, then the prescriber asks for it back.
    const placed = await ot.call('order.place', {
      idempotencyKey: 'protected-1',
      recipient: { kind: 'patient', pnr: KARIN },
      lines: [{ artNo: ROLLATOR, quantity: 1 }],
    });
    for (const step of ['fulfil.pick', 'fulfil.dispatch', 'fulfil.deliver'])
      await hmc.call(step, { orderNo: placed.orderNo });
    const { devices } = await ot.call('patient.get', { pnr: KARIN });
    const indNo = devices[0].indNo;
    const card = await ot.call('individual.get', { indNo });
    expect(card.holder).toEqual({ kind: 'patient', protectedIdentity: true });
    expect(
      await codeOf(ot, 'pickup.create', {
        pnr: KARIN,
        indNos: [indNo],
        reason: 'Behövs inte',
        address: { street: 'Tivoligatan 5', postalCode: '312 32', city: 'Laholm' },
      }),
    ).toBe('protected_address');
    const { pickup } = await ot.call('pickup.create', { pnr: KARIN, indNos: [indNo], reason: 'Behövs inte' });
    expect(pickup.patient.name).toBe(PROTECTED_NAME);
    expect(pickup.address).toEqual(PROTECTED_HANDLING_ADDRESS);
    const replies = [
      pickup,
      await hmc.call('pickup.list', {}),
      await hmc.call('order.get', { orderNo: placed.orderNo }),
      await hmc.call('order.list', { pnr: KARIN }),
      await hmc.call('workorder.list', {}),
      await ot.call('message.list', {}),
      card,
      patient,
    ];
    for (const reply of replies) {
      const text = JSON.stringify(reply);
      expect(text).not.toContain('Karin');
      expect(text).not.toContain('Tivoligatan');
    }
  });
});
