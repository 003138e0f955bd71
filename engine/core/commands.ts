// Commands: what a caller asks the core to do, after the edge has validated it. The user is already authenticated.
import type { Address, Article, Supplier } from '../../schemas/entities.ts';
import type { OrderSource, PurposeCode, ReplacementDecision } from '../../schemas/orders.ts';
// Issue 15, loans:
import type { LoanType } from '../../schemas/orders.ts';
import type { Profession, StockReason } from '../../schemas/primitives.ts';
import type { UserProfile } from '../../schemas/admin-users.ts';
import type { RecallProgress } from '../../schemas/recalls.ts';
// Issue 15, returns:
import type { ReturnDisposition, ReturnOutcome } from '../../schemas/returns.ts';

export interface StockAdjust {
  type: 'stock.adjust';
  userId: string;
  warehouse: string;
  artNo: string;
  delta: number;
  reason: StockReason;
  note: string;
  /** Rental write-off: which units (else the most recently registered free ones). */
  individuals?: readonly number[];
}

export interface ArticleUpsert {
  type: 'article.upsert';
  userId: string;
  article: Article;
  /** A create: refuse an article number that exists (article_exists) instead of replacing it. */
  expectNew?: boolean;
}

/** order.place, validated at the edge (PlaceArgs); the core resolves personnummer, workplace and stock. */
export interface OrderPlace {
  type: 'order.place';
  userId: string;
  idempotencyKey: string;
  recipient: { kind: 'patient'; pnr: string } | { kind: 'careUnit'; customerNo: string };
  workplaceId?: string;
  source: OrderSource;
  lines: Array<{
    artNo: string;
    quantity: number;
    forIndividual?: number;
    replacement?: ReplacementDecision;
    purpose?: PurposeCode;
    // Issue 15, loans:
    loan?: { type: LoanType; dueDate?: string };
  }>;
  delivery: {
    address?: Address;
    contactName?: string;
    contactPhone?: string;
    partial: boolean;
  };
  otherInfo: string;
}

/** The prescriber cancels a whole order while nothing of it is picked. */
export interface OrderCancel {
  type: 'order.cancel';
  userId: string;
  orderNo: number;
}

/** HMC moves lines one step: registered → picking → dispatched → delivered, or cancels them. */
export interface FulfilStep {
  type: 'fulfil.step';
  userId: string;
  step: 'pick' | 'dispatch' | 'deliver' | 'cancel';
  orderNo: number;
  /** null: every line of the order that can make the step. */
  lineNos: number[] | null;
}

export interface SetDeliveryDate {
  type: 'order.setDeliveryDate';
  userId: string;
  orderNo: number;
  date: string;
  note: string;
}

export interface MessageDelete {
  type: 'message.delete';
  userId: string;
  messageNo: number;
}

export interface PrescribingRuleSetCommand {
  type: 'prescribingRule.set';
  userId: string;
  profession: Profession;
  isoPrefixes: string[];
}

export type OrderCommand =
  | OrderPlace
  | OrderCancel
  | FulfilStep
  | SetDeliveryDate
  | MessageDelete
  | PrescribingRuleSetCommand;

/** Dina uppgifter: the caller's own e-mail and phone. */
export interface ProfileUpdate {
  type: 'profile.update';
  userId: string;
  email: string;
  phone: string;
}

/** HMC news: publish a notice to every start page, or withdraw one. */
export interface NewsPublish {
  type: 'news.publish';
  userId: string;
  title: string;
  text: string;
}

export interface NewsDelete {
  type: 'news.delete';
  userId: string;
  newsNo: number;
}

/** Arbetsorder: an errand to Teknisk Service, a consultant or Dako, standalone or about a held device. */
export interface WorkOrderCreate {
  type: 'workOrder.create';
  userId: string;
  destination: 'technicalService' | 'consultant' | 'dako';
  indNo?: number;
  /** Personnummer as typed; parsed against the command's time. */
  pnr?: string;
  title: string;
  text: string;
  /** The acting workplace (and so care provider); absent: the user's first. */
  workplaceId?: string;
  /** Files the caller uploaded (the io layer checked they exist and are theirs). */
  attachments: ReadonlyArray<{ id: string; name: string; contentType: string; bytes: number }>;
}

/** HMC moves a work order on (status) and/or comments for the prescriber; the prescriber may cancel a new one. */
export interface WorkOrderUpdate {
  type: 'workOrder.update';
  userId: string;
  woNo: number;
  status?: 'registered' | 'inProgress' | 'waitingForParts' | 'done' | 'cancelled';
  comment?: string;
}

