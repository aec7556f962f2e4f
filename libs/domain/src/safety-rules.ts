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
  /** Level of the unit sent automatically by S1 and S2. */
  autoDispatchUnitLevel: UnitLevel;
}

export const DEFAULT_SAFETY_RULES: SafetyRules = {
  s1FailedAttempts: 2,
  s1MinutesAfterFirstFailure: 15,
  s2AlertMinutes: 20,
  s2DispatchMinutes: 60,
  s4SecondContactHours: 24,
  s6HandoffMinutes: 30,
  followUpFailedAttempts: 2,
  autoDispatchUnitLevel: 'basic',
};
