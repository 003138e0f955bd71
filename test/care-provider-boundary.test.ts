// The care-provider boundary in the pure core, as a matrix: every op that shows an order, pickup or work order ×
// the acting user (same workplace, other workplace of the same care provider, another care provider, the author
// acting for another care provider, HMC staff) × grounds (none, consent, emergency access valid or expired).
import { describe, expect, it } from 'vitest';
import type { Command } from '../engine/core/commands.ts';
import { individualCard } from '../engine/core/individual-card.ts';
import { getOrder } from '../engine/core/orders/queries.ts';
import { listOrders } from '../engine/core/orders/order-list.ts';
import {
  type Acting,
  careProviderOf,
  DEFAULT_CARE_PROVIDER,
  entryCareProviderId,
} from '../engine/core/patient-access/care-provider.ts';
import { Prng } from '../engine/seed/prng.ts';
import { generateUsers } from '../engine/seed/users.ts';
import { accessGrounds, listGrants } from '../engine/core/patient-access/queries.ts';
import { listPickups } from '../engine/core/pickups/queries.ts';
import { patientView } from '../engine/core/register-queries.ts';
import type { State } from '../engine/core/state.ts';
import { listWorkOrders } from '../engine/core/work-orders/queries.ts';
import type { Workplace } from '../schemas/entities.ts';
import { EMERGENCY_ACCESS_VALID_MS } from '../schemas/limits.ts';
import { OPS } from '../schemas/ops.ts';
import { user } from './helpers/fixture.ts';
import { codeOf, firstEvent, orderState, PNR, place, run, T0 } from './helpers/order-fixture.ts';

const REGION = { id: 'region-halland', name: 'Region Halland' };
const KOMMUN = { id: 'kungsbacka-kommun', name: 'Kungsbacka kommun' };
const address = { street: 'Gatan 1', postalCode: '302 33', city: 'Halmstad' };
const W1: Workplace = {
  id: 'w1',
  name: 'Rehab Halmstad',
  customerNo: '130001',
  bufferWarehouse: null,
  deliveryAddress: address,
  careProvider: REGION,
};
const W2: Workplace = {
  id: 'w2',
  name: 'Rehab Varberg',
  customerNo: '130002',
  bufferWarehouse: null,
  deliveryAddress: address,
  careProvider: REGION,
};
const WK: Workplace = {
  id: 'wk',
  name: 'Hemsjukvård Kungsbacka',
  customerNo: '138404',
  bufferWarehouse: null,
  deliveryAddress: address,
  careProvider: KOMMUN,
};

/** ot1 works at w1 (region) and wk (municipality); ot3 at w1; pt1 at w2 (region); slp1 at wk (municipality). */
function world(): { state: State; orderNo: number; rollatorOrderNo: number } {
  const state = orderState();
  state.users.set('ot1', user('ot1', { workplaces: [W1, WK] }));
  state.users.set('ot3', user('ot3', { workplaces: [W1] }));
  state.users.set('pt1', user('pt1', { profession: 'pt', workplaces: [W2] }));
  state.users.set('slp1', user('slp1', { profession: 'ot', workplaces: [WK] }));
  // ot1, acting for Rehab Halmstad (the region), orders, delivers, asks for a pickup and a work order.
  const rollatorOrderNo = firstEvent(run(state, place({ workplaceId: 'w1', otherInfo: 'Ring först' })), 'order.placed')
    .order.orderNo;
  for (const step of ['pick', 'dispatch', 'deliver'] as const)
    expect(
      codeOf(run(state, { type: 'fulfil.step', userId: 'hmc1', step, orderNo: rollatorOrderNo, lineNos: null })),
    ).toBe('accepted');
  const orderNo = firstEvent(run(state, place({ workplaceId: 'w1' })), 'order.placed').order.orderNo;
  const pickup: Command = {
    type: 'pickup.create',
    userId: 'ot1',
    workplaceId: 'w1',
    pnr: PNR.resident,
    indNos: [56314],
    contactName: '',
    contactPhone: '',
    reason: 'Flyttar till särskilt boende',
  };
  expect(codeOf(run(state, pickup))).toBe('accepted');
  const workOrder: Command = {
    type: 'workOrder.create',
    userId: 'ot1',
    workplaceId: 'w1',
    destination: 'technicalService',
    indNo: 56314,
    title: 'Bromsen tar dåligt',
    text: 'Patienten har ont i handen',
    attachments: [],
  };
  expect(codeOf(run(state, workOrder))).toBe('accepted');
  return { state, orderNo, rollatorOrderNo };
}

