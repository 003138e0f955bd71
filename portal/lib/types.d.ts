// The shapes the portal reads: entities from schemas/ (the zod contract), and the engine's replies as the portal
// uses them (the replies have no zod schema; each view names the op that returns it). Types only, no code.
import type { Address, IsoNode, PublicUser, Workplace } from '../../schemas/entities.ts';
import type { NewsItem } from '../../schemas/news.ts';
import type { LineStatus, Message, PurposeCode, ReplacementDecision } from '../../schemas/orders.ts';
import type { ArticleKind, ArticleStatus, Profession } from '../../schemas/primitives.ts';

export type { Address, IsoNode, LineStatus, Message, NewsItem, Profession, PurposeCode, Workplace };

/** The signed-in user (session.login, session.resume, profile.update). */
export type User = PublicUser;

/** Available balance: warehouse 10, and the user's own buffer warehouse when they have one. */
export interface Availability {
  main: number;
  buffer?: { warehouse: string; available: number };
  // Issue 15, recalls: the open recall that blocks the whole article (stock shown as 0).
  recallNo?: number;
}

/** An article in a list (catalog.list, accessories, set parts, replacement); search hits name the supplier. */
export interface ArticleSummary {
  artNo: string;
  name: string;
  supplierName?: string;
  supplier?: string;
  isoCode: string;
  kind: ArticleKind;
  status: ArticleStatus;
  priceOre: number;
  available: Availability;
}

/** catalog.article */
export interface ArticlePageView {
  article: ArticleSummary & {
    supplierUrl: string | null;
    manualUrl: string | null;
    imageUrl: string | null;
  };
  supplier: { id: string; name: string; url: string | null };
  isoPath: Array<{ code: string; titleSv: string; titleEn: string }>;
  available: Availability & { investigation: number };
  setParts: ArticleSummary[];
  accessories: ArticleSummary[];
  replacedBy: ArticleSummary | null;
}

/** catalog.search */
export interface SearchReply {
  total: number;
  hits: ArticleSummary[];
  suggestion: string | null;
}

/** catalog.isoTree: a node with its counts and children. */
export type IsoTreeNode = Pick<IsoNode, 'code' | 'titleSv' | 'titleEn' | 'level'> & {
  articleCount: number;
  inStockCount?: number;
};

/** A `stock/<artNo>` push. */
export interface StockPush {
  type: 'stock';
  artNo: string;
  warehouse: string;
  available: number;
  seq: number;
}

/** An order's recipient as the engine shows it. */
export type RecipientView =
  | {
      kind: 'patient';
      pnr?: string;
      pnrDisplay: string;
      name: string;
      protectedIdentity?: boolean;
      customerNo?: string;
    }
  | { kind: 'careUnit'; customerNo: string; name: string };

/** A line of order.list's rows. */
export interface OrderRowLine {
  lineNo: number;
  artNo: string;
  name: string;
  quantity: number;
  status: LineStatus;
}

/** A row of order.list. */
export interface OrderRow {
  orderNo: number;
  placedMs: number;
  placedDate: string;
  prescriber: { id: string; name: string };
  recipient: RecipientView;
  customerNo: string;
  workplaceId: string | null;
  warehouse: string;
  partialDelivery: boolean;
  status: LineStatus;
  open: boolean;
  plannedPickDate: string | null;
  plannedDeliveryDate: string | null;
  lines: OrderRowLine[];
}

/** A line of order.get. */
export interface OrderViewLine extends OrderRowLine {
  statusSv: string;
  component: string | null;
  replacedFrom: { artNo: string; name: string } | null;
  setPartOf: number | null;
  purpose: PurposeCode | null;
  note: string | null;
  individuals: number[];
  pickDate: string | null;
  dispatchedDate: string | null;
  deliveredDate: string | null;
  /** Issue 15, loans: the rental line's loan type and due date (absent: tills vidare). */
  loan?: { type: LoanType; dueDate: string | null };
}

/** order.get: one order in full. */
export interface OrderView extends Omit<OrderRow, 'prescriber' | 'lines'> {
  prescriber: { id: string; name: string; profession: Profession | null; phone: string; email: string };
  workplace: { id: string; name: string };
  deliveryAddress: Address;
  temporaryAddress: boolean;
  contactName: string;
  contactPhone: string;
  otherInfo: string;
  lines: OrderViewLine[];
}

