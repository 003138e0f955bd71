// The population register (CFR): valid personnummer, names that fit sex and era, Halland addresses weighted by population, a few non-residents and protected identities.
import type { Person } from '../../schemas/entities.ts';
import {
  HALLAND_MUNICIPALITIES,
  type Locality,
  type Municipality,
  OTHER_MUNICIPALITIES,
  formatPostalCode,
} from './geography.ts';
import {
  ERA_MIDDLE_FROM_YEAR,
  ERA_YOUNG_FROM_YEAR,
  FAMILY_NAMES,
  FEMALE_NAMES_MIDDLE,
  FEMALE_NAMES_OLD,
  FEMALE_NAMES_YOUNG,
  MALE_NAMES_MIDDLE,
  MALE_NAMES_OLD,
  MALE_NAMES_YOUNG,
} from './names.ts';
import { DEMO_PERSONS } from './demo-persons.ts';
import { type Prng, WeightedTable } from './prng.ts';

/** The synthetic register's "this year": ages are counted from it, so no clock is read. */
export const REFERENCE_YEAR = 2025;
/** Patients of this age or more hold most devices. */
export const OLD_AGE_YEARS = 65;

const MALE_SHARE = 0.5;
const NON_RESIDENT_SHARE = 0.02;
const PROTECTED_SHARE = 0.003;
const PALLIATIVE_SHARE = 0.03;
const SAMORDNING_SHARE = 0.015;
const SAMORDNING_DAY_OFFSET = 60;
/** Ages in years, skewed old: assistive devices go mostly to people of 70–95. */
const AGE_BANDS = new WeightedTable<readonly [number, number]>(
  [
    [1, 17],
    [18, 44],
    [45, 64],
    [65, 74],
    [75, 84],
    [85, 94],
    [95, 99],
    [100, 110],
  ],
  [8, 10, 14, 20, 26, 17, 3, 0.3],
);
const HOUSE_NUMBER_MAX_TOWN = 120;
const HOUSE_NUMBER_MAX_VILLAGE = 60;
const BIRTH_NUMBER_PAIRS = 500;
const PROGRESS_EVERY = 100_000;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;
/** Digit sum of 2·d, for the Luhn digit. */
const DOUBLED_DIGIT_SUM = [0, 2, 4, 6, 8, 1, 3, 5, 7, 9] as const;

const PAD2 = Array.from({ length: 100 }, (_, i) => String(i).padStart(2, '0'));
const PAD3 = Array.from({ length: 1000 }, (_, i) => String(i).padStart(3, '0'));

/** Luhn digit over YYMMDDNNN from numbers, without building the string first. */
function luhnDigit(yy: number, mm: number, dd: number, nnn: number): number {
  const sum =
    DOUBLED_DIGIT_SUM[(yy / 10) | 0] +
    (yy % 10) +
    DOUBLED_DIGIT_SUM[(mm / 10) | 0] +
    (mm % 10) +
    DOUBLED_DIGIT_SUM[(dd / 10) | 0] +
    (dd % 10) +
    DOUBLED_DIGIT_SUM[(nnn / 100) | 0] +
    (((nnn / 10) | 0) % 10) +
    DOUBLED_DIGIT_SUM[nnn % 10];
  return (10 - (sum % 10)) % 10;
}

function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1];
}

interface StreetPlace {
  name: string;
  postalCode: string;
  /** `Storgatan 12` by house number, built on first use and shared by everyone living there. */
  byNumber: string[];
  houseNumberMax: number;
}

interface PlaceTables {
  municipality: Municipality;
  localities: WeightedTable<Locality>;
  streets: Map<Locality, StreetPlace[]>;
}

function placeTables(municipality: Municipality, prng: Prng): PlaceTables {
  const streets = new Map<Locality, StreetPlace[]>();
  for (const locality of municipality.localities) {
    streets.set(
      locality,
      locality.streets.map((name) => ({
        name,
        postalCode: formatPostalCode(prng.int(locality.postalMin, locality.postalMax)),
        byNumber: [],
        houseNumberMax: locality.isTown ? HOUSE_NUMBER_MAX_TOWN : HOUSE_NUMBER_MAX_VILLAGE,
      })),
    );
  }
  const localities = new WeightedTable(
    municipality.localities,
    municipality.localities.map((l) => l.weight),
  );
  return { municipality, localities, streets };
}

function streetAddress(place: StreetPlace, prng: Prng): string {
  const number = prng.int(1, place.houseNumberMax);
  const known = place.byNumber[number];
  if (known !== undefined) return known;
  const address = `${place.name} ${number}`;
  place.byNumber[number] = address;
  return address;
}

