// What the articles of each ISO division look like: Swedish product noun, size variants, rental or sale, price range and share of the catalog.
import type { ArticleKind } from '../../schemas/primitives.ts';

export type VariantKind =
  | 'seatWidth'
  | 'seatHeight'
  | 'frameHeight'
  | 'bedSize'
  | 'load'
  | 'clothingSize'
  | 'compression'
  | 'orthosis'
  | 'cushion'
  | 'generic';

export interface DivisionProfile {
  code: string;
  /** Singular product noun that starts an article name, e.g. `Rollator`. */
  noun: string;
  /** Nouns a product family may use instead (accessories come in several kinds). */
  nouns: readonly string[];
  variants: VariantKind;
  kind: ArticleKind;
  priceKrMin: number;
  priceKrMax: number;
  /** Relative share of the catalog. */
  weight: number;
}

type ProfileRule = Partial<Omit<DivisionProfile, 'code' | 'nouns'>>;

const DEFAULT_RULE: Required<ProfileRule> = {
  noun: '',
  variants: 'generic',
  kind: 'sale',
  priceKrMin: 100,
  priceKrMax: 3000,
  weight: 1,
};

/**
 * Rules by code prefix; the longest matching prefix wins, fields fall back to shorter prefixes.
 * Big devices are rented (they come back to HMC); small aids, consumables and accessories are sold.
 */
