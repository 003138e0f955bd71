// Size and model variants of one product family: `sitsbredd 42`, `90x200`, `klass 2 knä storlek M`.
import type { VariantKind } from './division-profiles.ts';
import type { Prng } from './prng.ts';

export interface Variant {
  /** As it follows a noun and model: `sitsbredd 42`. */
  long: string;
  /** As it follows a model alone: `42` (so `Quickie Nitrum 42`). */
  short: string;
}

const SEAT_WIDTHS_CM = [36, 38, 40, 42, 44, 46, 48, 50, 52] as const;
const SEAT_HEIGHTS_CM = [45, 50, 55, 60, 65] as const;
const FRAME_SIZES = ['S', 'M', 'L'] as const;
const BED_SIZES_CM = ['80x200', '90x200', '90x210', '105x200', '120x200'] as const;
const LOADS_KG = [150, 175, 180, 200, 205, 250, 272] as const;
const CLOTHING_SIZES = ['XS', 'S', 'M', 'L', 'XL', 'XXL'] as const;
const COMPRESSION_CLASSES = [1, 2, 2, 2, 3] as const;
const COMPRESSION_PARTS = ['knä', 'knä', 'lår', 'strumpbyxa', 'arm'] as const;
const ORTHOSIS_SIDES = ['höger', 'vänster'] as const;
const CUSHION_SIZES_CM = ['38x38', '40x40', '42x42', '44x44', '46x46', '48x48'] as const;
const COLOURS = ['svart', 'grå', 'blå', 'röd', 'grön', 'vit'] as const;
const GENERIC_SIZES = ['liten', 'stor'] as const;

const GENERIC_SINGLE_PROBABILITY = 0.6;
const GENERIC_COLOUR_PROBABILITY = 0.25;

/** `count` consecutive items from a random start (sizes come in runs). */
function run<T>(prng: Prng, items: readonly T[], countMin: number, countMax: number): T[] {
  const count = Math.min(items.length, prng.int(countMin, countMax));
  const start = prng.int(0, items.length - count);
  return items.slice(start, start + count);
}

function labelled(values: readonly (string | number)[], label: string, unit = ''): Variant[] {
  return values.map((v) => ({ long: `${label}${v}${unit}`, short: `${v}` }));
}

function compressionVariants(prng: Prng): Variant[] {
  const compressionClass = prng.pick(COMPRESSION_CLASSES);
  const part = prng.pick(COMPRESSION_PARTS);
  return run(prng, CLOTHING_SIZES.slice(1, 5), 2, 4).map((size) => {
    const text = `klass ${compressionClass} ${part} storlek ${size}`;
    return { long: text, short: text };
  });
}

function orthosisVariants(prng: Prng): Variant[] {
  const sizes = run(prng, CLOTHING_SIZES.slice(1, 5), 1, 3);
  const out: Variant[] = [];
  for (const side of ORTHOSIS_SIDES) {
    for (const size of sizes) out.push({ long: `${side} storlek ${size}`, short: `${side} ${size}` });
  }
  return out;
}

function genericVariants(prng: Prng): Variant[] {
  const r = prng.next();
  if (r < GENERIC_SINGLE_PROBABILITY) return [{ long: '', short: '' }];
  if (r < GENERIC_SINGLE_PROBABILITY + GENERIC_COLOUR_PROBABILITY) {
    return run(prng, COLOURS, 2, 3).map((c) => ({ long: c, short: c }));
  }
  return GENERIC_SIZES.map((s) => ({ long: s, short: s }));
}

/** The variants of one product family; every family gets at least one (possibly empty) variant. */
export function familyVariants(kind: VariantKind, prng: Prng): Variant[] {
  switch (kind) {
    case 'seatWidth':
      return labelled(run(prng, SEAT_WIDTHS_CM, 2, 6), 'sitsbredd ');
    case 'seatHeight':
      return labelled(run(prng, SEAT_HEIGHTS_CM, 1, 3), 'sitthöjd ');
    case 'frameHeight':
      return labelled(run(prng, FRAME_SIZES, 1, 3), 'storlek ');
    case 'bedSize':
      return labelled(run(prng, BED_SIZES_CM, 1, 3), '');
    case 'load':
      return labelled(run(prng, LOADS_KG, 1, 2), 'max ', ' kg');
    case 'clothingSize':
      return labelled(run(prng, CLOTHING_SIZES, 2, 5), 'storlek ');
    case 'compression':
      return compressionVariants(prng);
    case 'orthosis':
      return orthosisVariants(prng);
    case 'cushion':
      return labelled(run(prng, CUSHION_SIZES_CM, 2, 4), '');
    case 'generic':
      return genericVariants(prng);
  }
}
