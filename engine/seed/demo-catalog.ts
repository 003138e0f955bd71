// Fixed articles every seed and scale contains, so the demo, the manual's examples and the tests can rely on them.
import type { Article } from '../../schemas/entities.ts';
import type { ArticleKind, ArticleStatus } from '../../schemas/primitives.ts';

/** Generated article numbers skip this block, which belongs to the fixed demo articles. */
export const DEMO_ARTNO_MIN = 100_100;
export const DEMO_ARTNO_MAX = 100_199;

export interface DemoArticle {
  artNo: string;
  name: string;
  supplierId: string;
  isoCode: string;
  kind: ArticleKind;
  priceKr: number;
  status: ArticleStatus;
  setParts?: readonly string[];
  accessories?: readonly string[];
  replacedBy?: string;
  /** On hand in warehouse 10 (for rental articles: the individuals there). */
  stockMain: number;
  /** On hand in buffer warehouse B101 (ot1's Rehab Halmstad); sale articles only. */
  stockBuffer?: number;
}

const ROLLATOR_ACCESSORIES = ['100105', '100106', '100107'] as const;

export const DEMO_ARTICLES: readonly DemoArticle[] = [
  {
    artNo: '100101',
    name: 'Rollator Dolomite Jazz 510 sitthöjd 60',
    supplierId: 'invacare',
    isoCode: '12 06 06',
    kind: 'rental',
    priceKr: 2295,
    status: 'active',
    accessories: ROLLATOR_ACCESSORIES,
    stockMain: 12,
  },
  {
    artNo: '100102',
    name: 'Rollator Dolomite Jazz 510 sitthöjd 55',
    supplierId: 'invacare',
    isoCode: '12 06 06',
    kind: 'rental',
    priceKr: 2295,
    status: 'active',
    accessories: ROLLATOR_ACCESSORIES,
    stockMain: 6,
  },
  {
    artNo: '100103',
    name: 'Rollator Dolomite Legacy sitthöjd 60',
    supplierId: 'invacare',
    isoCode: '12 06 06',
    kind: 'rental',
    priceKr: 1995,
    status: 'outgoing',
    replacedBy: '100101',
    stockMain: 0,
  },
  {
    artNo: '100104',
    name: 'Rollator Cross 45',
    supplierId: 'etac',
    isoCode: '12 06 06',
    kind: 'rental',
    priceKr: 2150,
    status: 'active',
    accessories: ['100105', '100106'],
    stockMain: 8,
  },
  {
    artNo: '100105',
    name: 'Korg till rollator',
    supplierId: 'invacare',
    isoCode: '12 07 24',
    kind: 'sale',
    priceKr: 245,
    status: 'active',
    stockMain: 40,
    stockBuffer: 3,
  },
  {
    artNo: '100106',
    name: 'Bricka till rollator',
    supplierId: 'invacare',
    isoCode: '12 07 24',
    kind: 'sale',
    priceKr: 320,
    status: 'active',
    stockMain: 25,
  },
  {
    artNo: '100107',
    name: 'Käpphållare till rollator',
    supplierId: 'invacare',
    isoCode: '12 07 24',
    kind: 'sale',
    priceKr: 145,
    status: 'active',
    stockMain: 30,
    stockBuffer: 2,
  },
  {
    artNo: '100108',
    name: 'Rullstol Quickie Argon 2 sitsbredd 42',
    supplierId: 'sunrise-medical',
    isoCode: '12 22 03',
    kind: 'rental',
    priceKr: 18500,
    status: 'active',
    stockMain: 4,
  },
  {
    artNo: '100109',
    name: 'Quickie Nitrum 40',
    supplierId: 'sunrise-medical',
    isoCode: '12 22 03',
    kind: 'rental',
    priceKr: 21900,
    status: 'active',
    stockMain: 3,
  },
  {
    artNo: '100110',
    name: 'Röstförstärkare ChatterVox',
    supplierId: 'kommunikationshuset',
    isoCode: '22 09 06',
    kind: 'rental',
    priceKr: 3450,
    status: 'active',
    stockMain: 5,
  },
  {
    artNo: '100111',
    name: 'Gåstol Rebel',
    supplierId: 'mobilitet-syd',
    isoCode: '12 06 09',
    kind: 'rental',
    priceKr: 9800,
    status: 'active',
    stockMain: 2,
  },
  {
    artNo: '100112',
    name: 'Säng Etude Plus 90x200',
    supplierId: 'invacare',
    isoCode: '18 12 10',
    kind: 'rental',
    priceKr: 24500,
    status: 'active',
    setParts: ['100113', '100114'],
    stockMain: 7,
  },
  {
    artNo: '100113',
    name: 'Madrass Etude 90x200',
    supplierId: 'invacare',
    isoCode: '18 12 18',
    kind: 'sale',
    priceKr: 2890,
    status: 'active',
    stockMain: 20,
  },
  {
    artNo: '100114',
    name: 'Sänggrind Etude 200',
    supplierId: 'invacare',
    isoCode: '18 12 26',
    kind: 'sale',
    priceKr: 1650,
    status: 'active',
    stockMain: 18,
  },
  {
    artNo: '100115',
    name: 'Personlyft Molift Smart 150',
    supplierId: 'etac',
    isoCode: '12 36 03',
    kind: 'rental',
    priceKr: 38900,
    status: 'active',
    setParts: ['100116'],
    stockMain: 3,
  },
  {
    artNo: '100116',
    name: 'Lyftsele Molift RgoSling storlek M',
    supplierId: 'etac',
    isoCode: '12 36 21',
    kind: 'sale',
    priceKr: 2950,
    status: 'active',
    stockMain: 15,
  },
  {
    artNo: '100117',
    name: 'Duschstol Etac Swift',
    supplierId: 'etac',
    isoCode: '09 33 07',
    kind: 'rental',
    priceKr: 4200,
    status: 'active',
    stockMain: 9,
  },
  {
    artNo: '100118',
    name: 'Kompressionsstrumpa klass 2 knä storlek M',
    supplierId: 'medi-sigvaris-juzo',
    isoCode: '04 06 06',
    kind: 'sale',
    priceKr: 420,
    status: 'active',
    stockMain: 60,
    stockBuffer: 8,
  },
  {
    artNo: '100119',
    name: 'Kompressionsstrumpa klass 2 knä storlek L',
    supplierId: 'medi-sigvaris-juzo',
    isoCode: '04 06 06',
    kind: 'sale',
    priceKr: 420,
    status: 'active',
    stockMain: 45,
    stockBuffer: 5,
  },
  {
    artNo: '100120',
    name: 'Elrullstol Permobil M3 Corpus sitsbredd 46',
    supplierId: 'permobil',
    isoCode: '12 23 06',
    kind: 'rental',
    priceKr: 62000,
    status: 'active',
    stockMain: 2,
  },
  // Replacement chain of two hops ending with stock: Futura → Legacy (outgoing, none left) → Jazz.
  {
    artNo: '100121',
    name: 'Rollator Dolomite Futura sitthöjd 60',
    supplierId: 'invacare',
    isoCode: '12 06 06',
    kind: 'rental',
    priceKr: 1850,
    status: 'discontinued',
    replacedBy: '100103',
    stockMain: 0,
  },
  // A chain that ends without stock: nothing can be proposed.
  {
    artNo: '100122',
    name: 'Rollator Banjo sitthöjd 55',
    supplierId: 'invacare',
    isoCode: '12 06 06',
    kind: 'rental',
    priceKr: 1795,
    status: 'outgoing',
    replacedBy: '100123',
    stockMain: 0,
  },
  {
    artNo: '100123',
    name: 'Rollator Banjo Plus sitthöjd 55',
    supplierId: 'invacare',
    isoCode: '12 06 06',
    kind: 'rental',
    priceKr: 1895,
    status: 'outgoing',
    stockMain: 0,
  },
  // Care units order crutches for themselves.
  {
    artNo: '100124',
    name: 'Armbågskrycka Ergo storlek M',
    supplierId: 'mobilitet-syd',
    isoCode: '12 03 06',
    kind: 'sale',
    priceKr: 189,
    status: 'active',
    stockMain: 80,
    stockBuffer: 10,
  },
];

const ORE_PER_KR = 100;

export function demoArticleRow(demo: DemoArticle, supplierUrl: string | null): Article {
  return {
    artNo: demo.artNo,
    name: demo.name,
    supplierId: demo.supplierId,
    isoCode: demo.isoCode,
    kind: demo.kind,
    priceOre: demo.priceKr * ORE_PER_KR,
    status: demo.status,
    setParts: [...(demo.setParts ?? [])],
    accessories: [...(demo.accessories ?? [])],
    replacedBy: demo.replacedBy ?? null,
    supplierUrl: supplierUrl === null ? null : `${supplierUrl}/produkter/${demo.artNo}`,
    manualUrl: supplierUrl === null ? null : `${supplierUrl}/manual/${demo.artNo}.pdf`,
    imageUrl: `/img/iso-${demo.isoCode.slice(0, 2)}.svg`,
  };
}