/** A verified sign-in (password or OIDC) about to get a session: refused for a dormant account. */
export interface UserSignIn {
  type: 'user.signIn';
  userId: string;
}

/** admin.userReactivate: a dormant account may sign in again. */
export interface UserReactivate {
  type: 'user.reactivate';
  userId: string;
  byUserId: string;
}

export type Command =
  | StockAdjust
  | ArticleUpsert
  | ArticleImportBatch
  | ProfileUpdate
  | UserSignIn
  | UserReactivate
  | OrderCommand
  | PickupCreate
  | PickupCancel
  | NewsPublish
  | NewsDelete
  | WorkOrderCreate
  | WorkOrderUpdate
  | PatientAccessCommand
  // Issue 14, Ersättningskedjor + ISO 9999 + Leverantörer:
  | ReferenceCommand
  | UserAdminCommand
  // Issue 14, HMC oversight:
  | SettingSet
  // Issue 14, Lager:
  | StockMinSet
  // Issue 15, desk:
  | DeskCommand
  // Issue 15, loans:
  | LoanCommand
  // Issue 15, recalls:
  | RecallCommand
  // Issue 15, returns:
  | ReturnCommand;

/** What the engine passes in with each command, so the core never reads the clock or invents ids. */
export interface CommandContext {
  timeMs: number;
  seq: number;
}

/** Hämtorder: fetch these units from the patient who holds them. */
export interface PickupCreate {
  type: 'pickup.create';
  userId: string;
  /** Personnummer as typed; parsed against the command's time. */
  pnr: string;
  indNos: readonly number[];
  address?: { street: string; postalCode: string; city: string };
  contactName: string;
  contactPhone: string;
  reason: string;
  /** The acting workplace (and so care provider); absent: the user's first. */
  workplaceId?: string;
}

export interface PickupCancel {
  type: 'pickup.cancel';
  userId: string;
  pickupNo: number;
}

// Care-provider boundaries (issue 13): consent and emergency access, made under the acting workplace.
export interface PatientRecordConsent {
  type: 'patient.recordConsent';
  userId: string;
  workplaceId: string;
  /** Personnummer as typed; parsed against the command's time. */
  pnr: string;
}

export interface PatientEmergencyAccess {
  type: 'patient.emergencyAccess';
  userId: string;
  workplaceId: string;
  pnr: string;
  reason: string;
}

export type PatientAccessCommand = PatientRecordConsent | PatientEmergencyAccess;

// Issue 14, Ersättningskedjor + ISO 9999 + Leverantörer: admin commands on reference data.
/** admin.replacementSet: set or clear one article's replaced-by link (journaled as article.upserted). */
export interface ReplacementSet {
  type: 'replacement.set';
  userId: string;
  artNo: string;
  replacedBy: string | null;
}

/** admin.isoTitleSet: a new Swedish title for an ISO 9999 node. */
export interface IsoSetTitle {
  type: 'iso.setTitle';
  userId: string;
  code: string;
  titleSv: string;
}

/** admin.supplierUpsert: create (expectNew true), edit (false) or either (absent). */
export interface SupplierUpsert {
  type: 'supplier.upsert';
  userId: string;
  supplier: Supplier;
  expectNew?: boolean;
}

export type ReferenceCommand = ReplacementSet | IsoSetTitle | SupplierUpsert;
// Issue 14, Användare och arbetsplatser: an admin (`userId`) creates, edits, deactivates and activates accounts and
// sets a password (demo auth; the hash is computed at the edge).
export interface UserUpsert {
  type: 'user.upsert';
  userId: string;
  user: UserProfile;
  expectNew: boolean;
}

export interface UserDeactivate {
  type: 'user.deactivate';
  userId: string;
  targetUserId: string;
}

export interface UserActivate {
  type: 'user.activate';
  userId: string;
  targetUserId: string;
}

export interface UserPasswordResetCommand {
  type: 'user.passwordReset';
  userId: string;
  targetUserId: string;
  passwordHash: string;
}

export type UserAdminCommand = UserUpsert | UserDeactivate | UserActivate | UserPasswordResetCommand;
// Issue 14, HMC oversight:
/** admin.settingSet: a named setting (schemas/settings.ts) to a new value; the core checks key and bounds. */
export interface SettingSet {
  type: 'setting.set';
  userId: string;
  key: string;
  value: number;
}
// Issue 14, catalog import: one batch of an import's articles (the import runner, engine/io/catalog-import/).
export interface ArticleImportBatch {
  type: 'article.importBatch';
  userId: string;
  articles: readonly Article[];
}
// Issue 14, Lager:
/** admin.stockMinSet: an article's minimum level in a warehouse (0 clears it). */
export interface StockMinSet {
  type: 'stock.minSet';
  userId: string;
  warehouse: string;
  artNo: string;
  minLevel: number;
}

