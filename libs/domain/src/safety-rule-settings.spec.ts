import { InvalidSafetyRulesError, safetyRulesFromEnv } from './safety-rule-settings';
import { DEFAULT_SAFETY_RULES, SAFETY_LIMIT_SETTINGS, safetyRulesConflict } from './safety-rules';

describe('the safety rules’ defaults', () => {
  it('are domain.md’s bracketed limits, with basic units sent automatically', () => {
    expect(DEFAULT_SAFETY_RULES).toEqual({
      s1FailedAttempts: 2, s1MinutesAfterFirstFailure: 15, s2AlertMinutes: 20, s2DispatchMinutes: 60,
      s4SecondContactHours: 24, s6HandoffMinutes: 30, followUpFailedAttempts: 2,
      s8RecallMinutes: 30, s8UnitOverdueMinutes: 120, s8RecallFailedAttempts: 2, handoffVisitHours: 24, autoDispatchUnitLevel: 'basic',
    });
  });
  it('lie within their own ranges, and the S2 alert comes before the S2 dispatch', () => {
    for (const setting of SAFETY_LIMIT_SETTINGS) expect([setting.env, setting.min <= setting.fallback && setting.fallback <= setting.max]).toEqual([setting.env, true]);
    expect(safetyRulesConflict(DEFAULT_SAFETY_RULES)).toBeUndefined();
  });
});

describe('safetyRulesFromEnv', () => {
  it('given no variable, gives the defaults', () => {
    expect(safetyRulesFromEnv({})).toEqual(DEFAULT_SAFETY_RULES);
  });
  it('given empty variables, gives the defaults', () => {
    expect(safetyRulesFromEnv({ S1_FAILED_ATTEMPTS: '', S2_ALERT_MINUTES: undefined })).toEqual(DEFAULT_SAFETY_RULES);
  });
  it('given every variable, reads each into its rule', () => {
    const env = { S1_FAILED_ATTEMPTS: '3', S1_MINUTES_AFTER_FIRST_FAILURE: '10', S2_ALERT_MINUTES: '15', S2_DISPATCH_MINUTES: '45', S4_SECOND_CONTACT_HOURS: '72', S6_HANDOFF_MINUTES: '20', FOLLOW_UP_FAILED_ATTEMPTS: '1',
      S8_RECALL_MINUTES: '15', S8_UNIT_OVERDUE_MINUTES: '90', S8_RECALL_FAILED_ATTEMPTS: '3', HANDOFF_VISIT_HOURS: '48', AUTO_DISPATCH_UNIT_LEVEL: 'advanced' };
    expect(safetyRulesFromEnv(env)).toEqual({
      s1FailedAttempts: 3, s1MinutesAfterFirstFailure: 10, s2AlertMinutes: 15, s2DispatchMinutes: 45,
      s4SecondContactHours: 72, s6HandoffMinutes: 20, followUpFailedAttempts: 1,
      s8RecallMinutes: 15, s8UnitOverdueMinutes: 90, s8RecallFailedAttempts: 3, handoffVisitHours: 48, autoDispatchUnitLevel: 'advanced',
    });
  });
  it.each([
    ['S2_DISPATCH_MINUTES', '481', 'S2_DISPATCH_MINUTES: must be a whole number from 1 to 480 minutes'],
    ['S4_SECOND_CONTACT_HOURS', '0x10', 'S4_SECOND_CONTACT_HOURS: must be a whole number from 1 to 720 hours'],
    ['S1_FAILED_ATTEMPTS', '0', 'S1_FAILED_ATTEMPTS: must be a whole number from 1 to 10 attempts'],
    ['S8_RECALL_MINUTES', '4', 'S8_RECALL_MINUTES: must be a whole number from 5 to 240 minutes'],
    ['S8_UNIT_OVERDUE_MINUTES', '601', 'S8_UNIT_OVERDUE_MINUTES: must be a whole number from 15 to 600 minutes'],
    ['S8_RECALL_FAILED_ATTEMPTS', '6', 'S8_RECALL_FAILED_ATTEMPTS: must be a whole number from 1 to 5 attempts'],
    // The visit limit cannot be switched off (0), nor set so far out that a referral is never checked.
    ['HANDOFF_VISIT_HOURS', '0', 'HANDOFF_VISIT_HOURS: must be a whole number from 1 to 72 hours'],
    ['HANDOFF_VISIT_HOURS', '73', 'HANDOFF_VISIT_HOURS: must be a whole number from 1 to 72 hours'],
    ['HANDOFF_VISIT_HOURS', '-1', 'HANDOFF_VISIT_HOURS: must be a whole number from 1 to 72 hours'],
    ['AUTO_DISPATCH_UNIT_LEVEL', 'helicopter', 'AUTO_DISPATCH_UNIT_LEVEL: '],
  ])('given %s=%s, refuses it naming the variable', (name, value, message) => {
    expect(() => safetyRulesFromEnv({ [name]: value })).toThrow(InvalidSafetyRulesError);
    expect(() => safetyRulesFromEnv({ [name]: value })).toThrow(message);
  });
  it('given an S2 alert not before the S2 dispatch, refuses it', () => {
    expect(() => safetyRulesFromEnv({ S2_ALERT_MINUTES: '60', S2_DISPATCH_MINUTES: '60' })).toThrow('S2_ALERT_MINUTES: must be less than S2_DISPATCH_MINUTES');
  });
});