/** patient.get's person (a protected identity shows no name or address). */
export interface PersonView {
  pnr: string;
  pnrDisplay: string;
  givenName: string;
  familyName: string;
  address: Address | null;
  municipality: string;
  prescribable: boolean;
  protectedIdentity: boolean;
  palliative: boolean;
}

/** A device (individual) a patient holds. */
export interface DeviceView {
  indNo: number;
  artNo: string;
  name: string;
  isoCode: string;
  kind: string;
  delivery: { orderNo: number; deliveredDate: string | null; prescriberName: string; placedDate: string } | null;
  delivery: { orderNo: number; deliveredDate: string | null; prescriberName: string } | null;
  /** Issue 15, loans: the unit's open loan, or null. */
  loan?: DeviceLoan | null;
}

/** patient.get */
export interface PatientView {
  person: PersonView;
  devices: DeviceView[];
}

/** A line of order.quote's reply. */
export interface QuoteLine {
  artNo: string;
  quantity: number;
  component: string | null;
  article: ArticleSummary | null;
  outcome: 'available' | 'backorder' | 'proposal' | 'discontinued' | 'problem';
  available: number;
  proposal: (ArticleSummary & { hops: number }) | null;
  backorderReason: 'outgoing' | 'noStock' | null;
  problem: { code: string; message: string } | null;
  purpose: { required: boolean; allowed: readonly string[] };
  setParts: Array<{ artNo: string; name: string; quantity: number; outcome: 'available' | 'backorder' }>;
}

/** order.quote */
export interface QuoteReply {
  lines: QuoteLine[];
  accessories: ArticleSummary[];
  delivery: { address: Address | null; contactName: string; contactPhone: string; [more: string]: unknown };
  [more: string]: unknown;
}

/** A line of the order being written in the wizard. */
export interface DraftLine {
  artNo: string;
  quantity: number;
  forIndividual: number | null;
  replacement: ReplacementDecision | null;
  purpose: PurposeCode | '';
  /** Issue 15, loans: the loan type of a rental line (absent: tills vidare) and its due date (YYYY-MM-DD). */
  loanType?: LoanType;
  dueDate?: string;
}

/** The order being written in the wizard. */
export interface OrderDraft {
  recipientKind: 'patient' | 'careUnit';
  pnrInput: string;
  patient: PatientView | null;
  customerNo: string;
  workplaceId: string;
  source: 'main' | 'buffer';
  lines: DraftLine[];
  delivery: {
    temporary: boolean;
    street: string;
    postalCode: string;
    city: string;
    contactName: string | null;
    contactPhone: string | null;
    joint: boolean;
  };
  otherInfo: string;
}

/** The wizard's quote: order.quote's reply for the lines of `key` (a JSON of its arguments), or its failure. */
export interface QuoteState {
  key: string;
  result: QuoteReply | null;
  error: unknown;
  busy: boolean;
}

/** A patch of the draft: some fields, or a function of the draft that returns them. */
export type DraftPatch = Partial<OrderDraft> | ((draft: OrderDraft) => Partial<OrderDraft>);

/** Props every wizard step gets. */
export interface StepProps {
  user: User;
  state: OrderDraft;
  update: (patch: DraftPatch) => void;
  quote: QuoteState;
  requote: () => void;
}

export type { ReplacementDecision };

/**
 * An input, change or submit event of a form field (input, select or textarea): handlers read currentTarget's value,
 * checked or files, which an <input> has; a <select> or <textarea> has the value the handler reads.
 */
export type FieldEvent = Event & { currentTarget: HTMLInputElement };

export type { ComponentChildren, RefObject } from 'preact';

/** A pickup order (pickup.list, pickup.create). */
export interface PickupView {
  pickupNo: number;
  status: string;
  placedDate: string;
  patient: { name: string; pnrDisplay: string };
  address: Address;
  contactName: string;
  contactPhone: string;
  reason: string;
  prescriber: { name: string; phone: string };
  units: Array<{ indNo: number; artNo: string; name: string; returnedMs: number | null }>;
}

