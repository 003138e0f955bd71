// Every limit of the public contract, named once: the schemas, the engine and the tests all read them from here.

/** A WebSocket frame over this closes the connection with code 1009. */
export const FRAME_BYTES_MAX = 64 * 1024;
/** Bytes a connection may have queued for sending before we stop answering it (uWS backpressure). */
export const BACKPRESSURE_BYTES_MAX = 1024 * 1024;
/** Requests of one connection accepted but not yet answered (pipelining limit). */
export const IN_FLIGHT_PER_CONNECTION_MAX = 1024;
/** Commands waiting for a commit, over all connections, before new ones are refused with `overloaded`. */
export const COMMIT_QUEUE_MAX = 100_000;
/** Topics one connection may subscribe to. */
export const SUBSCRIPTIONS_PER_CONNECTION_MAX = 512;
/** Client-chosen request ids are numbers or short strings. */
export const REQUEST_ID_CHARS_MAX = 64;
export const OP_CHARS_MAX = 64;
export const USERNAME_CHARS_MAX = 64;
export const PASSWORD_CHARS_MAX = 256;
export const TOKEN_CHARS_MAX = 128;
/** Sessions live this long without use. */
export const SESSION_IDLE_MS_MAX = 12 * 60 * 60 * 1000;
export const SESSIONS_MAX = 100_000;

export const ARTICLE_NAME_CHARS_MAX = 120;
export const URL_CHARS_MAX = 500;
export const SET_PARTS_MAX = 20;
export const ACCESSORIES_MAX = 50;
/** Replacement chains are followed by a loop with this many hops at most. */
export const REPLACEMENT_HOPS_MAX = 16;
export const PRICE_ORE_MAX = 100_000_000_00;
export const STOCK_QUANTITY_MAX = 1_000_000;
export const STOCK_DELTA_MAX = 100_000;
/** Rental units registered or written off by one stock adjustment (each becomes an individual). */
export const RENTAL_UNITS_PER_ADJUST_MAX = 100;
export const REASON_NOTE_CHARS_MAX = 255;

export const PAGE_LIMIT_MAX = 200;
export const PAGE_LIMIT_DEFAULT = 50;
export const PAGE_OFFSET_MAX = 1_000_000;
/** Search text: the schemas refuse longer; the search index truncates it (a type-ahead must never throw on a paste). */
export const SEARCH_TEXT_CHARS_MAX = 100;
/** Search hits per page; the index clamps `limit` to it, callers page with `offset` for more. */
export const SEARCH_HITS_MAX = 100;
/** Deep paging costs O(offset) stock look-ups; beyond this nobody is reading. */
export const SEARCH_OFFSET_MAX = 10_000;
/** Completions one catalog.suggest returns at most. */
export const SUGGESTIONS_MAX = 20;
export const SUPPLIER_FILTER_CHARS_MAX = 80;
export const REGISTER_HITS_MAX = 100;

/** Work orders (arbetsorder): the legacy portal's limits. */
export const WORK_ORDER_TITLE_CHARS_MAX = 70;
export const WORK_ORDER_TEXT_CHARS_MAX = 255;
export const ATTACHMENT_BYTES_MAX = 2 * 1024 * 1024;

/** Events one command may produce (a big order with set parts stays far below). */
export const EVENTS_PER_COMMAND_MAX = 1_000;

/** Orders (kundorder): lines a prescriber adds; set parts come on top (at most SET_PARTS_MAX per line). */
export const ORDER_LINES_MAX = 25;
export const ORDER_LINE_QUANTITY_MAX = 999;
/** Övrig information, printed on the packing slip. */
export const OTHER_INFO_CHARS_MAX = 255;
/** Dina uppgifter: the contact details a user keeps current for HMC. */
export const PROFILE_EMAIL_CHARS_MAX = 100;
export const PROFILE_PHONE_CHARS_MAX = 30;
export const CONTACT_NAME_CHARS_MAX = 60;
export const CONTACT_PHONE_CHARS_MAX = 30;
export const IDEMPOTENCY_KEY_CHARS_MAX = 64;
export const MESSAGE_NOTE_CHARS_MAX = 255;
/** Backorder lines one command serves; the rest wait for the next increase, keeping one command's events bounded. */
export const BACKORDERS_SERVED_PER_COMMAND_MAX = 400;
/** ISO prefixes in one profession's prescribing rule. */
export const RULE_PREFIXES_MAX = 200;
/** Lines one fulfilment step may name explicitly. */
export const FULFIL_LINES_MAX = 600;

/** Individual card (individkort): the holder's orders that concern the unit, newest first. */
export const INDIVIDUAL_ORDERS_MAX = 20;

/** Pickup orders (hämtorder): devices fetched from one patient in one trip, and the reason given to the driver. */
export const PICKUP_UNITS_MAX = 20;
export const PICKUP_REASON_CHARS_MAX = 255;
export const PICKUP_LIST_MAX = 200;

/** HMC news (Aktuellt från Hjälpmedelscentrum) on everyone's start page. */
export const NEWS_TITLE_CHARS_MAX = 80;
export const NEWS_TEXT_CHARS_MAX = 1_000;
export const NEWS_LIST_MAX = 50;

/** Work orders (arbetsorder): HMC comments, and the lists. */
export const WORK_ORDER_COMMENT_CHARS_MAX = 255;
export const WORK_ORDER_COMMENTS_MAX = 50;
export const WORK_ORDER_LIST_MAX = 200;
/** Work order attachments (blanketter): files per work order, and a file name's length. */
export const ATTACHMENTS_PER_WORK_ORDER_MAX = 5;
export const ATTACHMENT_NAME_CHARS_MAX = 120;

/** Patient-data access log (patientdatalagen, HSLF-FS 2016:40 ch. 4 §§ 9–10; access-log part of issue 13). */
/** Entries are kept at least this long; nothing prunes them (no op deletes or edits an entry). */
export const ACCESS_LOG_RETENTION_YEARS_MIN = 5;
/** Entries in one page of a patient's extract or a user's accesses. */
export const ACCESS_LOG_PAGE_MAX = 500;
/** Entries in one systematic spot check (stickprov). */
export const ACCESS_LOG_SAMPLE_MAX = 200;
/** A reviewer's comment on a sampled entry. */
export const ACCESS_LOG_COMMENT_CHARS_MAX = 500;
/** Rows of one CSV export. */
export const ACCESS_LOG_CSV_ROWS_MAX = 100_000;
