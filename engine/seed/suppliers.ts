// Suppliers from suppliers.json (real manufacturers, with their product models) plus a few fictional ones that cover the rest of the ISO tree.
import { readFileSync } from 'node:fs';
import type { Supplier } from '../../schemas/entities.ts';
import { EXTRA_MODELS, SUPPLIER_MODELS } from './supplier-models.ts';

interface SupplierEntry {
  name: string;
  country: string;
  categories: string[];
  example_products: string[];
}

export interface ProductModel {
  /** The supplier's brand word (`Invacare`), empty when the model carries its own (`Quickie Argon 2`). */
  brand: string;
  model: string;
}

export interface SupplierSeed {
  row: Supplier;
  /** Divisions the supplier sells in. */
  categories: readonly string[];
  models: Map<string, ProductModel[]>;
}

export interface SupplierCatalog {
  suppliers: SupplierSeed[];
  /** Division → suppliers that list it. */
  byDivision: Map<string, SupplierSeed[]>;
  /** ISO class → the fictional supplier that covers divisions no real supplier lists. */
  fictionalByClass: Map<string, SupplierSeed>;
}

const FICTIONAL_COUNTRY = 'Sverige (fiktiv leverantör i demodata)';
/** Fictional suppliers get addresses under the reserved `.example` top-level domain (RFC 2606). */
const FICTIONAL_TLD = 'example';
const FICTIONAL_SUPPLIERS: readonly { id: string; name: string; classes: readonly string[] }[] = [
  { id: 'rehabform', name: 'Rehabform AB', classes: ['04'] },
  { id: 'nordhjalp', name: 'Nordhjälp AB', classes: ['05', '15', '27', '28', '30'] },
  { id: 'ortoteknik-vast', name: 'Ortoteknik Väst AB', classes: ['06'] },
  { id: 'hygienprodukter-norden', name: 'Hygienprodukter Norden AB', classes: ['09'] },
  { id: 'mobilitet-syd', name: 'Mobilitet Syd AB', classes: ['12'] },
  { id: 'vardagsstod', name: 'Vardagsstöd Sverige AB', classes: ['18', '24'] },
  { id: 'kommunikationshuset', name: 'Kommunikationshuset AB', classes: ['22'] },
];
/** The fictional supplier that carries EXTRA_MODELS of a class. */
const EXTRA_MODEL_SUPPLIER_BY_CLASS: Readonly<Record<string, string>> = {
  '12': 'mobilitet-syd',
  '22': 'kommunikationshuset',
};

const ASCII_FOLDS: Readonly<Record<string, string>> = { å: 'a', ä: 'a', ö: 'o', ü: 'u', é: 'e', '&': ' ' };

/** `Liko (Baxter/Hillrom)` → `liko`; `Bellman & Symfon` → `bellman-symfon`. */
export function supplierSlug(name: string): string {
  return name
    .replace(/\(.*?\)/g, ' ')
    .toLowerCase()
    .replace(/[åäöüé&]/g, (ch) => ASCII_FOLDS[ch])
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
}

function readSupplierEntries(): SupplierEntry[] {
  return JSON.parse(readFileSync(new URL('./suppliers.json', import.meta.url), 'utf8')) as SupplierEntry[];
}

function productModel(product: string, model: string, supplierName: string): ProductModel {
  const at = product.indexOf(model);
  if (at >= 0) return { brand: product.slice(0, at).trim(), model };
  // The model is a Swedish rewording (`Tröskelramp`): keep the supplier's brand if the product starts with it.
  const fullName = supplierName.replace(/\(.*?\)/g, '').trim();
  for (const brand of [fullName, fullName.split(/\s/)[0]]) {
    if (product.toLowerCase().startsWith(brand.toLowerCase())) return { brand, model };
  }
  return { brand: '', model };
}

function addModel(seed: SupplierSeed, division: string, model: ProductModel): void {
  const list = seed.models.get(division);
  if (list === undefined) seed.models.set(division, [model]);
  else list.push(model);
}

function realSupplier(entry: SupplierEntry): SupplierSeed {
  const id = supplierSlug(entry.name);
  const tld = entry.country.startsWith('Sweden') ? 'se' : 'com';
  const seed: SupplierSeed = {
    row: { id, name: entry.name, url: `https://www.${id.replace(/-/g, '')}.${tld}`, country: entry.country },
    categories: entry.categories,
    models: new Map(),
  };
  for (const product of entry.example_products) {
    const mapped = SUPPLIER_MODELS[product];
    if (mapped === undefined) throw new Error(`supplier-models.ts has no division for "${product}"`);
    addModel(seed, mapped[0], productModel(product, mapped[1], entry.name));
  }
  return seed;
}

function fictionalSupplier(id: string, name: string): SupplierSeed {
  return {
    row: { id, name, url: `https://www.${id}.${FICTIONAL_TLD}`, country: FICTIONAL_COUNTRY },
    categories: [],
    models: new Map(),
  };
}

/** Loads the supplier data and indexes it by division and class. */
export function supplierCatalog(): SupplierCatalog {
  const suppliers = readSupplierEntries().map(realSupplier);
  const fictionalByClass = new Map<string, SupplierSeed>();
  const fictionalById = new Map<string, SupplierSeed>();
  for (const { id, name, classes } of FICTIONAL_SUPPLIERS) {
    const seed = fictionalSupplier(id, name);
    suppliers.push(seed);
    fictionalById.set(id, seed);
    for (const isoClass of classes) fictionalByClass.set(isoClass, seed);
  }
  for (const [division, models] of Object.entries(EXTRA_MODELS)) {
    const seed = fictionalById.get(EXTRA_MODEL_SUPPLIER_BY_CLASS[division.slice(0, 2)])!;
    for (const model of models) addModel(seed, division, { brand: '', model });
  }
  const byDivision = new Map<string, SupplierSeed[]>();
  for (const seed of suppliers) {
    const divisions = new Set([...seed.categories, ...seed.models.keys()]);
    for (const division of divisions) {
      const list = byDivision.get(division);
      if (list === undefined) byDivision.set(division, [seed]);
      else list.push(seed);
    }
  }
  return { suppliers, byDivision, fictionalByClass };
}

export function supplierRows(catalog: SupplierCatalog): Supplier[] {
  return catalog.suppliers.map((seed) => seed.row);
}
