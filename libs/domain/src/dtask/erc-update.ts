import { EventData } from '@dtask/events';
import { isMoreUrgent } from './decide/emit';
import { contactMadeOld, inContact } from './in-contact';
import { DTaskFields } from './state';

/** What the ERC tells: the newest number and address, repeat calls, and an urgency it raised (never lowered here). */
export function foldErcUpdate(next: DTaskFields, data: EventData<'ErcUpdateReceived'>, at: string): void {
  next.lastErcUpdate = { at, data };
  if (data.callbackPhone !== undefined) next.callbackPhone = data.callbackPhone;
  if (data.address !== undefined) next.address = data.address;
  if (data.kind === 'repeat-call') {
    next.repeatCalls = { count: (next.repeatCalls?.count ?? 0) + 1, lastAt: at };
    // Called 112 again after the nurse reached the patient, before a decision: the call and the
    // assessment are old news, as after a referral given back. S1 counts afresh from here; a
    // patient not yet reached keeps the failed calls made so far.
    if (next.decision === undefined && inContact(next)) contactMadeOld(next);
  }
  if (data.kind === 'urgency-changed' && data.urgency !== undefined && data.urgency !== 'D') {
    next.escalated = true;
    if (isMoreUrgent(data.urgency, next.urgency)) next.urgency = data.urgency;
  }
}
