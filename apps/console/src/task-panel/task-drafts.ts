import type { EscalatedUrgency } from '@dtask/events';
import { nextHelsinkiTime } from '../format';

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
}

/** The forms of a task nothing has been typed for yet. */
export const EMPTY_DRAFTS: Drafts = {
  flags: [], concern: false, symptoms: '', notes: '', kind: 'phone-advice', unitLevel: 'basic', urgency: 'D',
  advice: '', safetyNet: '', followUpIn: '', followUpTime: '', target: '', handoffNote: '', informed: false, escalateTo: 'B', escalationReason: '',
};

/** Changes fields of the panel's drafts (the panel owns them; its forms only ask). */
export type UpdateDrafts = (patch: Partial<Drafts>) => void;

/** The assessment as typed, as the `assessment` command takes it. */
export function assessmentBody(drafts: Drafts) {
  return { redFlags: drafts.flags, concern: drafts.concern, symptoms: drafts.symptoms, notes: drafts.notes, existingServices: [] };
}

/** The texts typed and not yet saved, one a line (what the outcome card warns would be lost). */
export function unsavedText(drafts: Drafts): string {
  return [drafts.symptoms, drafts.notes, drafts.advice, drafts.safetyNet, drafts.handoffNote, drafts.escalationReason].filter((text) => text.trim()).join('\n');
}

/** The follow-up call's time as an ISO instant; undefined for none, null when the time typed is no time. */
export function followUpInstant(drafts: Drafts): string | undefined | null {
  if (drafts.followUpTime.trim()) {
    const at = nextHelsinkiTime(drafts.followUpTime, Date.now());
    return at === undefined ? null : new Date(at).toISOString();
  }
  return drafts.followUpIn ? new Date(Date.now() + Number(drafts.followUpIn) * 60_000).toISOString() : undefined;
}
