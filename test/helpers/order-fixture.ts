// The order world on top of the core fixture: valid personnummer, prescribers of every profession, compression stockings,
// a bed with a set part, rental individuals in warehouse 10, the default prescribing rules, and helpers to run commands.
import { apply } from '../../engine/core/apply.ts';
import type { Command, OrderPlace } from '../../engine/core/commands.ts';
import { decide } from '../../engine/core/decide.ts';
import type { Decision } from '../../engine/core/decision.ts';
import { defaultPrescribingRuleRows } from '../../engine/core/prescribing-rules/rules.ts';
import { stateFromTables } from '../../engine/core/load-state.ts';
import { stockKey } from '../../engine/core/keys.ts';
import { copyTables, type State, type Tables } from '../../engine/core/state.ts';
import type { IsoNode } from '../../schemas/entities.ts';
import { firstEvent } from '../../engine/io/handler-types.ts';
import { article, fixtureTables, person, user } from './fixture.ts';

/** Wednesday 25 November 2026, 10:00 in Sweden. */
export const T0 = Date.UTC(2026, 10, 25, 9, 0, 0);

export const PNR = {
  /** Anna Karlsson, Halmstad; holds individual 56314 (rollator 100001). */
  resident: '194001011230',
  otherResident: '194202021236',
  /** County 14: in the register, not prescribable in Halland. */
  nonResident: '195002022340',
  protected: '196003033450',
  palliative: '193809154572',
} as const;

export const ART = {
  rollator: '100001',
  /** No stock; replaced by 100001. */
  rollatorOld: '100002',
  basket: '100003',
  wheelchair: '100004',
  /** Outgoing, speech therapy (22 09 06), no stock row. */
  voiceAmp: '100005',
  /** Discontinued, no stock, no replacement. */
  discontinued: '100006',
  stocking: '200001',
  bed: '200002',
  mattress: '200003',
  /** Outgoing sale article with nothing left. */
  outgoing: '200005',
  /** Discontinued, replaced by 100002 (no stock), which is replaced by 100001: a two-hop proposal. */
  futura: '200006',
  showerChair: '200007',
} as const;

const MORE_ISO: IsoNode[] = [
  { code: '04', level: 1, titleSv: 'Hjälpmedel för behandling', titleEn: 'Therapy', parent: null },
  { code: '04 06', level: 2, titleSv: 'Cirkulationsbehandling', titleEn: 'Circulation therapy', parent: '04' },
  { code: '04 06 06', level: 3, titleSv: 'Kompressionsstrumpor', titleEn: 'Anti-oedema stockings', parent: '04 06' },
  { code: '09', level: 1, titleSv: 'Personlig vård', titleEn: 'Self-care', parent: null },
  { code: '09 33', level: 2, titleSv: 'Hygien', titleEn: 'Washing', parent: '09' },
  { code: '09 33 07', level: 3, titleSv: 'Duschstolar', titleEn: 'Shower chairs', parent: '09 33' },
  { code: '18', level: 1, titleSv: 'Inredning', titleEn: 'Furnishings', parent: null },
  { code: '18 12', level: 2, titleSv: 'Sängar', titleEn: 'Beds', parent: '18' },
  { code: '18 12 10', level: 3, titleSv: 'Sängar, justerbara', titleEn: 'Adjustable beds', parent: '18 12' },
  { code: '18 12 18', level: 3, titleSv: 'Madrasser', titleEn: 'Mattresses', parent: '18 12' },
];

