// Rental articles are tracked unit by unit: a stock adjustment registers or writes off individuals, so the free
// individuals of a rental article in a warehouse always match its onHand there and picking finds a unit for each.
// A return names the held units that come back (reason `returned`): they move to the warehouse instead of new ones.
import { RENTAL_UNITS_PER_ADJUST_MAX } from '../../../schemas/limits.ts';
import type { StockAdjust } from '../commands.ts';
import { reject, type Rejection } from '../rejections.ts';
import type { State } from '../state.ts';

/** The individuals a stock adjustment registers (delta > 0) or writes off (delta < 0); none for sold articles. */
export function rentalUnits(state: State, command: StockAdjust): number[] | Rejection {
  const { artNo, warehouse, delta } = command;
  const given = command.individuals ?? [];
  if (state.articles.get(artNo)!.kind !== 'rental') {
    return given.length === 0 ? [] : reject('no_individual', `Artikel ${artNo} hyrs inte ut och har inga individer.`);
  }
  const count = Math.abs(delta);
  if (count > RENTAL_UNITS_PER_ADJUST_MAX) {
    return reject(
      'stock_limit',
      `Högst ${RENTAL_UNITS_PER_ADJUST_MAX} hyresindivider per justering (artikel ${artNo}).`,
    );
  }
  if (delta > 0) {
    if (given.length > 0 && command.reason === 'returned') return returnedUnits(state, artNo, given, count);
    if (given.length > 0)
      return reject(
        'no_individual',
        'Nya individer får nästa lediga individnummer; ange inga vid inleverans (en retur anges med orsak returned).',
      );
    return Array.from({ length: count }, (_, i) => state.lastIndNo + 1 + i);
  }
  const free = freeUnits(state, artNo, warehouse);
  if (given.length === 0) {
    if (free.length < count)
      return reject('no_individual', `Bara ${free.length} lediga individer av ${artNo} i lager ${warehouse}.`);
    // The most recently registered first: an inventory correction usually undoes the latest receipt.
    return free.sort((a, b) => b - a).slice(0, count);
  }
  const unique = new Set(given);
  if (unique.size !== given.length || given.length !== count) {
    return reject('no_individual', `Ange ${count} olika individnummer för avskrivningen.`);
  }
  const missing = given.find((indNo) => !free.includes(indNo));
  if (missing !== undefined)
    return reject('no_individual', `Individ ${missing} är inte en ledig ${artNo} i lager ${warehouse}.`);
  return [...given];
}

/** A return (retur, hämtorder): units of the article that a patient or care unit holds come back, one per unit of delta. */
function returnedUnits(state: State, artNo: string, given: readonly number[], count: number): number[] | Rejection {
  if (new Set(given).size !== given.length || given.length !== count) {
    return reject('no_individual', `Ange ${count} olika individnummer för returen.`);
  }
  for (const indNo of given) {
    const ind = state.individuals.get(indNo);
    if (ind === undefined || ind.artNo !== artNo) return reject('no_individual', `Individ ${indNo} är ingen ${artNo}.`);
    if (ind.location.kind !== 'patient' && ind.location.kind !== 'careUnit') {
      return reject(
        'no_individual',
        `Individ ${indNo} är inte utlämnad till en brukare eller vårdenhet och kan inte returneras.`,
      );
    }
  }
  return [...given];
}

/** Whether a stock adjustment brings back units that already exist (a return) rather than registering new ones. */
export function isReturnOfUnits(command: StockAdjust): boolean {
  return command.delta > 0 && command.reason === 'returned' && (command.individuals?.length ?? 0) > 0;
}

/** Individuals of the article in the warehouse that no order line has taken for picking. */
function freeUnits(state: State, artNo: string, warehouse: string): number[] {
  const out: number[] = [];
  for (const indNo of state.individualsByArticle.get(artNo) ?? []) {
    const { location } = state.individuals.get(indNo)!;
    if (location.kind === 'warehouse' && location.warehouse === warehouse && !state.orderIndex.taken.has(indNo))
      out.push(indNo);
  }
  return out;
}
