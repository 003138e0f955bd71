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
export const SESSION_IDLE_MS_MAX = 30 * 60 * 1000;
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
/** register.search pages with `offset`; a register search this deep is a fishing trip, not a look-up. */
export const REGISTER_OFFSET_MAX = 1_000;

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
/** A message's whole text (a note plus what it is about). */
export const MESSAGE_TEXT_CHARS_MAX = 2 * MESSAGE_NOTE_CHARS_MAX;
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

// Full disk (issue 13): how the engine finds out that writing works again after a failed commit.
/** Between two probes of a store that refused a commit (disk full, I/O error): commands stay refused until one succeeds. */
export const STORAGE_PROBE_INTERVAL_MS = 2_000;
/** Bytes the probe writes (in its own transaction, then removes): free room for real commits, not just a few bytes. */
export const STORAGE_PROBE_BYTES = 1024 * 1024;
// --- Issue 13, hardening (WebSocket Origin and connection caps, uploads quota, backup) ---
/** Open WebSockets from one client address. Everything the bench opens from 127.0.0.1 fits: its largest echo shape
 * (64 connections × 8 in flight) and its pub/sub fan-out (1 000 listeners and a writer), with room for tools beside. */
export const CONNECTIONS_PER_ADDRESS_MAX = 2_048;
/** Attachment bytes one user may have stored in all (about 25 full-size forms). */
export const ATTACHMENT_BYTES_PER_USER_MAX = 50 * 1024 * 1024;
/** Attachment bytes stored in all, over every user: a cap far below a data disk, so uploads cannot fill it. */
export const ATTACHMENT_BYTES_TOTAL_MAX = 2 * 1024 * 1024 * 1024;
/** Scheduled online backups: the default interval (BACKUP_INTERVAL_MS) and how many backup files are kept. */
export const BACKUP_INTERVAL_MS_DEFAULT = 6 * 60 * 60 * 1000;
export const BACKUPS_KEPT_DEFAULT = 7;
// Care-provider boundaries and protected identities (issue 13).
/** Nödåtkomst: how long an emergency access lets a care provider read other care providers' entries. */
export const EMERGENCY_ACCESS_VALID_MS = 8 * 60 * 60 * 1000;
/** The reason a user gives for an emergency access. */
export const EMERGENCY_REASON_CHARS_MIN = 5;
export const EMERGENCY_REASON_CHARS_MAX = 500;
/** Consents and emergency accesses one consent.list answers. */
export const ACCESS_GRANT_LIST_MAX = 200;
/** Sign-in (issue 13, sign-in part): sessions, dormant accounts, password throttling and the OIDC flow. */
/** A session ends this long after sign-in however active it is (idle ends it sooner: SESSION_IDLE_MS_MAX). */
export const SESSION_ABSOLUTE_MS_MAX = 12 * 60 * 60 * 1000;
/** Sessions one user may hold at once (devices, tabs that signed in separately); a new one ends the oldest. */
export const SESSIONS_PER_USER_MAX = 10;
/** Random bytes in a session token: 256 bits, well past the 128 a guesser would need to beat. */
export const SESSION_TOKEN_BYTES = 32;
/** An account not signed in (or reactivated) for this long cannot sign in until an admin reactivates it. */
export const ACCOUNT_DORMANT_MS = 365 * 24 * 60 * 60 * 1000;
/** A sign-in is journaled at most this often per user: dormancy counts months, and an entry per sign-in would only
 * add writes (a sign-in within it is not dormant by definition). */
export const SIGNIN_RECORD_INTERVAL_MS = 24 * 60 * 60 * 1000;
/** HSA-id (e.g. SE2321000131-E000000000001) as the identity provider states it. */
export const HSA_ID_CHARS_MAX = 64;
/** Password failures a client address may make before each further attempt waits (LOGIN_DELAY_BASE_MS, doubling). */
export const LOGIN_ADDRESS_FREE_FAILURES = 5;
/** Failures after which a client address is locked out for LOGIN_ADDRESS_LOCKOUT_MS: lower than the user's, so one
 * guessing address is stopped before it can lock the user it guesses at. */
