// The op → handler table: one part per area (handlers/), combined here. The type makes a missing op a compile error.
// Queries answer synchronously from memory; commands resolve after their events are durable.
import type { OpName } from '../../schemas/ops.ts';
import type { HandlerTable } from './handler-types.ts';
import { ACCESS_LOG_HANDLERS } from './handlers/access-log.ts';
import { CATALOG_HANDLERS } from './handlers/catalog.ts';
import { FULFIL_HANDLERS } from './handlers/fulfil.ts';
import { MESSAGE_HANDLERS } from './handlers/messages.ts';
import { NEWS_HANDLERS } from './handlers/news.ts';
import { ORDER_HANDLERS } from './handlers/orders.ts';
import { PICKUP_HANDLERS } from './handlers/pickups.ts';
import { PRESCRIBING_RULE_HANDLERS } from './handlers/prescribing-rules.ts';
import { PROFILE_HANDLERS } from './handlers/profile.ts';
import { REGISTER_HANDLERS } from './handlers/register.ts';
import { SESSION_HANDLERS } from './handlers/session.ts';
import { STOCK_HANDLERS } from './handlers/stock.ts';
import { SUBSCRIBE_HANDLERS } from './handlers/subscribe.ts';
import { WORK_ORDER_HANDLERS } from './handlers/work-orders.ts';
import { PATIENT_ACCESS_HANDLERS } from './handlers/patient-access.ts';
import { ACCOUNT_HANDLERS } from './handlers/accounts.ts';
// Issue 14, Ersättningskedjor + ISO 9999 + Leverantörer:
import { REFERENCE_HANDLERS } from './handlers/reference.ts';
import { USER_ADMIN_HANDLERS } from './handlers/admin-users.ts';
// Issue 14, HMC oversight:
import { OVERSIGHT_HANDLERS } from './handlers/oversight.ts';
import { CATALOG_IMPORT_HANDLERS } from './handlers/catalog-import.ts';
// Issue 14, Lager and Ändringslogg:
import { STOCK_ADMIN_HANDLERS } from './handlers/stock-admin.ts';
// Issue 15, patient:
import { PAYER_HANDLERS } from './handlers/payers.ts';
// Issue 15, desk:
import { NOTE_HANDLERS } from './handlers/notes.ts';
import { DEVIATION_HANDLERS } from './handlers/deviations.ts';
// Issue 15, loans:
import { LOAN_HANDLERS } from './handlers/loans.ts';
// Issue 15, recalls:
import { RECALL_HANDLERS } from './handlers/recalls.ts';
// Issue 15, returns:
import { RETURN_HANDLERS } from './handlers/returns.ts';

export const HANDLERS: HandlerTable<OpName> = {
  ...SESSION_HANDLERS,
  ...PROFILE_HANDLERS,
  ...CATALOG_HANDLERS,
  ...STOCK_HANDLERS,
  ...REGISTER_HANDLERS,
  ...WORK_ORDER_HANDLERS,
  ...NEWS_HANDLERS,
  ...PICKUP_HANDLERS,
  ...ORDER_HANDLERS,
  ...MESSAGE_HANDLERS,
  ...PRESCRIBING_RULE_HANDLERS,
  ...FULFIL_HANDLERS,
  ...SUBSCRIBE_HANDLERS,
  ...PATIENT_ACCESS_HANDLERS,
  ...ACCOUNT_HANDLERS,
  ...ACCESS_LOG_HANDLERS,
  ...REFERENCE_HANDLERS,
  // Issue 14, Användare och arbetsplatser:
  ...USER_ADMIN_HANDLERS,
  // Issue 14, HMC oversight:
  ...OVERSIGHT_HANDLERS,
  // Issue 14, catalog import:
  ...CATALOG_IMPORT_HANDLERS,
  // Issue 14, Lager and Ändringslogg:
  ...STOCK_ADMIN_HANDLERS,
  // Issue 15, patient:
  ...PAYER_HANDLERS,
  // Issue 15, desk:
  ...NOTE_HANDLERS,
  ...DEVIATION_HANDLERS,
  // Issue 15, loans:
  ...LOAN_HANDLERS,
  // Issue 15, recalls:
  ...RECALL_HANDLERS,
  // Issue 15, returns:
  ...RETURN_HANDLERS,
};