export function orderTables(): Tables {
  const t = fixtureTables();
  for (const node of MORE_ISO) t.iso.set(node.code, node);
  const more = [
    article(ART.stocking, { name: 'Kompressionsstrumpa klass 2', isoCode: '04 06 06', kind: 'sale', priceOre: 42_000 }),
    article(ART.bed, { name: 'Säng Etude', isoCode: '18 12 10', setParts: [ART.mattress] }),
    article(ART.mattress, { name: 'Madrass Etude', isoCode: '18 12 18', kind: 'sale' }),
    article(ART.outgoing, { name: 'Rollatorväska Classic', kind: 'sale', status: 'outgoing' }),
    article(ART.futura, { name: 'Rollator Futura', status: 'discontinued', replacedBy: ART.rollatorOld }),
    article(ART.showerChair, { name: 'Duschstol Swift', isoCode: '09 33 07' }),
  ];
  for (const a of more) t.articles.set(a.artNo, a);
  const stock = (warehouse: string, artNo: string, onHand: number) =>
    t.stock.set(stockKey(warehouse, artNo), { warehouse, artNo, onHand, reserved: 0 });
  stock('10', ART.basket, 20); // the core fixture reserves 2 without an order; orders own every reservation here
  stock('10', ART.stocking, 30);
  stock('B101', ART.stocking, 5);
  stock('10', ART.bed, 2);
  stock('10', ART.mattress, 10);
  stock('10', ART.outgoing, 0);
  stock('10', ART.showerChair, 3);
  // Rental units in the warehouses match onHand, as in the seed.
  const unit = (indNo: number, artNo: string, warehouse: string) =>
    t.individuals.set(indNo, { indNo, artNo, location: { kind: 'warehouse', warehouse } });
  for (let i = 1; i <= 5; i++) unit(70000 + i, ART.rollator, '10');
  unit(70010, ART.wheelchair, '999');
  unit(80001, ART.bed, '10');
  unit(80002, ART.bed, '10');
  for (let i = 1; i <= 3; i++) unit(81000 + i, ART.showerChair, '10');
  t.individuals.set(56314, { indNo: 56314, artNo: ART.rollator, location: { kind: 'patient', pnr: PNR.resident } });
  t.individuals.set(56400, {
    indNo: 56400,
    artNo: ART.wheelchair,
    location: { kind: 'patient', pnr: PNR.otherResident },
  });
  t.persons.set(PNR.resident, person(PNR.resident));
  t.persons.set(PNR.otherResident, person(PNR.otherResident, { givenName: 'Bo', familyName: 'Ek' }));
  t.persons.set(
    PNR.nonResident,
    person(PNR.nonResident, { countyCode: '14', municipality: 'Göteborg', municipalityCode: '1480' }),
  );
  t.persons.set(
    PNR.protected,
    person(PNR.protected, {
      givenName: 'Hemlig',
      familyName: 'Person',
      protectedIdentity: true,
      address: { street: 'Hemlig väg 1', postalCode: '302 50', city: 'Halmstad' },
    }),
  );
  t.persons.set(PNR.palliative, person(PNR.palliative, { givenName: 'Göran', familyName: 'Nyberg', palliative: true }));
  const w2 = {
    id: 'w2',
    name: 'Vårdcentralen Tvååker',
    customerNo: '130002',
    bufferWarehouse: null,
    deliveryAddress: { street: 'Skolvägen 4', postalCode: '432 75', city: 'Tvååker' },
  };
  t.users.set('ot2', user('ot2', { workplaces: [w2] }));
  t.users.set('pt1', user('pt1', { profession: 'pt', workplaces: [w2] }));
  t.users.set('slp1', user('slp1', { profession: 'slp', workplaces: [w2] }));
  t.users.set('nurse1', user('nurse1', { profession: 'nurse', workplaces: [w2] }));
  t.users.set('admin', user('admin', { profession: 'admin', roles: ['admin', 'staff'], workplaces: [] }));
  t.prescribingRules = defaultPrescribingRuleRows();
  return t;
}

export function orderState(): State {
  return stateFromTables(orderTables(), 0);
}

/** decide, and apply when accepted (as the engine does), at `timeMs`. */
export function run(state: State, command: Command, timeMs = T0): Decision {
  const decision = decide(state, command, { timeMs, seq: state.seq + 1 });
  if (decision.ok) {
    for (const event of decision.events) apply(state, event);
    state.seq++;
  }
  return decision;
}

let keys = 0;

/** An order.place command for ot1 to the resident patient with one rollator, overridable field by field. */
export function place(over: Partial<OrderPlace> = {}): OrderPlace {
  return {
    type: 'order.place',
    userId: 'ot1',
    idempotencyKey: `k${++keys}`,
    recipient: { kind: 'patient', pnr: PNR.resident },
    source: 'main',
    lines: [{ artNo: ART.rollator, quantity: 1 }],
    delivery: { partial: false },
    otherInfo: '',
    ...over,
  };
}

export function stockOf(state: State, artNo: string, warehouse = '10') {
  const row = state.stock.get(stockKey(warehouse, artNo));
  return { onHand: row?.onHand ?? 0, reserved: row?.reserved ?? 0 };
}

/** The first event of an accepted decision, which must be of `type` (the handlers' own check). */
export { firstEvent };

/** The order number an accepted order.place decided. */
export function placedNo(decision: Decision): number {
  return firstEvent(decision, 'order.placed').order.orderNo;
}

/** HMC receives a held unit back into warehouse 10 (stock.adjust, reason `returned`). */
export function returned(indNo: number, artNo: string = ART.rollator, over: Partial<Command> = {}): Command {
  return {
    type: 'stock.adjust',
    userId: 'hmc1',
    warehouse: '10',
    artNo,
    delta: 1,
    reason: 'returned',
    note: '',
    individuals: [indNo],
    ...over,
  } as Command;
}

export function codeOf(decision: Decision | { ok: boolean; code?: string }): string {
  return decision.ok ? 'accepted' : (decision as { code: string }).code;
}

/** A deep copy of the state's persisted tables: what a restart would load (tests rebuild the indexes from it). */
export function tablesOf(state: State): Tables {
  return copyTables(state);
}
