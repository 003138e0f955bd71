// Identifiers and small value types shared by every schema: one definition of what an article number, ISO code or personnummer looks like.
import { z } from 'zod';
import { PAGE_LIMIT_DEFAULT, PAGE_LIMIT_MAX, PAGE_OFFSET_MAX } from './limits.ts';

/** Article number: six digits, as on the legacy portal. */
export const ArtNo = z.string().regex(/^\d{6}$/, 'artNo is six digits');
/** ISO 9999 code: class `12`, subclass `12 06` or division `12 06 06`. */
export const IsoCode = z.string().regex(/^\d{2}( \d{2}){0,2}$/, 'isoCode is like "12 06 06"');
/** Warehouse: `10` main, `999`/`999A` investigation, buffer warehouses like `B101`. */
export const WarehouseId = z.string().regex(/^[0-9A-Z]{1,8}$/, 'warehouse id is 1–8 capitals or digits');
/** Personnummer in the canonical 12-digit form YYYYMMDDNNNC (the engine checks date and Luhn digit). */
export const Pnr12 = z.string().regex(/^\d{12}$/, 'personnummer is YYYYMMDDNNNC');
/** What a person may type: 10 or 12 digits with an optional `-` or `+`. */
export const PnrInput = z.string().regex(/^(\d{6}|\d{8})[-+]?\d{4}$/, 'personnummer like 19121212-1212');
export const CustomerNo = z.string().regex(/^\d{4,8}$/, 'customer number is 4–8 digits');
export const UserId = z.string().regex(/^[a-z0-9_-]{1,32}$/);
export const IndNo = z.number().int().min(1).max(99_999_999);

export const ArticleKind = z.enum(['rental', 'sale']);
export const ArticleStatus = z.enum(['active', 'outgoing', 'discontinued']);
export const WarehouseKind = z.enum(['main', 'buffer', 'investigation']);
export const Profession = z.enum(['ot', 'pt', 'slp', 'nurse', 'hmc', 'admin']);
/** `logReviewer` (Loggranskare): reads and spot-checks the patient-data access log (access-log part of issue 13). */
export const Role = z.enum(['prescriber', 'staff', 'admin', 'logReviewer']);
export const StockReason = z.enum(['received', 'inventory', 'damaged', 'returned', 'correction']);

export const Page = {
  limit: z.number().int().min(1).max(PAGE_LIMIT_MAX).default(PAGE_LIMIT_DEFAULT),
  offset: z.number().int().min(0).max(PAGE_OFFSET_MAX).default(0),
};

export type ArticleKind = z.infer<typeof ArticleKind>;
export type ArticleStatus = z.infer<typeof ArticleStatus>;
export type WarehouseKind = z.infer<typeof WarehouseKind>;
export type Profession = z.infer<typeof Profession>;
export type Role = z.infer<typeof Role>;
export type StockReason = z.infer<typeof StockReason>;