const RULES: Readonly<Record<string, ProfileRule>> = {
  '04': { weight: 1.5 },
  '04 03': { kind: 'rental', priceKrMin: 4000, priceKrMax: 60000 },
  '04 06 06': { noun: 'Kompressionsstrumpa', variants: 'compression', priceKrMin: 250, priceKrMax: 900, weight: 40 },
  '04 03 33': { kind: 'sale' },
  '04 19 24': { kind: 'rental', priceKrMin: 8000, priceKrMax: 30000 },
  '04 33': { weight: 6, priceKrMin: 600, priceKrMax: 5000, variants: 'cushion' },
  '04 33 03': { noun: 'Sittdyna', priceKrMin: 900, priceKrMax: 7000, weight: 25 },
  '04 33 04': { noun: 'Ryggdyna' },
  '04 33 06': { noun: 'Madrass', variants: 'bedSize', kind: 'rental', priceKrMin: 3000, priceKrMax: 28000, weight: 18 },
  '04 48': { weight: 2, priceKrMin: 300, priceKrMax: 8000 },
  '04 48 03': { noun: 'Motionscykel', kind: 'rental' },
  '05': { weight: 0.5, priceKrMin: 150, priceKrMax: 3000 },
  '05 36 03': { noun: 'Ståstativ', kind: 'rental', priceKrMin: 15000, priceKrMax: 45000, weight: 4 },
  '06': { variants: 'orthosis', priceKrMin: 400, priceKrMax: 9000, weight: 1.5 },
  '06 24 27': { noun: 'Protesfot', priceKrMin: 8000, priceKrMax: 40000, weight: 3 },
  '06 24 33': { noun: 'Knäled', priceKrMin: 20000, priceKrMax: 250000, weight: 3 },
  '09': { weight: 2, priceKrMin: 80, priceKrMax: 1500 },
  '09 03': { variants: 'clothingSize', priceKrMin: 150, priceKrMax: 1200 },
  '09 07': { weight: 4, priceKrMin: 300, priceKrMax: 4000 },
  '09 09': { weight: 4, priceKrMin: 60, priceKrMax: 400 },
  '09 12': { weight: 5, priceKrMin: 150, priceKrMax: 2500 },
  '09 12 03': {
    noun: 'Toalettstol',
    variants: 'seatHeight',
    kind: 'rental',
    priceKrMin: 2500,
    priceKrMax: 9000,
    weight: 10,
  },
  '09 12 18': { noun: 'Toalettförhöjning', priceKrMin: 400, priceKrMax: 2000, weight: 8 },
  '09 30': { variants: 'clothingSize', priceKrMin: 60, priceKrMax: 450, weight: 8 },
  '09 30 18': { noun: 'Inkontinensskydd', weight: 12 },
  '09 30 21': { noun: 'Inkontinensskydd', weight: 12 },
  '09 30 24': { noun: 'Inkontinensbyxa', weight: 12 },
  '09 33': { weight: 5, priceKrMin: 150, priceKrMax: 3000 },
  '09 33 07': {
    noun: 'Duschstol',
    variants: 'seatHeight',
    kind: 'rental',
    priceKrMin: 2500,
    priceKrMax: 18000,
    weight: 18,
  },
  '09 33 12': { noun: 'Duschbrits', kind: 'rental', priceKrMin: 12000, priceKrMax: 45000 },
  '12': { weight: 1.5, priceKrMin: 200, priceKrMax: 5000 },
  '12 03': { weight: 8, priceKrMin: 150, priceKrMax: 900, variants: 'frameHeight' },
  '12 03 03': { noun: 'Käpp' },
  '12 03 06': { noun: 'Armbågskrycka' },
  '12 06': { kind: 'rental', variants: 'frameHeight', priceKrMin: 900, priceKrMax: 3500, weight: 10 },
  '12 06 03': { noun: 'Gåstativ', weight: 12 },
  '12 06 06': { noun: 'Rollator', variants: 'seatHeight', priceKrMin: 1500, priceKrMax: 4500, weight: 45 },
  '12 06 09': { noun: 'Gåstol', priceKrMin: 5000, priceKrMax: 14000, weight: 8 },
  '12 06 12': { noun: 'Gåbord', priceKrMin: 5000, priceKrMax: 16000, weight: 8 },
  '12 07': { weight: 10, priceKrMin: 80, priceKrMax: 1500 },
  '12 07 05': { noun: 'Doppsko' },
  '12 07 21': { noun: 'Sits till gånghjälpmedel' },
  '12 07 24': { noun: 'Korg till rollator', weight: 14 },
  '12 07 27': { noun: 'Käpphållare' },
  '12 07 36': { noun: 'Reflex till rollator' },
  '12 07 39': { noun: 'Hjul till rollator' },
  '12 18': { kind: 'rental', priceKrMin: 6000, priceKrMax: 40000 },
  '12 22': { noun: 'Rullstol', kind: 'rental', variants: 'seatWidth', priceKrMin: 7000, priceKrMax: 28000, weight: 15 },
  '12 22 03': { weight: 55 },
  '12 22 18': { noun: 'Komfortrullstol', priceKrMin: 15000, priceKrMax: 38000, weight: 25 },
  '12 23': {
    noun: 'Elrullstol',
    kind: 'rental',
    variants: 'seatWidth',
    priceKrMin: 35000,
    priceKrMax: 95000,
    weight: 10,
  },
  '12 23 06': { weight: 30 },
  '12 24': { weight: 10, priceKrMin: 150, priceKrMax: 6000 },
  '12 18 21': { kind: 'sale' },
  '12 24 03': { noun: 'Styrsystem', priceKrMin: 3000, priceKrMax: 20000 },
  '12 24 09': { noun: 'Drivaggregat', kind: 'rental', priceKrMin: 20000, priceKrMax: 60000, weight: 8 },
  '12 24 21': { noun: 'Drivhjul', variants: 'generic' },
  '12 27 04': {
    noun: 'Transportstol',
    kind: 'rental',
    variants: 'seatWidth',
    priceKrMin: 3000,
    priceKrMax: 9000,
    weight: 6,
  },
  '12 31': { weight: 6, priceKrMin: 300, priceKrMax: 6000 },
  '12 31 03': { noun: 'Glidmatta', weight: 10 },
  '12 31 06': { noun: 'Vridplatta' },
  '12 31 21': { noun: 'Förflyttningshjälpmedel', kind: 'rental', priceKrMin: 6000, priceKrMax: 20000, weight: 8 },
  '12 36': { kind: 'rental', variants: 'load', priceKrMin: 25000, priceKrMax: 65000, weight: 8 },
  '12 36 03': { noun: 'Personlyft', weight: 25 },
  '12 36 04': { noun: 'Stålyft', weight: 18 },
  '12 36 12': { noun: 'Taklyft', priceKrMin: 30000, priceKrMax: 80000, weight: 15 },
  '12 36 21': {
    noun: 'Lyftsele',
    kind: 'sale',
    variants: 'clothingSize',
    priceKrMin: 1200,
    priceKrMax: 5500,
    weight: 20,
  },
  '15': { weight: 1.5, priceKrMin: 80, priceKrMax: 2500 },
  '18': { weight: 2, priceKrMin: 150, priceKrMax: 4000 },
  '18 09': { kind: 'rental', priceKrMin: 2000, priceKrMax: 9000, weight: 5 },
  '18 09 39': { noun: 'Sittsystem', priceKrMin: 15000, priceKrMax: 45000, weight: 8 },
  '18 10': { weight: 5, priceKrMin: 300, priceKrMax: 4000 },
  '18 10 03': { noun: 'Ryggstöd', priceKrMin: 1500, priceKrMax: 6000, weight: 8 },
  '18 12': { weight: 4, priceKrMin: 200, priceKrMax: 3000 },
  '18 12 04': { noun: 'Säng', variants: 'bedSize', kind: 'rental', priceKrMin: 6000, priceKrMax: 15000 },
  '18 12 07': { noun: 'Säng', variants: 'bedSize', kind: 'rental', priceKrMin: 7000, priceKrMax: 18000 },
  '18 12 10': { noun: 'Säng', variants: 'bedSize', kind: 'rental', priceKrMin: 15000, priceKrMax: 38000, weight: 25 },
  '18 12 12': { noun: 'Sänglyft', kind: 'rental', priceKrMin: 5000, priceKrMax: 15000 },
  '18 12 18': { noun: 'Madrass', variants: 'bedSize', priceKrMin: 1500, priceKrMax: 6000, weight: 10 },
  '18 12 26': { noun: 'Sänggrind', priceKrMin: 800, priceKrMax: 3500, weight: 10 },
  '18 18': { weight: 6, priceKrMin: 200, priceKrMax: 2500 },
  '18 30 10': { noun: 'Trapphiss', kind: 'rental', priceKrMin: 40000, priceKrMax: 95000, weight: 6 },
  '18 30 15': { noun: 'Ramp', priceKrMin: 800, priceKrMax: 6000, weight: 6 },
  '18 30 24': { noun: 'Trappstöd', kind: 'rental', priceKrMin: 8000, priceKrMax: 25000, weight: 3 },
  '22': { weight: 1.5, priceKrMin: 200, priceKrMax: 5000 },
  '22 03 18': { noun: 'Läs-tv', kind: 'rental', priceKrMin: 15000, priceKrMax: 40000, weight: 5 },
  '22 09 03': { noun: 'Röstgenerator', kind: 'rental', priceKrMin: 3000, priceKrMax: 9000 },
  '22 09 06': { noun: 'Röstförstärkare', kind: 'rental', priceKrMin: 2000, priceKrMax: 8000, weight: 8 },
  '22 18 24': { noun: 'Samtalsförstärkare', kind: 'rental', priceKrMin: 2000, priceKrMax: 9000, weight: 5 },
  '22 21 09': { noun: 'Kommunikationshjälpmedel', kind: 'rental', priceKrMin: 15000, priceKrMax: 80000, weight: 12 },
  '22 21 12': { noun: 'Kommunikationsprogram', priceKrMin: 1500, priceKrMax: 12000, weight: 6 },
  '22 27 04': { noun: 'Signalsystem', kind: 'rental', priceKrMin: 2500, priceKrMax: 12000, weight: 5 },
  '22 27 12': { noun: 'Klocka', kind: 'rental', priceKrMin: 2000, priceKrMax: 6000, weight: 4 },
  '22 27 15': { noun: 'Kalender', kind: 'rental', priceKrMin: 8000, priceKrMax: 25000, weight: 5 },
  '22 27 16': { noun: 'Minneshjälpmedel', kind: 'rental', priceKrMin: 1500, priceKrMax: 15000, weight: 4 },
  '22 27 18': { noun: 'Trygghetslarm', kind: 'rental', priceKrMin: 2000, priceKrMax: 8000, weight: 3 },
  '22 27 33': { noun: 'Planeringsstöd', priceKrMin: 300, priceKrMax: 3000, weight: 3 },
  '22 36 12': { noun: 'Inmatningsenhet', kind: 'rental', priceKrMin: 10000, priceKrMax: 60000, weight: 4 },
  '24': { weight: 3, priceKrMin: 60, priceKrMax: 1500 },
  '24 21 03': { noun: 'Griptång', priceKrMin: 90, priceKrMax: 450, weight: 8 },
  '27': { weight: 0.4, priceKrMin: 200, priceKrMax: 8000 },
  '28': { weight: 0.4, priceKrMin: 300, priceKrMax: 12000 },
  '30': { weight: 0.5, priceKrMin: 100, priceKrMax: 5000 },
};

