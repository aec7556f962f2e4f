import { DTaskCommand } from '@dtask/domain';
import { randomUUID } from 'node:crypto';
import { nameBasedUuid } from './name-based-uuid';

/** Namespace of command ids made from an Idempotency-Key (a fixed random UUID). */
const COMMAND_NAMESPACE = Buffer.from('b3d0c7a25e1f4f8a9c6d2e4f1a7b8c90', 'hex');

/** A command's identity: its id (the events' causationId), and the ids its events get. */
export interface CommandIdentity {
  readonly commandId: string;
  /** The id of the command's n-th event; undefined lets the store's writer mint a time-ordered one. */
  eventId(index: number): string | undefined;
}

/**
 * Without a key every command is new. With one, the same person's same key on the same task is
 * the same command: its id comes from the key, and its events' ids from the key and the body. So a
 * retry after a lost acknowledgement is recognised in the stream, and a key reused for another body
 * is told apart from a retry (its first event id differs).
 */
export function identify(taskId: string, command: DTaskCommand, idempotencyKey?: string): CommandIdentity {
  if (idempotencyKey === undefined) return { commandId: randomUUID(), eventId: () => undefined };
  const commandId = nameBasedUuid(COMMAND_NAMESPACE, JSON.stringify([command.actor.id, taskId, idempotencyKey]));
  const body = canonicalJson(withoutTimeAndActor(command));
  return { commandId, eventId: (index) => nameBasedUuid(COMMAND_NAMESPACE, JSON.stringify([commandId, body, index])) };
}

/** The time is the service's (a retry comes later); the actor is in the command id already. */
function withoutTimeAndActor(command: DTaskCommand): Record<string, unknown> {
  const { at: _at, actor: _actor, ...body } = command;
  return body;
}

/** JSON with object keys sorted, so the same body always digests the same. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
  entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([key, v]) => `${JSON.stringify(key)}:${canonicalJson(v)}`).join(',')}}`;
}
