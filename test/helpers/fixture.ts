// A small hand-made world for core and store tests: a few ISO codes, articles, warehouses, persons and users.
import type { Article, IsoNode, Person, User } from '../../schemas/entities.ts';
import { emptyTables, TABLE_NAMES, type State, type Tables } from '../../engine/core/state.ts';
import { stateFromTables } from '../../engine/core/load-state.ts';
import { stockKey } from '../../engine/core/keys.ts';
// Issue 15, patient:
import { defaultPayerRuleRows } from '../../engine/core/payers/payer-rules.ts';

export function article(artNo: string, over: Partial<Article> = {}): Article {
  return {
    artNo,
    name: `Rollator ${artNo}`,
    supplierId: 'etac',
    isoCode: '12 06 06',
    kind: 'rental',
    priceOre: 199_500,
    status: 'active',
    setParts: [],
    accessories: [],
    replacedBy: null,
    supplierUrl: null,
    manualUrl: null,
    imageUrl: null,
    ...over,
  };
}

const ISO: IsoNode[] = [
  {
    code: '12',
    level: 1,
    titleSv: 'Hjälpmedel för förflyttning',
    titleEn: 'Assistive products for personal mobility',
    parent: null,
  },
  { code: '12 06', level: 2, titleSv: 'Gåhjälpmedel', titleEn: 'Walking aids', parent: '12' },
  { code: '12 06 06', level: 3, titleSv: 'Rollatorer', titleEn: 'Rollators', parent: '12 06' },
  { code: '12 22', level: 2, titleSv: 'Manuella rullstolar', titleEn: 'Manual wheelchairs', parent: '12' },
  {
    code: '12 22 03',
    level: 3,
    titleSv: 'Manuella tvåhjulsdrivna rullstolar',
    titleEn: 'Bimanual handrim-drive wheelchairs',
    parent: '12 22',
  },
  {
    code: '22',
    level: 1,
    titleSv: 'Hjälpmedel för kommunikation',
    titleEn: 'Assistive products for communication',
    parent: null,
  },
  { code: '22 09', level: 2, titleSv: 'Hjälpmedel för tal', titleEn: 'Assistive products for voice', parent: '22' },
  {
    code: '22 09 06',
    level: 3,
    titleSv: 'Röstförstärkare för personligt bruk',
    titleEn: 'Voice amplifiers for personal use',
    parent: '22 09',
  },
];

export function person(pnr: string, over: Partial<Person> = {}): Person {
  return {
    pnr,
    givenName: 'Anna',
    familyName: 'Karlsson',
    address: { street: 'Storgatan 3', postalCode: '302 45', city: 'Halmstad' },
    municipalityCode: '1380',
    municipality: 'Halmstad',
    countyCode: '13',
    protectedIdentity: false,
    palliative: false,
    ...over,
  };
}

export function user(id: string, over: Partial<User> = {}): User {
  return {
    id,
    username: id,
    name: `User ${id}`,
    profession: 'ot',
    roles: ['prescriber'],
    email: `${id}@example.se`,
    phone: '035-13 00 00',
    passwordHash: 'scrypt$00$00',
    workplaces: [
      {
        id: 'w1',
        name: 'Rehab Halmstad',
        customerNo: '130001',
        bufferWarehouse: 'B101',
        deliveryAddress: { street: 'Lasarettsvägen 1', postalCode: '302 33', city: 'Halmstad' },
      },
    ],
    ...over,
  };
}

export function fixtureTables(): Tables {
  const t = emptyTables();
  for (const node of ISO) t.iso.set(node.code, node);
  t.suppliers.set('etac', { id: 'etac', name: 'Etac', url: 'https://www.etac.se', country: 'Sweden' });
  t.suppliers.set('invacare', { id: 'invacare', name: 'Invacare', url: null, country: 'US' });
  const articles = [
    article('100001', { name: 'Rollator Cross 45', accessories: ['100003'] }),
    article('100002', { name: 'Rollator Dolomite Jazz', supplierId: 'invacare', replacedBy: '100001' }),
    article('100003', { name: 'Korg till rollator', kind: 'sale', priceOre: 25_000 }),
    article('100004', { name: 'Rullstol Cross 6', isoCode: '12 22 03' }),
    article('100005', { name: 'Röstförstärkare ChatterVox', isoCode: '22 09 06', status: 'outgoing' }),
    article('100006', { name: 'Rollator Gammal', status: 'discontinued' }),
  ];
  for (const a of articles) t.articles.set(a.artNo, a);
  t.warehouses.set('10', { id: '10', name: 'Huvudlager', kind: 'main', customerNo: null });
  t.warehouses.set('999', { id: '999', name: 'Utredningslager', kind: 'investigation', customerNo: null });
  t.warehouses.set('B101', { id: 'B101', name: 'Rehab Halmstad förråd', kind: 'buffer', customerNo: '130001' });
  const stock = (warehouse: string, artNo: string, onHand: number, reserved = 0) =>
    t.stock.set(stockKey(warehouse, artNo), { warehouse, artNo, onHand, reserved });
  stock('10', '100001', 5);
  stock('10', '100002', 0);
  stock('10', '100003', 20, 2);
  stock('B101', '100003', 4);
  stock('999', '100004', 1);
  t.persons.set('194001011234', person('194001011234'));
  t.persons.set(
    '195002022345',
    person('195002022345', {
      givenName: 'Östen',
      familyName: 'Åberg',
      countyCode: '14',
      municipality: 'Göteborg',
      municipalityCode: '1480',
    }),
  );
  t.persons.set(
    '196003033456',
    person('196003033456', { givenName: 'Hemlig', familyName: 'Person', protectedIdentity: true }),
  );
  t.users.set('ot1', user('ot1'));
  t.users.set('hmc1', user('hmc1', { profession: 'hmc', roles: ['staff'], workplaces: [] }));
  t.individuals.set(56314, { indNo: 56314, artNo: '100001', location: { kind: 'patient', pnr: '194001011234' } });
  // Issue 15, patient: the payer rules are reference data every store holds (the store contract loads them back).
  t.payerRules = defaultPayerRuleRows();
  return t;
}

export function fixtureState(): State {
  return stateFromTables(fixtureTables(), 0);
}

/** Deterministic dump of the persisted tables (derived indexes are rebuilt, so they are left out). */
export function dumpTables(state: Tables & { seq: number }): string {
  const out: Record<string, unknown> = { seq: state.seq };
  for (const name of TABLE_NAMES) {
    const entries = [...(state[name] as Map<string | number, unknown>).entries()].sort(([a], [b]) =>
      String(a) < String(b) ? -1 : 1,
    );
    out[name] = entries;
  }
  return JSON.stringify(out);
}
