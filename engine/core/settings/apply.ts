// Setting events into state: the row is replaced (the engine hands rows on without copies).
import { assert } from '../assert.ts';
import type { SettingEvent } from '../event-groups.ts';
import type { State } from '../state.ts';

export function applySettingEvent(state: State, event: SettingEvent): void {
  assert(event.type === 'setting.set', 'settings have one event');
  state.settings.set(event.key, { key: event.key, value: event.value, userId: event.userId, timeMs: event.timeMs });
}
