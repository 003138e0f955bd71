// The table rows each setting event changes, for the store to write in the same transaction as the journal entry.
import type { SettingEvent } from '../event-groups.ts';
import type { RowRef } from '../row-ref.ts';

export function settingRowsTouched(event: SettingEvent): RowRef[] {
  return [['settings', event.key]];
}