type Viewer = 'sameWorkplace' | 'otherWorkplaceSameProvider' | 'otherProvider' | 'authorForOtherProvider' | 'staff';
const VIEWERS: Record<Viewer, { userId: string; workplace: Workplace | null }> = {
  sameWorkplace: { userId: 'ot3', workplace: W1 },
  otherWorkplaceSameProvider: { userId: 'pt1', workplace: W2 },
  otherProvider: { userId: 'slp1', workplace: WK },
  authorForOtherProvider: { userId: 'ot1', workplace: WK },
  staff: { userId: 'hmc1', workplace: null },
};
const actingOf = (state: State, viewer: Viewer, timeMs = T0): Acting => ({
  user: state.users.get(VIEWERS[viewer].userId)!,
  workplace: VIEWERS[viewer].workplace,
  timeMs,
});

/** What each op shows the viewer of ot1's entries: true = shown in full, false = refused or left out. */
function sees(state: State, orderNo: number, deliveredBy: number, acting: Acting) {
  const get = getOrder(state, acting.user, orderNo, acting);
  const list = listOrders(state, acting.user, OPS['order.list'].args.parse({ pnr: PNR.resident }), T0, acting);
  const pickups = listPickups(state, acting.user, OPS['pickup.list'].args.parse({ pnr: PNR.resident }), T0, acting);
  const patient = patientView(state, { pnr: PNR.resident }, T0, acting);
  const card = individualCard(state, { indNo: firstDelivered(state, deliveredBy) }, acting);
  if (get.ok === false) expect(get.code).toBe('care_provider_boundary');
  return {
    'order.get': get.ok,
    'order.list': list.ok && list.result.orders.length === 2 && list.result.withheld === 0,
    'pickup.list': pickups.ok && pickups.result.pickups.length === 1 && pickups.result.withheld === 0,
    'patient.get delivery': patient.ok && patient.result.devices.some((d) => d.delivery?.orderNo === deliveredBy),
    'individual.get orders': card.ok && card.result.orders.length === 1,
  };
}

function firstDelivered(state: State, orderNo: number): number {
  return state.orders.get(orderNo)!.lines[0]!.individuals[0]!;
}

const ALL = {
  'order.get': true,
  'order.list': true,
  'pickup.list': true,
  'patient.get delivery': true,
  'individual.get orders': true,
};
const NONE = {
  'order.get': false,
  'order.list': false,
  'pickup.list': false,
  'patient.get delivery': false,
  'individual.get orders': false,
};

