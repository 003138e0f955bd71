// @ts-check
// A held device received back by HMC (retur, hämtorder): a return of that unit to warehouse 10, which also serves
// waiting backorders and completes a pickup waiting for it. Shared by Individkort and Hämtorder.
import * as api from './api.js';

export const RETURN_WAREHOUSE = '10';

/**
 * Resolves with admin.stockAdjust's reply ({ backordersServed, pickups, … }).
 * @param {string} artNo
 * @param {number} indNo
 * @returns {Promise<{ backordersServed: number }>}
 */
export function receiveReturn(artNo, indNo) {
  return api.call('admin.stockAdjust', {
    warehouse: RETURN_WAREHOUSE,
    artNo,
    delta: 1,
    reason: 'returned',
    individuals: [indNo],
  });
}
