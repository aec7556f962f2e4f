import { UnitLevel } from '@dtask/events';
import { z } from 'zod';
import { AUTO_DISPATCH_SETTING, SAFETY_LIMIT_SETTINGS, SafetyLimit, SafetyRules, safetyRulesConflict } from './safety-rules';

/**
 * A whole number written as plain decimal digits (no `0x10`, `1e1`, sign, spaces or fraction),
 * within [min, max]: a limit out of its range stops the start rather than misbehaving at run time
 * (a timer of 2^31 ms fires at once; a huge deadline is not a date).
 */
export const wholeNumberSetting = (fallback: number, min: number, max: number, unit: string) => {
  const range = `must be a whole number from ${min} to ${max}${unit ? ` ${unit}` : ''}`;
  return z
    .string()
    .regex(/^[0-9]{1,10}$/, range)
    .transform(Number)
    .pipe(z.number().int().min(min, range).max(max, range))
    .default(fallback);
};

type LimitEnv = (typeof SAFETY_LIMIT_SETTINGS)[number]['env'];
type SafetySettingsShape = Record<LimitEnv, ReturnType<typeof wholeNumberSetting>> & {
  AUTO_DISPATCH_UNIT_LEVEL: z.ZodDefault<typeof UnitLevel>;
};

/** The safety rules' environment variables as a schema shape: the service's configuration spreads it into its own. */
export const SAFETY_SETTINGS_SHAPE: SafetySettingsShape = {
  ...(Object.fromEntries(
    SAFETY_LIMIT_SETTINGS.map((setting) => [setting.env, wholeNumberSetting(setting.fallback, setting.min, setting.max, setting.unit)]),
  ) as Record<LimitEnv, ReturnType<typeof wholeNumberSetting>>),
  [AUTO_DISPATCH_SETTING.env]: UnitLevel.default(AUTO_DISPATCH_SETTING.fallback),
};

/** The safety settings as parsed: S1_FAILED_ATTEMPTS … as numbers, AUTO_DISPATCH_UNIT_LEVEL as a level. */
export type SafetySettings = z.output<z.ZodObject<SafetySettingsShape>>;

const ENV_OF_RULE = new Map<SafetyLimit, LimitEnv>(SAFETY_LIMIT_SETTINGS.map((setting) => [setting.rule, setting.env]));

export function safetyRulesOf(settings: SafetySettings): SafetyRules {
  const limits = Object.fromEntries(SAFETY_LIMIT_SETTINGS.map((setting) => [setting.rule, settings[setting.env]])) as Record<SafetyLimit, number>;
  return { ...limits, autoDispatchUnitLevel: settings[AUTO_DISPATCH_SETTING.env] };
}

/** The settings' conflict no single range checks (see safetyRulesConflict), named by its variable. */
export function safetySettingsConflict(settings: SafetySettings): { env: string; message: string } | undefined {
  const conflict = safetyRulesConflict(safetyRulesOf(settings));
  return conflict && { env: ENV_OF_RULE.get(conflict.rule)!, message: conflict.message };
}

const SafetySettingsSchema = z.object(SAFETY_SETTINGS_SHAPE).superRefine((settings, ctx) => {
  const conflict = safetySettingsConflict(settings);
  if (conflict) ctx.addIssue({ code: 'custom', path: [conflict.env], message: conflict.message });
});

export class InvalidSafetyRulesError extends Error {
  override readonly name = 'InvalidSafetyRulesError';
}

/** The rules an environment sets, checked as the service checks them at its start; unset or empty means the default. */
export function safetyRulesFromEnv(env: Record<string, string | undefined>): SafetyRules {
  const defined = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const parsed = SafetySettingsSchema.safeParse(defined);
  if (parsed.success) return safetyRulesOf(parsed.data);
  throw new InvalidSafetyRulesError(parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; '));
}
