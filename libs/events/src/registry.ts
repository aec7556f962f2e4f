import { z } from 'zod';
import * as closedLoop from './schemas/closed-loop';
import * as followThrough from './schemas/follow-through';
import * as intake from './schemas/intake';
import * as triage from './schemas/triage';
import * as world from './schemas/world';

type Upcaster = (data: Record<string, unknown>) => Record<string, unknown>;

interface EventDefinition<S extends z.ZodType> {
  schema: S;
  currentVersion: number;
  /** upcasters[v] turns version v into v + 1. */
  upcasters?: Record<number, Upcaster>;
}

const define = <S extends z.ZodType>(schema: S, currentVersion = 1, upcasters?: Record<number, Upcaster>): EventDefinition<S> => ({
  schema,
  currentVersion,
  upcasters,
});

/** Every event type of contract.md, its current schema version and how older versions read back. */
export const EVENT_TYPES = {
  DTaskReceived: define(intake.DTaskReceived),
  DTaskCancelled: define(intake.DTaskCancelled),
  DTaskClaimed: define(triage.DTaskClaimed),
  DTaskReleased: define(triage.DTaskReleased),
  CallbackAttempted: define(triage.CallbackAttempted),
  AssessmentRecorded: define(triage.AssessmentRecorded),
  UrgencyEscalated: define(triage.UrgencyEscalated),
  // v1 predates automatic dispatch: every unit was a nurse's decision.
  UnitRequested: define(triage.UnitRequested, 2, { 1: (data) => ({ ...data, reason: 'nurse-decision' }) }),
  PhoneAdviceGiven: define(triage.PhoneAdviceGiven),
  RedirectRequested: define(triage.RedirectRequested),
  HandoffAccepted: define(triage.HandoffAccepted),
  HandoffDeclined: define(triage.HandoffDeclined),
  HandoffTimedOut: define(triage.HandoffTimedOut),
  FollowUpScheduled: define(followThrough.FollowUpScheduled),
  FollowUpCompleted: define(followThrough.FollowUpCompleted),
  WaitingLimitReached: define(followThrough.WaitingLimitReached),
  SecondContactFlagged: define(followThrough.SecondContactFlagged),
  OverrideGranted: define(followThrough.OverrideGranted),
  MissionUpdated: define(followThrough.MissionUpdated),
  DTaskClosed: define(followThrough.DTaskClosed),
  // v1.1: the ERC, the field commander and the waiting patient.
  ErcUpdateReceived: define(world.ErcUpdateReceived),
  UnitAttachedByField: define(world.UnitAttachedByField),
  DuplicateOpenFlagged: define(world.DuplicateOpenFlagged),
  RecallScheduled: define(world.RecallScheduled),
  RecallCompleted: define(world.RecallCompleted),
  UnitUrgencyRaised: define(world.UnitUrgencyRaised),
  UnitOverdue: define(world.UnitOverdue),
  // v1.1: closed-loop handoffs and consults.
  HandoffCompleted: define(closedLoop.HandoffCompleted),
  HandoffFailed: define(closedLoop.HandoffFailed),
  HandoffVisitOverdue: define(closedLoop.HandoffVisitOverdue),
  HandoffWithdrawn: define(closedLoop.HandoffWithdrawn),
  ConsultRecorded: define(closedLoop.ConsultRecorded),
} as const;

export type DTaskEventType = keyof typeof EVENT_TYPES;
export type EventData<T extends DTaskEventType> = z.infer<(typeof EVENT_TYPES)[T]['schema']>;
/** A D-task event as the domain sees it: its type and its current-version data. */
export type DTaskEvent = { [T in DTaskEventType]: { type: T; data: EventData<T> } }[DTaskEventType];
export type EventOf<T extends DTaskEventType> = Extract<DTaskEvent, { type: T }>;

export class InvalidEventError extends Error {
  override readonly name = 'InvalidEventError';
}

const KNOWN_TYPES: ReadonlySet<string> = new Set(Object.keys(EVENT_TYPES));

export function isKnownEventType(type: string): type is DTaskEventType {
  return KNOWN_TYPES.has(type);
}

export function currentSchemaVersion(type: DTaskEventType): number {
  return EVENT_TYPES[type].currentVersion;
}

const CURRENT_VERSIONS: ReadonlyMap<string, number> = new Map(Object.entries(EVENT_TYPES).map(([type, definition]) => [type, definition.currentVersion]));

/** The current schema version of a type, or undefined for a type this service does not know: one look-up, for the read path. */
export function currentVersionOf(type: string): number | undefined {
  return CURRENT_VERSIONS.get(type);
}

/** Brings stored data up to the current version, one step at a time. Stored data is trusted: no validation. */
export function upcastEvent(type: string, data: unknown, schemaVersion: number): unknown {
  if (!isKnownEventType(type)) return data;
  const definition: EventDefinition<z.ZodType> = EVENT_TYPES[type];
  let current = data as Record<string, unknown>;
  for (let version = schemaVersion; version < definition.currentVersion; version += 1) {
    const step = definition.upcasters?.[version];
    if (!step) throw new InvalidEventError(`${type}: no upcaster from version ${version}`);
    current = step(current);
  }
  return current;
}

/** Upcasts, then validates against the current schema; the error names the type and field. */
export function parseEvent(type: string, data: unknown, schemaVersion: number): DTaskEvent {
  if (!isKnownEventType(type)) throw new InvalidEventError(`unknown event type ${type}`);
  const parsed = EVENT_TYPES[type].schema.safeParse(upcastEvent(type, data, schemaVersion));
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new InvalidEventError(`${type}.${issue.path.join('.')}: ${issue.message}`);
  }
  return { type, data: parsed.data } as DTaskEvent;
}
