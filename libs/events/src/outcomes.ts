import { z } from 'zod';
import { classified } from './schemas/field-classes';
import { Instant, text } from './vocabulary';

/**
 * Outcomes the county's data warehouse reports after a contact (issue 14, item 8: Ambulance
 * Victoria's ED presentation within 48 h, Copenhagen's under-triage by record linkage). They are
 * not D-task events: each patient's outcomes are a stream of their own (`outcome-<patientRef>`),
 * never written into a task's stream, and the D-task registry does not know them.
 */
export const OUTCOME_KINDS = ['ed-visit', 'admission', 'death'] as const;
export const OutcomeKind = z.enum(OUTCOME_KINDS);
export type OutcomeKind = z.infer<typeof OutcomeKind>;

/** A patient as analysts see them (the Pseudonymiser's keyed HMAC): never an identity code or a number. */
export const PatientRef = z.string().regex(/^p-[0-9a-f]{24}$/, 'must be a patient pseudonym as the analysts see it (p- and 24 hex digits)');

export const OUTCOME_RECORDED = 'OutcomeRecorded';
export const OUTCOME_SCHEMA_VERSION = 1;

/** One outcome row as imported: who (pseudonym), what, when it happened; a note stays with the analysts' import only. */
export const OutcomeRecorded = classified(
  z.object({ patientRef: PatientRef, kind: OutcomeKind, at: Instant, note: text(500).optional() }).strict(),
  { patientRef: 'safe', kind: 'safe', at: 'safe', note: 'free-text' },
);
export type OutcomeRecorded = z.infer<typeof OutcomeRecorded>;

export const OUTCOME_STREAM_PREFIX = 'outcome-';
export const outcomeStreamId = (patientRef: string) => `${OUTCOME_STREAM_PREFIX}${patientRef}`;

/** The import's CSV columns, in this order in the header; `note` may be left out. */
export const OUTCOME_CSV_COLUMNS = ['patientRef', 'kind', 'at', 'note'] as const;
export const REQUIRED_OUTCOME_CSV_COLUMNS = ['patientRef', 'kind', 'at'] as const;