export const LOGIN_ADDRESS_FAILURES_MAX = 10;
export const LOGIN_ADDRESS_LOCKOUT_MS = 5 * 60 * 1000;
/** The same for one username, from any address: short, so a distributed guesser cannot keep a real user out long. */
export const LOGIN_USER_FREE_FAILURES = 5;
export const LOGIN_USER_FAILURES_MAX = 20;
export const LOGIN_USER_LOCKOUT_MS = 60 * 1000;
/** The first forced wait after the free failures; it doubles per failure up to LOGIN_DELAY_MS_MAX. */
export const LOGIN_DELAY_BASE_MS = 1_000;
export const LOGIN_DELAY_MS_MAX = 30 * 1000;
/** Failures older than this (counted from the last one) are forgotten. */
export const LOGIN_FAILURE_WINDOW_MS = 15 * 60 * 1000;
/** Addresses and usernames the throttle remembers; past it the oldest entry is forgotten. */
export const LOGIN_THROTTLE_ENTRIES_MAX = 100_000;
/** OIDC sign-ins begun and not yet returned (state, nonce, PKCE verifier held server-side), and how long one waits. */
export const OIDC_PENDING_MAX = 10_000;
export const OIDC_PENDING_MS_MAX = 10 * 60 * 1000;
/** The one-time code the portal exchanges for its session after the OIDC callback (never the token in a URL). */
export const SIGNIN_CODE_MS_MAX = 60 * 1000;
export const SIGNIN_CODES_MAX = 10_000;
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
// Issue 14, Ersättningskedjor + ISO 9999 + Leverantörer:
/** A Swedish ISO 9999 title as an admin edits it (the seed's longest is 157 characters). */
export const ISO_TITLE_CHARS_MAX = 200;
/** Articles an admin chain view lists as replaced by the one asked for (all levels together). */
export const REPLACEMENT_PREDECESSORS_MAX = 200;
/** Suppliers in one supplier.list reply (the seed has a few hundred). */
export const SUPPLIERS_LISTED_MAX = 5_000;

// Issue 14, Användare och arbetsplatser / Förskrivningsregler:
/** A user's full name as the admin types it. */
export const USER_NAME_CHARS_MAX = 100;
/** Workplaces one user works at (each with its customer number, delivery address and buffer warehouse link). */
export const USER_WORKPLACES_MAX = 20;
/** The free-text filter of the user list. */
export const USER_FILTER_CHARS_MAX = 64;
/** A password an admin sets (demo auth): at least this long. */
export const PASSWORD_CHARS_MIN = 8;
/** A generated password (demo auth): this many characters from an alphabet without look-alikes. */
export const GENERATED_PASSWORD_CHARS = 14;
/** Example articles a prescribing-rule preview lists per direction (gained, lost). */
export const RULE_PREVIEW_EXAMPLES_MAX = 5;
// Issue 14, Artiklar:
/** Order numbers admin.articleImpact lists of an article's open orders (the count covers all of them). */
export const ARTICLE_IMPACT_ORDERS_SHOWN = 10;
/** Referring articles (set part, accessory, replacement) admin.articleImpact lists per kind. */
export const ARTICLE_IMPACT_REFERRERS_SHOWN = 20;
// Issue 14, HMC oversight (settings and flags):
/** Orderflöde, Plocklista: an order line registered (or waiting as a backorder) for more than this many working days
 * without being picked is flagged; the default is the 2, bounds for `admin.settingSet`. */
