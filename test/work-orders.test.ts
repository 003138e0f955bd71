// Arbetsorder in the core, given / when / then: about a held device or a patient or standalone; HMC's statuses and
// comments; the prescriber's cancel; finished errands take comments only; the lists; the edge's limits.
import { describe, expect, it } from 'vitest';
import type { Command } from '../engine/core/commands.ts';
import { stateFromTables } from '../engine/core/load-state.ts';
import type { State } from '../engine/core/state.ts';
import { listWorkOrders } from '../engine/core/work-orders/queries.ts';
import { OPS } from '../schemas/ops.ts';
import { codeOf, firstEvent, orderState, PNR, run, T0, tablesOf } from './helpers/order-fixture.ts';

const create = (over: Partial<Extract<Command, { type: 'workOrder.create' }>> = {}): Command => ({
  type: 'workOrder.create',
  userId: 'ot1',
  destination: 'technicalService',
  indNo: 56314,
  title: 'Bromsen tar inte',
  text: 'Vänster broms släpper.',
  attachments: [],
  ...over,
});
const update = (woNo: number, over: Partial<Extract<Command, { type: 'workOrder.update' }>>): Command => ({
  type: 'workOrder.update',
  userId: 'hmc1',
  woNo,
  ...over,
});
const createdNo = (state: State, command: Command): number =>
  firstEvent(run(state, command), 'workOrder.created').workOrder.woNo;

describe('workorder.create', () => {
  it('given a device the resident holds, then the errand is about that device and its holder, registered', () => {
    const state = orderState();
    const woNo = createdNo(state, create());
    expect(state.workOrders.get(woNo)).toMatchObject({
      woNo: 1,
      indNo: 56314,
      pnr: PNR.resident,
      status: 'registered',
      comments: [],
      prescriberId: 'ot1',
    });
    expect(
      createdNo(state, create({ indNo: undefined, destination: 'consultant', title: 'Utprovning av rullstol' })),
    ).toBe(2);
    expect(state.workOrders.get(2)).toMatchObject({ indNo: null, pnr: null, destination: 'consultant' });
  });

  it("given a device on the shelf, another patient's device, an unknown one or a bad personnummer, then refused", () => {
    const state = orderState();
    expect(codeOf(run(state, create({ indNo: 70001 })))).toBe('not_holder');
    expect(codeOf(run(state, create({ pnr: PNR.otherResident })))).toBe('not_holder');
    expect(codeOf(run(state, create({ indNo: 99_999 })))).toBe('not_found');
    expect(codeOf(run(state, create({ indNo: undefined, pnr: '19400101-1235' })))).toBe('invalid_pnr');
  });

  it('validates at the edge: title 1–70 characters, text at most 255, a known destination', () => {
    const args = OPS['workorder.create'].args;
    expect(args.safeParse({ destination: 'dako', title: 'Installera programvara' }).success).toBe(true);
    expect(args.safeParse({ destination: 'dako', title: 'x'.repeat(71) }).success).toBe(false);
    expect(args.safeParse({ destination: 'dako', title: 'x', text: 'y'.repeat(256) }).success).toBe(false);
    expect(args.safeParse({ destination: 'plumber', title: 'x' }).success).toBe(false);
    expect(OPS['workorder.update'].args.safeParse({ woNo: 1 }).success).toBe(false);
  });
});

describe('workorder.update', () => {
  it('given a new errand, HMC comments and moves it on; done takes comments only; the rebuild agrees', () => {
    const state = orderState();
    const woNo = createdNo(state, create());
    expect(
      run(state, update(woNo, { status: 'inProgress', comment: 'Vi har mottagit din order.' }), T0 + 1000).ok,
    ).toBe(true);
    expect(run(state, update(woNo, { status: 'waitingForParts', comment: 'Väntar på delar.' }), T0 + 2000).ok).toBe(
      true,
    );
    expect(run(state, update(woNo, { status: 'done' })).ok).toBe(true);
    expect(codeOf(run(state, update(woNo, { status: 'inProgress' })))).toBe('invalid_transition');
    expect(run(state, update(woNo, { comment: 'Hämtas tisdag.' })).ok).toBe(true);
    expect(state.workOrders.get(woNo)).toMatchObject({
      status: 'done',
      comments: [
        { timeMs: T0 + 1000, userId: 'hmc1', text: 'Vi har mottagit din order.' },
        { text: 'Väntar på delar.' },
        { text: 'Hämtas tisdag.' },
      ],
    });
    const tables = tablesOf(state);
    expect(stateFromTables(tables, state.seq).workOrderIndex).toEqual(state.workOrderIndex);
  });

  it('a prescriber may cancel their own new errand, nothing else', () => {
    const state = orderState();
    const woNo = createdNo(state, create());
    expect(codeOf(run(state, update(woNo, { userId: 'ot2', status: 'cancelled' })))).toBe('forbidden');
    expect(codeOf(run(state, update(woNo, { userId: 'ot1', status: 'inProgress' })))).toBe('forbidden');
    expect(codeOf(run(state, update(woNo, { userId: 'ot1', comment: 'Hej' })))).toBe('forbidden');
    expect(run(state, update(woNo, { userId: 'ot1', status: 'cancelled' })).ok).toBe(true);
    const started = createdNo(state, create({ indNo: undefined }));
    run(state, update(started, { status: 'inProgress' }));
    expect(codeOf(run(state, update(started, { userId: 'ot1', status: 'cancelled' })))).toBe('invalid_transition');
  });

  it("lists a prescriber's own errands, all for HMC, newest first, open and per destination on request", () => {
    const state = orderState();
    const first = createdNo(state, create());
    const second = createdNo(state, create({ userId: 'ot2', indNo: 56400, destination: 'dako' }));
    run(state, update(first, { status: 'done' }));
    const list = (userId: string, args: Record<string, unknown> = {}) => {
      const outcome = listWorkOrders(state, state.users.get(userId)!, OPS['workorder.list'].args.parse(args));
      if (!outcome.ok) throw new Error(outcome.message);
      return outcome.result.workOrders.map((w) => w.woNo);
    };
    expect(list('ot1')).toEqual([first]);
    expect(list('hmc1')).toEqual([second, first]);
    expect(list('hmc1', { open: true })).toEqual([second]);
    expect(list('hmc1', { destination: 'technicalService' })).toEqual([first]);
  });
});
