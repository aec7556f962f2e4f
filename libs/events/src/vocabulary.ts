import { z } from 'zod';
import {
  CALLBACK_OUTCOMES,
  CARE_LEVELS,
  CONSULTANTS,
  ESCALATED_URGENCIES,
  PHONE_PATTERN,
  RED_FLAGS,
  ROLES,
  SERVICE_KINDS,
  STAFF_ROLES,
  TRANSPORTS,
  UNIT_LEVELS,
  URGENCIES,
} from './vocabulary-values';

/** The region's areas and municipalities are a closed vocabulary too (the intake refuses others). */
export * from './region';

/**
 * The domain's closed vocabularies; one place, shared by events, commands and the console (whose
 * run-time lists come from vocabulary-values.ts, zod-free). Each list's values are its `.options`.
 */
export const Urgency = z.enum(URGENCIES);
export const EscalatedUrgency = z.enum(ESCALATED_URGENCIES);
export const UnitLevel = z.enum(UNIT_LEVELS);
export const CallbackOutcome = z.enum(CALLBACK_OUTCOMES);
export const RedFlag = z.enum(RED_FLAGS);
export const ServiceKind = z.enum(SERVICE_KINDS);
/** Services the patient already uses: any kind of redirect target, or none. */
export const ExistingService = z.enum([...ServiceKind.options, 'none']);
export const UnitRequestReason = z.enum(['nurse-decision', 'unreachable', 'waiting-limit', 'escalation']);
export const CloseOutcome = z.enum(['unit-mission', 'phone-advice', 'redirect', 'escalated', 'cancelled']);
export const MissionStage = z.enum(['unit-assigned', 'on-scene', 'completed']);
export const Sex = z.enum(['female', 'male', 'other', 'unknown']);
export const Role = z.enum(ROLES);
/** A signed-in person's role: any but `system`, which only the service's own policies act as. */
export const StaffRole = z.enum(STAFF_ROLES);
export const OverrideRule = z.enum(['S4-second-contact']);
export const CareLevel = z.enum(CARE_LEVELS);
export const Transport = z.enum(TRANSPORTS);
export const Consultant = z.enum(CONSULTANTS);

export type Urgency = z.infer<typeof Urgency>;
export type UnitLevel = z.infer<typeof UnitLevel>;
export type CallbackOutcome = z.infer<typeof CallbackOutcome>;
export type RedFlag = z.infer<typeof RedFlag>;
export type ServiceKind = z.infer<typeof ServiceKind>;
export type UnitRequestReason = z.infer<typeof UnitRequestReason>;
export type CloseOutcome = z.infer<typeof CloseOutcome>;
export type MissionStage = z.infer<typeof MissionStage>;
export type Role = z.infer<typeof Role>;
export type StaffRole = z.infer<typeof StaffRole>;
export type OverrideRule = z.infer<typeof OverrideRule>;
export type EscalatedUrgency = z.infer<typeof EscalatedUrgency>;
export type ExistingService = z.infer<typeof ExistingService>;
export type Sex = z.infer<typeof Sex>;
export type CareLevel = z.infer<typeof CareLevel>;
export type Transport = z.infer<typeof Transport>;
export type Consultant = z.infer<typeof Consultant>;

/** Bounded text, so no field can carry megabytes into the log. */
export const text = (max: number) => z.string().max(max);
export const requiredText = (max: number) => z.string().trim().min(1).max(max);
export const Id = z.string().min(1).max(64);
/** A user id from the identity provider's token (`sub`), as in the metadata's actor. */
export const ActorId = z.string().min(1).max(128);
export const Instant = z.iso.datetime({ offset: true });
/** An ISO 8601 duration of days, hours and minutes, such as PT2H or P1D: a disposition's timeframe. */
export const Timeframe = z
  .string()
  .regex(/^P(?=\d|T\d)(\d{1,3}D)?(T(?=\d)(\d{1,3}H)?(\d{1,4}M)?)?$/, 'must be an ISO 8601 duration such as PT2H or P1D');
export const Phone = z.string().regex(PHONE_PATTERN, 'must be a phone number such as +358401234567');
