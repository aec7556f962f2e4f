import { z } from 'zod';
import {
  ActorId,
  CallbackOutcome,
  EscalatedUrgency,
  ExistingService,
  Id,
  Instant,
  RedFlag,
  requiredText,
  ServiceKind,
  text,
  UnitLevel,
  UnitRequestReason,
  Urgency,
} from '../vocabulary';

export const DTaskClaimed = z.object({ nurseId: ActorId });
export const DTaskReleased = z.object({ nurseId: ActorId, reason: text(500).optional() });
/** `attempt` is the 1-based count of callback attempts on this task, so S1 can be audited from the event alone. */
export const CallbackAttempted = z.object({ outcome: CallbackOutcome, attempt: z.number().int().min(1), notes: text(4000).optional() });

export const AssessmentRecorded = z.object({
  redFlags: z.array(RedFlag).max(RedFlag.options.length),
  concern: z.boolean(),
  symptoms: text(4000),
  onset: text(500).optional(),
  tried: text(2000).optional(),
  livingSituation: text(2000).optional(),
  existingServices: z.array(ExistingService).max(ExistingService.options.length),
  notes: text(4000),
});

export const UrgencyEscalated = z.object({
  from: Urgency,
  to: EscalatedUrgency,
  reason: requiredText(1000),
  trigger: z.enum(['red-flag', 'concern', 'nurse']),
  redFlags: z.array(RedFlag).max(RedFlag.options.length),
});

/** v2: `reason` tells a nurse's decision from the automatic dispatches of S1 and S2. */
export const UnitRequested = z.object({ unitLevel: UnitLevel, urgency: Urgency, reason: UnitRequestReason });
export const UnitRequestedV1 = z.object({ unitLevel: UnitLevel, urgency: Urgency });

export const PhoneAdviceGiven = z.object({
  advice: requiredText(4000),
  safetyNet: requiredText(2000),
  patientInformed: z.literal(true),
  followUpAt: Instant.optional(),
});

export const RedirectRequested = z.object({
  target: Id,
  targetKind: ServiceKind,
  handoffNote: requiredText(4000),
  patientInformed: z.literal(true),
  handoffDeadline: Instant,
});

export const HandoffAccepted = z.object({ target: Id, partnerId: ActorId });
export const HandoffDeclined = z.object({ target: Id, partnerId: ActorId, reason: requiredText(1000) });
export const HandoffTimedOut = z.object({ target: Id, deadline: Instant });