/** A work order (workorder.list, workorder.create). */
export interface WorkOrderView {
  woNo: number;
  title: string;
  text: string;
  status: string;
  destination: string;
  createdMs: number;
  prescriber: { name: string };
  patient: { name: string; pnrDisplay: string } | null;
  device: { indNo: number; name: string } | null;
  attachments: Array<{ id: string; name: string }>;
  comments: Array<{ timeMs: number; author: string; text: string }>;
}

/** Line counts per leveransstatus (staff order topics and order.list). */
export type StatusCountMap = Record<string, number>;

/** individual.get: who or which warehouse holds a unit, who prescribed it, and its orders. */
export interface IndividualCardView {
  individual: { indNo: number; artNo: string; name: string; isoCode: string; kind: string };
  holder:
    | { kind: 'warehouse'; warehouse: string; name: string; contactHmc: boolean }
    | { kind: 'patient'; protectedIdentity: false; pnr: string; pnrDisplay: string; name: string; municipality: string }
    | { kind: 'patient'; protectedIdentity: true }
    | { kind: 'careUnit'; customerNo: string; name: string }
    | { kind: 'transit'; orderNo: number }
    | { kind: 'writtenOff'; warehouse: string; name: string };
  prescriber: { id: string; name: string; phone: string; email: string; orderNo: number } | null;
  orders: Array<{
    orderNo: number;
    placedDate: string;
    status: string;
    role: 'unit' | 'component';
    artNos: string[];
    prescriber: { id: string; name: string; phone: string; email: string };
  }>;
  /** Issue 15, loans: the unit's open loan, or null. */
  loan?: DeviceLoan | null;
}

/** A row of the live order lists (order.list, or made from a push until order.get fills in the names). */
export type LiveRow = OrderRow & { seq: number; fresh: boolean; detailed: boolean };

/** order.place's reply: the order as registered (replayed: a retry answered with the order made the first time). */
export interface PlaceReceipt {
  orderNo: number;
  replayed?: boolean;
  placedDate: string;
  plannedPickDate: string | null;
  plannedDeliveryDate: string | null;
  warehouse: string;
  lines: Array<{
    lineNo: number;
    artNo: string;
    name: string;
    quantity: number;
    status: LineStatus;
    component: string | null;
    setPartOf: number | null;
    replacedFrom: string | null;
    purpose: string | null;
    note: string | null;
  }>;
}

// Access log (patientdatalagen) part of issue 13: the reviewer's reply views.
export type { AccessEntry, AccessReview } from '../../schemas/access-log.ts';
/** An entry as accessLog.* shows it: with the formatted personnummer, and in a spot check its reviews. */
export type AccessEntryView = import('../../schemas/access-log.ts').AccessEntry & {
  pnrDisplay: string;
  reviews?: import('../../schemas/access-log.ts').AccessReview[];
};
/** accessLog.patient and accessLog.user: one page and the cursor of the next. */
export interface AccessPageView {
  entries: AccessEntryView[];
  next: string | null;
}
/** accessLog.sample: the population's size and the sampled entries. */
export interface AccessSampleView {
  total: number;
  entries: AccessEntryView[];
}

// Issue 14, Ersättningskedjor + ISO 9999 + Leverantörer:
/** One article of a replacement chain (catalog.replacementChain): hops < 0 it replaces, 0 itself, > 0 its successors. */
export interface ChainHopView {
  artNo: string;
  name: string;
  status: ArticleStatus;
  kind: ArticleKind;
  isoCode: string;
  replacedBy: string | null;
  hops: number;
  available: number;
  totalAvailable: number;
  stock: Array<{ warehouse: string; available: number }>;
}

/** catalog.replacementChain */
export interface ReplacementChainView {
  warehouse: string;
  article: ChainHopView;
  predecessors: ChainHopView[];
  successors: ChainHopView[];
  predecessorsTruncated: boolean;
  proposals: Array<{
    profession: Profession;
    outcome: 'available' | 'proposal' | 'backorder' | 'discontinued' | 'forbidden';
    artNo: string | null;
    hops: number | null;
  }>;
}

/** catalog.replacementCheck */
export interface ReplacementCheckView {
  allowed: boolean;
  code?: string;
  message?: string;
  chain: string[];
}

