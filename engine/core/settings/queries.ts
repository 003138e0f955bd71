// settings.get and the value of one setting as the rest of the core reads it (the stored row, else the default).
import { SETTING_KEYS, SETTINGS, type SettingKey } from '../../../schemas/settings.ts';
import { found, type QueryResult } from '../query-result.ts';
import type { State } from '../state.ts';

export function settingValue(state: State, key: SettingKey): number {
  return state.settings.get(key)?.value ?? SETTINGS[key].defaultValue;
}

export function settingView(state: State, key: SettingKey) {
  const spec = SETTINGS[key];
  const row = state.settings.get(key);
  const setBy = row === undefined ? null : { id: row.userId, name: state.users.get(row.userId)?.name ?? row.userId };
  return {
    key,
    titleSv: spec.titleSv,
    unitSv: spec.unitSv,
    value: row?.value ?? spec.defaultValue,
    defaultValue: spec.defaultValue,
    min: spec.min,
    max: spec.max,
    /** Who last set it and when; null while the default is in force. */
    set: row === undefined || setBy === null ? null : { by: setBy, timeMs: row.timeMs },
  };
}

export function listSettings(state: State): QueryResult<{ settings: Array<ReturnType<typeof settingView>> }> {
  return found({ settings: SETTING_KEYS.map((key) => settingView(state, key)) });
}
