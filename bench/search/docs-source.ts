// Deterministic generated catalogue of Swedish assistive-device articles (to be replaced by seed data).

import type { ArticleStatus, SearchDoc } from '../../engine/core/search/types.ts';
import {
  COLOURS, FEATURES, ISO_PARENTS, PRODUCT_TYPES, type ProductType, SIDES, SIZES, SUPPLIERS, SYLLABLES, type VariantKind,
} from './catalog-data.ts';
import { chance, intBetween, mulberry32, pick, type Rng } from './prng.ts';

const FIRST_ARTNO = 100_000;
const ARTNO_STEP_MAX = 8;
/** Synthetic models per product type grow with the catalogue, like a real one's vocabulary. */
const SYNTH_MODELS_MIN = 10;
const SYNTH_MODELS_MAX = 800;
const SYNTH_MODELS_PER_SQRT = 2;
const REAL_MODEL_SHARE = 0.35;
const ACCESSORY_PARENTS: Readonly<Record<string, readonly string[]>> = {
  '12 07 12': ['rollator', 'gåstol', 'käpp'],
  '12 24 24': ['rullstol', 'elrullstol'],
};

interface Model {
  supplier: string;
  model: string;
}

/** `count` articles; same (count, seed) → same articles. The lead will swap in the seed catalogue here. */
export function loadDocs(count: number, seed: number): SearchDoc[] {
  const rng = mulberry32(seed);
  const synthCount = Math.min(SYNTH_MODELS_MAX, Math.max(SYNTH_MODELS_MIN, Math.round(SYNTH_MODELS_PER_SQRT * Math.sqrt(count))));
  const models = PRODUCT_TYPES.map((t) => syntheticModels(mulberry32(seed ^ hashString(t.iso)), synthCount));
  const totalWeight = PRODUCT_TYPES.reduce((s, t) => s + t.weight, 0);
  const docs: SearchDoc[] = [];
  let artNo = FIRST_ARTNO;
  for (let i = 0; i < count; i++) {
    artNo += intBetween(rng, 1, ARTNO_STEP_MAX);
    const typeIndex = weightedIndex(rng, totalWeight);
    const type = PRODUCT_TYPES[typeIndex]!;
    const m = chance(rng, REAL_MODEL_SHARE) ? toModel(pick(rng, type.models)) : pick(rng, models[typeIndex]!);
    docs.push({
      artNo: String(artNo),
      name: articleName(rng, type, m),
      supplierName: m.supplier,
      isoCode: type.iso,
      isoTitles: isoTitles(type),
      status: articleStatus(rng),
    });
  }
  return docs;
}

/** Titles of the division, its subclass and class: Swedish and English each. */
export function isoTitles(type: ProductType): string[] {
  const sub = ISO_PARENTS[type.iso.slice(0, 5)]!;
  const cls = ISO_PARENTS[type.iso.slice(0, 2)]!;
  return [type.sv, type.en, sub.sv, sub.en, cls.sv, cls.en];
}

function articleName(rng: Rng, type: ProductType, m: Model): string {
  const word = chance(rng, 0.6) ? type.words[0]! : pick(rng, type.words);
  const parents = ACCESSORY_PARENTS[type.iso];
  if (parents) return `${word} till ${pick(rng, parents)} ${m.model}`;
  const variants = variantText(rng, type.variants);
  const short = m.supplier.split(' ')[0]!;
  const r = rng();
  const parts =
    r < 0.3 ? [word, m.model, variants]
    : r < 0.45 ? [word, short, m.model, variants]
    : r < 0.55 ? [word, m.model, short]
    : r < 0.8 ? [m.model, variants] // model names only: ISO titles must carry the type
    : [m.model];
  return parts.filter((p) => p).join(' ');
}

function variantText(rng: Rng, kinds: readonly VariantKind[]): string {
  const out: string[] = [];
  const used = new Set<VariantKind>();
  for (let n = intBetween(rng, 0, 2); n > 0; n--) {
    const kind = pick(rng, kinds);
    if (used.has(kind)) continue; // one seat width per name
    used.add(kind);
    out.push(variant(rng, kind));
  }
  return out.join(' ');
}

function variant(rng: Rng, kind: VariantKind): string {
  switch (kind) {
    case 'seatWidth': return chance(rng, 0.7) ? `sitsbredd ${38 + 2 * intBetween(rng, 0, 8)}` : `SB${38 + 2 * intBetween(rng, 0, 8)}`;
    case 'seatHeight': return `sitthöjd ${intBetween(rng, 45, 65)}`;
    case 'size': return pick(rng, SIZES);
    case 'colour': return pick(rng, COLOURS);
    case 'load': return `${pick(rng, [100, 125, 136, 150, 160, 180, 200, 250])} kg`;
    case 'feature': return pick(rng, FEATURES);
    case 'side': return pick(rng, SIDES);
    case 'length': return `${5 * intBetween(rng, 14, 40)} cm`;
    case 'bedSize': return pick(rng, ['80x200', '90x200', '105x200', '120x200']);
  }
}

function syntheticModels(rng: Rng, n: number): Model[] {
  const out: Model[] = [];
  for (let i = 0; i < n; i++) {
    let name = '';
    for (let s = intBetween(rng, 2, 3); s > 0; s--) name += pick(rng, SYLLABLES);
    name = name[0]!.toUpperCase() + name.slice(1);
    if (chance(rng, 0.3)) name += ` ${intBetween(rng, 1, 9)}${chance(rng, 0.5) ? '0' : ''}`;
    else if (chance(rng, 0.2)) name += ` ${pick(rng, ['Plus', 'Pro', 'Lite', 'Active', 'Comfort', 'Classic', 'Sport'])}`;
    out.push({ supplier: pick(rng, SUPPLIERS), model: name });
  }
  return out;
}

function toModel([supplier, model]: readonly [string, string]): Model {
  return { supplier, model };
}

function articleStatus(rng: Rng): ArticleStatus {
  const r = rng();
  return r < 0.85 ? 'active' : r < 0.95 ? 'outgoing' : 'discontinued';
}

function weightedIndex(rng: Rng, total: number): number {
  let r = rng() * total;
  for (let i = 0; i < PRODUCT_TYPES.length; i++) {
    r -= PRODUCT_TYPES[i]!.weight;
    if (r < 0) return i;
  }
  return PRODUCT_TYPES.length - 1;
}

function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}
