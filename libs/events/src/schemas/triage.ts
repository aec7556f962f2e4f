import { z } from 'zod';
import {
  ActorId,
  CallbackOutcome,
  CareLevel,
  EscalatedUrgency,
  ExistingService,
  Id,
  Instant,
  RedFlag,
  requiredText,
  ServiceKind,
  text,
  Timeframe,
  Transport,
  UnitLevel,
  UnitRequestReason,
  Urgency,
} from '../vocabulary';
import { classified } from './field-classes';

export const DTaskClaimed = classified(z.object({ nurseId: ActorId }), { nurseId: 'staff' });
export const DTaskReleased = classified(z.object({ nurseId: ActorId, reason: text(500).optional() }), { nurseId: 'staff', reason: 'free-text' });
/** `attempt` is the 1-based count of callback attempts on this task, so S1 can be audited from the event alone. */
export const CallbackAttempted = classified(
  z.object({ outcome: CallbackOutcome, attempt: z.number().int().min(1), notes: text(4000).optional() }),
  { outcome: 'safe', attempt: 'safe', notes: 'free-text' },
);

export const Caller = z.enum(['patient', 'relative', 'carer', 'professional', 'other']);
/** S9: an unverified identity forbids a no-unit decision, as a red flag does. */
export const IdentityCheck = z.enum(['verified', 'unverified']);

export const AssessmentRecorded = classified(
  z.object({
    redFlags: z.array(RedFlag).max(RedFlag.options.length),
    concern: z.boolean(),
    symptoms: text(4000),
    onset: text(500).optional(),
    tried: text(2000).optional(),
    livingSituation: text(2000).optional(),
    existingServices: z.array(ExistingService).max(ExistingService.options.length),
    notes: text(4000),
    /** v1.1: who is on the line, in which language, and how the patient's identity was checked (S9). */
    language: z.string().regex(/^[a-z]{2,3}$/, 'must be a language code such as fi, sv or en').optional(),
    interpreter: z.boolean().optional(),
    caller: Caller.optional(),
    spokeWithPatient: z.boolean().optional(),
    identity: IdentityCheck.optional(),
  }),
  {
    redFlags: 'safe',
    concern: 'safe',
    symptoms: 'free-text',
    onset: 'free-text',
    tried: 'free-text',
    livingSituation: 'free-text',
    existingServices: 'safe',
    notes: 'free-text',
    language: 'safe',
    interpreter: 'safe',
    caller: 'safe',
    spokeWithPatient: 'safe',
    identity: 'safe',
  },
);

export const UrgencyEscalated = classified(
  z.object({
    from: Urgency,
    to: EscalatedUrgency,
    reason: requiredText(1000),
    trigger: z.enum(['red-flag', 'concern', 'nurse']),
    redFlags: z.array(RedFlag).max(RedFlag.options.length),
  }),
  { from: 'safe', to: 'safe', reason: 'free-text', trigger: 'safe', redFlags: 'safe' },
);

/** v1.1: a decision made on a consult names it (ConsultRecorded.consultId). */
const onConsult = { consultId: Id.optional() };

/** v2: `reason` tells a nurse's decision from the automatic dispatches of S1 and S2. */
export const UnitRequested = classified(z.object({ unitLevel: UnitLevel, urgency: Urgency, reason: UnitRequestReason, ...onConsult }), {
  unitLevel: 'safe',
  urgency: 'safe',
  reason: 'safe',
  consultId: 'safe',
});

/** v1.1: where a no-unit decision sends the patient, within what time, and how (domain.md, dispositions). */
const disposition = { careLevel: CareLevel.optional(), within: Timeframe.optional(), transport: Transport.optional(), ...onConsult };
const dispositionClasses = { careLevel: 'safe', within: 'safe', transport: 'safe', consultId: 'safe' } as const;

export const PhoneAdviceGiven = classified(
  z.object({
    advice: requiredText(4000),
    safetyNet: requiredText(2000),
    patientInformed: z.literal(true),
    followUpAt: Instant.optional(),
    ...disposition,
  }),
  { advice: 'free-text', safetyNet: 'free-text', patientInformed: 'safe', followUpAt: 'safe', ...dispositionClasses },
);

export const RedirectRequested = classified(
  z.object({
    target: Id,
    targetKind: ServiceKind,
    handoffNote: requiredText(4000),
    patientInformed: z.literal(true),
    handoffDeadline: Instant,
    ...disposition,
  }),
  { target: 'safe', targetKind: 'safe', handoffNote: 'free-text', patientInformed: 'safe', handoffDeadline: 'safe', ...dispositionClasses },
);

/** Who answers for a redirect: the addressed service, as one of its partners. */
export const partnerAnswer = { target: Id, partnerId: ActorId };
export const partnerAnswerClasses = { target: 'safe', partnerId: 'staff' } as const;

/**
 * v1.1: accepted is not yet done: the task awaits the service's visit until `visitBy` (the visit
 * limit in force at the acceptance). Older acceptances have no `visitBy` and were followed by the close.
 */
export const HandoffAccepted = classified(z.object({ ...partnerAnswer, visitBy: Instant.optional() }), { ...partnerAnswerClasses, visitBy: 'safe' });
export const HandoffDeclined = classified(z.object({ ...partnerAnswer, reason: requiredText(1000) }), { ...partnerAnswerClasses, reason: 'free-text' });
export const HandoffTimedOut = classified(z.object({ target: Id, deadline: Instant }), { target: 'safe', deadline: 'safe' });
