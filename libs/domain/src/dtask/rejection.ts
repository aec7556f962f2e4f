/** Every reason the decider refuses a command for; the console has words for each (test/console-words.test.ts). */
export const REJECTION_REASONS = [
  'not-found',
  'already-exists',
  'task-closed',
  'claimed-by-another-nurse',
  'not-claimable',
  'not-claimed',
  'not-owner',
  'no-contact',
  'not-assessed',
  'red-flags-present',
  'already-decided',
  'already-escalated',
  'escalation-cannot-be-undone',
  'patient-must-be-informed',
  'second-contact-needs-override',
  'not-awaiting-handoff',
  'wrong-service',
  'no-follow-up-pending',
  'no-unit-requested',
  'close-without-contact',
  'not-decided',
  'supervisor-only',
  'override-not-applicable',
  'not-due',
  'follow-up-in-the-past',
  'follow-up-too-far',
  'handoff-pending',
  'system-only',
  /** S9: a patient whose identity could not be verified gets a unit. */
  'identity-unverified',
  'no-recall-pending',
  /** A recall that reached the patient tells the condition: same, better or worse. */
  'condition-required',
  /** S8: the patient waiting for a D unit keeps their recalls until it is on scene. */
  'unit-not-on-scene',
  /** v1.1: the accepting service's report of the visit, and the consults a decision names. */
  'not-awaiting-visit',
  'visit-time-implausible',
  'unknown-consult',
  /** A redirect's timeframe longer than the visit limit: the loop would close before the visit was due. */
  'timeframe-beyond-visit-limit',
] as const;
export type RejectionReason = (typeof REJECTION_REASONS)[number];

/** A command the task's state forbids; the API answers 409 (404 for not-found) with the reason. */
export class DomainRejection extends Error {
  override readonly name = 'DomainRejection';
  constructor(
    readonly reason: RejectionReason,
    message: string,
  ) {
    super(message);
  }
}

export function reject(reason: RejectionReason, message: string): never {
  throw new DomainRejection(reason, message);
}
