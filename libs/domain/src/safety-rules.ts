import { UnitLevel } from '@dtask/events';

/** The limits of domain.md's safety rules; every one is configurable. */
export interface SafetyRules {
  /** S1: failed callback attempts before a unit is sent. */
  s1FailedAttempts: number;
  /** S1: minutes after the first failed attempt, still without contact, before a unit is sent. */
  s1MinutesAfterFirstFailure: number;
  /** S2: minutes without clinical contact before a supervisor alert. */
  s2AlertMinutes: number;
  /** S2: minutes without clinical contact before a unit is sent. */
  s2DispatchMinutes: number;
  /** S4: hours after a no-unit decision within which a new task is a second contact. */
  s4SecondContactHours: number;
  /** S6: minutes a receiving service has to accept a redirect. */
  s6HandoffMinutes: number;
  /** S1 applied to follow-ups: failed follow-up calls before a unit is sent. */
  followUpFailedAttempts: number;
  /** S8: minutes between welfare recalls while a D unit has not reached the scene, counted from the request. */
  s8RecallMinutes: number;
  /** S8: minutes after a D request, with the unit not on scene, before the supervisor is alerted. */
  s8UnitOverdueMinutes: number;
  /** S8: failed attempts on one recall before the supervisor is alerted and the request raised to C. */
  s8RecallFailedAttempts: number;
  /** Hours an accepting service has to report its visit before the task returns to the queue (v1.1). */
  handoffVisitHours: number;
  /** Level of the unit sent automatically by S1 and S2. */
  autoDispatchUnitLevel: UnitLevel;
}

export type SafetyLimit = Exclude<keyof SafetyRules, 'autoDispatchUnitLevel'>;

/** One limit as the county sets it: its environment variable, its default (domain.md's brackets) and its clinical range. */
export interface SafetyLimitSetting {
  rule: SafetyLimit;
  env: string;
  fallback: number;
  min: number;
  max: number;
  unit: 'attempts' | 'minutes' | 'hours';
}

/** Every limit, once: the service, the replay CLI and the what-if's "actual" rules all read them from here. */
export const SAFETY_LIMIT_SETTINGS = [
  { rule: 's1FailedAttempts', env: 'S1_FAILED_ATTEMPTS', fallback: 2, min: 1, max: 10, unit: 'attempts' },
  { rule: 's1MinutesAfterFirstFailure', env: 'S1_MINUTES_AFTER_FIRST_FAILURE', fallback: 15, min: 1, max: 240, unit: 'minutes' },
  { rule: 's2AlertMinutes', env: 'S2_ALERT_MINUTES', fallback: 20, min: 1, max: 240, unit: 'minutes' },
  { rule: 's2DispatchMinutes', env: 'S2_DISPATCH_MINUTES', fallback: 60, min: 1, max: 480, unit: 'minutes' },
  { rule: 's4SecondContactHours', env: 'S4_SECOND_CONTACT_HOURS', fallback: 24, min: 1, max: 720, unit: 'hours' },
  { rule: 's6HandoffMinutes', env: 'S6_HANDOFF_MINUTES', fallback: 30, min: 1, max: 1440, unit: 'minutes' },
  { rule: 'followUpFailedAttempts', env: 'FOLLOW_UP_FAILED_ATTEMPTS', fallback: 2, min: 1, max: 10, unit: 'attempts' },
  { rule: 's8RecallMinutes', env: 'S8_RECALL_MINUTES', fallback: 30, min: 5, max: 240, unit: 'minutes' },
  { rule: 's8UnitOverdueMinutes', env: 'S8_UNIT_OVERDUE_MINUTES', fallback: 120, min: 15, max: 600, unit: 'minutes' },
  { rule: 's8RecallFailedAttempts', env: 'S8_RECALL_FAILED_ATTEMPTS', fallback: 2, min: 1, max: 5, unit: 'attempts' },
  // At most three days, as a call back: a referral nobody confirms for longer leaves the patient unseen, unnoticed.
  { rule: 'handoffVisitHours', env: 'HANDOFF_VISIT_HOURS', fallback: 24, min: 1, max: 72, unit: 'hours' },
] as const satisfies readonly SafetyLimitSetting[];

/** The level of the units S1 and S2 send on their own. */
export const AUTO_DISPATCH_SETTING = { rule: 'autoDispatchUnitLevel', env: 'AUTO_DISPATCH_UNIT_LEVEL', fallback: 'basic' } as const satisfies {
  rule: keyof SafetyRules;
  env: string;
  fallback: UnitLevel;
};

export const DEFAULT_SAFETY_RULES: SafetyRules = {
  ...(Object.fromEntries(SAFETY_LIMIT_SETTINGS.map((setting) => [setting.rule, setting.fallback])) as Record<SafetyLimit, number>),
  autoDispatchUnitLevel: AUTO_DISPATCH_SETTING.fallback,
};

/** What no single range can check: the S2 alert must come before the S2 dispatch. */
export function safetyRulesConflict(rules: SafetyRules): { rule: SafetyLimit; message: string } | undefined {
  if (rules.s2AlertMinutes >= rules.s2DispatchMinutes) return { rule: 's2AlertMinutes', message: 'must be less than S2_DISPATCH_MINUTES' };
  return undefined;
}
