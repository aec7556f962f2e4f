import { createHmac, createSecretKey, KeyObject } from 'node:crypto';
import { classificationOfEvent, classificationOfMetadata, patientKeyOfIntake } from '@dtask/events';
import { z } from 'zod';
import { classifiedView, isRecord, StaffView } from './classified-view';

/** A secret key's least length in bytes, and its least number of different characters. */
export const MIN_KEY_BYTES = 32;
export const MIN_KEY_DISTINCT_CHARACTERS = 16;

/**
 * Why a secret key is too weak to sign tokens or key pseudonyms, or undefined if it is not: shorter
 * than 32 bytes, or so repetitive (`aaaa…`, `abab…`) that it is a placeholder, not a secret.
 */
export function weakKeyReason(key: string): string | undefined {
  if (Buffer.byteLength(key, 'utf8') < MIN_KEY_BYTES) return `must be at least ${MIN_KEY_BYTES} bytes long`;
  if (new Set(key).size < MIN_KEY_DISTINCT_CHARACTERS) {
    return `must be a random secret with at least ${MIN_KEY_DISTINCT_CHARACTERS} different characters`;
  }
  return undefined;
}

/** The HMAC key of pseudonyms, as the service and the export CLI both read it from `PSEUDONYM_KEY`. */
export const PseudonymKey = z.string().superRefine((key, ctx) => {
  const weak = weakKeyReason(key);
  if (weak) ctx.addIssue({ code: 'custom', message: weak });
});
/** Dev default: fine for `npm start` and tests, refused in production (AUTH_MODE=oidc). */
export const DEV_PSEUDONYM_KEY = 'dev-only-pseudonym-key-0123456789abcdef';

/** About a day of the centre's patients and more; an identity not among them is hashed again. */
const RECENT_PSEUDONYMS = 10_000;

export interface EventView {
  type: string;
  data: unknown;
  metadata: unknown;
}

/**
 * The view of events for analysts and the live channel, derived from the classification beside
 * each schema (libs/events field-classes): the patient becomes a stable keyed-HMAC pseudonym (so
 * second contacts stay countable); personal data, free text and unclassified fields are removed. Staff
 * (the actor of each event, the nurse of a claim, the partner of a handoff) become pseudonyms of
 * the same key, stable, so measures by nurse stay countable without naming anyone.
 */
export class Pseudonymiser {
  /**
   * Recent identities' pseudonyms, in two generations: a task's patient is looked up at its intake
   * and at every fold of it. When the newer one fills, the older is dropped whole. Evicting a Map's
   * oldest entry one by one walks past every entry deleted before it, about 8 µs an intake in a replay.
   */
  private newer = new Map<string, string>();
  private older = new Map<string, string>();

  /** The key imported once: a string key is imported again by every HMAC. */
  private readonly secret: KeyObject;

  constructor(key: string) {
    this.secret = createSecretKey(Buffer.from(key, 'utf8'));
  }

  /** The same person always gets the same pseudonym; without the key it cannot be reversed. */
  pseudonym(identity: string): string {
    const recent = this.newer.get(identity);
    if (recent !== undefined) return recent;
    const pseudonym = this.older.get(identity) ?? this.keyed(identity);
    this.remember(identity, pseudonym);
    return pseudonym;
  }

  /**
   * `p-` and the HMAC's first 24 hex digits, joined into one flat string: the patient index holds
   * one for every patient of a year, and a concatenation would hold a rope over the whole digest.
   */
  private keyed(identity: string): string {
    return ['p-', createHmac('sha256', this.secret).update(identity, 'utf8').digest('hex').slice(0, 24)].join('');
  }

  private remember(identity: string, pseudonym: string): void {
    if (this.newer.size >= RECENT_PSEUDONYMS / 2) {
      this.older = this.newer;
      this.newer = new Map();
    }
    this.newer.set(identity, pseudonym);
  }

  /** A patient's pseudonym, from the one patient key (patientKey): the ref analysts and the PatientIndex see. */
  patientRef(key: string): string {
    return this.pseudonym(key);
  }

  /** A member of staff's pseudonym (`s-…`): never equal to a patient's, stable under one key. */
  staffPseudonym(id: string): string {
    return `s-${this.pseudonym(`staff:${id}`).slice(2)}`;
  }

  event<E extends EventView>(event: E): E {
    return { ...event, data: this.data(event.type, event.data), metadata: this.metadata(event.metadata) };
  }

  /** Only what the classification beside the event's schema lets through; an unknown type shows no data. */
  private data(type: string, data: unknown): unknown {
    const classification = classificationOfEvent(type);
    if (!classification || !isRecord(data)) return {};
    const view = classifiedView(data, classification.fields, this.staffView);
    const at = classification.patientAt;
    // A task naming neither an identity code nor a number is its own patient.
    if (at) view[at] = { ref: this.patientRef(patientKeyOfIntake(data) ?? `task:${String(data.taskId)}`), ...(view[at] as object | undefined) };
    return view;
  }

  private metadata(metadata: unknown): unknown {
    if (!isRecord(metadata)) return {};
    // The system's policies are no person; every user is.
    const actor = metadata.actor as { role?: unknown } | undefined;
    return classifiedView(metadata, classificationOfMetadata().fields, actor?.role === 'system' ? (id) => id : this.staffView);
  }

  private readonly staffView: StaffView = (id) => this.staffPseudonym(id);
}
