import { createDTaskDecider, DTaskDecider, SafetyRules } from '@dtask/domain';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';

export const DTASK_DECIDER = Symbol('DTASK_DECIDER');
export const SAFETY_RULES = Symbol('SAFETY_RULES');

export function safetyRulesFrom(config: AppConfig): SafetyRules {
  return {
    s1FailedAttempts: config.S1_FAILED_ATTEMPTS,
    s1MinutesAfterFirstFailure: config.S1_MINUTES_AFTER_FIRST_FAILURE,
    s2AlertMinutes: config.S2_ALERT_MINUTES,
    s2DispatchMinutes: config.S2_DISPATCH_MINUTES,
    s4SecondContactHours: config.S4_SECOND_CONTACT_HOURS,
    s6HandoffMinutes: config.S6_HANDOFF_MINUTES,
    followUpFailedAttempts: config.FOLLOW_UP_FAILED_ATTEMPTS,
    autoDispatchUnitLevel: config.AUTO_DISPATCH_UNIT_LEVEL,
  };
}

export const deciderProviders = [
  { provide: SAFETY_RULES, inject: [APP_CONFIG], useFactory: safetyRulesFrom },
  { provide: DTASK_DECIDER, inject: [SAFETY_RULES], useFactory: (rules: SafetyRules): DTaskDecider => createDTaskDecider(rules) },
];
