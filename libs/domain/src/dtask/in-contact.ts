import { DTaskFields } from './state';

/**
 * The patient is in contact now: reached since the intake, and again since any service gave the
 * patient back. S1 and every no-unit decision ask this; S2's waiting clock asks only for the first
 * contact (`contactAt`), since a returned referral is not a new wait from the ERC's call.
 */
export function inContact(state: Pick<DTaskFields, 'contactAt' | 'recontactNeeded'>): boolean {
  return state.contactAt !== undefined && !state.recontactNeeded;
}

/**
 * The call and the assessment so far are old news (a service gave the patient back, the patient
 * called 112 again): the patient must be reached and assessed again, and S1 counts afresh.
 */
export function contactMadeOld(next: DTaskFields): void {
  next.recontactNeeded = true;
  next.assessed = false;
  next.failedAttempts = 0;
  next.firstFailedAt = undefined;
}