/** Divisions whose product families come in several kinds of thing (mostly accessories). */
const NOUN_ALTERNATIVES: Readonly<Record<string, readonly string[]>> = {
  '04 33 03': ['Sittdyna', 'Dyna', 'Positioneringsdyna'],
  '09 30 18': ['Inkontinensskydd', 'Inlägg'],
  '12 03 03': ['Käpp', 'Fällbar käpp', 'Käpp med handledsrem'],
  '12 07 05': ['Doppsko', 'Isdubb', 'Kryckdubb'],
  '12 07 24': [
    'Korg till rollator',
    'Bricka till rollator',
    'Väska till rollator',
    'Käpphållare till rollator',
    'Mugghållare till rollator',
  ],
  '12 07 27': ['Käpphållare', 'Kryckhållare'],
  '12 07 39': ['Hjul till rollator', 'Terränghjul till rollator'],
  '12 24 12': ['Belysning till rullstol', 'Reflexset till rullstol'],
  '12 24 21': ['Drivhjul', 'Länkhjul', 'Punkteringsfritt däck'],
  '12 24 24': ['Batteri till elrullstol', 'Batteriladdare'],
  '12 24 42': ['Väska till rullstol', 'Bricka till rullstol', 'Korg till rullstol'],
  '12 31 03': ['Glidmatta', 'Glidlakan', 'Vändlakan'],
  '12 36 21': ['Lyftsele', 'Lyftväst', 'Toalettsele'],
  '18 12 26': ['Sänggrind', 'Grindskydd'],
  '22 27 12': ['Klocka', 'Dagklocka', 'Väckarklocka'],
};

