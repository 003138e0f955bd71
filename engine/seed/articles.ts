// The article catalog: the fixed demo articles plus product families (one model in several sizes) spread over the ISO divisions by weight.
import type { Article, IsoNode } from '../../schemas/entities.ts';
import type { ArticleStatus } from '../../schemas/primitives.ts';
import { DEMO_ARTICLES, DEMO_ARTNO_MAX, DEMO_ARTNO_MIN, demoArticleRow } from './demo-catalog.ts';
import { type DivisionProfile, divisionProfile } from './division-profiles.ts';
import { ISO_DIVISION_LEVEL } from './iso-tree.ts';
import { inventModelName, nextGeneration } from './model-names.ts';
import { type Prng, WeightedTable } from './prng.ts';
import type { ProductModel, SupplierCatalog, SupplierSeed } from './suppliers.ts';
import { type Variant, familyVariants } from './variants.ts';

const ARTNO_MIN = 100_000;
const ARTNO_SPAN = 900_000;
/** A prime that does not divide ARTNO_SPAN: stepping by it visits every number once, spread out. */
const ARTNO_STRIDE = 7919;

/** Share of families sold under a listed supplier (the rest go to the fictional supplier of the class). */
const REAL_SUPPLIER_PROBABILITY = 0.85;
/** Share of families that reuse a supplier's named product model rather than an invented one. */
const NAMED_MODEL_PROBABILITY = 0.6;
/** Share of families named by model alone (`Quickie Nitrum 40`), so search must also match ISO titles. */
const MODEL_ONLY_PROBABILITY = 0.25;
const BRAND_PROBABILITY = 0.4;
const STATUS_ACTIVE_SHARE = 0.88;
const STATUS_OUTGOING_SHARE = 0.08;
const SUPPLIER_URL_PROBABILITY = 0.9;
const MANUAL_URL_PROBABILITY = 0.75;
const IMAGE_PROBABILITY = 0.7;
/** Bigger sizes cost a little more. */
const PRICE_STEP_PER_VARIANT = 0.03;
const CHEAP_PRICE_KR = 1000;
const ORE_PER_KR = 100;
const NAME_ATTEMPTS_MAX = 12;
const PROGRESS_EVERY = 10_000;

/** Six-digit article numbers, spread over 100000–999999, never repeating, skipping the demo block. */
class ArtNoSequence {
  private index = 0;

  constructor(private readonly offset: number) {}

  next(): string {
    for (;;) {
      const n = ARTNO_MIN + ((this.offset + this.index * ARTNO_STRIDE) % ARTNO_SPAN);
      this.index++;
      if (n < DEMO_ARTNO_MIN || n > DEMO_ARTNO_MAX) return String(n);
    }
  }
}

interface FamilyContext {
  prng: Prng;
  suppliers: SupplierCatalog;
  artNos: ArtNoSequence;
  names: Set<string>;
  articles: Article[];
  count: number;
}

function pickSupplier(ctx: FamilyContext, code: string): SupplierSeed {
  const listed = ctx.suppliers.byDivision.get(code);
  if (listed !== undefined && ctx.prng.chance(REAL_SUPPLIER_PROBABILITY)) {
    return ctx.prng.pick(listed);
  }
  return ctx.suppliers.fictionalByClass.get(code.slice(0, 2))!;
}

function pickModel(ctx: FamilyContext, supplier: SupplierSeed, code: string): string {
  const named = supplier.models.get(code);
  if (named !== undefined && ctx.prng.chance(NAMED_MODEL_PROBABILITY)) {
    const product: ProductModel = ctx.prng.pick(named);
    const branded = product.brand !== '' && ctx.prng.chance(BRAND_PROBABILITY);
    return branded ? `${product.brand} ${product.model}` : product.model;
  }
  return inventModelName(ctx.prng);
}

function articleName(noun: string, model: string, variant: Variant, modelOnly: boolean): string {
  const tail = modelOnly ? variant.short : variant.long;
  const head = modelOnly ? model : `${noun} ${model}`;
  return tail === '' ? head : `${head} ${tail}`;
}

/** Log-uniform in the division's range: many cheap products, a few expensive ones. */
function familyPriceKr(profile: DivisionProfile, prng: Prng): number {
  return profile.priceKrMin * (profile.priceKrMax / profile.priceKrMin) ** prng.next();
}

