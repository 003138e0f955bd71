// @ts-check
// Choices the user makes once per browser tab and expects to stick across pages: "inkl. tillgängligt saldo".
import { useState } from './html.js';

const STOCK_KEY = 'aidstock.inclStock';

export function readIncludeStock() {
  try {
    return sessionStorage.getItem(STOCK_KEY) === '1';
  } catch {
    return false;
  }
}

/** @param {boolean} value */
export function writeIncludeStock(value) {
  try {
    sessionStorage.setItem(STOCK_KEY, value ? '1' : '0');
  } catch {
    /* not kept */
  }
}

/**
 * [value, set] of "inkl. tillgängligt saldo", shared by Varukatalog and Sök artikel.
 * @returns {[boolean, (next: boolean) => void]}
 */
export function useIncludeStock() {
  const [value, setValue] = useState(readIncludeStock);
  const set = (/** @type {boolean} */ next) => {
    setValue(next);
    writeIncludeStock(next);
  };
  return [value, set];
}
