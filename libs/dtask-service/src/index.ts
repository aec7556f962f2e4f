export * from './command-result';
export * from './load-policy';
export { DTaskService, DTaskServiceOptions, HandleOptions } from './dtask-service';
export { decideCommand, Decision } from './decide-command';
export { receiveTask, IntakeRequest } from './intake';
export { differingFields } from './intake-differences';
export { taskIdForErcTask } from './task-id';
export { stampEvents } from './stamp-events';
export { identify, CommandIdentity } from './command-identity';
