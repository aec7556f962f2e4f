import type { AwaitedVisit } from '@dtask/domain';
import { ReferralView, StoredEvent } from '@dtask/events';

/**
 * The referral package a receiving service gets with a redirect (the view's shape is in libs/events),
 * with the patient's language and whether an interpreter was needed, as the assessment told them.
 */
export type Referral = ReferralView & { language?: string; interpreter?: boolean };

type Data = Record<string, unknown>;
const textOf = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined);

/**
 * The package from the task's own stream: the intake (`DTaskReceived`), the newest assessment, the
 * newest redirect, and the ERC's later corrections of the callback number or address, if any.
 * Undefined unless the newest redirect is to `service` (the caller checks that it is still open);
 * `visit` once the service accepted it and its visit is awaited.
 */
export function referralOf(taskId: string, history: readonly StoredEvent[], service: string, visit?: AwaitedVisit): Referral | undefined {
  let received: Data | undefined;
  let assessment: Data | undefined;
  let redirect: { data: Data; at: string } | undefined;
  let callbackPhone: string | undefined;
  let address: string | undefined;
  let spoken: { language?: string; interpreter?: boolean } = {};
  for (const event of history) {
    const data = (event.data ?? {}) as Data;
    switch (event.type) {
      case 'DTaskReceived':
        received = data;
        callbackPhone = textOf(data.callbackPhone);
        address = textOf(data.address);
        break;
      case 'AssessmentRecorded':
        assessment = data;
        // The last assessment that told the language is the one that holds (as the queue reads it).
        if (textOf(data.language)) spoken = { language: textOf(data.language), ...(data.interpreter === true ? { interpreter: true } : {}) };
        break;
      case 'RedirectRequested':
        redirect = { data, at: (event.metadata as { occurredAt: string }).occurredAt };
        break;
      case 'ErcUpdateReceived':
        callbackPhone = textOf(data.callbackPhone) ?? callbackPhone;
        address = textOf(data.address) ?? address;
        break;
    }
  }
  if (!received || !redirect || redirect.data.target !== service) return undefined;
  const patient = (received.patient ?? {}) as { ageYears?: number; sex?: string };
  const answerBy = String(redirect.data.handoffDeadline);
  const optional = (name: 'careLevel' | 'within' | 'transport') => (textOf(redirect.data[name]) ? { [name]: textOf(redirect.data[name]) } : {});
  return {
    taskId,
    reason: textOf(redirect.data.reason) ?? textOf(assessment?.symptoms) ?? textOf(received.ercNotes) ?? '',
    handoffNote: String(redirect.data.handoffNote ?? ''),
    ...optional('careLevel'),
    ...optional('within'),
    ...optional('transport'),
    answerBy,
    // Accepted, the referral stays in the inbox until the service reports its visit (v1.1).
    ...(visit ? { status: 'awaiting-visit' as const, acceptedAt: visit.acceptedAt, visitBy: visit.visitBy } : { status: 'awaiting-handoff' as const }),
    redirectedAt: redirect.at,
    patient: {
      ...(patient.ageYears === undefined ? {} : { ageYears: patient.ageYears }),
      ...(patient.sex === undefined ? {} : { sex: patient.sex }),
    },
    ...spoken,
    callbackPhone: callbackPhone ?? '',
    address: address ?? '',
    municipality: String(received.municipality ?? ''),
    area: String(received.area ?? ''),
    deadline: answerBy,
    ...(patient.ageYears === undefined ? {} : { ageYears: patient.ageYears }),
  };
}
