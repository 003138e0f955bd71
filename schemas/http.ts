// Query parameters of the read-only HTTP API (integrators, load tools). Query strings arrive as text, so numbers
// and booleans are coerced here, once.
import { z } from 'zod';
import {
  SEARCH_HITS_MAX,
  SEARCH_OFFSET_MAX,
  SEARCH_TEXT_CHARS_MAX,
  SUPPLIER_FILTER_CHARS_MAX,
  PAGE_LIMIT_MAX,
} from './limits.ts';
import { ArtNo, IsoCode } from './primitives.ts';

/** A query string longer than this is refused with 414 before parsing. */
export const HTTP_QUERY_CHARS_MAX = 1024;

const Flag = z.enum(['1', '0', 'true', 'false']).transform((v) => v === '1' || v === 'true');

export const SearchParams = z
  .object({
    q: z.string().max(SEARCH_TEXT_CHARS_MAX).optional(),
    supplier: z.string().max(SUPPLIER_FILTER_CHARS_MAX).optional(),
    iso: IsoCode.optional(),
    inStock: Flag.default(false),
    discontinued: Flag.default(false),
    limit: z.coerce.number().int().min(1).max(SEARCH_HITS_MAX).default(20),
    offset: z.coerce.number().int().min(0).max(SEARCH_OFFSET_MAX).default(0),
  })
  .strict();

export const ArticleParams = z.object({ artNo: ArtNo });

export const IsoParams = z
  .object({
    code: IsoCode,
    inStock: Flag.default(false),
    limit: z.coerce.number().int().min(1).max(PAGE_LIMIT_MAX).default(50),
    offset: z.coerce.number().int().min(0).max(SEARCH_OFFSET_MAX).default(0),
  })
  .strict();
