// Hämtorder in the pure core, given / when / then: what may be fetched, the default address, one open pickup per
// unit, cancelling, and the return that completes it (with the rebuild from tables agreeing with the live indexes).
import { describe, expect, it } from 'vitest';
import type { Command } from '../engine/core/commands.ts';
import { listPickups } from '../engine/core/pickups/queries.ts';
import { stateFromTables } from '../engine/core/load-state.ts';
import type { State } from '../engine/core/state.ts';
import { OPS } from '../schemas/ops.ts';
import {
  ART,
  codeOf,
  firstEvent,
  orderState,
  PNR,
  returned,
  run,
  stockOf,
  T0,
  tablesOf,
} from './helpers/order-fixture.ts';

const pickup = (over: Partial<Extract<Command, { type: 'pickup.create' }>> = {}): Command => ({
  type: 'pickup.create',
  userId: 'ot1',
  pnr: PNR.resident,
  indNos: [56314],
  contactName: 'Anna',
  contactPhone: '035-12 34 56',
  reason: 'Rollatorn behövs inte längre.',
  ...over,
});
const createdNo = (state: State, command: Command): number =>
  firstEvent(run(state, command), 'pickup.created').pickup.pickupNo;

describe('pickup.create', () => {
  it('given the resident holds 56314, then a pickup to the registered address waits for it', () => {
    const state = orderState();
    const no = createdNo(state, pickup());
    expect(state.pickups.get(no)).toMatchObject({
      status: 'requested',
      pnr: PNR.resident,
      units: [{ indNo: 56314, artNo: ART.rollator, returnedMs: null }],
      address: { street: 'Storgatan 3' },
      reason: 'Rollatorn behövs inte längre.',
      prescriberId: 'ot1',
    });
    expect(state.pickupIndex.waiting.get(56314)).toBe(no);
    expect(state.pickupIndex.waitingByArticle.get(ART.rollator)).toBe(1);
  });

  it('given units the patient does not hold, or one already waiting, then not_holder or pickup_exists', () => {
    const state = orderState();
    expect(codeOf(run(state, pickup({ indNos: [56400] })))).toBe('not_holder'); // held by another patient
    expect(codeOf(run(state, pickup({ indNos: [70001] })))).toBe('not_holder'); // on the shelf
    expect(codeOf(run(state, pickup({ indNos: [56314, 56314] })))).toBe('duplicate_line');
    expect(codeOf(run(state, pickup({ pnr: '19400101-1235' })))).toBe('invalid_pnr');
    createdNo(state, pickup());
    expect(codeOf(run(state, pickup()))).toBe('pickup_exists');
  });

  it('validates at the edge: a reason is required, at most 20 units, a phone of digits', () => {
    const args = OPS['pickup.create'].args;
    expect(args.safeParse({ pnr: '19400101-1230', indNos: [1], reason: 'Flytt' }).success).toBe(true);
    expect(args.safeParse({ pnr: '19400101-1230', indNos: [1], reason: '  ' }).success).toBe(false);
    expect(
      args.safeParse({ pnr: '19400101-1230', indNos: Array.from({ length: 21 }, (_, i) => i + 1), reason: 'x' })
        .success,
    ).toBe(false);
    expect(args.safeParse({ pnr: '19400101-1230', indNos: [1], reason: 'x', contactPhone: 'ring' }).success).toBe(
      false,
    );
  });
});

describe('the return that completes a pickup, and cancelling', () => {
  it('given a waiting pickup, when HMC receives the unit back, then the pickup is collected in the same command', () => {
    const state = orderState();
    const no = createdNo(state, pickup());
    const onHand = stockOf(state, ART.rollator).onHand;
    const decision = run(state, returned(56314, ART.rollator), T0 + 3_600_000);
    expect(decision.ok && decision.events.map((e) => e.type)).toEqual(['stock.adjusted', 'pickup.unitReturned']);
    expect(state.pickups.get(no)).toMatchObject({
      status: 'collected',
      units: [{ indNo: 56314, returnedMs: T0 + 3_600_000 }],
    });
    expect(state.pickupIndex.waiting.has(56314)).toBe(false);
    expect(state.pickupIndex.waitingByArticle.has(ART.rollator)).toBe(false);
    expect(stockOf(state, ART.rollator).onHand).toBe(onHand + 1);
    expect(codeOf(run(state, { type: 'pickup.cancel', userId: 'ot1', pickupNo: no }))).toBe('pickup_not_cancellable');
    // The indexes rebuilt from the tables (a restart) agree with the live ones.
    const tables = tablesOf(state);
    expect(stateFromTables(tables, state.seq).pickupIndex).toEqual(state.pickupIndex);
  });

  it('given a waiting pickup, then ot1 or HMC may cancel it, another prescriber may not; the unit may be asked for again', () => {
    const state = orderState();
    const no = createdNo(state, pickup());
    expect(codeOf(run(state, { type: 'pickup.cancel', userId: 'ot2', pickupNo: no }))).toBe('forbidden');
    expect(run(state, { type: 'pickup.cancel', userId: 'hmc1', pickupNo: no }).ok).toBe(true);
    expect(state.pickups.get(no)!.status).toBe('cancelled');
    expect(state.pickupIndex.waitingByArticle.has(ART.rollator)).toBe(false);
    expect(codeOf(run(state, { type: 'pickup.cancel', userId: 'ot1', pickupNo: no }))).toBe('pickup_not_cancellable');
    expect(createdNo(state, pickup())).toBe(no + 1);
    expect(state.pickupIndex.waitingByArticle.get(ART.rollator)).toBe(1);
  });

  it("lists a prescriber's own pickups, all of them for HMC, newest first, open only on request", () => {
    const state = orderState();
    const first = createdNo(state, pickup());
    run(state, returned(56314, ART.rollator));
    const second = createdNo(state, pickup({ userId: 'ot2', pnr: PNR.otherResident, indNos: [56400] }));
    const list = (userId: string, open?: boolean) => {
      const outcome = listPickups(
        state,
        state.users.get(userId)!,
        { limit: 50, ...(open === undefined ? {} : { open }) },
        T0,
      );
      if (!outcome.ok) throw new Error(outcome.message);
      return outcome.result.pickups.map((p) => p.pickupNo);
    };
    expect(list('ot1')).toEqual([first]);
    expect(list('hmc1')).toEqual([second, first]);
    expect(list('hmc1', true)).toEqual([second]);
  });
});