export const ORDER_UNPICKED_WORKING_DAYS_DEFAULT = 2;
export const ORDER_UNPICKED_WORKING_DAYS_MIN = 0;
export const ORDER_UNPICKED_WORKING_DAYS_MAX = 60;
/** Hämtorder: a pickup still waiting after more than this many working days is flagged. */
export const PICKUP_OPEN_WORKING_DAYS_DEFAULT = 7;
export const PICKUP_OPEN_WORKING_DAYS_MIN = 0;
export const PICKUP_OPEN_WORKING_DAYS_MAX = 120;
/** Arbetsorder: an open work order whose status has not changed for more than this many working days is flagged. */
export const WORK_ORDER_IDLE_WORKING_DAYS_DEFAULT = 5;
export const WORK_ORDER_IDLE_WORKING_DAYS_MIN = 0;
export const WORK_ORDER_IDLE_WORKING_DAYS_MAX = 120;
/** A setting's name as `admin.settingSet` takes it (the known keys are far shorter). */
export const SETTING_KEY_CHARS_MAX = 64;
/** What the schema lets through to the core, which checks each setting's own bounds with a Swedish message. */
export const SETTING_VALUE_ABS_MAX = 1_000_000_000;
/** Calendar days an age is counted over: older entries show this many days' working days (about four years). */
export const AGE_COUNT_DAYS_MAX = 1500;
/** Backorder lines `fulfil.backorders` lists at most (the Plocklista's Restorder column). */
export const BACKORDER_LIST_MAX = 500;
// Issue 14, catalog import (CSV):
/** Bytes of one uploaded import file: 100 000 full rows with links and images fit (about 25 MB) with room to spare. */
export const IMPORT_FILE_BYTES_MAX = 64 * 1024 * 1024;
/** Article rows in one import file (the 100 000 and twice that). */
export const IMPORT_ROWS_MAX = 200_000;
/** Articles in one import batch command (each an `article.upserted` event, far below EVENTS_PER_COMMAND_MAX): about
 * 8 ms of the engine's thread. A read that arrives during a batch waits for it, so what bounds read latency at p99 is
 * how many batches there are against how many reads (bench/import.ts): fewer, still short batches keep that share
 * under 1 % (measured: 100 per batch left 1.1 % of reads waiting, one stall at decide and one after the flush). */
export const IMPORT_BATCH_ARTICLES_MAX = 200;
/** Lines one admin.importLines page returns. */
export const IMPORT_LINES_PAGE_MAX = 200;
/** Dry runs the engine keeps in memory (each holds its parsed file); past it the oldest not being applied goes. */
export const IMPORTS_KEPT_MAX = 4;
/** A dry run not applied within this long is forgotten (its file may be stale by then). */
export const IMPORT_KEPT_MS_MAX = 60 * 60 * 1000;
/** Least time from one import batch's start to the next one's: the apply takes a bounded share of the engine's
 * thread (about a fifth, unloaded), and 100 000 articles still go in in about 20 s (5 000 articles/s). */
export const IMPORT_BATCH_INTERVAL_MS = 40;
/** Import batches decided and waiting for their flush at once: the apply's pace is not the disk's flush latency. */
export const IMPORT_BATCHES_IN_FLIGHT = 4;
// Issue 14, Lager and Ändringslogg (part 4):
/** Lines in one page of an article's stock ledger, and the default page. */
export const STOCK_LEDGER_PAGE_MAX = 200;
export const STOCK_LEDGER_PAGE_DEFAULT = 50;
/** A minimum stock level (0 clears it); no balance can exceed STOCK_QUANTITY_MAX, so neither can a minimum. */
export const STOCK_MIN_LEVEL_MAX = STOCK_QUANTITY_MAX;
/** Rows in one page of the list of stock rows under their minimum level. */
export const BELOW_MIN_PAGE_MAX = 200;
/** Changes in one page of the change log, and the default page. */
export const CHANGE_LOG_PAGE_MAX = 200;
export const CHANGE_LOG_PAGE_DEFAULT = 50;
/**
 * Index keys one change-log page may pass over when a second filter (user within an entity, kind alone) skips keys:
 * a page stops there and hands back a cursor, so a rare match never makes one request read the whole index.
 */
