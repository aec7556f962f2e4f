import { DTaskState, initialState } from '../dtask/state';

const SHAPE = Object.keys(initialState).join();

/**
 * What a state breaks of its stage's type, or undefined: the promises `evolve` makes with its one
 * cast (an owner exactly while claimed, a handoff or a visit exactly while awaiting one, …), and the one
 * object shape every state shares so the fold stays fast.
 */
export function stageProblem(state: DTaskState): string | undefined {
  if (Object.keys(state).join() !== SHAPE) return 'not the shape of the initial state';
  if (!state.exists) {
    const known = state.status !== 'waiting' || state.taskId !== undefined || state.receivedAt !== undefined || state.owner !== undefined || state.handoff !== undefined || state.visit !== undefined;
    return known ? 'a task not received knows something' : undefined;
  }
  if (typeof state.taskId !== 'string' || typeof state.receivedAt !== 'string') return 'a received task without its id or receipt time';
  const claimed = state.status === 'claimed';
  if (claimed !== (typeof state.owner === 'string') || claimed !== (typeof state.claimedAt === 'string')) return `${state.status} with owner ${state.owner}`;
  if ((state.status === 'awaiting-handoff') !== (state.handoff !== undefined)) return `${state.status} with handoff ${JSON.stringify(state.handoff)}`;
  if ((state.status === 'awaiting-visit') !== (state.visit !== undefined)) return `${state.status} with visit ${JSON.stringify(state.visit)}`;
  if (state.status === 'closed' && state.closedOutcome === undefined) return 'closed without an outcome';
  return undefined;
}
