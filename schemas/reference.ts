// Reference data an admin keeps (issue 14): ISO 9999 titles, suppliers and replacement links; their args and events.
import { z } from 'zod';
import { ISO_TITLE_CHARS_MAX } from './limits.ts';
import { IsoNode, Supplier } from './entities.ts';
import { ArtNo, IsoCode, Profession, UserId, WarehouseId } from './primitives.ts';

export const ReplacementChainArgs = z
  .object({
    artNo: ArtNo,
    /** Whose proposal to show first (the others follow); default: the caller's profession. */
    profession: Profession.optional(),
    warehouse: WarehouseId.optional(),
  })
  .strict();

/** A proposed link, checked as admin.replacementSet would check it; nothing is saved. */
export const ReplacementCheckArgs = z.object({ artNo: ArtNo, replacedBy: ArtNo.nullable() }).strict();
export const ReplacementSetArgs = ReplacementCheckArgs;

export const IsoTitleSetArgs = z
  .object({ code: IsoCode, titleSv: z.string().trim().min(1).max(ISO_TITLE_CHARS_MAX) })
  .strict();

/** A supplier as an admin sends it: the name trimmed and not blank. */
export const SupplierInput = Supplier.extend({ name: z.string().trim().min(1).max(80) });
export const SupplierUpsertArgs = z
  .object({
    supplier: SupplierInput,
    /** true: create, refused with `supplier_exists` when the id is taken; false: edit, `not_found` when it is not. */
    expectNew: z.boolean().optional(),
  })
  .strict();

/** The Swedish title of an ISO node changed; `before` is the node as it was (the change log's before → after). */
export const IsoTitleSet = z.object({
  type: z.literal('iso.titleSet'),
  userId: UserId,
  node: IsoNode,
  before: IsoNode,
});

/** A supplier created (before null) or changed. */
export const SupplierUpserted = z.object({
  type: z.literal('supplier.upserted'),
  userId: UserId,
  supplier: Supplier,
  before: Supplier.nullable(),
});

export const REFERENCE_EVENTS = [IsoTitleSet, SupplierUpserted] as const;

export type IsoTitleSet = z.infer<typeof IsoTitleSet>;
export type SupplierUpserted = z.infer<typeof SupplierUpserted>;