describe('care-provider boundary matrix (op × viewer × grounds)', () => {
  const cases: Array<[Viewer, typeof ALL]> = [
    ['sameWorkplace', ALL],
    ['otherWorkplaceSameProvider', ALL],
    ['otherProvider', NONE],
    ['authorForOtherProvider', NONE],
    ['staff', ALL],
  ];
  for (const [viewer, expected] of cases) {
    it(`given ot1's region entries and no consent, when ${viewer} reads, then ${expected === ALL ? 'all shown' : 'refused or left out'}`, () => {
      const { state, orderNo, rollatorOrderNo } = world();
      expect(sees(state, orderNo, rollatorOrderNo, actingOf(state, viewer))).toEqual(expected);
      // The devices themselves are shared across care providers.
      const patient = patientView(state, { pnr: PNR.resident }, T0, actingOf(state, viewer));
      expect(patient.ok && patient.result.devices.length).toBe(2);
    });
  }

  for (const viewer of ['otherProvider', 'authorForOtherProvider'] as const) {
    it(`given the patient's consent recorded for the municipality, when ${viewer} reads, then all shown`, () => {
      const { state, orderNo, rollatorOrderNo } = world();
      const consent = run(state, {
        type: 'patient.recordConsent',
        userId: 'slp1',
        workplaceId: 'wk',
        pnr: PNR.resident,
      });
      expect(firstEvent(consent, 'patient.accessGranted').grant).toMatchObject({
        kind: 'consent',
        careProviderId: KOMMUN.id,
        userId: 'slp1',
        timeMs: T0,
        flaggedForReview: true,
      });
      expect(sees(state, orderNo, rollatorOrderNo, actingOf(state, viewer, T0 + 365 * 86_400_000))).toEqual(ALL);
    });

    it(`given an emergency access for the municipality, when ${viewer} reads within its time limit, then all shown; after it, nothing`, () => {
      const { state, orderNo, rollatorOrderNo } = world();
      const granted = run(state, {
        type: 'patient.emergencyAccess',
        userId: 'slp1',
        workplaceId: 'wk',
        pnr: PNR.resident,
        reason: 'Akut fallrisk, ingen kontakt med patienten',
      });
      expect(firstEvent(granted, 'patient.accessGranted').grant).toMatchObject({
        kind: 'emergency',
        expiresMs: T0 + EMERGENCY_ACCESS_VALID_MS,
      });
      expect(
        sees(state, orderNo, rollatorOrderNo, actingOf(state, viewer, T0 + EMERGENCY_ACCESS_VALID_MS - 1)),
      ).toEqual(ALL);
      expect(sees(state, orderNo, rollatorOrderNo, actingOf(state, viewer, T0 + EMERGENCY_ACCESS_VALID_MS))).toEqual(
        NONE,
      );
    });
  }

  it('given a consent for the region, when the municipality reads, then it is still refused (a grant is per care provider)', () => {
    const { state, orderNo, rollatorOrderNo } = world();
    run(state, { type: 'patient.recordConsent', userId: 'pt1', workplaceId: 'w2', pnr: PNR.resident });
    expect(sees(state, orderNo, rollatorOrderNo, actingOf(state, 'otherProvider'))).toEqual(NONE);
  });

  it('given another care provider, then order.list counts what it leaves out and order.get says why, in Swedish', () => {
    const { state, orderNo } = world();
    const acting = actingOf(state, 'otherProvider');
    const list = listOrders(state, acting.user, OPS['order.list'].args.parse({ pnr: PNR.resident }), T0, acting);
    expect(list.ok && [list.result.total, list.result.withheld]).toEqual([0, 2]);
    const get = getOrder(state, acting.user, orderNo, acting);
    expect(get.ok === false && get.message).toContain('annan vårdgivare');
    expect(
      JSON.stringify(listPickups(state, acting.user, OPS['pickup.list'].args.parse({ pnr: PNR.resident }), T0, acting)),
    ).not.toContain('Flyttar');
  });

  it('given work orders, then the author acting for another care provider sees them only with consent; HMC always', () => {
    const { state } = world();
    const args = OPS['workorder.list'].args.parse({});
    const list = (viewer: Viewer) => {
      const acting = actingOf(state, viewer);
      const out = listWorkOrders(state, acting.user, args, acting);
      return out.ok ? [out.result.workOrders.length, out.result.withheld] : null;
    };
    expect(list('authorForOtherProvider')).toEqual([0, 1]);
    expect(list('staff')).toEqual([1, 0]);
    const ownActing = { user: state.users.get('ot1')!, workplace: W1, timeMs: T0 };
    const own = listWorkOrders(state, ownActing.user, args, ownActing);
    expect(own.ok && own.result.workOrders.length).toBe(1);
    run(state, { type: 'patient.recordConsent', userId: 'ot1', workplaceId: 'wk', pnr: PNR.resident });
    expect(list('authorForOtherProvider')).toEqual([1, 0]);
  });
});

