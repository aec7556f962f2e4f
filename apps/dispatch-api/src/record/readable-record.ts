import { phoneDisplay } from '@dtask/events';
import { CareFacts, HandoffStep } from './care-facts';
import { capitalised, RecordPhrasing, ServiceName } from './record-phrasing';
import { recordSummary } from './record-summary';
import { RecordLanguage, RecordWords, SectionId } from './record-words';

export interface RecordItem {
  label: string;
  text: string;
}

/** One part of the record: who called, what was found, what was decided and told, and so on. */
export interface RecordSection {
  id: SectionId;
  title: string;
  items: RecordItem[];
}

/** `GET /api/d-tasks/{id}/record`: the record of care as a person reads it, in one language. */
export interface ReadableRecord {
  taskId: string;
  language: RecordLanguage;
  summary: string;
  sections: RecordSection[];
}

type MaybeItem = { label: string; text: string | undefined };
const present = (item: MaybeItem): item is RecordItem => item.text !== undefined && item.text.trim() !== '';

/** The record of care of `facts` in `language`: its summary, and its sections in the order of the contact. */
export function readableRecord(facts: CareFacts, language: RecordLanguage, serviceName: ServiceName): ReadableRecord {
  const phrasing = new RecordPhrasing(facts, language, serviceName);
  const parts: [SectionId, MaybeItem[]][] = [
    ['task', taskItems(phrasing)],
    ['caller', callerItems(phrasing)],
    ['findings', findingItems(phrasing)],
    ['consults', consultItems(phrasing)],
    ['decision', decisionItems(phrasing)],
    ['handoff', facts.decisions.flatMap((decision) => (decision.kind === 'redirect' ? decision.handoff.map((step) => handoffItem(phrasing, step)) : []))],
    ['mission', missionItems(phrasing)],
    ['closing', [{ label: phrasing.words.label[facts.cancelled || facts.closed ? 'closed' : 'status'], text: phrasing.ending() ?? phrasing.words.stillOpen }]],
  ];
  const sections = parts
    .map(([id, items]) => ({ id, title: phrasing.words.section[id], items: items.filter(present) }))
    .filter((section) => section.items.length > 0);
  return { taskId: facts.taskId, language, summary: recordSummary(phrasing), sections };
}

function taskItems(phrasing: RecordPhrasing): MaybeItem[] {
  const { words, facts } = phrasing;
  const { label } = words;
  const received = facts.received;
  if (!received) return [];
  const secondContact = facts.secondContact;
  return [
    { label: label.received, text: phrasing.when(received.at, true) },
    { label: label.taskCode, text: received.taskCode },
    { label: label.place, text: `${phrasing.place(received.municipality)}, ${received.address}` },
    { label: label.patient, text: phrasing.patient() },
    { label: label.personId, text: received.patient.personId },
    { label: label.callbackPhone, text: phoneDisplay(received.callbackPhone) },
    { label: label.ercNotes, text: received.ercNotes },
    ...facts.ercUpdates.map((update) => ({
      label: `${label.ercUpdate} ${phrasing.when(update.at)}`,
      text: [words.ercUpdate[update.kind], update.urgency, update.callbackPhone && phoneDisplay(update.callbackPhone), update.address, update.notes].filter(Boolean).join(': '),
    })),
    {
      label: label.secondContact,
      text: secondContact && words.secondContactOf(words.previousDecision[secondContact.previousDecision], phrasing.when(secondContact.previousDecidedAt, true)),
    },
  ];
}

function callerItems(phrasing: RecordPhrasing): MaybeItem[] {
  const { words, facts } = phrasing;
  const assessment = facts.assessment;
  return [
    ...facts.calls.map((call) => ({
      label: `${capitalised(words.callKind[call.kind])} ${phrasing.when(call.at)}`,
      text: [
        words.callOutcome[call.outcome as keyof RecordWords['callOutcome']] ?? call.outcome,
        call.condition && words.condition[call.condition as keyof RecordWords['condition']],
        call.notes,
        phrasing.who(call.by),
      ]
        .filter(Boolean)
        .join(', '),
    })),
    { label: words.label.caller, text: assessment?.caller && words.caller[assessment.caller] },
    { label: words.label.language, text: phrasing.spokenLanguage() },
    { label: words.label.spokeWithPatient, text: phrasing.yesNo(assessment?.spokeWithPatient) },
    { label: words.label.identity, text: assessment?.identity && words.identity[assessment.identity] },
  ];
}

