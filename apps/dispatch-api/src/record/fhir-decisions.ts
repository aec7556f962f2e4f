import { Decision, HandoffStep } from './care-facts';
import { consultRef, RecordRefs } from './fhir-contact';
import { concept, FhirResource, fullUrl, Reference, resourceId, staffRef, SYSTEM } from './fhir-codes';
import { RecordPhrasing, ServiceName } from './record-phrasing';
import { afterTimeframe } from './record-time';
import { en } from './record-words-en';

/** FHIR's request priority for the ERC's urgency: A is immediate, D is not urgent. */
const PRIORITY = { A: 'stat', B: 'asap', C: 'urgent', D: 'routine' } as const;

/** A redirect's Task status by the partner's last answer (none yet: requested). */
const TASK_STATUS: Record<HandoffStep['step'], string> = {
  accepted: 'accepted',
  declined: 'rejected',
  'timed-out': 'cancelled',
  completed: 'completed',
  failed: 'failed',
  'visit-overdue': 'failed',
  withdrawn: 'cancelled',
};

/**
 * Each decision of the task: a unit or a redirect as a ServiceRequest, phone advice as a CarePlan,
 * and a redirect's Task, the referral as the receiving service works it.
 */
export function decisionResources(phrasing: RecordPhrasing, refs: RecordRefs, serviceName: ServiceName): FhirResource[] {
  return phrasing.facts.decisions.flatMap((decision, index) => {
    const id = resourceId(phrasing.facts.taskId, `decision:${index}`);
    const common = { subject: refs.patient, encounter: refs.encounter, ...supportingConsult(phrasing, decision) };
    const author = staffRef(decision.by.id, phrasing.who(decision.by));
    switch (decision.kind) {
      case 'send-unit':
      case 'field-unit':
        return [unitRequest(phrasing, decision, id, common, author)];
      case 'phone-advice':
        return [carePlan(phrasing, decision, id, common, author)];
      case 'redirect':
        return [referral(phrasing, decision, id, common, author, serviceName), redirectTask(phrasing, decision, id, refs, author, serviceName)];
    }
  });
}

function supportingConsult(phrasing: RecordPhrasing, decision: Decision) {
  const consult = phrasing.consultOf(decision);
  return consult ? { supportingInfo: [consultRef(phrasing.facts.taskId, consult.consultId)] } : {};
}

/** Later decisions replace earlier ones: a request followed by another decision no longer stands. */
function standing(phrasing: RecordPhrasing, decision: Decision): boolean {
  const { decisions } = phrasing.facts;
  return decisions[decisions.length - 1] === decision;
}

function unitRequest(phrasing: RecordPhrasing, decision: Extract<Decision, { kind: 'send-unit' | 'field-unit' }>, id: string, common: object, requester: Reference): FhirResource {
  const { words, facts } = phrasing;
  const done = facts.missions.some((mission) => mission.stage === 'completed');
  return {
    resourceType: 'ServiceRequest',
    id,
    status: done ? 'completed' : standing(phrasing, decision) && !facts.cancelled ? 'active' : 'revoked',
    intent: 'order',
    code: concept(SYSTEM.decision, 'ems-unit', 'EMS unit to the patient', phrasing.decisionLine(decision)),
    ...(decision.kind === 'send-unit'
      ? {
          priority: PRIORITY[decision.urgency],
          orderDetail: [concept(SYSTEM.unitLevel, decision.unitLevel, en.unitLevel[decision.unitLevel], words.unitLevel[decision.unitLevel])],
          reasonCode: [concept(SYSTEM.unitReason, decision.reason, en.unitReason[decision.reason], words.unitReason[decision.reason])],
        }
      : { note: [{ text: phrasing.decisionLine(decision) }] }),
    authoredOn: decision.at,
    requester,
    ...common,
  };
}

/** Care level, transport as the order's details; the timeframe as the period it should happen in. */
function disposition(phrasing: RecordPhrasing, decision: Extract<Decision, { kind: 'phone-advice' | 'redirect' }>) {
  const { words } = phrasing;
  const until = decision.within ? afterTimeframe(decision.at, decision.within) : undefined;
  return {
    details: [
      ...(decision.careLevel ? [concept(SYSTEM.careLevel, decision.careLevel, en.careLevel[decision.careLevel], words.careLevel[decision.careLevel])] : []),
      ...(decision.transport ? [concept(SYSTEM.transport, decision.transport, en.transport[decision.transport], words.transport[decision.transport])] : []),
    ],
    period: until ? { start: decision.at, end: until } : undefined,
  };
}