/** supplier.list: a supplier with its article count. */
export interface SupplierRowView {
  id: string;
  name: string;
  url: string | null;
  country: string;
  articleCount: number;
}

// Issue 14, Förskrivningsregler + Användare och arbetsplatser:
/** prescribingRule.list */
export interface PrescribingRuleView {
  profession: Profession;
  isoPrefixes: string[];
}

/** admin.prescribingRulePreview */
export interface RuleChangeView {
  count: number;
  examples: Array<{ artNo: string; name: string; isoCode: string }>;
}
export interface RulePreviewView {
  profession: Profession;
  before: string[];
  after: string[];
  gained: RuleChangeView;
  lost: RuleChangeView;
  prescribableAfter: number;
}

/** admin.userList, admin.user: an account as the admin sees it (never a password hash). */
export type UserRowView = Omit<PublicUser, 'lastSignInMs' | 'deactivatedMs'> & {
  lastSignInMs: number | null;
  deactivatedMs: number | null;
  dormant: boolean;
  hasPassword: boolean;
};

/** admin.userList */
export interface UserListView {
  users: UserRowView[];
  total: number;
  flaggedCount: number;
}

/** admin.workplaceOptions */
export interface WorkplaceOptionsView {
  bufferWarehouses: Array<{ id: string; name: string; customerNo: string | null }>;
  careProviders: Array<{ id: string; name: string }>;
}
// Issue 14, Artiklar: the article as admin.articleUpsert takes it, admin.articleImpact, the `articles` push.
/** An article, every field (schemas/entities.ts Article); catalog.article's `article` carries them all. */
export type ArticleRecord = import('../../schemas/entities.ts').Article;
/** catalog.article as the admin form reads it: the article with every field, plus the page's names. */
export type ArticleEditPage = ArticlePageView & { article: ArticleRecord & ArticlePageView['article'] };
/** admin.articleImpact: counts only, no persons. */
export interface ArticleImpactView {
  artNo: string;
  openOrders: { orders: number; lines: number; orderNos: number[] };
  backorderLines: number;
  heldByPatients: number;
  heldByCareUnits: number;
  setPartOf: { count: number; articles: Array<{ artNo: string; name: string }> };
  accessoryOf: { count: number; articles: Array<{ artNo: string; name: string }> };
  replacementFor: { count: number; articles: Array<{ artNo: string; name: string }> };
}
/** A push on `articles`: one changed article as catalog.article shows it (warehouse 10 only). */
export interface ArticlePush {
  type: 'article';
  seq: number;
  article: ArticleRecord & { supplierName: string; available: Availability };
}
// Issue 14, HMC oversight: ages in working days and flags on the staff lists (interfaces merge with the ones above).
export interface OrderRow {
  /** Working days since placement as of the list's time; null for a pushed row not yet filled in by order.get. */
  ageWorkingDays?: number | null;
  flagged?: boolean;
}
export interface PickupView {
  ageWorkingDays?: number;
  flagged?: boolean;
}
export interface WorkOrderView {
  statusChangedMs?: number;
  /** Working days since the status last changed. */
  idleWorkingDays?: number | null;
  flagged?: boolean;
}
/** A list's flag threshold and how many of all its matching rows are flagged. */
export interface OversightSummary {
  thresholdWorkingDays: number;
  flagged: number;
}
/** settings.get: one named setting. */
export interface SettingView {
  key: string;
  titleSv: string;
  unitSv: string;
  value: number;
  defaultValue: number;
  min: number;
  max: number;
  set: { by: { id: string; name: string }; timeMs: number } | null;
}
/** fulfil.backorders: a restorder line and what it waits for. */
export interface BackorderView {
  orderNo: number;
  lineNo: number;
  artNo: string;
  name: string;
  quantity: number;
  warehouse: string;
  position: number;
  queueLength: number;
  aheadQuantity: number;
  available: number;
  short: number;
  inboundReturns: number | null;
  placedDate: string;
  prescriber: { id: string; name: string };
  ageWorkingDays: number;
  flagged: boolean;
}
// Issue 14, catalog import: the reply views of POST /api/imports, admin.importStatus and admin.importLines.
export type ImportOutcome = import('../../engine/core/catalog-import/types.ts').ImportOutcome;
export type ImportLineView = import('../../engine/core/catalog-import/types.ts').PlanLine;
export type ImportStatusView = import('../../engine/io/catalog-import/import-job.ts').ImportStatus;
export type ImportLinesView = ReturnType<typeof import('../../engine/io/catalog-import/import-job.ts').linesPage>;
// Issue 14, Lager and Ändringslogg: the reply views.
/** stock.levels: an article's balance and minimum level (0: none) in every warehouse. */
export interface StockLevelsView {
  artNo: string;
  name: string;
  rows: Array<{
    warehouse: string;
    warehouseName: string;
    warehouseKind: string;
    onHand: number;
    reserved: number;
    available: number;
    minLevel: number;
  }>;
}
/** stock.ledger: one page of an article's movements, newest first. */
export interface LedgerPageView {
  artNo: string;
  lines: Array<{
    seq: number;
    timeMs: number;
    warehouse: string;
    cause: 'adjusted' | 'reserved' | 'served' | 'dispatched' | 'released';
    reason: string | null;
    note: string;
    userId: string;
    orderNo: number | null;
    pickupNo: number | null;
    onHandDelta: number;
    reservedDelta: number;
    onHandAfter: number | null;
    reservedAfter: number | null;
  }>;
  next: string | null;
}
/** stock.belowMin: rows under their minimum level. */
export interface BelowMinView {
  rows: Array<{
    artNo: string;
    name: string;
    warehouse: string;
    onHand: number;
    reserved: number;
    available: number;
    minLevel: number;
  }>;
  total: number;
  next: string | null;
}
/** admin.changeLog: one page of administrative changes, newest first. */
export interface ChangeLogView {
  changes: Array<{
    seq: number;
    timeMs: number;
    n: number;
    type: string;
    userId: string;
    entityKind: string;
    entityId: string;
    beforeKnown: boolean;
    removed: boolean;
    context: Record<string, string | number> | null;
    fields: Array<{ field: string; before?: unknown; after?: unknown }>;
  }>;
  next: string | null;
}

