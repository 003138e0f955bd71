// @ts-check
// Swedish words of Avvikelse / reklamation: the categories, the desk's statuses and where a report was filed from.

/** @type {Record<string, string>} */
export const CATEGORY_SV = {
  incident: 'Händelse/olycka',
  risk: 'Risk för olycka',
  productFault: 'Produktfel (reklamation)',
};

/** @type {Record<string, string>} */
export const STATUS_SV = {
  new: 'Ny',
  investigating: 'Utreds',
  reportedToSupplier: 'Anmäld till leverantör',
  closed: 'Avslutad',
};

/**
 * @param {{ kind: string, ref: number | null }} source
 * @returns {string}
 */
export function sourceText(source) {
  switch (source.kind) {
    case 'patient':
      return 'brukarens sida';
    case 'individual':
      return `individkort ${source.ref}`;
    case 'workOrder':
      return `arbetsorder ${source.ref}`;
    case 'pickup':
      return `hämtorder ${source.ref}`;
    default:
      return 'Uppföljning';
  }
}
