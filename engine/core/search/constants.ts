// Named limits, weights and tuning knobs of the catalog search index (one place to review them).

// The limits of the public contract (query text, hits, offset, suggestions) are in schemas/limits.ts.

/** Words beyond this are ignored; more words only narrow an AND query that is already specific. */
export const QUERY_TERMS_MAX = 8;

/** Article numbers are exactly six digits. */
export const ARTNO_DIGITS = 6;
/** A purely numeric query of at least this many digits is looked up as an article-number prefix. */
export const ARTNO_PREFIX_MIN_DIGITS = 3;

/** The last query word is expanded as a prefix only from this length: one letter would touch half the catalogue. */
export const PREFIX_MIN_CHARS = 2;
/** Query words of this many letters tolerate one edit (Damerau-Levenshtein, transposition = 1). */
export const TYPO1_MIN_CHARS = 4;
/** Query words of this many letters tolerate two edits. */
export const TYPO2_MIN_CHARS = 8;
/** The deletion index stores every vocabulary word's deletions up to this distance. */
export const TYPO_DISTANCE_MAX = 2;
/** Longer words get no typo tolerance and stay out of the typo index (deletion sets grow quadratically). */
export const TYPO_WORD_CHARS_MAX = 32;
/** A no-hit query word only gets a "did you mean" when a vocabulary word lies this close. */
export const SUGGEST_DISTANCE_MAX = 2;
/** Words shorter than this get no "did you mean": at two letters everything is two edits away. */
export const SUGGEST_MIN_CHARS = 3;

/** Compound heads: the modifier in front of a head must be at least this long (gå|stol). */
export const COMPOUND_MODIFIER_MIN_CHARS = 2;
/** Plural stems of ISO title words must keep at least this many letters (säng|ar, not st|or). */
export const STEM_MIN_CHARS = 4;

/** Term expansions kept between index changes (see term-memo.ts); the memo starts over when full. */
export const TERM_MEMO_MAX = 32768;
/** Terms whose per-class totals are kept (term-counts.ts): each costs a few loads per stock change that crosses zero. */
export const TERM_COUNTS_MAX = 256;
/** Merged name-list and reach entries the memo may hold in all (9–16 bytes each); it starts over beyond. */
export const TERM_MEMO_HELD_ENTRIES_MAX = 2_000_000;

/** A term's name lists are merged into one array (merged-names.ts) from this many lists… */
export const MERGE_LISTS_MIN = 4;
/** …unless they hold more entries than this: then per-pair counts of long lists count faster than a walk. */
export const MERGE_ENTRIES_MAX = 32_768;

/** New vocabulary words wait in an unsorted tail until this many, then merge into the sorted prefix array. */
export const VOCAB_PENDING_MAX = 256;

// Match quality per query term (larger is better): exact > prefix > typo, exact diacritics > folded.
// The order is part of the score model (score.ts): changing it is changing ranking (README, "Changing ranking").
export const Q_EXACT = 10;
export const Q_FOLDED = 9;
export const Q_PREFIX = 7;
export const Q_PREFIX_FOLDED = 6;
export const Q_TYPO1 = 4;
export const Q_TYPO2 = 3;

// Field weights: name matches rank above supplier, above ISO-title-only matches; derived parts a bit lower.
// A term's score is quality × weight (score.ts, termScore); the name weight must stay the largest.
export const W_NAME = 10;
export const W_NAME_PART = 7;
export const W_SUPPLIER = 9;
export const W_TITLE = 6;
export const W_TITLE_DERIVED = 5;

/** Status rank folded into the primary sort key below relevance: active > outgoing > discontinued. */
export const STATUS_RANKS = 3;

// Posting flag bits. Name postings: the whole word or a compound head of it.
export const FLAG_WHOLE = 1;
/** Name: compound head (duschstol → stol). Title: compound head or plural stem (rollatorer → rollator). */
export const FLAG_DERIVED = 2;
