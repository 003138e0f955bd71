// The operations of the WebSocket API: arguments, allowed roles and a one-line doc each. The API reference is generated from this table.
import { z } from 'zod';
import {
  ARTICLE_IMPACT_ORDERS_SHOWN,
  PASSWORD_CHARS_MAX,
  PROFILE_EMAIL_CHARS_MAX,
  PROFILE_PHONE_CHARS_MAX,
  REASON_NOTE_CHARS_MAX,
  REGISTER_HITS_MAX,
  REGISTER_OFFSET_MAX,
  SEARCH_HITS_MAX,
  SEARCH_OFFSET_MAX,
  SEARCH_TEXT_CHARS_MAX,
  SUGGESTIONS_MAX,
  SUPPLIER_FILTER_CHARS_MAX,
  RENTAL_UNITS_PER_ADJUST_MAX,
  STOCK_DELTA_MAX,
  TOKEN_CHARS_MAX,
  USERNAME_CHARS_MAX,
} from './limits.ts';
import { Article } from './entities.ts';
import {
  FulfilArgs,
  MessageNo,
  OrderListArgs,
  OrderNo,
  PlaceArgs,
  PrescribingRule,
  QuoteArgs,
  SetDeliveryDateArgs,
} from './orders.ts';
import { AccessLogPatientArgs, AccessLogReviewArgs, AccessLogSampleArgs, AccessLogUserArgs } from './access-log.ts';
import { PickupCreateArgs, PickupListArgs, PickupNo } from './pickups.ts';
import { NewsListArgs, NewsNo, NewsPublishArgs } from './news.ts';
import { WorkOrderCreateArgs, WorkOrderListArgs, WorkOrderUpdateArgs } from './work-orders.ts';
import { PasswordResetArgs, UserListArgs, UserUpsertArgs } from './admin-users.ts';
import { ConsentListArgs, EmergencyAccessArgs, RecordConsentArgs, SetWorkplaceArgs } from './patient-access.ts';
// Issue 14, Ersättningskedjor + ISO 9999 + Leverantörer:
import {
  IsoTitleSetArgs,
  ReplacementChainArgs,
  ReplacementCheckArgs,
  ReplacementSetArgs,
  SupplierUpsertArgs,
} from './reference.ts';
// Issue 14, HMC oversight:
import { BackorderListArgs, SettingSetArgs } from './settings.ts';
import { ImportIdArgs, ImportLinesArgs } from './catalog-import.ts';
// Issue 15, desk:
import { NoteCreateArgs, NoteDeleteArgs, NoteListArgs, NoteUpdateArgs } from './notes.ts';
import {
  DeviationCommentArgs,
  DeviationCountsArgs,
  DeviationCreateArgs,
  DeviationGetArgs,
  DeviationListArgs,
  DeviationSetStatusArgs,
} from './deviations.ts';
// Issue 15, recalls:
import {
  RecallCloseArgs,
  RecallCreateArgs,
  RecallGetArgs,
  RecallListArgs,
  RecallNoticeArgs,
  RecallPreviewArgs,
  RecallSetProgressArgs,
} from './recalls.ts';
import {
  ArtNo,
  IndNo,
  IsoCode,
  Page,
  PnrInput,
  Profession,
  type Role,
  UserId,
  StockReason,
  WarehouseId,
} from './primitives.ts';
// Issue 14, Lager and Ändringslogg:
import { BelowMinArgs, ChangeLogArgs, StockLedgerArgs, StockMinSetArgs } from './stock-admin.ts';
// Issue 15, loans:
import { LoanExtendArgs, LoanListArgs, LoanMakePermanentArgs } from './loans.ts';
// Issue 15, returns:
import { ReturnListArgs, ReturnReceiveArgs, ReturnRegisterArgs } from './returns.ts';

/**
 * Topics a client may subscribe to. `stock/<artNo>`: a push after every committed change of that article's stock.
 * `orders` (staff only): every placement and line status change. `orders/<userId>` and `messages/<userId>`: that
 * user's own orders and messages (only that user may subscribe). `pickups` (staff only): every pickup order change. The push shapes are in the `subscribe` doc below;
 * order topics carry one batch per group commit, so a hundred staff screens cost a hundred sends per commit.
 */
export const Topic = z
  .string()
  .regex(
    /^(stock\/\d{6}|orders|pickups|articles|loans|returns|orders\/[a-z0-9_-]{1,32}|messages\/[a-z0-9_-]{1,32}|recalls)$/,
    'topic is stock/<artNo>, orders, pickups, articles, loans, returns, orders/<userId>, messages/<userId> or recalls',
  )
  // Issue 15, desk: `deviations` (staff: every report) and `deviations/<userId>` (the reporter's own).
  .or(z.string().regex(/^deviations(\/[a-z0-9_-]{1,32})?$/, 'topic is deviations or deviations/<userId>'));

const Empty = z.object({}).strict();

export type OpKind = 'session' | 'query' | 'command';
export interface OpSpec<A extends z.ZodType = z.ZodType> {
  args: A;
  kind: OpKind;
  /** Who may call it; `null` means no session is needed (login, resume). */
  roles: readonly Role[] | null;
  doc: string;
}

const everyone: readonly Role[] = ['prescriber', 'staff', 'admin'];
const staff: readonly Role[] = ['staff', 'admin'];
const admin: readonly Role[] = ['admin'];
const prescriber: readonly Role[] = ['prescriber'];
// Access log (patientdatalagen) part of issue 13:
const logReviewer: readonly Role[] = ['logReviewer'];

function op<A extends z.ZodType>(spec: OpSpec<A>): OpSpec<A> {
  return spec;
}

