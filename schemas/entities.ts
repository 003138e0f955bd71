// The entities of the state, as stored in LMDB and returned to clients (the `passwordHash` of a user never leaves the engine).
import { z } from 'zod';
import { ACCESSORIES_MAX, ARTICLE_NAME_CHARS_MAX, PRICE_ORE_MAX, SET_PARTS_MAX, URL_CHARS_MAX } from './limits.ts';
import {
  ArtNo,
  ArticleKind,
  ArticleStatus,
  CustomerNo,
  IndNo,
  IsoCode,
  Pnr12,
  Profession,
  Role,
  UserId,
  WarehouseId,
  WarehouseKind,
} from './primitives.ts';

const Url = z
  .string()
  .max(URL_CHARS_MAX)
  .regex(/^(https?:\/\/|\/)/, 'url starts with http(s):// or /');

export const IsoNode = z.object({
  code: IsoCode,
  level: z.number().int().min(1).max(3),
  titleSv: z.string(),
  titleEn: z.string(),
  parent: IsoCode.nullable(),
});

export const Supplier = z.object({
  id: z.string().regex(/^[a-z0-9-]{1,40}$/),
  name: z.string().min(1).max(80),
  url: Url.nullable(),
  country: z.string().max(120),
});

export const Article = z.object({
  artNo: ArtNo,
  name: z.string().trim().min(1).max(ARTICLE_NAME_CHARS_MAX),
  supplierId: Supplier.shape.id,
  isoCode: IsoCode,
  kind: ArticleKind,
  priceOre: z.number().int().min(0).max(PRICE_ORE_MAX),
  status: ArticleStatus,
  setParts: z.array(ArtNo).max(SET_PARTS_MAX),
  accessories: z.array(ArtNo).max(ACCESSORIES_MAX),
  replacedBy: ArtNo.nullable(),
  supplierUrl: Url.nullable(),
  manualUrl: Url.nullable(),
  imageUrl: Url.nullable(),
});

export const Warehouse = z.object({
  id: WarehouseId,
  name: z.string().max(80),
  kind: WarehouseKind,
  /** The care unit that owns a buffer warehouse. */
  customerNo: CustomerNo.nullable(),
});

export const StockRow = z.object({
  warehouse: WarehouseId,
  artNo: ArtNo,
  onHand: z.number().int(),
  reserved: z.number().int(),
});

export const Address = z.object({
  street: z.string().max(100),
  postalCode: z.string().regex(/^\d{3} \d{2}$/),
  city: z.string().max(60),
});

export const Person = z.object({
  pnr: Pnr12,
  givenName: z.string(),
  familyName: z.string(),
  address: Address,
  /** SCB municipality code, e.g. 1380 Halmstad. */
  municipalityCode: z.string().regex(/^\d{4}$/),
  municipality: z.string(),
  /** County code: 13 is Halland; only residents of Halland can be prescribed to. */
  countyCode: z.string().regex(/^\d{2}$/),
  /** Skyddad identitet: never listed in searches. */
  protectedIdentity: z.boolean(),
  /** Palliative care (used by purpose codes). */
  palliative: z.boolean(),
});

/** Vårdgivare: the region or a municipality; patient data of one is not another's without consent (PDL). */
export const CareProvider = z.object({
  id: z.string().regex(/^[a-z0-9-]{1,40}$/),
  name: z.string().min(1).max(100),
});

export const Workplace = z.object({
  id: z.string().max(40),
  name: z.string().max(100),
  customerNo: CustomerNo,
  deliveryAddress: Address,
  bufferWarehouse: WarehouseId.nullable(),
  /** The care provider the workplace works for; rows stored before it existed belong to the region. */
  careProvider: CareProvider.optional(),
});

export const User = z.object({
  id: UserId,
  username: z.string(),
  name: z.string(),
  profession: Profession,
  roles: z.array(Role),
  workplaces: z.array(Workplace),
  email: z.string(),
  phone: z.string(),
  /** `scrypt$<saltHex>$<hashHex>`; computed outside the core. */
  passwordHash: z.string(),
  /** HSA-id, as the region's identity provider (SITHS) states it in the verified OIDC claim; absent: no OIDC sign-in. */
  hsaId: z.string().optional(),
  /** Last sign-in or admin reactivation (ms); absent: never signed in. Older than ACCOUNT_DORMANT_MS: dormant. */
  lastSignInMs: z.number().optional(),
  // Issue 14, Användare: an admin deactivated the account (ms); absent: active. It cannot sign in (password or OIDC).
  deactivatedMs: z.number().optional(),
});

export const IndividualLocation = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('warehouse'), warehouse: WarehouseId }),
  z.object({ kind: z.literal('patient'), pnr: Pnr12 }),
  /** Dispatched with an order, not yet delivered. */
  z.object({ kind: z.literal('transit'), orderNo: z.number().int().min(1) }),
  /** Delivered to a care unit that ordered for itself (vårdenhet). */
  z.object({ kind: z.literal('careUnit'), customerNo: CustomerNo }),
  /** Written off from a warehouse stock (damaged, scrapped, lost); kept for the unit's history. */
  z.object({ kind: z.literal('writtenOff'), warehouse: WarehouseId }),
]);

export const Individual = z.object({
  indNo: IndNo,
  artNo: ArtNo,
  location: IndividualLocation,
});

export type IsoNode = z.infer<typeof IsoNode>;
export type Supplier = z.infer<typeof Supplier>;
export type Article = z.infer<typeof Article>;
export type Warehouse = z.infer<typeof Warehouse>;
export type StockRow = z.infer<typeof StockRow>;
export type Address = z.infer<typeof Address>;
export type Person = z.infer<typeof Person>;
export type Workplace = z.infer<typeof Workplace>;
export type CareProvider = z.infer<typeof CareProvider>;
export type User = z.infer<typeof User>;
export type PublicUser = Omit<User, 'passwordHash'>;
export type IndividualLocation = z.infer<typeof IndividualLocation>;
export type Individual = z.infer<typeof Individual>;
