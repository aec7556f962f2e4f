import { placeName } from '@dtask/events';
import { Act, CareFacts, Decision, HandoffStep } from './care-facts';
import { durationOf, helsinkiDateAndTime } from './record-time';
import { en } from './record-words-en';
import { fi } from './record-words-fi';
import { sv } from './record-words-sv';
import { RecordLanguage, RecordWords } from './record-words';

const WORDS: Record<RecordLanguage, RecordWords> = { fi, sv, en };

/** The name of a redirect target as the service directory knows it. */
export type ServiceName = (serviceId: string) => string | undefined;

export const capitalised = (text: string) => text.charAt(0).toLocaleUpperCase() + text.slice(1);

/**
 * The phrases the record's sections and its summary share, in one language: times on Helsinki's
 * wall clock (on the day of receipt the time of day alone), who did it, what was decided.
 */
export class RecordPhrasing {
  readonly words: RecordWords;
  private readonly receivedDate?: string;

  constructor(
    readonly facts: CareFacts,
    readonly language: RecordLanguage,
    private readonly serviceName: ServiceName,
  ) {
    this.words = WORDS[language];
    this.receivedDate = facts.received ? helsinkiDateAndTime(facts.received.at, language).date : undefined;
  }

  /** Full date and time, or the time of day alone on the day the task was received. */
  when(iso: string, full = false): string {
    const { date, time } = helsinkiDateAndTime(iso, this.language);
    return !full && date === this.receivedDate ? this.words.clock(time) : this.words.dateTime(date, time);
  }

  /** Who, by role and id; the service's own safety rules by their role alone (their id names no one). */
  who(by: Act['by']): string {
    const role = this.words.role[by.role as keyof RecordWords['role']] ?? by.role;
    return by.role === 'system' ? role : this.words.who(role, by.id);
  }

  /** A municipality by its official Swedish name in the Swedish record (Uleåborg), as the console names it. */
  place(municipality: string): string {
    return placeName(municipality, this.language);
  }

  yesNo(value: boolean | undefined): string | undefined {
    return value === undefined ? undefined : value ? this.words.yes : this.words.no;
  }

  /** "ruotsi, tulkin välityksellä": the patient's language, and the interpreter when told. */
  spokenLanguage(): string | undefined {
    const assessment = this.facts.assessment;
    if (!assessment?.language) return undefined;
    const name = new Intl.DisplayNames([this.words.locale], { type: 'language', fallback: 'code' }).of(assessment.language) ?? assessment.language;
    const interpreter = assessment.interpreter === undefined ? '' : `, ${this.words.withInterpreter(assessment.interpreter)}`;
    return `${name}${interpreter}`;
  }

  patient(): string | undefined {
    const patient = this.facts.received?.patient;
    return patient && this.words.patient(patient.ageYears, patient.sex);
  }

  /** What the decision was, in a line: the decision section and the summary both say it so. */
  decisionLine(decision: Decision): string {
    const { words } = this;
    switch (decision.kind) {
      case 'send-unit': {
        const line = words.unitDecision(words.unitLevel[decision.unitLevel], decision.urgency);
        return decision.reason === 'nurse-decision' ? line : `${line} (${words.unitReason[decision.reason]})`;
      }
      case 'field-unit':
        return words.fieldUnit(decision.unitId);
      case 'phone-advice':
        return [words.outcome['phone-advice'], ...this.disposition(decision)].join(', ');
      case 'redirect': {
        const target = words.redirectTo(this.serviceName(decision.target) ?? decision.target, words.service[decision.targetKind]);
        return [target, ...this.disposition(decision)].join(', ');
      }
    }
  }

  /** Care level, timeframe and transport of an advice or a redirect, those that were given. */
  private disposition(decision: Extract<Decision, { kind: 'phone-advice' | 'redirect' }>): string[] {
    const duration = decision.within ? durationOf(decision.within) : undefined;
    return [
      ...(decision.careLevel ? [this.words.careLevel[decision.careLevel]] : []),
      ...(duration ? [this.words.within(duration)] : []),
      ...(decision.transport ? [this.words.transport[decision.transport]] : []),
    ];
  }

  /** The consult a decision names, if it names one the stream holds. */
  consultOf(decision: Decision): CareFacts['consults'][number] | undefined {
    const consultId = 'consultId' in decision ? decision.consultId : undefined;
    return consultId ? this.facts.consults.find((consult) => consult.consultId === consultId) : undefined;
  }

  /** The step and its time: a visit's own time, not when it was reported. */
  handoffStep(step: HandoffStep): string {
    return `${this.words.handoffStep[step.step]} ${this.when(step.step === 'completed' ? step.visitedAt : step.at)}`;
  }

  /** How the task ended, or undefined while it is open. */
  ending(): string | undefined {
    const { facts, words } = this;
    if (facts.cancelled) return `${this.when(facts.cancelled.at, true)}: ${words.cancelled(facts.cancelled.reason)}`;
    if (facts.closed) return `${this.when(facts.closed.at, true)}: ${words.outcome[facts.closed.outcome]}`;
    return undefined;
  }
}
