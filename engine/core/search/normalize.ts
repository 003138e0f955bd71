// Text normalisation: lower-casing, diacritic folding and tokenising, shared by index and query.

const COMBINING_MARKS = /\p{M}+/gu;
const TOKEN = /[\p{L}\p{N}]+/gu;
const DIGIT = /\p{N}/u;

/** Letters that NFD does not decompose but a Swedish user would type without the mark. */
const SPECIAL_FOLDS: Readonly<Record<string, string>> = {
  ø: 'o',
  æ: 'ae',
  œ: 'oe',
  ß: 'ss',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
};
const SPECIAL_FOLD_CHARS = /[øæœßłđðþı]/g;
const NON_ASCII = /[\u0080-\uffff]/;

/** Lower-case in NFC so composed and decomposed input compare equal; locale-independent on purpose. */
export function lower(text: string): string {
  return text.normalize('NFC').toLowerCase();
}

/** Fold diacritics: å→a, ä→a, ö→o, é→e, ü→u, ø→o … Input must already be lower-case. */
export function fold(word: string): string {
  if (!NON_ASCII.test(word)) return word; // the common case allocates nothing
  return word
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .replace(SPECIAL_FOLD_CHARS, (c) => SPECIAL_FOLDS[c] ?? c)
    .normalize('NFC');
}

/** Split lower-cased text into words of letters and digits; everything else separates. */
export function tokenize(text: string): string[] {
  return lower(text).match(TOKEN) ?? [];
}

/** Words containing digits (sizes, model numbers) never get typo tolerance: 42 vs 43 is not a typo. */
export function hasDigit(word: string): boolean {
  return DIGIT.test(word);
}

/** Case- and diacritic-insensitive key for supplier-name filtering: folded words joined by one space. */
export function foldPhrase(text: string): string {
  return tokenize(text).map(fold).join(' ');
}

/** Digits only, for ISO codes written '12 06 06', '120606' or '12-06-06'. */
export function digitsOnly(text: string): string {
  return text.replace(/\D+/g, '');
}