export const CHANGE_LOG_SCAN_MAX = 5_000;
/** A page cursor of the ledger or the change log (`<timeMs>.<seq>.<n>`). */
export const JOURNAL_CURSOR_CHARS_MAX = 64;
// Issue 15, patient:
/** The text of a payer rule (what the ISO prefix covers). */
export const PAYER_RULE_NOTE_CHARS_MAX = 120;
/** Work orders about a patient that the patient view lists (newest first); `total` counts them all. */
export const PATIENT_WORK_ORDERS_SHOWN_MAX = 50;
/** Component lines on their way to a patient's individuals that the patient view lists; `total` counts them all. */
export const PATIENT_COMPONENTS_SHOWN_MAX = 100;
// Issue 15, desk (Mina anteckningar, Avvikelse / reklamation):
/** Characters of one private note (a few paragraphs: a reminder, not a journal). */
export const NOTE_TEXT_CHARS_MAX = 2_000;
/** Notes one user keeps at once (deleted ones do not count): a desk of reminders, never an unbounded store. */
export const NOTES_PER_USER_MAX = 500;
/** Notes one note.list returns. */
export const NOTE_LIST_MAX = 500;
/** Characters of a deviation report's description, and of one comment on it. */
export const DEVIATION_TEXT_CHARS_MAX = 2_000;
export const DEVIATION_COMMENT_CHARS_MAX = 1_000;
/** Comments on one deviation (HMC and the reporter together). */
export const DEVIATION_COMMENTS_MAX = 100;
/** Files attached to one deviation (as a work order's). */
export const ATTACHMENTS_PER_DEVIATION_MAX = 5;
/** Deviations one deviation.list returns, and article rows one deviation.countsByArticle returns. */
export const DEVIATION_LIST_MAX = 200;
export const DEVIATION_COUNT_ROWS_MAX = 500;
// Issue 15, loans:
/** Korttidslån: the due date is at most this many calendar months after the order date. */
export const LOAN_SHORT_TERM_MONTHS_MAX = 6;
/** Utprovning (trial): the due date is at most this many calendar months after the order date; a trial that needs
 * longer becomes a loan of its own (tills vidare or korttidslån), so the limit is half the short-term one. */
export const LOAN_TRIAL_MONTHS_MAX = 3;
/** Default of the setting `loans.reminderWorkingDays`: the due reminder goes this many working days before. */
export const LOAN_REMINDER_WORKING_DAYS_DEFAULT = 5;
export const LOAN_REMINDER_WORKING_DAYS_MIN = 1;
export const LOAN_REMINDER_WORKING_DAYS_MAX = 30;
/** Rows one loan.list reply holds. */
export const LOAN_LIST_MAX = 500;
/** How often the io layer asks the core whether due messages are to be sent (loan.sweep); also once at start. */
export const LOAN_SWEEP_INTERVAL_MS = 10 * 60 * 1000;
// Issue 15, recalls:
/** A recall's notice text (säkerhetsmeddelande) as HMC writes it. */
export const RECALL_NOTICE_CHARS_MAX = 1_000;
/** Why a recall was closed before every holder was done. */
export const RECALL_CLOSE_REASON_CHARS_MAX = 300;
/** Holders one recall.setProgress may set at once. */
export const RECALL_PROGRESS_BATCH_MAX = 500;
/** Recalls one recall.list returns (newest first). */
export const RECALLS_LIST_MAX = 200;
/** Open recalls one article may have at once (ranges of one article; bounds the per-unit check of picking). */
export const RECALLS_OPEN_PER_ARTICLE_MAX = 20;
// Issue 15, returns (Retur av hjälpmedel):
/** Article lines in one de-registration (a patient's sale articles are few). */
export const RETURN_LINES_MAX = 50;
/** Units of one article in one de-registration line (as an order line). */
export const RETURN_LINE_QUANTITY_MAX = ORDER_LINE_QUANTITY_MAX;
/** Rows one return.list reply or one patient.returned reply holds at most (newest first). */
export const RETURN_LIST_MAX = 500;

// Issue 17, replication:
/** Nodes NODE_URLS may list (a primary and its standbys; a JetStream cluster has three to five). */
export const NODE_URLS_MAX = 16;
// Issue 17, read replicas:
/** READ_WORKERS at most: each replica holds a whole copy of the state, so more than the cores of a large machine only
 * costs memory. */
