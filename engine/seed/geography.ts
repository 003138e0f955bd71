// Halland's municipalities, localities, postal code ranges and streets (from sweden.md), plus a few other regions for non-residents.

export interface Locality {
  name: string;
  /** Five-digit postal codes of the locality, inclusive range (written `NNN NN`). */
  postalMin: number;
  postalMax: number;
  weight: number;
  /** Real street names of the town plus COMMON_STREETS; villages only COMMON_STREETS. */
  streets: readonly string[];
  /** Towns have longer streets (higher house numbers). */
  isTown: boolean;
}

export interface Municipality {
  /** SCB kommunkod. */
  code: string;
  name: string;
  countyCode: string;
  /** Population, thousands (approximate, 2023). */
  weight: number;
  localities: readonly Locality[];
}

export const HALLAND_COUNTY_CODE = '13';

/** Street names found in almost every Swedish village. */
export const COMMON_STREETS: readonly string[] = [
  'Storgatan',
  'Kyrkvägen',
  'Skolvägen',
  'Stationsvägen',
  'Byvägen',
  'Ängsvägen',
  'Björkvägen',
  'Ekvägen',
  'Lindvägen',
  'Bokvägen',
  'Långgatan',
  'Parkvägen',
  'Norra vägen',
  'Solvägen',
  'Kvarnvägen',
  'Åkervägen',
];

function village(name: string, postalMin: number, postalMax: number, weight: number): Locality {
  return { name, postalMin, postalMax, weight, streets: COMMON_STREETS, isTown: false };
}

function town(
  name: string,
  postalMin: number,
  postalMax: number,
  weight: number,
  streets: readonly string[],
): Locality {
  return { name, postalMin, postalMax, weight, streets: [...streets, ...COMMON_STREETS], isTown: true };
}

