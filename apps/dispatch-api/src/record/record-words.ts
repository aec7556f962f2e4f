import { CallbackOutcome, CareLevel, CloseOutcome, Consultant, EventSchemas, ExistingService, MissionStage, RedFlag, Role, Sex, Transport, UnitLevel, UnitRequestReason } from '@dtask/events';
import { z } from 'zod';
import { HandoffStep } from './care-facts';

export type RecordLanguage = 'fi' | 'sv' | 'en';
export const RECORD_LANGUAGES: readonly RecordLanguage[] = ['fi', 'sv', 'en'];

export type SectionId = 'task' | 'caller' | 'findings' | 'consults' | 'decision' | 'handoff' | 'mission' | 'closing';
type Caller = z.infer<typeof EventSchemas.Caller>;
type ErcUpdateKind = z.infer<typeof EventSchemas.ErcUpdateKind>;
type RecallCondition = z.infer<typeof EventSchemas.RecallCondition>;
type Identity = z.infer<typeof EventSchemas.IdentityCheck>;

/** A timeframe (ISO 8601 duration) taken apart: `P1DT2H` is 1 day and 2 hours. */
export interface Duration {
  days: number;
  hours: number;
  minutes: number;
}

/**
 * Every word and phrase of the record of care in one language, as the control room writes it: no
 * code of ours reaches the reader. Finnish and Swedish must give every one (a compile error if not).
 */
export interface RecordWords {
  /** For the language names of Intl.DisplayNames and the time's locale. */
  locale: string;
  section: Record<SectionId, string>;
  label: {
    received: string;
    taskCode: string;
    place: string;
    patient: string;
    personId: string;
    callbackPhone: string;
    ercNotes: string;
    ercUpdate: string;
    secondContact: string;
    calls: string;
    caller: string;
    language: string;
    spokeWithPatient: string;
    identity: string;
    redFlags: string;
    symptoms: string;
    onset: string;
    tried: string;
    livingSituation: string;
    existingServices: string;
    concern: string;
    notes: string;
    assessedBy: string;
    escalation: string;
    consultQuestion: string;
    consultAdvice: string;
    decision: string;
    advice: string;
    safetyNet: string;
    careLevel: string;
    within: string;
    transport: string;
    onConsult: string;
    patientInformed: string;
    followUpAt: string;
    target: string;
    handoffNote: string;
    answerBy: string;
    override: string;
    status: string;
    closed: string;
  };
  yes: string;
  no: string;
  none: string;
  redFlag: Record<RedFlag, string>;
  caller: Record<Caller, string>;
  identity: Record<Identity, string>;
  careLevel: Record<CareLevel, string>;
  transport: Record<Transport, string>;
  consultant: Record<Consultant, string>;
  service: Record<ExistingService, string>;
  unitLevel: Record<UnitLevel, string>;
  unitReason: Record<UnitRequestReason, string>;
  role: Record<Role | 'field-commander', string>;
  callKind: Record<'callback' | 'follow-up' | 'recall', string>;
  callOutcome: Record<CallbackOutcome, string>;
  condition: Record<RecallCondition, string>;
  ercUpdate: Record<ErcUpdateKind, string>;
  missionStage: Record<MissionStage, string>;
  outcome: Record<CloseOutcome, string>;
  handoffStep: Record<HandoffStep['step'], string>;
  previousDecision: Record<'phone-advice' | 'redirect' | 'unit-not-conveyed', string>;
  /** `d.m.yyyy klo hh.mm` and the like, on Helsinki's wall clock. */
  dateTime(date: string, time: string): string;
  /** The time of day alone (`klo 14.05`), for a time on the day the task was received. */
  clock(time: string): string;
  /** "84-year-old woman": age and sex, either may be unknown. */
  patient(ageYears: number | undefined, sex: Sex | undefined): string;
  within(duration: Duration): string;
  /** "nurse nurse-anna": who, by role and id. */
  who(role: string, id: string): string;
  withInterpreter(used: boolean): string;
  unitDecision(level: string, urgency: string): string;
  fieldUnit(unitId: string): string;
  redirectTo(name: string, kind: string): string;
  escalated(from: string, to: string): string;
  /** When the receiving service reported the visit (it may come after the visit itself). */
  reported(when: string): string;
  visitBy(when: string): string;
  notConveyed(xCode: string | undefined): string;
  conveyed: string;
  secondContactOf(decision: string, when: string): string;
  cancelled(reason: string): string;
  stillOpen: string;
  summary: {
    received(when: string, municipality: string, taskCode: string): string;
    patient(patient: string): string;
    /** `language` as the record phrases it, with the interpreter when known. */
    caller(caller: string | undefined, language: string | undefined): string;
    reached(who: string, when: string): string;
    notReached: string;
    findings(redFlags: string[], symptoms: string, concern: boolean): string;
    consult(consultant: string, when: string): string;
    decision(when: string, who: string, what: string): string;
    closed(when: string, outcome: string): string;
  };
}
