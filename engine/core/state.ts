// The whole in-memory state: tables (persisted row by row) plus derived indexes (rebuilt on load by load-state.ts, kept
// current by apply). A leaf: only types and the table list; it imports no index builder (they import it).
import type {
  Article,
  Individual,
  IsoNode,
  Person,
  StockRow,
  Supplier,
  User,
  Warehouse,
} from '../../schemas/entities.ts';
import type { Message, Order, PrescribingRule } from '../../schemas/orders.ts';
import type { Pickup } from '../../schemas/pickups.ts';
import type { NewsItem } from '../../schemas/news.ts';
import type { WorkOrder } from '../../schemas/work-orders.ts';
import type { AccessGrant } from '../../schemas/patient-access.ts';
// Issue 14, HMC oversight:
import type { Setting } from '../../schemas/settings.ts';
import type { SearchIndex } from './search/index.ts';
import type { OrderIndex } from './orders/order-index.ts';
import type { PickupIndex } from './pickups/pickup-index.ts';
import type { WorkOrderIndex } from './work-orders/work-order-index.ts';
import type { AccessIndex } from './patient-access/access-index.ts';
// Issue 14, Lager:
import type { StockMinLevel } from '../../schemas/stock-admin.ts';
// Issue 15, patient:
import type { PayerRule } from '../../schemas/payers.ts';
// Issue 15, desk:
import type { Note } from '../../schemas/notes.ts';
import type { Deviation } from '../../schemas/deviations.ts';
import type { NoteIndex } from './notes/note-index.ts';
import type { DeviationIndex } from './deviations/deviation-index.ts';
// Issue 15, loans:
import type { Loan } from '../../schemas/loans.ts';
import type { LoanIndex } from './loans/loan-index.ts';
// Issue 15, recalls:
import type { Recall, RecallProgressRow } from '../../schemas/recalls.ts';
import type { RecallIndex } from './recalls/recall-index.ts';
// Issue 15, returns:
import type { ReturnedUnit, ReturnRecord } from '../../schemas/returns.ts';
import type { ReturnIndex } from './returns/return-index.ts';
// Issue 16, compact tables:
import { PackedTable } from './packed-table.ts';
import { DenseSlots } from './dense-slots.ts';

/** The persisted tables. Each row is stored under its key; the store knows nothing else about them. */
export interface Tables {
  iso: Map<string, IsoNode>;
  suppliers: Map<string, Supplier>;
  articles: Map<string, Article>;
  warehouses: Map<string, Warehouse>;
  stock: Map<string, StockRow>;
  persons: Map<string, Person>;
  users: Map<string, User>;
  individuals: Map<number, Individual>;
  orders: Map<number, Order>;
  messages: Map<number, Message>;
  /** Profession → the ISO codes it may prescribe (hjälpmedelsanvisningar). */
  prescribingRules: Map<string, PrescribingRule>;
  pickups: Map<number, Pickup>;
  news: Map<number, NewsItem>;
  workOrders: Map<number, WorkOrder>;
  /** Consents and emergency accesses (care-provider boundaries), by grant number. */
  patientAccess: Map<number, AccessGrant>;
  // Issue 14, HMC oversight:
  /** Named settings an admin has set, by key (schemas/settings.ts); a setting without a row has its default. */
  settings: Map<string, Setting>;
  // Issue 14, Lager:
  /** Minimum stock levels, by stock key (warehouse:artNo); a cleared level has no row. */
  minLevels: Map<string, StockMinLevel>;
  // Issue 15, patient:
  /** Betalare per ISO prefix (reference data, seeded; engine/core/payers/payer-rules.ts). */
  payerRules: Map<string, PayerRule>;
  // Issue 15, desk:
  /** Private notes, by note number (deleted ones kept, flagged). */
  notes: Map<number, Note>;
  /** Deviation reports, by deviation number. */
  deviations: Map<number, Deviation>;
  // Issue 15, loans:
  /** Loans of rental units to patients (open and closed), by loan number. */
  loans: Map<number, Loan>;
  // Issue 15, recalls:
  /** Recalls (säkerhetsmeddelanden), by recall number. */
  recalls: Map<number, Recall>;
  /** Progress of the holders whose progress was set, by `<recallNo>/<holderKey>` (no row: none yet). */
  recallProgress: Map<string, RecallProgressRow>;
  // Issue 15, returns:
  /** De-registrations of sale articles into a buffer (Retur av hjälpmedel), by return number. */
  returns: Map<number, ReturnRecord>;
  /** Rental units received back from a patient (return or pickup), with that previous holder, by entry number. */
  returnedUnits: Map<number, ReturnedUnit>;
}
export type TableName = keyof Tables;
export const TABLE_NAMES: readonly TableName[] = [
  'iso',
  'suppliers',
  'articles',
  'warehouses',
  'stock',
  'persons',
  'users',
  'individuals',
  'orders',
  'messages',
  'prescribingRules',
  'pickups',
  'news',
  'workOrders',
  'patientAccess',
  // Issue 14, HMC oversight:
  'settings',
  // Issue 14, Lager:
  'minLevels',
  // Issue 15, patient:
  'payerRules',
  // Issue 15, desk:
  'notes',
  'deviations',
  // Issue 15, loans:
  'loans',
  // Issue 15, recalls:
  'recalls',
  'recallProgress',
  // Issue 15, returns:
  'returns',
  'returnedUnits',
];