function carePlan(phrasing: RecordPhrasing, decision: Extract<Decision, { kind: 'phone-advice' }>, id: string, common: object, author: Reference): FhirResource {
  const { words, facts } = phrasing;
  const { details, period } = disposition(phrasing, decision);
  const activity = (code: string, display: string, description: string, extra: Record<string, unknown> = {}) => ({
    detail: { code: concept(SYSTEM.decision, code, display), status: 'completed', description, ...extra },
  });
  return {
    resourceType: 'CarePlan',
    id,
    status: !standing(phrasing, decision) ? 'revoked' : facts.closed ? 'completed' : 'active',
    intent: 'plan',
    category: [concept(SYSTEM.decision, 'phone-advice', 'Phone advice', words.outcome['phone-advice'])],
    description: phrasing.decisionLine(decision),
    created: decision.at,
    author,
    activity: [
      activity('advice', 'Advice given', decision.advice),
      activity('safety-net', 'If it gets worse', decision.safetyNet),
      ...details.map((detail) => ({ detail: { code: detail, status: 'completed', ...(period ? { scheduledPeriod: period } : {}) } })),
      ...(decision.followUpAt
        ? [{ detail: { code: concept(SYSTEM.decision, 'follow-up-call', 'Follow-up call', words.label.followUpAt), status: 'scheduled', scheduledPeriod: { start: decision.followUpAt } } }]
        : []),
    ],
    note: [{ text: words.label.patientInformed }],
    ...common,
  };
}

function referral(phrasing: RecordPhrasing, decision: Extract<Decision, { kind: 'redirect' }>, id: string, common: object, requester: Reference, serviceName: ServiceName): FhirResource {
  const { words } = phrasing;
  const { details, period } = disposition(phrasing, decision);
  const last = decision.handoff[decision.handoff.length - 1];
  // A v1 stream closed the task as redirected at the acceptance: that acceptance completed the referral.
  const closedAtAcceptance = last?.step === 'accepted' && phrasing.facts.closed?.outcome === 'redirect';
  const status =
    last?.step === 'completed' || closedAtAcceptance ? 'completed' : last && last.step !== 'accepted' ? 'revoked' : standing(phrasing, decision) ? 'active' : 'revoked';
  const name = serviceName(decision.target) ?? decision.target;
  return {
    resourceType: 'ServiceRequest',
    id,
    status,
    intent: 'order',
    category: [concept(SYSTEM.snomed, '3457005', 'Patient referral', words.label.target)],
    code: concept(SYSTEM.serviceKind, decision.targetKind, en.service[decision.targetKind], `${name} (${words.service[decision.targetKind]})`),
    ...(details.length ? { orderDetail: details } : {}),
    ...(period ? { occurrencePeriod: period } : {}),
    authoredOn: decision.at,
    requester,
    performer: [{ identifier: { system: SYSTEM.service, value: decision.target }, display: name }],
    note: [{ text: decision.handoffNote }],
    ...common,
  };
}

/** The referral as the receiving service works it: asked, accepted, visited or not. */
function redirectTask(phrasing: RecordPhrasing, decision: Extract<Decision, { kind: 'redirect' }>, requestId: string, refs: RecordRefs, requester: Reference, serviceName: ServiceName): FhirResource {
  const { words, facts } = phrasing;
  const last = decision.handoff[decision.handoff.length - 1];
  const accepted = [...decision.handoff].reverse().find((step) => step.step === 'accepted');
  const visitBy = accepted?.step === 'accepted' ? accepted.visitBy : undefined;
  const reason = last && (last.step === 'declined' || last.step === 'failed') ? last.reason : undefined;
  const notes = last?.step === 'completed' ? last.notes : undefined;
  return {
    resourceType: 'Task',
    id: resourceId(facts.taskId, `${requestId}:task`),
    status: last ? TASK_STATUS[last.step] : 'requested',
    ...(last ? { businessStatus: { text: words.handoffStep[last.step] } } : {}),
    ...(reason ? { statusReason: { text: reason } } : {}),
    intent: 'order',
    code: concept(SYSTEM.taskCode, 'fulfill', 'Fulfill the focal request'),
    focus: { reference: fullUrl(requestId) },
    for: refs.patient,
    encounter: refs.encounter,
    authoredOn: decision.at,
    lastModified: last?.at ?? decision.at,
    requester,
    owner: { identifier: { system: SYSTEM.service, value: decision.target }, display: serviceName(decision.target) ?? decision.target },
    restriction: { period: { end: visitBy ?? decision.handoffDeadline } },
    ...(last?.step === 'completed' ? { executionPeriod: { end: last.visitedAt } } : {}),
    ...(notes ? { note: [{ text: notes }] } : {}),
  };
}