interface PersonContext {
  prng: Prng;
  halland: WeightedTable<PlaceTables>;
  others: WeightedTable<PlaceTables>;
  familyNames: WeightedTable<string>;
  persons: Map<string, Person>;
}

function givenNamesFor(male: boolean, year: number): readonly string[] {
  if (year >= ERA_YOUNG_FROM_YEAR) return male ? MALE_NAMES_YOUNG : FEMALE_NAMES_YOUNG;
  if (year >= ERA_MIDDLE_FROM_YEAR) return male ? MALE_NAMES_MIDDLE : FEMALE_NAMES_MIDDLE;
  return male ? MALE_NAMES_OLD : FEMALE_NAMES_OLD;
}

/** A free personnummer (or samordningsnummer) for a birth year; the birth number's last digit gives the sex. */
function drawPnr(ctx: PersonContext, year: number, male: boolean): string {
  const { prng } = ctx;
  for (;;) {
    const month = prng.int(1, 12);
    const day = prng.int(1, daysInMonth(year, month));
    const dayField = prng.chance(SAMORDNING_SHARE) ? day + SAMORDNING_DAY_OFFSET : day;
    const birthNumber = prng.int(male ? 0 : 1, BIRTH_NUMBER_PAIRS - 1) * 2 + (male ? 1 : 0);
    const yy = year % 100;
    const pnr = `${year}${PAD2[month]}${PAD2[dayField]}${PAD3[birthNumber]}${luhnDigit(yy, month, dayField, birthNumber)}`;
    if (!ctx.persons.has(pnr)) return pnr;
  }
}

function makePerson(ctx: PersonContext): Person {
  const { prng } = ctx;
  const [ageMin, ageMax] = AGE_BANDS.pick(prng);
  const year = REFERENCE_YEAR - prng.int(ageMin, ageMax);
  const male = prng.chance(MALE_SHARE);
  const place = (prng.chance(NON_RESIDENT_SHARE) ? ctx.others : ctx.halland).pick(prng);
  const locality = place.localities.pick(prng);
  const street = prng.pick(place.streets.get(locality)!);
  return {
    pnr: drawPnr(ctx, year, male),
    givenName: prng.pick(givenNamesFor(male, year)),
    familyName: ctx.familyNames.pick(prng),
    address: { street: streetAddress(street, prng), postalCode: street.postalCode, city: locality.name },
    municipalityCode: place.municipality.code,
    municipality: place.municipality.name,
    countyCode: place.municipality.countyCode,
    protectedIdentity: prng.chance(PROTECTED_SHARE),
    palliative: prng.chance(PALLIATIVE_SHARE),
  };
}

/** Residents who can hold devices, split so that old people can be favoured. */
export interface Holders {
  residents: string[];
  residentsOld: string[];
}

/** Fills `persons` with the demo persons plus generated ones up to `count`; returns who can hold devices. */
export function generatePersons(
  prng: Prng,
  count: number,
  persons: Map<string, Person>,
  progress: (done: number, total: number) => void,
): Holders {
  const tables = (list: readonly Municipality[]) =>
    new WeightedTable(
      list.map((m) => placeTables(m, prng)),
      list.map((m) => m.weight),
    );
  const names = Object.keys(FAMILY_NAMES);
  const ctx: PersonContext = {
    prng,
    persons,
    halland: tables(HALLAND_MUNICIPALITIES),
    others: tables(OTHER_MUNICIPALITIES),
    familyNames: new WeightedTable(
      names,
      names.map((n) => FAMILY_NAMES[n]),
    ),
  };
  for (const person of DEMO_PERSONS) persons.set(person.pnr, structuredClone(person));
  while (persons.size < count) {
    const person = makePerson(ctx);
    persons.set(person.pnr, person);
    if (persons.size % PROGRESS_EVERY === 0) progress(persons.size, count);
  }
  return holdersOf(persons);
}

function holdersOf(persons: Map<string, Person>): Holders {
  const residents: string[] = [];
  const residentsOld: string[] = [];
  const oldBornBy = REFERENCE_YEAR - OLD_AGE_YEARS;
  for (const person of persons.values()) {
    if (person.countyCode !== HALLAND_MUNICIPALITIES[0].countyCode) continue;
    residents.push(person.pnr);
    if (Number(person.pnr.slice(0, 4)) <= oldBornBy) residentsOld.push(person.pnr);
  }
  return { residents, residentsOld };
}