/** Indexes derived from the tables; never persisted. */
export interface Derived {
  /** Catalog search index; article upserts update it, stock never needs a re-index. */
  search: SearchIndex;
  isoChildren: Map<string, string[]>;
  isoRoots: string[];
  /** Division (or any node) code → artNos directly under it, kept sorted by (name, artNo). */
  articlesByIso: Map<string, string[]>;
  /** Division code → how many of its articles are discontinued, so lists count pages without a scan. */
  discontinuedByIso: Map<string, number>;
  stockByArticle: Map<string, StockRow[]>;
  usersByUsername: Map<string, string>;
  individualsByPnr: Map<string, number[]>;
  individualsByArticle: Map<string, number[]>;
  /** Highest individual number in use: a registered rental unit gets the next one. */
  lastIndNo: number;
  /** Orders and messages by prescriber, patient, care unit, idempotency key; backorder queues; line counts. */
  orderIndex: OrderIndex;
  pickupIndex: PickupIndex;
  workOrderIndex: WorkOrderIndex;
  accessIndex: AccessIndex;
  // Issue 14, Ersättningskedjor + Leverantörer (built with the article indexes, kept current by article apply):
  /** artNo → the articles whose replacedBy it is (the chain backwards), in artNo order. */
  predecessorsOf: Map<string, string[]>;
  /** Supplier id → its articles: counts for the supplier list, and whose search documents a rename refreshes. */
  articlesBySupplier: Map<string, Set<string>>;
  // Issue 14, Lager:
  /** Stock keys of the rows whose available quantity is under their minimum level (min-level-index.ts). */
  belowMin: Set<string>;
  // Issue 15, desk:
  noteIndex: NoteIndex;
  deviationIndex: DeviationIndex;
  // Issue 15, loans:
  /** Open loans by unit, the open loans with a due date (the due-soon / overdue candidates), the next loan number. */
  loanIndex: LoanIndex;
  // Issue 15, recalls:
  /** Open recalls per article, progress per recall, the next recall number (recalls/recall-index.ts). */
  recallIndex: RecallIndex;
  // Issue 15, returns:
  /** Sale articles each patient holds, kept units per buffer, returns per patient, numbers (return-index.ts). */
  returnIndex: ReturnIndex;
}

export interface State extends Tables, Derived {
  /** Sequence number of the last command applied (journal position). */
  seq: number;
}

/**
 * Empty tables. The big, uniform ones (millions of rows after years of use) are packed (packed-table.ts); the small
 * reference tables stay plain Maps, whose rows are read on every hot path.
 */
/** A packed table keyed by row numbers (dense-slots.ts). */
function numbered<V>(): PackedTable<number, V> {
  return new PackedTable<number, V>(undefined, new DenseSlots());
}

export function emptyTables(): Tables {
  return {
    iso: new Map(),
    suppliers: new Map(),
    articles: new Map(),
    warehouses: new Map(),
    stock: new Map(),
    persons: new PackedTable(),
    users: new Map(),
    individuals: numbered(),
    orders: numbered(),
    messages: numbered(),
    prescribingRules: new Map(),
    pickups: numbered(),
    news: new Map(),
    workOrders: numbered(),
    patientAccess: new Map(),
    // Issue 14, HMC oversight:
    settings: new Map(),
    // Issue 14, Lager:
    minLevels: new Map(),
    // Issue 15, patient:
    payerRules: new Map(),
    // Issue 15, desk:
    notes: new Map(),
    deviations: numbered(),
    // Issue 15, loans:
    loans: numbered(),
    // Issue 15, recalls:
    recalls: new Map(),
    recallProgress: new Map(),
    // Issue 15, returns:
    returns: new Map(),
    returnedUnits: numbered(),
  };
}

// Issue 16, compact tables:
/** A deep copy of the tables (what a restart from them would load), in the same compact form; rows are not shared. */
export function copyTables(tables: Tables): Tables {
  const copy = emptyTables();
  for (const name of TABLE_NAMES) {
    const target = copy[name] as Map<unknown, unknown>;
    // A packed table's get already decodes a fresh copy; a plain Map's rows are cloned.
    const packed = tables[name] instanceof PackedTable;
    for (const [key, value] of tables[name] as Map<unknown, unknown>)
      target.set(key, packed ? value : structuredClone(value));
  }
  return copy;
}