// Issue 15, patient: the patient view complete (payer per device, Registrerade AO, Komponenter på väg).
/** Betalare of a device: the region or the patient's municipality (payer.rules). */
export interface PayerView {
  kind: 'region' | 'municipality';
  name: string;
  isoPrefix: string | null;
}
export interface DeviceView {
  payer: PayerView;
}
/** A work order about the patient (Registrerade AO), as patient.get lists it. */
export interface PatientWorkOrderView {
  woNo: number;
  createdDate: string;
  destination: 'technicalService' | 'consultant' | 'dako';
  status: 'registered' | 'inProgress' | 'waitingForParts' | 'done' | 'cancelled';
  title: string;
  text: string;
  device: { indNo: number; artNo: string; name: string } | null;
  prescriberName: string;
  comments: Array<{ timeMs: number; author: string; text: string }>;
}
/** An open order line completing an individual the patient holds (K-<indNo>). */
export interface ComponentOnTheWayView {
  orderNo: number;
  lineNo: number;
  forIndividual: number;
  forArticleName: string | null;
  artNo: string;
  name: string;
  quantity: number;
  status: LineStatus;
  placedDate: string;
  plannedDeliveryDate: string | null;
}
export interface PatientView {
  workOrders: { rows: PatientWorkOrderView[]; total: number; withheld: number };
  componentsOnTheWay: { rows: ComponentOnTheWayView[]; total: number; withheld: number };
}
/** payer.rules */
export interface PayerRulesView {
  rules: Array<{ isoPrefix: string; payer: 'region' | 'municipality'; note: string }>;
  defaultPayer: { kind: 'region'; name: string };
}
// Issue 15, print:
/** A sale article a patient holds, as patient.get lists it in `saleArticles` (added by issue 15's patient view). */
export interface PrintSaleArticle {
  artNo: string;
  name: string;
  isoCode: string;
  quantity: number;
  lastOrderNo: number | null;
  lastDeliveredDate: string | null;
}

