import { DTaskEventType, EventData, StoredEvent } from '@dtask/events';

/** Who did something and when, from the event's metadata (S7). */
export interface Act {
  at: string;
  by: { id: string; role: string };
}

type Data<T extends DTaskEventType> = EventData<T>;

/** A partner's answer to a redirect, or the service's own when the partner did not answer in time. */
export type HandoffStep = Act &
  (
    | ({ step: 'accepted' } & Data<'HandoffAccepted'>)
    | ({ step: 'declined' } & Data<'HandoffDeclined'>)
    | ({ step: 'timed-out' } & Data<'HandoffTimedOut'>)
    | ({ step: 'completed' } & Data<'HandoffCompleted'>)
    | ({ step: 'failed' } & Data<'HandoffFailed'>)
    | ({ step: 'visit-overdue' } & Data<'HandoffVisitOverdue'>)
    | ({ step: 'withdrawn' } & Data<'HandoffWithdrawn'>)
  );

export type Decision = Act &
  (
    | ({ kind: 'send-unit' } & Data<'UnitRequested'>)
    | ({ kind: 'field-unit' } & Data<'UnitAttachedByField'>)
    | ({ kind: 'phone-advice' } & Data<'PhoneAdviceGiven'>)
    | ({ kind: 'redirect'; handoff: HandoffStep[] } & Data<'RedirectRequested'>)
  );

/** A call back to the patient: the first callbacks, a v1 follow-up, or a recall (S8, after advice, a nurse's). */
export type CallToPatient = Act & { kind: 'callback' | 'follow-up' | 'recall'; outcome: string; condition?: string; notes?: string };

/**
 * The facts of one task's record of care, from its stream alone, so any stream yields a record
 * (an old one without v1.1's fields too). Both the readable record and the FHIR Bundle read these.
 */
export interface CareFacts {
  taskId: string;
  received?: Act & Data<'DTaskReceived'>;
  ercUpdates: (Act & Data<'ErcUpdateReceived'>)[];
  calls: CallToPatient[];
  /** The last assessment stands; an earlier one was revised by it. */
  assessment?: Act & Data<'AssessmentRecorded'>;
  escalations: (Act & Data<'UrgencyEscalated'>)[];
  consults: (Act & Data<'ConsultRecorded'>)[];
  overrides: (Act & Data<'OverrideGranted'>)[];
  secondContact?: Act & Data<'SecondContactFlagged'>;
  /** In order: a redirect that failed may be followed by advice or a unit. */
  decisions: Decision[];
  missions: (Act & Data<'MissionUpdated'>)[];
  cancelled?: Act & Data<'DTaskCancelled'>;
  closed?: Act & Data<'DTaskClosed'>;
}

/** The event's data with who recorded it and when; `type` names what the caller matched. */
function dataOf<T extends DTaskEventType>(event: StoredEvent, _type: T): Act & EventData<T> {
  return { ...(event.data as EventData<T>), at: event.metadata.occurredAt, by: { id: event.metadata.actor.id, role: event.metadata.actor.role } };
}

const HANDOFF_STEPS = {
  HandoffAccepted: 'accepted',
  HandoffDeclined: 'declined',
  HandoffTimedOut: 'timed-out',
  HandoffCompleted: 'completed',
  HandoffFailed: 'failed',
  HandoffVisitOverdue: 'visit-overdue',
  HandoffWithdrawn: 'withdrawn',
} as const;

/** Folds the task's history (read at the current schema) into its record's facts. */
export function careFacts(taskId: string, history: readonly StoredEvent[]): CareFacts {
  const facts: CareFacts = { taskId, ercUpdates: [], calls: [], escalations: [], consults: [], overrides: [], decisions: [], missions: [] };
  for (const event of history) {
    const act = { at: event.metadata.occurredAt, by: { id: event.metadata.actor.id, role: event.metadata.actor.role } };
    const data = event.data as Record<string, unknown>;
    switch (event.type) {
      case 'DTaskReceived':
        facts.received = dataOf(event, 'DTaskReceived');
        break;
      case 'ErcUpdateReceived':
        facts.ercUpdates.push(dataOf(event, 'ErcUpdateReceived'));
        break;
      case 'CallbackAttempted':
      case 'FollowUpCompleted':
      case 'RecallCompleted': {
        const kind = event.type === 'CallbackAttempted' ? 'callback' : event.type === 'FollowUpCompleted' ? 'follow-up' : 'recall';
        facts.calls.push({ ...act, kind, outcome: String(data.outcome), ...optionalText(data, 'condition'), ...optionalText(data, 'notes') });
        break;
      }
      case 'AssessmentRecorded':
        facts.assessment = dataOf(event, 'AssessmentRecorded');
        break;
      case 'UrgencyEscalated':
        facts.escalations.push(dataOf(event, 'UrgencyEscalated'));
        break;
      case 'ConsultRecorded':
        facts.consults.push(dataOf(event, 'ConsultRecorded'));
        break;
      case 'OverrideGranted':
        facts.overrides.push(dataOf(event, 'OverrideGranted'));
        break;
      case 'SecondContactFlagged':
        facts.secondContact = dataOf(event, 'SecondContactFlagged');
        break;
      case 'UnitRequested':
        facts.decisions.push({ kind: 'send-unit', ...dataOf(event, 'UnitRequested') });
        break;
      case 'UnitAttachedByField':
        facts.decisions.push({ kind: 'field-unit', ...dataOf(event, 'UnitAttachedByField') });
        break;
      case 'PhoneAdviceGiven':
        facts.decisions.push({ kind: 'phone-advice', ...dataOf(event, 'PhoneAdviceGiven') });
        break;
      case 'RedirectRequested':
        facts.decisions.push({ kind: 'redirect', handoff: [], ...dataOf(event, 'RedirectRequested') });
        break;
      case 'HandoffAccepted':
      case 'HandoffDeclined':
      case 'HandoffTimedOut':
      case 'HandoffCompleted':
      case 'HandoffFailed':
      case 'HandoffVisitOverdue':
      case 'HandoffWithdrawn': {
        const redirect = [...facts.decisions].reverse().find((decision) => decision.kind === 'redirect');
        if (redirect?.kind === 'redirect') redirect.handoff.push({ step: HANDOFF_STEPS[event.type], ...dataOf(event, event.type) } as HandoffStep);
        break;
      }
      case 'MissionUpdated':
        facts.missions.push(dataOf(event, 'MissionUpdated'));
        break;
      case 'DTaskCancelled':
        facts.cancelled = dataOf(event, 'DTaskCancelled');
        break;
      case 'DTaskClosed':
        facts.closed = dataOf(event, 'DTaskClosed');
        break;
    }
  }
  return facts;
}

function optionalText(data: Record<string, unknown>, field: 'condition' | 'notes'): Partial<Record<typeof field, string>> {
  const value = data[field];
  return typeof value === 'string' && value !== '' ? { [field]: value } : {};
}

/** The decision that stands: the last one (an earlier redirect may have failed). */
export function standingDecision(facts: CareFacts): Decision | undefined {
  return facts.decisions[facts.decisions.length - 1];
}

/** The nurse who spoke with the patient: whoever recorded the assessment, else whoever decided. */
export function nurseOf(facts: CareFacts): Act['by'] | undefined {
  return facts.assessment?.by ?? facts.decisions.find((decision) => decision.by.role !== 'system')?.by;
}
