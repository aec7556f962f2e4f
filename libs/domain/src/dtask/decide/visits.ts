import { CommandOf } from '../commands';
import { reject } from '../rejection';
import { OpenTask } from '../state';
import { Emit } from './emit';

// Placeholders until the visit stage lands (issue 14): each refuses, so no stream gets these events yet.
export function completeHandoff(_command: CommandOf<'CompleteHandoff'>, _state: OpenTask): Emit {
  return reject('not-awaiting-handoff', 'no visit is awaited');
}
export function failHandoff(_command: CommandOf<'FailHandoff'>, _state: OpenTask): Emit {
  return reject('not-awaiting-handoff', 'no visit is awaited');
}
export function markHandoffVisitOverdue(_command: CommandOf<'MarkHandoffVisitOverdue'>, _state: OpenTask): Emit {
  return reject('not-awaiting-handoff', 'no visit is awaited');
}
export function recordConsult(_command: CommandOf<'RecordConsult'>, _state: OpenTask): Emit {
  return reject('not-claimed', 'consults are not recorded yet');
}
