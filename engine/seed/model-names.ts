// Invented product model names (`Arvella 300`, `Norina Comfort`) for divisions without named supplier products.
import type { Prng } from './prng.ts';

const ONSETS = [
  'Ar',
  'Bel',
  'Cor',
  'Del',
  'El',
  'Fa',
  'Gra',
  'Hel',
  'Is',
  'Jo',
  'Ka',
  'Li',
  'Mo',
  'No',
  'Or',
  'Pa',
  'Ro',
  'Sa',
  'Ta',
  'Ul',
  'Ve',
  'Vi',
  'Za',
  'Lu',
  'Mi',
  'Ne',
  'Sto',
  'Tri',
  'Bri',
  'Fle',
  'Al',
  'Sol',
] as const;
const MIDDLES = [
  'a',
  'e',
  'i',
  'o',
  'ra',
  'ri',
  'lo',
  'va',
  'ne',
  'mi',
  'ta',
  'ro',
  'li',
  've',
  'no',
  'sa',
  'vel',
  'mar',
  'ten',
] as const;
const CODAS = [
  'n',
  's',
  'x',
  'ra',
  'ro',
  'na',
  'ne',
  'lo',
  'la',
  'to',
  'ta',
  'va',
  'ia',
  'io',
  'on',
  'is',
  'us',
  'ex',
  'ar',
  'or',
] as const;
const SERIES = [
  'Plus',
  'Pro',
  'Lite',
  'Comfort',
  'Active',
  'Flex',
  'Ergo',
  'Basic',
  'Smart',
  'Junior',
  'XL',
  'II',
  'S',
  'Mini',
] as const;

const MIDDLE_PROBABILITY = 0.45;
const GENERATIONS = ['II', 'III', 'Plus', 'Pro', 'Neo', 'Evo', 'S', 'X'] as const;
const SERIES_PROBABILITY = 0.3;
const NUMBER_PROBABILITY = 0.3;
const MODEL_NUMBER_MIN = 1;
const MODEL_NUMBER_MAX = 9;
const MODEL_NUMBER_STEP = 100;

/** Syllable combinations that read as English words rather than product names. */
const AWKWARD_NAMES: ReadonlySet<string> = new Set(['None', 'Ions', 'Lion', 'Ela', 'Isis']);

function inventStem(prng: Prng): string {
  for (;;) {
    const stem = prng.pick(ONSETS) + (prng.chance(MIDDLE_PROBABILITY) ? prng.pick(MIDDLES) : '') + prng.pick(CODAS);
    if (!AWKWARD_NAMES.has(stem)) return stem;
  }
}

/** A pronounceable invented model name, sometimes with a series word or model number. */
export function inventModelName(prng: Prng): string {
  let name = inventStem(prng);
  if (prng.chance(SERIES_PROBABILITY)) name += ` ${prng.pick(SERIES)}`;
  else if (prng.chance(NUMBER_PROBABILITY))
    name += ` ${prng.int(MODEL_NUMBER_MIN, MODEL_NUMBER_MAX) * MODEL_NUMBER_STEP}`;
  return name;
}

/** A successor model name, used when a name is taken: `Dolomite Jazz` → `Dolomite Jazz II`. */
export function nextGeneration(model: string, attempt: number): string {
  return attempt < GENERATIONS.length ? `${model} ${GENERATIONS[attempt]}` : `${model} ${attempt + 2}`;
}
