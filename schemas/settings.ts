// Named settings (issue 14, HMC oversight): values an admin may change without a developer, each with a default and
// bounds from limits.ts. Only the settings listed in SETTINGS exist; a row is stored once an admin sets one.
import { z } from 'zod';
import {
  BACKORDER_LIST_MAX,
  ORDER_UNPICKED_WORKING_DAYS_DEFAULT,
  ORDER_UNPICKED_WORKING_DAYS_MAX,
  ORDER_UNPICKED_WORKING_DAYS_MIN,
  PICKUP_OPEN_WORKING_DAYS_DEFAULT,
  PICKUP_OPEN_WORKING_DAYS_MAX,
  PICKUP_OPEN_WORKING_DAYS_MIN,
  SETTING_KEY_CHARS_MAX,
  SETTING_VALUE_ABS_MAX,
  WORK_ORDER_IDLE_WORKING_DAYS_DEFAULT,
  WORK_ORDER_IDLE_WORKING_DAYS_MAX,
  WORK_ORDER_IDLE_WORKING_DAYS_MIN,
  // Issue 15, loans:
  LOAN_REMINDER_WORKING_DAYS_DEFAULT,
  LOAN_REMINDER_WORKING_DAYS_MAX,
  LOAN_REMINDER_WORKING_DAYS_MIN,
} from './limits.ts';
import { UserId } from './primitives.ts';

export interface SettingSpec {
  defaultValue: number;
  min: number;
  max: number;
  /** What the setting decides, in Swedish (the Inställningar screen and rejection messages). */
  titleSv: string;
  unitSv: string;
}

/** Every setting there is. An integer each; keys are `<area>.<name>`. */
export const SETTINGS = {
  'oversight.orderUnpickedWorkingDays': {
    defaultValue: ORDER_UNPICKED_WORKING_DAYS_DEFAULT,
    min: ORDER_UNPICKED_WORKING_DAYS_MIN,
    max: ORDER_UNPICKED_WORKING_DAYS_MAX,
    titleSv: 'Order som inte plockats: flagga efter',
    unitSv: 'arbetsdagar',
  },
  'oversight.pickupOpenWorkingDays': {
    defaultValue: PICKUP_OPEN_WORKING_DAYS_DEFAULT,
    min: PICKUP_OPEN_WORKING_DAYS_MIN,
    max: PICKUP_OPEN_WORKING_DAYS_MAX,
    titleSv: 'Hämtorder som väntar: flagga efter',
    unitSv: 'arbetsdagar',
  },
  'oversight.workOrderIdleWorkingDays': {
    defaultValue: WORK_ORDER_IDLE_WORKING_DAYS_DEFAULT,
    min: WORK_ORDER_IDLE_WORKING_DAYS_MIN,
    max: WORK_ORDER_IDLE_WORKING_DAYS_MAX,
    titleSv: 'Arbetsorder utan statusändring: flagga efter',
    unitSv: 'arbetsdagar',
  },
  // Issue 15, loans: the prescriber's reminder before a loan's due date.
  'loans.reminderWorkingDays': {
    defaultValue: LOAN_REMINDER_WORKING_DAYS_DEFAULT,
    min: LOAN_REMINDER_WORKING_DAYS_MIN,
    max: LOAN_REMINDER_WORKING_DAYS_MAX,
    titleSv: 'Lån med återlämningsdatum: påminn förskrivaren före',
    unitSv: 'arbetsdagar',
  },
} as const satisfies Record<string, SettingSpec>;

export type SettingKey = keyof typeof SETTINGS;
export const SETTING_KEYS = Object.keys(SETTINGS) as SettingKey[];

export function isSettingKey(key: string): key is SettingKey {
  return Object.hasOwn(SETTINGS, key);
}

/** A setting as stored: its value and who set it when (absent row: the default is in force). */
export const Setting = z.object({
  key: z.string().max(SETTING_KEY_CHARS_MAX),
  value: z.number().int(),
  userId: UserId,
  timeMs: z.number().int(),
});

/** The key is any short string and the value any integer here: the core refuses unknown keys and values out of the
 * setting's own range with a Swedish message (`unknown_setting`, `setting_out_of_range`). */
export const SettingSetArgs = z
  .object({
    key: z.string().min(1).max(SETTING_KEY_CHARS_MAX),
    value: z.number().int().min(-SETTING_VALUE_ABS_MAX).max(SETTING_VALUE_ABS_MAX),
  })
  .strict();

export const BackorderListArgs = z
  .object({ limit: z.number().int().min(1).max(BACKORDER_LIST_MAX).default(BACKORDER_LIST_MAX) })
  .strict();

/** An admin set a setting: the row after (`key`, `value`, with the time) and the row it replaced (null: the default). */
export const SettingSetEvent = z.object({
  type: z.literal('setting.set'),
  userId: UserId,
  timeMs: z.number().int(),
  key: z.string().max(SETTING_KEY_CHARS_MAX),
  value: z.number().int(),
  before: Setting.nullable(),
});
export const SETTING_EVENTS = [SettingSetEvent] as const;

export type Setting = z.infer<typeof Setting>;
export type SettingSetEvent = z.infer<typeof SettingSetEvent>;
export type BackorderListArgs = z.output<typeof BackorderListArgs>;
