// Fixed register persons every seed and scale contains: patients the demo and the tests look up by personnummer.
import type { Person } from '../../schemas/entities.ts';

function person(
  pnr: string,
  givenName: string,
  familyName: string,
  street: string,
  postalCode: string,
  city: string,
  municipalityCode: string,
  municipality: string,
  extra: Partial<Person> = {},
): Person {
  return {
    pnr,
    givenName,
    familyName,
    address: { street, postalCode, city },
    municipalityCode,
    municipality,
    countyCode: municipalityCode.slice(0, 2),
    protectedIdentity: false,
    palliative: false,
    ...extra,
  };
}

export const DEMO_PNR = {
  /** Skatteverket's classic example number; born 1912, so written with `+`. */
  tolvan: '191212121212',
  /** Holds a rollator, a bed and a lift. */
  erik: '198112189876',
  /** Samordningsnummer (day + 60), Skatteverket's example 701063-2391. */
  lars: '197010632391',
  /** Compression stockings patient. */
  margareta: '194702213689',
  /** Palliative care (purpose code PV). */
  goran: '193809154572',
  /** Skyddad identitet: never listed in searches. */
  karin: '194503122345',
  /** Lives in Göteborg: in the register but not prescribable in Halland. */
  birgitta: '195207042465',
} as const;

export const DEMO_PERSONS: readonly Person[] = [
  person(DEMO_PNR.tolvan, 'Tolvan', 'Tolvansson', 'Storgatan 12', '302 43', 'Halmstad', '1380', 'Halmstad'),
  person(DEMO_PNR.erik, 'Erik', 'Lindqvist', 'Kungsgatan 21', '432 41', 'Varberg', '1383', 'Varberg'),
  person(DEMO_PNR.lars, 'Lars', 'Andersson', 'Varbergsvägen 3', '434 37', 'Kungsbacka', '1384', 'Kungsbacka'),
  person(DEMO_PNR.margareta, 'Margareta', 'Svensson', 'Brogatan 7', '302 42', 'Halmstad', '1380', 'Halmstad'),
  person(DEMO_PNR.goran, 'Göran', 'Nyberg', 'Nygatan 14', '311 37', 'Falkenberg', '1382', 'Falkenberg', {
    palliative: true,
  }),
  person(DEMO_PNR.karin, 'Karin', 'Holm', 'Tivoligatan 5', '312 32', 'Laholm', '1381', 'Laholm', {
    protectedIdentity: true,
  }),
  person(DEMO_PNR.birgitta, 'Birgitta', 'Berg', 'Linnégatan 30', '413 04', 'Göteborg', '1480', 'Göteborg'),
];
