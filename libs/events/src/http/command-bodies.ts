import { z } from 'zod';
import { MissionUpdated } from '../schemas/follow-through';
import { Location, Patient } from '../schemas/intake';
import { AssessmentRecorded } from '../schemas/triage';
import {
  ActorId,
  CallbackOutcome,
  CareLevel,
  Consultant,
  EscalatedUrgency,
  Id,
  Instant,
  OverrideRule,
  Phone,
  requiredText,
  StaffRole,
  text,
  Timeframe,
  Transport,
  UnitLevel,
} from '../vocabulary';
import { ERC_TASK_ID_PATTERN } from '../vocabulary-values';
import { REGION_MUNICIPALITIES, regionMunicipality } from '../region';

/**
 * Fields analysts see as they are must carry no free text (a name, a diagnosis): each has the
 * shape of what it is, so a `Maija Meikäläinen, 040…` cannot pass as one.
 */
/** The ERC's own task number: letters, digits and `-_.:` (no spaces, no commas), at most 48. */
export const ErcTaskId = z
  .string()
  .regex(ERC_TASK_ID_PATTERN, 'must be an ERC task number such as 20261122-00042 (letters, digits and - _ . :, at most 48)');
/** An EMS unit's call sign: an area prefix of letters and a number, such as OU-121 or OU 121. */
export const UnitCallSign = z.string().regex(/^[A-ZÅÄÖ]{1,4}[ -]?[0-9]{1,4}[A-Z]?$/, 'must be a unit call sign such as OU-121');
/** One of the region's municipalities, in the region's own spelling (the ERC may write `oulu`). */
export const Municipality = z
  .string()
  .max(64, 'must be one of the region’s municipalities')
  .transform((name, ctx) => {
    const known = regionMunicipality(name);
    if (known === undefined) {
      ctx.addIssue({ code: 'custom', message: `must be one of the region’s municipalities: ${REGION_MUNICIPALITIES.join(', ')}` });
      return z.NEVER;
    }
    return known;
  });

/**
 * Bodies of the contract's routes. Objects are strict: an unknown key (including `__proto__` or
 * `constructor`) is a 400 naming it, never something that reaches a handler.
 */
export const IntakeBody = z
  .object({
    ercTaskId: ErcTaskId,
    receivedAt: Instant,
    taskCode: z.string().regex(/^[0-9]{3}[A-Z]?$/, 'must be an ERC task code such as 745'),
    urgency: z.literal('D'),
    municipality: Municipality,
    address: requiredText(200),
    location: Location.optional(),
    patient: Patient,
    callbackPhone: Phone,
    ercNotes: text(4000).optional(),
  })
  .strict();

export const CancelBody = z.object({ reason: requiredText(500) }).strict();
export const CallbackBody = z.object({ outcome: CallbackOutcome, notes: text(4000).optional() }).strict();
/** The assessment as recorded; lists and notes may be left out. */
export const AssessmentBody = AssessmentRecorded.extend({
  existingServices: AssessmentRecorded.shape.existingServices.default([]),
  notes: AssessmentRecorded.shape.notes.default(''),
}).strict();
export const EscalationBody = z.object({ urgency: EscalatedUrgency, reason: requiredText(1000) }).strict();

/** v1.1: a decision made on a consult names it (the task view's `consults`). */
const onConsult = { consultId: Id.optional() };
/** v1.1: where a no-unit decision sends the patient, within what time, and how. */
const disposition = { careLevel: CareLevel.optional(), within: Timeframe.optional(), transport: Transport.optional(), ...onConsult };
/** Self-care has nothing to reach in time and nowhere to travel: a timeframe or a ride with it is a slip. */
const selfCareFits = (body: { careLevel?: string; within?: string; transport?: string }, context: z.RefinementCtx) => {
  if (body.careLevel !== 'self-care') return;
  if (body.within !== undefined) context.addIssue({ code: 'custom', path: ['within'], message: 'self-care has no timeframe' });
  if (body.transport !== undefined && body.transport !== 'none') context.addIssue({ code: 'custom', path: ['transport'], message: 'self-care needs no transport' });
};

export const SendUnitDecision = z
  .object({ kind: z.literal('send-unit'), unitLevel: UnitLevel, urgency: z.enum(['D', 'C']), ...onConsult })
  .strict();
export const PhoneAdviceDecision = z
  .object({
    kind: z.literal('phone-advice'),
    advice: requiredText(4000),
    safetyNet: requiredText(2000),
    patientInformed: z.literal(true, 'the patient must be told no ambulance is coming (S5)'),
    followUpAt: Instant.optional(),
    ...disposition,
  })
  .strict()
  .superRefine(selfCareFits);
export const RedirectDecision = z
  .object({
    kind: z.literal('redirect'),
    target: Id,
    handoffNote: requiredText(4000),
    patientInformed: z.literal(true, 'the patient must be told no ambulance is coming (S5)'),
    ...disposition,
  })
  .strict()
  .superRefine(selfCareFits);
export const DecisionBody = z.discriminatedUnion('kind', [SendUnitDecision, PhoneAdviceDecision, RedirectDecision]);

export const FollowUpBody = z.object({ outcome: CallbackOutcome, notes: text(4000).optional() }).strict();
/** v1.1: `requestedBy: 'field-commander'` attaches a unit the centre did not request. */
export const MissionBody = MissionUpdated.extend({ unitId: UnitCallSign, requestedBy: z.enum(['field-commander']).optional() }).strict();
export const HandoffDeclineBody = z.object({ reason: requiredText(1000) }).strict();
/** v1.1: the accepting service's report of its visit. */
export const HandoffCompleteBody = z.object({ visitedAt: Instant, notes: text(4000).optional() }).strict();
export const HandoffFailBody = z.object({ reason: requiredText(1000) }).strict();
/** v1.1: the consult's id is the service's (`consult-1`, …), as a recall's is. */
export const ConsultBody = z.object({ consultant: Consultant, question: requiredText(2000), advice: requiredText(4000) }).strict();
export const OverrideBody = z.object({ rule: OverrideRule, reason: requiredText(1000) }).strict();
export const CloseBody = z.object({ reason: text(1000).optional() }).strict();
/** Routes without a body accept none, or an empty object. */
export const EmptyBody = z.object({}).strict();
/** Who a token says its bearer is; `service` names a partner's service id. No `system` role. */
export const ActorClaims = z.object({ sub: ActorId, role: StaffRole, service: Id.optional() });
/** `POST /api/auth/dev-token`: the claims the token is to carry, and nothing else. */
export const DevTokenBody = ActorClaims.strict();

export type IntakeBody = z.infer<typeof IntakeBody>;
export type CancelBody = z.infer<typeof CancelBody>;
export type CallbackBody = z.infer<typeof CallbackBody>;
export type AssessmentBody = z.infer<typeof AssessmentBody>;
export type EscalationBody = z.infer<typeof EscalationBody>;
export type DecisionBody = z.infer<typeof DecisionBody>;
export type FollowUpBody = z.infer<typeof FollowUpBody>;
export type MissionBody = z.infer<typeof MissionBody>;
export type HandoffDeclineBody = z.infer<typeof HandoffDeclineBody>;
export type HandoffCompleteBody = z.infer<typeof HandoffCompleteBody>;
export type HandoffFailBody = z.infer<typeof HandoffFailBody>;
export type ConsultBody = z.infer<typeof ConsultBody>;
export type OverrideBody = z.infer<typeof OverrideBody>;
export type CloseBody = z.infer<typeof CloseBody>;
export type DevTokenBody = z.infer<typeof DevTokenBody>;