function findingItems(phrasing: RecordPhrasing): MaybeItem[] {
  const { words, facts } = phrasing;
  const { label } = words;
  const assessment = facts.assessment;
  const escalations = facts.escalations.map((escalation) => ({
    label: label.escalation,
    text: `${phrasing.when(escalation.at)}, ${phrasing.who(escalation.by)}: ${words.escalated(escalation.from, escalation.to)}, ${escalation.reason}`,
  }));
  if (!assessment) return escalations;
  return [
    { label: label.redFlags, text: assessment.redFlags.map((flag) => words.redFlag[flag]).join(', ') || words.none },
    { label: label.symptoms, text: assessment.symptoms },
    { label: label.onset, text: assessment.onset },
    { label: label.tried, text: assessment.tried },
    { label: label.livingSituation, text: assessment.livingSituation },
    { label: label.existingServices, text: assessment.existingServices.map((service) => words.service[service]).join(', ') },
    { label: label.concern, text: phrasing.yesNo(assessment.concern) },
    { label: label.notes, text: assessment.notes },
    { label: label.assessedBy, text: `${phrasing.who(assessment.by)}, ${phrasing.when(assessment.at)}` },
    ...escalations,
  ];
}

function consultItems(phrasing: RecordPhrasing): MaybeItem[] {
  const { label, consultant } = phrasing.words;
  return phrasing.facts.consults.map((consult) => ({
    label: `${capitalised(consultant[consult.consultant])} ${phrasing.when(consult.at)}`,
    text: `${label.consultQuestion}: ${consult.question} — ${label.consultAdvice}: ${consult.advice} (${phrasing.who(consult.by)})`,
  }));
}

function decisionItems(phrasing: RecordPhrasing): MaybeItem[] {
  const { words, facts } = phrasing;
  const { label } = words;
  const overrides = facts.overrides.map((override) => ({
    label: label.override,
    text: `${phrasing.when(override.at)}, ${phrasing.who(override.by)}: ${override.reason}`,
  }));
  const decisions = facts.decisions.flatMap((decision): MaybeItem[] => {
    const consult = phrasing.consultOf(decision);
    const advice = decision.kind === 'phone-advice' ? decision : undefined;
    const redirect = decision.kind === 'redirect' ? decision : undefined;
    return [
      { label: label.decision, text: `${phrasing.when(decision.at)}, ${phrasing.who(decision.by)}: ${phrasing.decisionLine(decision)}` },
      { label: label.advice, text: advice?.advice },
      { label: label.safetyNet, text: advice?.safetyNet },
      { label: label.handoffNote, text: redirect?.handoffNote },
      { label: label.answerBy, text: redirect && phrasing.when(redirect.handoffDeadline) },
      { label: label.onConsult, text: consult && `${words.consultant[consult.consultant]}, ${phrasing.when(consult.at)}` },
      // S5: no advice or redirect is recorded unless the patient was told no ambulance is coming.
      { label: label.patientInformed, text: advice || redirect ? words.yes : undefined },
      { label: label.followUpAt, text: advice?.followUpAt && phrasing.when(advice.followUpAt) },
    ];
  });
  return [...overrides, ...decisions];
}

function handoffItem(phrasing: RecordPhrasing, step: HandoffStep): MaybeItem {
  const detail = (() => {
    switch (step.step) {
      case 'accepted':
        return step.visitBy && phrasing.words.visitBy(phrasing.when(step.visitBy));
      case 'declined':
      case 'failed':
        return step.reason;
      case 'completed':
        return [phrasing.words.reported(phrasing.when(step.at)), step.notes].filter(Boolean).join(', ');
      default:
        return undefined;
    }
  })();
  return { label: phrasing.handoffStep(step), text: [phrasing.who(step.by), detail].filter(Boolean).join(': ') };
}

function missionItems(phrasing: RecordPhrasing): MaybeItem[] {
  const { words } = phrasing;
  return phrasing.facts.missions.map((mission) => {
    const leftAtHome = mission.conveyed === false || (mission.conveyed !== true && mission.xCode !== undefined);
    const conveyance = mission.stage !== 'completed' ? undefined : leftAtHome ? words.notConveyed(mission.xCode) : mission.conveyed ? words.conveyed : undefined;
    return { label: `${capitalised(words.missionStage[mission.stage])} ${phrasing.when(mission.at)}`, text: [mission.unitId, conveyance].filter(Boolean).join(', ') };
  });
}
