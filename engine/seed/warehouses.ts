// Warehouses: HMC's main warehouse 10, the investigation warehouses 999 and 999A, and the care units' buffer warehouses B101, B102, ….
import type { Warehouse } from '../../schemas/entities.ts';
import { MAIN_WAREHOUSE } from '../core/keys.ts';
import { bufferOwners } from './care-units.ts';

export const INVESTIGATION_WAREHOUSES: readonly string[] = ['999', '999A'];
export const FIRST_BUFFER_NUMBER = 101;
/** Buffer warehouse linked to ot1's workplace Rehab Halmstad. */
export const DEMO_BUFFER_WAREHOUSE = 'B101';

export function bufferWarehouseId(index: number): string {
  return `B${FIRST_BUFFER_NUMBER + index}`;
}

export function generateWarehouses(bufferCount: number): Warehouse[] {
  const warehouses: Warehouse[] = [
    { id: MAIN_WAREHOUSE, name: 'Huvudlager HMC', kind: 'main', customerNo: null },
    { id: INVESTIGATION_WAREHOUSES[0], name: 'Utredningslager HMC', kind: 'investigation', customerNo: null },
    {
      id: INVESTIGATION_WAREHOUSES[1],
      name: 'Utredningslager HMC, avdelning A',
      kind: 'investigation',
      customerNo: null,
    },
  ];
  bufferOwners(bufferCount).forEach((owner, i) => {
    warehouses.push({
      id: bufferWarehouseId(i),
      name: `${owner.name} förråd`,
      kind: 'buffer',
      customerNo: owner.customerNo,
    });
  });
  return warehouses;
}