/** Prefixes of the accessory divisions: their articles are offered with the main devices. */
export const ACCESSORY_PREFIXES: readonly string[] = [
  '12 07',
  '12 24',
  '12 36 21',
  '18 12 18',
  '18 12 26',
  '22 06 27',
  '22 24 21',
];

export function isAccessoryDivision(code: string): boolean {
  return ACCESSORY_PREFIXES.some((prefix) => code.startsWith(prefix));
}

const TITLE_BREAK_WORDS = /\s(?:och|för|med|som|till|vid|utan|i|av|på|samt|eller|bakom|mot|att|under|in|ut)\s|,|\(/;
const MAX_HJALPMEDEL_NOUN_CHARS = 40;
const VOWEL = 'aeiouyåäöé';
/** Plural endings that regular rules get wrong: suffix → singular suffix. */
const IRREGULAR_SUFFIXES: readonly (readonly [string, string])[] = [
  ['skor', 'sko'],
  ['badkar', 'badkar'],
  ['bälten', 'bälte'],
  ['säten', 'säte'],
  ['händer', 'hand'],
  ['medier', 'medium'],
  ['påsar', 'påse'],
  ['handskar', 'handske'],
  ['kläder', 'kläder'],
  ['papper', 'papper'],
  ['fönster', 'fönster'],
  ['mönster', 'mönster'],
  ['stänger', 'stång'],
  ['tänger', 'tång'],
  ['filter', 'filter'],
  ['borstar', 'borste'],
  ['bågar', 'båge'],
  ['kuddar', 'kudde'],
  ['pinnar', 'pinne'],
  ['kälkar', 'kälke'],
];
/** Words after a noun that describe it (participles, adjectives): the noun is before them. */
const TRAILING_MODIFIER = /(?:ade|ad|da|na|ta|iga|ska)$/;

/** Restores the e that Swedish drops before l/r in the plural (cyklar → cykel), and kammar → kam. */
function restoreStem(stem: string): string {
  const last = stem.slice(-1);
  const beforeLast = stem.slice(-2, -1);
  if ((last === 'l' || last === 'r') && !VOWEL.includes(beforeLast) && beforeLast !== 'l' && beforeLast !== 'r') {
    return `${stem.slice(0, -1)}e${last}`;
  }
  return stem.endsWith('mm') ? stem.slice(0, -1) : stem;
}

/** Swedish plural head word → singular-ish noun; regular endings only, overridden by RULES where it matters. */
export function singularize(word: string): string {
  const lower = word.toLowerCase();
  for (const [plural, singular] of IRREGULAR_SUFFIXES) {
    if (lower.endsWith(plural)) return word.slice(0, word.length - plural.length) + singular;
  }
  if (lower.endsWith('are')) return word;
  if (/(?:or|os|es)er$/.test(lower)) return word.slice(0, -2);
  if (lower.endsWith('ar')) return restoreStem(word.slice(0, -2));
  if (lower.endsWith('or') && !VOWEL.includes(lower.slice(-3, -2))) return `${word.slice(0, -2)}a`;
  if (lower.endsWith('er')) return restoreStem(word.slice(0, -2));
  return word;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A product noun from a division's Swedish title: the head word of its first phrase, made singular. */
export function nounFromTitle(title: string): string {
  const plain = title.replace(/\s*\(.*?\)\s*/g, ' ').trim();
  const words = plain.split(TITLE_BREAK_WORDS)[0].trim().split(/\s+/);
  while (words.length > 1 && TRAILING_MODIFIER.test(words[words.length - 1])) words.pop();
  const last = words[words.length - 1];
  if (/^hjälpmedel$/i.test(last)) return plain.length <= MAX_HJALPMEDEL_NOUN_CHARS ? plain : 'Hjälpmedel';
  if (last.endsWith('-')) {
    // "Hand- och fingerortoser" keeps the pair; "tre- och fyrhjuliga cyklar" takes the noun.
    const rest = plain.slice(plain.indexOf(last) + last.length).replace(/^\s+och\s+/, '');
    const restWords = rest.split(TITLE_BREAK_WORDS)[0].trim().split(/\s+/);
    const noun = singularize(restWords[restWords.length - 1]);
    return capitalize(restWords.length === 1 ? `${last} och ${noun}` : noun);
  }
  return capitalize(singularize(last));
}

/** The profile of one division: rules from the class down to the division, noun from RULES or the title. */
export function divisionProfile(code: string, titleSv: string): DivisionProfile {
  const merged: Required<ProfileRule> = { ...DEFAULT_RULE };
  const prefixes = [code.slice(0, 2), code.slice(0, 5), code];
  for (const prefix of prefixes) Object.assign(merged, RULES[prefix] ?? {});
  const ownNoun = RULES[code]?.noun ?? RULES[code.slice(0, 5)]?.noun ?? '';
  const noun = ownNoun !== '' ? ownNoun : nounFromTitle(titleSv);
  return { ...merged, code, noun, nouns: NOUN_ALTERNATIVES[code] ?? [noun] };
}
