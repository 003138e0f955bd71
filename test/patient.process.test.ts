// The patient view complete (issue 15, patient) over a real WebSocket against the engine process: patient.get shows each
// device's payer, order date and delivery date, Registrerade AO and Komponenter på väg (seeded for Erik); every look-up
// is access-logged; another care provider's work orders and component orders are withheld; a protected person's
// municipality is not revealed through the payer; payer.rules is read-only reference data with bad input refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEngine, type EngineProcess } from './helpers/engine-process.ts';
import { TestClient } from './helpers/ws-client.ts';

const ERIK = '19811218-9876';
const ERIK12 = '198112189876';
const KARIN = '19450312-2345';
const KARIN12 = '194503122345';
const BED = '100112';
const ALL_TIME = { fromMs: 0, toMs: 2 ** 52 };

let engine: EngineProcess;
let ot: TestClient;
let otKommun: TestClient;
let hmc: TestClient;
let reviewer: TestClient;
beforeAll(async () => {
  engine = await startEngine({ scale: 'tiny' });
  [ot, otKommun, hmc, reviewer] = await Promise.all([0, 1, 2, 3].map(() => TestClient.connect(engine.wsUrl, 'json')));
  await Promise.all([ot.login('ot1'), otKommun.login('ot1'), hmc.login('hmc1'), reviewer.login('log1')]);
  await otKommun.call('session.setWorkplace', { workplaceId: 'hsv-kungsbacka' });
});
afterAll(async () => {
  await Promise.all([ot, otKommun, hmc, reviewer].map((c) => c?.close()));
  await engine?.stop();
});

const codeOf = async (client: TestClient, op: string, args: unknown) => {
  const reply = await client.request(op, args);
  return reply.ok ? 'ok' : reply.error.code;
};

/** Access-log entries of ot1 about `pnr12` for patient.get. */
async function patientGetEntries(pnr12: string): Promise<number> {
  const page = await reviewer.call('accessLog.patient', { pnr: pnr12, ...ALL_TIME, limit: 100 });
  return page.entries.filter((e: { action: string; userId: string }) => e.action === 'patient.get').length;
}

interface Device {
  artNo: string;
  indNo: number;
  payer: { kind: string; name: string };
  delivery: { orderNo: number; placedDate: string; deliveredDate: string | null } | null;
}

describe('patient.get: the brukarinformation', () => {
  it('shows Erik’s devices with payer, order and delivery dates, his AOs and the component on its way; logged', async () => {
    const before = await patientGetEntries(ERIK12);
    const erik = await ot.call('patient.get', { pnr: ERIK });
    expect(await patientGetEntries(ERIK12)).toBe(before + 1);
    const byArt = new Map<string, Device>(erik.devices.map((d: Device) => [d.artNo, d]));
    expect(byArt.get('100101')!.payer).toMatchObject({ kind: 'region', name: 'Region Halland' });
    expect(byArt.get('100115')!.payer).toMatchObject({ kind: 'municipality', name: 'Varbergs kommun' });
    expect(byArt.get('100112')!.delivery).toMatchObject({
      placedDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      deliveredDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
    });
    expect(erik.workOrders.rows.map((w: { title: string }) => w.title)).toEqual([
      'Utprovning av duschstol i hemmet',
      'Lyften laddar inte',
    ]);
    expect(erik.workOrders.rows[1]).toMatchObject({
      status: 'waitingForParts',
      device: { indNo: byArt.get('100115')!.indNo },
      comments: [{ author: expect.any(String), text: 'Ny laddare beställd från leverantören.' }],
    });
    expect(erik.componentsOnTheWay.rows).toMatchObject([
      { forIndividual: byArt.get('100101')!.indNo, artNo: '100105', quantity: 1, status: 'dispatched' },
    ]);
  });

  it('withholds the region’s AOs and component orders from the municipality; HMC sees them', async () => {
    const kommun = await otKommun.call('patient.get', { pnr: ERIK });
    expect(kommun.workOrders).toEqual({ rows: [], total: 0, withheld: 2 });
    expect(kommun.componentsOnTheWay).toEqual({ rows: [], total: 0, withheld: 1 });
    expect(kommun.devices.length).toBeGreaterThan(0); // the register is shared, payers too
    const staff = await hmc.call('patient.get', { pnr: ERIK });
    expect(staff.workOrders.total).toBeGreaterThanOrEqual(2);
    expect(staff.componentsOnTheWay.total).toBe(1);
  });

  it('shows a new AO about the patient at once, newest first', async () => {
    const { workOrder } = await ot.call('workorder.create', {
      destination: 'dako',
      pnr: ERIK,
      title: 'Installera programvara',
    });
    const erik = await ot.call('patient.get', { pnr: ERIK });
    expect(erik.workOrders.rows[0]).toMatchObject({ woNo: workOrder.woNo, destination: 'dako', status: 'registered' });
  });

  it('never reveals a protected person’s municipality through the payer; the look-up is logged', async () => {
    const placed = await ot.call('order.place', {
      idempotencyKey: 'patient-karin-bed',
      recipient: { kind: 'patient', pnr: KARIN },
      lines: [{ artNo: BED, quantity: 1 }],
    });
    for (const step of ['fulfil.pick', 'fulfil.dispatch', 'fulfil.deliver'])
      await hmc.call(step, { orderNo: placed.orderNo });
    const before = await patientGetEntries(KARIN12);
    const reply = await ot.request('patient.get', { pnr: KARIN });
    expect(reply.ok).toBe(true);
    const karin = reply.ok ? reply.result : null;
    expect(await patientGetEntries(KARIN12)).toBe(before + 1);
    const bed = karin.devices.find((d: Device) => d.artNo === BED);
    expect(bed.payer).toMatchObject({ kind: 'municipality', name: 'Kommunen' });
    const text = JSON.stringify(karin);
    for (const secret of ['Laholm', 'Karin', 'Holm', 'Tivoligatan']) expect(text).not.toContain(secret);
  });

  it('refuses bad input', async () => {
    expect(await codeOf(ot, 'patient.get', { pnr: '19400101-1235' })).toBe('invalid_pnr');
    expect(await codeOf(ot, 'patient.get', { pnr: ERIK, overview: true })).toBe('invalid_request');
    expect(await codeOf(ot, 'patient.get', {})).toBe('invalid_request');
  });
});

describe('payer.rules', () => {
  it('lists the seeded rules to every role, read-only', async () => {
    const { rules, defaultPayer } = await ot.call('payer.rules', {});
    expect(rules.length).toBeGreaterThan(5);
    expect(rules).toContainEqual(expect.objectContaining({ isoPrefix: '12 36', payer: 'municipality' }));
    expect(defaultPayer).toEqual({ kind: 'region', name: 'Region Halland' });
    expect((await hmc.call('payer.rules', {})).rules).toEqual(rules);
  });

  it('refuses extra arguments, the log reviewer and an unsigned connection', async () => {
    expect(await codeOf(ot, 'payer.rules', { isoPrefix: '12' })).toBe('invalid_request');
    expect(await codeOf(reviewer, 'payer.rules', {})).toBe('forbidden');
    const anonymous = await TestClient.connect(engine.wsUrl, 'json');
    try {
      expect(await codeOf(anonymous, 'payer.rules', {})).not.toBe('ok');
      expect(await codeOf(anonymous, 'patient.get', { pnr: ERIK })).not.toBe('ok');
    } finally {
      await anonymous.close();
    }
  });
});
