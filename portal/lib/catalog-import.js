// @ts-check
// Catalog import (Katalogimport): the file goes up over HTTP with the session token (far past a WebSocket frame), the
// rest over the API; and the Swedish words for outcomes, fields and states.
import { getToken } from './api.js';

/** As IMPORT_FILE_BYTES_MAX (schemas/limits.ts); the engine checks it too. */
export const IMPORT_FILE_BYTES_MAX = 64 * 1024 * 1024;

/** @type {Record<string, string>} */
export const OUTCOME_SV = { new: 'Nya', changed: 'Ändrade', unchanged: 'Oförändrade', error: 'Fel' };

/** @type {Record<string, string>} */
export const FIELD_SV = {
  name: 'Benämning',
  isoCode: 'ISO-kod',
  supplierId: 'Leverantör',
  kind: 'Typ',
  priceOre: 'Pris (kr)',
  status: 'Status',
  setParts: 'Satsdelar',
  accessories: 'Tillbehör',
  replacedBy: 'Ersätts av',
  supplierUrl: 'Leverantörslänk',
  manualUrl: 'Bruksanvisning',
  imageUrl: 'Bild',
};

/** @type {Record<string, string>} */
export const STATE_SV = {
  planned: 'Provkörd – inget är ändrat ännu',
  applying: 'Verkställs …',
  applied: 'Verkställd',
  failed: 'Avbruten',
};

/**
 * Uploads the file for a dry run; resolves with the import's status, or rejects with the engine's Swedish message.
 * @param {File} file
 * @returns {Promise<import('./types.d.ts').ImportStatusView>}
 */
export async function uploadImportFile(file) {
  if (file.size > IMPORT_FILE_BYTES_MAX) throw new Error(`${file.name} är större än 64 MB; dela upp filen.`);
  const res = await fetch('/api/imports', {
    method: 'POST',
    body: file,
    headers: {
      authorization: `Bearer ${getToken()}`,
      'content-type': 'text/csv',
      'x-file-name': encodeURIComponent(file.name),
    },
  });
  const body = await res.json().catch(() => ({}));
  if (!res.ok) throw new Error(body.error?.message ?? `Filen kunde inte läsas in (${res.status}).`);
  return body;
}