/** patient.get as the return document reads it: saleArticles only when the engine sends them. */
export type PrintPatientView = PatientView & { saleArticles?: PrintSaleArticle[] };
// Issue 15, desk (Mina anteckningar, Avvikelse / reklamation):
/** A patient as a note or a deviation report shows them (name hidden for a protected identity). */
export interface DeskPatient {
  pnr: string;
  pnrDisplay: string;
  name: string;
  protectedIdentity: boolean;
}
/** note.list, note.create, note.update: one of the caller's own notes. */
export interface NoteView {
  noteNo: number;
  createdMs: number;
  updatedMs: number;
  text: string;
  orderNo: number | null;
  patient: DeskPatient | null;
}
export type DeviationStatus = 'new' | 'investigating' | 'reportedToSupplier' | 'closed';
export type DeviationCategory = 'incident' | 'risk' | 'productFault';
/** deviation.list, deviation.get and the commands' replies: a report with its comments. */
export interface DeviationView {
  deviationNo: number;
  createdMs: number;
  category: DeviationCategory;
  text: string;
  artNo: string;
  articleName: string;
  indNo: number | null;
  patient: DeskPatient | null;
  source: { kind: 'patient' | 'individual' | 'workOrder' | 'pickup' | 'desk'; ref: number | null };
  status: DeviationStatus;
  statusChangedMs: number;
  reporter: { id: string; name: string };
  comments: Array<{ timeMs: number; userId: string; author: string; text: string }>;
  attachments: Array<{ id: string; name: string; contentType: string; bytes: number }>;
  nextStatuses: DeviationStatus[];
}
/** deviation.countsByArticle: reports per article and category. */
export interface DeviationCountsView {
  articles: number;
  rows: Array<{ artNo: string; name: string; incident: number; risk: number; productFault: number; total: number }>;
}
// Issue 15, loans:
export type LoanType = 'permanent' | 'shortTerm' | 'trial';
/** A unit's open loan (patient.get devices, individual.get). */
export interface DeviceLoan {
  loanNo: number;
  type: LoanType;
  dueDate: string | null;
  orderNo: number;
  openedDate: string;
}
/** A row of loan.list. */
export interface ListedLoan extends DeviceLoan {
  indNo: number;
  artNo: string;
  name: string;
  dueState: 'overdue' | 'dueSoon' | 'later';
  workingDaysLeft: number;
  prescriber: { id: string; name: string };
  patient: { pnr: string; pnrDisplay: string; name: string; protectedIdentity: boolean };
}
/** loan.list */
export interface LoanListView {
  total: number;
  loans: ListedLoan[];
  withheld: number;
  reminderWorkingDays: number;
}
// Issue 15, returns (Retur av hjälpmedel):
/** patient.get `saleArticles`: a sale article (förbrukningsartikel) the patient holds. */
export interface SaleArticleView {
  artNo: string;
  name: string;
  isoCode: string;
  quantity: number;
  lastOrderNo: number;
  lastDeliveredDate: string | null;
}
export type ReturnDisposition = 'discard' | 'sendBack' | 'keep';
/** patient.returned: one thing the patient held and returned. */
export interface ReturnedView {
  timeMs: number;
  date: string;
  how: 'pickup' | 'return' | 'deregistration';
  artNo: string;
  name: string;
  isoCode: string;
  quantity: number;
  indNo: number | null;
  pickupNo: number | null;
  returnNo: number | null;
  disposition: ReturnDisposition | null;
}
/** return.register's reply. */
export interface ReturnReceipt {
  returnNo: number;
  date: string;
  warehouse: string;
  disposition: ReturnDisposition;
  status: string;
  lines: Array<{ artNo: string; quantity: number }>;
}
/** return.list: a sent-back return as HMC sees it (no patient). */
export interface ReturnListRow {
  returnNo: number;
  timeMs: number;
  date: string;
  warehouse: string;
  workplaceName: string;
  prescriberName: string;
  status: 'done' | 'onTheWay' | 'received' | 'discardedAtHmc';
  lines: Array<{ artNo: string; name: string; quantity: number }>;
  handledByName: string | null;
  handledMs: number | null;
}
/** return.bufferStock: one article of the acting workplace's buffer. */
export interface BufferRow {
  artNo: string;
  name: string;
  onHand: number;
  reserved: number;
  available: number;
  kept: number;
}
