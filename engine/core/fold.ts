// Text folding for matching: lower case, Swedish and other diacritics removed (å→a, ä→a, ö→o, é→e).

const DIACRITICS = /[\u0300-\u036f]/g;

export function fold(text: string): string {
  return text.toLowerCase().normalize('NFD').replace(DIACRITICS, '');
}

/** Folded words of a text, split on anything that is not a letter or digit. */
export function words(text: string): string[] {
  return fold(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0);
}
