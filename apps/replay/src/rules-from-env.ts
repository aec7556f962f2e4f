import { DEFAULT_SAFETY_RULES, SafetyRules } from '@dtask/domain';

/** The limits the service runs with, from the same environment variables the service reads. */
const ENV_OF_LIMIT: Partial<Record<keyof SafetyRules, string>> = {
  s1FailedAttempts: 'S1_FAILED_ATTEMPTS',
  s1MinutesAfterFirstFailure: 'S1_MINUTES_AFTER_FIRST_FAILURE',
  s2AlertMinutes: 'S2_ALERT_MINUTES',
  s2DispatchMinutes: 'S2_DISPATCH_MINUTES',
  s4SecondContactHours: 'S4_SECOND_CONTACT_HOURS',
  s6HandoffMinutes: 'S6_HANDOFF_MINUTES',
  followUpFailedAttempts: 'FOLLOW_UP_FAILED_ATTEMPTS',
};

export function configuredRules(env: NodeJS.ProcessEnv): SafetyRules {
  const rules: SafetyRules = { ...DEFAULT_SAFETY_RULES };
  for (const [limit, name] of Object.entries(ENV_OF_LIMIT) as [keyof SafetyRules, string][]) {
    const raw = env[name];
    if (raw === undefined) continue;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < 1) throw new RangeError(`${name} must be a positive whole number`);
    (rules as unknown as Record<string, number>)[limit] = value;
  }
  return rules;
}