export const HALLAND_MUNICIPALITIES: readonly Municipality[] = [
  {
    code: '1380',
    name: 'Halmstad',
    countyCode: HALLAND_COUNTY_CODE,
    weight: 105,
    localities: [
      town('Halmstad', 30220, 30295, 70, [
        'Kyrkogatan',
        'Storgatan',
        'Brogatan',
        'Köpmansgatan',
        'Stora Torg',
        'Laholmsvägen',
        'Kristian IV:s väg',
        'Lasarettsvägen',
        'Strandgatan',
      ]),
      village('Getinge', 30570, 30577, 4),
      village('Oskarström', 31330, 31335, 6),
      village('Harplinge', 30560, 30565, 3),
      village('Gullbrandstorp', 30566, 30569, 3),
      village('Simlångsdalen', 31350, 31352, 2),
      village('Haverdal', 30561, 30563, 3),
      village('Steninge', 30564, 30565, 1),
      village('Tylösand', 30270, 30273, 1),
    ],
  },
  {
    code: '1384',
    name: 'Kungsbacka',
    countyCode: HALLAND_COUNTY_CODE,
    weight: 85,
    localities: [
      town('Kungsbacka', 43430, 43450, 40, [
        'Storgatan',
        'Kungsgatan',
        'Södra Torggatan',
        'Borgåsvägen',
        'Varbergsvägen',
        'Hantverksgatan',
      ]),
      village('Onsala', 43930, 43937, 14),
      village('Åsa', 43954, 43955, 4),
      village('Frillesås', 43960, 43961, 3),
      village('Fjärås', 43971, 43974, 5),
      village('Kullavik', 42934, 42935, 5),
      village('Särö', 42940, 42944, 4),
      village('Vallda', 43494, 43496, 3),
      village('Anneberg', 43497, 43498, 2),
    ],
  },
  {
    code: '1383',
    name: 'Varberg',
    countyCode: HALLAND_COUNTY_CODE,
    weight: 67,
    localities: [
      town('Varberg', 43230, 43255, 40, [
        'Kungsgatan',
        'Drottninggatan',
        'Västra Vallgatan',
        'Engelbrektsgatan',
        'Östra Långgatan',
        'Birger Svenssons väg',
      ]),
      village('Tvååker', 43274, 43277, 5),
      village('Veddige', 43268, 43269, 3),
      village('Träslövsläge', 43245, 43246, 3),
      village('Bua', 43267, 43268, 2),
      village('Trönninge', 43256, 43257, 2),
      village('Väröbacka', 43265, 43266, 2),
      village('Rolfstorp', 43278, 43279, 1),
      village('Kungsäter', 43263, 43264, 1),
      village('Himle', 43291, 43292, 1),
    ],
  },
  {
    code: '1382',
    name: 'Falkenberg',
    countyCode: HALLAND_COUNTY_CODE,
    weight: 47,
    localities: [
      town('Falkenberg', 31130, 31145, 28, [
        'Storgatan',
        'Nygatan',
        'Holgersgatan',
        'Arvidstorpsvägen',
        'Tullbrogatan',
        'Sandgatan',
      ]),
      village('Ullared', 31160, 31160, 2),
      village('Vessigebro', 31164, 31165, 2),
      village('Skogstorp', 31150, 31151, 2),
      village('Glommen', 31178, 31179, 1),
      village('Långås', 31170, 31171, 1),
      village('Slöinge', 31168, 31169, 2),
      village('Heberg', 31172, 31173, 1),
      village('Ätran', 31166, 31167, 1),
    ],
  },
  {
    code: '1381',
    name: 'Laholm',
    countyCode: HALLAND_COUNTY_CODE,
    weight: 26,
    localities: [
      town('Laholm', 31230, 31235, 7, ['Lagavägen', 'Storgatan', 'Hästtorget', 'Trädgårdsgatan', 'Tivoligatan']),
      village('Mellbystrand', 31260, 31262, 4),
      village('Skummeslövsstrand', 31272, 31272, 2),
      village('Våxtorp', 31263, 31264, 2),
      village('Veinge', 31250, 31251, 2),
      village('Knäred', 31252, 31253, 1),
      village('Vallberga', 31254, 31255, 1),
      village('Hishult', 31296, 31297, 1),
      village('Ysby', 31298, 31299, 1),
    ],
  },
  {
    code: '1315',
    name: 'Hylte',
    countyCode: HALLAND_COUNTY_CODE,
    weight: 11,
    localities: [
      town('Hyltebruk', 31430, 31434, 5, ['Storgatan', 'Nissastigen']),
      village('Torup', 31441, 31441, 2),
      village('Unnaryd', 31451, 31452, 1),
      village('Landeryd', 31453, 31454, 1),
      village('Rydöbruk', 31470, 31471, 1),
      village('Kinnared', 31491, 31492, 1),
    ],
  },
];

/** Where the ~2 % non-residents live; they are in the register but cannot be prescribed to. */
export const OTHER_MUNICIPALITIES: readonly Municipality[] = [
  {
    code: '1480',
    name: 'Göteborg',
    countyCode: '14',
    weight: 50,
    localities: [
      town('Göteborg', 41101, 41780, 1, [
        'Linnégatan',
        'Vasagatan',
        'Övre Husargatan',
        'Första Långgatan',
        'Karl Johansgatan',
        'Kungsportsavenyen',
      ]),
    ],
  },
  {
    code: '1280',
    name: 'Malmö',
    countyCode: '12',
    weight: 20,
    localities: [
      town('Malmö', 21110, 21775, 1, ['Södergatan', 'Regementsgatan', 'Amiralsgatan', 'Kungsgatan', 'Möllevångsgatan']),
    ],
  },
  {
    code: '0680',
    name: 'Jönköping',
    countyCode: '06',
    weight: 15,
    localities: [
      town('Jönköping', 55310, 55645, 1, ['Östra Storgatan', 'Västra Storgatan', 'Barnarpsgatan', 'Kungsgatan']),
    ],
  },
  {
    code: '0180',
    name: 'Stockholm',
    countyCode: '01',
    weight: 15,
    localities: [town('Stockholm', 11120, 11860, 1, ['Drottninggatan', 'Götgatan', 'Hornsgatan', 'Sveavägen'])],
  },
];

/** `30233` → `302 33`. */
export function formatPostalCode(code: number): string {
  const digits = String(code);
  return `${digits.slice(0, 3)} ${digits.slice(3)}`;
}
