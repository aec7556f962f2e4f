import { createDTaskDecider, DTaskDecider, SafetyRules, safetyRulesOf } from '@dtask/domain';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';

export const DTASK_DECIDER = Symbol('DTASK_DECIDER');
export const SAFETY_RULES = Symbol('SAFETY_RULES');

/** The service's configured limits, mapped as libs/domain maps them. */
export const safetyRulesFrom = (config: AppConfig): SafetyRules => safetyRulesOf(config);

export const deciderProviders = [
  { provide: SAFETY_RULES, inject: [APP_CONFIG], useFactory: safetyRulesFrom },
  { provide: DTASK_DECIDER, inject: [SAFETY_RULES], useFactory: (rules: SafetyRules): DTaskDecider => createDTaskDecider(rules) },
];
