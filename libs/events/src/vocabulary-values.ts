/**
 * The values of the closed vocabularies the console needs at run time, free of zod so its bundle
 * takes them as they are (by a relative import, as it takes the region from libs/domain).
 * vocabulary.ts makes the schemas from these lists; nothing else spells them again.
 */
export const URGENCIES = ['A', 'B', 'C', 'D'] as const;
/** What a nurse may escalate a D task to. */
export const ESCALATED_URGENCIES = ['A', 'B', 'C'] as const;
export const UNIT_LEVELS = ['first-response', 'basic', 'advanced', 'single-responder'] as const;
export const CALLBACK_OUTCOMES = ['reached', 'no-answer', 'busy', 'wrong-number'] as const;
export const RED_FLAGS = [
  'breathing-difficulty-at-rest',
  'chest-pain',
  'new-confusion',
  'stroke-signs',
  'heavy-bleeding',
  'suspected-sepsis',
  'suicidal-intent',
] as const;
export const SERVICE_KINDS = ['home-care', 'hospital-at-home', 'social-on-call', 'mental-health', 'primary-care', 'helpline'] as const;
/** Where a phone advice or a redirect sends the patient, and how (domain.md, "A disposition has a level and a time"). */
export const CARE_LEVELS = ['self-care', 'primary-care', 'emergency-department', 'social-care', 'other'] as const;
export const TRANSPORTS = ['own', 'taxi', 'non-emergency-transport', 'none'] as const;
/** Whom a nurse may consult before deciding. */
export const CONSULTANTS = ['ems-physician', 'on-call-doctor', 'field-commander'] as const;
/** The roles a person signs in with (contract.md, role table). */
export const STAFF_ROLES = ['erc', 'nurse', 'supervisor', 'partner', 'analyst', 'admin'] as const;
/** Who may act on a task: staff, and the service itself when a safety rule fires. */
export const ROLES = [...STAFF_ROLES, 'system'] as const;

/** Every D task's events are in the stream `dtask-<taskId>`. */
export const DTASK_STREAM_PREFIX = 'dtask-';

/** What the ERC's fields must look like; the console checks them as the service does. */
export const PHONE_PATTERN = /^\+?[0-9 ()-]{5,20}$/;
/** A Finnish personal identity code: birth date, century sign, individual number, check character. */
export const PERSON_ID_PATTERN = /^[0-9]{6}[-+A-FU-Y][0-9]{3}[0-9A-Y]$/;
/** An ERC task number: letters, digits and `-_.:`, at most 48 (no digit required). */
export const ERC_TASK_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,47}$/;