function roundPriceKr(priceKr: number): number {
  const step = priceKr < CHEAP_PRICE_KR ? 5 : 10;
  return Math.max(step, Math.round(priceKr / step) * step);
}

function drawStatus(prng: Prng): ArticleStatus {
  const r = prng.next();
  if (r < STATUS_ACTIVE_SHARE) return 'active';
  return r < STATUS_ACTIVE_SHARE + STATUS_OUTGOING_SHARE ? 'outgoing' : 'discontinued';
}

function articleRow(
  ctx: FamilyContext,
  profile: DivisionProfile,
  supplier: SupplierSeed,
  name: string,
  priceKr: number,
): Article {
  const artNo = ctx.artNos.next();
  const { prng } = ctx;
  const base = supplier.row.url;
  return {
    artNo,
    name,
    supplierId: supplier.row.id,
    isoCode: profile.code,
    kind: profile.kind,
    priceOre: roundPriceKr(priceKr) * ORE_PER_KR,
    status: drawStatus(prng),
    setParts: [],
    accessories: [],
    replacedBy: null,
    supplierUrl: base !== null && prng.chance(SUPPLIER_URL_PROBABILITY) ? `${base}/produkter/${artNo}` : null,
    manualUrl: base !== null && prng.chance(MANUAL_URL_PROBABILITY) ? `${base}/manual/${artNo}.pdf` : null,
    imageUrl: prng.chance(IMAGE_PROBABILITY) ? `/img/iso-${profile.code.slice(0, 2)}.svg` : null,
  };
}

/** One model in its size variants; a taken name moves the model to its next generation. */
function addFamily(ctx: FamilyContext, profile: DivisionProfile): void {
  const { prng } = ctx;
  const supplier = pickSupplier(ctx, profile.code);
  const baseModel = pickModel(ctx, supplier, profile.code);
  const noun = prng.pick(profile.nouns);
  const modelOnly = prng.chance(MODEL_ONLY_PROBABILITY);
  const variants = familyVariants(profile.variants, prng);
  let model = baseModel;
  for (let attempt = 0; ctx.names.has(articleName(noun, model, variants[0], modelOnly)); attempt++) {
    if (attempt >= NAME_ATTEMPTS_MAX) return;
    model = nextGeneration(baseModel, attempt);
  }
  const basePriceKr = familyPriceKr(profile, prng);
  for (let i = 0; i < variants.length && ctx.articles.length < ctx.count; i++) {
    const name = articleName(noun, model, variants[i], modelOnly);
    if (ctx.names.has(name)) continue;
    ctx.names.add(name);
    ctx.articles.push(articleRow(ctx, profile, supplier, name, basePriceKr * (1 + i * PRICE_STEP_PER_VARIANT)));
  }
}

export interface ArticleCatalog {
  articles: Article[];
  /** Division code → its profile (kind, weight, noun). */
  profiles: Map<string, DivisionProfile>;
}

export function generateArticles(
  prng: Prng,
  count: number,
  isoNodes: readonly IsoNode[],
  suppliers: SupplierCatalog,
  progress: (done: number, total: number) => void,
): ArticleCatalog {
  const profiles = new Map<string, DivisionProfile>();
  for (const node of isoNodes) {
    if (node.level === ISO_DIVISION_LEVEL) profiles.set(node.code, divisionProfile(node.code, node.titleSv));
  }
  const list = [...profiles.values()];
  const divisions = new WeightedTable(
    list,
    list.map((p) => p.weight),
  );
  const urlOf = new Map(suppliers.suppliers.map((s) => [s.row.id, s.row.url]));
  const ctx: FamilyContext = {
    prng,
    suppliers,
    artNos: new ArtNoSequence(prng.int(0, ARTNO_SPAN - 1)),
    names: new Set(),
    articles: [],
    count,
  };
  for (const demo of DEMO_ARTICLES) {
    ctx.articles.push(demoArticleRow(demo, urlOf.get(demo.supplierId) ?? null));
    ctx.names.add(demo.name);
  }
  let reported = 0;
  while (ctx.articles.length < count) {
    addFamily(ctx, divisions.pick(prng));
    if (ctx.articles.length - reported >= PROGRESS_EVERY) {
      reported = ctx.articles.length;
      progress(reported, count);
    }
  }
  return { articles: ctx.articles, profiles };
}