// Issue 15, desk: Mina anteckningar (the author's own notes) and Avvikelse / reklamation (reports and HMC's desk).
/** note.create: a private note, free or about a patient (personnummer as typed) or an order. */
export interface NoteCreate {
  type: 'note.create';
  userId: string;
  text: string;
  pnr?: string;
  orderNo?: number;
  /** The acting workplace (and so care provider); absent: the user's first. */
  workplaceId?: string;
}

/** note.update: new text for one of the author's notes. */
export interface NoteUpdate {
  type: 'note.update';
  userId: string;
  noteNo: number;
  text: string;
}

/** note.delete: the author removes one of their notes. */
export interface NoteDelete {
  type: 'note.delete';
  userId: string;
  noteNo: number;
}

/** deviation.create: a report about an individual (its article follows) or an article, maybe a patient. */
export interface DeviationCreate {
  type: 'deviation.create';
  userId: string;
  category: 'incident' | 'risk' | 'productFault';
  text: string;
  indNo?: number;
  artNo?: string;
  /** Personnummer as typed; parsed against the command's time. */
  pnr?: string;
  source: { kind: 'patient' | 'individual' | 'workOrder' | 'pickup' | 'desk'; ref: number | null };
  workplaceId?: string;
  /** Files the caller uploaded (the io layer checked they exist and are theirs). */
  attachments: ReadonlyArray<{ id: string; name: string; contentType: string; bytes: number }>;
}

/** deviation.comment: HMC or the reporter adds a comment. */
export interface DeviationComment {
  type: 'deviation.comment';
  userId: string;
  deviationNo: number;
  text: string;
}

/** deviation.setStatus: HMC moves a report on, optionally saying why. */
export interface DeviationSetStatus {
  type: 'deviation.setStatus';
  userId: string;
  deviationNo: number;
  status: 'new' | 'investigating' | 'reportedToSupplier' | 'closed';
  comment?: string;
}

export type DeskCommand =
  | NoteCreate
  | NoteUpdate
  | NoteDelete
  | DeviationCreate
  | DeviationComment
  | DeviationSetStatus;
// Issue 15, loans:
/** The prescriber who ordered (or HMC staff) turns a short-term loan or trial into tills vidare. */
export interface LoanMakePermanent {
  type: 'loan.makePermanent';
  userId: string;
  loanNo: number;
}

/** The prescriber who ordered (or HMC staff) moves a loan's due date later, within its type's limit. */
export interface LoanExtend {
  type: 'loan.extend';
  userId: string;
  loanNo: number;
  dueDate: string;
}

/** Sent by the io layer on a timer (and at start) with its time: the due messages owed as of that time go out. */
export interface LoanSweep {
  type: 'loan.sweep';
}

export type LoanCommand = LoanMakePermanent | LoanExtend | LoanSweep;
// Issue 15, recalls:
/** recall.create: an article (or a range of its individual numbers) recalled with a notice. */
export interface RecallCreate {
  type: 'recall.create';
  userId: string;
  artNo: string;
  indNoFrom?: number;
  indNoTo?: number;
  notice: string;
}
/** recall.setProgress: holders' progress (contacted / replaced / returned, or back to none). */
export interface RecallSetProgress {
  type: 'recall.setProgress';
  userId: string;
  recallNo: number;
  entries: readonly { holderKey: string; progress: RecallProgress }[];
}
/** recall.close: every holder done, or forced with a reason. */
export interface RecallClose {
  type: 'recall.close';
  userId: string;
  recallNo: number;
  force: boolean;
  reason?: string;
}
export type RecallCommand = RecallCreate | RecallSetProgress | RecallClose;
// Issue 15, returns (Retur av hjälpmedel):
/** return.register: a prescriber de-registers sale articles a patient holds into the acting workplace's buffer. */
export interface ReturnRegister {
  type: 'return.register';
  userId: string;
  workplaceId: string;
  pnr: string;
  disposition: ReturnDisposition;
  lines: ReadonlyArray<{ artNo: string; quantity: number }>;
}
/** return.receive: HMC receives a sent-back return into warehouse 10 stock or discards it. */
export interface ReturnReceive {
  type: 'return.receive';
  userId: string;
  returnNo: number;
  outcome: ReturnOutcome;
}
export type ReturnCommand = ReturnRegister | ReturnReceive;