describe('accessGrounds', () => {
  it("given only the care provider's own entries, then 'own'; another's, then consent, emergency or null", () => {
    const { state } = world();
    expect(accessGrounds(state, PNR.resident, REGION.id, T0)).toBe('own');
    expect(accessGrounds(state, PNR.otherResident, KOMMUN.id, T0)).toBe('own');
    expect(accessGrounds(state, PNR.resident, KOMMUN.id, T0)).toBeNull();
    run(state, {
      type: 'patient.emergencyAccess',
      userId: 'slp1',
      workplaceId: 'wk',
      pnr: PNR.resident,
      reason: 'Akut situation',
    });
    expect(accessGrounds(state, PNR.resident, KOMMUN.id, T0 + 1)).toBe('emergency');
    expect(accessGrounds(state, PNR.resident, KOMMUN.id, T0 + EMERGENCY_ACCESS_VALID_MS)).toBeNull();
    run(state, { type: 'patient.recordConsent', userId: 'slp1', workplaceId: 'wk', pnr: PNR.resident });
    expect(accessGrounds(state, PNR.resident, KOMMUN.id, T0 + 1)).toBe('consent');
  });
});

describe('patient.recordConsent / patient.emergencyAccess', () => {
  it('refuses in order: bad personnummer, unknown person, a workplace not the caller’s', () => {
    const { state } = world();
    const consent = (over: object) =>
      run(state, {
        type: 'patient.recordConsent',
        userId: 'slp1',
        workplaceId: 'wk',
        pnr: PNR.resident,
        ...over,
      } as Command);
    expect(codeOf(consent({ pnr: '19400101-1235' }))).toBe('invalid_pnr');
    expect(codeOf(consent({ pnr: '19121212-1212' }))).toBe('not_found');
    expect(codeOf(consent({ workplaceId: 'w1' }))).toBe('forbidden');
    expect(state.patientAccess.size).toBe(0);
  });

  it('validates the reason of an emergency access at the edge', () => {
    const args = OPS['patient.emergencyAccess'].args;
    expect(args.safeParse({ pnr: PNR.resident, reason: '' }).success).toBe(false);
    expect(args.safeParse({ pnr: PNR.resident, reason: 'x'.repeat(501) }).success).toBe(false);
    expect(args.safeParse({ pnr: PNR.resident, reason: 'Akut fallrisk' }).success).toBe(true);
  });

  it('lists every grant for review, newest first, flagged, with who recorded it', () => {
    const { state } = world();
    run(state, { type: 'patient.recordConsent', userId: 'slp1', workplaceId: 'wk', pnr: PNR.resident });
    run(state, {
      type: 'patient.emergencyAccess',
      userId: 'ot1',
      workplaceId: 'wk',
      pnr: PNR.otherResident,
      reason: 'Akut situation',
    });
    const out = listGrants(state, OPS['consent.list'].args.parse({}), T0);
    expect(out.ok && out.result.grants.map((g) => [g.kind, g.user.id, g.flaggedForReview])).toEqual([
      ['emergency', 'ot1', true],
      ['consent', 'slp1', true],
    ]);
    const one = listGrants(state, OPS['consent.list'].args.parse({ kind: 'consent' }), T0);
    expect(one.ok && one.result.total).toBe(1);
  });
});

describe('care providers in the seed and in old rows', () => {
  it('seeds ot1 with one workplace of the region and one of Kungsbacka kommun, HMC with the region', () => {
    const users = generateUsers(new Prng(1), 1);
    const ot1 = users.find((u) => u.id === 'ot1')!;
    expect(ot1.workplaces.map((w) => [w.id, w.careProvider?.id])).toEqual([
      ['rehab-halmstad', 'region-halland'],
      ['hsv-kungsbacka', 'kungsbacka-kommun'],
    ]);
    expect(users.find((u) => u.id === 'hmc1')!.workplaces[0]!.careProvider?.id).toBe('region-halland');
  });

  it("given a workplace without a care provider or an entry without a workplace, then it is the region's", () => {
    const { state } = world();
    expect(careProviderOf({ ...W1, careProvider: undefined })).toEqual(DEFAULT_CARE_PROVIDER);
    expect(entryCareProviderId(state, 'slp1', undefined)).toBe(KOMMUN.id); // the prescriber's first workplace
    expect(entryCareProviderId(state, 'ot1', undefined)).toBe(REGION.id);
    expect(entryCareProviderId(state, 'gone', 'w1')).toBe(DEFAULT_CARE_PROVIDER.id);
  });
});