export const READ_WORKERS_MAX = 32;
/** A query handed to a read worker and not answered within this is answered `overloaded` (a stuck or flooded worker
 * must not hang a connection). */
export const READ_REPLY_TIMEOUT_MS = 5_000;
/** How often each read worker reports its applied seq, replication lag and heap to the writer thread (/metrics). */
export const REPLICA_STATS_INTERVAL_MS = 500;
/** A read worker loads its replica from LMDB at start; past this the start fails (as seeding a scale would). */
export const REPLICA_START_MS_MAX = 10 * 60_000;
/**
 * A read worker that fails is started again (its queries meanwhile go to the others or the writer thread), at most
 * this many times within READ_WORKER_RESTART_WINDOW_MS; one more failure ends the engine (a replica that breaks again
 * and again is a bug to see, not to hide).
 */
export const READ_WORKER_RESTARTS_MAX = 3;
export const READ_WORKER_RESTART_WINDOW_MS = 10 * 60_000;
// Issue 17, primary and standby on NATS JetStream (engine/replication):
/** Leadership lease (LEASE_TTL_MS): a primary silent this long loses it; failover takes about this long. */
export const LEASE_TTL_MS_DEFAULT = 5_000;
/** A shorter lease would expire between renewals on a busy machine. */
export const LEASE_TTL_MS_MIN = 500;
/** Renewals per lease period: two may be lost before the lease lapses. */
export const LEASE_RENEWALS_PER_TTL = 3;
/** The primary stops acknowledging this fraction of the TTL before its own clock says the lease ends (clock rates differ). */
export const LEASE_SAFETY_FRACTION = 0.2;
/**
 * The cluster's attachment bucket (issue 17): a backstop over ATTACHMENT_BYTES_TOTAL_MAX, which each node enforces
 * on its own uploads (uploads to several nodes at once may together pass it a little).
 */
export const BLOB_BUCKET_BYTES_MAX = 2 * 2 * 1024 * 1024 * 1024;
/**
 * Access-log entries one access-log stream message carries at most (issue 17; an entry is about 200 bytes packed, a
 * NATS message at most 1 MiB by default); a turn that logs more sends several messages, in order.
 */
export const ACCESS_MESSAGE_ENTRIES_MAX = 2_000;
/**
 * Chunk size of snapshots and attachments in the object store buckets (clamped to the server's max_payload, 1 MiB by
 * default). The client publishes a put's chunks one after another, each waiting for its R3 ack, so the chunk size
 * sets the throughput: 128 KiB (the library's default) moved a 2.4 GB snapshot at about 8 MB/s here.
 */
export const OBJECT_CHUNK_BYTES = 1024 * 1024;
/**
 * Snapshots of the primary's LMDB into the object store (SNAPSHOT_INTERVAL_MS); a new standby starts from the latest.
 * Hourly: at ten years of a region a snapshot is a 2.4 GB copy and upload (minutes of disk and network), and a new
 * standby replays the stream after it (an hour of entries takes seconds), so more often buys nothing.
 */
export const SNAPSHOT_INTERVAL_MS_DEFAULT = 60 * 60 * 1000;
/** The journal stream keeps entries this long (STREAM_MAX_AGE_MS); older ones are in the snapshots. */
export const STREAM_MAX_AGE_MS_DEFAULT = 7 * 24 * 60 * 60 * 1000;
/** Replicas of the stream and the buckets (R3: one server may fail). */
export const STREAM_REPLICAS = 3;
/** A publish not acknowledged by the stream in this time fails the command and steps the primary down. */
export const REPLICATION_PUBLISH_TIMEOUT_MS = 5_000;
/** Msg-id dedup window of the stream: publishes are never retried after this. */
export const STREAM_DUPLICATE_WINDOW_MS = 30_000;
/** Recent replication delays a standby keeps for its lag p99 on /metrics and /health. */
export const REPLICATION_LAG_SAMPLES = 4_096;
/** Bytes of entries one stream message carries (a turn's burst may take several): half of NATS' default max_payload. */
export const REPLICATION_MESSAGE_BYTES_MAX = 512 * 1024;
