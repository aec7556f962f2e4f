import type { CareLevel, Consultant, EscalatedUrgency, EventData, Transport } from '@dtask/events';
import { nextHelsinkiTime } from '../format';

// Not from api.ts: this file stays free of the browser's types, so the rules' tests can load it in node.
type RecallCondition = NonNullable<EventData<'RecallCompleted'>['condition']>;

export type DecisionKind = 'send-unit' | 'phone-advice' | 'redirect';

/** What the nurse has typed for one task and not yet saved; the desk keeps it per task id. */
export interface Drafts {
  flags: string[];
  concern: boolean;
  symptoms: string;
  notes: string;
  kind: DecisionKind;
  unitLevel: string;
  urgency: 'D' | 'C';
  advice: string;
  safetyNet: string;
  /** Minutes from now of the follow-up call, or a Helsinki wall time `hh.mm` (the next one). */
  followUpIn: string;
  followUpTime: string;
  target: string;
  handoffNote: string;
  informed: boolean;
  escalateTo: EscalatedUrgency;
  escalationReason: string;
  // Who is on the line and how the identity was checked (v1.1; S9); '' is not yet told.
  language: string;
  interpreter: boolean;
  caller: '' | Caller;
  spokeWithPatient: '' | 'yes' | 'no';
  identity: '' | 'verified' | 'unverified';
  /** A recall at the nurse's choice: minutes from now, or a Helsinki wall time `hh.mm`. */
  recallIn: string;
  recallTime: string;
  /** The recall whose reached patient's condition is being told, and the condition. */
  recallReached: string;
  recallCondition: '' | RecallCondition;
  recallNotes: string;
  // The disposition of advice and redirects (v1.1): where, within what time (ISO 8601), and how.
  careLevel: '' | CareLevel;
  within: string;
  transport: '' | Transport;
  /** The consult the decision rests on, '' for none; and a consult being written. */
  consultId: string;
  /** The newest consult of this task the decision form has preselected (once each, so "none" stays chosen). */
  consultSeen: string;
  consultant: '' | Consultant;
  consultQuestion: string;
  consultAdvice: string;
}

export const CALLERS = ['patient', 'relative', 'carer', 'professional', 'other'] as const;
export type Caller = (typeof CALLERS)[number];

/** The forms of a task nothing has been typed for yet. */
export const EMPTY_DRAFTS: Drafts = {
  flags: [], concern: false, symptoms: '', notes: '', kind: 'phone-advice', unitLevel: 'basic', urgency: 'D',
  advice: '', safetyNet: '', followUpIn: '', followUpTime: '', target: '', handoffNote: '', informed: false, escalateTo: 'B', escalationReason: '',
  language: '', interpreter: false, caller: '', spokeWithPatient: '', identity: '', recallIn: '', recallTime: '', recallReached: '', recallCondition: '', recallNotes: '',
  careLevel: '', within: '', transport: '', consultId: '', consultSeen: '', consultant: '', consultQuestion: '', consultAdvice: '',
};

/** Changes fields of the panel's drafts (the panel owns them; its forms only ask). */
export type UpdateDrafts = (patch: Partial<Drafts>) => void;

/** What every form of the panel is given: the drafts, how to change them, and whether a command is on its way. */
export interface PanelForm {
  drafts: Drafts;
  update: UpdateDrafts;
  busy: boolean;
}

/** The assessment as typed, as the `assessment` command takes it. */
export function assessmentBody(drafts: Drafts) {
  return {
    redFlags: drafts.flags,
    concern: drafts.concern,
    symptoms: drafts.symptoms,
    notes: drafts.notes,
    existingServices: [],
    // Only what the nurse told: an unanswered question is not recorded as "no".
    ...(drafts.language ? { language: drafts.language, interpreter: drafts.interpreter } : drafts.interpreter ? { interpreter: true } : {}),
    ...(drafts.caller ? { caller: drafts.caller } : {}),
    ...(drafts.spokeWithPatient ? { spokeWithPatient: drafts.spokeWithPatient === 'yes' } : {}),
    ...(drafts.identity ? { identity: drafts.identity } : {}),
  };
}

/** The assessment's fields as they are after a save: the line's facts stay, what was typed goes. */
export const AFTER_ASSESSMENT_SAVED: Partial<Drafts> = { flags: [], concern: false, symptoms: '', notes: '' };

/** The texts typed and not yet saved, one a line (what the outcome card warns would be lost). */
export function unsavedText(drafts: Drafts): string {
  return [drafts.symptoms, drafts.notes, drafts.advice, drafts.safetyNet, drafts.handoffNote, drafts.escalationReason, drafts.consultQuestion, drafts.consultAdvice].filter((text) => text.trim()).join('\n');
}

/** The follow-up call's time as an ISO instant; undefined for none, null when the time typed is no time. */
export function followUpInstant(drafts: Drafts): string | undefined | null {
  return callInstant(drafts.followUpTime, drafts.followUpIn);
}

/** The nurse's recall's time, as `followUpInstant` reads the follow-up's. */
export function recallInstant(drafts: Drafts): string | undefined | null {
  return callInstant(drafts.recallTime, drafts.recallIn);
}

function callInstant(wallTime: string, minutesFromNow: string): string | undefined | null {
  if (wallTime.trim()) {
    const at = nextHelsinkiTime(wallTime, Date.now());
    return at === undefined ? null : new Date(at).toISOString();
  }
  return minutesFromNow ? new Date(Date.now() + Number(minutesFromNow) * 60_000).toISOString() : undefined;
}
