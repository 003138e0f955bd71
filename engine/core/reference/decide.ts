// Reference data an admin keeps: a new Swedish title for an ISO 9999 node, a supplier created or edited. Each event
// carries the row before, so the change log reads before → after from the journal alone.
import type { IsoSetTitle, SupplierUpsert } from '../commands.ts';
import type { Decision } from '../decision.ts';
import { reject } from '../rejections.ts';
import type { State } from '../state.ts';

export function decideIsoSetTitle(state: State, command: IsoSetTitle): Decision {
  const before = state.iso.get(command.code);
  if (before === undefined) return reject('not_found', `ISO-koden ${command.code} finns inte.`);
  const node = { ...before, titleSv: command.titleSv };
  return { ok: true, events: [{ type: 'iso.titleSet', userId: command.userId, node, before }] };
}

/** Refusals in this order: `supplier_exists` (create of a taken id), `not_found` (edit of a missing one). */
export function decideSupplierUpsert(state: State, command: SupplierUpsert): Decision {
  const { supplier } = command;
  const before = state.suppliers.get(supplier.id) ?? null;
  if (command.expectNew === true && before !== null) {
    return reject('supplier_exists', `Det finns redan en leverantör med id ${supplier.id} (${before.name}).`);
  }
  if (command.expectNew === false && before === null) {
    return reject('not_found', `Leverantören ${supplier.id} finns inte.`);
  }
  return { ok: true, events: [{ type: 'supplier.upserted', userId: command.userId, supplier, before }] };
}
