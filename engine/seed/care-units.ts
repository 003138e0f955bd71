// Care units (vårdenheter) with customer numbers and delivery addresses: the users' workplaces and the owners of buffer warehouses.
import type { Address, CareProvider } from '../../schemas/entities.ts';
import { DEFAULT_CARE_PROVIDER } from '../core/patient-access/care-provider.ts';
import { HALLAND_MUNICIPALITIES, type Locality, formatPostalCode } from './geography.ts';

export interface CareUnit {
  id: string;
  name: string;
  /** Kommunkod + three-digit serial, e.g. 1380001. */
  customerNo: string;
  address: Address;
  /** Vårdgivare: the region, or the municipality for municipal home care. */
  careProvider: CareProvider;
}

/** Region Halland runs the health centres, rehab and HMC; a municipality runs home care (hemsjukvård). */
export const REGION_HALLAND: CareProvider = DEFAULT_CARE_PROVIDER;
export const KUNGSBACKA_KOMMUN: CareProvider = { id: 'kungsbacka-kommun', name: 'Kungsbacka kommun' };

function unit(
  id: string,
  name: string,
  customerNo: string,
  street: string,
  postalCode: string,
  city: string,
  careProvider: CareProvider = REGION_HALLAND,
): CareUnit {
  return { id, name, customerNo, address: { street, postalCode, city }, careProvider };
}

/** Fixed units: the demo users work here, and the first three own buffers B101–B103. */
export const CARE_UNITS = {
  rehabHalmstad: unit('rehab-halmstad', 'Rehab Halmstad', '1380001', 'Lasarettsvägen 10', '302 33', 'Halmstad'),
  vcTvaaker: unit('vc-tvaaker', 'Vårdcentralen Tvååker', '1383002', 'Skolvägen 4', '432 75', 'Tvååker'),
  kbLaholm: unit('kb-laholm', 'Korttidsboende Laholm', '1381003', 'Trädgårdsgatan 9', '312 31', 'Laholm'),
  hemsjukvardKungsbacka: unit(
    'hsv-kungsbacka',
    'Hemsjukvård Kungsbacka',
    '1384004',
    'Borgåsvägen 4',
    '434 33',
    'Kungsbacka',
    KUNGSBACKA_KOMMUN,
  ),
  rehabVarberg: unit('rehab-varberg', 'Rehab Varberg', '1383005', 'Östra Långgatan 20', '432 41', 'Varberg'),
  logopedHalmstad: unit(
    'logoped-halmstad',
    'Logopedmottagningen Halmstad',
    '1380006',
    'Lasarettsvägen 12',
    '302 33',
    'Halmstad',
  ),
  vcFalkenberg: unit('vc-falkenberg', 'Vårdcentralen Falkenberg', '1382007', 'Holgersgatan 8', '311 34', 'Falkenberg'),
  hmcHalland: unit(
    'hmc-halland',
    'Hjälpmedelscentrum Halland',
    '1380008',
    'Kristian IV:s väg 30',
    '302 50',
    'Halmstad',
  ),
} as const;

const FIXED_BUFFER_OWNERS: readonly CareUnit[] = [CARE_UNITS.rehabHalmstad, CARE_UNITS.vcTvaaker, CARE_UNITS.kbLaholm];
const UNIT_TYPES = ['Vårdcentralen', 'Korttidsboende', 'Rehab', 'Hemsjukvård', 'Särskilt boende', 'Hemrehab'] as const;
const GENERATED_SERIAL_START = 101;
const HOUSE_NUMBER_SPREAD = 40;

/** Every Halland locality with its municipality code, biggest first, so the first units are in the towns. */
function localitiesBySize(): { code: string; locality: Locality }[] {
  const all = HALLAND_MUNICIPALITIES.flatMap((m) => m.localities.map((locality) => ({ code: m.code, locality })));
  return all.sort((a, b) => b.locality.weight - a.locality.weight || (a.locality.name < b.locality.name ? -1 : 1));
}

function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[åä]/g, 'a')
    .replace(/ö/g, 'o')
    .replace(/[^a-z0-9]+/g, '-');
}

/** The care units that own buffer warehouses B101, B102, …: the fixed three, then type × locality. */
export function bufferOwners(count: number): CareUnit[] {
  const owners = FIXED_BUFFER_OWNERS.slice(0, count);
  const localities = localitiesBySize();
  const taken = new Set<string>(Object.values(CARE_UNITS).map((u) => u.name));
  for (let i = 0; owners.length < count; i++) {
    const { code, locality } = localities[i % localities.length];
    const type = UNIT_TYPES[(i + Math.floor(i / localities.length)) % UNIT_TYPES.length];
    const name = `${type} ${locality.name}`;
    if (taken.has(name)) continue;
    taken.add(name);
    const street = `${locality.streets[i % locality.streets.length]} ${1 + ((i * 7) % HOUSE_NUMBER_SPREAD)}`;
    const postal = locality.postalMin + (i % (locality.postalMax - locality.postalMin + 1));
    owners.push({
      id: slug(name),
      name,
      customerNo: `${code}${GENERATED_SERIAL_START + i}`,
      address: { street, postalCode: formatPostalCode(postal), city: locality.name },
      careProvider: REGION_HALLAND,
    });
  }
  return owners;
}
