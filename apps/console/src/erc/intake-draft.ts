import type { Sex } from '@dtask/events';
import type { ApiError } from '../api';
import { helsinkiDate, helsinkiWallTimeIso } from '../format';
import { D_TASK_CODES } from '../../../../libs/events/src/region';
import { ERC_TASK_ID_PATTERN, PERSON_ID_PATTERN, PHONE_PATTERN } from '../../../../libs/events/src/vocabulary-values';

export type Field = 'ercTaskId' | 'receivedAt' | 'taskCode' | 'municipality' | 'address' | 'ageYears' | 'sex' | 'personId' | 'callbackPhone' | 'ercNotes';
/** A field's problem as a word key, `erc.tooLong:200` carrying its limit. */
export type Errors = Partial<Record<Field | 'task' | 'reason', string>>;

/** The intake form as typed. */
export interface Draft {
  ercTaskId: string;
  receivedNow: boolean;
  /** `YYYY-MM-DDTHH:mm` on the centre's (Helsinki) clock. */
  receivedAt: string;
  taskCode: string;
  municipality: string;
  address: string;
  ageYears: string;
  sex: '' | Sex;
  personId: string;
  callbackPhone: string;
  ercNotes: string;
}

/** An ERC task number as ERICA shows them: the day and a running number (here random). */
const newErcTaskId = () => `${helsinkiDate(Date.now()).replaceAll('-', '')}-${String(Math.floor(Math.random() * 100_000)).padStart(5, '0')}`;

export const emptyDraft = (): Draft => ({
  ercTaskId: newErcTaskId(),
  receivedNow: true,
  receivedAt: '',
  taskCode: '',
  municipality: '',
  address: '',
  ageYears: '',
  sex: '',
  personId: '',
  callbackPhone: '',
  ercNotes: '',
});

/** What the form checks before sending; the server checks again and its answer is mapped to the same words. */
export function check(draft: Draft): Errors {
  const errors: Errors = {};
  if (!draft.ercTaskId.trim()) errors.ercTaskId = 'erc.required';
  else if (!ERC_TASK_ID_PATTERN.test(draft.ercTaskId.trim())) errors.ercTaskId = 'erc.badErcTaskId';
  if (!draft.receivedNow && !helsinkiWallTimeIso(draft.receivedAt)) errors.receivedAt = 'erc.badTime';
  if (!D_TASK_CODES.includes(draft.taskCode)) errors.taskCode = 'erc.badTaskCode';
  if (!draft.municipality) errors.municipality = 'erc.required';
  if (!draft.address.trim()) errors.address = 'erc.required';
  else if (draft.address.length > 200) errors.address = 'erc.tooLong:200';
  if (draft.ageYears !== '' && !(/^\d{1,3}$/.test(draft.ageYears) && Number(draft.ageYears) <= 130)) errors.ageYears = 'erc.badAge';
  if (draft.personId !== '' && !PERSON_ID_PATTERN.test(draft.personId.trim().toUpperCase())) errors.personId = 'erc.badPersonId';
  if (!draft.callbackPhone.trim()) errors.callbackPhone = 'erc.required';
  else if (!PHONE_PATTERN.test(draft.callbackPhone.trim())) errors.callbackPhone = 'erc.badPhone';
  if (draft.ercNotes.length > 4000) errors.ercNotes = 'erc.tooLong:4000';
  return errors;
}

/** The D-task as `POST /api/d-tasks` takes it, from a draft that passed `check`. */
export function intakeBody(draft: Draft) {
  const receivedAt = draft.receivedNow ? new Date().toISOString() : helsinkiWallTimeIso(draft.receivedAt)!;
  const patient = {
    ...(draft.ageYears !== '' ? { ageYears: Number(draft.ageYears) } : {}),
    ...(draft.sex ? { sex: draft.sex } : {}),
    ...(draft.personId.trim() ? { personId: draft.personId.trim().toUpperCase() } : {}),
  };
  return {
    ercTaskId: draft.ercTaskId.trim(),
    receivedAt,
    taskCode: draft.taskCode,
    urgency: 'D' as const,
    municipality: draft.municipality,
    address: draft.address.trim(),
    patient,
    callbackPhone: draft.callbackPhone.trim(),
    ...(draft.ercNotes.trim() ? { ercNotes: draft.ercNotes.trim() } : {}),
  };
}

const FIELD_MESSAGE: Partial<Record<Field, string>> = {
  ercTaskId: 'erc.badErcTaskId',
  receivedAt: 'erc.badTime',
  taskCode: 'erc.badTaskCode',
  ageYears: 'erc.badAge',
  personId: 'erc.badPersonId',
  callbackPhone: 'erc.badPhone',
};

/** The server's 400 names fields by path (`patient.personId`); the view words them itself, never zod's text. */
export function serverErrors(caught: ApiError, fields: readonly string[]): Errors {
  const errors: Errors = {};
  for (const issue of caught.body.issues ?? []) {
    const field = issue.path.split('.').at(-1) ?? '';
    const known = fields.includes(field) ? (field as Field) : undefined;
    if (known) errors[known] = FIELD_MESSAGE[known] ?? 'erc.badField';
  }
  return errors;
}
