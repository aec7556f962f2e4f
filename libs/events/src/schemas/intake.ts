import { z } from 'zod';
import { Id, Instant, Phone, requiredText, Sex, text } from '../vocabulary';
import { PERSON_ID_PATTERN } from '../vocabulary-values';
import { classified } from './field-classes';

export const Location = z.object({ lat: z.number().min(-90).max(90), lon: z.number().min(-180).max(180) }).strict();

/** Personal data lives only here and in `callbackPhone` (contract.md). */
export const Patient = z
  .object({
    ageYears: z.number().int().min(0).max(130).optional(),
    sex: Sex.optional(),
    personId: z.string().regex(PERSON_ID_PATTERN, 'must be a Finnish personal identity code').optional(),
  })
  .strict();

/**
 * Why the ERC's `receivedAt` was replaced by the moment the service received the task: it lay in
 * the future (S2 would start late or never), or it was implausibly old (S2 would fire at once).
 */
export const ReceivedAtCorrection = z.enum(['future', 'implausibly-old']);
export type ReceivedAtCorrection = z.infer<typeof ReceivedAtCorrection>;

export const DTaskReceived = classified(
  z.object({
    taskId: z.uuid(),
    ercTaskId: Id,
    receivedAt: Instant,
    taskCode: z.string().regex(/^[0-9]{3}[A-Z]?$/, 'must be an ERC task code such as 745'),
    urgency: z.literal('D'),
    municipality: requiredText(64),
    area: requiredText(64),
    address: requiredText(200),
    location: Location.optional(),
    patient: Patient,
    callbackPhone: Phone,
    ercNotes: text(4000).optional(),
    /**
     * Set only when the service corrected `receivedAt` (S2 counts from it): the ERC's own time, kept
     * as sent, and why it was not used. Events written before these fields existed read back as
     * uncorrected.
     */
    ercReceivedAt: Instant.optional(),
    receivedAtCorrected: ReceivedAtCorrection.optional(),
  }),
  {
    taskId: 'safe',
    // The ERC's own id links a task to the ERC's records of the caller: not for analysts.
    ercTaskId: 'personal',
    receivedAt: 'safe',
    taskCode: 'safe',
    urgency: 'safe',
    municipality: 'safe',
    area: 'safe',
    address: 'personal',
    location: 'personal',
    patient: { ageYears: 'safe', sex: 'safe', personId: 'personal' },
    callbackPhone: 'personal',
    ercNotes: 'free-text',
    ercReceivedAt: 'safe',
    receivedAtCorrected: 'safe',
  },
  'patient',
);

export const DTaskCancelled = classified(z.object({ reason: requiredText(500) }), { reason: 'free-text' });
