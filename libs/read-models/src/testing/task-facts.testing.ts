import { newTaskFacts, TaskFacts } from '../measures/task-facts';

/** A task's facts for specs: received at `receivedAt` in Oulu at hour 0, nothing else happened unless told. */
export function taskFacts(taskId: string, receivedAt: string, facts: Partial<TaskFacts> = {}): TaskFacts {
  return { ...newTaskFacts(taskId, Date.parse(receivedAt), { area: 'Oulu-Hailuoto', municipality: 'Oulu', taskCode: '745' }), hour: 0, ...facts };
}