export const OPS = {
  'session.login': op({
    kind: 'session',
    roles: null,
    args: z
      .object({
        username: z.string().min(1).max(USERNAME_CHARS_MAX),
        password: z.string().min(1).max(PASSWORD_CHARS_MAX),
      })
      .strict(),
    doc: 'Sign in; returns a session token and the user (profession, roles, workplaces). Binds the connection to the session.',
  }),
  'session.resume': op({
    kind: 'session',
    roles: null,
    args: z.object({ token: z.string().min(1).max(TOKEN_CHARS_MAX) }).strict(),
    doc: 'Bind a new connection (after a reconnect) to an existing session; returns the user.',
  }),
  'session.logout': op({
    kind: 'session',
    roles: everyone,
    args: Empty,
    doc: 'End the session; the token stops working on every connection.',
  }),
  'profile.update': op({
    kind: 'command',
    roles: everyone,
    args: z
      .object({
        email: z.string().trim().max(PROFILE_EMAIL_CHARS_MAX).pipe(z.email()),
        phone: z
          .string()
          .trim()
          .min(5)
          .max(PROFILE_PHONE_CHARS_MAX)
          .regex(/^\+?[0-9][0-9 ()-]*$/, 'digits, spaces, ( ) and - only'),
      })
      .strict(),
    doc: 'Dina uppgifter: the caller updates the e-mail and phone number HMC reaches them on; replies with the user as session.login does. Acknowledged after the change is durable.',
  }),
  'catalog.isoTree': op({
    kind: 'query',
    roles: everyone,
    args: z
      .object({
        code: IsoCode.optional(),
        depth: z.number().int().min(1).max(3).default(3),
        includeStock: z.boolean().default(false),
      })
      .strict(),
    doc: 'The ISO 9999 tree (or the subtree under `code`, `depth` levels down) with Swedish and English titles, article counts and, with includeStock, how many articles have available stock in warehouse 10.',
  }),
  'catalog.list': op({
    kind: 'query',
    roles: everyone,
    args: z
      .object({
        isoCode: IsoCode,
        inStockOnly: z.boolean().default(false),
        warehouse: WarehouseId.optional(),
        includeDiscontinued: z.boolean().default(false),
        ...Page,
      })
      .strict(),
    doc: 'Articles in the subtree of an ISO code, by name, paged; with inStockOnly only those with available stock (warehouse 10 or the given one).',
  }),
  'catalog.search': op({
    kind: 'query',
    roles: everyone,
    args: z
      .object({
        text: z.string().max(SEARCH_TEXT_CHARS_MAX).optional(),
        supplier: z.string().max(SUPPLIER_FILTER_CHARS_MAX).optional(),
        isoCode: IsoCode.optional(),
        inStockOnly: z.boolean().default(false),
        includeDiscontinued: z.boolean().default(false),
        warehouse: WarehouseId.optional(),
        limit: z.number().int().min(1).max(SEARCH_HITS_MAX).default(20),
        offset: z.number().int().min(0).max(SEARCH_OFFSET_MAX).default(0),
      })
      .strict(),
    doc: 'Forgiving catalog search: article number (exact or prefix), name words (prefix while typing, typos, å/ä/ö folded), supplier, ISO titles; filters supplier, ISO subtree, in stock (warehouse 10 or the given one). Hits carry live balances.',
  }),
  'catalog.suggest': op({
    kind: 'query',
    roles: everyone,
    args: z
      .object({
        text: z.string().min(1).max(SEARCH_TEXT_CHARS_MAX),
        limit: z.number().int().min(1).max(SUGGESTIONS_MAX).default(8),
      })
      .strict(),
    doc: 'Type-ahead completions for the search box.',
  }),
  'catalog.article': op({
    kind: 'query',
    roles: everyone,
    args: z.object({ artNo: ArtNo }).strict(),
    doc: "Everything the article page shows: article, supplier, ISO path, available balance in warehouse 10 and in the caller's buffer, set parts, accessories, replacement.",
  }),
  'stock.get': op({
    kind: 'query',
    roles: everyone,
    args: z.object({ artNo: ArtNo, warehouse: WarehouseId.optional() }).strict(),
    doc: 'Stock balances (onHand, reserved, available) of an article, per warehouse or in one warehouse.',
  }),
  'register.search': op({
    kind: 'query',
    roles: everyone,
    args: z
      .object({
        text: z.string().trim().min(2).max(SEARCH_TEXT_CHARS_MAX),
        limit: z.number().int().min(1).max(REGISTER_HITS_MAX).default(20),
        offset: z.number().int().min(0).max(REGISTER_OFFSET_MAX).default(0),
      })
      .strict(),
    doc: 'Population register (CFR) search by personnummer, name, street or municipality; all terms must match. Pages with `offset`/`limit`; `total` counts every match, and only the returned page is access-logged. Residents of other regions are marked not prescribable; protected identities are never listed.',
  }),
  'patient.get': op({
    kind: 'query',
    roles: everyone,
    args: z.object({ pnr: PnrInput }).strict(),
    doc: "A person by personnummer with prescribability and the devices (individuals) they hold, each with the order that delivered it (`delivery`: order number, order date, delivery date, prescriber) when Aidstock delivered it, and its payer (`payer`, see payer.rules); `workOrders` (Registrerade AO about the patient, newest first) and `componentsOnTheWay` (open lines completing an individual, K-<indNo>), each with `withheld` for another care provider's entries. Every look-up is logged with the caller.",
  }),
  'individual.get': op({
    kind: 'query',
    roles: everyone,
    args: z.object({ indNo: IndNo }).strict(),
    doc: "Individual card (individkort): article, holder (warehouse, patient, care unit, in transit, written off), who prescribed it to that holder and the holder's orders that gave or completed the unit (newest first). Units in an investigation warehouse (999/999A) carry `contactHmc: true`; a protected identity shows only `protectedIdentity: true`. A look-up that shows a patient is logged like patient.get.",
  }),
  'workorder.create': op({
    kind: 'command',
    roles: prescriber,
    args: WorkOrderCreateArgs,
    doc: 'Arbetsorder: an errand to Teknisk Service (`technicalService`), a hjälpmedelskonsulent (`consultant`) or Dako (`dako`), title ≤ 70 and text ≤ 255 characters, standalone or about a device a patient holds (`indNo`; the patient is its holder) or a patient (`pnr`). Attachments: ids from `POST /api/attachments` (uploaded by the caller, at most 5). Replies with the work order once durable.',
  }),
  'workorder.list': op({
    kind: 'query',
    roles: everyone,
    args: WorkOrderListArgs,
    doc: "Registrerade AO, newest first: a prescriber's own work orders (HMC staff: all, the desk), optionally only open ones or one destination; with status, patient, device and HMC's comments.",
  }),
  'workorder.update': op({
    kind: 'command',
    roles: everyone,
    args: WorkOrderUpdateArgs,
    doc: 'HMC staff move a work order on (`registered`, `inProgress`, `waitingForParts`, `done`, `cancelled`) and/or add a comment the prescriber reads; a finished one takes comments only (`invalid_transition`). A prescriber may only cancel their own while it is `registered`.',
  }),
  'news.list': op({
    kind: 'query',
    roles: everyone,
    args: NewsListArgs,
    doc: 'Aktuellt från Hjälpmedelscentrum: the news HMC has published, newest first (withdrawn ones are not listed).',
  }),
  'admin.newsPublish': op({
    kind: 'command',
    roles: staff,
    args: NewsPublishArgs,
    doc: "Publish a news item (title, text) to every user's start page. Replies with the item once it is durable.",
  }),
  'admin.newsDelete': op({
    kind: 'command',
    roles: staff,
    args: z.object({ newsNo: NewsNo }).strict(),
    doc: 'Withdraw a news item from the start pages (kept for the record).',
  }),
  'pickup.create': op({
    kind: 'command',
    roles: prescriber,
    args: PickupCreateArgs,
    doc: 'Hämtorder: ask HMC to fetch devices (individuals) a patient holds — `indNos` (each held by the patient, not already in an open pickup: `not_holder`, `pickup_exists`), the address (default: the registered one), a contact and a reason for the driver. Replies with the pickup order, acknowledged after it is durable. A unit is done when HMC receives it back (`admin.stockAdjust` reason `returned`); the pickup is `collected` when all are.',
  }),
  'pickup.list': op({
    kind: 'query',
    roles: everyone,
    args: PickupListArgs,
    doc: "Pickup orders, newest first: a prescriber's own (HMC staff see all), optionally only open ones or one patient's; with the patient, prescriber and each unit's article and return time.",
  }),
  'pickup.cancel': op({
    kind: 'command',
    roles: everyone,
    args: z.object({ pickupNo: PickupNo }).strict(),
    doc: 'Cancel a pickup order before any unit has come back (`pickup_not_cancellable` after); the prescriber who asked or HMC staff.',
  }),
  'order.quote': op({
    kind: 'query',
    roles: prescriber,
    args: QuoteArgs,
    doc: 'Preview of an order before it is placed: per line the available balance, `outcome` (available, proposal, backorder, discontinued, problem), a replacement proposal (first equivalent with stock along the chain), set parts and the purpose codes to ask for; the most common accessories; delivery defaults. `recipient` is `{ kind: "patient", pnr }` or `{ kind: "careUnit", customerNo }`; lines `{ artNo, quantity, forIndividual? }`. Changes nothing.',
  }),
  'order.place': op({
    kind: 'command',
    roles: prescriber,
    args: PlaceArgs,
    doc: 'Place a customer order for a resident patient or one of your care units, from warehouse 10 or your buffer. Lines `{ artNo, quantity, forIndividual? (K-<indNo>), replacement?: "accept" | "refuse", purpose?: PV | BA | BT | LÖ | TR | VB | ÖM }`; a line without stock needs `replacement` when a proposal exists (else `replacement_required`), otherwise it becomes a backorder; set parts are added. `delivery` `{ address?, contactName?, contactPhone?, partial }`. The same `idempotencyKey` returns the same order (`replayed: true`). Acknowledged (order number, planned pick and delivery dates on working days: weekends, Swedish holidays and the midsummer, Christmas and New Year eves skipped; lines, accessory offers) after the order and its reservations are durable.',
  }),
  'order.get': op({
    kind: 'query',
    roles: everyone,
    args: z.object({ orderNo: OrderNo }).strict(),
    doc: 'Prescription overview of one order: prescriber, workplace, recipient, delivery, planned pick and delivery dates, every line with status, replacement taken, individuals, K-components.',
  }),
  'order.list': op({
    kind: 'query',
    roles: everyone,
    args: OrderListArgs,
    doc: 'Orders newest first by criteria (open, mine, prescriber, patient, care unit, workplace, warehouse, line status, placement dates), paged; with the line counts per status and the seq they are as of.',
  }),
  'order.cancel': op({
    kind: 'command',
    roles: prescriber,
    args: z.object({ orderNo: OrderNo }).strict(),
    doc: 'Cancel your own order while no line is picked; its reservations go back (to waiting backorders first).',
  }),
  'message.list': op({
    kind: 'query',
    roles: everyone,
    args: z.object({ ...Page }).strict(),
    doc: 'Your messages (changed delivery dates), newest first.',
  }),
  'message.delete': op({
    kind: 'command',
    roles: everyone,
    args: z.object({ messageNo: MessageNo }).strict(),
    doc: 'Delete one of your own messages.',
  }),
  'prescribingRule.list': op({
    kind: 'query',
    roles: everyone,
    args: Empty,
    doc: 'The prescribing rules (hjälpmedelsanvisningar): per profession the ISO codes it may prescribe.',
  }),
  subscribe: op({
    kind: 'session',
    roles: everyone,
    args: z.object({ topic: Topic }).strict(),
    doc:
      'Receive pushes `{ topic, event }` on a topic, sent after each committed change (never before it is durable). ' +
      '`stock/<artNo>`: `{ type: "stock", seq, warehouse, artNo, onHand, reserved, available }` per changed stock row. ' +
      '`orders` and `orders/<userId>`: one push per group commit, `{ type: "orders", seq, orders, counts? }`, where `orders` ' +
      'lists the commit\'s order changes in seq order, each `{ type: "order", change: "placed" | "status" | "deliveryDate", seq, ' +
      'orderNo, prescriberId, warehouse, customerNo, recipientKind, placedMs, status, partialDelivery, plannedPickDate, ' +
      'plannedDeliveryDate, lines: [{ lineNo, artNo, quantity, status }] }`, `seq` is the last of them, and `counts` (line ' +
      'counts per status as of that seq) comes on the staff topic `orders` only. `messages/<userId>`: ' +
      '`{ type: "message" | "messageDeleted", seq, message }`. `pickups` (staff only): `{ type: "pickup", seq, pickupNo, status }` ' +
      'per changed pickup order (read it with pickup.list). ' +
      '`articles` (any signed-in user): `{ type: "article", seq, article }` per changed article, `article` as ' +
      'catalog.article shows it (with `available.main`, no buffer).' +
      // Issue 15, desk:
      ' `deviations` (staff only) and `deviations/<userId>` (the reporter): `{ type: "deviation", seq, deviationNo, status }` ' +
      'per changed deviation report (read it with deviation.get or deviation.list).' +
      // Issue 15, loans:
      ' ' +
      '`loans` (issue 15, any signed-in user): `{ type: "loan", seq, loanNo }` per opened, closed, extended, reminded or ' +
      'permanent loan (numbers only: read it with loan.list).' +
      // Issue 15, recalls:
      ' ' +
      '`recalls` (staff only): `{ type: "recall", seq, recallNo }` per command that created, progressed or closed a recall.' +
      // Issue 15, returns:
      ' ' +
      '`returns` (staff only, issue 15): `{ type: "return", seq, returnNo, status }` per changed sent-back return.',
  }),
  unsubscribe: op({
    kind: 'session',
    roles: everyone,
    args: z.object({ topic: Topic }).strict(),
    doc: 'Stop receiving pushes on a topic.',
  }),
  'admin.stockAdjust': op({
    kind: 'command',
    roles: staff,
    args: z
      .object({
        warehouse: WarehouseId,
        artNo: ArtNo,
        delta: z
          .number()
          .int()
          .min(-STOCK_DELTA_MAX)
          .max(STOCK_DELTA_MAX)
          .refine((d) => d !== 0, 'delta is not 0'),
        reason: StockReason,
        note: z.string().max(REASON_NOTE_CHARS_MAX).default(''),
        individuals: z.array(IndNo).max(RENTAL_UNITS_PER_ADJUST_MAX).optional(),
      })
      .strict(),
    doc:
      'Change onHand of an article in a warehouse with a reason code; refused when it would go below the reserved quantity. ' +
      'Rental articles are tracked unit by unit: a positive delta registers that many new individuals in the warehouse ' +
      '(their numbers come back in `individuals`), a negative one writes off free individuals (not picked for an order): ' +
      'the ones given in `individuals`, else the most recently registered. A return (`reason: "returned"` with `individuals`) ' +
      'brings those units back from the patient or care unit holding them instead of registering new ones. At most ' +
      RENTAL_UNITS_PER_ADJUST_MAX +
      ' units per adjustment (`stock_limit`); `no_individual` when the given units are not free in the warehouse (or, for a return, not held). ' +
      'A positive delta serves waiting backorders of the article in that warehouse, oldest order first. ' +
      'Acknowledged after the change is durable.',
  }),
  'admin.articleUpsert': op({
    kind: 'command',
    roles: admin,
    args: z.object({ article: Article, expectNew: z.boolean().optional() }).strict(),
    doc: 'Create or replace an article; checks supplier, ISO code, referenced articles and that the replacement chain has no cycle. With `expectNew: true` (a create form) an existing article number is refused with `article_exists` instead of being replaced. Pushed on `articles`.',
  }),
  'admin.prescribingRuleSet': op({
    kind: 'command',
    roles: admin,
    args: z.object({ profession: Profession, isoPrefixes: PrescribingRule.shape.isoPrefixes }).strict(),
    doc: "Replace a profession's prescribing rule: the ISO codes (with everything under them) it may prescribe.",
  }),
  'fulfil.pick': op({
    kind: 'command',
    roles: staff,
    args: FulfilArgs,
    doc: 'Move registered lines to picking (fixed pick date today); rental lines get free individuals of warehouse 10 (or the buffer). A joint delivery waits until no line is a backorder.',
  }),
  'fulfil.dispatch': op({
    kind: 'command',
    roles: staff,
    args: FulfilArgs,
    doc: 'Dispatch picked lines: onHand and reserved go down; rental individuals leave the warehouse.',
  }),
  'fulfil.deliver': op({
    kind: 'command',
    roles: staff,
    args: FulfilArgs,
    doc: 'Mark dispatched lines delivered; rental individuals are registered to the patient (or the care unit).',
  }),
  'fulfil.cancel': op({
    kind: 'command',
    roles: staff,
    args: FulfilArgs,
    doc: 'Cancel lines not yet dispatched; reservations go back, to the oldest waiting backorder first.',
  }),
  'fulfil.setDeliveryDate': op({
    kind: 'command',
    roles: staff,
    args: SetDeliveryDateArgs,
    doc: 'Change the planned delivery date of an open order to a Swedish working day (`not_working_day` for a weekend, holiday or de facto day off); the prescriber gets a message (pushed on messages/<userId>).',
  }),
  // Care-provider boundaries (issue 13).
  'session.setWorkplace': op({
    kind: 'session',
    roles: everyone,
    args: SetWorkplaceArgs,
    doc: "Act for one of the caller's workplaces (and so its care provider) on this connection; the default is the first. `forbidden` for a workplace not the caller's. Replies with the workplace.",
  }),
  'patient.recordConsent': op({
    kind: 'command',
    roles: prescriber,
    args: RecordConsentArgs,
    doc: "Record the patient's consent that the acting care provider reads other care providers' orders, pickups and work orders about them; who and when are kept, flagged for review.",
  }),
  'patient.emergencyAccess': op({
    kind: 'command',
    roles: prescriber,
    args: EmergencyAccessArgs,
    doc: "Nödåtkomst: read other care providers' entries about the patient for a limited time (EMERGENCY_ACCESS_VALID_MS) with a reason; flagged for review.",
  }),
  'consent.list': op({
    kind: 'query',
    roles: staff,
    args: ConsentListArgs,
    doc: "Consents and emergency accesses for review, newest first, optionally one patient's or one kind.",
  }),
  // Sign-in (issue 13, sign-in part).
  'session.exchange': op({
    kind: 'session',
    roles: null,
    args: z.object({ code: z.string().min(1).max(TOKEN_CHARS_MAX) }).strict(),
    doc: 'After OIDC sign-in (GET /auth/login … /auth/callback) the portal gets a one-time code in the URL fragment (valid SIGNIN_CODE_MS_MAX); this exchanges it for the session token and the user, as session.login replies. A code works once.',
  }),
  'session.logoutAll': op({
    kind: 'session',
    roles: everyone,
    args: Empty,
    doc: 'Logout everywhere: end every session of the caller (other devices and tabs too); their next request answers unauthorized.',
  }),
  'admin.userReactivate': op({
    kind: 'command',
    roles: admin,
    args: z.object({ userId: UserId }).strict(),
    doc: 'Reactivate an account unused for ACCOUNT_DORMANT_MS (12 months), which sign-in refuses with `account_inactive`; counts as a sign-in now. Acknowledged once durable.',
  }),
  // Access log (patientdatalagen; HSLF-FS 2016:40 ch. 4 §§ 9–10) part of issue 13:
  'accessLog.patient': op({
    kind: 'query',
    roles: logReviewer,
    args: AccessLogPatientArgs,
    doc: "A patient's log extract: every access to the patient in [fromMs, toMs) in time order (who, acting for which care unit, when, which op, what was shown), paged by the `next` cursor. The extract is itself logged.",
  }),
  'accessLog.user': op({
    kind: 'query',
    roles: logReviewer,
    args: AccessLogUserArgs,
    doc: "A user's accesses to patients in [fromMs, toMs) in time order, paged by the `next` cursor.",
  }),
  'accessLog.sample': op({
    kind: 'query',
    roles: logReviewer,
    args: AccessLogSampleArgs,
    doc: 'Systematic spot check: a reproducible random sample of `size` accesses in [fromMs, toMs) (the same period, size and seed give the same sample once the period is past), each with its reviews.',
  }),
  'accessLog.review': op({
    kind: 'command',
    roles: logReviewer,
    args: AccessLogReviewArgs,
    doc: 'Mark an access reviewed with a comment; stored durably (append-only, a second review adds) and itself logged.',
  }),
  // Issue 14, Ersättningskedjor + ISO 9999 + Leverantörer:
  'catalog.replacementChain': op({
    kind: 'query',
    roles: everyone,
    args: ReplacementChainArgs,
    doc: 'Ersättningskedja of an article in both directions: `predecessors` (the articles it replaces, level by level, at most REPLACEMENT_PREDECESSORS_MAX) and `successors` (following replacedBy, at most REPLACEMENT_HOPS_MAX hops), each hop with status and available stock per warehouse, in warehouse 10 (or `warehouse`) and in total; `proposals`: per profession the first equivalent with stock that order.quote would propose for one unit (null: none). Shows no person, so everyone signed in may read it.',
  }),
  'catalog.replacementCheck': op({
    kind: 'query',
    roles: staff,
    args: ReplacementCheckArgs,
    doc: 'Check a proposed replacement link with the same rule admin.replacementSet applies (both articles exist, no self-reference, no cycle, at most REPLACEMENT_HOPS_MAX hops); replies `{ allowed, code?, message?, chain }` (chain: the replacedBy walk the link would give). Saves nothing.',
  }),
  'admin.replacementSet': op({
    kind: 'command',
    roles: admin,
    args: ReplacementSetArgs,
    doc: "Set (or clear with null) an article's replaced-by link; `replacement_cycle`, `replacement_too_long`, `unknown_article` as catalog.replacementCheck says. Journaled as article.upserted with `before`; replies with the article once durable.",
  }),
  'admin.isoTitleSet': op({
    kind: 'command',
    roles: admin,
    args: IsoTitleSetArgs,
    doc: 'Change the Swedish title of an ISO 9999 node (class, subclass or division); search finds the articles under it by the new title at once. Event iso.titleSet with the node before and after; replies with the node once durable.',
  }),
  'supplier.list': op({
    kind: 'query',
    roles: staff,
    args: Empty,
    doc: 'Suppliers by name (at most SUPPLIERS_LISTED_MAX; `total` counts all), each with how many articles it has.',
  }),
  'admin.supplierUpsert': op({
    kind: 'command',
    roles: admin,
    args: SupplierUpsertArgs,
    doc: 'Create (`expectNew: true`; `supplier_exists` when the id is taken) or edit (`expectNew: false`; `not_found` when missing) a supplier; without expectNew either. A new name is searchable on its articles at once. Event supplier.upserted with `before`; replies with the supplier once durable.',
  }),
  // Issue 14, Förskrivningsregler + Användare och arbetsplatser:
  'admin.prescribingRulePreview': op({
    kind: 'query',
    roles: admin,
    args: z.object({ profession: Profession, isoPrefixes: PrescribingRule.shape.isoPrefixes }).strict(),
    doc: "Förskrivningsregler (portal #/admin/regler): what admin.prescribingRuleSet with these prefixes would change, before it is saved: the articles (not discontinued) the profession gains and loses (`gained`/`lost`: count and up to RULE_PREVIEW_EXAMPLES_MAX examples) and `prescribableAfter`. Counted per ISO division from the tree's article index; changes nothing.",
  }),
  'admin.userList': op({
    kind: 'query',
    roles: admin,
    args: UserListArgs,
    doc: 'Användare och arbetsplatser (portal #/admin/anvandare): accounts by name, filtered by text (name, username, id), profession, role or `flagged` (unused for ACCOUNT_DORMANT_MS, or deactivated), paged; each with `dormant`, `deactivatedMs`, `lastSignInMs`, `hasPassword` and never a password hash.',
  }),
  'admin.user': op({
    kind: 'query',
    roles: admin,
    args: z.object({ userId: UserId }).strict(),
    doc: 'One account as admin.userList shows it (profile, workplaces, flags); `not_found` for an unknown id.',
  }),
  'admin.workplaceOptions': op({
    kind: 'query',
    roles: admin,
    args: Empty,
    doc: 'What a workplace may link to: the buffer warehouses (kind `buffer`) and the care providers known (the region first).',
  }),
  'admin.userUpsert': op({
    kind: 'command',
    roles: admin,
    args: UserUpsertArgs,
    doc: "Create (`expectNew: true`; `user_exists` when the id is taken) or replace an account's profile: name, username (`username_taken`), profession, roles, e-mail, phone, HSA-id, workplaces (customer number, delivery address, buffer warehouse: `not_buffer_warehouse` unless kind buffer, care provider). Removing the last active admin's admin role: `last_admin`. A new account has no password until admin.passwordReset. The event carries the profile before and after, never a hash.",
  }),
  'admin.userDeactivate': op({
    kind: 'command',
    roles: admin,
    args: z.object({ userId: UserId }).strict(),
    doc: 'Deactivate an account: it cannot sign in (password or OIDC: `account_deactivated`) and every open session of it ends at once. Not your own (`self_deactivate`), not the last active admin (`last_admin`).',
  }),
  'admin.userActivate': op({
    kind: 'command',
    roles: admin,
    args: z.object({ userId: UserId }).strict(),
    doc: 'Activate a deactivated account again (a dormant one still needs admin.userReactivate).',
  }),
  'admin.passwordReset': op({
    kind: 'command',
    roles: admin,
    args: PasswordResetArgs,
    doc: "Demo auth: set an account's password (at least PASSWORD_CHARS_MIN characters), or without `password` get a generated one in the reply (shown once). The scrypt hash is computed at the edge; the journal keeps only the hash, in the reset event's own field.",
  }),
  // Issue 14, Artiklar:
  'admin.articleImpact': op({
    kind: 'query',
    roles: staff,
    args: z.object({ artNo: ArtNo }).strict(),
    doc: `What making an article outgoing or discontinued affects: its open order lines (count and the first ${ARTICLE_IMPACT_ORDERS_SHOWN} order numbers), backorder lines waiting for it, its individuals held by patients and care units (counts only, no persons) and the articles that name it as set part, accessory or replacement.`,
  }),
  // Issue 14, HMC oversight:
  'admin.settingSet': op({
    kind: 'command',
    roles: admin,
    args: SettingSetArgs,
    doc: "Set a named setting (`settings.get` lists them with default and range), e.g. `oversight.orderUnpickedWorkingDays`. An unknown key is refused with `unknown_setting`, a value outside the setting's range with `setting_out_of_range`. The event `setting.set` carries the row it replaced (`before`, null while the default was in force). Replies with the setting once durable; subscribers of `orders` and `pickups` get a push `{ type: 'setting', seq, key, value }`, so open staff lists read their ages and flags again.",
  }),
  'settings.get': op({
    kind: 'query',
    roles: staff,
    args: Empty,
    doc: 'Every named setting: key, Swedish title, unit, current value, default, min and max, and who last set it when (null: the default is in force).',
  }),
  'fulfil.backorders': op({
    kind: 'query',
    roles: staff,
    args: BackorderListArgs,
    doc: "Restorder for the Plocklista: every backorder line, per (warehouse, article) queue in the order it is served, with what it waits for: the quantity, units available now, the quantity ahead of it and its position in the queue, how many it is short, units on their way back in open pickups (warehouse 10 only) and the order's age in working days with its flag (`oversight.orderUnpickedWorkingDays`). Oldest queue position first, at most `limit`.",
  }),
  // Issue 14, catalog import (CSV; the file is uploaded with POST /api/imports, see docs/IMPORT.md):
  'admin.importLines': op({
    kind: 'query',
    roles: admin,
    args: ImportLinesArgs,
    doc: "The lines of a dry run in file order, optionally only one outcome (`new`, `changed` with each field old → new, `unchanged`, `error` with its code and Swedish message), paged: `cursor` from the previous page's `next` (null: the end).",
  }),
  'admin.importApply': op({
    kind: 'command',
    roles: admin,
    args: ImportIdArgs,
    doc: 'Apply a dry run: its new and changed articles as durable batches (`article.upserted` events with `before`), referenced articles first, unchanged ones skipped. Replies at once with the status; progress with admin.importStatus. One apply at a time (`invalid_transition`); an applied import is not applied again (make a new dry run).',
  }),
  'admin.importStatus': op({
    kind: 'query',
    roles: admin,
    args: ImportIdArgs,
    doc: "A dry run's counts per outcome and its apply's progress: state (planned, applying, applied, failed), done of toApply, written, skipped, failed articles with their line and message.",
  }),
  // Issue 14, Lager and Ändringslogg:
  'stock.ledger': op({
    kind: 'query',
    roles: staff,
    args: StockLedgerArgs,
    doc:
      "An article's stock ledger, newest first: every change of onHand or reserved (all warehouses, or one) with time, user, " +
      'cause (`adjusted` with its reason code, `reserved`, `served`, `dispatched`, `released`), the order or pickup number, the ' +
      'change and the balance after. Paged by the `next` cursor; read from the journal index, never a journal scan.',
  }),
  'stock.levels': op({
    kind: 'query',
    roles: staff,
    args: z.object({ artNo: ArtNo }).strict(),
    doc: "An article's balance (onHand, reserved, available) and minimum level (0: none) in every warehouse, buffers included, in warehouse order.",
  }),
  'stock.belowMin': op({
    kind: 'query',
    roles: staff,
    args: BelowMinArgs,
    doc: 'Stock rows whose available quantity (onHand − reserved) is under their minimum level, by article and warehouse, paged by the `next` cursor.',
  }),
  'admin.stockMinSet': op({
    kind: 'command',
    roles: admin,
    args: StockMinSetArgs,
    doc: "Set an article's minimum stock level in a warehouse (0 clears it); journaled as `stock.minLevelSet` with the level it replaced. Acknowledged once durable.",
  }),
  'admin.changeLog': op({
    kind: 'query',
    roles: admin,
    args: ChangeLogArgs,
    doc:
      'Ändringslogg: every administrative change, newest first, with who, when and the entity before → after (field by field), ' +
      'filtered by entity (`entityKind`, `entityId`), user and period [fromMs, toMs); paged by the `next` cursor. Read from the ' +
      'journal through its index; entries journaled without `before` say so (`beforeKnown: false`).',
  }),
  // Issue 15, patient:
  'payer.rules': op({
    kind: 'query',
    roles: everyone,
    args: Empty,
    doc: "Betalare: the payer rules per ISO prefix (`region` or `municipality`, the longest prefix wins; a code no rule covers is the region's), in ISO order. patient.get shows each device's payer by them.",
  }),
  // Issue 15, desk: Mina anteckningar and Avvikelse / reklamation.
  'note.create': op({
    kind: 'command',
    roles: prescriber,
    args: NoteCreateArgs,
    doc: 'Write a private note (Mina anteckningar), free or about a patient (`pnr`) or an order (`orderNo`); only its author ever reads it. At most NOTES_PER_USER_MAX notes per user (`note_limit`). A reply that shows a patient is access-logged.',
  }),
  'note.update': op({
    kind: 'command',
    roles: prescriber,
    args: NoteUpdateArgs,
    doc: "New text for one of your notes. Another user's note is `not_found`, as if it did not exist.",
  }),
  'note.delete': op({
    kind: 'command',
    roles: prescriber,
    args: NoteDeleteArgs,
    doc: "Delete one of your notes (it is never listed again). Another user's note is `not_found`.",
  }),
  'note.list': op({
    kind: 'query',
    roles: prescriber,
    args: NoteListArgs,
    doc: 'Your own notes, newest first, optionally only about one patient or one order; a note about a patient shows the person (protected identity hidden) and is access-logged; notes about a patient under another care provider are counted in `withheld`.',
  }),
  'deviation.create': op({
    kind: 'command',
    roles: everyone,
    args: DeviationCreateArgs,
    doc: 'File a deviation report (Avvikelse / reklamation): category `incident`, `risk` or `productFault`, text, attachments (ids from POST /api/attachments), about an individual (`indNo`, its article follows) or an article (`artNo`), optionally a patient (`pnr`, the holder if the individual is held), and where it was filed from (`source`: patient, individual, workOrder, pickup or desk, with `ref`). Starts as `new`. Access-logged when it names a patient.',
  }),
  'deviation.list': op({
    kind: 'query',
    roles: everyone,
    args: DeviationListArgs,
    doc: "Deviation reports, newest first: a prescriber's own, or for HMC staff every report (the desk), filtered by status, category and article. Each shows comments and the patient (protected identity hidden; access-logged).",
  }),
  'deviation.get': op({
    kind: 'query',
    roles: everyone,
    args: DeviationGetArgs,
    doc: 'One deviation report with its comments, to its reporter or HMC staff (anyone else: `not_found`). Access-logged when it names a patient.',
  }),
  'deviation.comment': op({
    kind: 'command',
    roles: everyone,
    args: DeviationCommentArgs,
    doc: 'Comment on a deviation report (its reporter or HMC staff). A comment by someone else than the reporter sends the reporter a message (`deviationUpdated`).',
  }),
  'deviation.setStatus': op({
    kind: 'command',
    roles: staff,
    args: DeviationSetStatusArgs,
    doc: 'HMC moves a report on: new → investigating → reportedToSupplier → closed (close from any open step; reportedToSupplier may go back to investigating); other steps are `invalid_transition`. An optional comment says why. The reporter gets a message (`deviationUpdated`).',
  }),
  'deviation.countsByArticle': op({
    kind: 'query',
    roles: staff,
    args: DeviationCountsArgs,
    doc: 'Deviation reports per article and category (incident, risk, productFault, total), most reported first; no persons.',
  }),
  // Issue 15, loans:
  'loan.list': op({
    kind: 'query',
    roles: everyone,
    args: LoanListArgs,
    doc:
      'Lån med återlämningsdatum (korttidslån, utprovning), earliest due first: HMC staff see every overdue or due-soon loan ' +
      '(due within the `loans.reminderWorkingDays` setting), a prescriber their own (`all`: every open loan with a due date). ' +
      'Each row: loan number, unit, article, type, due date, `dueState` (overdue, dueSoon, later), working days left, the ' +
      'delivering order, prescriber and patient (access-logged; a protected identity is not named). Another care ' +
      "provider's loans are counted in `withheld`.",
  }),
  'loan.makePermanent': op({
    kind: 'command',
    roles: everyone,
    args: LoanMakePermanentArgs,
    doc: 'Gör permanent: a short-term loan or trial becomes tills vidare (no due date, no more due messages); the prescriber who ordered or HMC staff (`forbidden`), an open loan (`loan_closed`) with a due date (`loan_invalid`). Acknowledged once durable.',
  }),
  'loan.extend': op({
    kind: 'command',
    roles: everyone,
    args: LoanExtendArgs,
    doc: "Förläng: a later due date for a short-term loan or trial — after the current one and today (`loan_invalid`), a working day (`not_working_day`), within the type's limit from the order date (`loan_too_long`: 6 months korttidslån, 3 months utprovning); who and which loans as loan.makePermanent. A new due date is reminded again. Acknowledged once durable.",
  }),
  // Issue 15, recalls:
  'recall.preview': op({
    kind: 'query',
    roles: staff,
    args: RecallPreviewArgs,
    doc: 'What recalling an article (optionally individual numbers `indNoFrom`..`indNoTo`, rental articles only) would touch now: holders by kind (patient, careUnit, buffer, warehouse, transit) and prescribers to message. Shows no person.',
  }),
  'recall.create': op({
    kind: 'command',
    roles: staff,
    args: RecallCreateArgs,
    doc: 'Säkerhetsmeddelande: recall an article, or a range of its units, with a notice. While open, a whole-article recall refuses new order lines (`article_recalled`) and blocks picking and dispatch; a range blocks only its units. One `recall` message per prescriber of a holder (never per unit). `recall_overlaps` when an open recall covers the same units. Acknowledged once durable.',
  }),
  'recall.list': op({
    kind: 'query',
    roles: staff,
    args: RecallListArgs,
    doc: 'Recalls newest first (optionally only open or closed), each with its holders counted by kind and by progress (none, contacted, replaced, returned).',
  }),
  'recall.get': op({
    kind: 'query',
    roles: staff,
    args: RecallGetArgs,
    doc: "A recall with its counts and one page of its holders (filter by `kind` and `progress`): where each unit is now, the delivering order and its prescriber, and the progress. Patients' personnummer and names shown are access-logged before the reply (protected identities show `Skyddad identitet`).",
  }),
  'recall.setProgress': op({
    kind: 'command',
    roles: staff,
    args: RecallSetProgressArgs,
    doc: "Set holders' progress (`contacted`, `replaced`, `returned`, or back to `none`) by holder key, up to 500 at once; one row per holder set. `recall_closed` once closed.",
  }),
  'recall.close': op({
    kind: 'command',
    roles: staff,
    args: RecallCloseArgs,
    doc: 'Close a recall: allowed when every holder is replaced or returned, else `recall_not_done` unless `force` with a `reason` (kept on the recall). Lifts the blocks on ordering and picking.',
  }),
  'recall.notice': op({
    kind: 'query',
    roles: everyone,
    args: RecallNoticeArgs,
    doc: 'Open recalls of an article (or only those covering unit `indNo`): number, range, notice text. The read-only notice on the article page and the individual card.',
  }),
  // Issue 15, returns (Retur av hjälpmedel):
  'return.register': op({
    kind: 'command',
    roles: prescriber,
    args: ReturnRegisterArgs,
    doc:
      'Retur av hjälpmedel: de-register sale articles a patient holds (patient.get lists them in `saleArticles`: artNo, ' +
      'name, isoCode, quantity, lastOrderNo, lastDeliveredDate; `lines`: artNo and quantity, at most what the patient ' +
      "holds: `not_held`) into the acting workplace's buffer warehouse (none: `no_buffer_warehouse`, send the device to HMC " +
      'with the white return slip). `disposition`: `discard`, `sendBack` (HMC receives it, return.receive) or `keep` (kept in the ' +
      'buffer, never prescribable: not added to its balance). Replies with the return number once durable.',
  }),
  'return.receive': op({
    kind: 'command',
    roles: staff,
    args: ReturnReceiveArgs,
    doc: 'HMC receives a sent-back return: `outcome` `stock` (into warehouse 10 as a receipt, reason `returned`, serving backorders) or `discard`. Only a return on its way (`return_not_pending` after).',
  }),
  'return.list': op({
    kind: 'query',
    roles: staff,
    args: ReturnListArgs,
    doc: 'Returer från förråd: sent-back returns on their way to HMC (`pending`, oldest first), or every sent-back return (newest first); with buffer, workplace, prescriber and lines, no patient. Live on the staff topic `returns`.',
  }),
  'return.bufferStock': op({
    kind: 'query',
    roles: prescriber,
    args: Empty,
    doc: "The acting workplace's buffer warehouse, per article: onHand, reserved, available (prescribable) and `kept` (units kept after de-registrations: Sparade, ej förskrivningsbara). `warehouse` null when the workplace has none.",
  }),
  'patient.returned': op({
    kind: 'query',
    roles: everyone,
    args: z.object({ pnr: PnrInput }).strict(),
    doc: "Återlämnade hjälpmedel: everything the patient held and returned, newest first, with date and how (`pickup`, `return`, `deregistration` with its disposition). De-registrations and pickups of another care provider are left out and counted in `withheld`. Logged like patient.get; a protected identity's name is never shown.",
  }),
} as const;

export type OpName = keyof typeof OPS;
export type OpArgs<O extends OpName> = z.output<(typeof OPS)[O]['args']>;
export const OP_NAMES = Object.keys(OPS) as OpName[];
export function isOpName(name: string): name is OpName {
  return Object.hasOwn(OPS, name);
}
