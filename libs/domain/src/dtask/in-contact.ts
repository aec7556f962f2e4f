import { DTaskFields } from './state';

/**
 * The patient is in contact now: reached since the intake, and again since any service gave the
 * patient back. S1 and every no-unit decision ask this; S2's waiting clock asks only for the first
 * contact (`contactAt`), since a returned referral is not a new wait from the ERC's call.
 */
export function inContact(state: Pick<DTaskFields, 'contactAt' | 'recontactNeeded'>): boolean {
  return state.contactAt !== undefined && !state.recontactNeeded;
}
