import { Decision } from './care-facts';
import { capitalised, RecordPhrasing } from './record-phrasing';

/**
 * The record in a paragraph, as a nurse writes it into the patient record: who called, what was
 * found, what was decided and told, by whom and when, and how the task ended.
 */
export function recordSummary(phrasing: RecordPhrasing): string {
  const { words, facts } = phrasing;
  const { summary } = words;
  const received = facts.received;
  const assessment = facts.assessment;
  const reached = facts.calls.find((call) => call.outcome === 'reached');
  const patient = phrasing.patient();
  const sentences = [
    received && summary.received(phrasing.when(received.at, true), phrasing.place(received.municipality), received.taskCode),
    patient && summary.patient(patient),
    (assessment?.caller || assessment?.language) && summary.caller(assessment.caller && words.caller[assessment.caller], phrasing.spokenLanguage()),
    reached ? summary.reached(capitalised(phrasing.who(reached.by)), phrasing.when(reached.at)) : facts.calls.length > 0 ? summary.notReached : undefined,
    assessment && summary.findings(assessment.redFlags.map((flag) => words.redFlag[flag]), clause(assessment.symptoms), assessment.concern),
    ...facts.consults.map((consult) => summary.consult(words.consultant[consult.consultant], phrasing.when(consult.at))),
    ...facts.decisions.flatMap((decision) => {
      const last = decision.kind === 'redirect' ? decision.handoff[decision.handoff.length - 1] : undefined;
      return [summary.decision(phrasing.when(decision.at), phrasing.who(decision.by), told(phrasing, decision)), last && `${phrasing.handoffStep(last)}.`];
    }),
    ending(phrasing),
  ];
  return sentences.filter(Boolean).join(' ');
}

/** The decision with what the patient was told: the advice and the safety net in the nurse's words. */
function told(phrasing: RecordPhrasing, decision: Decision): string {
  const line = phrasing.decisionLine(decision);
  if (decision.kind !== 'phone-advice') return line;
  const { label } = phrasing.words;
  return `${line}; ${label.advice.toLocaleLowerCase()}: ${clause(decision.advice)}; ${label.safetyNet.toLocaleLowerCase()}: ${clause(decision.safetyNet)}`;
}

/** The nurse's words as a part of a sentence: without the full stop they may end with. */
const clause = (text: string) => text.trim().replace(/[.\s]+$/, '');

function ending(phrasing: RecordPhrasing): string {
  const { facts, words } = phrasing;
  if (facts.cancelled) return `${capitalised(words.cancelled(facts.cancelled.reason))}.`;
  if (facts.closed) return words.summary.closed(phrasing.when(facts.closed.at, true), words.outcome[facts.closed.outcome]);
  return words.stillOpen;
}
