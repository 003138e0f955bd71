// admin.settingSet: an admin changes a named setting (schemas/settings.ts). Checks run in this order: the key must be
// a known setting (`unknown_setting`), the value within that setting's bounds (`setting_out_of_range`). The event
// carries the row it replaces, so the change log reads before → after from the journal alone.
import { isSettingKey, SETTINGS } from '../../../schemas/settings.ts';
import { assert } from '../assert.ts';
import type { CommandContext, SettingSet } from '../commands.ts';
import type { Decision } from '../decision.ts';
import { reject } from '../rejections.ts';
import type { State } from '../state.ts';

export function decideSettingSet(state: State, command: SettingSet, context: CommandContext): Decision {
  assert(Number.isInteger(command.value), 'the edge lets integers through only');
  if (!isSettingKey(command.key)) return reject('unknown_setting', `Inställningen ”${command.key}” finns inte.`);
  const spec = SETTINGS[command.key];
  if (command.value < spec.min || command.value > spec.max) {
    return reject(
      'setting_out_of_range',
      `${spec.titleSv}: värdet ska vara mellan ${spec.min} och ${spec.max} ${spec.unitSv}, inte ${command.value}.`,
    );
  }
  return {
    ok: true,
    events: [
      {
        type: 'setting.set',
        userId: command.userId,
        timeMs: context.timeMs,
        key: command.key,
        value: command.value,
        before: state.settings.get(command.key) ?? null,
      },
    ],
  };
}
