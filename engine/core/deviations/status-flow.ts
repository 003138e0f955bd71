// The desk's status flow for a deviation: Ny → Utreds → Anmäld till leverantör → Avslutad. HMC may close a report at
// any open step (not a deviation after all, or settled without the supplier) and take one back from the supplier to
// investigate again; a closed report stays closed (a new event is a new report) but still takes comments.
import type { DeviationStatus } from '../../../schemas/deviations.ts';

export const NEXT_STATUSES: Readonly<Record<DeviationStatus, readonly DeviationStatus[]>> = {
  new: ['investigating', 'closed'],
  investigating: ['reportedToSupplier', 'closed'],
  reportedToSupplier: ['investigating', 'closed'],
  closed: [],
};

export const STATUS_SV: Readonly<Record<DeviationStatus, string>> = {
  new: 'Ny',
  investigating: 'Utreds',
  reportedToSupplier: 'Anmäld till leverantör',
  closed: 'Avslutad',
};

export function mayMove(from: DeviationStatus, to: DeviationStatus): boolean {
  return NEXT_STATUSES[from].includes(to);
}
