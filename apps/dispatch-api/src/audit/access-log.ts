import { Inject, Injectable } from '@nestjs/common';
import { nameBasedUuid } from '@dtask/dtask-service';
import { EventStore } from '@dtask/event-store';
import { dtaskStreamId } from '@dtask/events';
import { Actor } from '../auth/actor';
import { Clock } from '../clock/clock';
import { EVENT_STORE } from '../event-store/event-store.module';

export const PERSONAL_DATA_ACCESSED = 'PersonalDataAccessed';

/**
 * What was read (contract v1.1): the task's panel, a partner's referral package, the record of care
 * as text or as FHIR, and an export (the access log handed out for a patient's request is one).
 */
export const READ_PURPOSES = ['task-detail', 'referral', 'record', 'record-fhir', 'export'] as const;
export type ReadPurpose = (typeof READ_PURPOSES)[number];

/** One logged read, as the data-protection officer sees it. */
export interface PersonalDataRead {
  position: string;
  taskId: string;
  purpose: ReadPurpose;
  actor: { id: string; role: string };
  at: string;
}

/** `audit-dtask-<taskId>`: the audit stream beside the task's own. */
export const auditStreamId = (taskId: string) => `audit-${dtaskStreamId(taskId)}`;

/**
 * S7: every read of a task's personal data is an event in that task's audit stream, written
 * before the data is returned. If it cannot be written, the data is not returned.
 */
/** Openings remembered, so one opening of a task's panel is one logged read however often it refreshes. */
const OPENINGS_REMEMBERED = 50_000;
/** The namespace of an opening's logged read (name-based ids, RFC 9562). */
const OPENING_EVENTS = Buffer.from('e2a93f22fe8febbe278cdf817383fbf7', 'hex');

@Injectable()
export class AccessLog {
  private readonly loggedOpenings = new Set<string>();

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly clock: Clock,
  ) {}

  async personalDataRead(actor: Actor, taskId: string, purpose: ReadPurpose, correlationId: string, eventId: string = globalThis.crypto.randomUUID()): Promise<void> {
    await this.store.append(
      auditStreamId(taskId),
      [
        {
          eventId,
          type: PERSONAL_DATA_ACCESSED,
          data: { taskId, purpose },
          metadata: {
            eventId,
            correlationId,
            causationId: correlationId,
            actor: { id: actor.id, role: actor.role },
            occurredAt: this.clock.now().toISOString(),
            schemaVersion: 1,
          },
        },
      ],
      { expectedRevision: 'any' },
    );
  }

  /**
   * A read within an opening of a task by a person (the console's panel, refreshed as the task
   * changes) is logged once, at the opening's first read. Another opening is another read.
   */
  async personalDataReadInOpening(actor: Actor, taskId: string, purpose: ReadPurpose, correlationId: string, openingId: string): Promise<void> {
    const key = `${actor.id}\u0000${actor.role}\u0000${taskId}\u0000${openingId}`;
    if (this.loggedOpenings.has(key)) return;
    // Named by the opening, so a refresh another instance serves appends the same event, which the store keeps once.
    await this.personalDataRead(actor, taskId, purpose, correlationId, nameBasedUuid(OPENING_EVENTS, `${key}\u0000${purpose}`));
    this.loggedOpenings.add(key);
    if (this.loggedOpenings.size > OPENINGS_REMEMBERED) this.loggedOpenings.delete(this.loggedOpenings.values().next().value!);
  }

  /** The task's logged reads, oldest first. */
  async readsOf(taskId: string): Promise<PersonalDataRead[]> {
    return (await this.store.readStream(auditStreamId(taskId))).map((event) => ({
      position: event.position,
      ...(event.data as { taskId: string; purpose: ReadPurpose }),
      actor: (event.metadata as { actor: { id: string; role: string } }).actor,
      at: (event.metadata as { occurredAt: string }).occurredAt,
    }));
  }
}
